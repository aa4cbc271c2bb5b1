package main

// Method expressions of promoted methods: T.M and (*T).M for methods reached through embedded
// fields (values, pointers, interfaces), as values and called directly; the struct argument is
// copied for value receivers.

type Inner struct{ n int }

func (i Inner) Get() int   { return i.n }
func (i *Inner) Inc(d int) { i.n += d }

type Getter interface{ Get() int }

type Mid struct {
	Inner
	name string
}

type Outer struct {
	*Mid
	Getter
	x int
}

type K int

func (k K) Get() int { return int(k) * 2 }

func main() {
	m := Mid{Inner{1}, "m"}
	get := Mid.Get
	println(get(m), Mid.Get(m))
	inc := (*Mid).Inc
	inc(&m, 5)
	(*Mid).Inc(&m, 1)
	println(m.n, (*Mid).Get(&m))

	o := Outer{&m, K(21), 0}
	oinc := Outer.Inc // through the embedded pointer: allowed on the value
	oinc(o, 100)
	println(m.n, Outer.Inc != nil)

	type Wrap struct{ Getter }
	wget := Wrap.Get
	println(wget(Wrap{K(4)}), (*Wrap).Get(&Wrap{Inner{9}}), Wrap.Get(Wrap{m}))
}
