// Benchmark: mutex contention on GOMAXPROCS threads. One goroutine per P increments a shared counter
// under a sync.Mutex, 20,000,000 increments in all, with a little work outside the lock so that
// both the fast path and the semaphore slow path (spinning, parking, hand-off) run.
package main

import (
	"runtime"
	"sync"
)

const total = 20000000

func main() {
	procs := runtime.GOMAXPROCS(0)
	var mu sync.Mutex
	var wg sync.WaitGroup
	counter, outside := 0, make([]int, procs)
	for p := 0; p < procs; p++ {
		wg.Add(1)
		go func(p int) {
			defer wg.Done()
			x := p
			for i := 0; i < total/procs; i++ {
				mu.Lock()
				counter++
				mu.Unlock()
				x = x*1103515245 + 12345
			}
			outside[p] = x & 1
		}(p)
	}
	wg.Wait()
	println(counter == total/procs*procs, len(outside))
}
