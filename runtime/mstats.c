/*
 * mstats.c: runtime.ReadMemStats (Go's mstats.go) over the allocator's and the collector's counters.
 *
 * In: a *runtime.MemStats (stdlib/runtime/mstats.go, go1.19's layout: 5776 bytes). Out: go1.19's
 * meanings, from malloc.c's per-P counters, mheap.c's page accounting and mgc.c's cycle statistics:
 * TotalAlloc counts size-class bytes (a large object its pages, a tiny block 16 bytes, a combined
 * tiny object nothing: gc's accounting); Mallocs counts every request, Frees every freed object plus
 * the combined tiny requests (so HeapObjects = Mallocs - Frees counts objects and tiny blocks, as in
 * gc); HeapAlloc = Alloc = TotalAlloc - bytes freed by the sweeper (objects not yet swept still
 * count: gc's HeapAlloc includes unswept garbage too); HeapSys = the arena grown so far, HeapInuse
 * the pages of in-use spans, HeapIdle the rest, HeapReleased the idle pages given back to the OS;
 * NextGC the pacer's goal; LastGC, NumGC, NumForcedGC, PauseTotalNs and the PauseNs/PauseEnd rings
 * from the collector; BySize are go1.19's first 61 size classes with their counts. Sys = HeapSys
 * (the other gc areas, stacks and span records, live outside gocc's heap and are 0 here).
 *
 * Consistency: the counters are read under the heap lock, the caches' counters atomically, so a
 * concurrent allocation may or may not be counted (gc stops the world for ReadMemStats; here the
 * figures are each whole and never go backwards).
 * Invariant: the struct below is go1.19's MemStats field for field; a static assertion checks its size.
 */
#include "malloc.h"

#include <stddef.h>
#include <string.h>

#include "scheduler.h"

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
static void readmemstats(void *arg);

RUNTIME_API void mstats_readmemstats(void *ctx, MemStats *m)
{
	(void)ctx;
	systemstack(readmemstats, m); /* deep: not on a goroutine's small first stack segment */
}

static void readmemstats(void *arg)
{
	MemStats *m = arg;
	memset(m, 0, sizeof *m);
	uint64_t by_size[MALLOC_NUM_CLASSES] = {0}, tiny = 0;
	heap_lock();
	for (MCache *c = mheap_.caches; c; c = c->link) {
		m->mallocs += AO_load(&c->mallocs);
		m->total_alloc += AO_load(&c->total_alloc);
		tiny += AO_load(&c->tiny_allocs);
		for (int i = 0; i < MALLOC_NUM_CLASSES; i++)
			by_size[i] += AO_load(&c->by_size[i]);
	}
	m->frees = mheap_.frees + tiny;
	m->alloc = m->heap_alloc = m->total_alloc - mheap_.freed_bytes;
	m->heap_objects = m->mallocs - m->frees;
	m->sys = m->heap_sys = mheap_.sys;
	m->heap_inuse = mheap_.inuse;
	m->heap_idle = mheap_.sys - mheap_.inuse;
	m->heap_released = mheap_.released;
	m->next_gc = gc_next_goal();
	m->last_gc = gc_stats.last_gc;
	m->pause_total_ns = gc_stats.pause_total;
	memcpy(m->pause_ns, gc_stats.pause_ns, sizeof m->pause_ns);
	memcpy(m->pause_end, gc_stats.pause_end, sizeof m->pause_end);
	m->num_gc = gc_stats.numgc;
	m->num_forced_gc = gc_stats.numforced;
	for (int i = 0; i < 61; i++) {
		m->by_size[i].size = malloc_class_to_size[i];
		m->by_size[i].mallocs = by_size[i];
		m->by_size[i].frees = mheap_.by_size_frees[i];
	}
	heap_unlock();
	m->enable_gc = true;
}
