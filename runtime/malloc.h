/*
 * malloc.h: the heap's internal interface (malloc.c: the allocator's front end and per-P caches;
 * mheap.c: arena, page table, spans, central lists, sweeping, scavenging; mgc.c: the collector).
 *
 * Invariants.
 *  - runtime_mallocgc is the only way Go-visible memory is obtained; everything that allocates
 *    (newobject, makeslice, growslice, strings) goes through it, so the accounting is complete and
 *    the GC-stress mode (GODEBUG=goccgcstress=N) has one place to hook.
 *  - Memory handed out is zeroed (needzero is honoured conservatively: reused memory is cleared).
 *  - Zero-sized allocations all return &malloc_zerobase (Go's zerobase); nothing is ever stored there.
 *  - Every heap object lives in a span of the arena; span_of(p) finds it in O(1) for any interior p.
 *  - Scan kinds: a span holds either pointer-free objects (noscan: never scanned) or objects that are
 *    scanned, each by the type recorded at allocation (precise: GoType.gcdata) or, for the runtime's
 *    and the compiler's untyped allocations (type NULL passed to runtime_mallocgc), conservatively
 *    word by word (MALLOC_CONSERVATIVE). Typed pointer-free allocations (ptrdata == 0) and the
 *    runtime's byte buffers (malloc_noscan) are noscan.
 */
#ifndef GOCC_RUNTIME_MALLOC_H
#define GOCC_RUNTIME_MALLOC_H

#include "runtime.h"

#include <atomic_ops.h>
#include <stddef.h>

/* linux/amd64: 48-bit heap addresses, as Go's maxAlloc. Larger requests are "out of range". */
#define MALLOC_MAX_ALLOC ((uintptr_t)1 << 48)

/* Go's _MaxSmallSize, _PageSize, _NumSizeClasses, _TinySize. */
#define MALLOC_MAX_SMALL_SIZE 32768
#define MALLOC_PAGE_SHIFT 13
#define MALLOC_PAGE_SIZE 8192
#define MALLOC_NUM_CLASSES 68
#define MALLOC_TINY_SIZE 16
/* The arena: one reservation made at start-up (PROT_NONE, MAP_NORESERVE: address space only). */
#define MALLOC_ARENA_SIZE ((uintptr_t)64 << 30)
/* The most objects a small span holds (8-byte objects in one page). */
#define MALLOC_MAX_NELEMS 1024

/* The type recorded for objects scanned conservatively (every aligned word a candidate pointer). */
#define MALLOC_CONSERVATIVE ((const GoType *)1)

extern const uint16_t malloc_class_to_size[MALLOC_NUM_CLASSES];
extern const uint8_t malloc_class_to_npages[MALLOC_NUM_CLASSES];
/* The size class for a small request (1 .. MALLOC_MAX_SMALL_SIZE), Go's size_to_class8/128. */
int malloc_size_class(uintptr_t size);

enum { SPAN_FREE, SPAN_INUSE };

/* A run of pages (Go's mspan): free, or holding objects of one size class (class 0: one large
 * object). Span records live outside the heap (libc), found from any page through mheap_.spans. */
typedef struct Span {
	uintptr_t base, npages;
	struct Span *next, *prev;    /* free lists (mheap) or central partial list */
	uint8_t state;               /* SPAN_FREE, SPAN_INUSE */
	uint8_t sizeclass;
	bool noscan;
	bool incentral;              /* on its class's partial list */
	bool incache;                /* owned by a per-P cache (allocation without locks) */
	bool needzero;               /* its memory was used before: clear objects on allocation */
	bool released;               /* free and given back to the OS (madvise) */
	uint32_t sweepgen;           /* == mheap_.sweepgen: swept this cycle */
	uint32_t freedgc;            /* free: the GC count when it became free (the scavenger's age) */
	uintptr_t elemsize, nelems, nalloc, freeindex;
	const GoType **types;        /* per object (scan spans): its type or MALLOC_CONSERVATIVE */
	const GoType *largetype;     /* class 0: the object's type */
	uint32_t nprof;              /* objects sampled by the heap profile (mprof.c), atomic */
	uint64_t allocbits[MALLOC_MAX_NELEMS / 64];
	uint64_t markbits[MALLOC_MAX_NELEMS / 64];
} Span;

#define NUM_SPAN_CLASSES (2 * MALLOC_NUM_CLASSES)

/* A P's allocation cache (Go's mcache), P.mcache; only its owner writes it. */
typedef struct MCache {
	Span *alloc[NUM_SPAN_CLASSES]; /* sizeclass*2+noscan */
	uintptr_t tiny, tinyoffset;
	intptr_t next_sample;          /* bytes to allocate before the next heap-profile sample */
	AO_t mallocs, total_alloc, tiny_allocs;  /* single writer, read atomically */
	AO_t by_size[MALLOC_NUM_CLASSES];
	struct MCache *link;           /* mheap_.caches */
} MCache;

typedef struct MHeap {
	uintptr_t arena, arena_end;
	uintptr_t arena_used;        /* written under the lock with a release store; span_of loads it
	                              * (acquire) without the lock, so lock-free readers need atomics */
	Span **spans;                /* one entry per arena page: the span holding it, or NULL */
	Span *free[129];             /* free runs by pages (128: longer) */
	Span *central[NUM_SPAN_CLASSES]; /* spans with free objects, swept */
	Span **allspans;
	uintptr_t nspans, capspans, sweepidx;
	uint32_t sweepgen;
	MCache *caches;              /* every cache (per P, and nopcache) */
	MCache nopcache;             /* threads without a P, under the lock */
	/* statistics, under the lock unless noted */
	uint64_t sys;                /* arena bytes in use by the heap (HeapSys) */
	uint64_t released;           /* HeapReleased */
	uint64_t inuse;              /* pages in in-use spans, in bytes (HeapInuse) */
	uint64_t frees, freed_bytes, large_allocs, large_bytes, large_frees;
	uint64_t by_size_frees[MALLOC_NUM_CLASSES];
	uint64_t nspanrec;           /* Span records alive (MSpanInuse, and their bits in GCSys) */
	uint64_t types_bytes;        /* the scan spans' Span.types arrays (GCSys) */
	uint64_t ncaches;            /* per-P caches made (MCacheInuse) */
	AO_t heap_live;              /* atomic: bytes allocated or reserved by caches since the last mark */
} MHeap;

extern MHeap mheap_;
extern uintptr_t malloc_zerobase;

/* Go's roundupsize: the size of the size class that a request of `size` bytes gets (go1.19 tables).
 * growslice uses it so cap() after append matches gc exactly. */
uintptr_t malloc_roundupsize(uintptr_t size);

/* Pointer-free memory for the runtime's own byte buffers (strings): never scanned. */
void *malloc_noscan(uintptr_t size, bool needzero);

/* MemStats.Mallocs and TotalAlloc, summed over the caches. */
void malloc_counts(uint64_t *mallocs, uint64_t *total_alloc);

/* mheap.c, all under heap_lock unless noted. */
void heap_lock(void);
void heap_unlock(void);
void heap_init(void);
/* Lock-free: arena_used only grows, and the page-table entries of a span a caller owns (it took the
 * span under the lock) do not change under it. */
static inline Span *span_of(uintptr_t p)
{
	if (p < mheap_.arena || p >= __atomic_load_n(&mheap_.arena_used, __ATOMIC_ACQUIRE))
		return NULL;
	return mheap_.spans[(p - mheap_.arena) >> MALLOC_PAGE_SHIFT];
}
Span *heap_alloc_span(uintptr_t npages, int sizeclass, bool noscan);
Span *central_get(int spc);          /* a swept span with a free object, for a cache */
void central_put(Span *s);           /* a cache gives a span back */
void heap_flush_cache(MCache *c);
void heap_start_cycle(void);       /* world stopped: finish sweeping, then every span unswept */
bool heap_sweep_one(void);           /* sweeps the next unswept span; false when none is left */
void heap_sweep_span(Span *s);
void heap_scavenge(bool all);        /* give free pages back to the OS */
void heap_verify(void);              /* throws on inconsistent bookkeeping (tests, gcstress) */
static inline bool span_bit(const uint64_t *b, uintptr_t i)
{
	return b[i >> 6] >> (i & 63) & 1;
}

/* mgc.c */
typedef struct GcStats {
	uint32_t numgc, numforced;
	bool forced_last;
	uint64_t pause_total, last_gc;
	uint64_t pause_ns[256], pause_end[256];
	uint64_t cpu_total;                  /* GC CPU ns since start (procs x pause: all of it is stopped) */
	double cpu_fraction;                 /* GCCPUFraction, as of the last cycle */
} GcStats;
extern GcStats gc_stats;             /* under the heap lock */
/* One cycle as mgc.c saw it, for the statistics and the gctrace line (mstats.c). Times are
 * sched_nanotime: start (stop the world asked), mark and markterm (marking began and ended), end. */
typedef struct GcCycle {
	uint64_t start, mark, markterm, end, wall_end;
	uint64_t heap0, heap2, goal;         /* heap_live at the start, marked bytes, the cycle's goal */
	bool forced;
} GcCycle;
void mstats_gc_done(const GcCycle *c); /* heap lock held, world stopped: record the cycle */
void mstats_gctrace(const GcCycle *c); /* after the world restarted: the GODEBUG=gctrace=1 line */
/* stack.c's goroutine stack memory (atomic adds): segment bytes in use (StackInuse), and bytes of
 * segments obtained from the OS, in use or kept free for reuse (StackSys). */
void mstats_stack(intptr_t inuse, intptr_t sys);
/* mprof.c: the heap profile (runtime.MemProfile) */
void mprof_malloc(MCache *c, uintptr_t p, uintptr_t size); /* sampled allocation; no lock held */
void mprof_free(uintptr_t p);        /* heap lock held: the sweeper freed profiled object p */
void mprof_cycle(void);              /* heap lock held, world stopped, sweep finished: a new cycle */
void mprof_flush(void);              /* runtime.GC's sweep is done: publish what it freed */
uint64_t mprof_buckhash_sys(void);   /* BuckHashSys */
uint64_t mprof_sampled(void);        /* sampled objects not yet freed (heap_verify: the spans' nprof) */
/* runtime.MemStats (stdlib/runtime/mstats.go), go1.19's layout. */
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
/* mstats.c for metrics.c: ReadMemStats' figures and, read with them, the counts behind the
 * runtime/metrics histograms; the GC pause histogram (go1.19's time histogram: MSTATS_TIME_BUCKETS
 * counts) */
typedef struct MstatsExtra {
	uint64_t tiny;                       /* combined tiny allocations */
	uint64_t class_allocs[MALLOC_NUM_CLASSES], class_frees[MALLOC_NUM_CLASSES];
	uint64_t large_allocs, large_frees;
} MstatsExtra;
#define MSTATS_TIME_BUCKETS (45 * 16)
void mstats_read(MemStats *m, MstatsExtra *x);
void mstats_pause_counts(uint64_t *counts);
void mstats_sched_latency(uint64_t ns);   /* proc.c: a measured runnable period (atomic) */
void mstats_latency_counts(uint64_t *counts);
void gc_full(void);                  /* runtime.GC: a cycle and its sweep */
bool gc_marked(uintptr_t p);         /* during marking: p's object is marked (or not in the heap) */
void gc_mark_root(uintptr_t p);      /* during marking: mark p's object and all it reaches */
void gc_mark_referents(uintptr_t p); /* during marking: mark what p's object reaches, not itself */
uintptr_t gc_tls_size(void);
/* Zeroes the 4 KiB of stack below the caller, so stale pointers in dead frames there are not roots
 * (needs a full segment's headroom: stack.c). */
void gc_clear_stack(void);
/* mfinal.c, called by the collector */
void fin_gc_roots(void);             /* world stopped: mark finalizer roots, queue the unreachable */
void fin_wake(void);                 /* after a cycle: run what was queued */
void gc_maybe_start(void);           /* the allocator passed the trigger: collect (mallocgc) */
bool gc_collect(bool forced);       /* false: not run (not on a goroutine; or no longer due) */
extern uint32_t gc_stress;           /* GODEBUG=goccgcstress=N: collect every N allocations */
uint64_t gc_next_goal(void);
void gc_retarget(void);
extern uint64_t gc_workbuf_bytes;    /* the collector's mark work buffers, libc memory (GCSys) */              /* GOGC or the memory limit changed: the goal again (gc's commit) */

/* mgcpacer.c */
int32_t gcpacer_percent(void);
uint64_t gcpacer_goal(uint64_t live);
int64_t gcpacer_memory_limit(void);

/* proc.c / stack.c for the collector */
typedef struct G G;
void sched_stop_the_world(void);
void sched_start_the_world(void);
void sched_gc_roots_ms(void (*scan)(uintptr_t lo, uintptr_t hi));
size_t sched_gc_allgs(G **buf, size_t cap);
void sched_gc_roots_g(G *gp, void (*scan)(uintptr_t lo, uintptr_t hi),
		      void (*scan_stack)(G *gp, uintptr_t sp), G *self, uintptr_t self_sp);
int32_t sched_gc_nprocs(void);
void stack_scan_segments(G *gp, uintptr_t sp, void (*scan)(uintptr_t lo, uintptr_t hi));

#endif
