// A select whose cases are all on nil channels (and has no default) blocks forever: with no other
// goroutine, go1.19 reports the deadlock with the goroutine parked in `select`.
package main

func main() {
	var a chan int
	var b chan string
	println("before")
	select {
	case <-a:
	case b <- "x":
	}
	println("after")
}
