// runtime_api: the runtime package's exported API that a one-goroutine program can observe
// deterministically (GOOS/GOARCH, Version, NumGoroutine, GOMAXPROCS, NumCPU, Gosched, GC, KeepAlive,
// MemStats, NumCgoCall, MemProfileRate, LockOSThread, CPUProfile) and the runtime.Error values
// math/bits panics with.

package main

import (
	"math/bits"
	"runtime"
	"unsafe"
)

type T struct{ a, b int }

var sink *T

func divide() (msg string, isRuntime bool) {
	defer func() {
		r := recover()
		err, ok := r.(runtime.Error)
		isRuntime = ok
		if ok {
			msg = err.Error()
		}
	}()
	bits.Div64(1, 2, 0)
	return "no panic", false
}

func overflow() (msg string) {
	defer func() {
		msg = recover().(error).Error()
	}()
	bits.Div64(5, 2, 3)
	return "no panic"
}

func main() {
	println(runtime.GOOS, runtime.GOARCH, runtime.Version())
	println("goroutines:", runtime.NumGoroutine())
	n := runtime.NumCPU()
	println("cpus positive:", n > 0, "GOMAXPROCS default = NumCPU:", runtime.GOMAXPROCS(0) == n)
	prev := runtime.GOMAXPROCS(3)
	println("set 3: previous is NumCPU:", prev == n, "now:", runtime.GOMAXPROCS(0), runtime.GOMAXPROCS(-1))
	runtime.GOMAXPROCS(prev)
	runtime.Gosched()
	runtime.GC()
	t := &T{1, 2}
	runtime.KeepAlive(t)

	var m runtime.MemStats
	println("sizeof MemStats:", unsafe.Sizeof(m), unsafe.Offsetof(m.BySize), len(m.BySize))
	runtime.ReadMemStats(&m)
	before := m.TotalAlloc
	for i := 0; i < 100; i++ {
		sink = &T{i, i}
	}
	runtime.ReadMemStats(&m)
	println("allocated at least 1600 bytes:", m.TotalAlloc-before >= 1600, "Mallocs > 100:", m.Mallocs > 100)
	println("EnableGC:", m.EnableGC, "DebugGC:", m.DebugGC, "Lookups:", m.Lookups)
	println("Alloc = HeapAlloc:", m.Alloc == m.HeapAlloc, "HeapObjects = Mallocs-Frees:", m.HeapObjects == m.Mallocs-m.Frees)
	for i := 0; i < len(m.BySize); i += 6 {
		print(m.BySize[i].Size, " ")
	}
	println(m.BySize[60].Size)

	msg, isRuntime := divide()
	println(msg, isRuntime)
	println(overflow())
	var e error = runtime.Error(nil)
	println(e == nil)

	println("cgo calls:", runtime.NumCgoCall(), "MemProfileRate:", runtime.MemProfileRate)
	runtime.LockOSThread()
	runtime.LockOSThread()
	runtime.UnlockOSThread()
	runtime.UnlockOSThread()
	runtime.UnlockOSThread()
	println(cpuProfile())
}

func cpuProfile() (msg string) {
	defer func() { msg = recover().(string) }()
	runtime.CPUProfile()
	return "no panic"
}
