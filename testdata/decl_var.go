// Variable declarations: zero values, grouped var blocks, multiple
// assignment, short declarations that redeclare, blank identifier.
package main

var (
	gi   int
	gs   string
	gf   float64
	gb   bool
	gp   *int
	ga   [3]int8
	gsl  []string
	gc   complex64
	x, y = 1, "two"
)

var counter = 10

func next() int {
	counter++
	return counter
}

func main() {
	println(gi, gs == "", gf, gb, gp == nil, ga[0], ga[2], gsl == nil, len(gsl), gc)
	println(x, y)
	var a, b, c int = 1, 2, 3
	println(a, b, c)
	a, b, c = c, a, b
	println(a, b, c)
	var d = next()
	e, f := next(), next()
	println(d, e, f)
	e, g := 100, 200 // e is reused, g is new
	println(e, g)
	_, h := 1, 2
	_ = h
	var u8 uint8
	var i64 int64
	var r rune
	var by byte
	var up uintptr
	println(u8, i64, r, by, up)
	var s struct {
		n int
		t string
	}
	println(s.n, s.t == "")
	i := 0
	i, arr := 5, [2]int{i, i + 1}
	println(i, arr[0], arr[1])
}
