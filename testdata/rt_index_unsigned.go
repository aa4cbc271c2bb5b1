// An out-of-range unsigned index is printed as an unsigned number.
package main

func main() {
	s := []int{1, 2, 3}
	var u uint = 1 << 63
	println(s[u])
}
