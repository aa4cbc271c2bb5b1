// Benchmark: spawn and join 1,000,000 goroutines. Each goroutine adds its index to a per-batch
// counter and signals a sync.WaitGroup; batches of 10,000 are joined before the next starts, so at
// most 10,000 exist at once (the scheduler issue's spawn-and-join; go1.19 here: ~788 ns each).
package main

import (
	"sync"
	"sync/atomic"
)

const total, batch = 1000000, 10000

func main() {
	var sum int64
	var wg sync.WaitGroup
	for b := 0; b < total; b += batch {
		wg.Add(batch)
		for i := b; i < b+batch; i++ {
			go func(i int) {
				atomic.AddInt64(&sum, int64(i&1023))
				wg.Done()
			}(i)
		}
		wg.Wait()
	}
	println(sum)
}
