package main

// Conversions of concrete values to interfaces with methods (static itabs), between interfaces
// (convI2I, to interface{}), calls through itabs for value/pointer receivers, boxed and
// pointer-shaped dynamic types, promoted methods and interfaces embedded in structs.

type Shape interface {
	Area() int
	Name() string
}

type Namer interface{ Name() string }

type Sq struct{ s int }
type Rect struct{ w, h int }
type Big struct{ a, b, c int }
type Fn func() int
type One struct{ p *int }
type Str string

func (q Sq) Area() int        { return q.s * q.s }
func (q Sq) Name() string     { return "sq" }
func (r *Rect) Area() int     { return r.w * r.h }
func (r *Rect) Name() string  { return "rect" }
func (p Big) Area() int       { return p.a + p.b + p.c }
func (p Big) Name() string    { return "big" }
func (f Fn) Area() int        { return f() }
func (f Fn) Name() string     { return "fn" }
func (o One) Area() int       { return *o.p }
func (o One) Name() string    { return "one" }
func (s Str) Name() string    { return string(s) + "!" }
func (s Str) Scale(k int) Str { return s + Str(rune('0'+k)) }

type Inner struct{ Big }
type Outer struct {
	*Inner
	k int
}

type Box struct {
	Namer
	n int
}

type Scaler interface {
	Namer
	Scale(k int) Str
}

func total(ss []Shape) int {
	t := 0
	for i, s := range ss {
		a := s.Area()
		t += a
		println(i, s.Name(), a)
	}
	return t
}

func pick(b bool) Namer {
	if b {
		return Str("yes")
	}
	return &Rect{}
}

func main() {
	x := 42
	r := &Rect{2, 5}
	ss := []Shape{Sq{3}, r, Big{1, 2, 3}, Fn(func() int { return 7 }), One{&x}, Outer{&Inner{Big{4, 5, 6}}, 0}}
	println(total(ss))
	r.w = 10
	println(ss[1].Area())

	var n Namer = ss[1]
	println(n.Name())
	n = ss[0]
	println(n.Name())
	var e interface{} = n
	println(e != nil)

	b := Box{Str("boxed"), 1}
	println(b.Name())
	pb := &b
	println(pb.Name(), pb.Namer.Name())

	var sc Scaler = Str("s")
	println(sc.Scale(3).Name(), sc.Name())
	n = sc
	println(n.Name())
	println(pick(true).Name(), pick(false).Name())

}
