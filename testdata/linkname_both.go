// //go:linkname in both directions within one package: a function with a body defined under
// another symbol, a body-less function referring to that symbol, a variable defined under one;
// the other directives the standard library uses are accepted.
package main

import _ "unsafe"

//go:linkname double main.pushed
func double(x int) int { return x * 2 }

//go:linkname pulled main.pushed
func pulled(x int) int

//go:linkname counter main.sharedCounter
var counter = 5

//go:linkname visible
func visible() string { return "visible" }

//go:noescape
func noescape(p *int)

//go:linkname noescape main.pushedNoescape
func pushedNoescape(p *int) { *p++ }

//go:noinline
//go:nosplit
//go:norace
//go:nocheckptr
//go:uintptrescapes
func main() {
	f := pulled
	println(pulled(21), counter, f(2), double(4), visible())
	counter++
	println(counter)
}
