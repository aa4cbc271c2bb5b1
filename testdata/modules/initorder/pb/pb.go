package pb

import (
	_ "example.com/initorder/pd"
	. "example.com/initorder/pc"
)

var W = say("pb.W")
var VB = say("pb.V") + W + V2

func say(s string) int { println(s); return 1 }

func init() { println("pb.init", VB) }
