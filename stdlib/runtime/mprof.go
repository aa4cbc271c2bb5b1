package runtime

// Profiling. The heap profile is runtime/mprof.c (sampling in mallocgc, frees from the sweeper,
// buckets per stack); the other profiles are not yet (notyet.go, docs/status.md).

// MemProfileRate is the average number of bytes allocated between memory-profile samples: 512 KiB
// in a program that can read the profile (runtime.MemProfile is linked), 0 otherwise, as go1.19's
// linker decides; a program may set it, best once, as early as it can. 1 samples every allocation,
// 0 none.
var MemProfileRate int = defaultMemProfileRate(512 * 1024)

// defaultMemProfileRate is v when MemProfile is in the executable, else 0 (runtime/mprof.c).
func defaultMemProfileRate(v int) int

// MemProfile returns the heap profile as of the last finished collection: per call stack and
// object size, the sampled objects and bytes allocated and freed. If len(p) >= n, it copies the n
// records into p and ok is true; otherwise it copies nothing, and n says how many there are.
// inuseZero includes the records whose objects were all freed.
func MemProfile(p []MemProfileRecord, inuseZero bool) (n int, ok bool) {
	var first *MemProfileRecord
	if len(p) > 0 {
		first = &p[0]
	}
	n = memProfile(first, len(p), inuseZero)
	return n, n <= len(p)
}

// memProfile copies the records into p[:n] when n <= max, and returns n (runtime/mprof.c).
func memProfile(p *MemProfileRecord, max int, inuseZero bool) int

// CPUProfile is go1.19's deprecated stub: it always panics.
func CPUProfile() []byte {
	panic("CPUProfile no longer available")
}
