// Shifting by a negative signed amount panics.
package main

func main() {
	x := 1
	s := 3
	println(x << s)
	s = -1
	println(x << s)
}
