/*
 * mstats.c: runtime.ReadMemStats and the GODEBUG=gctrace=1 line (Go's mstats.go and the trace in
 * mgc.go's gcMarkTermination), over the allocator's, the collector's and the stacks' counters.
 *
 * In: a *runtime.MemStats (stdlib/runtime/mstats.go, go1.19's layout: 5776 bytes); each finished
 * cycle from mgc.c (GcCycle); stack.c's segment counts (mstats_stack). Out: go1.19's meanings:
 *  - Heap: TotalAlloc counts size-class bytes (a large object its pages, a tiny block 16 bytes, a
 *    combined tiny object nothing: gc's accounting); Mallocs counts every request, Frees every freed
 *    object plus the combined tiny requests (so HeapObjects = Mallocs - Frees counts objects and
 *    tiny blocks, as in gc); HeapAlloc = Alloc = TotalAlloc - bytes freed by the sweeper (unswept
 *    garbage still counts, as in gc); HeapSys = the arena grown so far, HeapInuse the pages of in-use
 *    spans, HeapIdle the rest, HeapReleased the idle pages given back to the OS.
 *  - Stacks: StackInuse = goroutine stack segments in use (their whole size: address space, as gc
 *    counts whole stack spans), StackSys = those plus the segments kept free for reuse plus the OS
 *    threads' own stacks (each M's libc thread stack, sysmon's, the signal stacks: go1.19's
 *    "os-stacks", from proc.c and signal_linux.c).
 *  - Span records (mheap.c's Span, from libc): MSpanInuse = MSpanSys = the live records without
 *    their mark and alloc bits (libc keeps no span record free for us: what it retains is OtherSys).
 *  - Per-P caches: MCacheInuse = MCacheSys = the caches made (one per P ever used, never freed).
 *  - GCSys, the collector's metadata: the mark and alloc bits of every span record, the scan spans'
 *    per-object type arrays (gocc's heap bitmap), the mark stack (gc's work buffers) and the
 *    touched part of the page table.
 *  - BuckHashSys: the heap profile's buckets and hash table (mprof.c).
 *  - OtherSys: everything else the runtime holds off the heap: what libc obtained from the OS
 *    (mallinfo2: its arenas and mmapped chunks: G, M, P and Sudog records, the finalizer table, the
 *    itab table ...) minus what is counted above.
 *  - Sys = the sum of the *Sys fields, as go1.19 defines it.
 *  - NextGC the pacer's goal (GOGC=off: go1.19's memory-limit goal, MaxInt64 less the memory that
 *    is not heap and 1 MiB; the gctrace goal too); LastGC, NumGC, NumForcedGC, PauseTotalNs and the PauseNs/PauseEnd
 *    rings from the cycles; GCCPUFraction = GC CPU time / (GOMAXPROCS x time since start), with a
 *    cycle costing GOMAXPROCS x its pause (the mark runs with the world stopped), as of the last
 *    cycle (gc computes it at mark termination too); BySize are go1.19's first 61 size classes.
 *
 * The gctrace line is go1.19's, field for field: `gc N @T s P%: A+B+C ms clock, D+E/F/G+H ms cpu,
 * H0->H1->H2 MB, GOAL MB goal, S MB stacks, G MB globals, N P`, with gc's number formats
 * (fmtNSAsMS). The clock phases: stopping the world and finishing the last sweep (gc's sweep
 * termination), marking, and what follows (mark termination); cpu: the stopped phases cost every
 * P, the mark one marker (E, assists, and G, idle marking, are 0: there are none); H1 = H0 (nothing
 * is allocated while the world is stopped); stacks = StackInuse, globals = the data and bss scanned.
 *
 * Consistency: the counters are read under the heap lock, the caches' and stacks' counters
 * atomically, so a concurrent allocation may or may not be counted (gc stops the world for
 * ReadMemStats; here the figures are each whole and never go backwards). Sys is computed as the sum,
 * so the identity holds exactly.
 * Invariant: the struct below is go1.19's MemStats field for field; a static assertion checks its size.
 * Rejected: counting the unmapped rest of the arena and slab reservations (address space reserved,
 * never touched: gc does not count its reservations either); counting libc's whole heap as OtherSys
 * without subtracting (it would count span records twice).
 */
#include "malloc.h"

#include <stddef.h>
#include <string.h>
#include <time.h>

#include "print.h"
#include "scheduler.h"


intgo proc_GOMAXPROCS(void *ctx, intgo n);

/* glibc's <malloc.h>, which the runtime's own malloc.h shadows on the include path (glibc 2.33's
 * ABI: ten size_t counters). */
struct mallinfo2 {
	size_t arena, ordblks, smblks, hblks, hblkhd, usmblks, fsmblks, uordblks, fordblks, keepcost;
};
extern struct mallinfo2 mallinfo2(void);

static AO_t stack_inuse, stack_sys;
static uint64_t init_time; /* sched_nanotime at start-up (gc's runtimeInitTime) */

__attribute__((constructor)) static void mstats_init(void)
{
	init_time = (uint64_t)sched_nanotime();
}

void mstats_stack(intptr_t inuse, intptr_t sys)
{
	AO_fetch_and_add(&stack_inuse, (AO_t)inuse);
	AO_fetch_and_add(&stack_sys, (AO_t)sys);
}

/* A span record without its bits (those are the collector's: GCSys). */
#define SPAN_BITS (sizeof(((Span *)0)->allocbits) + sizeof(((Span *)0)->markbits))
#define SPAN_RECORD (sizeof(Span) - SPAN_BITS)

/* The off-heap areas, under the heap lock. */
static void offheap(MemStats *m)
{
	m->stack_inuse = AO_load(&stack_inuse);
	m->stack_sys = AO_load(&stack_sys);
	m->mspan_inuse = m->mspan_sys = mheap_.nspanrec * SPAN_RECORD;
	m->mcache_inuse = m->mcache_sys = mheap_.ncaches * sizeof(MCache);
	m->buckhash_sys = mprof_buckhash_sys();
	uint64_t pages = (mheap_.arena_used - mheap_.arena) >> MALLOC_PAGE_SHIFT;
	uint64_t table = (pages * sizeof(Span *) + 4095) & ~(uint64_t)4095;
	uint64_t workbufs = __atomic_load_n(&gc_workbuf_bytes, __ATOMIC_RELAXED);
	m->gc_sys = mheap_.nspanrec * SPAN_BITS + mheap_.types_bytes + table + workbufs;
	/* libc's share: the span records, caches, type arrays and buckets are counted above */
	struct mallinfo2 mi = mallinfo2();
	uint64_t libc = mi.arena + mi.hblkhd;
	uint64_t counted = mheap_.nspanrec * sizeof(Span) + m->mcache_sys + mheap_.types_bytes + workbufs +
			   m->buckhash_sys;
	m->other_sys = libc > counted ? libc - counted : 0; /* 0: a sanitizer's allocator, not libc's */
}

/* The goal as go1.19 reports it. GOGC=off and no memory limit: go1.19's heap goal is then its
 * memory-limit goal, the limit (MaxInt64) less the memory that is not heap and 1 MiB of headroom
 * (memoryLimitHeapGoal); gocc's collector, which never reaches either, reports the same figure. */
static uint64_t reported_goal(uint64_t goal, const MemStats *m)
{
	if (goal <= (uint64_t)INT64_MAX)
		return goal;
	uint64_t nonheap = m->sys - m->heap_idle - m->heap_alloc;
	return (uint64_t)INT64_MAX - nonheap - ((uint64_t)1 << 20);
}

void mstats_read(MemStats *m, MstatsExtra *x)
{
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
	m->heap_sys = mheap_.sys;
	m->heap_inuse = mheap_.inuse;
	m->heap_idle = mheap_.sys - mheap_.inuse;
	m->heap_released = mheap_.released;
	offheap(m);
	m->sys = m->heap_sys + m->stack_sys + m->mspan_sys + m->mcache_sys + m->buckhash_sys + m->gc_sys +
		 m->other_sys;
	m->next_gc = reported_goal(gc_next_goal(), m);
	m->last_gc = gc_stats.last_gc;
	m->pause_total_ns = gc_stats.pause_total;
	memcpy(m->pause_ns, gc_stats.pause_ns, sizeof m->pause_ns);
	memcpy(m->pause_end, gc_stats.pause_end, sizeof m->pause_end);
	m->num_gc = gc_stats.numgc;
	m->num_forced_gc = gc_stats.numforced;
	m->gc_cpu_fraction = gc_stats.cpu_fraction;
	for (int i = 0; i < 61; i++) {
		m->by_size[i].size = malloc_class_to_size[i];
		m->by_size[i].mallocs = by_size[i];
		m->by_size[i].frees = mheap_.by_size_frees[i];
	}
	if (x) {
		x->tiny = tiny;
		memcpy(x->class_allocs, by_size, sizeof by_size);
		memcpy(x->class_frees, mheap_.by_size_frees, sizeof x->class_frees);
		x->large_allocs = mheap_.large_allocs;
		x->large_frees = mheap_.large_frees;
	}
	heap_unlock();
	m->enable_gc = true;
}

GO_LINKNAME(mstats_readmemstats, "runtime.readmemstats");
static void readmemstats(void *m)
{
	mstats_read(m, NULL);
}

RUNTIME_API void mstats_readmemstats(void *ctx, MemStats *m)
{
	(void)ctx;
	systemstack(readmemstats, m); /* deep: not on a goroutine's small first stack segment */
}

/* go1.19's timeHistograms of the pauses (/gc/pauses:seconds) and of the scheduling latencies
 * (/sched/latencies:seconds): 45 super-buckets by the highest set bit of the duration in ns, 16
 * sub-buckets by the next 4 bits; counted atomically. */
static uint64_t pause_counts[MSTATS_TIME_BUCKETS], latency_counts[MSTATS_TIME_BUCKETS];

static void time_record(uint64_t *counts, uint64_t ns)
{
	unsigned super = 0, sub;
	if (ns >= 16) {
		super = 64 - (unsigned)__builtin_clzll(ns) - 4;
		if (super * 16 >= MSTATS_TIME_BUCKETS) {
			super = 45 - 1;
			sub = 16 - 1;
		} else {
			sub = (unsigned)((ns >> (super - 1)) % 16);
		}
	} else {
		sub = (unsigned)ns;
	}
	__atomic_fetch_add(&counts[super * 16 + sub], 1, __ATOMIC_RELAXED);
}

static void time_counts(uint64_t *to, const uint64_t *from)
{
	for (int i = 0; i < MSTATS_TIME_BUCKETS; i++)
		to[i] = __atomic_load_n(&from[i], __ATOMIC_RELAXED);
}

void mstats_pause_counts(uint64_t *counts)
{
	time_counts(counts, pause_counts);
}

void mstats_sched_latency(uint64_t ns)
{
	time_record(latency_counts, ns);
}

void mstats_latency_counts(uint64_t *counts)
{
	time_counts(counts, latency_counts);
}

static uint64_t walltime(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (uint64_t)ts.tv_sec * 1000000000 + (uint64_t)ts.tv_nsec;
}

static int32_t cycle_procs; /* GOMAXPROCS of the last cycle, for its trace line */

void mstats_gc_done(const GcCycle *c)
{
	/* GcCycle is written before the world restarts, so GOMAXPROCS cannot change under us; its lock
	 * (sched.lock) is never held by a thread that waits for the heap lock */
	int32_t procs = (int32_t)proc_GOMAXPROCS(NULL, 0);
	uint64_t now = (uint64_t)sched_nanotime();
	uint64_t pause = now - c->start;
	uint64_t wall = walltime();
	gc_stats.pause_ns[gc_stats.numgc % 256] = pause;
	gc_stats.pause_end[gc_stats.numgc % 256] = wall;
	gc_stats.numgc++;
	gc_stats.forced_last = c->forced;
	if (c->forced)
		gc_stats.numforced++;
	gc_stats.pause_total += pause;
	gc_stats.last_gc = wall;
	time_record(pause_counts, pause);
	gc_stats.cpu_total += (uint64_t)procs * pause;
	uint64_t elapsed = (now - init_time) * (uint64_t)procs;
	gc_stats.cpu_fraction = elapsed ? (double)gc_stats.cpu_total / (double)elapsed : 0;
	cycle_procs = procs;
	((GcCycle *)c)->end = now;
}

/* gc's itoaDiv: val / 10^dec with dec decimals, into the end of buf; returns the start. */
static char *itoa_div(char *end, uint64_t val, int dec)
{
	char *p = end;
	*--p = 0;
	int i = 0;
	do {
		*--p = (char)('0' + val % 10);
		val /= 10;
		if (++i == dec)
			*--p = '.';
	} while (val > 0 || i <= dec);
	return p;
}

/* gc's fmtNSAsMS: whole milliseconds from 10 ms up, else two significant digits, at most three
 * decimals. */
static void print_ms(uint64_t ns)
{
	char buf[32];
	if (ns >= 10000000) {
		print_cstr(itoa_div(buf + sizeof buf, ns / 1000000, 0));
		return;
	}
	uint64_t x = ns / 1000;
	if (x == 0) {
		print_cstr("0");
		return;
	}
	int dec = 3;
	for (; x >= 100; x /= 10)
		dec--;
	print_cstr(itoa_div(buf + sizeof buf, x, dec));
}

static MemStats trace_stats; /* the figures of an off goal; under the print lock */

void mstats_gctrace(const GcCycle *c)
{
	extern char __data_start[], _end[];
	char buf[32];
	uint64_t procs = (uint64_t)cycle_procs;
	uint64_t goal = c->goal;
	runtime_printlock();
	print_cstr("gc ");
	runtime_printuint(gc_stats.numgc);
	print_cstr(" @");
	print_cstr(itoa_div(buf + sizeof buf, (c->start - init_time) / 1000000, 3));
	print_cstr("s ");
	runtime_printint((intgo)(gc_stats.cpu_fraction * 100));
	print_cstr("%: ");
	print_ms(c->mark - c->start);
	print_cstr("+");
	print_ms(c->markterm - c->mark);
	print_cstr("+");
	print_ms(c->end - c->markterm);
	print_cstr(" ms clock, ");
	print_ms(procs * (c->mark - c->start));
	print_cstr("+0/");
	print_ms(c->markterm - c->mark);
	print_cstr("/0+");
	print_ms(procs * (c->end - c->markterm));
	print_cstr(" ms cpu, ");
	runtime_printuint(c->heap0 >> 20);
	print_cstr("->");
	runtime_printuint(c->heap0 >> 20);
	print_cstr("->");
	runtime_printuint(c->heap2 >> 20);
	print_cstr(" MB, ");
	if (goal > (uint64_t)INT64_MAX) {
		mstats_read(&trace_stats, NULL);
		goal = reported_goal(goal, &trace_stats);
	}
	runtime_printuint(goal >> 20);
	print_cstr(" MB goal, ");
	runtime_printuint(AO_load(&stack_inuse) >> 20);
	print_cstr(" MB stacks, ");
	runtime_printuint((uint64_t)(_end - __data_start) >> 20);
	print_cstr(" MB globals, ");
	runtime_printuint(procs);
	print_cstr(" P");
	if (c->forced)
		print_cstr(" (forced)");
	print_cstr("\n");
	runtime_printunlock();
}
