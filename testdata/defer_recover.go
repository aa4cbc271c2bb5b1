// recover: only in a directly deferred call; the recovering function returns its (possibly
// modified) named results; run-time errors are recoverable; `defer recover()` does not recover
// (recover is not called by a deferred function there).
package main

func named() (x int) {
	defer func() {
		if recover() != nil {
			x += 41
		}
	}()
	x = 1
	panic("boom")
}

func keep() (x int) {
	defer func() { recover() }()
	x = 7
	panic("keep")
}

// Called by a deferred function, not by the runtime: recover returns nil there.
func notDirect() bool { return recover() == nil }

func indirect() (r interface{}) {
	defer func() { r = recover() }()
	defer func() { println("one level down, recover is nil:", notDirect()) }()
	panic("indirect")
}

func bounds() (ok bool) {
	defer func() {
		ok = recover() != nil
	}()
	s := []int{1, 2, 3}
	i := 5
	println(s[i])
	return true
}

func nilDeref() (ok bool) {
	defer func() { ok = recover() != nil }()
	var p *int
	println(*p)
	return true
}

func divide(a, b int) (q int, err bool) {
	defer func() {
		if recover() != nil {
			err = true
		}
	}()
	return a / b, false
}

func deferRecover() {
	defer println("after")
	defer recover()
	panic("direct")
}

func deferRecoverOuter() {
	defer func() { println("outer caught:", recover() != nil) }()
	deferRecover()
}

func deeper(n int) {
	if n == 0 {
		panic("deep")
	}
	defer println("unwinding", n)
	deeper(n - 1)
}

func catchDeep() {
	defer func() { println("caught:", recover() != nil) }()
	deeper(3)
}

func recoverValue() {
	defer func() {
		r := recover()
		println("value is non-nil:", r != nil)
	}()
	panic(7)
}

func main() {
	println("recover outside panic is nil:", recover() == nil)
	println("named:", named())
	println("keep:", keep())
	println("indirect:", indirect() != nil)
	println("bounds:", bounds())
	println("nil:", nilDeref())
	q, e := divide(7, 0)
	println("divide:", q, e)
	q, e = divide(7, 2)
	println("divide:", q, e)
	deferRecoverOuter()
	catchDeep()
	recoverValue()
	println("done")
}
