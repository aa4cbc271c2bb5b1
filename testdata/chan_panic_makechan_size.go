// A channel run-time panic with go1.19's text and exit status 2.
package main

func main() {
	n := -1
	println("making")
	_ = make(chan int, n)
}
