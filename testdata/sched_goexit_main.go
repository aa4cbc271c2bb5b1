package main

import "runtime"

// runtime.Goexit runs the deferred calls of its goroutine; from main, the program goes on until the
// other goroutines are done and then dies with go1.19's "no goroutines" fatal error.

func worker(n int, done chan<- int) {
	defer func() {
		println("worker", n, "recover:", recover() == nil)
		done <- n
	}()
	if n == 2 {
		runtime.Goexit()
	}
	println("worker", n, "returns")
}

func main() {
	done := make(chan int)
	for i := 1; i <= 3; i++ {
		go worker(i, done)
		<-done
	}
	go func() {
		defer println("last deferred")
		for i := 0; i < 3; i++ {
			runtime.Gosched()
		}
		println("last done")
	}()
	defer println("main deferred")
	runtime.Goexit()
	println("not reached")
}
