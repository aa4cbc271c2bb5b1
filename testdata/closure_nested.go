// Nested closures: an inner closure captures variables from two enclosing
// functions; closures are called immediately and recursively via a variable.
package main

func makeAdders() (func(int) func(int) int, func() int) {
	calls := 0
	outer := func(a int) func(int) int {
		calls++
		return func(b int) int {
			calls++
			return a + b
		}
	}
	return outer, func() int { return calls }
}

func main() {
	outer, calls := makeAdders()
	add5 := outer(5)
	println(add5(1), add5(10), outer(100)(1))
	println("calls:", calls())

	result := func(x, y int) int { return x*10 + y }(4, 2)
	println(result)

	var fact func(n int) int
	fact = func(n int) int {
		if n <= 1 {
			return 1
		}
		return n * fact(n-1)
	}
	println(fact(10))

	x := 1
	func() {
		x++
		func() {
			x *= 10
		}()
	}()
	println(x)
}
