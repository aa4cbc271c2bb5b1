// reflect's channel operations that block, with goroutines on the other side: Recv and Send on
// unbuffered channels made by the program and by MakeChan, reflect.Select parked until a goroutine
// sends or closes, and values crossing between reflect and the language's own `<-` and `c <- v`.
// The output does not depend on scheduling.
package main

import "reflect"

type Pair struct {
	A, B int
	S    string
}

func main() {
	// language send, reflect receive
	c := make(chan Pair)
	go func() {
		for i := 0; i < 5; i++ {
			c <- Pair{i, i * i, "p"}
		}
		close(c)
	}()
	v := reflect.ValueOf(c)
	sum := 0
	for {
		x, ok := v.Recv()
		if !ok {
			println("closed, zero:", x.Interface().(Pair).A, x.Interface().(Pair).S == "")
			break
		}
		p := x.Interface().(Pair)
		sum += p.A + p.B
	}
	println("sum:", sum)

	// reflect send (blocks until the language receives)
	m := reflect.MakeChan(reflect.TypeOf(c), 0)
	done := make(chan int)
	mc := m.Interface().(chan Pair)
	go func() {
		total := 0
		for p := range mc {
			total += p.A
		}
		done <- total
	}()
	for i := 1; i <= 100; i++ {
		m.Send(reflect.ValueOf(Pair{A: i}))
	}
	m.Close()
	println("total:", <-done)

	// reflect.Select parks until one of several goroutines sends
	chans := make([]chan int, 4)
	cases := make([]reflect.SelectCase, 4)
	for i := range chans {
		chans[i] = make(chan int)
		cases[i] = reflect.SelectCase{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(chans[i])}
	}
	for i := range chans {
		go func(i int) {
			for j := 0; j < 50; j++ {
				chans[i] <- i*1000 + j
			}
			close(chans[i])
		}(i)
	}
	got, open := 0, len(cases)
	var seen [4]int
	for open > 0 {
		chosen, x, ok := reflect.Select(cases)
		if !ok {
			cases[chosen].Chan = reflect.Value{} // a zero Value: the case is ignored from now on
			open--
			continue
		}
		if int(x.Int())/1000 != chosen {
			println("wrong case", chosen, x.Int())
		}
		seen[chosen]++
		got += int(x.Int())
	}
	println("select:", got, seen[0], seen[1], seen[2], seen[3])

	// a blocking reflect.Select send case against a language receive
	out := make(chan string)
	go func() {
		reflect.Select([]reflect.SelectCase{
			{Dir: reflect.SelectSend, Chan: reflect.ValueOf(out), Send: reflect.ValueOf("via select")},
			{Dir: reflect.SelectRecv, Chan: reflect.ValueOf((chan int)(nil))},
		})
	}()
	println(<-out)
}
