// make([]T, len[, cap]): zero-filled elements, len and cap, slices of every
// basic element type.
package main

func main() {
	a := make([]int, 3)
	println(len(a), cap(a), a[0], a[2])
	b := make([]string, 2, 10)
	println(len(b), cap(b), b[1] == "")
	c := make([]float32, 0, 4)
	println(len(c), cap(c))
	d := make([]bool, 5)
	println(d[4])
	e := make([]complex128, 1)
	println(e[0])
	n := 7
	f := make([]int8, n, n*2)
	println(len(f), cap(f))
	g := make([][]int, 2)
	println(g[0] == nil, len(g[1]))
	h := make([]struct{ x, y int }, 2)
	h[1].y = 5
	println(h[0].x, h[1].y)
	var nilSlice []int
	empty := []int{}
	println(nilSlice == nil, empty == nil, len(nilSlice), len(empty), cap(nilSlice))
	u := make([]uint64, 3)
	for i := range u {
		u[i] = ^uint64(0) >> uint(i)
	}
	println(u[0], u[1], u[2])
	lit := []rune{'a', 'b', 'c'}
	println(len(lit), cap(lit), lit[1])
}
