// Goroutines that sleep on a timer while locked to their threads and then exit still locked, at
// GOMAXPROCS 1 and 4, one after another and all at once. Each such exit ends its thread (go1.19's
// rule) through pthread_exit, whose forced unwind walks up the thread's scheduler stack: the
// scheduler's stack switch must read as the outermost frame there, not as a stale return address
// (asm_amd64.S's essay; time_locked_sleep.go crashed about one run in five before).
package main

import (
	"fmt"
	"runtime"
	"time"
)

func lockedSleep(i int, done chan<- int) {
	runtime.LockOSThread()
	time.Sleep(time.Duration(i%3) * time.Millisecond)
	t := time.NewTimer(time.Millisecond)
	<-t.C
	done <- i
}

func main() {
	for _, procs := range []int{1, 4} {
		runtime.GOMAXPROCS(procs)
		done := make(chan int)
		sum := 0
		for i := 0; i < 20; i++ {
			go lockedSleep(i, done)
			sum += <-done
		}
		for i := 0; i < 20; i++ {
			go lockedSleep(i, done)
		}
		for i := 0; i < 20; i++ {
			sum += <-done
		}
		fmt.Println("procs", procs, "sum", sum)
	}
}
