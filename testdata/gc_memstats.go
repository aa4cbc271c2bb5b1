// gc_memstats: runtime.ReadMemStats's fields are consistent with each other by go1.19's definitions,
// whatever the allocator has done: HeapAlloc = Alloc <= HeapSys, HeapInuse + HeapIdle = HeapSys,
// HeapReleased <= HeapIdle, HeapObjects = Mallocs - Frees, Sys is the sum of its parts, TotalAlloc and
// Mallocs only grow, BySize has go1.19's first 61 size classes, and the collector is enabled. Nothing
// here needs a collection to have happened (gc_memstats_cycle.go checks what a cycle changes).
package main

import "runtime"

var sink [][]byte

// go1.19's size classes 1..60 (BySize[0] is the 0 class), from sizeclasses.go.
var classes = [61]uint32{0, 8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224,
	240, 256, 288, 320, 352, 384, 416, 448, 480, 512, 576, 640, 704, 768, 896, 1024, 1152, 1280, 1408,
	1536, 1792, 2048, 2304, 2688, 3072, 3200, 3456, 4096, 4864, 5376, 6144, 6528, 6784, 6912, 8192,
	9472, 9728, 10240, 10880, 12288, 13568, 14336, 16384, 18432}

func check(name string, ok bool) {
	if !ok {
		println("FAIL", name)
	}
}

func consistent(m *runtime.MemStats) {
	check("Alloc == HeapAlloc", m.Alloc == m.HeapAlloc)
	check("HeapAlloc <= HeapSys", m.HeapAlloc <= m.HeapSys)
	check("HeapAlloc <= HeapInuse", m.HeapAlloc <= m.HeapInuse)
	check("HeapInuse + HeapIdle == HeapSys", m.HeapInuse+m.HeapIdle == m.HeapSys)
	check("HeapReleased <= HeapIdle", m.HeapReleased <= m.HeapIdle)
	check("Mallocs >= Frees", m.Mallocs >= m.Frees)
	check("HeapObjects == Mallocs - Frees", m.HeapObjects == m.Mallocs-m.Frees)
	check("TotalAlloc >= Alloc", m.TotalAlloc >= m.Alloc)
	check("Sys is the sum of its parts", m.Sys == m.HeapSys+m.StackSys+m.MSpanSys+m.MCacheSys+
		m.BuckHashSys+m.GCSys+m.OtherSys)
	check("StackInuse <= StackSys", m.StackInuse <= m.StackSys)
	check("MSpanInuse <= MSpanSys", m.MSpanInuse <= m.MSpanSys)
	check("MCacheInuse <= MCacheSys", m.MCacheInuse <= m.MCacheSys)
	check("NextGC > 0", m.NextGC > 0)
	check("NumForcedGC <= NumGC", m.NumForcedGC <= m.NumGC)
	check("GCCPUFraction in [0, 1]", m.GCCPUFraction >= 0 && m.GCCPUFraction <= 1)
	check("EnableGC", m.EnableGC)
	check("!DebugGC", !m.DebugGC)
	var mallocs, frees uint64
	for i, c := range m.BySize {
		if c.Size != classes[i] {
			println("FAIL BySize", i, c.Size, classes[i])
		}
		check("BySize Mallocs >= Frees", c.Mallocs >= c.Frees)
		mallocs += c.Mallocs
		frees += c.Frees
	}
	check("BySize Mallocs <= Mallocs", mallocs <= m.Mallocs)
	check("BySize Frees <= Frees", frees <= m.Frees)
}

func main() {
	var a, b runtime.MemStats
	runtime.ReadMemStats(&a)
	consistent(&a)
	println("BySize:", len(a.BySize), "classes, last", a.BySize[len(a.BySize)-1].Size)

	// 1000 objects of 64 bytes, kept: the counters grow by at least that much.
	for i := 0; i < 1000; i++ {
		sink = append(sink, make([]byte, 64))
	}
	runtime.ReadMemStats(&b)
	consistent(&b)
	check("TotalAlloc grows", b.TotalAlloc >= a.TotalAlloc+64*1000)
	check("Mallocs grows", b.Mallocs >= a.Mallocs+1000)
	check("HeapObjects counts kept objects", b.HeapObjects >= 1000)
	check("64-byte class counts them", b.BySize[6].Mallocs >= a.BySize[6].Mallocs+1000)

	// A large object (above the last class) counts in TotalAlloc and Mallocs, not in BySize.
	a = b
	sink = append(sink, make([]byte, 1<<20))
	runtime.ReadMemStats(&b)
	consistent(&b)
	check("large: TotalAlloc grows", b.TotalAlloc >= a.TotalAlloc+1<<20)
	check("large: HeapAlloc", b.HeapAlloc >= 1<<20)
	check("large: HeapSys", b.HeapSys >= 1<<20)
	println("ok", len(sink))
}
