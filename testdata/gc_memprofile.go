// gc_memprofile: runtime.MemProfile with MemProfileRate = 1 records every allocation under its call
// stack (the first frame the allocating function, at the line of the allocation) and object size
// (the size class: 100 bytes take 112), with go1.19's n/ok protocol; the profile is the heap as of
// the last cycle, so runtime.GC publishes what was allocated before it, and the records of objects
// still held show them in use.
package main

import (
	"fmt"
	"runtime"
)

var keep []*[100]byte

//go:noinline
func allocate(n int) {
	for i := 0; i < n; i++ {
		keep = append(keep, new([100]byte))
	}
}

func main() {
	runtime.MemProfileRate = 1
	allocate(1000)
	runtime.GC()

	n, ok := runtime.MemProfile(nil, true)
	fmt.Println("empty slice: ok", ok, "n > 0", n > 0)
	p := make([]runtime.MemProfileRecord, n+50)
	n, ok = runtime.MemProfile(p, true)
	fmt.Println("room: ok", ok)
	for _, r := range p[:n] {
		f, _ := runtime.CallersFrames(r.Stack()).Next()
		if f.Function != "main.allocate" || r.AllocBytes/r.AllocObjects != 112 {
			continue
		}
		fmt.Println(f.Function, f.Line, "objects", r.AllocObjects, "bytes", r.AllocBytes,
			"in use", r.InUseObjects(), r.InUseBytes())
	}
	runtime.KeepAlive(keep)
}
