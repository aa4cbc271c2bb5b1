// A select with only a default runs the default.
package main

func main() {
	n := 0
	select {
	default:
		n++
	}
	println(n)
}
