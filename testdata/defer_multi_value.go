// defer f(g()) with a multi-valued g: g runs at the defer statement, its results are stored and
// passed to f when the deferred call runs (also into a variadic or interface parameter, to a
// method, a closure and a builtin, and from within a loop).
package main

type P struct{ name string }

func (p *P) show(a int, s string) { println(p.name, a, s) }

var n int

func pair() (int, string) {
	n++
	println("pair runs", n)
	return n, "s"
}

func two() (int, int) { return 3, 4 }
func sum(xs ...int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	println("sum", t)
	return t
}
func show(a int, s string)         { println("show", a, s) }
func boxed(a, b interface{})       { println("boxed", a.(int), b.(string)) }
func big() (struct{ a, b, c int }, [3]string) {
	return struct{ a, b, c int }{1, 2, 3}, [3]string{"x", "y", "z"}
}
func useBig(s struct{ a, b, c int }, a [3]string) { println(s.a+s.b+s.c, a[0]+a[1]+a[2]) }

func f() (r int) {
	p := &P{"p"}
	defer func() { r *= 10 }()
	defer show(pair())
	defer p.show(pair())
	p = &P{"q"}
	defer boxed(pair())
	cl := func(a int, s string) { println("closure", a, s, r) }
	defer cl(pair())
	defer sum(two())
	defer println(two())
	defer useBig(big())
	for i := 0; i < 2; i++ {
		defer show(pair())
	}
	println("body", n)
	return 7
}

func main() {
	println(f())
}
