// Many goroutines on sema.c at once: 10,000 goroutines share 16 Mutexes (so each semaRoot treap
// holds waiters on several addresses), wait on one WaitGroup, and pass through a Cond-guarded gate
// opened by Broadcast; the totals come out exact.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	runtime.GOMAXPROCS(4)
	const G, N, K = 10000, 10, 16
	var mus [K]sync.Mutex
	var counts [K]int

	var gateMu sync.Mutex
	gate := sync.NewCond(&gateMu)
	open := false
	arrived := 0

	var wg sync.WaitGroup
	for g := 0; g < G; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			gateMu.Lock()
			arrived++
			for !open {
				gate.Wait()
			}
			gateMu.Unlock()
			for i := 0; i < N; i++ {
				k := (g + i) % K
				mus[k].Lock()
				counts[k]++
				mus[k].Unlock()
			}
		}(g)
	}
	for {
		gateMu.Lock()
		if arrived == G {
			open = true
			gate.Broadcast()
			gateMu.Unlock()
			break
		}
		gateMu.Unlock()
		runtime.Gosched()
	}
	wg.Wait()
	total := 0
	for _, c := range counts {
		total += c
	}
	fmt.Println("total", total, "per mutex", counts[0], counts[K-1])
}
