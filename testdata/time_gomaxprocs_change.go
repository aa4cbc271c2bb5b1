// Timers across GOMAXPROCS changes: goroutines on four Ps start timers (AfterFunc, NewTimer,
// Ticker, Sleep), then GOMAXPROCS shrinks to 1 while they are pending (the retired Ps' timers
// move to P 0: go1.19's moveTimers), grows to 3, and shrinks again; every timer fires exactly once
// (a Ticker ticks until stopped), Stop of a moved timer still reports it pending, and a Reset of
// a moved timer fires once at its new time.
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
	var fired int64
	var wg sync.WaitGroup
	stoppers := make(chan *time.Timer, 100)
	resets := make(chan *time.Timer, 100)
	var started sync.WaitGroup
	for g := 0; g < 40; g++ {
		wg.Add(1)
		started.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 25; i++ { // 1,000 AfterFuncs, 20-60 ms out
				wg.Add(1)
				time.AfterFunc(time.Duration(20+(g*25+i)%40)*time.Millisecond, func() {
					atomic.AddInt64(&fired, 1)
					wg.Done()
				})
			}
			stoppers <- time.NewTimer(time.Hour)      // stopped later: must report pending
			resets <- time.NewTimer(time.Hour)        // reset later to fire soon
			t := time.NewTimer(30 * time.Millisecond) // a channel timer
			started.Done()
			<-t.C
			time.Sleep(time.Duration(g%5) * time.Millisecond)
		}(g)
	}
	started.Wait()
	runtime.GOMAXPROCS(1) // shrink while every timer is pending
	fmt.Println("procs after shrink:", runtime.GOMAXPROCS(0))
	pending := 0
	for i := 0; i < 40; i++ {
		if (<-stoppers).Stop() {
			pending++
		}
	}
	fmt.Println("moved timers stopped while pending:", pending)
	var resetFired int64
	for i := 0; i < 40; i++ {
		t := <-resets
		if !t.Reset(time.Duration(i%7) * time.Millisecond) {
			fmt.Println("reset of a pending moved timer reported not pending")
		}
		wg.Add(1)
		go func() {
			<-t.C
			atomic.AddInt64(&resetFired, 1)
			wg.Done()
		}()
	}
	runtime.GOMAXPROCS(3)
	tick := time.NewTicker(2 * time.Millisecond)
	ticks := 0
	for ticks < 10 {
		<-tick.C
		ticks++
		if ticks == 5 {
			runtime.GOMAXPROCS(1) // the ticker may move now
		}
	}
	tick.Stop()
	fmt.Println("ticks:", ticks)
	wg.Wait()
	fmt.Println("afterfuncs fired:", atomic.LoadInt64(&fired))
	fmt.Println("reset timers fired:", atomic.LoadInt64(&resetFired))
	runtime.GOMAXPROCS(2)
	done := make(chan bool)
	time.AfterFunc(time.Millisecond, func() { done <- true })
	runtime.GOMAXPROCS(1)
	<-done
	fmt.Println("done")
}
