// //go:linkname across packages: main pulls an unexported function and an unexported variable of
// package a by their link names (a body-less function, a variable without a value: gc's linker
// lets a's definitions win), and a pushes a function into main's name space.
package main

import (
	_ "unsafe"

	"example.com/linkname/a"
)

//go:linkname double example.com/linkname/a.double
func double(x int) int

//go:linkname counter example.com/linkname/a.counter
var counter int

//go:linkname fromA
func fromA() string

func main() {
	println(double(21), counter, fromA())
	a.Bump()
	println(counter)
}
