// The go statement needs the scheduler; until it exists gocc must reject it
// with a "not supported yet" diagnostic.
package main

func work(n int) { println("work", n) }

func main() {
	go work(1) // UNSUPPORTED
	println("main")
}
