// Conversions between floating-point and integer types: float to int
// truncates toward zero; int to float rounds to nearest.
package main

func main() {
	for _, f := range []float64{2.9, -2.9, 0.5, -0.5, 1e9 + 0.75, 255.99} {
		println(int(f), int32(f), int64(f))
	}
	var g float64 = 200.7
	println(uint8(g), uint16(g), uint32(g), uint64(g))

	var i int64 = 9007199254740993 // 2^53 + 1 is not representable
	println(float64(i), float32(i))
	var j int = -7
	println(float64(j), float32(j))
	var u uint64 = 18446744073709551615
	println(float64(u), float32(u))

	var s float32 = 16777217 // rounds to 2^24
	println(s, int32(s))
	var d float64 = 0.1
	println(float32(d), float64(float32(d)))
	var big float64 = 1e39
	println(float32(big))
	var tiny float64 = 1e-50
	println(float32(tiny))
	var n8 int8 = -128
	println(float32(n8), float64(n8)/3)
}
