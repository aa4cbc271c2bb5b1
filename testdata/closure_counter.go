// Closures capture variables by reference: counters keep private state,
// and two closures over one variable see each other's updates.
package main

func counter() func() int {
	n := 0
	return func() int {
		n++
		return n
	}
}

func pair() (func(), func() int) {
	x := 10
	incr := func() { x += 5 }
	get := func() int { return x }
	return incr, get
}

func accumulate(start float64) func(float64) float64 {
	sum := start
	return func(d float64) float64 {
		sum += d
		return sum
	}
}

func main() {
	c1 := counter()
	c2 := counter()
	println(c1(), c1(), c1())
	println(c2(), c2())
	println(c1())

	incr, get := pair()
	println(get())
	incr()
	incr()
	println(get())

	acc := accumulate(0.5)
	acc(1)
	println(acc(2))

	total := 0
	add := func(k int) { total += k }
	for i := 1; i <= 10; i++ {
		add(i)
	}
	println("total", total)

	x := 1
	f := func() int { return x * 100 }
	x = 7
	println(f())
}
