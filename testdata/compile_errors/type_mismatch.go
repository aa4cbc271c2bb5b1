// Assignments and operations between incompatible types.
package main

func main() {
	var i int = "hello"
	var s string = 1
	var f float64 = 1.5
	n := 2
	println(n + f)
	println(i, s)
}
