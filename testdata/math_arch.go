// math_arch: package math's amd64 assembly functions (Floor, Ceil, Trunc, Sqrt, Max, Min, Hypot,
// Log, Exp), bit for bit as go1.19 computes them: special values printed one by one, then 10,000
// inputs per function from a fixed LCG, folded into one FNV-1a hash of the result bits per function
// (any differing bit changes the hash; the first differing input is printed by hand when it does).

package main

import "math"

var seed uint64 = 0x9E3779B97F4A7C15

// next is Knuth's MMIX LCG.
func next() uint64 {
	seed = seed*6364136223846793005 + 1442695040888963407
	return seed
}

// unit is a uniform float64 in [0, 1).
func unit() float64 { return float64(next()>>11) / (1 << 53) }

// anyBits is any float64 at all: every exponent, subnormals, infinities, NaNs.
func anyBits() float64 { return math.Float64frombits(next()) }

type hash uint64

func (h *hash) add(x float64) {
	b := math.Float64bits(x)
	for i := 0; i < 8; i++ {
		*h = (*h ^ hash(b&0xff)) * 1099511628211
		b >>= 8
	}
}

var specials = []float64{0, math.Copysign(0, -1), 1, -1, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5,
	math.Inf(1), math.Inf(-1), math.NaN(), 4503599627370495.5, -4503599627370495.5, 4503599627370496,
	1e300, -1e300, 5e-324, -5e-324, 2.2250738585072014e-308, 709.78, 709.79, -745.1, -745.2, -708.4,
	-1e6, 1e6, 0.7071067811865476, 1.4142135623730951, math.MaxFloat64, -math.MaxFloat64}

func unary(name string, f func(float64) float64, gen func() float64) {
	for _, x := range specials {
		println(name, math.Float64bits(x), math.Float64bits(f(x)))
	}
	var h hash = 14695981039346656037
	for i := 0; i < 10000; i++ {
		h.add(f(gen()))
	}
	println(name, "hash", uint64(h))
}

func binary(name string, f func(float64, float64) float64, gen func() float64) {
	for _, x := range specials {
		for _, y := range specials[:14] {
			print(math.Float64bits(f(x, y)), " ")
		}
		println()
	}
	var h hash = 14695981039346656037
	for i := 0; i < 10000; i++ {
		x := gen()
		h.add(f(x, gen()))
	}
	println(name, "hash", uint64(h))
}

func main() {
	wide := func() float64 { return (unit() - 0.5) * 1e16 }
	small := func() float64 { return (unit() - 0.5) * 20 }
	unary("Floor", math.Floor, wide)
	unary("Floor", math.Floor, small)
	unary("Ceil", math.Ceil, wide)
	unary("Ceil", math.Ceil, small)
	unary("Trunc", math.Trunc, small)
	unary("Trunc", math.Trunc, anyBits)
	unary("Sqrt", math.Sqrt, anyBits)
	unary("Sqrt", math.Sqrt, unit)
	unary("Log", math.Log, anyBits)
	unary("Log", math.Log, func() float64 { return unit() * 4 })
	unary("Exp", math.Exp, func() float64 { return (unit() - 0.5) * 1500 })
	unary("Exp", math.Exp, small)
	unary("Exp", math.Exp, func() float64 { return -708 - unit()*40 })
	binary("Max", math.Max, anyBits)
	binary("Min", math.Min, anyBits)
	binary("Hypot", math.Hypot, anyBits)
	binary("Hypot", math.Hypot, small)
}
