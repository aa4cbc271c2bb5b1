// Benchmark: timers. 100,000 goroutines each sleep 1 ms five times (500,000 Sleep timers, added
// to and run from the Ps' timer heaps while up to 100,000 are pending at once), then 1,000
// Tickers of 1 ms each deliver 50 ticks to their own goroutine, and 100,000 AfterFuncs are
// started and half of them stopped (the timer issue's benchmark: timers in a heap per P).
package main

import (
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	var wg sync.WaitGroup
	var sleeps int64
	for i := 0; i < 100000; i++ {
		wg.Add(1)
		go func() {
			for j := 0; j < 5; j++ {
				time.Sleep(time.Millisecond)
				atomic.AddInt64(&sleeps, 1)
			}
			wg.Done()
		}()
	}
	wg.Wait()

	var ticks int64
	for i := 0; i < 1000; i++ {
		wg.Add(1)
		go func() {
			t := time.NewTicker(time.Millisecond)
			for j := 0; j < 50; j++ {
				<-t.C
			}
			t.Stop()
			atomic.AddInt64(&ticks, 50)
			wg.Done()
		}()
	}
	wg.Wait()

	var fired, stopped int64
	for i := 0; i < 100000; i++ {
		t := time.AfterFunc(time.Duration(1+i%5)*time.Millisecond, func() {
			atomic.AddInt64(&fired, 1)
		})
		if i%2 == 0 && t.Stop() {
			stopped++
		}
	}
	for atomic.LoadInt64(&fired)+stopped < 100000 {
		time.Sleep(time.Millisecond)
	}
	println(sleeps, ticks, atomic.LoadInt64(&fired)+stopped)
}
