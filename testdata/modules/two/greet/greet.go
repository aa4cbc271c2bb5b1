package greet

import (
	"example.com/two/util"
)

var Greeting = hello("world")

func hello(who string) string {
	println("init greet.Greeting")
	return "hello, " + who + " x" + itoa(util.Double(2))
}

func init() { println("greet.init 1") }
func init() { println("greet.init 2") }

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// T embeds util.T and has its own unexported n: the two n do not clash.
type T struct {
	util.T
	n int
}

func Make() T { return T{*util.New(7, "seven"), 70} }
func (t T) Own() int { return t.n }

type Stringer interface{ String() string }
