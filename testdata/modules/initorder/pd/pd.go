package pd

var V = say("pd.V")

func say(s string) int { println(s); return 1 }

func init() { println("pd.init") }
