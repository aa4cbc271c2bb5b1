// A negative low bound.
package main

func main() {
	s := []int{1, 2, 3}
	lo := -2
	_ = s[lo:]
}
