package pc

var V = say("pc.V")

func say(s string) int { println(s); return 1 }

func init() { println("pc.init") }

var V2 = V + 1
