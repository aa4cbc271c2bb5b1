// A deferred call panicking while the first panic runs it: go1.19 prints both, oldest first.
package main

func f() {
	defer func() {
		panic("in defer")
	}()
	panic("original")
}

func main() {
	defer println("main deferred runs")
	f()
}
