// Strings: concatenation, len in bytes, indexing yields bytes, slicing,
// comparison operators, immutability through copies.
package main

func main() {
	s := "Hello"
	t := s + ", " + "World"
	println(t, len(t))
	println(s[0], s[4], t[len(t)-1])
	println(t[7:], t[:5], t[2:4])
	u := s
	s += "!"
	println(u, s)
	println("abc" < "abd", "abc" < "ab", "" < "a", "Z" < "a", "same" == "same")
	println("abc" > "abc", "abc" >= "abc", "b" > "abc", "abc" != "abd")
	a, b := "apple", "apples"
	println(a < b, a[:4] == b[:4], a == b[:5])
	var empty string
	println(len(empty), empty == "", empty+"x")
	esc := "tab\there\nnew line \"quoted\" \\ backslash \x41\u00e9\U0001F600"
	println(esc, len(esc))
	raw := `raw\nstring
with newline`
	println(raw, len(raw))
	h := "héllo"
	println(len(h), h[1], h[2])
	var build string
	for i := 0; i < 5; i++ {
		build += string(rune('a' + i))
	}
	println(build)
	x := "abc"
	y := x[:]
	println(y == x)
}
