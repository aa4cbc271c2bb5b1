// Conversions between strings, byte slices, rune slices and integers.
package main

func main() {
	s := "héllo"
	b := []byte(s)
	println(len(b), b[1], b[2])
	b[0] = 'H'
	println(string(b), s)

	r := []rune(s)
	println(len(r), r[1])
	r[1] = 'e'
	println(string(r))

	println(string(rune(65)), string(rune(0x4e16)), string(rune(-1)), string(rune(0x110000)))
	println(string(rune(0xD800)) == "\uFFFD")
	var i int = 0x1F600
	println(string(rune(i)))
	var cp int = 0x4e16 // string(int) converts a code point (go vet warns, the language allows it)
	var neg int64 = -5
	println(string(cp), string(neg), string(byte(0x41)))
	var u8 uint8 = 'z'
	println(string(rune(u8)))

	bad := []rune("a\xffb")
	println(len(bad), bad[1])
	back := string([]rune{0x48, 0x69, -5, 0x10FFFF})
	println(back, len(back))

	println(string([]byte{}) == "", len([]byte("")), len([]rune("")))
	var nilBytes []byte
	println(string(nilBytes) == "")

	bs := []byte("abc")
	str := string(bs)
	bs[0] = 'X' // the string is a copy
	println(str, string(bs))

	type MyBytes []byte
	mb := MyBytes("named")
	println(string(mb))
	type MyString string
	ms := MyString("typed")
	println(string(ms), len(ms), ms[0])
}
