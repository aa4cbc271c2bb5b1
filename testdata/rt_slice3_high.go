// A three-index slice whose high bound exceeds max.
package main

func main() {
	s := make([]int, 3)
	h, m := 3, 2
	_ = s[0:h:m]
}
