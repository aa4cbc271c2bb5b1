// Integer conversions truncate to the target width and sign- or zero-extend
// from the source type.
package main

func main() {
	var big int64 = 0x123456789
	println(int8(big), uint8(big), int16(big), uint16(big), int32(big), uint32(big))

	var neg int32 = -2
	println(uint8(neg), uint16(neg), uint32(neg), uint64(neg), int64(neg))

	var u uint32 = 0xFFFFFFFF
	println(int32(u), int64(u), int8(u), uint64(u))

	var b byte = 200
	println(int8(b), int(b), rune(b), uint16(b))

	var r rune = -1
	println(uint32(r), byte(r))

	var h uint64 = 0x8000000000000000
	println(int64(h), int(h), uintptr(h))

	var p uintptr = 0xFFFF
	println(uint8(p), int16(p), int(p))

	// chains of conversions
	x := 300
	println(int(int8(x)), uint(uint8(x)), int16(int8(uint8(x))))
}
