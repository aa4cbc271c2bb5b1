// make with a negative length.
package main

func main() {
	n := -1
	s := make([]int, n)
	println(len(s))
}
