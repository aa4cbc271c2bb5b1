// The go statement's operands are evaluated at the statement: arguments, the receiver of a
// method value (copied for a value receiver), an interface's dynamic value, a func value, the
// results of a multi-valued call, variadic arguments; a closure shares the variables it captures.
// Every goroutine reports on a channel, and main prints in a fixed order.
package main

type T struct{ n int }

func (t T) val(out chan<- string)   { out <- "val " + itoa(t.n) }
func (t *T) ptr(out chan<- string)  { out <- "ptr " + itoa(t.n) }
func sum(out chan<- string, xs ...int) {
	s := 0
	for _, x := range xs {
		s += x
	}
	out <- "sum " + itoa(s)
}
func pair() (chan<- string, int) { return results, 7 }
func one(out chan<- string, n int) { out <- "one " + itoa(n) }

type Valer interface{ val(out chan<- string) }

var results = make(chan string)

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	s := ""
	for ; n > 0; n /= 10 {
		s = string(rune('0'+n%10)) + s
	}
	return s
}

func main() {
	t := T{1}
	go t.val(results) // t copied now
	t.n = 2
	println(<-results)

	p := &T{3}
	go p.ptr(results) // the pointer now; the pointee when it runs
	println(<-results)

	var v Valer = T{4}
	go v.val(results)
	v = T{5}
	println(<-results)

	f := func(out chan<- string, s string) { out <- "f " + s }
	g := f
	go g(results, "first")
	g = nil
	println(<-results)

	x := 10
	go sum(results, x, x+1, x+2)
	x = 0
	println(<-results)
	go sum(results, []int{1, 2}...)
	println(<-results)

	go one(pair())
	println(<-results)

	shared := 0
	done := make(chan bool)
	go func() {
		shared = 42
		done <- true
	}()
	<-done
	println("shared", shared)

	// loop variables: one per loop (go1.19); each goroutine gets the value passed now
	total := 0
	sums := make(chan int)
	for i := 0; i < 5; i++ {
		go func(k int) { sums <- k }(i)
	}
	for i := 0; i < 5; i++ {
		total += <-sums
	}
	println("total", total)

	// select inside goroutines, receiving into captured variables
	got := make(chan int)
	quit := make(chan bool)
	var last int
	go func() {
		for {
			select {
			case last = <-got:
			case <-quit:
				done <- true
				return
			}
		}
	}()
	for i := 1; i <= 3; i++ {
		got <- i * 100
	}
	quit <- true
	<-done
	println("last", last)

	go close(done)
	_, ok := <-done
	println("closed", ok)
}
