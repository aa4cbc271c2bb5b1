// Channel types need the scheduler; until it exists gocc must reject them
// with a "not supported yet" diagnostic.
package main

func main() {
	c := make(chan int, 1) // UNSUPPORTED
	c <- 42
	println(<-c)
}
