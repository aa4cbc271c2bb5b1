// Indexing a string past its length panics.
package main

func main() {
	s := "abc"
	n := 10
	println(s[1])
	println(s[n])
}
