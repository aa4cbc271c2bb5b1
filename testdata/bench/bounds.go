// Benchmark: bounds-check-heavy slice loops. Indirect indexing (a[idx[i]]),
// computed indices a compiler cannot prove in range, histograms, sliding
// windows over subslices (s[i:i+w]) and byte-slice scans. Measures the cost
// of index and slice-bounds checks the compiler cannot remove, and the ones
// it should.
package main

func permute(n int, seed uint32) []int {
	p := make([]int, n)
	for i := range p {
		p[i] = i
	}
	x := seed
	for i := n - 1; i > 0; i-- {
		x = x*1664525 + 1013904223
		j := int(x>>8) % (i + 1)
		p[i], p[j] = p[j], p[i]
	}
	return p
}

// gather reads data through an index slice: one unprovable check per access.
func gather(data []int, idx []int) int {
	s := 0
	for i := 0; i < len(idx); i++ {
		s += data[idx[i]]
	}
	return s
}

// histogram increments buckets at computed positions.
func histogram(data []int, buckets []int) {
	for _, v := range data {
		buckets[v%len(buckets)]++
		buckets[(v*7+3)%len(buckets)] += 2
	}
}

// windows sums every window of width w through a subslice.
func windows(data []int, w int) int {
	best := 0
	for i := 0; i+w <= len(data); i++ {
		win := data[i : i+w]
		s := win[0] - win[w-1] + win[w/2]
		if s > best {
			best = s
		}
	}
	return best
}

// stencil is a 1-D three-point stencil reading neighbours.
func stencil(dst, src []int) {
	for i := 1; i < len(src)-1; i++ {
		dst[i] = (src[i-1] + 2*src[i] + src[i+1]) / 4
	}
}

func countByte(b []byte, c byte) int {
	n := 0
	for i := range b {
		if b[i] == c {
			n++
		}
	}
	return n
}

func main() {
	const n = 1 << 20
	data := permute(n, 1)
	idx := permute(n, 2)
	buckets := make([]int, 1000)
	tmp := make([]int, n)
	bytes := make([]byte, n)
	for i := range bytes {
		bytes[i] = byte(data[i])
	}
	sum := 0
	for round := 0; round < 60; round++ {
		sum += gather(data, idx)
		histogram(data, buckets)
		sum += windows(data, 64+round)
		stencil(tmp, data)
		stencil(data, tmp)
		sum += countByte(bytes, byte(round))
	}
	for i, b := range buckets {
		sum += i * b
	}
	println("bounds checksum", sum, data[12345], tmp[n/3])
}
