// Indexing a slice past its length panics with the index and the length.
package main

func main() {
	s := []int{1, 2, 3}
	i := 5
	println(s[2])
	println(s[i])
}
