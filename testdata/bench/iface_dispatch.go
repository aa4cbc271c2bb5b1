// Benchmark: interface method dispatch. A slice of 1024 Shape values of five dynamic types (value
// receivers on boxed structs and on an int, pointer receivers, a pointer-shaped func type) is walked
// 120,000 times calling two methods through the itab each time (~2.5·10⁸ calls), plus an
// interface-to-interface conversion and call per element every 64th pass. Measures itab loads,
// indirect calls, gocc's (*T).M wrappers for boxed value receivers; the types are mixed so that
// neither compiler can devirtualise.
package main

type Shape interface {
	Area() int
	Perim() int
}

type Sizer interface{ Area() int }

type Rect struct{ w, h int }
type Square struct{ s int }
type Circle struct{ r int }
type Unit int
type Gen func(int) int

func (r Rect) Area() int     { return r.w * r.h }
func (r Rect) Perim() int    { return 2 * (r.w + r.h) }
func (s *Square) Area() int  { return s.s * s.s }
func (s *Square) Perim() int { return 4 * s.s }
func (c Circle) Area() int   { return 3 * c.r * c.r }
func (c Circle) Perim() int  { return 6 * c.r }
func (u Unit) Area() int     { return int(u) }
func (u Unit) Perim() int    { return 4 }
func (g Gen) Area() int      { return g(3) }
func (g Gen) Perim() int     { return g(4) }

func build(n int) []Shape {
	shapes := make([]Shape, n)
	seed := uint32(12345)
	for i := range shapes {
		seed = seed*1664525 + 1013904223
		k := int(seed>>8) % 7
		switch seed >> 29 % 5 {
		case 0:
			shapes[i] = Rect{k, k + 1}
		case 1:
			shapes[i] = &Square{k}
		case 2:
			shapes[i] = Circle{k}
		case 3:
			shapes[i] = Unit(k)
		default:
			shapes[i] = Gen(func(x int) int { return x + k })
		}
	}
	return shapes
}

func walk(shapes []Shape) int {
	t := 0
	for _, s := range shapes {
		t += s.Area() - s.Perim()
	}
	return t
}

func sizes(shapes []Shape) int {
	t := 0
	for _, s := range shapes {
		var z Sizer = s
		t += z.Area()
	}
	return t
}

func main() {
	shapes := build(1024)
	total := 0
	for pass := 0; pass < 120000; pass++ {
		total += walk(shapes)
		if pass%64 == 0 {
			total += sizes(shapes)
		}
	}
	println("iface_dispatch checksum", total)
}
