// Functions with several results: plain, named, bare return, and results
// passed straight into another call.
package main

func divmod(a, b int) (int, int) {
	return a / b, a % b
}

func minmax(xs []int) (min, max int) {
	min, max = xs[0], xs[0]
	for _, x := range xs[1:] {
		if x < min {
			min = x
		}
		if x > max {
			max = x
		}
	}
	return
}

func swap(a, b string) (string, string) { return b, a }

func add(a, b int) int { return a + b }

func named() (x int, s string, ok bool) {
	x = 7
	if x > 5 {
		s = "big"
		return
	}
	return 1, "small", true
}

func three() (int8, uint16, float64) { return -1, 65535, 0.25 }

func main() {
	q, r := divmod(17, 5)
	println(q, r)
	q, r = divmod(-17, 5)
	println(q, r)
	lo, hi := minmax([]int{4, -2, 9, 0, 9, -7})
	println(lo, hi)
	a, b := swap("left", "right")
	println(a, b)
	a, b = b, a
	println(a, b)
	println(add(divmod(23, 4)))
	x, s, ok := named()
	println(x, s, ok)
	_, _, f := three()
	i, u, _ := three()
	println(i, u, f)
}
