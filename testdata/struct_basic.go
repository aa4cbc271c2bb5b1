// Structs: literals (positional and keyed), nested structs, value semantics
// on assignment and calls, anonymous structs, blank fields.
package main

type Point struct {
	X, Y int
}

type Rect struct {
	Min, Max Point
	Label    string
}

func area(r Rect) int {
	return (r.Max.X - r.Min.X) * (r.Max.Y - r.Min.Y)
}

func shift(r Rect, d int) Rect {
	r.Min.X += d
	r.Max.X += d
	return r
}

type padded struct {
	a byte
	_ int32
	b int64
	c bool
	d uint16
}

func main() {
	p := Point{1, 2}
	q := Point{Y: 5}
	println(p.X, p.Y, q.X, q.Y)
	r := Rect{Point{0, 0}, Point{4, 3}, "box"}
	println(area(r), r.Label)
	s := shift(r, 10)
	println(r.Min.X, s.Min.X, s.Max.X)
	r2 := r
	r2.Max.Y = 30
	println(r.Max.Y, r2.Max.Y)

	anon := struct {
		name string
		n    int
	}{"anon", 3}
	println(anon.name, anon.n)

	var zero Rect
	println(zero.Min.X, zero.Label == "", area(zero))

	pd := padded{a: 1, b: -2, c: true, d: 65535}
	println(pd.a, pd.b, pd.c, pd.d)

	points := [3]Point{{1, 1}, {2, 4}, {3, 9}}
	sum := 0
	for _, pt := range points {
		sum += pt.Y
	}
	println(sum)
	points[1].X = 20
	println(points[1].X)
	type empty struct{}
	var e1, e2 empty
	println(e1 == e2)
}
