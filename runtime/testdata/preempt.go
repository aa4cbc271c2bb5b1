package main

import (
	"runtime"
	"sync/atomic"
)

var flag int32

//go:noinline
func step(i int) int { return i + 1 }

// With one P, main spins calling step until another goroutine has run: only preemption lets it run.
func main() {
	runtime.GOMAXPROCS(1)
	go func() { atomic.StoreInt32(&flag, 1) }()
	i := 0
	for atomic.LoadInt32(&flag) == 0 {
		i = step(i)
	}
	println("preempted", i > 0)
}
