// In a tuple assignment the operands of index expressions and pointer indirections on the left
// are evaluated first, but their nil and bounds checks happen at their own store, left to right:
// earlier stores are done when a later one panics (gc; test/fixedbugs/issue23017.go).
package main

type P struct{ i int }
type T struct{ x struct{ y int } }

func try(name string, f func()) {
	defer func() { println(name, recover() != nil) }()
	f()
}

func main() {
	m := map[int]int{}
	var p *int
	try("nil deref", func() { m[1], *p = 10, 2 })
	s := []int{}
	try("index", func() { m[2], s[1] = 20, 2 })
	var pp *P
	try("field", func() { m[3], pp.i = 30, 2 })
	println(len(m), m[1], m[2], m[3])

	var a int
	q := &a
	var nm map[int]int
	try("nil map", func() { *q, nm[2] = 5, 2 })
	println(a)

	var t T
	r := &t
	r, r.x.y = new(T), 7
	println(t.x.y, r.x.y)

	i := 0
	arr := [3]int{}
	i, arr[i] = 2, 9
	println(i, arr[0], arr[2])
}
