// Package-level variables are initialised in dependency order, not source
// order; init functions run after all of them, in source order.
package main

var a = b + c
var b = f("b", 1)
var c = f("c", 2)
var d = initD()

var total int

func f(name string, v int) int {
	println("init", name)
	return v
}

func initD() int {
	println("init d, a =", a)
	return a * 10
}

func init() {
	println("init() #1, d =", d)
	total = d
}

func init() {
	println("init() #2")
	total++
}

func main() {
	println("main", a, b, c, d, total)
}
