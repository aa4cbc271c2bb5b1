// Benchmark: 1,000,000 parked goroutines. Each goroutine blocks receiving from one shared channel;
// once all have started (a WaitGroup), closing the channel wakes them all and they exit. The figure
// that matters is peak RSS per goroutine (go1.19 here: about 2.7 KB each), then the time to create,
// park, wake and retire them.
package main

import "sync"

const n = 1000000

func main() {
	gate := make(chan struct{})
	var started, done sync.WaitGroup
	started.Add(n)
	done.Add(n)
	for i := 0; i < n; i++ {
		go func() {
			started.Done()
			<-gate
			done.Done()
		}()
	}
	started.Wait()
	close(gate)
	done.Wait()
	println(n)
}
