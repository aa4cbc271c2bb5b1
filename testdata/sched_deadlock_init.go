package main

// A deadlock during package initialisation: goroutine 1 is still wired to the main thread then,
// and go1.19's header says so.

var c = make(chan int)

func init() {
	go func() { select {} }()
	<-c
}

func main() {}
