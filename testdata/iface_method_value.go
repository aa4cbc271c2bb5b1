package main

// Method values x.M and method expressions I.M of interface types: x is evaluated (and its dynamic
// value bound) when the method value is made, later changes to x are not seen; I.M is a func whose
// first parameter is the interface; methods with several results, variadic methods, methods of
// embedded interfaces, interfaces embedded in structs, unnamed interface types.

type Counter interface {
	Add(n int) int
	Get() int
}

type Pair interface {
	Split(s string, at int) (string, string)
	Sum(xs ...int) int
}

type Full interface {
	Counter
	Pair
}

type C struct{ n int }

func (c *C) Add(n int) int { c.n += n; return c.n }
func (c *C) Get() int      { return c.n }

type V int

func (v V) Add(n int) int                            { return int(v) + n }
func (v V) Get() int                                 { return int(v) }
func (v V) Split(s string, at int) (string, string) { return s[:at], s[at:] }
func (v V) Sum(xs ...int) int {
	t := int(v)
	for _, x := range xs {
		t += x
	}
	return t
}

type Box struct {
	name string
	Counter
}

func apply(f func(int) int, n int) int { return f(n) }

func main() {
	c := &C{}
	var x Counter = c
	add := x.Add
	get := x.Get
	println(add(2), add(3), get())
	x = V(100) // the method values keep the old dynamic value
	println(add(1), get(), x.Get())

	var v Counter = V(7)
	g := v.Get
	v = nil
	println(g())

	var f Full = V(10)
	split := f.Split
	a, b := split("hello", 2)
	println(a, b)
	sum := f.Sum
	println(sum(), sum(1, 2, 3), sum([]int{4, 5}...))
	fget := f.Get // a method of an embedded interface
	println(fget(), apply(f.Add, 5))

	// method expressions
	cadd := Counter.Add
	println(cadd(c, 10), Counter.Get(c), Counter.Add(V(1), 1))
	psplit := Pair.Split
	l, r := psplit(V(0), "world", 3)
	println(l, r, Pair.Sum(V(1), 2, 3), Full.Get(f), Full.Sum(f, 1))
	ig := interface{ Get() int }.Get
	println(ig(V(33)), ig(c))
	var fs []func(Counter, int) int
	fs = append(fs, Counter.Add, Counter.Add)
	println(fs[0](V(2), 2), len(fs))

	// interfaces embedded in a struct: the method value binds the field's value
	bx := Box{"b", &C{5}}
	badd := bx.Add
	bx.Counter = V(50)
	println(badd(1), bx.Add(1), bx.Get())
	pb := &bx
	pget := pb.Get
	pb.Counter = V(60)
	println(pget(), pb.Get())
}
