// Calls with the wrong number of arguments or results.
package main

func pair() (int, int) { return 1, 2 }

func one(x int) int { return x }

func main() {
	a := pair()
	b, c := one(1)
	println(one(1, 2), one())
	println(a, b, c)
}
