// []byte(s) and []rune(s) capacities, as gc gives them: a result that stays in the function gets
// a 32-element stack buffer (cap 32) when short enough; an escaping or long one is allocated with
// its size rounded up to a size class; a constant string is copied exactly (cap = len). append
// then grows in place or not accordingly. (Found by tools/difftest.)
package main

var sink []byte

func main() {
	s := "hello"
	b := []byte(s)
	println(len(b), cap(b))
	b = append(b, '!')
	println(len(b), cap(b), string(b))
	r := []rune(s + "é")
	println(len(r), cap(r))
	c := []byte("const")
	println(len(c), cap(c))
	long := []byte(s + "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")
	println(len(long), cap(long))
	sink = []byte(s)
	println(len(sink), cap(sink))
	var t []byte = []byte(s[1:])
	t2 := t[1:]
	println(cap(t), cap(t2))
	u := []rune(s)
	sink = []byte(string(u))
	println(cap(u), cap(sink))
	x := []byte(s)
	y := x
	sink = y
	println(cap(x))
	var empty string
	println(cap([]byte(empty)), cap([]rune(empty)))
	rr := []rune("héllo, 世界: a constant string with more than thirty-two runes")
	println(len(rr), cap(rr))
	for i := 0; i < 2; i++ {
		w := []byte(s[i:])
		w = append(w, "++"...)
		println(len(w), cap(w), string(w))
	}
}
