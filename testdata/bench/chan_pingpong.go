// Benchmark: unbuffered channel ping-pong. Two goroutines pass a counter back and forth through two
// unbuffered channels, 2,000,000 round trips: each round trip is two blocking sends, two receives
// and two goroutine switches (the scheduler issue's "unbuffered ping-pong"; go1.19 here: ~266 ns per
// round trip).
package main

const rounds = 2000000

func main() {
	ping, pong := make(chan int), make(chan int)
	go func() {
		for v := range ping {
			pong <- v + 1
		}
		close(pong)
	}()
	sum := 0
	for i := 0; i < rounds; i++ {
		ping <- i
		sum += <-pong
	}
	close(ping)
	_, ok := <-pong
	println(sum, ok)
}
