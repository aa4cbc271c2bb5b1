// gc_finalizer: finalizers run after their object becomes unreachable and a collection finds it, on
// the finalizer goroutine, exactly once. Waiting is by polling (runtime.GC, then a short sleep, a
// bounded number of times), so the output does not depend on when the finalizer goroutine runs; the
// objects are made in a separate function so that no stale copy of a pointer stays in main's frame.
package main

import (
	"runtime"
	"sync/atomic"
	"time"
)

type obj struct {
	id  int
	pad [48]byte
}

var ran [8]int32
var total int32

//go:noinline
func makeObjects() {
	for i := range ran {
		o := &obj{id: i}
		runtime.SetFinalizer(o, func(o *obj) {
			atomic.AddInt32(&ran[o.id], 1)
			atomic.AddInt32(&total, 1)
		})
	}
}

// waitFor collects and sleeps until *n reaches want or 200 rounds have passed; it returns *n.
func waitFor(n *int32, want int32) int32 {
	for i := 0; i < 200 && atomic.LoadInt32(n) < want; i++ {
		runtime.GC()
		time.Sleep(time.Millisecond)
	}
	return atomic.LoadInt32(n)
}

var keptRan int32

//go:noinline
func keepAndRemove() {
	keep := &obj{id: 99}
	runtime.SetFinalizer(keep, func(*obj) { atomic.StoreInt32(&keptRan, 1) })
	for i := 0; i < 3; i++ {
		runtime.GC()
	}
	time.Sleep(10 * time.Millisecond)
	println("reachable finalized:", atomic.LoadInt32(&keptRan), keep.id)
	runtime.SetFinalizer(keep, nil)
}

func main() {
	// After collections, every finalizer has run.
	makeObjects()
	println("finalized:", waitFor(&total, int32(len(ran))))

	// More collections run none of them again.
	for i := 0; i < 5; i++ {
		runtime.GC()
	}
	time.Sleep(10 * time.Millisecond)
	for i := range ran {
		print(atomic.LoadInt32(&ran[i]), " ")
	}
	println()

	// A reachable object's finalizer never runs; a removed one (nil) never runs either.
	keepAndRemove()
	for i := 0; i < 3; i++ {
		runtime.GC()
	}
	time.Sleep(10 * time.Millisecond)
	println("removed finalizer ran:", atomic.LoadInt32(&keptRan))
}
