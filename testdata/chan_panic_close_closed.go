// A channel run-time panic with go1.19's text and exit status 2.
package main

func main() {
	c := make(chan int)
	close(c)
	println("closing again")
	close(c)
}
