// make(map) hints: negative and huge variable hints give an empty map (no panic, as go1.19),
// narrow hint types, small and large constant hints (makemap_small and makemap).
package main

func main() {
	n := -5
	m := make(map[int]int, n)
	m[1] = 1
	var u uint64 = 1 << 63
	m2 := make(map[string]bool, u)
	m2["x"] = true
	var i8 int8 = 100
	m3 := make(map[int8]int8, i8)
	m3[i8] = i8
	m4 := make(map[int]int, 20)
	m4[1] = 2
	println(len(m), len(m2), len(m3), m3[100], len(m4))
}
