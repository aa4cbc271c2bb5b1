package main

import "runtime"

// An unrecovered panic in a goroutine ends the program with exit status 2; the report names the
// panicking goroutine (go1.19 numbers the first user goroutine 5, after its own three).

func main() {
	runtime.GOMAXPROCS(1) // goroutine ids depend on the P that creates them
	done := make(chan int)
	for i := 0; i < 3; i++ {
		go func(i int) { done <- i }(i)
		<-done
	}
	go func() {
		defer println("deferred in the goroutine")
		panic("boom")
	}()
	<-done
}
