// s[4:] on a slice of length 3: the high bound defaults to len.
package main

func main() {
	s := []int{1, 2, 3}
	lo := 4
	_ = s[lo:]
}
