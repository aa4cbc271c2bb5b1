// Slicing a string with inverted bounds.
package main

func main() {
	s := "hello"
	i, j := 4, 1
	println(s[1:4])
	println(s[i:j])
}
