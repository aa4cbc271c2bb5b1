/*
 * mprof.c: the heap profile (Go's mprof.go: mProf_Malloc, mProf_Free, MemProfile, buckets).
 *
 * In: sampled allocations from mallocgc (malloc.c: on average one per runtime.MemProfileRate bytes,
 * with the object's address and size class size), frees of sampled objects from the sweeper
 * (mheap.c), the collector's cycle boundaries (mgc.c). Out: runtime.MemProfile's records: per call
 * stack and size, the objects and bytes allocated and freed, with the stack's pcs as runtime.Callers
 * gives them (the first frame the Go function that allocated; the allocator's C frames are not in
 * the pc table and never appear).
 *
 * The one idea is gc's: a bucket per (stack, size) in a hash table, and a record of which bucket
 * each sampled object belongs to, found again when the sweeper frees the object (gc keeps it as a
 * special on the span; here an open-addressing table keyed by address, and Span.nprof counts a
 * span's sampled objects so that sweeping a span without any costs nothing). The profile is the
 * heap as of the last finished cycle, as gc's: counts move through three stages. Allocations since
 * the last mark are `cur`; at the next mark (mprof_cycle, world stopped, the previous sweep done)
 * they become `prev`, which also gathers the frees the sweep of that cycle makes; `prev` is
 * published into `active` (what MemProfile reads) when that sweep is finished: at the following
 * mark, or at once when runtime.GC swept everything (mprof_flush). So an object and its free show
 * together, and garbage the last cycle found is never shown as in use. As in gc, a profile that
 * has nothing published yet (no cycle ran) publishes everything when read.
 *
 * MemProfileRate defaults to 512 KiB only in a program that can read the profile, as in go1.19,
 * whose linker sets it to 0 when runtime.MemProfile is unreachable: the function behind MemProfile
 * refers to a marker in its own section, and --gc-sections with -z start-stop-gc keeps that section
 * (seen through __start_/__stop_ symbols, which do not keep it) exactly when MemProfile survives.
 *
 * Invariants: mprof_lock guards everything here; it is taken after the heap lock (the sweeper frees
 * under it), never before, and nothing here allocates from the Go heap. Memory comes from libc
 * (BuckHashSys counts it). A sampled object is in the address table until the sweeper frees it.
 * Rejected: gc's specials list per span (a sorted list per span for what is a rare record; a table
 * is simpler and the span's count keeps the sweeper's common case free); gc's three-slot cycle ring
 * (gocc's sweep is finished before the next mark starts, so two stages suffice).
 */
#include "malloc.h"

#include <stdlib.h>
#include <string.h>

#include "panic.h"
#include "scheduler.h"
#include "symtab.h"

enum { MAX_STACK = 32 }; /* MemProfileRecord.Stack0 */

typedef struct MemRecord {
	uint64_t allocs, frees, alloc_bytes, free_bytes;
} MemRecord;

typedef struct Bucket {
	struct Bucket *hnext, *allnext;
	uint64_t hash;
	uintptr_t size;
	intgo nstk;
	MemRecord active, prev, cur;
	uintptr_t stk[];
} Bucket;

/* runtime.MemProfileRecord */
typedef struct {
	int64_t alloc_bytes, free_bytes, alloc_objects, free_objects;
	uintptr_t stack0[MAX_STACK];
} MemProfileRecord;

/* Sampled objects: address -> bucket (addr 0 empty, 1 deleted). */
typedef struct {
	uintptr_t addr;
	Bucket *b;
} Sampled;

static RtLock mprof_lock;
static struct {
	Bucket **tab;
	uintptr_t cap, n;
	Bucket *all;
	uint64_t bytes; /* buckets and tables: BuckHashSys */
} buckets;
static struct {
	Sampled *slot;
	uintptr_t cap, used; /* used counts live and deleted slots */
	uintptr_t live;
} objs;

static void *xcalloc(uintptr_t n, uintptr_t size)
{
	void *p = calloc(n, size);
	if (!p)
		panic_throw("runtime: out of memory (heap profile)");
	buckets.bytes += n * size;
	return p;
}

static void xfree(void *p, uintptr_t bytes)
{
	buckets.bytes -= bytes;
	free(p);
}

static uint64_t hash_stack(const uintptr_t *stk, intgo n, uintptr_t size)
{
	uint64_t h = 0xcbf29ce484222325u ^ size;
	for (intgo i = 0; i < n; i++)
		h = (h ^ stk[i]) * 0x100000001b3u;
	return h ^ h >> 29;
}

static Bucket *bucket_find(const uintptr_t *stk, intgo n, uintptr_t size)
{
	uint64_t h = hash_stack(stk, n, size);
	if (buckets.cap) {
		for (Bucket *b = buckets.tab[h & (buckets.cap - 1)]; b; b = b->hnext)
			if (b->hash == h && b->size == size && b->nstk == n &&
			    memcmp(b->stk, stk, (size_t)n * sizeof *stk) == 0)
				return b;
	}
	if (2 * (buckets.n + 1) > buckets.cap) {
		uintptr_t cap = buckets.cap ? 2 * buckets.cap : 1024;
		Bucket **tab = xcalloc(cap, sizeof *tab);
		for (Bucket *b = buckets.all; b; b = b->allnext) {
			b->hnext = tab[b->hash & (cap - 1)];
			tab[b->hash & (cap - 1)] = b;
		}
		if (buckets.tab)
			xfree(buckets.tab, buckets.cap * sizeof *tab);
		buckets.tab = tab;
		buckets.cap = cap;
	}
	Bucket *b = xcalloc(1, sizeof(Bucket) + (size_t)n * sizeof *stk);
	b->hash = h;
	b->size = size;
	b->nstk = n;
	memcpy(b->stk, stk, (size_t)n * sizeof *stk);
	b->hnext = buckets.tab[h & (buckets.cap - 1)];
	buckets.tab[h & (buckets.cap - 1)] = b;
	b->allnext = buckets.all;
	buckets.all = b;
	buckets.n++;
	return b;
}

static uintptr_t obj_hash(uintptr_t p)
{
	return (p >> 3) * 0x9E3779B97F4A7C15u;
}

static void obj_put(uintptr_t p, Bucket *b)
{
	if (2 * (objs.used + 1) > objs.cap) {
		Sampled *old = objs.slot;
		uintptr_t n = objs.cap;
		objs.cap = n ? 2 * n : 1024;
		objs.slot = xcalloc(objs.cap, sizeof(Sampled));
		objs.used = 0;
		for (uintptr_t i = 0; i < n; i++)
			if (old[i].addr > 1)
				obj_put(old[i].addr, old[i].b);
		if (old)
			xfree(old, n * sizeof(Sampled));
	}
	uintptr_t i = obj_hash(p) & (objs.cap - 1);
	while (objs.slot[i].addr > 1)
		i = (i + 1) & (objs.cap - 1);
	if (objs.slot[i].addr == 0)
		objs.used++;
	objs.slot[i] = (Sampled){p, b};
}

/* Removes p's entry; its bucket, or NULL. */
static Bucket *obj_take(uintptr_t p)
{
	if (objs.cap == 0)
		return NULL;
	for (uintptr_t i = obj_hash(p) & (objs.cap - 1); objs.slot[i].addr != 0; i = (i + 1) & (objs.cap - 1))
		if (objs.slot[i].addr == p) {
			objs.slot[i].addr = 1;
			return objs.slot[i].b;
		}
	return NULL;
}

/* log2 of q >= 1, to about 1e-5 (gc's fastlog2 is a table approximation too; no libm in the
 * runtime's unit tests): the exponent, then ln(m) = 2 atanh((m-1)/(m+1)) for the mantissa m. */
static double log2_approx(uint32_t q)
{
	int e = 31 - __builtin_clz(q);
	double m = (double)q / (double)(1u << e);
	double y = (m - 1) / (m + 1), y2 = y * y;
	double ln = 2 * y * (1 + y2 * (1.0 / 3 + y2 * (1.0 / 5 + y2 * (1.0 / 7))));
	return e + ln * 1.4426950408889634;
}

/* go1.19's fastexprand: a draw from the exponential distribution of mean `mean`. */
static intptr_t next_sample(intgo rate)
{
	if (rate <= 1) /* 1: every allocation is sampled; 0: none (gc's fastexprand(0) is 0 too) */
		return 0;
	if (rate > 0x7000000)
		rate = 0x7000000;
	enum { RANDOM_BITS = 26 };
	double qlog = log2_approx(sched_fastrandn(1u << RANDOM_BITS) + 1) - RANDOM_BITS;
	if (qlog > 0)
		qlog = 0;
	return (intptr_t)(int32_t)(qlog * (-0.6931471805599453 * (double)rate)) + 1;
}

extern intgo memprofile_rate __asm__("runtime.MemProfileRate") __attribute__((weak));

typedef struct { void **fp; MCache *c; uintptr_t p, size; } Sample;
static void record_malloc(void *arg);

__attribute__((noinline)) void mprof_malloc(MCache *c, uintptr_t p, uintptr_t size)
{
	Sample a = {__builtin_frame_address(0), c, p, size};
	systemstack(record_malloc, &a); /* the stack walk is deep: not on a small first stack segment */
	__asm__ volatile("" ::: "memory"); /* no tail call: this frame is the walk's start */
}

static void record_malloc(void *arg)
{
	Sample *a = arg;
	MCache *c = a->c;
	uintptr_t p = a->p, size = a->size;
	c->next_sample = next_sample(&memprofile_rate ? __atomic_load_n(&memprofile_rate, __ATOMIC_RELAXED) : 0);
	uintptr_t stk[MAX_STACK];
	intgo n = symtab_logical_callers(a->fp, 0, stk, MAX_STACK);
	lock_acquire(&mprof_lock);
	Bucket *b = bucket_find(stk, n, size);
	b->cur.allocs++;
	b->cur.alloc_bytes += size;
	obj_put(p, b);
	objs.live++;
	lock_release(&mprof_lock);
	Span *s = span_of(p);
	__atomic_fetch_add(&s->nprof, 1, __ATOMIC_RELAXED);
}

void mprof_free(uintptr_t p)
{
	lock_acquire(&mprof_lock);
	Bucket *b = obj_take(p);
	if (b) {
		objs.live--;
		b->prev.frees++;
		b->prev.free_bytes += b->size;
		__atomic_fetch_sub(&span_of(p)->nprof, 1, __ATOMIC_RELAXED);
	}
	lock_release(&mprof_lock);
}

static void add(MemRecord *to, MemRecord *from)
{
	to->allocs += from->allocs;
	to->frees += from->frees;
	to->alloc_bytes += from->alloc_bytes;
	to->free_bytes += from->free_bytes;
	*from = (MemRecord){0};
}

static void flush_locked(void)
{
	for (Bucket *b = buckets.all; b; b = b->allnext)
		add(&b->active, &b->prev);
}

void mprof_flush(void)
{
	lock_acquire(&mprof_lock);
	flush_locked();
	lock_release(&mprof_lock);
}

void mprof_cycle(void)
{
	lock_acquire(&mprof_lock);
	flush_locked();
	for (Bucket *b = buckets.all; b; b = b->allnext)
		add(&b->prev, &b->cur);
	lock_release(&mprof_lock);
}

uint64_t mprof_sampled(void)
{
	lock_acquire(&mprof_lock);
	uint64_t n = objs.live;
	lock_release(&mprof_lock);
	return n;
}

uint64_t mprof_buckhash_sys(void)
{
	lock_acquire(&mprof_lock);
	uint64_t n = buckets.bytes;
	lock_release(&mprof_lock);
	return n;
}

static bool wanted(const Bucket *b, bool inuse_zero)
{
	return inuse_zero || b->active.alloc_bytes != b->active.free_bytes;
}

/* Present in the executable exactly when runtime.MemProfile is (see the essay). */
static const char memprofile_marker __attribute__((section("gocc_memprofile"))) = 1;
extern const char __start_gocc_memprofile[] __attribute__((weak, visibility("hidden")));
extern const char __stop_gocc_memprofile[] __attribute__((weak, visibility("hidden")));

/* runtime.memProfile (stdlib/runtime/mprof.go): MemProfile's records into p when all fit (n <= max),
 * and n. */
GO_LINKNAME(mprof_memProfile, "runtime.memProfile");
RUNTIME_API intgo mprof_memProfile(void *ctx, MemProfileRecord *p, intgo max, bool inuse_zero)
{
	(void)ctx;
	__asm__ volatile("" ::"r"(&memprofile_marker));
	lock_acquire(&mprof_lock);
	intgo n = 0;
	bool clear = true;
	for (Bucket *b = buckets.all; b; b = b->allnext) {
		n += wanted(b, inuse_zero);
		if (b->active.allocs || b->active.frees)
			clear = false;
	}
	if (clear) { /* no cycle published anything yet: everything, as gc does */
		n = 0;
		for (Bucket *b = buckets.all; b; b = b->allnext) {
			add(&b->active, &b->prev);
			add(&b->active, &b->cur);
			n += wanted(b, inuse_zero);
		}
	}
	if (n <= max) {
		for (Bucket *b = buckets.all; b; b = b->allnext) {
			if (!wanted(b, inuse_zero))
				continue;
			MemProfileRecord *r = p++;
			r->alloc_bytes = (int64_t)b->active.alloc_bytes;
			r->free_bytes = (int64_t)b->active.free_bytes;
			r->alloc_objects = (int64_t)b->active.allocs;
			r->free_objects = (int64_t)b->active.frees;
			memset(r->stack0, 0, sizeof r->stack0);
			memcpy(r->stack0, b->stk, (size_t)b->nstk * sizeof *b->stk);
		}
	}
	lock_release(&mprof_lock);
	return n;
}

/* runtime.defaultMemProfileRate: v where MemProfile can be called, else 0 (go1.19's linker rule). */
GO_LINKNAME(mprof_defaultMemProfileRate, "runtime.defaultMemProfileRate");
RUNTIME_API intgo mprof_defaultMemProfileRate(void *ctx, intgo v)
{
	(void)ctx;
	return (uintptr_t)__stop_gocc_memprofile > (uintptr_t)__start_gocc_memprofile ? v : 0;
}
