// A map literal's entries are evaluated in source order, each key before its element, the calls
// of the whole literal before its plain operands (gc's order; test/fixedbugs/issue17640.go).
package main

var results string

func f(x int) int {
	results += "_" + string(rune('a'+x))
	return x
}

func main() {
	_ = map[int]int{f(f(9) + 1): f(8), 0: f(7), f(22): -1}
	println(results)
	results = ""
	_ = [5]int{1: f(1), 0: f(0), 2: f(2), 3, 4}
	_ = struct{ x, y int }{y: f(6), x: f(5)}
	println(results)
}
