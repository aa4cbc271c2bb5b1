// Maps as values and targets: m[k] as a range operand, elems over MAP_ZERO_SIZE (the _fat
// accesses), comma-ok into a defined bool, println of a nil map, maps passed, returned, boxed.
package main

type Big struct{ a [300]int }

func main() {
	src := map[string]int{"a": 1, "b": 2}
	dst := map[string]int{}
	var arr [3]string
	i := 0
	for arr[i] = range map[string]bool{"only": true} {
		i++
	}
	for k := range src {
		var kk string
		for kk, dst[k] = range map[string]int{k: src[k] * 10} {
		}
		_ = kk
	}
	println(dst["a"], dst["b"], arr[0])
	bm := map[int]Big{}
	var b Big
	b.a[299] = 7
	bm[1] = b
	println(bm[1].a[299], bm[2].a[299])
	v, ok := bm[3]
	println(v.a[0], ok)
	var nm map[int]bool
	println(nm)
	type MyBool bool
	var mb MyBool
	var x int
	x, mb = map[int]int{1: 5}[1]
	println(x, mb)
	var iface interface{} = src
	println(iface != nil, src != nil)
	f := func(m map[string]int) map[string]int { m["c"] = 3; return m }
	println(len(f(src)), len(src))
}
