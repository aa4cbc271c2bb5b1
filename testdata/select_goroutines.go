// select and channels between goroutines, with output that does not depend on scheduling: a
// producer/consumer pair over unbuffered and buffered channels with a quit channel, a fan-in of
// three producers through one select loop, a timeout-free ping-pong of 1000 rounds, close waking
// every receiver blocked in select, values of a large struct crossing by direct hand-off, and a
// prime sieve pipeline.
package main

type Big struct {
	A [64]int
	S string
}

func producer(id int, n int, out chan<- int, done chan<- bool) {
	for i := 0; i < n; i++ {
		out <- id*1000 + i
	}
	done <- true
}

func fanIn() {
	out := make(chan int)
	done := make(chan bool)
	for id := 1; id <= 3; id++ {
		go producer(id, 100, out, done)
	}
	sum, count, finished := 0, 0, 0
	for finished < 3 {
		select {
		case v := <-out:
			sum += v
			count++
		case <-done:
			finished++
		}
	}
	println("fan-in:", count, sum)
}

func pingPong() {
	ping := make(chan int)
	pong := make(chan int)
	go func() {
		for v := range ping {
			pong <- v + 1
		}
		close(pong)
	}()
	v := 0
	for i := 0; i < 1000; i++ {
		ping <- v
		v = <-pong
	}
	close(ping)
	_, ok := <-pong
	println("ping-pong:", v, ok)
}

func closeWakesSelect() {
	c := make(chan int)
	d := make(chan int)
	results := make(chan string, 10)
	for i := 0; i < 10; i++ {
		go func() {
			select {
			case v, ok := <-c:
				if v == 0 && !ok {
					results <- "closed"
				} else {
					results <- "value"
				}
			case <-d:
				results <- "d"
			}
		}()
	}
	close(c)
	n := 0
	for i := 0; i < 10; i++ {
		if <-results == "closed" {
			n++
		}
	}
	println("close wakes:", n)
}

func bigValues() {
	c := make(chan Big)
	go func() {
		for i := 0; i < 10; i++ {
			var b Big
			for j := range b.A {
				b.A[j] = i * j
			}
			b.S = "big"
			c <- b
		}
		close(c)
	}()
	sum := 0
	for b := range c {
		for _, x := range b.A {
			sum += x
		}
		if b.S != "big" {
			panic("string lost")
		}
	}
	println("big:", sum)
}

func generate(ch chan<- int) {
	for i := 2; ; i++ {
		ch <- i
	}
}

func filter(in <-chan int, out chan<- int, prime int) {
	for {
		i := <-in
		if i%prime != 0 {
			out <- i
		}
	}
}

func sieve() {
	ch := make(chan int)
	go generate(ch)
	for i := 0; i < 25; i++ {
		prime := <-ch
		print(prime, " ")
		ch1 := make(chan int)
		go filter(ch, ch1, prime)
		ch = ch1
	}
	println()
}

func selectSendRecv() {
	// A worker answers requests until quit; main alternates between sending and receiving in one
	// select, so both directions of the same select statement are exercised.
	req := make(chan int)
	resp := make(chan int, 1)
	quit := make(chan bool)
	go func() {
		for {
			select {
			case v := <-req:
				resp <- v * v
			case <-quit:
				close(resp)
				return
			}
		}
	}()
	total := 0
	for i := 1; i <= 100; i++ {
		req <- i
		total += <-resp
	}
	quit <- true
	_, ok := <-resp
	println("squares:", total, ok)
}

func main() {
	fanIn()
	pingPong()
	closeWakesSelect()
	bigValues()
	sieve()
	selectSendRecv()
}
