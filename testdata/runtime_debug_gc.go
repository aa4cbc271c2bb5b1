// runtime/debug's collector knobs (runtime/mgcpacer.c): SetGCPercent and SetMemoryLimit return the
// previous setting (gc's defaults: 100 and math.MaxInt64; a negative percent is -1, "off"; a
// negative limit only reads it), ReadGCStats before any collection (LastGC is the Unix epoch then, as gc's), FreeOSMemory.
package main

import (
	"math"
	"runtime/debug"
)

func main() {
	println(debug.SetGCPercent(50))
	println(debug.SetGCPercent(-5))
	println(debug.SetGCPercent(100))
	println(debug.SetMemoryLimit(-1) == math.MaxInt64)
	println(debug.SetMemoryLimit(1 << 30) == math.MaxInt64)
	println(debug.SetMemoryLimit(-1))
	var s debug.GCStats
	debug.ReadGCStats(&s) // before any collection (gc's FreeOSMemory would run one)
	println(s.NumGC, len(s.Pause), s.LastGC.UnixNano(), s.PauseTotal)
	debug.FreeOSMemory()
}
