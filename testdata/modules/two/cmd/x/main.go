package main

import (
	"example.com/two/greet"
	u "example.com/two/util"
)

type T struct{ n int }

var local = trace()

func trace() int {
	println("init main.local")
	return 1
}

func init() { println("main.init") }

func main() {
	println(greet.Greeting, u.Calls)
	println(u.Double(21), u.Calls)
	t := u.New(3, "three")
	t.Bump()
	println(t.N(), t.Name, t.String())
	g := greet.Make()
	println(g.N(), g.Own(), g.Name)
	var s greet.Stringer = g
	println(s.String())
	var e interface{} = T{1}
	_, isUtil := e.(u.T)
	_, isMain := e.(T)
	println(isUtil, isMain)
	println(u.Small, u.Big, len(u.Table), u.Table[2])
	f := u.Double
	println(f(5))
	u.Table = append(u.Table, "three")
	println(len(u.Table))
	var k interface{} = u.Big
	panic(k)
}
