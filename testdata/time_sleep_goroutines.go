// time.Sleep parks the goroutine (runtime/time.c): with GOMAXPROCS=1 another goroutine runs while
// main sleeps, sleepers wake in the order of their deadlines, a thousand concurrent sleeps take
// about as long as one, and a program whose only other goroutine sleeps is not deadlocked.
package main

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	runtime.GOMAXPROCS(1)

	var spins int64
	var stop int32
	go func() {
		for atomic.LoadInt32(&stop) == 0 {
			atomic.AddInt64(&spins, 1)
			runtime.Gosched()
		}
	}()
	time.Sleep(50 * time.Millisecond)
	atomic.StoreInt32(&stop, 1)
	fmt.Println("ran while main slept:", atomic.LoadInt64(&spins) > 0)

	var mu sync.Mutex
	var order []int
	var wg sync.WaitGroup
	for i := 5; i >= 1; i-- {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			time.Sleep(time.Duration(i) * 30 * time.Millisecond)
			mu.Lock()
			order = append(order, i)
			mu.Unlock()
		}(i)
	}
	wg.Wait()
	fmt.Println("wake order:", order)

	t0 := time.Now()
	for i := 0; i < 1000; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			time.Sleep(20 * time.Millisecond)
		}()
	}
	wg.Wait()
	d := time.Since(t0)
	fmt.Println("1000 sleeps of 20ms together:", d >= 20*time.Millisecond, d < 2*time.Second)

	done := make(chan bool)
	go func() {
		time.Sleep(30 * time.Millisecond)
		done <- true
	}()
	fmt.Println("received:", <-done)
}
