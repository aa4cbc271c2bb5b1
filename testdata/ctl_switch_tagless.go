// Tagless switches evaluate cases top to bottom and take the first true one;
// cases are evaluated lazily.
package main

func fizzbuzz(i int) string {
	switch {
	case i%15 == 0:
		return "FizzBuzz"
	case i%3 == 0:
		return "Fizz"
	case i%5 == 0:
		return "Buzz"
	}
	return ""
}

var trace string

func check(s string, v bool) bool {
	trace += s
	return v
}

func main() {
	for i := 1; i <= 15; i++ {
		if s := fizzbuzz(i); s != "" {
			print(s, " ")
		} else {
			print(i, " ")
		}
	}
	println()
	switch {
	case check("a", false), check("b", true), check("c", true):
		trace += "!"
	case check("d", true):
		trace += "?"
	}
	println(trace)
	x := 0.5
	switch y := x * 4; {
	case y > 3:
		println("big")
	case y > 1:
		println("medium", y)
	default:
		println("small")
	}
}
