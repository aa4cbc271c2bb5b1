// gc_setfinalizer_nilptr: a nil *T is in no heap object and not in the program's data, so
// runtime.SetFinalizer throws go1.19's "pointer not in allocated block" (it needs the heap's object
// lookup, findObject; gc_setfinalizer_checks.go has the checks made on types alone).
package main

import "runtime"

type T struct {
	n int
	p *int
}

func main() {
	var p *T
	runtime.SetFinalizer(p, nil)
	println("unreachable")
}
