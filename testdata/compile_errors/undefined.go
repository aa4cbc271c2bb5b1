// Uses of undeclared names are reported, each at its own position.
package main

func main() {
	x := 1
	println(x + y)
	z = 2
	undefinedFunc(x)
}
