// An open-coded deferred call panics while a panic runs it: both panics are printed (the first is
// aborted, not recovered), the other frames' defers still run, and the process exits with status 2.
package main

func f() {
	defer func() { panic("second") }()
	defer println("f deferred")
	if len(msg) > 100 {
		defer println("f: never deferred")
	}
	panic("first")
}

var msg = "x"

func g() (r int) {
	defer func() { r++; println("g deferred", r) }()
	f()
	return 1
}

func main() {
	defer println("main deferred")
	println(g())
}
