// select among several ready channels chooses one of them each time (uniformly, in the runtime);
// what it prints does not depend on the choices: every value is received exactly once.
package main

func main() {
	a := make(chan int, 100)
	b := make(chan int, 100)
	c := make(chan int, 100)
	for i := 0; i < 100; i++ {
		a <- 1
		b <- 10
		c <- 100
	}
	sum, na, nb, nc := 0, 0, 0, 0
	for i := 0; i < 300; i++ {
		select {
		case v := <-a:
			sum += v
			na++
		case v := <-b:
			sum += v
			nb++
		case v := <-c:
			sum += v
			nc++
		}
	}
	println(sum, na, nb, nc)
	// a send case among ready receives: all of them eventually
	d := make(chan int, 300)
	sent := 0
	for sent < 300 {
		select {
		case d <- 1:
			sent++
		case v, ok := <-a:
			println("wrong", v, ok)
		}
	}
	println(len(d))
}
