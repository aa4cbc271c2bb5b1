package main

import "runtime"

// main.main returns while another goroutine is in the middle of a panic: go1.19's runtime.main
// waits (it yields while the panic runs its deferred calls, then parks while the report prints),
// so the report is complete and the exit status is 2, not 0.

func main() {
	runtime.GOMAXPROCS(1)
	done := make(chan int)
	go func() {
		defer println("second deferred call")
		defer func() {
			done <- 1         // main can return now
			runtime.Gosched() // and runs, returning, before this goroutine goes on
			println("first deferred call")
		}()
		panic("boom")
	}()
	<-done
}
