package main

// A nil *T reaching the (*T).M wrapper of a value method, through an itab or the method
// expression (*T).M, panics with gc's panicwrap text (a runtime.Error, recoverable).

type I interface{ M() int }

//go:noinline
func call(x I) int { return x.M() }

type B [3]int

func (b B) M() int { return b[0] }

type U int

func (u U) M() int { return int(u) }

func main() {
	defer func() {
		println(recover().(error).Error())
		var q *B
		f := (*B).M
		println(f(&B{4}))
		f(q)
	}()
	var p *U
	call(p)
}
