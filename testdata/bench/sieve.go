// Benchmark: sieve of Eratosthenes over a []bool of 8 million entries,
// repeated 40 times. Measures tight loops with strided stores into a large slice
// (bounds checks on every store, cache misses on the big strides).
package main

func sieve(composite []bool) int {
	n := len(composite)
	for i := range composite {
		composite[i] = false
	}
	count := 0
	for i := 2; i < n; i++ {
		if composite[i] {
			continue
		}
		count++
		for j := i * i; j < n; j += i {
			composite[j] = true
		}
	}
	return count
}

func main() {
	const n = 8000000
	composite := make([]bool, n)
	total := 0
	for round := 0; round < 40; round++ {
		total += sieve(composite[:n-round*100])
	}
	last := 0
	for i := n - 100*39 - 1; i > 1; i-- {
		if !composite[i] {
			last = i
			break
		}
	}
	println("sieve checksum", total, last)
}
