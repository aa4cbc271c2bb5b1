// Benchmark: a 200 MB live heap under churn. One million 192-byte records (a pointer to another
// record, an id, 22 words of payload) stay reachable from a table, ~200 MB; the program then replaces
// 1 M of them at pseudo-random slots (LCG), each replacement allocating a new record and dropping the
// old one, ~200 MB of garbage in all. Measures the collector where the live heap is large: every cycle must mark
// 200 MB, and go1.19's pacer lets the heap grow to about twice that. tools/bench reports wall time,
// CPU time and peak RSS; the longest pause is measured inside the program as the largest gap between
// the timestamps taken every 4096 replacements, and printed (stderr) only when the environment has
// GC_CHURN_PAUSE=1, since it varies from run to run and the golden file must not hold it.
//
// Without a collector gocc's RSS grows to everything the program allocates (~0.4 GB):
// bench-caveat: gocc has no GC yet (bump allocator, never frees): it skips go1.19's GC work and its RSS grows to all memory ever allocated
package main

import (
	"os"
	"time"
)

type Record struct {
	peer    *Record // another record, live when this one was made: the heap is a graph to mark
	id      int
	payload [22]int
}

const slots = 1 << 20

func fresh(id int, peer *Record) *Record {
	r := &Record{peer: peer, id: id}
	for i := range r.payload {
		r.payload[i] = id ^ i
	}
	return r
}

func main() {
	table := make([]*Record, slots)
	for i := range table {
		table[i] = fresh(i, table[i/2])
	}

	var longest, last time.Duration
	start := time.Now()
	seed := uint64(42)
	sum := 0
	for n := 0; n < 1<<20; n++ {
		seed = seed*6364136223846793005 + 1442695040888963407
		k := int(seed>>44) & (slots - 1)
		old := table[k]
		sum += old.payload[n%22] & 0xffff
		table[k] = fresh(slots+n, table[k^1])
		if n%4096 == 0 {
			now := time.Since(start)
			if gap := now - last; gap > longest {
				longest = gap
			}
			last = now
		}
	}
	for _, r := range table {
		sum += r.id & 0xff
		if r.peer != nil {
			sum += r.peer.payload[3] & 0xf
		}
	}
	if os.Getenv("GC_CHURN_PAUSE") == "1" {
		println("longest gap between 4096 replacements:", longest.String())
	}
	println("gc_churn checksum", sum)
}
