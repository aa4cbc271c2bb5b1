// Booleans: the logical operators short-circuit, and comparisons yield bools
// that can be stored, compared and printed.
package main

var calls int

func t(name string) bool {
	calls++
	print(name, " ")
	return true
}

func f(name string) bool {
	calls++
	print(name, " ")
	return false
}

func main() {
	println(f("a") && t("b"))
	println(t("c") || f("d"))
	println(f("e") || t("f") && f("g"))
	println(!t("h") || !f("i"))
	println("calls:", calls)

	x, y := 3, 5
	less := x < y
	eq := x == y
	println(less, eq, less == eq, less != eq, !less)
	var zero bool
	println(zero, zero == false)

	type flag bool
	var on flag = true
	println(on, !on)
}
