// Qualified identifiers gc refuses, and package identity in types.
package main

import (
	"example.com/qualerrors/a"
	"example.com/qualerrors/b"
	bb "example.com/qualerrors/b"
	unused "example.com/qualerrors/a"
)

func main() {
	println(a.Nope)
	println(a.private)
	var h a.hidden
	var t a.T
	println(t.n, h)
	t.m()
	var u b.T = t
	_ = u
	var x = a.T{X: 1}
	println(x == b.T{})
	println(a.K)
	a := 1
	_ = a
	_ = bb.T{}
}
