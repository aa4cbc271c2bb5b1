// Directives before declarations that do not allow them: gc reports these after type checking
// (so only in a program without other errors).
//go:build !nothing
//go:noinline

package main

//go:noinline
var v int

//go:nosplit
type A = int

//go:noinline
//go:notinheap
type T int

//go:notinheap
func f() {}

func main() {
	//go:noescape
	const c = 1
	f()
	var _ A
	var _ T
	println(v, c)
}
