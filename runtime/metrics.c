/*
 * metrics.c: runtime/metrics.Read (Go's runtime/metrics.go: readMetrics), the runtime side of
 * go1.19's 33 metrics; the package itself (descriptions, Value, Float64Histogram) is go1.19's own.
 *
 * In: a []metrics.Sample (name, Value{kind, scalar, pointer}). Out: each sample's Value: the metric's
 * figure, or KindBad for a name go1.19 does not have. The one idea: the figures are
 * ReadMemStats' (mstats.c), read once per call, so the metrics that overlap MemStats agree with it
 * exactly as go1.19's do: the /memory/classes/ partition Sys (heap objects + unused + free +
 * released = HeapSys, heap/stacks = StackInuse, os-stacks = StackSys - StackInuse, the metadata
 * classes MSpan*, MCache* and GCSys, other = OtherSys, profiling/buckets = BuckHashSys, total =
 * Sys); the /gc/heap/ counts leave out the combined tiny objects (counted per 16-byte block, as
 * go1.19's), so allocs - frees = HeapObjects; /gc/cycles/ and /gc/heap/goal are NumGC,
 * NumForcedGC and NextGC. Histograms are go1.19's buckets: size classes + 1 (1 byte up, +Inf last,
 * large objects in the last count), and the time histogram (-Inf, then 45 x 16 buckets by the top 5
 * bits of the duration in ns, +Inf), filled in place when the sample already holds one of the
 * right size (as gc's float64HistOrInit).
 *
 * Figures of gocc's own: /gc/stack/starting-size is a goroutine's first stack segment (32 KiB,
 * stack.c); /gc/limiter/last-enabled is 0 (gocc has no GC CPU limiter: it never engaged);
 * /cgo/go-to-c-calls is 0 (no cgo). /sched/latencies is measured as go1.19 samples it (proc.c: one
 * runnable period in 8 per goroutine).
 * Invariant: a Float64Histogram's Buckets slice points at this file's constant tables, which no
 * collector frees (gc shares one table among its samples too).
 */
#include "malloc.h"

#include <string.h>

#include "scheduler.h"

intgo proc_GOMAXPROCS(void *ctx, intgo n);
intgo proc_NumGoroutine(void *ctx);


enum { VALUE_BAD, VALUE_UINT64, VALUE_FLOAT64, VALUE_HISTOGRAM }; /* metrics.ValueKind */

typedef struct {
	GoString name;
	intgo kind;
	uint64_t scalar;
	void *pointer;
} Sample;

typedef struct {
	GoSlice counts, buckets;
} Histogram;

/* Everything a call reads, once. */
typedef struct {
	MemStats m;
	MstatsExtra x;
} Snapshot;

static double size_buckets[MALLOC_NUM_CLASSES + 1];
static double time_buckets[MSTATS_TIME_BUCKETS + 2];

static void init_buckets(void)
{
	static bool done;
	if (__atomic_load_n(&done, __ATOMIC_ACQUIRE))
		return;
	size_buckets[0] = 1;
	for (int i = 1; i < MALLOC_NUM_CLASSES; i++)
		size_buckets[i] = (double)malloc_class_to_size[i] + 1;
	size_buckets[MALLOC_NUM_CLASSES] = __builtin_inf();
	time_buckets[0] = -__builtin_inf();
	for (int i = 0; i < 16; i++)
		time_buckets[i + 1] = (double)i / 1e9;
	for (int i = 0; i < 45 - 1; i++)
		for (int j = 0; j < 16; j++)
			time_buckets[(i + 1) * 16 + j + 1] =
				(double)(((uint64_t)1 << (i + 4)) | ((uint64_t)j << i)) / 1e9;
	time_buckets[MSTATS_TIME_BUCKETS + 1] = __builtin_inf();
	__atomic_store_n(&done, true, __ATOMIC_RELEASE);
}

/* The sample's histogram with buckets b (n of them) and n-1 zeroed counts (gc's float64HistOrInit). */
static uint64_t *histogram(Sample *s, double *b, intgo n)
{
	Histogram *h = s->kind == VALUE_HISTOGRAM ? s->pointer : NULL;
	if (h == NULL) {
		h = runtime_mallocgc(sizeof *h, NULL, true); /* scanned: it holds the counts */
		s->kind = VALUE_HISTOGRAM;
		s->pointer = h;
	}
	h->buckets = (GoSlice){b, n, n};
	if (h->counts.len != n - 1)
		h->counts = (GoSlice){malloc_noscan((uintptr_t)(n - 1) * sizeof(uint64_t), true), n - 1, n - 1};
	memset(h->counts.array, 0, (size_t)(n - 1) * sizeof(uint64_t));
	return h->counts.array;
}

static void set_uint(Sample *s, uint64_t v)
{
	s->kind = VALUE_UINT64;
	s->scalar = v;
	s->pointer = NULL;
}

static bool is(const Sample *s, const char *name)
{
	size_t n = strlen(name);
	return (size_t)s->name.len == n && memcmp(s->name.str, name, n) == 0;
}

static void by_size(Sample *s, const uint64_t *classes, uint64_t large)
{
	uint64_t *c = histogram(s, size_buckets, MALLOC_NUM_CLASSES + 1);
	for (int i = 1; i < MALLOC_NUM_CLASSES; i++)
		c[i - 1] = classes[i];
	c[MALLOC_NUM_CLASSES - 1] = large;
}

static void read_one(Sample *s, const Snapshot *z)
{
	const MemStats *m = &z->m;
	uint64_t objects = m->mallocs - z->x.tiny, frees = m->frees - z->x.tiny;
	if (is(s, "/cgo/go-to-c-calls:calls") || is(s, "/gc/limiter/last-enabled:gc-cycle"))
		set_uint(s, 0);
	else if (is(s, "/gc/cycles/automatic:gc-cycles"))
		set_uint(s, m->num_gc - m->num_forced_gc);
	else if (is(s, "/gc/cycles/forced:gc-cycles"))
		set_uint(s, m->num_forced_gc);
	else if (is(s, "/gc/cycles/total:gc-cycles"))
		set_uint(s, m->num_gc);
	else if (is(s, "/gc/heap/allocs-by-size:bytes"))
		by_size(s, z->x.class_allocs, z->x.large_allocs);
	else if (is(s, "/gc/heap/allocs:bytes"))
		set_uint(s, m->total_alloc);
	else if (is(s, "/gc/heap/allocs:objects"))
		set_uint(s, objects);
	else if (is(s, "/gc/heap/frees-by-size:bytes"))
		by_size(s, z->x.class_frees, z->x.large_frees);
	else if (is(s, "/gc/heap/frees:bytes"))
		set_uint(s, m->total_alloc - m->heap_alloc);
	else if (is(s, "/gc/heap/frees:objects"))
		set_uint(s, frees);
	else if (is(s, "/gc/heap/goal:bytes"))
		set_uint(s, m->next_gc);
	else if (is(s, "/gc/heap/objects:objects"))
		set_uint(s, objects - frees);
	else if (is(s, "/gc/heap/tiny/allocs:objects"))
		set_uint(s, z->x.tiny);
	else if (is(s, "/gc/pauses:seconds")) {
		uint64_t *c = histogram(s, time_buckets, MSTATS_TIME_BUCKETS + 2);
		mstats_pause_counts(c + 1); /* c[0]: negative durations, never */
	} else if (is(s, "/gc/stack/starting-size:bytes"))
		set_uint(s, 32 << 10);
	else if (is(s, "/memory/classes/heap/free:bytes"))
		set_uint(s, m->heap_idle - m->heap_released);
	else if (is(s, "/memory/classes/heap/objects:bytes"))
		set_uint(s, m->heap_alloc);
	else if (is(s, "/memory/classes/heap/released:bytes"))
		set_uint(s, m->heap_released);
	else if (is(s, "/memory/classes/heap/stacks:bytes"))
		set_uint(s, m->stack_inuse);
	else if (is(s, "/memory/classes/heap/unused:bytes"))
		set_uint(s, m->heap_inuse - m->heap_alloc);
	else if (is(s, "/memory/classes/metadata/mcache/free:bytes"))
		set_uint(s, m->mcache_sys - m->mcache_inuse);
	else if (is(s, "/memory/classes/metadata/mcache/inuse:bytes"))
		set_uint(s, m->mcache_inuse);
	else if (is(s, "/memory/classes/metadata/mspan/free:bytes"))
		set_uint(s, m->mspan_sys - m->mspan_inuse);
	else if (is(s, "/memory/classes/metadata/mspan/inuse:bytes"))
		set_uint(s, m->mspan_inuse);
	else if (is(s, "/memory/classes/metadata/other:bytes"))
		set_uint(s, m->gc_sys);
	else if (is(s, "/memory/classes/os-stacks:bytes"))
		set_uint(s, m->stack_sys - m->stack_inuse);
	else if (is(s, "/memory/classes/other:bytes"))
		set_uint(s, m->other_sys);
	else if (is(s, "/memory/classes/profiling/buckets:bytes"))
		set_uint(s, m->buckhash_sys);
	else if (is(s, "/memory/classes/total:bytes"))
		set_uint(s, m->sys);
	else if (is(s, "/sched/gomaxprocs:threads"))
		set_uint(s, (uint64_t)proc_GOMAXPROCS(NULL, 0));
	else if (is(s, "/sched/goroutines:goroutines"))
		set_uint(s, (uint64_t)proc_NumGoroutine(NULL));
	else if (is(s, "/sched/latencies:seconds")) {
		uint64_t *c = histogram(s, time_buckets, MSTATS_TIME_BUCKETS + 2);
		mstats_latency_counts(c + 1);
	}
	else {
		s->kind = VALUE_BAD;
		s->scalar = 0;
		s->pointer = NULL;
	}
}

GO_LINKNAME(metrics_readMetrics, "runtime/metrics.runtime_readMetrics");
typedef struct { Sample *samples; intgo len; } ReadArgs;

static void read_metrics(void *arg)
{
	ReadArgs *a = arg;
	init_buckets();
	Snapshot z;
	mstats_read(&z.m, &z.x);
	for (intgo i = 0; i < a->len; i++)
		read_one(&a->samples[i], &z);
}

RUNTIME_API void metrics_readMetrics(void *ctx, Sample *samples, intgo len, intgo cap)
{
	(void)ctx, (void)cap;
	ReadArgs a = {samples, len};
	stack_call_deep(read_metrics, &a); /* a 6 KiB snapshot: not on a small first stack segment */
}
