// gc's placement rules for //go: directives: a directive must stand alone on its line, before a
// declaration that allows it (functions: go:noinline, go:nosplit ...; types: go:notinheap), and
// the runtime's own directives are refused elsewhere.
package main

import _ "unsafe"

//go:noinline
var v int

//go:notinheap
type T int

//go:nosplit
type A = int

//go:systemstack
func f() {}

func g() {} //go:noinline

func main() {
	//go:noinline
	x := 1
	_ = x
	f()
	g()
	var _ T
	var _ A
	println(v)
}
