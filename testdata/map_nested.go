// Maps inside other values: array and struct elems indexed through m[k], a map field of a struct,
// func and interface{} elems, a map through a pointer, sliced string keys, array keys in range.
package main

type T struct {
	m map[string]int
	a [3]int
}

func main() {
	ma := map[int][3]int{1: {4, 5, 6}}
	println(ma[1][2], ma[2][0])
	ms := map[int]T{1: {a: [3]int{7, 8, 9}}}
	println(ms[1].a[1], ms[1].m == nil)
	t := T{m: map[string]int{}}
	t.m["x"] = 3
	t.m["x"] *= 3
	println(t.m["x"])
	fm := map[string]func(int) int{"dbl": func(x int) int { return 2 * x }}
	println(fm["dbl"](21))
	var e interface{} = "v"
	em := map[string]interface{}{"a": 1, "b": e}
	println(em["zz"] == nil, em["a"] != nil)
	pm := &map[int]string{}
	(*pm)[1] = "one"
	println((*pm)[1])
	s := "abc"
	sa := map[string]int{s[1:]: 1}
	println(sa["bc"])
	x := ma[1]
	x[0] = 100
	println(ma[1][0])
	for k, v := range map[[2]string]T{{"a", "b"}: {a: [3]int{1, 1, 1}}} {
		println(k[0], k[1], v.a[2])
	}
}
