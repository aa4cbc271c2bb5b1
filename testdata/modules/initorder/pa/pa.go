package pa

import "example.com/initorder/pc"

var V = say("pa.V") + pc.V

func say(s string) int { println(s); return 1 }

func init() { println("pa.init") }
