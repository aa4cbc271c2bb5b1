// Two- and three-index slicing: resulting len and cap, omitted bounds, and a
// limited capacity forcing append to copy instead of overwriting.
package main

func main() {
	base := []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}
	s := base[2:5]
	println(len(s), cap(s), s[0], s[2])
	t := base[2:5:6]
	println(len(t), cap(t))
	u := base[:0]
	println(len(u), cap(u))
	v := base[8:]
	println(len(v), cap(v), v[1])
	w := base[:]
	println(len(w), cap(w))
	x := s[1:4] // reslicing past len, within cap
	println(len(x), cap(x), x[2])

	t = append(t, 100) // fits in cap: writes base[5]
	println(base[5])
	t = append(t, 200) // exceeds cap: copies
	t[0] = -1
	println(base[6], base[2], t[0], len(t))

	full := base[3:5:5]
	full = append(full, 300)
	println(base[5], full[2])

	arr := [6]string{"a", "b", "c", "d", "e", "f"}
	sa := arr[1:3:4]
	println(len(sa), cap(sa), sa[0], sa[1])
	sa = sa[:cap(sa)]
	println(sa[2])
	p := &arr
	ps := p[4:]
	println(len(ps), ps[1])

	str := "hello, world"
	println(str[7:], str[:5], str[3:8], str[:])
	println(len(str[12:]))
}
