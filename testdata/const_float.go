// Untyped floating-point constants are evaluated exactly (no rounding until
// the value is given a type).
package main

const (
	Third  = 1.0 / 3
	One    = Third * 3
	Big    = 1e300 * 1e300 / 1e300
	Tiny   = 1e-300 * 1e-300 * 1e300
	Pi     = 3.14159265358979323846264338327950288419716939937510582097494459
	Half   = 1 / 2.0
	IntDiv = 1 / 2
)

func main() {
	println(Third, One, One == 1)
	println(Big, Tiny)
	println(Pi, float32(Pi))
	println(Half, IntDiv)
	const x = 0.1 + 0.2
	println(x, x == 0.3)
	var f float64 = 0.1
	println(f+0.2 == 0.3)
	const c = (1 << 70) * 1.5
	println(c / (1 << 69))
	const j = 12.0 / 4
	var k int = j
	println(k)
	var f32 float32 = 1.0 / 3
	println(f32, float64(f32) == Third)
	println(1e-5, 123456789.0, 1.0e7, -0.0)
	const e = 2.718281828459045235360287471352662497757247093699959574966
	println(e*e, Pi*e)
}
