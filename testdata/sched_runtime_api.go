package main

import (
	"runtime"
	"sync/atomic"
)

// The scheduling API: GOMAXPROCS queries and sets, NumGoroutine counts live goroutines, Gosched
// lets a runnable goroutine run, LockOSThread nests.

func main() {
	old := runtime.GOMAXPROCS(0)
	println("GOMAXPROCS is NumCPU:", old == runtime.NumCPU())
	println("set 3, was", runtime.GOMAXPROCS(3) == old)
	println("now", runtime.GOMAXPROCS(0))
	runtime.GOMAXPROCS(1)
	println("NumGoroutine", runtime.NumGoroutine())

	block := make(chan int)
	started := make(chan int)
	for i := 0; i < 10; i++ {
		go func() {
			started <- 1
			<-block
		}()
		<-started
	}
	println("NumGoroutine", runtime.NumGoroutine())

	var ran int32
	go func() { atomic.StoreInt32(&ran, 1) }()
	for atomic.LoadInt32(&ran) == 0 {
		runtime.Gosched()
	}
	println("Gosched let it run")

	runtime.LockOSThread()
	runtime.LockOSThread()
	runtime.UnlockOSThread()
	done := make(chan bool)
	go func() { done <- true }()
	println("locked main still talks:", <-done)
	runtime.UnlockOSThread()
	runtime.UnlockOSThread() // one too many: no-op

	for i := 0; i < 10; i++ {
		block <- 1
	}
	for runtime.NumGoroutine() > 1 {
		runtime.Gosched()
	}
	println("NumGoroutine", runtime.NumGoroutine())
	runtime.GOMAXPROCS(old)
}
