// Arrays are values: assignment, passing to functions and returning copy the
// whole array; arrays of comparable elements compare with ==.
package main

func modify(a [3]int) [3]int {
	a[0] = 100
	return a
}

func modifyPtr(a *[3]int) {
	a[0] = 100
}

func main() {
	a := [3]int{1, 2, 3}
	b := a
	b[1] = 20
	println(a[1], b[1])
	c := modify(a)
	println(a[0], c[0])
	modifyPtr(&a)
	println(a[0])
	println(a == [3]int{100, 2, 3}, a != b, b == [3]int{1, 20, 3})

	var zero [4]float64
	println(zero[3], len(zero), cap(zero))

	strs := [2]string{"x", "y"}
	strs2 := strs
	strs2[0] += "z"
	println(strs[0], strs2[0], strs == strs2)

	type pair struct{ a, b int }
	ps := [2]pair{{1, 2}, {3, 4}}
	qs := ps
	qs[1].b = 40
	println(ps[1].b, qs[1].b, ps == qs)

	// range over an array iterates over a copy
	arr := [3]int{1, 2, 3}
	for i, v := range arr {
		arr[2] = 99
		print(i, "=", v, " ")
	}
	println(arr[2])
	// range over a pointer to an array does not copy
	arr = [3]int{1, 2, 3}
	for i, v := range &arr {
		arr[2] = 99
		print(i, "=", v, " ")
	}
	println()
}
