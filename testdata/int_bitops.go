// Bitwise operators &, |, ^, &^ and unary ^ on signed and unsigned types.
package main

func main() {
	var a uint8 = 0xCA
	var b uint8 = 0x53
	println(a&b, a|b, a^b, a&^b, ^a)

	var c int16 = -21846
	var d int16 = 0x0F0F
	println(c&d, c|d, c^d, c&^d, ^c)

	var e uint32 = 0xDEADBEEF
	println(e&0xFFFF, e>>16, e^e, ^e)

	var f int64 = -1
	println(f&^0x7FFFFFFFFFFFFFFF, ^f, f^0x55)

	var g uint64 = 0x123456789ABCDEF0
	println(g&0xFF00FF00FF00FF00, g|1, ^g)

	// population count by hand
	count := 0
	for x := uint(0xF0F0F0F0); x != 0; x &= x - 1 {
		count++
	}
	println("popcount", count)
}
