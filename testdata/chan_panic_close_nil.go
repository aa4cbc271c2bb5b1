// A channel run-time panic with go1.19's text and exit status 2.
package main

func main() {
	var c chan int
	println("closing nil")
	close(c)
}
