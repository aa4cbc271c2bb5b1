// complex64 and complex128: construction, real/imag, arithmetic, equality,
// printing.
package main

func main() {
	var a complex128 = complex(1, 2)
	b := 3 - 4i
	println(a, b)
	println(a+b, a-b, a*b, a/b)
	println(real(a*b), imag(a*b))
	println(a == complex(1, 2), a != b)

	var c complex64 = complex(float32(0.5), float32(-1.5))
	println(c, c*c, real(c), imag(c))
	println(complex128(c), complex64(a))

	var z complex128
	println(z, z == 0)
	i := 1i
	println(i*i, i*i*i*i)

	x := 2.0
	y := -3.0
	w := complex(x, y)
	println(w, -w, real(w)+imag(w))
	sum := complex128(0)
	for k := 1; k <= 4; k++ {
		sum += complex(float64(k), float64(-k))
	}
	println(sum)
}
