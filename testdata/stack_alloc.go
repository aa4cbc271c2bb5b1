// Allocation sites the escape analysis keeps in the frame (new, &T{}, slice literals, make with a
// constant size) must behave exactly like heap objects: aliases see each other's writes, a loop
// that keeps last iteration's object sees it unchanged, closures, defer/recover, goto loops,
// append past the literal's capacity, and objects that do escape stay distinct.
package main

type T struct {
	a, b int
	next *T
}

var global *T

func sumSlice(s []int) int {
	t := 0
	for _, v := range s {
		t += v
	}
	return t
}

func aliasing() {
	p := new(T)
	q := p
	q.a = 5
	r := &p.b
	*r = 6
	println("aliasing", p.a, p.b, q.a, q.b)

	s := []int{1, 2, 3}
	u := s[1:]
	u[0] = 20
	println("slices", s[0], s[1], s[2], len(u), cap(u), sumSlice(s))
}

func loops() {
	var prev *T
	var all []*T
	for i := 0; i < 4; i++ {
		p := &T{a: i}
		if prev != nil {
			println("prev", prev.a, "cur", p.a)
		}
		prev = p
		q := &T{a: i * 10} // stays in the iteration: may reuse one slot
		println("q", q.a, q.b)
		q.b = 99
		all = append(all, &T{a: i})
	}
	for _, t := range all {
		print(t.a, " ")
	}
	println()
	// a chain built in a loop: each node must be distinct
	var head *T
	for i := 0; i < 5; i++ {
		head = &T{a: i, next: head}
	}
	for n := head; n != nil; n = n.next {
		print(n.a, " ")
	}
	println()
	// fresh zeroed memory on each execution of the site
	for i := 0; i < 3; i++ {
		b := make([]int, 4)
		println("make", b[0], b[1], b[2], b[3], len(b), cap(b))
		b[i] = i + 1
		s := []int{i, i}
		n := new(int)
		println("new", *n, s[0]+s[1])
		*n = 7
	}
}

func gotoLoop() {
	i := 0
	var prev *T
again:
	p := &T{a: i}
	if prev != nil {
		println("goto prev", prev.a, "cur", p.a)
	}
	prev = p
	i++
	if i < 3 {
		goto again
	}
}

func closures() int {
	p := &T{a: 1}
	inc := func() { p.a++ }
	inc()
	inc()
	fs := []func() int{}
	for i := 0; i < 3; i++ {
		q := &T{a: i}
		fs = append(fs, func() int { return q.a })
	}
	t := 0
	for _, f := range fs {
		t = t*10 + f()
	}
	return p.a*1000 + t
}

func appendGrow() {
	s := []int{1, 2, 3}
	t := append(s, 4)
	t[0] = 100
	println("grow", s[0], t[0], len(t), cap(s))
	b := make([]byte, 2, 8)
	c := append(b, 'x')
	c[0] = 'y'
	println("shared", string(b), string(c), cap(b))
}

func recovered() (r int) {
	p := &T{a: 42}
	s := []int{1, 2}
	defer func() {
		if e := recover(); e != nil {
			r = -1
		}
	}()
	i := 5
	r = p.a + s[i%2]
	println("index", s[i])
	return r
}

func escapes() {
	a := &T{a: 1}
	b := &T{a: 2}
	global = a
	println("distinct", a != b, global.a, b.a)
	x, y := new(int), new(int)
	*x, *y = 3, 4
	println("new", *x, *y, x != y)
}

type pt struct{ x, y int }

func (p *pt) move(d int) { p.x += d; p.y -= d }

func methods() {
	p := &pt{1, 2}
	p.move(3)
	println("method", p.x, p.y)
	arr := []pt{{}, {}, {}}[1:2]
	arr[0].move(1)
	println("arr", arr[0].x, len(arr))
}

func bigLocal() {
	b := make([]byte, 70000)
	b[69999] = 1
	s := make([]int64, 8192)
	s[8191] = 2
	println("big", b[69999], s[8191], len(b), len(s))
}

func main() {
	aliasing()
	loops()
	gotoLoop()
	println("closures", closures())
	appendGrow()
	println("recovered", recovered())
	escapes()
	methods()
	bigLocal()
}
