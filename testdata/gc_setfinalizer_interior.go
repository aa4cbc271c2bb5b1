// gc_setfinalizer_interior: a pointer inside a heap object is a fatal error, go1.19's "pointer not at
// beginning of allocated block", when the type it points to has pointers or is 16 bytes or more;
// gc_setfinalizer_accept.go has the interior pointers go1.19 accepts.
package main

import "runtime"

type T struct {
	n int
	p *int
}

func main() {
	t := &T{}
	runtime.SetFinalizer(&t.p, nil)
	println("unreachable")
}
