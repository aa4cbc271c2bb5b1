// Struct equality compares field by field, including nested structs, arrays,
// strings, floats (NaN is unequal) and blank fields are ignored.
package main

type Inner struct {
	s string
	f float64
}

type Outer struct {
	n   int8
	in  Inner
	arr [2]uint16
	p   *int
	c   complex64
	ok  bool
}

func main() {
	x := 5
	a := Outer{1, Inner{"hi", 1.5}, [2]uint16{1, 2}, &x, 1i, true}
	b := a
	println(a == b, a != b)
	b.in.s = "hi!"[:2]
	println(a == b)
	b.arr[1] = 3
	println(a == b)
	b = a
	y := 5
	b.p = &y
	println(a == b, *a.p == *b.p)
	b = a
	b.c = 1i + 0
	println(a == b)
	zero := 0.0
	c := a
	c.in.f = zero / zero
	d := c
	println(c == d) // NaN != NaN
	c.in.f, d.in.f = 0, -zero
	println(c == d) // +0 == -0
	type pair struct {
		a, b string
	}
	println(pair{"x", "y"} == pair{"x", "y"}, pair{"x", "y"} == pair{"y", "x"})
	pairs := [2]pair{{"a", "b"}, {"c", "d"}}
	println(pairs == [2]pair{{"a", "b"}, {"c", "d"}})
}
