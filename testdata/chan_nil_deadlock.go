// Channel operations anywhere (package-level initializers, function literals), and a receive from
// a nil channel, which blocks forever: with nothing else to run, go1.19's deadlock report.
package main

var ready = make(chan bool)

func drain(c chan int) (n int) {
	for range c {
		n++
	}
	return n
}

func main() {
	var none chan int
	println(none == nil)
	f := func() { close(ready) }
	f()
	_, ok := <-ready
	println(ok, len(ready), cap(ready))
	println(drain(nil))
}
