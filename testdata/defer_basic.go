// defer: LIFO order at return, arguments (and method receivers, func values) evaluated at the defer
// statement, defers in loops (heap records), deferred closures changing named results, builtins.
package main

type T struct{ n int }

func (t T) show(s string)   { println("show", t.n, s) }
func (t *T) pshow(s string) { println("pshow", t.n, s) }

type Big struct{ a, b, c, d int }

func (b Big) sum() { println("big", b.a+b.b+b.c+b.d) }

func sum(xs ...int) {
	s := 0
	for _, x := range xs {
		s += x
	}
	println("sum", s)
}

func counter() (n int) {
	defer func() { n *= 2 }()
	n = 3
	return n + 1
}

func twoResults() (a int, s string) {
	defer func() { a++; s += "!" }()
	return 41, "hi"
}

func bigResult() (b Big) {
	defer func() { b.d = 4 }()
	return Big{1, 2, 3, 0}
}

func next(p *int) int { *p++; return *p }

func lifo() {
	for i := 0; i < 3; i++ {
		defer println("loop", i)
	}
	x := 10
	defer println("x at defer", x)
	x = 20
	t := T{1}
	defer t.show("value")
	defer t.pshow("ptr")
	t.n = 2
	f := func(a, b int) { println("closure", a, b) }
	defer f(x, 5)
	f = nil
	defer sum(1, 2, 3)
	defer sum()
	c := 0
	defer println("order", next(&c), next(&c))
	bg := Big{1, 2, 3, 4}
	defer bg.sum()
	bg.a = 100
	defer print("no newline ", 1.5, " ", true, "\n")
	println("body")
}

func early(n int) int {
	defer println("early deferred", n)
	if n > 0 {
		return n * 10
	}
	for i := 0; i < 2; i++ {
		defer func(i int) { println("loop closure", i, n) }(i)
	}
	return -1
}

func nested() {
	defer func() {
		defer println("inner deferred")
		println("outer deferred body")
	}()
	println("nested body")
}

func main() {
	println(counter())
	a, s := twoResults()
	println(a, s)
	println(bigResult().d)
	lifo()
	println(early(1))
	println(early(0))
	nested()
	for i := 0; i < 3; i++ {
		func() {
			defer println("per-iteration", i)
		}()
	}
}
