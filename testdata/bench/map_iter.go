// Benchmark: iteration. Ranges 1000 times over a map[int]int of 2^16
// entries and 1000 times over a map[string]int of 2^14 entries, summing keys
// and values (sums do not depend on the random iteration order). 82 M
// entries produced in all. Measures mapiterinit/mapiternext and the walk over
// the table. tools/map-bench drives the runtime's map through the same work.
package main

// name is "k" followed by the decimal digits of v.
func name(v uint64) string {
	var b [21]byte
	i := len(b)
	for {
		i--
		b[i] = byte('0' + v%10)
		v /= 10
		if v == 0 {
			break
		}
	}
	i--
	b[i] = 'k'
	return string(b[i:])
}

func main() {
	mi := make(map[int]int)
	ms := make(map[string]int)
	x := uint64(7)
	for i := 0; i < 1<<16; i++ {
		x = x*6364136223846793005 + 1442695040888963407
		mi[int(x>>20)] = i
	}
	for i := 0; i < 1<<14; i++ {
		x = x*6364136223846793005 + 1442695040888963407
		ms[name(x>>44)] = i
	}
	sum := 0
	for r := 0; r < 1000; r++ {
		for k, v := range mi {
			sum += k ^ v
		}
		for k, v := range ms {
			sum += len(k) + v
		}
	}
	println("map_iter checksum", sum, len(mi), len(ms))
}
