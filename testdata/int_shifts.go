// Shifts: counts at or beyond the width give 0 (or -1 for negative signed
// values shifted right); unsigned counts of any type are allowed.
package main

func main() {
	var one int32 = 1
	for _, s := range []uint{0, 1, 30, 31, 32, 33, 64, 100} {
		println(s, one<<s, (-one)<<s, (one<<31)>>s, -8>>s)
	}
	var u8 uint8 = 0x81
	var n uint16 = 3
	println(u8<<1, u8>>1, u8<<n, u8>>n, u8<<8)

	var i8 int8 = -100
	var k uint64 = 2
	println(i8>>k, i8<<k, i8>>7, i8>>200)

	var x uint64 = 1
	var shift int = 63
	println(x<<shift, (x<<shift)>>shift, x<<(shift+1))

	var m int = -1
	var by uint = 60
	println(m<<by, m>>by, uint32(0xffffffff)>>by)

	// shift count of signed type (allowed since go1.13) that is non-negative
	var cnt int8 = 4
	println(1<<cnt, 256>>cnt)
}
