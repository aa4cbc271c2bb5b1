// A panic deep in a call chain still ends the program with exit status 2; the
// message is built at run time by concatenation.
package main

func level(n int, what string) {
	if n == 0 {
		panic("bottom reached: " + what)
	}
	level(n-1, what+"!")
}

func main() {
	println("descending")
	level(5, "go")
}
