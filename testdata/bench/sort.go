// Benchmark: quicksort and mergesort of a 4-million-element []int filled by
// a linear congruential generator. Measures data-dependent branches, swaps
// through slice indexing, recursion on subslices, and copy() for the merge.
package main

type lcg struct{ state uint64 }

func (g *lcg) next() int {
	g.state = g.state*6364136223846793005 + 1442695040888963407
	return int(g.state >> 33)
}

func fill(a []int, seed uint64) {
	g := &lcg{seed}
	for i := range a {
		a[i] = g.next()
	}
}

func insertion(a []int) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j] < a[j-1]; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}

func quicksort(a []int) {
	for len(a) > 16 {
		p := a[len(a)/2]
		i, j := 0, len(a)-1
		for i <= j {
			for a[i] < p {
				i++
			}
			for a[j] > p {
				j--
			}
			if i <= j {
				a[i], a[j] = a[j], a[i]
				i++
				j--
			}
		}
		if j+1 < len(a)-i {
			quicksort(a[:j+1])
			a = a[i:]
		} else {
			quicksort(a[i:])
			a = a[:j+1]
		}
	}
	insertion(a)
}

// mergesort sorts a using tmp (len(tmp) >= len(a)) as scratch space.
func mergesort(a, tmp []int) {
	if len(a) <= 16 {
		insertion(a)
		return
	}
	mid := len(a) / 2
	mergesort(a[:mid], tmp)
	mergesort(a[mid:], tmp)
	if a[mid-1] <= a[mid] {
		return
	}
	copy(tmp, a[:mid])
	l, r, k := tmp[:mid], a[mid:], 0
	for len(l) > 0 && len(r) > 0 {
		if r[0] < l[0] {
			a[k] = r[0]
			r = r[1:]
		} else {
			a[k] = l[0]
			l = l[1:]
		}
		k++
	}
	copy(a[k:], l)
}

func checksum(a []int) int {
	sum := 0
	for i := 1; i < len(a); i++ {
		if a[i-1] > a[i] {
			panic("not sorted")
		}
		sum = sum*31 + a[i]
	}
	return sum
}

func main() {
	const n = 4000000
	a := make([]int, n)
	tmp := make([]int, n)
	fill(a, 42)
	quicksort(a)
	c1 := checksum(a)
	fill(a, 7)
	mergesort(a, tmp)
	c2 := checksum(a)
	println("sort checksum", c1, c2, a[0], a[n/2], a[n-1])
}
