// Benchmark: map[string]int insert, lookup and delete. 2^18 keys of 6 to 11
// bytes ("k" + hex digits of an LCG) are built once; each of 6 rounds inserts
// them all into a map grown from empty, looks each up once (a hit) together
// with a key of the same shape that is absent ("m" + the same digits: a
// miss), then deletes every other key. 3.5 map operations per key and round,
// 5.5 M in all. Measures string hashing and comparison inside the map.
// tools/map-bench drives the runtime's map through the same operations.
package main

const n = 1 << 18

func next(x uint64) uint64 {
	return x*6364136223846793005 + 1442695040888963407
}

// key is prefix followed by the hex digits of v (at least 5 and at most 10).
func key(prefix byte, v uint64) string {
	var b [11]byte
	i := len(b)
	for j := 0; j < 5 || v != 0; j++ {
		i--
		b[i] = "0123456789abcdef"[v&15]
		v >>= 4
	}
	i--
	b[i] = prefix
	return string(b[i:])
}

func main() {
	hits := make([]string, n)
	misses := make([]string, n)
	x := uint64(1)
	for i := range hits {
		x = next(x)
		v := x >> (24 + x%20)
		hits[i] = key('k', v)
		misses[i] = key('m', v)
	}
	sum := 0
	for round := 0; round < 6; round++ {
		m := make(map[string]int)
		for i, k := range hits {
			m[k] = i + round
		}
		for i := range hits {
			sum += m[hits[i]]
			sum += m[misses[i]]
		}
		for i := 0; i < n; i += 2 {
			delete(m, hits[i])
		}
		sum += len(m)
	}
	println("map_string checksum", sum)
}
