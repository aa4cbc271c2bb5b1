// A struct literal does not store into blank fields: they stay zero, though their values are
// evaluated (gc's fixedlit; test/fixedbugs/issue31546.go).
package main

import "unsafe"

type T struct{ a, _, c int }

var g = T{1, 2, 3}

func f() int {
	println("f evaluated")
	return 9
}

func main() {
	l := T{4, f(), 6}
	gw := (*[3]int)(unsafe.Pointer(&g))
	lw := (*[3]int)(unsafe.Pointer(&l))
	println(gw[0], gw[1], gw[2], lw[0], lw[1], lw[2])
}
