package main

// Type switches: several types per case, the nil case, default, the bound variable (typed in a
// single-type case, the switch's interface type otherwise), cases naming interface types (empty and
// non-empty), the first matching case in source order wins, on interface{} and on non-empty
// interfaces, with init statements, labeled break and switches in loops and closures.

type Shape interface{ Area() int }
type Namer interface{ Name() string }
type Both interface {
	Area() int
	Name() string
}

type Sq struct{ s int }
type Rect struct{ w, h int }
type Big struct{ a, b, c int }
type Fn func() int
type MyInt int
type One struct{ p *int }

func (q Sq) Area() int        { return q.s * q.s }
func (q Sq) Name() string     { return "sq" }
func (r *Rect) Area() int     { return r.w * r.h }
func (p Big) Area() int       { return p.a + p.b + p.c }
func (p Big) Name() string    { return "big" }
func (f Fn) Area() int        { return f() }
func (m MyInt) Name() string  { return "myint" }
func (o One) Area() int       { return *o.p }

func describe(x interface{}) string {
	switch v := x.(type) {
	case nil:
		return "nil"
	case int:
		return "int " + itoa(v+1)
	case int8, int16, uint:
		_ = v
		return "small or uint"
	case string:
		return "string " + v + "!"
	case bool:
		if v {
			return "true"
		}
		return "false"
	case float64:
		return "float64"
	case []int:
		return "slice of " + itoa(len(v))
	case [3]int:
		v[0] = 99
		return "array " + itoa(v[0]+v[1]+v[2])
	case Sq:
		return "Sq " + itoa(v.s)
	case *Rect:
		return "*Rect " + itoa(v.w*v.h)
	case Big:
		return "Big " + itoa(v.a+v.b+v.c)
	case Fn:
		return "Fn " + itoa(v())
	case One:
		return "One " + itoa(*v.p)
	case Both:
		return "Both " + v.Name()
	case Shape:
		return "Shape " + itoa(v.Area())
	case error:
		return "error " + v.Error()
	case func() int:
		return "func " + itoa(v())
	default:
		return "other"
	}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var b []byte
	for n > 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	if neg {
		return "-" + string(b)
	}
	return string(b)
}

// On a non-empty interface: concrete cases compare itab->type, interface cases assert.
func shape(s Shape) string {
	switch v := s.(type) {
	case nil:
		return "nil shape"
	case Sq, *Rect:
		return "sq or rect " + itoa(v.Area())
	case Namer:
		return "named " + v.Name() + " " + itoa(v.(Shape).Area())
	case interface{}:
		return "any " + itoa(v.(Shape).Area())
	}
	return "unreachable"
}

// Without a bound variable; the first case in source order wins.
func order(x interface{}) int {
	switch x.(type) {
	case interface{ Name() string }:
		return 1
	case MyInt:
		return 2
	case interface{}:
		return 3
	}
	return 4
}

type myErr struct{ msg string }

func (e *myErr) Error() string { return e.msg }

func main() {
	seven := 7
	var nilShape Shape
	var nilErr error
	values := []interface{}{
		nil, 41, int8(1), int16(2), uint(3), int32(4), "hi", true, false, 2.5, float32(1),
		[]int{1, 2}, [3]int{1, 2, 3}, Sq{3}, &Rect{2, 5}, Rect{1, 1}, Big{1, 2, 3}, Fn(func() int { return 9 }),
		One{&seven}, MyInt(5), &myErr{"boom"}, func() int { return 11 }, nilShape, nilErr, struct{}{},
	}
	for i, x := range values {
		println(i, describe(x))
	}
	shapes := []Shape{nil, Sq{2}, &Rect{3, 4}, Big{4, 5, 6}, Fn(func() int { return 8 }), One{&seven}}
	for _, s := range shapes {
		println(shape(s))
	}
	println(order(MyInt(1)), order(Sq{}), order(3), order(nil))

	// init statement, the variable shadows, labeled break out of a loop
	n := 0
loop:
	for i := 0; ; i++ {
		switch y := values[i].(type) {
		case string:
			println("found string", y, "at", i)
			break loop
		case int:
			n += y
		default:
			n++
		}
	}
	println("n", n)

	switch x := interface{}(MyInt(3)); v := x.(type) {
	case Namer:
		println("init namer", v.Name(), x.(MyInt))
	}

	// the bound variable captured by a closure, and changed in one case only
	var fs []func() int
	for _, x := range []interface{}{1, 2, "three", MyInt(4)} {
		switch v := x.(type) {
		case int:
			v *= 10
			fs = append(fs, func() int { return v })
		case MyInt:
			fs = append(fs, func() int { v++; return int(v) })
		default:
			fs = append(fs, func() int { return len(v.(string)) })
		}
	}
	for _, f := range fs {
		println(f(), f())
	}

	// a switch on an element of a map, and a switch without a default where nothing matches
	m := map[string]interface{}{"a": 1.5}
	switch v := m["a"].(type) {
	case float64:
		println("map float", v > 1)
	}
	switch m["zz"].(type) {
	case int:
		println("not reached")
	}
	println("done")
}
