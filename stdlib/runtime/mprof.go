package runtime

// Profiling. gocc has no profiler yet (docs/status.md): the API that says so in go1.19's own terms
// is here, the rest is listed as not yet.

// MemProfileRate is the average number of bytes allocated between memory-profile samples. gc reads
// 0 in a program that does not reference MemProfile (its linker disables profiling), which is every
// gocc program: gocc has no MemProfile yet, and 0 means no sampling.
var MemProfileRate int

// CPUProfile is go1.19's deprecated stub: it always panics.
func CPUProfile() []byte {
	panic("CPUProfile no longer available")
}
