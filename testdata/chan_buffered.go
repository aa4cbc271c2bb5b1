// Buffered channels in one goroutine: send and receive in FIFO order, len and cap, close, range,
// the comma-ok receive before and after close, receives in expression contexts, channels of
// structs, strings, interfaces, arrays and struct{}, make with sizes of several integer types,
// nil channels' len and cap, channel equality, channels in interfaces, maps and structs.
package main

type P struct {
	x, y int
	s    string
}

type H struct {
	c chan int
	n int
}

func sum(c <-chan int) (s int) {
	for v := range c {
		s += v
	}
	return s
}

func fill(c chan<- int, n int) {
	for i := 1; i <= n; i++ {
		c <- i
	}
	close(c)
}

func id(x int) int { return x }

func main() {
	c := make(chan int, 5)
	c <- 1
	c <- 2
	c <- 3
	println(len(c), cap(c))
	x := <-c
	println(x, <-c+10, id(<-c), len(c))

	fill(c, 4)
	println("sum", sum(c), len(c))
	v, ok := <-c
	println("closed", v, ok)
	var w int
	w, ok = <-c
	println("again", w, ok)

	ps := make(chan P, 2)
	ps <- P{1, 2, "a"}
	ps <- P{y: 5, s: "bb"}
	p := <-ps
	println(p.x, p.y, p.s)
	println((<-ps).s)

	ss := make(chan string, uint8(3))
	ss <- "x"
	ss <- "y" + "z"
	println(<-ss + <-ss)

	is := make(chan interface{}, int64(2))
	is <- 7
	is <- "seven"
	println((<-is).(int), (<-is).(string))

	as := make(chan [3]int, 1)
	as <- [3]int{4, 5, 6}
	a := <-as
	println(a[0], a[2])

	es := make(chan struct{}, 3)
	es <- struct{}{}
	es <- struct{}{}
	<-es
	println("empty", len(es), cap(es))

	bs := make(chan bool, 1)
	bs <- true
	if <-bs {
		println("bool received")
	}

	var nc chan int
	println("nil", len(nc), cap(nc), nc == nil)

	c2 := c
	println(c2 == c, c2 != nil, make(chan int) == make(chan int))

	var i interface{} = c
	j, isChan := i.(chan int)
	println(isChan, j == c, i == interface{}(c))

	m := map[chan int]string{c: "c", nc: "nil"}
	println(m[c], m[nil], len(m))

	h1, h2 := H{c, 1}, H{c, 1}
	println(h1 == h2, h1 == H{nil, 1})

	cc := make(chan chan int, 1)
	cc <- c
	println(<-cc == c)

	var n8 int8 = 2
	c8 := make(chan int, n8)
	println(cap(c8))
	var u uint = 3
	cu := make(chan int, u)
	println(cap(cu))
	c0 := make(chan int)
	println(len(c0), cap(c0))
}
