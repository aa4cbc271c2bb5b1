// Results returned across a stack-segment boundary: a function whose frame does not fit in its
// goroutine's current segment runs on the next one and returns through __morestack, which must keep
// every result register (LLVM returns up to four integer and four float values in registers:
// (float64, int, error) comes back in xmm0, rax, rdx and rcx). The recursion puts the call at every
// depth, so some calls cross the boundary, in a new goroutine and in main.
package main

type myErr struct{ n int }

func (e *myErr) Error() string { return "err" }

//go:noinline
func three(x int) (float64, int, error) {
	var buf [48]int // a frame past the prologue's small-frame allowance
	for i := range buf {
		buf[i] = x + i
	}
	if x%3 == 0 {
		return float64(buf[3]), buf[5], &myErr{buf[7]}
	}
	return float64(buf[3]), buf[5], nil
}

//go:noinline
func four(x int) (int, int, int, int) {
	var buf [48]int
	for i := range buf {
		buf[i] = x * i
	}
	return buf[1], buf[2], buf[3], buf[4]
}

//go:noinline
func down(n, x int) int {
	if n == 0 {
		f, i, err := three(x)
		sum := int(f) + i
		if err != nil {
			sum += err.(*myErr).n
		}
		a, b, c, d := four(x)
		return sum + a + b + c + d
	}
	return down(n-1, x) + 1
}

func run() int {
	total := 0
	for depth := 0; depth < 3000; depth++ {
		got := down(depth, depth)
		want := depth + (depth + 3) + (depth + 5) + 10*depth
		if depth%3 == 0 {
			want += depth + 7
		}
		if got != want {
			println("depth", depth, "got", got, "want", want)
		}
		total += got
	}
	return total
}

func main() {
	done := make(chan int)
	go func() { done <- run() }()
	println(<-done, run())
}
