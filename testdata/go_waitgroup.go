// sync.WaitGroup and sync.Mutex with goroutines: 50 goroutines each add to a shared counter
// under the mutex; Wait returns when all are done.
package main

import "sync"

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	total := 0
	for i := 1; i <= 50; i++ {
		wg.Add(1)
		go func(n int) {
			defer wg.Done()
			for k := 0; k < 100; k++ {
				mu.Lock()
				total += n
				mu.Unlock()
			}
		}(i)
	}
	wg.Wait()
	println(total)
}
