package main

// Type switches: the operand is evaluated once, before any test; `switch x := x.(type)` shadows;
// x held through a runtime-built itab (interface-to-interface conversion); nested switches; break
// and continue inside clauses; goto out of a clause; defer and recover in a clause; a type switch
// in a function literal and on a struct field.

type Stringer interface{ String() string }
type Sizer interface{ Size() int }
type Both interface {
	Stringer
	Sizer
}

type Pt struct{ x, y int }
type Name string
type Buf []byte

func (p *Pt) String() string { return "pt" }
func (p *Pt) Size() int       { return p.x + p.y }
func (n Name) String() string { return string(n) }
func (b Buf) Size() int       { return len(b) }

var calls int

func next(v interface{}) interface{} {
	calls++
	return v
}

type holder struct {
	v interface{}
	s Stringer
}

func kind(x interface{}) string {
	switch x := x.(type) {
	case Both:
		switch y := x.(type) {
		case *Pt:
			return "both *Pt " + y.String()
		default:
			return "both other"
		}
	case Stringer:
		return "stringer " + x.String()
	case Sizer:
		if x.Size() > 2 {
			return "big sizer"
		}
		return "sizer"
	case map[string]int:
		return "map"
	case *int:
		*x = 42
		return "ptr"
	}
	return "?"
}

func recovering(x interface{}) (res string) {
	switch v := x.(type) {
	case int:
		defer func() {
			if r := recover(); r != nil {
				res = "recovered " + r.(string)
			}
		}()
		if v > 0 {
			panic("positive")
		}
		return "non-positive"
	}
	return "not int"
}

func main() {
	switch v := next(Name("once")).(type) {
	case int, string:
		println("no")
	case Stringer:
		println("stringer", v.String())
	}
	println("calls", calls)

	var b Both = &Pt{1, 2}
	var s Stringer = b // runtime-built itab (Stringer, *Pt)
	switch v := s.(type) {
	case Name:
		println("name")
	case *Pt:
		println("*Pt", v.x, v.y)
	}

	i := 7
	for _, x := range []interface{}{&Pt{3, 4}, Name("nm"), Buf("abc"), Buf("a"), map[string]int{}, &i, 1.5} {
		println(kind(x))
	}
	println("i", i)

	n := 0
	for _, x := range []interface{}{1, "a", 2, "b", 3.0, nil, 4} {
		switch v := x.(type) {
		case string:
			continue
		case float64:
			if v > 2 {
				break
			}
			println("not reached")
		case nil:
			goto out
		case int:
			n += v
		}
		n += 100
	}
out:
	println("n", n)

	println(recovering(5), recovering(-1), recovering("x"))

	h := holder{v: Buf("xy"), s: Name("field")}
	f := func() string {
		switch v := h.s.(type) {
		case Name:
			switch w := h.v.(type) {
			case Sizer:
				return string(v) + " " + string(rune('0'+w.Size()))
			}
		}
		return "none"
	}
	println(f())
}
