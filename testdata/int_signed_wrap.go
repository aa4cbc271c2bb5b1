// Signed integer arithmetic wraps around in two's complement at every width.
package main

func main() {
	var a int8 = 127
	a++
	println(a)
	a = -128
	a--
	println(a)
	var b int8 = 100
	println(b+b, b*3, -b-b)

	var c int16 = 32767
	c += 1
	println(c)
	var d int16 = 300
	println(d * d)

	var e int32 = 2147483647
	e++
	println(e)
	var f int32 = 65536
	println(f*f, f*f/2)

	var g int64 = 9223372036854775807
	g++
	println(g)
	var h int64 = -9223372036854775808
	println(-h, h-1)

	var i int = 1 << 62
	println(i*2, i*4)

	var m int8 = -128
	println(-m, m/-1, m%-1)
	var n int64 = -9223372036854775808
	var minus1 int64 = -1
	println(n/minus1, n%minus1)
}
