package main

// defer x.M(args) for an interface x: x and the arguments are evaluated at the defer statement
// (later changes to x are not seen), in loops (heap records) and once (stack records), through
// value and pointer receivers; a deferred interface method that calls recover() recovers, as a
// directly deferred function does.

type Logger interface {
	Log(msg string, n int)
	Recover()
}

type Val string
type Ptr struct{ prefix string }
type Big struct{ a, b, c, d int }

func (v Val) Log(msg string, n int)  { println(string(v), msg, n) }
func (v Val) Recover()               { println("val recover:", recover() != nil) }
func (p *Ptr) Log(msg string, n int) { println(p.prefix, msg, n) }
func (p *Ptr) Recover() {
	if r := recover(); r != nil {
		println(p.prefix, "recovered", r.(string))
	}
}
func (b Big) Log(msg string, n int) { println("big", b.a+b.b+b.c+b.d, msg, n) }
func (b Big) Recover()              {}

func once() {
	var l Logger = Val("v")
	n := 1
	defer l.Log("once", n)
	l = &Ptr{"p"}
	n = 2
	defer l.Log("second", n)
	println("body")
}

func loop() {
	ls := []Logger{Val("a"), &Ptr{"b"}, Big{1, 2, 3, 4}}
	for i, l := range ls {
		defer l.Log("loop", i)
	}
	println("loop body")
}

func recovers() {
	var l Logger = &Ptr{"r"}
	defer l.Recover()
	panic("boom")
}

func recoversValue() {
	var l Logger = Val("x")
	defer l.Recover()
	panic("boom2")
}

// through the method value wrapper of a concrete value method, and a promoted interface method
type Holder struct{ Logger }

func recoversConcrete() {
	v := Val("c")
	defer v.Recover()
	h := Holder{&Ptr{"h"}}
	defer h.Recover()
	panic("boom3")
}

func main() {
	once()
	loop()
	recovers()
	recoversValue()
	recoversConcrete()
	println("done")
}
