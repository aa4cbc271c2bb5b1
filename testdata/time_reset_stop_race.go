// Reset and Stop racing on shared timers from many goroutines (on different Ps, against the P
// that runs the timer). Every activation of a timer (its start, and every Reset) ends exactly
// once: it fires, or a Stop reports it pending, or a later Reset reports it pending. So for each
// timer 1 + resets == fires + stops that returned true + resets that returned true, whatever the
// interleaving. A Ticker under concurrent Reset keeps ticking and stops.
package main

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

type counted struct {
	t                                  *time.Timer
	fires, resets, stopTrue, resetTrue int64
}

func main() {
	runtime.GOMAXPROCS(4)
	const ntimers = 8
	var timers [ntimers]*counted
	for i := range timers {
		c := &counted{}
		c.t = time.AfterFunc(time.Duration(i)*100*time.Microsecond, func() {
			atomic.AddInt64(&c.fires, 1)
		})
		timers[i] = c
	}
	var wg sync.WaitGroup
	for g := 0; g < 16; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 2000; i++ {
				c := timers[(g+i)%ntimers]
				if (g+i)%3 == 0 {
					if c.t.Stop() {
						atomic.AddInt64(&c.stopTrue, 1)
					}
				} else {
					atomic.AddInt64(&c.resets, 1)
					if c.t.Reset(time.Duration(i%5) * 50 * time.Microsecond) {
						atomic.AddInt64(&c.resetTrue, 1)
					}
				}
				if i%100 == 0 {
					time.Sleep(100 * time.Microsecond)
				}
			}
		}(g)
	}
	wg.Wait()
	for _, c := range timers {
		if c.t.Stop() {
			atomic.AddInt64(&c.stopTrue, 1)
		}
	}
	time.Sleep(100 * time.Millisecond) // an f that had started before the last Stop is done
	bad, total := 0, int64(0)
	for i, c := range timers {
		total += c.resets
		ends := atomic.LoadInt64(&c.fires) + c.stopTrue + c.resetTrue
		if 1+c.resets != ends {
			bad++
			fmt.Println("timer", i, "activations", 1+c.resets, "ends", ends)
		}
	}
	fmt.Println("resets:", total, "timers with unbalanced activations:", bad)

	tk := time.NewTicker(time.Millisecond)
	var tw sync.WaitGroup
	for g := 0; g < 4; g++ {
		tw.Add(1)
		go func(g int) {
			defer tw.Done()
			for i := 0; i < 50; i++ {
				tk.Reset(time.Duration(1+(g+i)%3) * 100 * time.Microsecond)
				time.Sleep(50 * time.Microsecond)
			}
		}(g)
	}
	got := 0
	for got < 20 {
		<-tk.C
		got++
	}
	tw.Wait()
	tk.Stop()
	fmt.Println("ticks received:", got)
}
