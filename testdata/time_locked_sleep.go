// Timers while goroutines are locked to their threads: package init (goroutine 1 wired to the main
// thread) sleeps and waits on time.After, then a locked main and a locked goroutine sleep. A
// locked goroutine that parks hands its P off without looking for work, so the scheduler must
// still find an M to wait for the timer (gc's handoffp wakes one). Run at GOMAXPROCS 1 and 4.
package main

import (
	"fmt"
	"runtime"
	"time"
)

func init() {
	start := time.Now()
	time.Sleep(10 * time.Millisecond)
	<-time.After(5 * time.Millisecond)
	fmt.Println("init slept:", time.Since(start) >= 15*time.Millisecond)
}

func run() {
	runtime.LockOSThread()
	time.Sleep(5 * time.Millisecond)
	t := time.NewTimer(5 * time.Millisecond)
	<-t.C
	fmt.Println("locked main slept")
	c := make(chan int)
	go func() {
		runtime.LockOSThread()
		time.Sleep(5 * time.Millisecond)
		c <- 1
	}()
	<-c
	fmt.Println("locked goroutine slept")
	runtime.UnlockOSThread()
}

func main() {
	for _, procs := range []int{1, 4} {
		runtime.GOMAXPROCS(procs)
		run()
	}
}
