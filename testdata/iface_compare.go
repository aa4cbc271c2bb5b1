package main

// == and != on interfaces: with nil, between interfaces (empty and not), with concrete values,
// NaN dynamic values, structs and arrays holding interfaces, expression switches on an interface,
// and the panic on an uncomparable dynamic type.

type Namer interface{ Name() string }
type A struct{ n int }
type B string
type F float64

func (a A) Name() string  { return "A" }
func (a *A) Size() int    { return a.n }
func (b B) Name() string  { return string(b) }
func (f F) Name() string  { return "F" }

type Pair struct {
	x interface{}
	n Namer
	k int
}

func main() {
	var e1, e2 interface{} = 1, 1
	println(e1 == e2, e1 != e2)
	e2 = "1"
	println(e1 == e2, e1 == 1, e2 == "1", 1 == e1)
	var n1, n2 Namer = A{1}, A{1}
	println(n1 == n2, n1 != n2)
	n2 = A{2}
	println(n1 == n2)
	n2 = B("x")
	println(n1 == n2, n2 == B("x"), n1 == A{1})
	var e3 interface{} = n1
	println(e3 == n1, n1 == e3)
	var nil1 Namer
	println(nil1 == nil, nil1 == n1, n1 == nil1)
	a := &A{3}
	n1, n2 = a, a
	println(n1 == n2, n1 == Namer(&A{3}))
	nan := F(0)
	nan = nan / nan
	n1, n2 = nan, nan
	println(n1 == n2)
	p1 := Pair{1, B("b"), 2}
	p2 := Pair{1, B("b"), 2}
	println(p1 == p2)
	p2.n = A{}
	println(p1 == p2)
	arr1 := [2]interface{}{1, "x"}
	arr2 := [2]interface{}{1, "x"}
	println(arr1 == arr2)
	arr2[1] = "y"
	println(arr1 == arr2)
	switch n1 {
	case B("b"):
		println("b")
	case nan:
		println("nan?")
	default:
		println("default")
	}
	var s1, s2 interface{} = []int{1}, 2
	println(s1 == s2)
	s2 = []int{1}
	println(s1 == s2)
}
