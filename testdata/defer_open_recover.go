// Recover in open-coded deferred calls: deferred closures change named results, guarded defers
// run only when their `if` ran, a recovering frame runs its remaining defers after resuming, a
// panic in a deferred call at a normal return still runs the frame's older defers, a panic in a
// deferred call during a panic replaces it, and recover() is nil except in the deferred call itself.
package main

func safeDiv(a, b int) (q int, err string) {
	defer func() {
		if e := recover(); e != nil {
			q, err = -1, "recovered"
		}
	}()
	return a / b, "ok"
}

func guarded(n int) (r int) {
	if n > 1 {
		defer func() { r += 100 }()
	}
	if n > 2 {
		defer func() { r *= 2 }()
	}
	defer func() { r++ }()
	if n == 4 {
		panic("four")
	}
	return n
}

func catchGuarded(n int) (r int) {
	defer func() {
		if e := recover(); e != nil {
			println("catchGuarded recovered", e.(string))
			r = -n
		}
	}()
	return guarded(n)
}

func resume() (r int) {
	defer println("resume: runs after the recovery")
	defer func() {
		println("resume: recovered", recover().(string))
		r = 5
	}()
	defer println("resume: first")
	panic("x")
}

func panicAtReturn() {
	defer println("panicAtReturn: older defer runs in the panic")
	defer func() { panic("from a defer") }()
	println("panicAtReturn body")
}

func catchAll(f func()) {
	defer func() { println("caught", recover().(string)) }()
	f()
}

func repanic() (r int) {
	defer func() {
		r = 7
		println("repanic recovered", recover().(string))
	}()
	defer func() { panic("second") }()
	panic("first")
}

func nested() {
	defer func() {
		func() { println("nested recover is nil:", recover() == nil) }()
	}()
	panic("nested")
}

type R struct{ got string }

func (r *R) rec() {
	if e := recover(); e != nil {
		r.got = e.(string)
	}
}

func method() (r R) {
	defer r.rec()
	panic("method")
}

func main() {
	println(safeDiv(7, 2))
	println(safeDiv(7, 0))
	for n := 0; n <= 4; n++ {
		println("guarded", n, catchGuarded(n))
	}
	println("resume", resume())
	catchAll(panicAtReturn)
	println("repanic", repanic())
	catchAll(nested)
	println("method", method().got)
}
