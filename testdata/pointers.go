// Pointers: address-of, dereference, new, pointers to array and slice
// elements and struct fields, pointer equality, pointers to pointers.
package main

type node struct {
	val  int
	next *node
}

func inc(p *int) { *p++ }

func swap(a, b *string) { *a, *b = *b, *a }

func newCounter() *int {
	c := 100 // escapes to the heap
	return &c
}

func main() {
	x := 1
	p := &x
	*p = 2
	inc(p)
	inc(&x)
	println(x, *p, p == &x)

	s, t := "first", "second"
	swap(&s, &t)
	println(s, t)

	c1 := newCounter()
	c2 := newCounter()
	*c1 += 5
	println(*c1, *c2, c1 == c2)

	n := new(int)
	println(*n)
	*n = 9
	f := new(float64)
	println(*n, *f)
	ps := new(struct{ a, b int })
	ps.b = 3
	println(ps.a, ps.b)

	arr := [3]int{1, 2, 3}
	pe := &arr[1]
	*pe = 20
	println(arr[1])
	sl := []int{4, 5, 6}
	ps2 := &sl[2]
	*ps2 *= 10
	println(sl[2])

	var list *node
	for i := 1; i <= 4; i++ {
		list = &node{i, list}
	}
	for n := list; n != nil; n = n.next {
		print(n.val, " ")
	}
	println()

	pp := &p
	**pp = 77
	println(x)
	var nilp *int
	println(nilp == nil, nilp)
	pa := &arr
	pa[0] = 10
	println(arr[0], len(pa))
}
