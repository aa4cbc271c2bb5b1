// A three-index slice whose low bound exceeds high.
package main

func main() {
	s := make([]int, 3)
	l, h := 2, 1
	_ = s[l:h:3]
}
