// Method expressions T.M and (*T).M for methods promoted through embedded fields (test/ddd.go):
// value and pointer methods, embedded values and pointers, two levels deep, nil embedded pointers.
package main

type T struct{ n int }

func (t T) Val(k int) int { return t.n*10 + k }
func (t *T) Ptr(k int) int {
	if t == nil {
		return -k
	}
	t.n += k
	return t.n
}

type Inner struct{ T }
type U struct {
	tag string
	*T
}
type Outer struct {
	x int
	Inner
}
type Deep struct {
	pad [3]int
	*U
}

func (o Outer) Own() string { return "own" }

func main() {
	in := Inner{T{4}}
	println(Inner.Val(in, 1), (*Inner).Val(&in, 2), (*Inner).Ptr(&in, 3), in.n)

	u := U{"u", &T{7}}
	println(U.Val(u, 1), U.Ptr(u, 2), (*U).Ptr(&u, 3), (*U).Val(&u, 4), u.n)
	println(U.Ptr(U{}, 5)) // the method gets the nil embedded pointer

	o := Outer{1, Inner{T{2}}}
	fv, fp := Outer.Val, (*Outer).Ptr
	println(fv(o, 3), fp(&o, 4), o.n, Outer.Own(o))

	d := Deep{U: &U{"d", &T{9}}}
	println(Deep.Val(d, 1), (*Deep).Ptr(&d, 1), d.U.T.n)

	func() {
		defer func() { println("recovered:", recover().(error).Error()) }()
		println(U.Val(U{}, 1)) // copies the nil embedded *T's pointee
	}()
	func() {
		defer func() { println("recovered:", recover().(error).Error()) }()
		var pd *Deep
		println((*Deep).Ptr(pd, 1))
	}()
}
