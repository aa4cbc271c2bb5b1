// Benchmark: the concurrent prime sieve (the Go tour's): a generator goroutine feeds 2, 3, 4, ...
// through a chain of filter goroutines, one per prime found, each connected by an unbuffered
// channel. Finding the first 2,500 primes passes about 7 million values between goroutines.
package main

func generate(ch chan<- int) {
	for i := 2; ; i++ {
		ch <- i
	}
}

func filter(in <-chan int, out chan<- int, prime int) {
	for {
		if i := <-in; i%prime != 0 {
			out <- i
		}
	}
}

func main() {
	ch := make(chan int)
	go generate(ch)
	sum := 0
	for i := 0; i < 2500; i++ {
		prime := <-ch
		sum += prime
		next := make(chan int)
		go filter(ch, next, prime)
		ch = next
	}
	println(sum)
}
