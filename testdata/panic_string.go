// An unrecovered panic with a string: output so far stays, then the panic
// message and the traceback header go to stderr, exit status 2.
package main

func check(n int) {
	if n > 2 {
		panic("n is too big")
	}
	println("ok", n)
}

func main() {
	for i := 0; i < 5; i++ {
		check(i)
	}
	println("not reached")
}
