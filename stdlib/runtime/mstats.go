package runtime

// MemStats: go1.19's statistics of the memory allocator, field for field (5776 bytes, the layout of
// /work/shared/reference/memstats.md). ReadMemStats (runtime/mstats.c, readmemstats) fills every
// field by go1.19's definitions from the allocator's, the collector's and the stacks' counters;
// mstats.c's essay says where each figure comes from. Sys is the sum of the *Sys fields.

// A MemStats records statistics about the memory allocator.
type MemStats struct {
	Alloc         uint64
	TotalAlloc    uint64
	Sys           uint64
	Lookups       uint64
	Mallocs       uint64
	Frees         uint64
	HeapAlloc     uint64
	HeapSys       uint64
	HeapIdle      uint64
	HeapInuse     uint64
	HeapReleased  uint64
	HeapObjects   uint64
	StackInuse    uint64
	StackSys      uint64
	MSpanInuse    uint64
	MSpanSys      uint64
	MCacheInuse   uint64
	MCacheSys     uint64
	BuckHashSys   uint64
	GCSys         uint64
	OtherSys      uint64
	NextGC        uint64
	LastGC        uint64
	PauseTotalNs  uint64
	PauseNs       [256]uint64
	PauseEnd      [256]uint64
	NumGC         uint32
	NumForcedGC   uint32
	GCCPUFraction float64
	EnableGC      bool
	DebugGC       bool
	BySize        [61]struct {
		Size    uint32
		Mallocs uint64
		Frees   uint64
	}
}

// ReadMemStats fills m with the allocator's statistics.
func ReadMemStats(m *MemStats) {
	readmemstats(m)
}

// readmemstats writes the allocator's figures into *m (runtime/mstats.c).
func readmemstats(m *MemStats)
