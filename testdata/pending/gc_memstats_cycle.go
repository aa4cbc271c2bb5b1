// gc_memstats_cycle: what a collection changes in runtime.ReadMemStats, by go1.19's definitions.
// runtime.GC() completes a cycle before it returns: NumGC grows by at least one (the pacer may start
// others) and NumForcedGC by exactly one; LastGC is the end of the latest cycle, never decreases and
// equals that cycle's PauseEnd entry in the ring (index (NumGC+255)%256); PauseTotalNs grows by the
// pauses in the ring; freed objects show up in Frees and BySize, and the memory of a dropped large
// object leaves HeapAlloc.
package main

import (
	"runtime"
	"time"
)

var sink [][]byte

func check(name string, ok bool) {
	if !ok {
		println("FAIL", name)
	}
}

func last(m *runtime.MemStats) int { return int((m.NumGC + 255) % 256) }

//go:noinline
func garbage() {
	for i := 0; i < 10000; i++ {
		sink = append(sink, make([]byte, 64))
	}
	sink = append(sink, make([]byte, 64<<20))
	sink = nil
}

func main() {
	start := uint64(time.Now().UnixNano())
	var a, b runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&a)
	check("NumGC >= 1", a.NumGC >= 1)
	check("NumForcedGC >= 1", a.NumForcedGC >= 1)
	check("LastGC after start", a.LastGC >= start)
	check("LastGC is the last PauseEnd", a.LastGC == a.PauseEnd[last(&a)])
	check("PauseTotalNs >= the last pause", a.PauseTotalNs >= a.PauseNs[last(&a)])

	garbage()
	runtime.GC()
	runtime.ReadMemStats(&b)
	check("NumGC grows", b.NumGC > a.NumGC)
	check("NumForcedGC grows by one", b.NumForcedGC == a.NumForcedGC+1)
	check("LastGC monotone", b.LastGC >= a.LastGC)
	check("LastGC is the last PauseEnd", b.LastGC == b.PauseEnd[last(&b)])
	check("TotalAlloc monotone", b.TotalAlloc >= a.TotalAlloc+64<<20+64*10000)
	check("Frees grow", b.Frees >= a.Frees+10000)
	check("64-byte class frees", b.BySize[6].Frees >= a.BySize[6].Frees+10000)
	check("the large object is gone", b.HeapAlloc < 64<<20)
	check("Mallocs >= Frees", b.Mallocs >= b.Frees)
	check("HeapObjects == Mallocs - Frees", b.HeapObjects == b.Mallocs-b.Frees)
	check("HeapAlloc <= HeapSys", b.HeapAlloc <= b.HeapSys)
	var sum uint64
	n := int(b.NumGC)
	if n > 256 {
		n = 256
	}
	for i := 0; i < n; i++ {
		sum += b.PauseNs[i]
		check("PauseEnd set, at most LastGC", b.PauseEnd[i] > 0 && b.PauseEnd[i] <= b.LastGC)
	}
	check("PauseTotalNs is the sum of the pauses", b.NumGC > 256 || b.PauseTotalNs == sum)
	check("NextGC > 0", b.NextGC > 0)

	// Ten forced cycles: ten more forced, at least ten more in all, the ring advancing with them.
	a = b
	for i := 0; i < 10; i++ {
		runtime.GC()
	}
	runtime.ReadMemStats(&b)
	check("ten forced", b.NumForcedGC == a.NumForcedGC+10)
	check("at least ten cycles", b.NumGC >= a.NumGC+10)
	check("LastGC monotone", b.LastGC >= a.LastGC)
	check("PauseTotalNs monotone", b.PauseTotalNs >= a.PauseTotalNs)
	println("ok")
}
