// fallthrough transfers control to the next case body without testing it;
// break leaves the switch early.
package main

func describe(n int) {
	print(n, ":")
	switch {
	case n < 0:
		print(" negative")
		fallthrough
	case n == 0:
		print(" non-positive")
	case n < 10:
		print(" small")
		fallthrough
	case n < 100:
		print(" medium-or-smaller")
		if n == 5 {
			print(" (five)")
			break
		}
		fallthrough
	default:
		print(" any")
	}
	println()
}

func main() {
	for _, n := range []int{-1, 0, 5, 7, 50, 500} {
		describe(n)
	}
	switch x := 2; x {
	case 1:
		println("one")
	case 2:
		println("two")
		fallthrough
	case 3:
		println("three (via fallthrough)")
		fallthrough
	default:
		println("default (via fallthrough)")
	}
}
