// Complex and mixed-kind constant arithmetic, exact until typed.
package main

const (
	I      = 1i
	Minus1 = I * I
	Z      = (3 + 4i) * (3 - 4i)
	R      = real(Z)
	Q      = (1 + 2i) / (3 + 4i)
)

func main() {
	println(Minus1, Z, R)
	println(Q, real(Q), imag(Q))
	var i int = Minus1 * -5 // an untyped complex constant with zero imaginary part
	println(i)
	var f float64 = Z
	println(f)
	var c64 complex64 = Q
	println(c64)
	const big = 1e200i * 1e200i
	println(real(big) / 1e300)
}
