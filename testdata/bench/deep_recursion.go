// Benchmark: deep recursion in a goroutine that is not main. Each of 4 goroutines, one after the
// other, recurses 1,000,000 frames deep and back, 5 times, so the goroutine's stack must grow
// far past its initial size (and give the pages back or reuse them); go1.19 copies its stack as it
// doubles, gocc's segmented stacks add segments.
package main

// depth's result is not an accumulation the optimiser could turn into a loop (gc does not try;
// LLVM rewrites `return f(n-1) + k` into one), so every level is a real frame.
func depth(n int, acc int) int {
	if n == 0 {
		return acc
	}
	return (depth(n-1, acc)*3 ^ n) & 0xffff
}

func main() {
	done := make(chan int)
	total := 0
	for g := 0; g < 4; g++ {
		go func(g int) {
			s := 0
			for r := 0; r < 5; r++ {
				s += depth(1000000, g)
			}
			done <- s
		}(g)
		total += <-done
	}
	println(total)
}
