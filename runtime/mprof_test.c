/*
 * mprof_test.c: the heap profile's bookkeeping (mprof.c) without a scheduler or a collector:
 * samples recorded by hand on real heap objects, the cycle's stages moving them into what
 * runtime.MemProfile reports, frees counted against their bucket, and the n/ok protocol.
 */
#include "malloc.h"
#include "rt_test.h"

/* runtime.MemProfileRecord */
typedef struct {
	int64_t alloc_bytes, free_bytes, alloc_objects, free_objects;
	uintptr_t stack0[32];
} Rec;

intgo mprof_memProfile(void *ctx, Rec *p, intgo max, bool inuse_zero);

/* The totals over every record MemProfile gives (the test's call sites may make several stacks). */
static Rec totals(intgo *n)
{
	static Rec r[16];
	*n = mprof_memProfile(NULL, r, 16, true);
	cr_assert_leq(*n, 16);
	Rec t = {0};
	for (intgo i = 0; i < *n; i++) {
		t.alloc_bytes += r[i].alloc_bytes;
		t.free_bytes += r[i].free_bytes;
		t.alloc_objects += r[i].alloc_objects;
		t.free_objects += r[i].free_objects;
	}
	return t;
}

static void sample(MCache *c, void *p)
{
	mprof_malloc(c, (uintptr_t)p, 112);
}

Test(mprof, stages_frees_and_the_size_protocol)
{
	MCache c = {0};
	void *a = runtime_mallocgc(100, NULL, true), *b = runtime_mallocgc(100, NULL, true);
	void *d = runtime_mallocgc(100, NULL, true), *unsampled = runtime_mallocgc(100, NULL, true);
	sample(&c, a);
	sample(&c, b);
	cr_assert_geq(span_of((uintptr_t)a)->nprof, 1);

	/* no cycle published anything: MemProfile publishes everything (gc's rule) */
	intgo n;
	Rec t = totals(&n);
	cr_assert_eq(t.alloc_objects, 2);
	cr_assert_eq(t.alloc_bytes, 224);
	cr_assert_eq(t.free_objects, 0);

	/* a later sample waits for the cycle after it and that cycle's sweep */
	sample(&c, d);
	cr_assert_eq(totals(&n).alloc_objects, 2);
	heap_lock();
	mprof_cycle(); /* the mark: d's allocation now belongs to this cycle */
	heap_unlock();
	cr_assert_eq(totals(&n).alloc_objects, 2);
	heap_lock();
	mprof_free((uintptr_t)a); /* the sweep frees a */
	mprof_free((uintptr_t)unsampled);
	mprof_flush(); /* the sweep is done */
	heap_unlock();
	t = totals(&n);
	cr_assert_eq(t.alloc_objects, 3);
	cr_assert_eq(t.free_objects, 1);
	cr_assert_eq(t.free_bytes, 112);
	Span *s = span_of((uintptr_t)a);
	if (s == span_of((uintptr_t)b) && s == span_of((uintptr_t)d)) /* one span: b and d sampled */
		cr_assert_eq(s->nprof, 2);

	/* too small a slice: n, and nothing written */
	Rec one = {.alloc_objects = -1};
	cr_assert_eq(mprof_memProfile(NULL, &one, 0, true), n);
	cr_assert_eq(one.alloc_objects, -1);
	cr_assert_gt(mprof_buckhash_sys(), 0);
}
