// sync.Pool and fmt (whose printers come from a Pool) from goroutines on several Ps at once: no
// object is ever handed to two goroutines at the same time (sema.c's procPin answers the running P,
// so the per-P pools are never shared), and every Sprintf result is right.
package main

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
)

type obj struct {
	inUse int32
	n     int
}

func main() {
	runtime.GOMAXPROCS(4)
	pool := sync.Pool{New: func() any { return new(obj) }}
	var bad, wrong int32
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			var held [16]*obj
			for i := 0; i < 3000; i++ {
				// a batch of Gets, then of Puts: the Puts overflow the private slot into the P's
				// shared queue, which only its own P may push to
				for k := range held {
					o := pool.Get().(*obj)
					if !atomic.CompareAndSwapInt32(&o.inUse, 0, 1) {
						atomic.AddInt32(&bad, 1)
					}
					o.n++
					held[k] = o
				}
				for k, o := range held {
					atomic.StoreInt32(&o.inUse, 0)
					pool.Put(o)
					held[k] = nil
				}
				if i%100 == 0 {
					if s := fmt.Sprintf("%d-%d", g, i); s != fmt.Sprint(g)+"-"+fmt.Sprint(i) {
						atomic.AddInt32(&wrong, 1)
					}
				}
			}
		}(g)
	}
	wg.Wait()
	fmt.Println("shared objects:", bad, "wrong strings:", wrong)
}
