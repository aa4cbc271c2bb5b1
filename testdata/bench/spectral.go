// Benchmark: spectral norm (after the Computer Language Benchmarks Game).
// Measures float64 division and multiply-add in doubly nested loops over
// []float64, with an integer-arithmetic function evaluated per element.
package main

func evalA(i, j int) float64 {
	return 1 / float64((i+j)*(i+j+1)/2+i+1)
}

func timesVec(v, u []float64) {
	for i := range v {
		a := 0.0
		for j := range u {
			a += evalA(i, j) * u[j]
		}
		v[i] = a
	}
}

func timesTransp(v, u []float64) {
	for i := range v {
		a := 0.0
		for j := range u {
			a += evalA(j, i) * u[j]
		}
		v[i] = a
	}
}

func aTimesTransp(v, u, tmp []float64) {
	timesVec(tmp, u)
	timesTransp(v, tmp)
}

func sqrt(x float64) float64 {
	z := x
	for i := 0; i < 100; i++ {
		nz := (z + x/z) / 2
		if nz == z {
			break
		}
		z = nz
	}
	return z
}

func main() {
	const n = 3500
	u := make([]float64, n)
	v := make([]float64, n)
	tmp := make([]float64, n)
	for i := range u {
		u[i] = 1
	}
	for i := 0; i < 10; i++ {
		aTimesTransp(v, u, tmp)
		aTimesTransp(u, v, tmp)
	}
	var vBv, vv float64
	for i, vi := range v {
		vBv += u[i] * vi
		vv += vi * vi
	}
	println("spectral checksum", sqrt(vBv/vv))
}
