// Slicing a slice beyond its capacity reports the capacity.
package main

func main() {
	s := make([]int, 2, 3)
	n := 5
	println(len(s[:3]))
	_ = s[:n]
}
