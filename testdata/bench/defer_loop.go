// Benchmark: defer in a loop. A function that defers one closure (open-coded by gc and by gocc)
// called 30 M times from a loop, a function with a deferred method call and arguments, and
// a function whose defer statement sits in a loop (heap records in both compilers), 100 k times
// with 8 defers each; every 1000th call panics and recovers. Measures open-coded defers, heap
// records, deferframe, deferreturn, thunks, and the panic/recover path.
package main

type acc struct{ n int }

func (a *acc) add(k int) { a.n += k }

func once(a *acc, i int) {
	defer func() { a.n++ }()
	a.n += i & 3
}

func withArgs(a *acc, i int) {
	defer a.add(i & 7)
	a.n ^= i
}

func looped(a *acc, i int) (r int) {
	defer func() {
		if recover() != nil {
			r = -1
		}
	}()
	for k := 0; k < 8; k++ {
		defer a.add(k)
	}
	if i%1000 == 0 {
		panic("every 1000th")
	}
	return a.n & 1
}

func main() {
	a := &acc{}
	for i := 0; i < 30000000; i++ {
		once(a, i)
	}
	for i := 0; i < 20000000; i++ {
		withArgs(a, i)
	}
	neg := 0
	for i := 0; i < 100000; i++ {
		if looped(a, i) < 0 {
			neg++
		}
	}
	println("defer_loop checksum", a.n, neg)
}
