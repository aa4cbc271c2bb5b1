// Methods with value and pointer receivers: value receivers get copies,
// pointer receivers mutate; Go takes the address or dereferences as needed.
package main

type Counter struct {
	n    int
	name string
}

func (c Counter) Value() int { return c.n }
func (c Counter) IncCopy()   { c.n++ }
func (c *Counter) Inc()      { c.n++ }
func (c *Counter) Add(k int) *Counter {
	c.n += k
	return c
}

type Celsius float64

func (c Celsius) Fahrenheit() float64 { return float64(c)*9/5 + 32 }
func (c *Celsius) Warm(d Celsius)     { *c += d }

type IntList []int

func (l IntList) Sum() int {
	s := 0
	for _, v := range l {
		s += v
	}
	return s
}

func (l *IntList) Push(v int) { *l = append(*l, v) }

func main() {
	c := Counter{name: "c"}
	c.Inc()
	c.Inc()
	c.IncCopy()
	println(c.Value())
	c.Add(10).Add(100).Inc()
	println(c.n)

	p := &Counter{n: 5}
	p.IncCopy()
	p.Inc()
	println(p.Value(), (*p).Value())

	var t Celsius = 100
	println(t.Fahrenheit())
	t.Warm(-40)
	println(t, t.Fahrenheit())

	var l IntList
	l.Push(1)
	l.Push(2)
	l.Push(3)
	println(len(l), l.Sum())

	counters := []Counter{{n: 1}, {n: 2}}
	counters[0].Inc()
	for _, cc := range counters {
		cc.Inc() // increments a copy
	}
	println(counters[0].n, counters[1].n)
	for i := range counters {
		counters[i].Inc()
	}
	println(counters[0].n, counters[1].n)
}
