// Floating-point arithmetic: float32 rounding at every step, IEEE infinities
// and NaN from run-time operations, comparisons involving NaN, negative zero.
package main

func main() {
	var a float32 = 0.1
	var b float32 = 0.2
	println(a+b, a*b, a/b, a-b)
	var c float64 = 0.1
	var d float64 = 0.2
	println(c+d, c+d == 0.3)
	println(float32(c)+float32(d) == float32(0.3))

	zero := 0.0
	inf := 1 / zero
	ninf := -1 / zero
	nan := zero / zero
	println(inf, ninf, nan)
	println(nan == nan, nan != nan, nan < 1, nan > 1, inf > 1e308)
	println(inf-inf, inf*0, inf+inf, -inf)

	negz := -zero
	println(negz, 1/negz, negz == zero)

	var f32 float32 = 3.4e38
	println(f32*10, -f32*10)

	x := 1.0
	for i := 0; i < 10; i++ {
		x /= 3
	}
	println(x)
	h := 0.0
	for i := 1; i <= 10; i++ {
		h += 1 / float64(i)
	}
	println(h)
	println(7.5/2, -7.5/2)
	var m float64 = 7
	var n float64 = 2
	println(m/n, -m/n)
}
