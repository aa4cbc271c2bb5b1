/*
 * mstats.c: runtime.ReadMemStats (Go's mstats.go) over the bump allocator's counters (malloc.c).
 *
 * In: a *runtime.MemStats (stdlib/runtime/mstats.go, go1.19's layout: 5776 bytes). Out: the figures
 * the allocator knows exactly. The allocator never frees, so everything allocated is in use: Alloc =
 * HeapAlloc = TotalAlloc, HeapObjects = Mallocs, Frees = 0, HeapInuse = HeapSys = Sys (the heap's
 * mappings are the only memory the runtime maps), HeapIdle = HeapReleased = 0. NextGC is gc's minimum
 * heap goal (4 MiB with GOGC=100), EnableGC is true as in gc (always), BySize[i].Size are gc's size
 * classes (malloc_roundupsize walks them; its Mallocs/Frees are 0: the allocator does not count per
 * class). Everything that belongs to a collector, goroutine stacks or span metadata is 0: NumGC,
 * PauseNs, LastGC, StackInuse, MSpanInuse, GCSys, ...
 *
 * Threads: the counters are read atomically, each whole, while other threads may be allocating (gc
 * stops the world for ReadMemStats; here a concurrent allocation may or may not be counted).
 * Invariant: the struct below is go1.19's MemStats field for field; a static assertion checks its size.
 * Rejected: reporting gc's start-up figures (Sys=12434448, ...) as if measured: they describe gc's
 * heap, not this one, and a program comparing two readings would see no change.
 */
#include "malloc.h"

#include <stddef.h>
#include <string.h>

typedef struct MemStats {
	uint64_t alloc, total_alloc, sys, lookups, mallocs, frees;
	uint64_t heap_alloc, heap_sys, heap_idle, heap_inuse, heap_released, heap_objects;
	uint64_t stack_inuse, stack_sys, mspan_inuse, mspan_sys, mcache_inuse, mcache_sys;
	uint64_t buckhash_sys, gc_sys, other_sys, next_gc, last_gc, pause_total_ns;
	uint64_t pause_ns[256], pause_end[256];
	uint32_t num_gc, num_forced_gc;
	double gc_cpu_fraction;
	bool enable_gc, debug_gc;
	struct {
		uint32_t size;
		uint64_t mallocs, frees;
	} by_size[61];
} MemStats;

_Static_assert(sizeof(MemStats) == 5776, "runtime.MemStats is 5776 bytes in go1.19");
_Static_assert(offsetof(MemStats, by_size) == 4312, "MemStats.BySize is at 4312 in go1.19");

GO_LINKNAME(mstats_readmemstats, "runtime.readmemstats");
RUNTIME_API void mstats_readmemstats(void *ctx, MemStats *m)
{
	(void)ctx;
	memset(m, 0, sizeof *m);
	uint64_t mallocs, total_alloc;
	malloc_counts(&mallocs, &total_alloc);
	m->total_alloc = total_alloc;
	m->alloc = m->heap_alloc = total_alloc;
	m->mallocs = m->heap_objects = mallocs;
	m->sys = m->heap_sys = m->heap_inuse = AO_load(&mheap_.sys);
	m->next_gc = 4 << 20;
	m->enable_gc = true;
	/* class 0 is size 0; class i+1 is the next size roundupsize rounds to */
	uintptr_t size = 0;
	for (int i = 1; i < 61; i++) {
		size = malloc_roundupsize(size + 1);
		m->by_size[i].size = (uint32_t)size;
	}
}
