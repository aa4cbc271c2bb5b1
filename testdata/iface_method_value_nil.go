package main

// A method value of a nil interface faults when it is made, not when it is called (go1.19 checks
// the itab at the method value).

type I interface{ M() int }

type T int

func (t T) M() int { return int(t) }

func pick(ok bool) I {
	if ok {
		return T(1)
	}
	return nil
}

func main() {
	f := pick(true).M
	println("made", f())
	g := pick(false).M
	println("not reached")
	g()
}
