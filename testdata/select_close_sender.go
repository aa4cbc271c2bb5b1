// close wakes the goroutines parked on the channel: a plain receive gets the zero value and
// ok == false; main, parked in a select on a send case, panics with go1.19's `send on closed
// channel` (exit status 2). Whether close runs before or after main parks, the output is the same.
package main

func main() {
	c := make(chan int)
	r := make(chan int)
	done := make(chan bool)
	go func() {
		v, ok := <-r
		println("receiver woken:", v, ok)
		done <- true
	}()
	close(r)
	<-done

	var never chan int
	go func() {
		close(c)
	}()
	select {
	case c <- 1:
	case <-never:
	}
	println("not reached")
}
