// Slices share their backing array: writes through one slice are visible
// through others until an append reallocates.
package main

func fill(s []int, v int) {
	for i := range s {
		s[i] = v
	}
}

func grow(s []int) []int {
	return append(s, 42)
}

func main() {
	a := make([]int, 5, 10)
	b := a[1:3]
	b[0] = 7
	println(a[1])
	fill(a[3:], 9)
	println(a[3], a[4])

	c := grow(a[:2]) // fits in cap: overwrites a[2]
	println(a[2], c[2], len(c))

	d := append(a, 1) // len 5 -> 6, cap 10, shares
	e := append(a, 2) // overwrites the same element
	println(d[5], e[5])

	full := []int{1, 2, 3}
	f := append(full, 4) // reallocates
	f[0] = 100
	println(full[0], f[0])

	m := [][]int{{1, 2}, {3, 4}}
	row := m[0]
	row[1] = 20
	println(m[0][1])

	var x []int
	x = append(x, 1, 2, 3)
	y := x[:2]
	y = append(y, 99)
	println(x[2])
}
