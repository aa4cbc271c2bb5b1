// Untyped integer constants are exact: intermediate values may be far larger
// than 64 bits as long as the final value fits its type.
package main

const (
	Big   = 1 << 100
	Small = Big >> 99
	Huge  = Big * Big * Big
	Back  = Huge / (Big * Big) >> 98
)

const Max64 = 1<<64 - 1
const MinInt64 = -1 << 63
const Googol = 1e100 // an untyped float constant with an integer value

func main() {
	println(Small, Back)
	println(Big/(1<<90), Big%1000000007)
	var u uint64 = Max64
	println(u, Max64>>32)
	var m int64 = MinInt64
	println(m, MinInt64+1)
	println(Googol/1e98, int(Googol/1e90))
	const n = 12345678901234567890123456789
	println(n%1000000, n/1000000000000000000000)
	println((Big+1)-Big, Big-(Big-1))
	const neg = -Big
	println(neg>>97, -(neg >> 100))
	const r = 'a' * 1000000000000
	println(int64(r/'a'), r%7)
	println(^0, ^Small, -5>>1, -5/2)
	const shifted = 1 << 63 >> 63
	println(shifted)
}
