// Two goroutines exchange a counter over unbuffered channels; main waits for the end.
package main

func player(name string, in <-chan int, out chan<- int, done chan<- string) {
	for {
		n, ok := <-in
		if !ok {
			done <- name
			return
		}
		if n >= 10 {
			close(out)
			done <- name
			return
		}
		println(name, n)
		out <- n + 1
	}
}

func main() {
	ping, pong := make(chan int), make(chan int)
	done := make(chan string)
	go player("ping", ping, pong, done)
	go player("pong", pong, ping, done)
	ping <- 0
	a, b := <-done, <-done
	println(a != b)
}
