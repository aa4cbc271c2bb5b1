// gc_keepalive: runtime.KeepAlive(x) keeps the object x points to reachable up to the call, so its
// finalizer cannot run before it (the file-descriptor pattern of KeepAlive's documentation); after the
// call the object is unreachable, and a collection runs its finalizer.
package main

import (
	"runtime"
	"sync/atomic"
	"time"
)

// file has a pointer field: a pointer-free object under 16 bytes would go to gc's tiny allocator,
// whose objects may never be finalized (SetFinalizer's documentation).
type file struct {
	fd   int
	name string
}

var closed int32

//go:noinline
func open() *file {
	f := &file{fd: 3, name: "f"}
	runtime.SetFinalizer(f, func(f *file) { atomic.StoreInt32(&closed, int32(f.fd)) })
	return f
}

// useFile's frame is gone when main polls: no copy of f is left on a stack a conservative scan
// would see.
//
//go:noinline
func useFile() {
	f := open()
	fd := f.fd // the last use of f's fields: without KeepAlive, f would be dead from here
	for i := 0; i < 5; i++ {
		runtime.GC()
		time.Sleep(time.Millisecond)
	}
	println("closed before KeepAlive:", atomic.LoadInt32(&closed), fd)
	runtime.KeepAlive(f)
}

func main() {
	useFile()
	for i := 0; i < 200 && atomic.LoadInt32(&closed) == 0; i++ {
		runtime.GC()
		time.Sleep(time.Millisecond)
	}
	println("closed after KeepAlive:", atomic.LoadInt32(&closed))
}
