package main

// Type assertions to concrete and interface types, single-value and comma-ok, from interface{}
// and from interfaces with methods; boxed, pointer-shaped and aggregate dynamic types.

type Namer interface{ Name() string }
type Sizer interface{ Size() int }
type Both interface {
	Namer
	Sizer
}

type A struct{ n int }
type B string
type C [2]int
type P struct{ p *int }

func (a A) Name() string  { return "A" }
func (a *A) Size() int    { return a.n }
func (b B) Name() string  { return string(b) }
func (b B) Size() int     { return len(b) }
func (c C) Name() string  { return "C" }

func main() {
	var e interface{} = 42
	println(e.(int))
	i, ok := e.(int)
	println(i, ok)
	s, ok := e.(string)
	println(s == "", ok)
	e = C{3, 4}
	c := e.(C)
	println(c[0], c[1])
	c2, ok := e.(C)
	println(c2[1], ok)
	_, ok = e.([3]int)
	println(ok)
	x := 5
	e = P{&x}
	println(*e.(P).p)

	var n Namer = B("bee")
	println(n.(B))
	b, ok := n.(B)
	println(b, ok)
	_, ok = n.(A)
	println(ok)
	sz, ok := n.(Sizer)
	println(sz.Size(), ok)
	println(n.(Both).Size())
	n = A{7}
	_, ok = n.(Sizer)
	println(ok)
	n = &A{8}
	println(n.(Sizer).Size(), n.(*A).n)
	var ee interface{} = n
	println(ee.(Namer).Name(), ee.(Both).Size())
	nn, ok := ee.(Namer)
	println(nn.Name(), ok)
	_, ok = ee.(Namer)
	ee = 3
	_, ok = ee.(Namer)
	println(ok)
	var e0 interface{}
	_, ok = e0.(Namer)
	println(ok)
	_, ok = e0.(int)
	println(ok)
	var n0 Namer
	_, ok = n0.(interface{})
	println(ok)
	_, ok = n.(interface{})
	println(ok)
	v := n.(interface{})
	println(v.(*A).n)
}
