// Every form of select case in one goroutine, where the outcome is determined: send and receive
// cases with :=, = and comma-ok (into variables, map elements and struct fields), default, one
// case with and without default, nil channels never chosen, break inside a select, a labeled
// break and continue of the enclosing loop, and the evaluation of all channel and value
// expressions in source order before the select chooses.
package main

type S struct{ v int; ok bool }

var trace []string

func ch(name string, c chan int) chan int {
	trace = append(trace, name)
	return c
}

func val(name string, v int) int {
	trace = append(trace, name)
	return v
}

func main() {
	a := make(chan int, 1)
	b := make(chan int, 1)
	var nilc chan int

	// one case and a default: nothing to receive, then something
	select {
	case v := <-a:
		println("got", v)
	default:
		println("a empty")
	}
	a <- 1
	select {
	case v, ok := <-a:
		println("got", v, ok)
	default:
		println("a empty")
	}

	// one case, no default: the plain operation
	select {
	case b <- 2:
		println("sent to b")
	}
	select {
	case v := <-b:
		println("one case got", v)
	}

	// several cases, only one ready; nil channels are never ready
	b <- 3
	select {
	case v := <-a:
		println("wrong a", v)
	case nilc <- 1:
		println("wrong nil send")
	case <-nilc:
		println("wrong nil recv")
	case v := <-b:
		println("b ready", v)
	}

	// assignment forms into a map element and struct fields
	m := map[string]int{}
	var s S
	a <- 4
	b <- 5
	select {
	case m["k"] = <-a:
	case <-nilc:
	}
	select {
	case s.v, s.ok = <-b:
	case <-nilc:
	}
	println(m["k"], s.v, s.ok)
	close(a)
	var ok bool
	select {
	case s.v, ok = <-a:
		println("closed", s.v, ok)
	case nilc <- 1:
	}

	// default among several cases, nothing ready
	c := make(chan int)
	select {
	case <-c:
		println("wrong")
	case c <- 1:
		println("wrong")
	default:
		println("default taken")
	}

	// break leaves the select; a labeled break and continue the loop
	n := 0
loop:
	for i := 0; i < 5; i++ {
		select {
		case b <- i:
			if i == 1 {
				<-b
				break
			}
			<-b
			if i == 3 {
				continue loop
			}
			if i == 4 {
				break loop
			}
			n += 10
		default:
			n += 100
		}
		n++
	}
	println("n", n)

	// all channel and send-value expressions, in source order, before choosing
	d := make(chan int)
	e := make(chan int, 1)
	e <- 9
	select {
	case ch("c1", nilc) <- val("v1", 1):
	case x := <-ch("c2", e):
		println("x", x)
	case ch("c3", d) <- val("v3", 3):
		println("wrong d")
	default:
	}
	for _, t := range trace {
		print(t, " ")
	}
	println()
	select {
	case v := <-d:
		println("d had", v)
	default:
		println("d empty")
	}
}
