// A buffered channel used by one goroutine: a send, then a receive of the same value.
package main

func main() {
	c := make(chan int, 1)
	c <- 42
	println(<-c)
}
