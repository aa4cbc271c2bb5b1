package main

import (
	"runtime"
	"sync/atomic"
)

// With one P, main spins calling a function until another goroutine has run: only preemption (at
// the function's prologue in gocc, by signal in go1.19) lets it run.

var flag int32

//go:noinline
func step(i int) int { return i + 1 }

func main() {
	runtime.GOMAXPROCS(1)
	go func() { atomic.StoreInt32(&flag, 1) }()
	i := 0
	for atomic.LoadInt32(&flag) == 0 {
		i = step(i)
	}
	println("preempted", i > 0)
}
