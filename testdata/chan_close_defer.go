// close through defer and through a function value; receives after close get zero values and
// false; a select on a closed channel takes its receive case.
package main

func produce(c chan int, n int) {
	defer close(c)
	for i := 0; i < n; i++ {
		c <- i * i
	}
}

func main() {
	c := make(chan int, 10)
	produce(c, 4)
	for v := range c {
		println(v)
	}
	v, ok := <-c
	println(v, ok)
	d := make(chan string, 1)
	closer := func() { close(d) }
	closer()
	s, ok := <-d
	println(len(s), ok)
	select {
	case s, ok := <-d:
		println("closed case", s == "", ok)
	default:
		println("default")
	}
}
