package main

import (
	"runtime"
	"sync/atomic"
)

// 1000 goroutines in 10 rings pass a token 100 times around; everyone adds to a shared counter;
// GOMAXPROCS changes while they run. Only main prints.
func main() {
	var total int64
	done := make(chan int)
	const rings, size, laps = 10, 100, 100
	for r := 0; r < rings; r++ {
		chans := make([]chan int, size)
		for i := range chans {
			chans[i] = make(chan int)
		}
		for i := 0; i < size; i++ {
			go func(in, out chan int, last bool) {
				for {
					v := <-in
					atomic.AddInt64(&total, 1)
					if last && v == laps-1 {
						done <- 1
						return
					}
					if last {
						v++
					}
					out <- v
				}
			}(chans[i], chans[(i+1)%size], i == size-1)
		}
		go func(c chan int) { c <- 0 }(chans[0])
	}
	old := runtime.GOMAXPROCS(3)
	for r := 0; r < rings; r++ {
		<-done
		runtime.GOMAXPROCS(1 + r%4)
	}
	runtime.GOMAXPROCS(old)
	println("total", atomic.LoadInt64(&total))
}
