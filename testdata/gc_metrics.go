// gc_metrics: runtime/metrics.Read knows go1.19's 33 metrics, each of its described kind, the
// histograms with go1.19's bucket counts in ascending order, an unknown name reads KindBad, and the
// figures that overlap runtime.ReadMemStats agree with it when nothing allocates in between (the
// second Read reuses the first one's histograms): the /memory/classes/ partition of Sys, the heap
// counts (combined tiny objects counted apart, as in go1.19), the cycles and the goal.
package main

import (
	"fmt"
	"runtime"
	"runtime/metrics"
)

var m runtime.MemStats

func check(name string, ok bool) {
	if !ok {
		println("FAIL", name)
	}
}

func main() {
	sink := make([][]byte, 0, 1000)
	for i := 0; i < 1000; i++ {
		sink = append(sink, make([]byte, 100))
	}
	runtime.GC()
	all := metrics.All()
	fmt.Println("metrics:", len(all))
	s := make([]metrics.Sample, len(all)+1)
	for i, d := range all {
		s[i].Name = d.Name
	}
	s[len(all)].Name = "/no/such:metric"
	metrics.Read(s) // allocates the histograms
	runtime.ReadMemStats(&m)
	metrics.Read(s)
	v := map[string]uint64{}
	for i, d := range all {
		k := s[i].Value.Kind()
		if k != d.Kind {
			fmt.Println(d.Name, "kind", k, "want", d.Kind)
			continue
		}
		switch k {
		case metrics.KindUint64:
			v[d.Name] = s[i].Value.Uint64()
		case metrics.KindFloat64Histogram:
			h := s[i].Value.Float64Histogram()
			asc := true
			var n uint64
			for j := 1; j < len(h.Buckets); j++ {
				asc = asc && h.Buckets[j] > h.Buckets[j-1]
			}
			for _, c := range h.Counts {
				n += c
			}
			v[d.Name] = n
			fmt.Println(d.Name, "buckets", len(h.Buckets), "counts", len(h.Counts), "ascending", asc)
		}
	}
	fmt.Println("unknown name is KindBad:", s[len(all)].Value.Kind() == metrics.KindBad)

	check("total = Sys", v["/memory/classes/total:bytes"] == m.Sys)
	check("heap objects = HeapAlloc", v["/memory/classes/heap/objects:bytes"] == m.HeapAlloc)
	check("heap objects + unused = HeapInuse",
		v["/memory/classes/heap/objects:bytes"]+v["/memory/classes/heap/unused:bytes"] == m.HeapInuse)
	check("heap free + released = HeapIdle",
		v["/memory/classes/heap/free:bytes"]+v["/memory/classes/heap/released:bytes"] == m.HeapIdle)
	check("stacks = StackInuse", v["/memory/classes/heap/stacks:bytes"] == m.StackInuse)
	check("os-stacks = StackSys - StackInuse", v["/memory/classes/os-stacks:bytes"] == m.StackSys-m.StackInuse)
	check("mspan", v["/memory/classes/metadata/mspan/inuse:bytes"] == m.MSpanInuse &&
		v["/memory/classes/metadata/mspan/free:bytes"] == m.MSpanSys-m.MSpanInuse)
	check("mcache", v["/memory/classes/metadata/mcache/inuse:bytes"] == m.MCacheInuse &&
		v["/memory/classes/metadata/mcache/free:bytes"] == m.MCacheSys-m.MCacheInuse)
	check("metadata/other = GCSys", v["/memory/classes/metadata/other:bytes"] == m.GCSys)
	check("other = OtherSys", v["/memory/classes/other:bytes"] == m.OtherSys)
	check("buckets = BuckHashSys", v["/memory/classes/profiling/buckets:bytes"] == m.BuckHashSys)
	var sum uint64
	for _, d := range all {
		if len(d.Name) > 16 && d.Name[:16] == "/memory/classes/" && d.Name != "/memory/classes/total:bytes" {
			sum += v[d.Name]
		}
	}
	check("the classes add up to total", sum == v["/memory/classes/total:bytes"])
	check("goal = NextGC", v["/gc/heap/goal:bytes"] == m.NextGC)
	check("cycles", v["/gc/cycles/total:gc-cycles"] == uint64(m.NumGC) &&
		v["/gc/cycles/forced:gc-cycles"] == uint64(m.NumForcedGC) &&
		v["/gc/cycles/automatic:gc-cycles"] == uint64(m.NumGC-m.NumForcedGC))
	check("pauses counted", v["/gc/pauses:seconds"] >= uint64(m.NumGC))
	check("objects = HeapObjects", v["/gc/heap/objects:objects"] == m.HeapObjects)
	check("allocs + tiny = Mallocs", v["/gc/heap/allocs:objects"]+v["/gc/heap/tiny/allocs:objects"] == m.Mallocs)
	check("frees + tiny = Frees", v["/gc/heap/frees:objects"]+v["/gc/heap/tiny/allocs:objects"] == m.Frees)
	check("allocs:bytes = TotalAlloc", v["/gc/heap/allocs:bytes"] == m.TotalAlloc)
	check("frees:bytes = TotalAlloc - HeapAlloc", v["/gc/heap/frees:bytes"] == m.TotalAlloc-m.HeapAlloc)
	check("allocs-by-size counts the allocations", v["/gc/heap/allocs-by-size:bytes"] == v["/gc/heap/allocs:objects"])
	check("frees-by-size counts the frees", v["/gc/heap/frees-by-size:bytes"] == v["/gc/heap/frees:objects"])
	check("gomaxprocs", v["/sched/gomaxprocs:threads"] == uint64(runtime.GOMAXPROCS(0)))
	check("goroutines", v["/sched/goroutines:goroutines"] == uint64(runtime.NumGoroutine()))
	runtime.KeepAlive(sink)
	fmt.Println("ok")
}
