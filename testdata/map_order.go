// Evaluation order with maps: calls before map reads in an expression, the value of m[k] = v
// before mapassign, op= as access then assign, comma-ok in if/switch init, var and assignment.
package main

var m = map[int]int{1: 10}

func f() int { m[1] = 20; return 1 }
func g() map[int]int { println("g"); return m }
func k() int { println("k"); return 1 }

func main() {
	x := m[1] + f()
	println(x)
	m[f()] = m[1] + 1
	println(m[1])
	g()[k()] += f()
	println(m[1])
	a, b := m[1], f()
	println(a, b)
	m[2], m[3] = m[3], 5
	println(m[2], m[3])
	m[5] /= f()
	println(len(m))
	if v, ok := m[1]; ok {
		println(v)
	}
	switch v, ok := m[9]; {
	case ok:
		println("9", v)
	default:
		println("no 9")
	}
	var v, ok = m[1]
	println(v, ok)
	v, ok = m[7]
	println(v, ok)
}
