// Generic functions (type parameters) arrive late on the roadmap; until then
// gocc must reject them with a "not supported yet" diagnostic.
package main

func Max[T int | float64](a, b T) T { // UNSUPPORTED
	if a > b {
		return a
	}
	return b
}

func main() {
	println(Max(1, 2), Max(2.5, 1.5))
}
