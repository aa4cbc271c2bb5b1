package main

import (
	"runtime"
	"sync/atomic"
)

// With one P, a goroutine spinning in a loop that calls no function must still let the others
// run: go1.19 preempts it by signal, gocc by the poll at the loop's back-edge (docs/runtime.md,
// Preemption).

var flag int32

func main() {
	runtime.GOMAXPROCS(1)

	// main spins until a goroutine, which can run only once main is preempted, sets the flag
	go func() { atomic.StoreInt32(&flag, 1) }()
	i := 0
	for atomic.LoadInt32(&flag) == 0 {
		i++
	}
	println("main was preempted", i > 0)

	// goroutines that never stop: an empty-bodied counter and a range loop nested in an endless
	// for; main runs again, and returns, only because each is preempted in turn
	go func() {
		n := 0
		for {
			n++
		}
	}()
	go func() {
		s := make([]int, 100)
		for k := 0; ; k++ {
			for j := range s {
				s[j] += k
			}
		}
	}()
	runtime.Gosched()
	println("main ran again")
	runtime.Gosched()
	println("and again")
}
