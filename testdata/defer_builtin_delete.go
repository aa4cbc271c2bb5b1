// defer delete(m, k): the map and the key are evaluated at the defer statement, the delete runs at
// return (fixedbugs/issue19710.go); a nil map is a no-op, interface keys are converted on replay.
package main

type K struct {
	a int
	s string
}

func f() map[int]bool {
	m := map[int]bool{}
	for i := 0; i < 3; i++ {
		m[i] = true
		defer delete(m, i)
	}
	return m
}

func g() (n int) {
	m := map[interface{}]string{1: "a", "x": "b", K{1, "z"}: "c", 2.5: "d"}
	k := K{1, "z"}
	defer func() { n = len(m) }()
	defer delete(m, k)
	defer delete(m, "x")
	defer delete(m, 2.5)
	k.a = 9 // the key was evaluated at the defer statement
	return len(m)
}

func h() {
	var m map[string]int
	defer delete(m, "nil map") // deleting from a nil map is a no-op
	defer println("deferred after delete")
	println("h", len(m))
}

func keyOf(s string) string { println("key", s); return s }

func main() {
	println(len(f()))
	println(g())
	h()
	m := map[string]int{"a": 1, "b": 2}
	func() {
		defer delete(m, keyOf("a"))
		println("in func", len(m))
	}()
	println(len(m), m["b"])
}
