// gc_collect: the collector frees and reuses memory (runtime/mgc.c, mheap.c). 2 GB allocated in all
// with a small live set: the live set survives every cycle intact and the heap stays small; several
// goroutines allocate and check their own lists while the world is stopped and restarted under
// them; MemStats stays consistent (NumGC grows, HeapAlloc drops once references are dropped, the
// identities between the heap fields hold); finalizers run once, on another goroutine, after their
// object becomes unreachable (at least 8 of 10: a conservative stack may keep a stray one).
package main

import (
	"fmt"
	"runtime"
	"sync"
	"time"
)

type node struct {
	next *node
	id   int
	pad  [6]int
}

type obj struct {
	id  int
	buf []byte
}

func list(n int) *node {
	var head *node
	for i := 0; i < n; i++ {
		head = &node{next: head, id: i}
	}
	return head
}

func check(head *node, n int) bool {
	k := 0
	for p := head; p != nil; p = p.next {
		if p.id != n-1-k {
			return false
		}
		k++
	}
	return k == n
}

var finalized = make(chan int, 10)

var sink []byte     // makes allocations escape
var big [][]byte

//go:noinline
func makeFinalized() {
	for i := 0; i < 10; i++ {
		o := &obj{id: i, buf: make([]byte, 100)}
		runtime.SetFinalizer(o, func(o *obj) { finalized <- o.id })
	}
}

func main() {
	live := list(1000)
	keep := make([][]byte, 16)
	for i := range keep {
		keep[i] = make([]byte, 4096)
		keep[i][0] = byte(i)
	}
	total := 0
	for i := 0; total < 2<<30; i++ {
		b := make([]byte, 64<<10)
		b[0] = byte(i)
		sink = b
		total += len(b)
		if i%1000 == 0 {
			sink = nil
			_ = list(1000)
		}
	}
	ok := check(live, 1000)
	for i := range keep {
		ok = ok && keep[i][0] == byte(i)
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Println("live set intact:", ok, "collected:", ms.NumGC > 10, "heap small:", ms.HeapSys < 256<<20)

	var wg sync.WaitGroup
	bad := make([]bool, 4)
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			mine := list(500)
			for r := 0; r < 200; r++ {
				_ = list(1000)
				sink = make([]byte, 32<<10)
				if !check(mine, 500) {
					bad[g] = true
				}
			}
		}(g)
	}
	wg.Wait()
	fmt.Println("goroutines' lists intact:", !bad[0] && !bad[1] && !bad[2] && !bad[3])

	big = make([][]byte, 100)
	for i := range big {
		big[i] = make([]byte, 100<<10)
	}
	runtime.GC()
	runtime.ReadMemStats(&ms)
	before, numgc := ms.HeapAlloc, ms.NumGC
	big = nil
	runtime.GC()
	runtime.ReadMemStats(&ms)
	fmt.Println("dropped:", before-ms.HeapAlloc > 9<<20, "one more cycle:", ms.NumGC == numgc+1,
		"forced:", ms.NumForcedGC >= 2)
	fmt.Println("consistent:", ms.HeapObjects == ms.Mallocs-ms.Frees, ms.Alloc == ms.HeapAlloc,
		ms.HeapInuse+ms.HeapIdle == ms.HeapSys, ms.HeapReleased <= ms.HeapIdle,
		ms.HeapAlloc <= ms.HeapInuse, ms.TotalAlloc >= 2<<30, ms.NextGC >= 4<<20, ms.LastGC > 0,
		ms.PauseTotalNs > 0, ms.PauseEnd[(ms.NumGC+255)%256] == ms.LastGC)
	sized := true
	for i, c := range ms.BySize {
		sized = sized && (i == 0 || c.Size > ms.BySize[i-1].Size) && c.Frees <= c.Mallocs
	}
	fmt.Println("by size:", len(ms.BySize), ms.BySize[1].Size, ms.BySize[60].Size, sized)

	makeFinalized()
	got := map[int]bool{}
	for try := 0; try < 100 && len(got) < 10; try++ {
		runtime.GC()
		time.Sleep(time.Millisecond)
		for more := true; more; {
			select {
			case id := <-finalized:
				if got[id] {
					panic("finalizer ran twice")
				}
				got[id] = true
			default:
				more = false
			}
		}
	}
	fmt.Println("finalized at least 8 of 10:", len(got) >= 8)
}
