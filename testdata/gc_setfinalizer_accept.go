// gc_setfinalizer_accept: the pointers runtime.SetFinalizer silently accepts although they are not
// the start of a heap object (go1.19's findObject cases): a pointer into the program's data (a
// global: the call does nothing), the zero-size base, and an interior pointer to a pointer-free type
// under 16 bytes (gc's tiny allocator packs such objects several to a block, so it cannot tell).
package main

import "runtime"

type T struct {
	n int
	p *int
}

var global T

func main() {
	runtime.SetFinalizer(&global, func(*T) {})
	println("global")
	runtime.SetFinalizer(&[0]int{}, nil)
	println("zero-size")
	s := &struct{ a, b int32 }{}
	runtime.SetFinalizer(&s.b, nil)
	println("small pointer-free field")
	b := make([]byte, 64)
	runtime.SetFinalizer(&b[8], nil)
	println("byte in a slice")
}
