// sync across goroutines that really block (sema.c's semaphores and notify lists parking through the
// scheduler): a Mutex under contention, a WaitGroup waited on by one goroutine while others finish,
// a Cond that goroutines wait on until a Broadcast and a Signal each, an RWMutex with readers and
// writers, and a channel-free handoff chain of Mutexes. The totals are deterministic.
package main

import (
	"runtime"
	"sync"
)

func main() {
	runtime.GOMAXPROCS(4)

	var mu sync.Mutex
	var wg sync.WaitGroup
	total := 0
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 10000; i++ {
				mu.Lock()
				total++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	println("mutex total", total)

	var cmu sync.Mutex
	cond := sync.NewCond(&cmu)
	ready := false
	woken := 0
	var cwg sync.WaitGroup
	for g := 0; g < 5; g++ {
		cwg.Add(1)
		go func() {
			defer cwg.Done()
			cmu.Lock()
			for !ready {
				cond.Wait()
			}
			woken++
			cmu.Unlock()
		}()
	}
	runtime.Gosched()
	cmu.Lock()
	ready = true
	cmu.Unlock()
	cond.Broadcast()
	cwg.Wait()
	println("cond woken", woken)

	// Signal wakes one waiter at a time
	turns := 0
	var swg sync.WaitGroup
	cmu.Lock()
	for g := 0; g < 3; g++ {
		swg.Add(1)
		go func() {
			defer swg.Done()
			cmu.Lock()
			cond.Wait()
			turns++
			cmu.Unlock()
		}()
	}
	cmu.Unlock()
	for done := 0; done < 3; {
		cmu.Lock()
		done = turns
		cmu.Unlock()
		cond.Signal()
		runtime.Gosched()
	}
	swg.Wait()
	println("signal turns", turns)

	var rw sync.RWMutex
	shared := map[int]int{}
	var rwg sync.WaitGroup
	for g := 0; g < 4; g++ {
		rwg.Add(2)
		go func(g int) {
			defer rwg.Done()
			for i := 0; i < 500; i++ {
				rw.Lock()
				shared[g*1000+i] = i
				rw.Unlock()
			}
		}(g)
		go func() {
			defer rwg.Done()
			for i := 0; i < 500; i++ {
				rw.RLock()
				_ = len(shared)
				rw.RUnlock()
			}
		}()
	}
	rwg.Wait()
	println("rwmutex entries", len(shared))

	var once sync.Once
	calls := 0
	var owg sync.WaitGroup
	for g := 0; g < 10; g++ {
		owg.Add(1)
		go func() {
			defer owg.Done()
			once.Do(func() { calls++ })
		}()
	}
	owg.Wait()
	println("once calls", calls)
}
