package a

import _ "unsafe"

var counter = 40

func double(x int) int { return 2 * x }

func Bump() { counter++ }

//go:linkname pushed main.fromA
func pushed() string { return "pushed by a" }
