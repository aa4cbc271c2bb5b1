// Function values: top-level functions as values, function types, nil checks,
// functions taking and returning functions.
package main

type binop func(int, int) int

func add(a, b int) int { return a + b }
func sub(a, b int) int { return a - b }
func mul(a, b int) int { return a * b }

func fold(xs []int, init int, f binop) int {
	acc := init
	for _, x := range xs {
		acc = f(acc, x)
	}
	return acc
}

func pick(name string) binop {
	switch name {
	case "add":
		return add
	case "sub":
		return sub
	case "mul":
		return mul
	}
	return nil
}

func twice(f func(int) int) func(int) int {
	return func(x int) int { return f(f(x)) }
}

func inc(x int) int { return x + 1 }

func main() {
	xs := []int{1, 2, 3, 4, 5}
	for _, name := range []string{"add", "sub", "mul", "div"} {
		f := pick(name)
		if f == nil {
			println(name, "unknown")
			continue
		}
		println(name, fold(xs, 1, f))
	}
	var g func(int) int
	println(g == nil)
	g = inc
	println(g != nil, g(41))
	println(twice(inc)(5), twice(twice(inc))(5))
	ops := [3]binop{add, sub, mul}
	for i, op := range ops {
		println(i, op(7, 3))
	}
}
