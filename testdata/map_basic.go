// Maps: make, literals, m[k] reads (zero for missing and nil maps), v, ok := m[k] in
// assignments and if init, m[k] = v, op=, ++, delete, len, maps as values, maps of maps/slices/structs.
package main

type P struct{ X, Y int }

func get(m map[string]int, k string) int { return m[k] }

func main() {
	m := make(map[string]int)
	m["a"] = 1
	m["b"] += 5
	m["a"]++
	println(len(m), m["a"], m["b"], m["zz"])
	v, ok := m["a"]
	println(v, ok)
	if _, ok := m["q"]; !ok {
		println("missing q")
	}
	delete(m, "a")
	println(len(m), get(m, "b"))
	var n map[int]int
	println(n == nil, len(n), n[3])
	lit := map[int]P{1: {1, 2}, 2: {3, 4}}
	lit[3] = P{5, 6}
	p := lit[1]
	println(p.X, p.Y, lit[3].Y, len(lit))
	sum := 0
	for k, v := range lit {
		sum += k*100 + v.X
	}
	println(sum)
	mm := map[int32]map[string][]int{}
	mm[1] = map[string][]int{"x": {1, 2, 3}}
	mm[1]["x"] = append(mm[1]["x"], 4)
	println(len(mm[1]["x"]))
	cnt := 0
	for k := range lit {
		delete(lit, k)
		cnt++
	}
	println(cnt, len(lit))
	big := make(map[int]int, 100)
	for i := 0; i < 1000; i++ {
		big[i] = i * i
	}
	s := 0
	for _, v := range big {
		s += v
	}
	println(s, len(big))

}
