// sieve.go: the program tools/check-debuginfo drives gdb through (debug/gdb). It greets, then
// prints the primes below 60 found with a sieve, using only the print builtins.
package main

// sieve returns the primes below n (Eratosthenes).
func sieve(n int) []int {
	composite := make([]bool, n)
	var primes []int
	for i := 2; i < n; i++ {
		if composite[i] {
			continue
		}
		primes = append(primes, i)
		for j := i * i; j < n; j += i {
			composite[j] = true
		}
	}
	return primes
}

func main() {
	println("hello from gocc")
	primes := sieve(60)
	print("primes below 60:")
	for _, p := range primes {
		print(" ", p)
	}
	println()
	println("count:", len(primes), "largest:", primes[len(primes)-1])
}
