// gc_debug: runtime/debug's collector API once collections happen (runtime_debug_gc.go has the
// settings before any). ReadGCStats reports the cycles ReadMemStats counts, most recent pause first,
// LastGC equal to the newest PauseEnd; FreeOSMemory forces a cycle and returns freed memory
// (HeapReleased grows); with SetGCPercent(-1) allocation starts no cycle; SetGCPercent and
// SetMemoryLimit return the previous setting.
package main

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"time"
)

var sink []byte

func check(name string, ok bool) {
	if !ok {
		println("FAIL", name)
	}
}

//go:noinline
func churn(n int) {
	for i := 0; i < n; i++ {
		sink = make([]byte, 1<<20)
	}
	sink = nil
}

// gogc is the setting the program started with: GOGC's value (tests run without it: 100).
func gogc() int {
	if n, err := strconv.Atoi(os.Getenv("GOGC")); err == nil {
		return n
	}
	return 100
}

func main() {
	start := time.Now()
	runtime.GC()
	runtime.GC()
	var s debug.GCStats
	var m runtime.MemStats
	debug.ReadGCStats(&s)
	runtime.ReadMemStats(&m)
	check("NumGC", s.NumGC == int64(m.NumGC) && s.NumGC >= 2)
	check("len(Pause)", len(s.Pause) == int(s.NumGC) && len(s.PauseEnd) == int(s.NumGC))
	check("LastGC is the newest PauseEnd", s.LastGC.Equal(s.PauseEnd[0]))
	check("LastGC after start", !s.LastGC.Before(start))
	check("PauseEnd newest first", !s.PauseEnd[0].Before(s.PauseEnd[1]))
	check("PauseTotal", s.PauseTotal >= s.Pause[0]+s.Pause[1])
	check("PauseTotal is MemStats'", s.PauseTotal == time.Duration(m.PauseTotalNs))

	// Quantiles: min, 25%, 50%, 75%, max of the pauses, in order.
	s.PauseQuantiles = make([]time.Duration, 5)
	debug.ReadGCStats(&s)
	for i := 1; i < 5; i++ {
		check("quantiles sorted", s.PauseQuantiles[i-1] <= s.PauseQuantiles[i])
	}

	// FreeOSMemory: a forced cycle, and the freed heap goes back to the OS.
	churn(64)
	runtime.ReadMemStats(&m)
	before, forced := m.HeapReleased, m.NumForcedGC
	debug.FreeOSMemory()
	runtime.ReadMemStats(&m)
	check("FreeOSMemory forces a cycle", m.NumForcedGC == forced+1)
	check("FreeOSMemory releases", m.HeapReleased > before)
	check("HeapReleased <= HeapIdle", m.HeapReleased <= m.HeapIdle)

	// GOGC off: 256 MB of garbage starts no cycle.
	old := debug.SetGCPercent(-1)
	println(old == gogc())
	runtime.ReadMemStats(&m)
	n := m.NumGC
	churn(256)
	runtime.ReadMemStats(&m)
	check("no cycle with GOGC off", m.NumGC == n)
	println(debug.SetGCPercent(100))

	// A low GOGC starts cycles by itself.
	println(debug.SetGCPercent(10))
	runtime.ReadMemStats(&m)
	n = m.NumGC
	churn(256)
	runtime.ReadMemStats(&m)
	check("cycles with GOGC=10", m.NumGC > n)
	println(debug.SetGCPercent(100))

	println(debug.SetMemoryLimit(64<<20) == math.MaxInt64)
	println(debug.SetMemoryLimit(math.MaxInt64))
	println("ok")
}
