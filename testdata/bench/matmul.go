// Benchmark: dense matrix multiplication on [][]float64 (row slices), the
// naive i-k-j loop order. Measures nested slice indexing (two bounds checks
// per element), float64 multiply-add and the compiler's ability to hoist
// row slices out of the inner loop.
package main

func newMatrix(n int, seed float64) [][]float64 {
	m := make([][]float64, n)
	for i := range m {
		m[i] = make([]float64, n)
		for j := range m[i] {
			m[i][j] = seed * float64(i-j) * float64(i+j+1) / float64(n*n)
		}
	}
	return m
}

func mul(a, b [][]float64) [][]float64 {
	n := len(a)
	c := make([][]float64, n)
	for i := 0; i < n; i++ {
		c[i] = make([]float64, len(b[0]))
		for k := 0; k < len(b); k++ {
			aik := a[i][k]
			for j := 0; j < len(b[k]); j++ {
				c[i][j] += aik * b[k][j]
			}
		}
	}
	return c
}

func main() {
	const n = 500
	a := newMatrix(n, 1.5)
	b := newMatrix(n, -0.75)
	sum := 0.0
	for round := 0; round < 5; round++ {
		c := mul(a, b)
		for i := 0; i < n; i++ {
			sum += c[i][i] + c[i][n-1-i]
		}
		sum += c[round][n/2]
		a[round][round] += 1
	}
	println("matmul checksum", sum)
}
