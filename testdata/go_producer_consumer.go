// Several producers and consumers over one buffered channel; the totals are independent of the
// interleaving. Goroutines started with closures, method values, interface methods and builtins.
package main

type Counter struct{ total int }

func (c *Counter) Add(ch <-chan int, done chan<- bool) {
	for v := range ch {
		c.total += v
	}
	done <- true
}

type Adder interface {
	Add(ch <-chan int, done chan<- bool)
}

func produce(id int, n int, ch chan<- int, done chan<- bool) {
	for i := 1; i <= n; i++ {
		ch <- id * i
	}
	done <- true
}

func main() {
	ch := make(chan int, 8)
	pdone := make(chan bool)
	for id := 1; id <= 4; id++ {
		go produce(id, 100, ch, pdone)
	}
	c1, c2 := &Counter{}, &Counter{}
	cdone := make(chan bool)
	go c1.Add(ch, cdone)
	var a Adder = c2
	go a.Add(ch, cdone)
	for i := 0; i < 4; i++ {
		<-pdone
	}
	go close(ch)
	<-cdone
	<-cdone
	println(c1.total + c2.total)

	results := make(chan int, 10)
	for i := 0; i < 10; i++ {
		go func(k int) { results <- k * k }(i)
	}
	sq := 0
	for i := 0; i < 10; i++ {
		sq += <-results
	}
	println(sq)

	f := func(x, y int, out chan int) { out <- x + y }
	out := make(chan int)
	go f(20, 22, out)
	println(<-out)
}
