// A nil pointer dereference reports the address gc's code faults on: the field's offset for a
// load or store through a pointer gc does not know to be nil, a string field's length word for a
// store, and the embedded pointer's offset when the path loads it. (Found by tools/difftest.)
package main

type In struct{ a, b int }

type S struct {
	x  int32
	s  string
	in In
	*In
}

var g *S

func get() *S { return g }

func main() {
	q := &S{}
	println(q.x, q.in.b)
	p := get()
	if p == nil {
		println("p is nil")
	}
	p.in.b = 5
	println("unreachable")
}
