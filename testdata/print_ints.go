// print and println of every integer type at its extremes. print adds no
// spaces or newline; println separates operands by spaces.
package main

func main() {
	var i8 int8 = -128
	var i16 int16 = -32768
	var i32 int32 = -2147483648
	var i64 int64 = -9223372036854775808
	var i int = 9223372036854775807
	println(i8, i16, i32, i64, i)
	var u8 uint8 = 255
	var u16 uint16 = 65535
	var u32 uint32 = 4294967295
	var u64 uint64 = 18446744073709551615
	var u uint = 18446744073709551615
	var up uintptr = 18446744073709551615
	println(u8, u16, u32, u64, u, up)
	var b byte = 'x'
	var r rune = '世'
	println(b, r)
	print(1, 2, 3)
	print("\n")
	print("a", 1, "b", -2, "\n")
	println()
	println(0, -0, 1, -1)
	print()
	println("end")
}
