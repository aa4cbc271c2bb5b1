// print and println format floats as the runtime does: sign, one digit, six
// decimals, e, sign, three-digit exponent; float32 is printed via float64.
package main

func main() {
	zero := 0.0
	println(1.5, -1.5, 0.0, -zero, 1e100, 1e-100)
	println(1/zero, -1/zero, zero/zero)
	println(123456789.0, 0.000123456789, 9.9999999, 5e-324, 1.7976931348623157e308)
	println(0.5, 0.25, 100.0, 1e6, 1e7, 2.5e-7)
	var f32 float32 = 0.1
	println(f32, float32(1)/3, float32(16777216), float32(1e-45))
	var big float32 = 3.4028235e38
	println(big, -big)
	print(3.0, 4.0, "\n")
	vals := []float64{1, 10, 100, 0.1, 0.01, 99.99999949, 99.9999995, 0.9999999}
	for _, v := range vals {
		print(v, " ")
	}
	println()
	var x float64 = 2.0 / 3.0
	println(x, -x, x*1e10, x*1e-10)
}
