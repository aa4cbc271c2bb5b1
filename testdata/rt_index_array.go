// Indexing an array with a variable out of range panics at run time.
package main

func get(a [4]int, i int) int { return a[i] }

func main() {
	a := [4]int{10, 20, 30, 40}
	println(get(a, 3))
	println(get(a, 4))
}
