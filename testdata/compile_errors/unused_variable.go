// A local variable that is declared and never used is an error.
package main

func main() {
	a := 1
	b, c := 2, 3
	println(b)
	var d string
}
