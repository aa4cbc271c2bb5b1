// Benchmark: closure-heavy code. Higher-order functions taking func values
// (map/filter/fold over slices), closures capturing and updating variables
// of their enclosing function, closure factories and composition. Measures
// indirect calls through func values, closure context loads and the cost of
// variables captured by reference (heap-allocated by escape analysis).
package main

func mapInts(a []int, f func(int) int) []int {
	for i, v := range a {
		a[i] = f(v)
	}
	return a
}

func filter(a []int, keep func(int) bool) []int {
	out := a[:0]
	for _, v := range a {
		if keep(v) {
			out = append(out, v)
		}
	}
	return out
}

func fold(a []int, acc int, f func(int, int) int) int {
	for _, v := range a {
		acc = f(acc, v)
	}
	return acc
}

func adder(k int) func(int) int {
	return func(x int) int { return x + k }
}

func compose(f, g func(int) int) func(int) int {
	return func(x int) int { return g(f(x)) }
}

func counter() (func() int, func() int) {
	n := 0
	return func() int { n++; return n }, func() int { return n }
}

func main() {
	const n = 100000
	buf := make([]int, n)
	total := 0
	inc, get := counter()
	for round := 0; round < 500; round++ {
		a := buf[:n]
		for i := range a {
			a[i] = i ^ round
		}
		step := adder(round)
		twice := compose(step, func(x int) int { return x*7%1009 + x })
		a = mapInts(a, twice)
		a = filter(a, func(v int) bool {
			inc()
			return v%3 != 0
		})
		sum := fold(a, 0, func(acc, v int) int { return acc + v })
		mx := fold(a, 0, func(acc, v int) int {
			if v > acc {
				return v
			}
			return acc
		})
		seen := 0
		visit := func(v int) {
			if v&1 == 1 {
				seen++
			}
		}
		for _, v := range a {
			visit(v)
		}
		total += sum + mx + seen + len(a)
	}
	println("closures checksum", total, get())
}
