// make with a capacity smaller than the length.
package main

func main() {
	l, c := 5, 3
	s := make([]int, l, c)
	println(len(s))
}
