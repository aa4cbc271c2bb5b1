// Ten thousand goroutines each sleep a random short duration (one timer heap, run by the
// scheduler: no thread per timer), and ten thousand timers of time.After fire, all in any order.
package main

import (
	"fmt"
	"math/rand"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	woke := 0
	for i := 0; i < 10000; i++ {
		wg.Add(1)
		d := time.Duration(rand.Intn(20000)) * time.Microsecond
		go func() {
			start := time.Now()
			time.Sleep(d)
			if time.Since(start) < d {
				panic("woke early")
			}
			mu.Lock()
			woke++
			mu.Unlock()
			wg.Done()
		}()
	}
	wg.Wait()
	fmt.Println("sleepers woke:", woke)

	c := make(chan int, 100)
	for i := 0; i < 10000; i++ {
		go func(i int) {
			<-time.After(time.Duration(i%50) * 100 * time.Microsecond)
			c <- i
		}(i)
	}
	sum := 0
	for i := 0; i < 10000; i++ {
		sum += <-c
	}
	fmt.Println("timers fired, sum:", sum)
}
