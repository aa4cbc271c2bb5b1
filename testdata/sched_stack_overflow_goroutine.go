package main

import "runtime"

// Runaway recursion in a goroutine: go1.19's stack overflow report names that goroutine.

var sink int

func down(n int) int {
	sink = n
	return down(n+1) + 1
}

func main() {
	runtime.GOMAXPROCS(1) // goroutine ids depend on the P that creates them
	done := make(chan int)
	go func() { done <- down(0) }()
	println(<-done)
}
