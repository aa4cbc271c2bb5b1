// sched_latencies_metric: runtime/metrics' /sched/latencies:seconds counts measured scheduling
// latencies, sampled as go1.19 samples them (one runnable period in 8 per goroutine, new goroutines
// 1 in 8 at random): 1000 goroutines that start and finish give more than 50 and fewer than 1000.
package main

import (
	"fmt"
	"runtime/metrics"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 1000; i++ {
		wg.Add(1)
		go func() { wg.Done() }()
	}
	wg.Wait()
	s := []metrics.Sample{{Name: "/sched/latencies:seconds"}}
	metrics.Read(s)
	h := s[0].Value.Float64Histogram()
	var n uint64
	for _, c := range h.Counts {
		n += c
	}
	fmt.Println(n > 50, n < 1000)
}
