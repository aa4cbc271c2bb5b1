// Benchmark: map[int]int insert, lookup and delete. Each of 2 rounds grows a
// map from empty to 2^20 entries with pseudo-random keys (an LCG, so neither
// the hash nor the cache sees a sequential pattern), looks every key up once
// (a hit) together with a neighbouring key (almost always a miss), then
// deletes every other key. 3.5 map operations per key and round, 7.3 M in
// all. Measures the runtime's map: hashing, probing, growth from empty.
// tools/map-bench drives the runtime's map through the same operations.
package main

const n = 1 << 20

func next(x uint64) uint64 {
	return x*6364136223846793005 + 1442695040888963407
}

func main() {
	sum := 0
	for round := 0; round < 2; round++ {
		m := make(map[int]int)
		seed := uint64(round + 1)
		x := seed
		for i := 0; i < n; i++ {
			x = next(x)
			m[int(x>>24)] = i
		}
		x = seed
		for i := 0; i < n; i++ {
			x = next(x)
			sum += m[int(x>>24)]
			sum += m[int(x>>24)+1]
		}
		x = seed
		for i := 0; i < n; i++ {
			x = next(x)
			if i&1 == 0 {
				delete(m, int(x>>24))
			}
		}
		sum += len(m)
	}
	println("map_int checksum", sum)
}
