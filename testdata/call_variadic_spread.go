// f(g()) where g's results fill a variadic parameter, and f(s...) passing the slice itself.
package main

type T struct{ base int }

func (t T) add(xs ...int) int {
	s := t.base
	for _, x := range xs {
		s += x
	}
	return s
}

func pair() (int, int)        { return 1, 2 }
func triple() (int, int, int) { return 10, 20, 30 }
func none() []int             { return nil }

func sum(xs ...int) int {
	s := 0
	for _, x := range xs {
		s += x
	}
	return s
}

func first(a int, rest ...int) int { return a*100 + len(rest) }

func anys(xs ...interface{}) {
	for _, x := range xs {
		print(x.(int), " ")
	}
	println(len(xs))
}

func mutate(xs ...int) { xs[0] = 99 }

func main() {
	println(sum(pair()), sum(triple()), sum())
	println(first(pair()), first(triple()), first(7))
	anys(pair())
	anys(triple())
	println(T{5}.add(pair()), T{5}.add(triple()))
	f := sum
	println(f(triple()))
	s := []int{1, 2, 3}
	mutate(s...)
	println(s[0], sum(s...), sum(none()...), sum(s[1:]...))
	g := func(xs ...int) int { return len(xs) }
	println(g(pair()), g(s...), g())
	defer println("deferred", sum(pair()))
}
