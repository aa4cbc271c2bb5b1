// Slicing a pointer to an array beyond its length reports the length.
package main

func main() {
	a := new([3]int)
	n := 5
	_ = a[:n]
}
