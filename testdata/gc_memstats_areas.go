// gc_memstats_areas: runtime.ReadMemStats's areas outside the heap are real and add up, by go1.19's
// definitions: goroutine stacks (StackInuse grows with parked goroutines, StackSys >= StackInuse),
// span records (MSpanInuse), per-P caches (MCacheInuse), the collector's metadata (GCSys), the heap
// profile's buckets (BuckHashSys: this program links runtime.MemProfile, so MemProfileRate is 512 KiB
// and samples are taken), other runtime memory (OtherSys); Sys is the sum of the *Sys fields. And
// the heap's invariants across allocation and collection: HeapInuse >= HeapAlloc, HeapObjects =
// Mallocs - Frees, TotalAlloc never decreases, runtime.GC advances NumGC and fills the PauseNs and
// PauseEnd rings at (NumGC+255)%256, and GCCPUFraction is a fraction once a cycle ran.
package main

import "runtime"

var sink [][]byte

func check(name string, ok bool) {
	if !ok {
		println("FAIL", name)
	}
}

func consistent(m *runtime.MemStats) {
	check("Sys is the sum of the *Sys fields", m.Sys == m.HeapSys+m.StackSys+m.MSpanSys+m.MCacheSys+
		m.BuckHashSys+m.GCSys+m.OtherSys)
	check("HeapInuse >= HeapAlloc", m.HeapInuse >= m.HeapAlloc)
	check("HeapObjects == Mallocs - Frees", m.HeapObjects == m.Mallocs-m.Frees)
	check("StackInuse > 0", m.StackInuse > 0)
	check("StackSys >= StackInuse", m.StackSys >= m.StackInuse)
	check("MSpanInuse > 0", m.MSpanInuse > 0)
	check("MSpanSys >= MSpanInuse", m.MSpanSys >= m.MSpanInuse)
	check("MCacheInuse > 0", m.MCacheInuse > 0)
	check("MCacheSys >= MCacheInuse", m.MCacheSys >= m.MCacheInuse)
	check("GCSys > 0", m.GCSys > 0)
	check("OtherSys > 0", m.OtherSys > 0)
	check("Sys > HeapSys", m.Sys > m.HeapSys)
}

func park(ch chan int) { <-ch }

func main() {
	println("MemProfileRate", runtime.MemProfileRate)
	var a, b runtime.MemStats
	runtime.ReadMemStats(&a)
	consistent(&a)

	// 200 parked goroutines hold at least 1 KiB of stack each (gc: 2 KiB stacks, in 8 KiB spans).
	ch := make(chan int)
	for i := 0; i < 200; i++ {
		go park(ch)
	}
	runtime.Gosched()
	for i := 0; i < 1000; i++ {
		sink = append(sink, make([]byte, 1000))
	}
	runtime.ReadMemStats(&b)
	consistent(&b)
	check("StackInuse grows with goroutines", b.StackInuse >= a.StackInuse+200*1024)
	check("TotalAlloc monotone", b.TotalAlloc >= a.TotalAlloc+1000*1024)
	check("Mallocs grow", b.Mallocs >= a.Mallocs+1000)
	check("a sampled allocation has a bucket", b.BuckHashSys > 0)

	a = b
	sink = nil
	runtime.GC()
	runtime.ReadMemStats(&b)
	consistent(&b)
	check("NumGC grows", b.NumGC > a.NumGC)
	last := (b.NumGC + 255) % 256
	check("PauseNs of the last cycle", b.PauseNs[last] > 0)
	check("PauseEnd of the last cycle is LastGC", b.PauseEnd[last] == b.LastGC)
	check("PauseTotalNs >= the last pause", b.PauseTotalNs >= b.PauseNs[last])
	check("GCCPUFraction in (0, 1)", b.GCCPUFraction > 0 && b.GCCPUFraction < 1)
	check("TotalAlloc monotone across GC", b.TotalAlloc >= a.TotalAlloc)
	check("Frees grow", b.Frees > a.Frees)

	var p []runtime.MemProfileRecord
	_, _ = runtime.MemProfile(p, false)
	for i := 0; i < 200; i++ {
		ch <- i
	}
	println("ok")
}
