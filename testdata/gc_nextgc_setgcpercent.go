// gc_nextgc_setgcpercent: debug.SetGCPercent moves MemStats.NextGC at once, as go1.19's pacer
// recomputes its goal when the setting changes: with a small live heap the goal is gc's minimum,
// 4 MiB x GOGC/100; with collection off the goal is go1.19's memory-limit goal, out of reach: the
// limit (MaxInt64) less the memory that is not heap.
package main

import (
	"runtime"
	"runtime/debug"
)

var m runtime.MemStats

func next() uint64 {
	runtime.ReadMemStats(&m)
	return m.NextGC
}

func main() {
	runtime.GC()
	println("GOGC=100:", next())
	debug.SetGCPercent(200)
	println("GOGC=200:", next())
	debug.SetGCPercent(50)
	println("GOGC=50:", next())
	debug.SetGCPercent(-1)
	off := next()
	println("off, out of reach:", off > 1<<62, "below MaxInt64:", off < 1<<63-1)
	debug.SetGCPercent(100)
	println("GOGC=100 again:", next())
}
