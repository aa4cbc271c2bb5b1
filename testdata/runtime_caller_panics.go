// runtime.Callers in a deferred call that recovered a run-time error lists go1.19's runtime
// frames between runtime.gopanic and the faulting function: goPanicIndex, goPanicSliceAcap,
// panicdivide, panicmem and sigpanic (a nil dereference), panicdottypeE, none for panic(v).
package main

import "runtime"

func base(file string) string {
	for i := len(file) - 1; i >= 0; i-- {
		if file[i] == '/' {
			return file[i+1:]
		}
	}
	return file
}

// try runs f and prints the frames seen by a deferred call that recovers its panic.
func try(tag string, f func()) {
	defer func() {
		r := recover()
		println(tag, r != nil)
		pcs := make([]uintptr, 16)
		n := runtime.Callers(1, pcs)
		frames := runtime.CallersFrames(pcs[:n])
		for {
			fr, more := frames.Next()
			println("  ", fr.Function, base(fr.File), fr.Line)
			if !more {
				break
			}
		}
	}()
	f()
}

var i = 5
var z = 0
var p *struct{ x int }
var e interface{} = "s"

//go:noinline
func index() { var a []int; _ = a[i] }

//go:noinline
func slice() { var a []int; _ = a[:i] }

//go:noinline
func divide() { _ = i / z }

//go:noinline
func nilptr() { p.x = 1 }

//go:noinline
func assert() { _ = e.(int) }

//go:noinline
func explicit() { panic("x") }

func main() {
	try("index", index)
	try("slice", slice)
	try("divide", divide)
	try("nilptr", nilptr)
	try("assert", assert)
	try("explicit", explicit)
}
