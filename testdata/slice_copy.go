// copy copies min(len(dst), len(src)) elements, handles overlap like memmove,
// and copies from a string into a []byte.
package main

func show(s []int) {
	for _, v := range s {
		print(v, " ")
	}
	println()
}

func main() {
	src := []int{1, 2, 3, 4, 5}
	dst := make([]int, 3)
	n := copy(dst, src)
	println(n)
	show(dst)
	n = copy(src, []int{9})
	println(n)
	show(src)

	s := []int{0, 1, 2, 3, 4, 5, 6, 7}
	copy(s[2:], s) // overlapping, forward
	show(s)
	s = []int{0, 1, 2, 3, 4, 5, 6, 7}
	copy(s, s[3:]) // overlapping, backward
	show(s)

	b := make([]byte, 4)
	n = copy(b, "golang")
	println(n, string(b))
	n = copy(b[1:], "!")
	println(n, string(b))

	var empty []int
	println(copy(empty, src), copy(src, empty))

	arr := [4]string{"a", "b", "c", "d"}
	copy(arr[1:], arr[:])
	println(arr[0], arr[1], arr[2], arr[3])
}
