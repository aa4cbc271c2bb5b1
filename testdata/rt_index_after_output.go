// Output printed before a run-time error is kept, in order.
package main

func main() {
	primes := []int{2, 3, 5, 7, 11}
	for i := 0; i <= len(primes); i++ {
		println(i, primes[i])
	}
}
