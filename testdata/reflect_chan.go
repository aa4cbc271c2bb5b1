// reflect's channel operations on gocc's channel runtime (runtime/reflect_chan.c over chan.c and
// select.c), with one goroutine: MakeChan, Len/Cap, Send/Recv, TrySend/TryRecv on full, empty and
// closed channels, Close and its panics, elements of every shape (int, string, a large struct, a
// pointer, an empty struct), nil channels, Select with and without default (both ready cases are
// chosen over 1000 rounds; the default only when nothing is ready), and ChanOf's type strings.
package main

import "reflect"

type Big struct {
	A [40]int
	S string
}

var (
	ci   chan int
	cs   chan string
	cb   chan Big
	cp   chan *int
	ce   chan struct{}
	rc   <-chan int
	sc   chan<- int
	crc  chan (<-chan int)
	csci chan chan<- int
)

func main() {
	basics()
	shapes()
	closed()
	nils()
	selects()
	types()
	panics()
}

func basics() {
	c := reflect.MakeChan(reflect.TypeOf(ci), 3)
	println(c.Len(), c.Cap(), c.Kind() == reflect.Chan)
	c.Send(reflect.ValueOf(1))
	c.Send(reflect.ValueOf(2))
	println(c.Len(), c.TrySend(reflect.ValueOf(3)), c.TrySend(reflect.ValueOf(4)), c.Len())
	for i := 0; i < 3; i++ {
		v, ok := c.Recv()
		println(v.Int(), ok)
	}
	v, ok := c.TryRecv()
	println(v.IsValid(), ok)
	// wrap around the ring several times
	sum := int64(0)
	for i := 0; i < 10; i++ {
		c.Send(reflect.ValueOf(i))
		c.Send(reflect.ValueOf(i * 10))
		a, _ := c.Recv()
		b, _ := c.Recv()
		sum += a.Int() + b.Int()
	}
	println(sum)
	u := reflect.MakeChan(reflect.TypeOf(ci), 0)
	println(u.Cap(), u.TrySend(reflect.ValueOf(1)))
	v, ok = u.TryRecv()
	println(v.IsValid(), ok)
}

func shapes() {
	s := reflect.MakeChan(reflect.TypeOf(cs), 1)
	s.Send(reflect.ValueOf("hello"))
	v, ok := s.Recv()
	println(v.String(), ok)

	b := reflect.MakeChan(reflect.TypeOf(cb), 2)
	var big Big
	for i := range big.A {
		big.A[i] = i * i
	}
	big.S = "big"
	b.Send(reflect.ValueOf(big))
	v, _ = b.Recv()
	got := v.Interface().(Big)
	println(got.A[39], got.S, got == big)

	p := reflect.MakeChan(reflect.TypeOf(cp), 1)
	x := 42
	p.Send(reflect.ValueOf(&x))
	v, _ = p.Recv()
	println(*v.Interface().(*int), v.Interface().(*int) == &x)

	e := reflect.MakeChan(reflect.TypeOf(ce), 2)
	println(e.TrySend(reflect.ValueOf(struct{}{})), e.TrySend(reflect.ValueOf(struct{}{})),
		e.TrySend(reflect.ValueOf(struct{}{})), e.Len())
	v, ok = e.Recv()
	println(v.Type().String(), ok, e.Len())

	ie := reflect.MakeChan(reflect.ChanOf(reflect.BothDir, reflect.TypeOf((*any)(nil)).Elem()), 1)
	ie.Send(reflect.ValueOf(7))
	v, _ = ie.Recv()
	println(v.Kind().String(), v.Elem().Int())
}

func closed() {
	c := reflect.MakeChan(reflect.TypeOf(cs), 2)
	c.Send(reflect.ValueOf("a"))
	c.Close()
	v, ok := c.Recv()
	println(v.String(), ok, c.Len())
	v, ok = c.Recv()
	println(v.String() == "", ok)
	v, ok = c.TryRecv()
	println(v.IsValid(), v.String() == "", ok)
}

func nils() {
	n := reflect.ValueOf(ci)
	println(n.IsNil(), n.Len(), n.Cap(), n.TrySend(reflect.ValueOf(1)))
	v, ok := n.TryRecv()
	println(v.IsValid(), ok)
	chosen, _, _ := reflect.Select([]reflect.SelectCase{
		{Dir: reflect.SelectRecv, Chan: n},
		{Dir: reflect.SelectSend, Chan: n, Send: reflect.ValueOf(1)},
		{Dir: reflect.SelectDefault},
	})
	println(chosen)
}

func selects() {
	a := reflect.MakeChan(reflect.TypeOf(ci), 1)
	b := reflect.MakeChan(reflect.TypeOf(ci), 1)
	cases := []reflect.SelectCase{
		{Dir: reflect.SelectDefault},
		{Dir: reflect.SelectRecv, Chan: a},
		{Dir: reflect.SelectRecv, Chan: b},
	}
	chosen, v, ok := reflect.Select(cases)
	println(chosen, v.IsValid(), ok)

	var counts [3]int
	for i := 0; i < 1000; i++ {
		a.Send(reflect.ValueOf(1))
		b.Send(reflect.ValueOf(2))
		chosen, v, ok := reflect.Select(cases)
		if !ok || v.Int() != int64(chosen) {
			println("bad receive", chosen, v.Int(), ok)
		}
		counts[chosen]++
		a.TryRecv()
		b.TryRecv()
	}
	println(counts[0], counts[1] > 300, counts[2] > 300, counts[1]+counts[2])

	// sends: one has room, one is full
	a.Send(reflect.ValueOf(5))
	chosen, v, ok = reflect.Select([]reflect.SelectCase{
		{Dir: reflect.SelectSend, Chan: a, Send: reflect.ValueOf(6)},
		{Dir: reflect.SelectSend, Chan: b, Send: reflect.ValueOf(7)},
	})
	println(chosen, v.IsValid(), ok, b.Len())
	x, _ := b.Recv()
	println(x.Int())

	// a closed channel is always ready for receive
	a.Close()
	a.Recv()
	chosen, v, ok = reflect.Select([]reflect.SelectCase{
		{Dir: reflect.SelectRecv, Chan: a},
		{Dir: reflect.SelectRecv, Chan: b},
	})
	println(chosen, v.Int(), ok)
}

func types() {
	it := reflect.TypeOf(0)
	for _, d := range []reflect.ChanDir{reflect.BothDir, reflect.RecvDir, reflect.SendDir} {
		t := reflect.ChanOf(d, it)
		println(t.String(), t.ChanDir().String(), t.Elem() == it, t.Kind().String())
	}
	println(reflect.ChanOf(reflect.BothDir, it) == reflect.TypeOf(ci))
	println(reflect.ChanOf(reflect.RecvDir, it) == reflect.TypeOf(rc))
	println(reflect.ChanOf(reflect.SendDir, it) == reflect.TypeOf(sc))
	r := reflect.ChanOf(reflect.RecvDir, it)
	println(reflect.ChanOf(reflect.BothDir, r).String(), reflect.ChanOf(reflect.BothDir, r) == reflect.TypeOf(crc))
	s := reflect.ChanOf(reflect.SendDir, it)
	println(reflect.ChanOf(reflect.BothDir, s).String(), reflect.ChanOf(reflect.BothDir, s) == reflect.TypeOf(csci))
	f := reflect.TypeOf(1.5)
	cf := reflect.ChanOf(reflect.BothDir, f)
	println(cf.String(), cf == reflect.ChanOf(reflect.BothDir, f))
	m := reflect.MakeChan(cf, 1)
	m.Send(reflect.ValueOf(2.5))
	v, _ := m.Recv()
	println(v.Float())
}

func try(name string, f func()) {
	defer func() {
		r := recover()
		if e, ok := r.(error); ok {
			println(name+":", e.Error())
		} else if s, ok := r.(string); ok {
			println(name+":", s)
		} else {
			println(name+": no panic")
		}
	}()
	f()
}

func panics() {
	c := reflect.MakeChan(reflect.TypeOf(ci), 1)
	c.Close()
	try("send", func() { c.Send(reflect.ValueOf(1)) })
	try("trysend", func() { c.TrySend(reflect.ValueOf(1)) })
	try("close", func() { c.Close() })
	try("close nil", func() { reflect.ValueOf(ci).Close() })
	try("select send", func() {
		reflect.Select([]reflect.SelectCase{{Dir: reflect.SelectSend, Chan: c, Send: reflect.ValueOf(1)}})
	})
	try("makechan negative", func() { reflect.MakeChan(reflect.TypeOf(ci), -1) })
	try("makechan dir", func() { reflect.MakeChan(reflect.TypeOf(rc), 1) })
	try("makechan kind", func() { reflect.MakeChan(reflect.TypeOf(0), 1) })
	try("recv on send-only", func() { reflect.ValueOf(sc).Recv() })
	try("send on recv-only", func() { reflect.ValueOf(rc).Send(reflect.ValueOf(1)) })
	try("send wrong type", func() { reflect.MakeChan(reflect.TypeOf(ci), 1).Send(reflect.ValueOf("x")) })
	try("two defaults", func() {
		reflect.Select([]reflect.SelectCase{{Dir: reflect.SelectDefault}, {Dir: reflect.SelectDefault}})
	})
	try("len of int", func() { reflect.ValueOf(1).Send(reflect.ValueOf(1)) })
	try("chanof big", func() { reflect.ChanOf(reflect.BothDir, reflect.TypeOf([70000]byte{})) })
}
