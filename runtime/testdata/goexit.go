package main

import "runtime"

func main() {
	done := make(chan int)
	go func() {
		defer println("worker deferred")
		<-done
		println("worker got it")
		runtime.Goexit()
		println("not reached")
	}()
	defer println("main deferred")
	go func() { done <- 1 }()
	runtime.Goexit()
}
