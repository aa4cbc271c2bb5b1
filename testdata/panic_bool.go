// panic with a bool prints true or false.
package main

func work() { println("working") }

func main() {
	ok := 3 > 4
	work()
	panic(ok || true)
}
