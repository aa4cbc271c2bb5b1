// A value method reached through its (*T).M wrapper (an interface holding a nil *T, or the method
// expression (*T).M) with a nil *T panics with go1.19's panicwrap text, a plainError, and not with
// a nil dereference. Found by tools/difftest (random seed 108).
package main

type T int

func (t T) Error() string { return "T" }

type S struct{ a, b int }

func (s S) Sum() int { return s.a + s.b }

type Summer interface{ Sum() int }

func show(x interface{}) {
	defer func() {
		if r := recover(); r != nil {
			println("recovered:", r.(error).Error())
		}
	}()
	if e, ok := x.(error); ok {
		println(e.Error())
	}
	if s, ok := x.(Summer); ok {
		println(s.Sum())
	}
}

func main() {
	var p *T
	show(p)
	show(&S{1, 2})
	var q *S
	show(q)
	func() {
		defer func() { println("recovered:", recover().(error).Error()) }()
		f := (*S).Sum
		println(f(&S{3, 4}))
		println(f(q))
	}()
	var x interface{} = q
	x.(Summer).Sum()
}
