// A runtime error (a nil dereference, caught by the signal handler) panics through functions whose
// defers are open-coded, one whose defers are not (a loop), and back: every deferred call runs once,
// newest first across all frames; guarded defers whose `if` did not run are skipped; exit status 2.
package main

type T struct{ name string }

func (t *T) done(s string) { println(t.name, "done", s) }

func leaf(p *int) int {
	defer println("leaf defer")
	return *p
}

func middle(n int) (r int) {
	t := &T{"middle"}
	defer t.done("first")
	if n > 0 {
		defer println("middle guarded", n)
	}
	if n > 5 {
		defer println("middle: never deferred")
	}
	defer func() { println("middle closure", r) }()
	return leaf(nil) + n
}

func looping(n int) {
	for i := 0; i < n; i++ {
		defer println("looping", i)
	}
	defer println("looping top")
	middle(n)
}

func outer() {
	defer func() { println("outer open") }()
	looping(2)
}

func main() {
	defer println("main defer")
	outer()
}
