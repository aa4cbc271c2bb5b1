// runtime.Callers' raw pcs: FuncForPC names each one, CallersFrames turns them into frames whose
// PC FuncForPC names alike and whose Entry is set;
// Callers from a deferred call during a panic passes through runtime.gopanic; skip counts logical
// frames; short buffers; FuncForPC of a function's Entry.
package main

import "runtime"

func base(file string) string {
	for i := len(file) - 1; i >= 0; i-- {
		if file[i] == '/' {
			return file[i+1:]
		}
	}
	return file
}

//go:noinline
func show(tag string, skip int, max int) {
	pcs := make([]uintptr, max)
	n := runtime.Callers(skip, pcs)
	println(tag, "n =", n)
	for _, pc := range pcs[:n] {
		f := runtime.FuncForPC(pc)
		if f == nil {
			println("  nil Func")
			continue
		}
		println("  pc:", f.Name())
	}
	frames := runtime.CallersFrames(pcs[:n])
	for {
		fr, more := frames.Next()
		fn := runtime.FuncForPC(fr.PC)
		println("  frame:", fr.Function, base(fr.File), fr.Line, fn != nil && fn.Name() == fr.Function, fr.Entry != 0)
		if !more {
			break
		}
	}
}

// The functions whose return addresses are looked up by FuncForPC are kept out of line in gc: a
// raw pc of an inlined frame is gc's inline mark, whose FuncForPC answer depends on gc's code
// layout. (gocc tags its own pcs of inlined frames, so FuncForPC answers right either way.)

//go:noinline
func leaf(skip int) { show("leaf", skip, 32) }

//go:noinline
func middle(skip int) { leaf(skip) }

//go:noinline
func outer(skip int) { middle(skip) }

//go:noinline
func small() { show("small", 1, 2) }

type S struct{}

//go:noinline
func (S) M() { show("S.M", 2, 32) }

//go:noinline
func (*S) P() { show("(*S).P", 2, 32) }

//go:noinline
func recovering() {
	defer func() {
		r := recover()
		println("recovered", r.(string))
		show("in panic", 1, 32)
	}()
	var s []int
	_ = s
	panic("boom")
}

func main() {
	outer(1)
	outer(2)
	outer(3)
	small()
	S{}.M()
	(&S{}).P()
	recovering()
	pc, _, _, _ := runtime.Caller(0)
	main := runtime.FuncForPC(pc)
	println(main.Name(), runtime.FuncForPC(main.Entry()).Name(), runtime.FuncForPC(main.Entry()).Entry() == main.Entry())
}
