// if statements: else-if chains, init statements, nested conditions.
package main

func classify(n int) string {
	if n < 0 {
		return "negative"
	} else if n == 0 {
		return "zero"
	} else if n%2 == 0 {
		if n > 100 {
			return "big even"
		}
		return "even"
	} else {
		return "odd"
	}
}

func sign(x float64) int {
	if x > 0 {
		return 1
	}
	if x < 0 {
		return -1
	}
	return 0
}

func main() {
	for _, n := range []int{-5, 0, 4, 7, 1000} {
		println(n, classify(n))
	}
	println(sign(2.5), sign(-0.1), sign(0))
	if v, ok := lookup(3); ok {
		println("found", v)
	} else {
		println("missing", v)
	}
	if v, ok := lookup(30); ok {
		println("found", v)
	} else {
		println("missing", v)
	}
}

func lookup(i int) (string, bool) {
	names := []string{"zero", "one", "two", "three"}
	if i >= 0 && i < len(names) {
		return names[i], true
	}
	return "", false
}
