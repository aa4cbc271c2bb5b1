// gc_finalizer_resurrect: a finalizer receives its object and may keep it (store it in a global):
// the object is then reachable again, its contents intact, and its finalizer, cleared before it
// ran, never runs a second time. Objects with finalizers are freed one cycle after their finalizer
// ran, so pointers from a finalized object stay valid in the finalizer: in a chain a -> b where
// both have finalizers and both become unreachable, a's finalizer runs first, and b's only in a
// later cycle, after a is gone (go1.19's ordering).
package main

import (
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

type node struct {
	name string
	next *node
	data [16]int
}

var (
	mu       sync.Mutex
	order    []string
	revived  *node
	finished int32
)

func record(n *node) {
	mu.Lock()
	order = append(order, n.name)
	mu.Unlock()
	atomic.AddInt32(&finished, 1)
}

//go:noinline
func makeRevivable() {
	n := &node{name: "phoenix"}
	for i := range n.data {
		n.data[i] = i * i
	}
	runtime.SetFinalizer(n, func(n *node) {
		revived = n
		record(n)
	})
}

//go:noinline
func makeChain() {
	b := &node{name: "b"}
	a := &node{name: "a", next: b}
	runtime.SetFinalizer(b, record)
	runtime.SetFinalizer(a, func(n *node) {
		// b is still intact here: it is reachable from a until a is freed
		if n.next.name != "b" {
			panic("b freed before a's finalizer")
		}
		record(n)
	})
}

func waitFor(want int32) int32 {
	for i := 0; i < 200 && atomic.LoadInt32(&finished) < want; i++ {
		runtime.GC()
		time.Sleep(time.Millisecond)
	}
	return atomic.LoadInt32(&finished)
}

func main() {
	makeRevivable()
	println("finalizers run:", waitFor(1))
	sum := 0
	for _, v := range revived.data {
		sum += v
	}
	println("revived", revived.name, sum)

	// Dropped again: its finalizer is gone, so it is simply freed.
	revived = nil
	for i := 0; i < 5; i++ {
		runtime.GC()
	}
	time.Sleep(10 * time.Millisecond)
	println("finalizers run:", atomic.LoadInt32(&finished))

	makeChain()
	println("finalizers run:", waitFor(3))
	mu.Lock()
	for _, s := range order {
		print(s, " ")
	}
	println()
	mu.Unlock()
}
