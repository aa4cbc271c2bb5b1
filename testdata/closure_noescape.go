// Closures that do not escape keep their captured variables in the frame, as gc's escape
// analysis decides; the observable part is the capacity gc gives a non-escaping []rune(s) or
// []byte(s) (a 32-element stack buffer) against a heap one (rounded to a size class). The shape
// of difftest seed 315: a conversion captured by a closure that is only called.
package main

var keep func() int

func apply(f func() int) int { return f() }

func store(f func() int) { keep = f }

func runes(s string) {
	r := []rune(s)
	f := func() int { return cap(r) }
	println("called local", f(), len(r))
	b := []byte(s)
	println("called literal", func() int { return cap(b) }())
	q := []rune(s)
	println("non-leaking parameter", apply(func() int { return cap(q) }))
	e := []rune(s)
	store(func() int { return cap(e) })
	println("escaping", keep())
	a := []byte(s)
	a = append(a, '!')
	println("append", func() int { return len(a) + cap(a) }())
}

func counters() {
	x := 0
	inc := func() { x++ }
	inc()
	inc()
	println("counter", x)
	var fib func(int) int
	fib = func(n int) int {
		if n < 2 {
			return n
		}
		return fib(n-1) + fib(n-2)
	}
	println("fib", fib(15))
	total := 0
	for i := 0; i < 4; i++ {
		v := i * i
		func() { total += v }()
	}
	println("total", total)
	var fs []func() int
	for i := 0; i < 3; i++ {
		j := i
		fs = append(fs, func() int { return j * 10 })
	}
	for _, f := range fs {
		println("kept", f())
	}
}

func named() (r int) {
	defer func() {
		if recover() != nil {
			r += 100
		}
	}()
	s := "ab"
	w := []rune(s)
	defer func() { r += cap(w) }()
	var m map[int]int
	m[0] = 1
	return 1
}

func loopDefer() {
	for i := 0; i < 3; i++ {
		k := i
		defer func() { println("deferred", k) }()
	}
}

func main() {
	runes("héllo, wörld")
	counters()
	println("named", named())
	loopDefer()
}
