// Benchmark: recursive Fibonacci. Measures call overhead: a tiny non-leaf
// function called ~1.6*10^8 times (prologue/epilogue, stack checks, argument
// passing), with no memory traffic at all.
package main

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func main() {
	sum := 0
	for i := 33; i <= 38; i++ {
		sum += fib(i)
	}
	println("fib checksum", sum)
}
