package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"
)

// The Go twin of goroutines_bench.c, for go1.19: go run goroutines_bench.go

func rssKB() int {
	b, _ := os.ReadFile("/proc/self/status")
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, "VmRSS:") {
			n, _ := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(l, "VmRSS:"), "kB")))
			return n
		}
	}
	return 0
}

func main() {
	const N = 1000000
	ping, pong := make(chan int), make(chan int)
	go func() {
		for {
			pong <- (<-ping) + 1
		}
	}()
	t0 := time.Now()
	v := 0
	for i := 0; i < N; i++ {
		ping <- v
		v = <-pong
	}
	fmt.Printf("ping-pong: %.1f ns per round trip (%d)\n", float64(time.Since(t0).Nanoseconds())/N, v)

	var wg sync.WaitGroup
	wg.Add(N)
	t0 = time.Now()
	for i := 0; i < N; i++ {
		go wg.Done()
	}
	wg.Wait()
	fmt.Printf("spawn: %.1f ns per goroutine\n", float64(time.Since(t0).Nanoseconds())/N)

	before := rssKB()
	parked := make(chan int)
	wg.Add(N)
	for i := 0; i < N; i++ {
		go func() { wg.Done(); <-parked }()
	}
	wg.Wait()
	fmt.Printf("parked: %.0f bytes of RSS per goroutine\n", float64(rssKB()-before)*1024/N)
}
