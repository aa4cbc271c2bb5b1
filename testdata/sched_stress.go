package main

import "sync"

// The short form of the scheduler's stress test: 10,000 goroutines in a ring of buffered channels
// pass messages and update shared counters under a sync.Mutex; the totals must come out exact.

const workers, rounds = 10000, 20

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	counter, sum := 0, 0
	ring := make([]chan int, workers)
	for i := range ring {
		ring[i] = make(chan int, 2)
	}
	wg.Add(workers)
	for i := 0; i < workers; i++ {
		go func(i int) {
			defer wg.Done()
			next := ring[(i+1)%workers]
			for r := 0; r < rounds; r++ {
				mu.Lock()
				counter++
				mu.Unlock()
				next <- i
				v := <-ring[i]
				mu.Lock()
				sum += v
				mu.Unlock()
			}
		}(i)
	}
	wg.Wait()
	println("counter", counter, "sum", sum)
}
