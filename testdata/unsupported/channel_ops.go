// Channel operations need the scheduler: refused before any IR is built, each where it occurs, in
// function literals and package-level initializers too. A nil channel as a value is fine.
package main

var ready = make(chan bool) // UNSUPPORTED

func drain(c chan int) (n int) {
	for range c { // UNSUPPORTED
		n++
	}
	return n
}

func main() {
	var none chan int
	println(none == nil)
	f := func() { close(ready) } // UNSUPPORTED
	f()
	println(drain(nil), len(ready)) // UNSUPPORTED
}
