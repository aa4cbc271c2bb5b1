// Unsigned integers wrap modulo 2^N, including uintptr.
package main

func main() {
	var a uint8 = 255
	a++
	println(a)
	a--
	println(a)
	var b uint8 = 0
	b--
	println(b, b*b, b+2)

	var c uint16 = 65535
	c++
	println(c, c-1)

	var d uint32 = 4294967295
	d += 2
	println(d)
	var e uint32 = 1 << 31
	println(e*2, e+e-1)

	var f uint64 = 18446744073709551615
	f++
	println(f)
	f--
	println(f, f/3, f%10)

	var u uint = 0
	u -= 1
	println(u)

	var p uintptr = 0
	p--
	println(p)
	p = 4096
	println(p*3, p>>12)

	var neg uint32 = -d
	println(neg)
}
