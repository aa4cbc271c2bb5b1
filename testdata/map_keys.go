// Map keys of every kind: int kinds (fast32/fast64 and generic widths), strings, floats (NaN
// never found again, +0 and -0 the same key), bools, pointers, structs, arrays, interface{}.
package main

type K struct {
	a int
	s string
}

func main() {
	m8 := map[int8]int{-1: 1, 127: 2}
	m16 := map[uint16]string{65535: "max"}
	m32 := map[int32]int{1 << 30: 3}
	m64 := map[uint64]int{1 << 63: 4}
	println(m8[-1], m8[127], m16[65535], m32[1<<30], m64[1<<63], len(m8))
	fm := map[float64]int{}
	nan := 0.0
	nan = nan / nan
	fm[nan] = 1
	fm[nan] = 2
	fm[0.0] = 3
	negz := 0.0
	negz = -negz
	fm[negz] = 4
	_, ok := fm[nan]
	println(len(fm), fm[0], ok)
	f32 := map[float32]bool{1.5: true}
	println(f32[1.5], f32[2.5])
	bm := map[bool]int{true: 1, false: 0}
	bm[true] += 10
	println(bm[true], bm[false])
	x, y := 1, 2
	pm := map[*int]string{&x: "x", &y: "y"}
	println(pm[&x], pm[&y], len(pm))
	sm := map[K]int{{1, "a"}: 1, {2, "b"}: 2}
	sm[K{1, "a"}] += 100
	println(sm[K{1, "a"}], sm[K{2, "b"}], sm[K{3, "c"}])
	am := map[[3]int]string{{1, 2, 3}: "abc"}
	println(am[[3]int{1, 2, 3}], len(am[[3]int{3, 2, 1}]))
	type small struct{ a, b int16 }
	ss := map[small]int{{1, 2}: 12}
	println(ss[small{1, 2}], ss[small{2, 1}])
	im := map[interface{}]int{1: 1, "a": 2, 2.5: 3}
	im[K{1, "x"}] = 4
	println(im[1], im["a"], im[2.5], im[K{1, "x"}], im[int64(1)])
	cm := map[complex128]int{complex(1, 2): 5}
	println(cm[complex(1, 2)])
}
