// runtime_setfinalizer: SetFinalizer accepts what go1.19 accepts (the same pointer type, an unnamed
// pointer type with the same element, an interface the object implements, nil to remove) and a
// finalizer never runs before a collection; zero-sized objects are ignored; the last call is one gc
// rejects, a fatal error.

package main

import "runtime"

type T struct{ n int }

func (t *T) String() string { return "T" }

type U struct{ n int }

type PU *U

type stringer interface{ String() string }

func main() {
	t := &T{1}
	runtime.SetFinalizer(t, func(t *T) { println("finalized", t.n) })
	runtime.SetFinalizer(t, nil)
	runtime.SetFinalizer(t, func(s stringer) { println("finalized", s.String()) })
	runtime.SetFinalizer(t, nil)
	runtime.SetFinalizer(t, func(x any) {})
	runtime.SetFinalizer(new(struct{}), func(x *struct{}) {})
	runtime.SetFinalizer(new(struct{}), func(x *struct{}) {})
	var p PU = &U{2}
	runtime.SetFinalizer(p, func(u *U) {})
	println("finalizers set")
	type P *T
	var q P = &T{3}
	runtime.SetFinalizer(q, func(t *T) {})
	println("unreachable")
}
