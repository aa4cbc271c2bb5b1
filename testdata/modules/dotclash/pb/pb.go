package pb

import (
	. "example.com/dotclash/pc"
)

var W = say("pb.W")
var V = say("pb.V") + W + V2

func say(s string) int { println(s); return 1 }

func init() { println("pb.init", V) }
