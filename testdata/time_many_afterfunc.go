// Many timers on many goroutines, counted exactly: 100 goroutines start 100 AfterFuncs each
// (10,000 timers spread over the Ps' heaps), and stop every third one at once: each Stop that
// reports true means its f never runs, so fired + stopped is exactly 10,000. Then 10,000
// goroutines each sleep three times (30,000 Sleep timers), and 1,000 goroutines each wait on
// 10 NewTimers in turn.
package main

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	runtime.GOMAXPROCS(4)
	var fired, stopped int64
	var starters sync.WaitGroup
	for g := 0; g < 100; g++ {
		starters.Add(1)
		go func(g int) {
			defer starters.Done()
			for i := 0; i < 100; i++ {
				t := time.AfterFunc(time.Duration((g+i)%10)*time.Millisecond, func() {
					atomic.AddInt64(&fired, 1)
				})
				if i%3 == 0 && t.Stop() {
					atomic.AddInt64(&stopped, 1)
				}
			}
		}(g)
	}
	starters.Wait()
	for atomic.LoadInt64(&fired)+atomic.LoadInt64(&stopped) < 10000 {
		time.Sleep(time.Millisecond)
	}
	time.Sleep(20 * time.Millisecond) // a stopped timer must never fire late
	fmt.Println("afterfunc: fired+stopped =", atomic.LoadInt64(&fired)+atomic.LoadInt64(&stopped),
		"some stopped:", atomic.LoadInt64(&stopped) > 0)

	var wg sync.WaitGroup
	var woke int64
	for g := 0; g < 10000; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 3; i++ {
				d := time.Duration(g%7+1) * 100 * time.Microsecond
				start := time.Now()
				time.Sleep(d)
				if time.Since(start) < d {
					panic("woke early")
				}
				atomic.AddInt64(&woke, 1)
			}
		}(g)
	}
	wg.Wait()
	fmt.Println("sleeps:", woke)

	var received int64
	for g := 0; g < 1000; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 10; i++ {
				t := time.NewTimer(time.Duration(g%3) * time.Millisecond)
				<-t.C
				if t.Stop() {
					panic("Stop of a fired timer reported pending")
				}
				atomic.AddInt64(&received, 1)
			}
		}(g)
	}
	wg.Wait()
	fmt.Println("timer receives:", received)
}
