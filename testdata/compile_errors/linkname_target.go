// //go:linkname must name a function or variable of the package, once.
package main

import _ "unsafe"

type T int

const C = 1

var x int

//go:linkname T runtime.T
//go:linkname C runtime.C
//go:linkname nothing runtime.nothing
//go:linkname x runtime.x1
//go:linkname x runtime.x2

func main() {
	println(x)
}
