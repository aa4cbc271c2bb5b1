// Composite literals stored as map keys (by m[k] = v or in a map literal) escape: each loop
// iteration gets a distinct object (difftest seeds 1 and 73).
package main

type I interface{ M() }
type N struct{ x int }

func (n *N) M() {}

func main() {
	m := make(map[I]int)
	for i := 0; i < 5; i++ {
		m[&N{x: i}] = i
	}
	println(len(m))
	m2 := make(map[interface{}]int)
	for i := 0; i < 5; i++ {
		m2[&N{x: i}] = i
	}
	println(len(m2))
	m3 := make(map[*N]int)
	for i := 0; i < 5; i++ {
		m3[&N{x: i}] = i
	}
	println(len(m3))
	m4 := make(map[int]*N)
	for i := 0; i < 5; i++ {
		m4[i] = &N{x: i}
	}
	println(m4[0].x, m4[4].x)
}

func init() {
	ps := []*N{}
	for i := 0; i < 3; i++ {
		m := map[*N]int{&N{x: i}: i}
		for k := range m {
			ps = append(ps, k)
		}
	}
	println(ps[0] != ps[1], ps[1] != ps[2], ps[0].x, ps[2].x)
}
