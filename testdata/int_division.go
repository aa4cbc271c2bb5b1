// Integer division truncates toward zero and the remainder takes the sign of
// the dividend; shifts by constants and variables.
package main

func show(a, b int) {
	println(a, "/", b, "=", a/b, " ", a, "%", b, "=", a%b)
}

func main() {
	show(7, 2)
	show(-7, 2)
	show(7, -2)
	show(-7, -2)
	show(0, 5)
	show(1, 1000)

	var u uint8 = 250
	var v uint8 = 7
	println(u/v, u%v)
	var s int8 = -128
	var t int8 = 3
	println(s/t, s%t)

	var big uint64 = 18446744073709551615
	println(big/7, big%7)
	var sbig int64 = -9223372036854775807
	println(sbig/1000000007, sbig%1000000007)

	// division by powers of two must still round toward zero
	for _, x := range []int32{-9, -8, -7, -1, 0, 1, 7, 8, 9} {
		print(x/4, ",", x%4, " ")
	}
	println()
}
