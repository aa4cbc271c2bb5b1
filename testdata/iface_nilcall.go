package main

type Shape interface {
	Area() int
	Name() string
}

type Sq struct{ s int }
type Rect struct{ w, h int }
type P struct{ a, b, c int }

func (q Sq) Area() int      { return q.s * q.s }
func (q Sq) Name() string   { return "sq" }
func (r *Rect) Area() int   { return r.w * r.h }
func (r *Rect) Name() string { return "rect" }
func (p P) Area() int       { return p.a + p.b + p.c }
func (p P) Name() string    { return "p" }

type Namer interface{ Name() string }

type Box struct {
	Namer
	n int
}

func total(ss []Shape) int {
	t := 0
	for _, s := range ss {
		t += s.Area()
		println(s.Name(), s.Area())
	}
	return t
}

func main() {
	ss := []Shape{Sq{3}, &Rect{2, 5}, P{1, 2, 3}}
	println(total(ss))
	var n Namer = ss[1]
	println(n.Name())
	var e interface{} = n
	_ = e
	b := Box{Sq{2}, 1}
	println(b.Name())
	pb := &b
	println(pb.Name())
	var s Shape
	println(s.Area())
}
