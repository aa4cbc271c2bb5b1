// Floating-point algorithms: Newton's square root, a series for pi,
// Simpson integration, and an ASCII Mandelbrot set with complex128.
package main

func sqrt(x float64) float64 {
	z := x / 2
	for i := 0; i < 30; i++ {
		z -= (z*z - x) / (2 * z)
	}
	return z
}

func pi(terms int) float64 {
	sum := 0.0
	sign := 1.0
	for k := 0; k < terms; k++ {
		sum += sign / float64(2*k+1)
		sign = -sign
	}
	return 4 * sum
}

func simpson(f func(float64) float64, a, b float64, n int) float64 {
	h := (b - a) / float64(n)
	s := f(a) + f(b)
	for i := 1; i < n; i++ {
		x := a + float64(i)*h
		if i%2 == 1 {
			s += 4 * f(x)
		} else {
			s += 2 * f(x)
		}
	}
	return s * h / 3
}

func mandel(c complex128) int {
	z := complex128(0)
	for i := 0; i < 50; i++ {
		z = z*z + c
		if real(z)*real(z)+imag(z)*imag(z) > 4 {
			return i
		}
	}
	return 50
}

func main() {
	println(sqrt(2), sqrt(1e10), sqrt(0.25))
	println(pi(1000000))
	println(simpson(func(x float64) float64 { return x * x * x }, 0, 2, 100))
	for y := 1.0; y >= -1.0; y -= 0.25 {
		line := ""
		for x := -2.0; x <= 0.5; x += 0.125 {
			if mandel(complex(x, y)) == 50 {
				line += "*"
			} else {
				line += " "
			}
		}
		println(line)
	}
	var f32 float32
	for i := 0; i < 1000; i++ {
		f32 += 0.001
	}
	println(f32)
}
