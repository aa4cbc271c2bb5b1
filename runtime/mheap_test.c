/*
 * mheap_test.c: the allocator's tables and bookkeeping (malloc.c, mheap.c) and the pacer's arithmetic
 * (mgcpacer.c), without a scheduler: the test thread has no P, so it allocates through the heap
 * lock's shared cache, and no collection runs.
 */
#include "malloc.h"
#include "rt_test.h"

#include <string.h>

static const GoType t_ptrs = {.size = 24, .ptrdata = 16, .align = 8, .kind = KIND_STRUCT,
			      .gcdata = (void *)"\x03", .string = GOSTR("main.T")};

/* go1.19's roundupsize: the smallest class at least the size, for every small size. */
Test(mheap, size_class_lookup_matches_the_table)
{
	for (uintptr_t size = 1; size <= MALLOC_MAX_SMALL_SIZE; size++) {
		int c = malloc_size_class(size);
		cr_assert(c >= 1 && c < MALLOC_NUM_CLASSES, "size %lu: class %d", size, c);
		cr_assert_geq(malloc_class_to_size[c], size, "size %lu", size);
		cr_assert_lt(malloc_class_to_size[c - 1], size, "size %lu: class %d not the smallest", size, c);
	}
	cr_assert_eq(malloc_roundupsize(33), 48);
	cr_assert_eq(malloc_roundupsize(32769), 40960);
	cr_assert_eq(malloc_class_to_size[67], 32768);
	cr_assert_eq(malloc_class_to_npages[67], 4);
}

/* Every byte of an object maps to its span and, by one division, to the object's start. */
Test(mheap, interior_pointers_find_their_object)
{
	uint8_t *objs[50];
	for (int i = 0; i < 50; i++)
		objs[i] = runtime_mallocgc(100, &t_ptrs, true); /* class 112, typed */
	for (int i = 0; i < 50; i++) {
		Span *s = span_of((uintptr_t)objs[i]);
		cr_assert_not_null(s);
		cr_assert_eq(s->elemsize, 112);
		cr_assert_eq(s->noscan, false);
		for (uintptr_t off = 0; off < 112; off++) {
			uintptr_t p = (uintptr_t)objs[i] + off;
			Span *t = span_of(p);
			cr_assert_eq(t, s);
			uintptr_t idx = (p - t->base) / t->elemsize;
			cr_assert_eq(t->base + idx * t->elemsize, (uintptr_t)objs[i]);
			cr_assert(span_bit(t->allocbits, idx));
			cr_assert_eq(t->types[idx], &t_ptrs);
		}
	}
	uint8_t *big = runtime_mallocgc(100000, NULL, true);
	cr_assert_eq(span_of((uintptr_t)big + 99999)->base, (uintptr_t)big);
	cr_assert_eq(span_of((uintptr_t)big)->largetype, MALLOC_CONSERVATIVE);
	cr_assert_null(span_of(0x1000));
}

/* Pointer-free requests go to noscan spans; tiny ones share 16-byte blocks. */
Test(mheap, noscan_and_tiny)
{
	uint8_t *a = malloc_noscan(4, true), *b = malloc_noscan(4, true);
	cr_assert_eq(span_of((uintptr_t)a)->noscan, true);
	cr_assert_eq(span_of((uintptr_t)a)->elemsize, 16);
	cr_assert_eq((uintptr_t)a / 16, (uintptr_t)b / 16, "two 4-byte objects share a tiny block");
	uint8_t *c = runtime_mallocgc(4, NULL, true);
	cr_assert_eq(span_of((uintptr_t)c)->noscan, false, "untyped runtime memory is scanned");
}

/* Spans: carved, counted, freed and merged back, the page table consistent throughout. */
Test(mheap, span_bookkeeping)
{
	runtime_mallocgc(8, NULL, true); /* the heap exists */
	heap_lock();
	heap_verify();
	uint64_t inuse = mheap_.inuse;
	Span *a = heap_alloc_span(3, 0, true);
	Span *b = heap_alloc_span(5, 0, true);
	cr_assert_eq(mheap_.inuse, inuse + 8 * MALLOC_PAGE_SIZE);
	for (uintptr_t k = 0; k < 5; k++)
		cr_assert_eq(span_of(b->base + k * MALLOC_PAGE_SIZE + 17), b);
	a->allocbits[0] = b->allocbits[0] = 1; /* one large object each, then neither marked: */
	a->nalloc = b->nalloc = 1;
	uint64_t frees = mheap_.frees;
	mheap_.sweepgen += 2; /* as a cycle does: both unswept, mark bits clear */
	heap_sweep_span(a);
	heap_sweep_span(b);
	cr_assert_eq(mheap_.frees, frees + 2);
	cr_assert_eq(mheap_.inuse, inuse);
	heap_verify();
	heap_scavenge(true);
	cr_assert_geq(mheap_.released, 8 * MALLOC_PAGE_SIZE);
	heap_verify();
	heap_unlock();
}

/* A small span: freed objects are the allocated ones left unmarked; the span returns to its class's
 * partial list and the next allocations reuse the slots. */
Test(mheap, sweep_frees_unmarked_objects)
{
	runtime_mallocgc(8, NULL, true); /* the heap exists */
	heap_lock();
	Span *s = heap_alloc_span(1, 4, false); /* class 4: 32 bytes, 256 objects */
	cr_assert_eq(s->nelems, 256);
	for (int i = 0; i < 10; i++)
		s->allocbits[0] |= (uint64_t)1 << i;
	s->nalloc = 10;
	mheap_.sweepgen += 2;
	s->markbits[0] = 0x5; /* objects 0 and 2 survive */
	heap_sweep_span(s);
	cr_assert_eq(s->nalloc, 2);
	cr_assert_eq(s->allocbits[0], 0x5);
	cr_assert_eq(s->markbits[0], 0);
	cr_assert(s->incentral);
	Span *got = central_get(4 * 2 + 0);
	cr_assert_eq(got, s);
	heap_verify();
	heap_unlock();
}

/* goal = live x (1 + GOGC/100), at least 4 MiB x GOGC/100 and live + 512 KiB; a memory limit
 * lowers it, not below live + 1/16 + 1 MiB. */
Test(mheap, pacer_arithmetic)
{
	cr_assert_eq(gcpacer_percent(), 100);
	cr_assert_eq(gcpacer_goal(0), 4u << 20);
	cr_assert_eq(gcpacer_goal(1u << 20), 4u << 20);
	cr_assert_eq(gcpacer_goal(10u << 20), 20u << 20);
	extern int32_t mgcpacer_setGCPercent(void *, int32_t);
	extern int64_t mgcpacer_setMemoryLimit(void *, int64_t);
	cr_assert_eq(mgcpacer_setGCPercent(NULL, 50), 100);
	cr_assert_eq(gcpacer_goal(10u << 20), 15u << 20);
	cr_assert_eq(gcpacer_goal(0), 2u << 20);
	mgcpacer_setMemoryLimit(NULL, 12 << 20);
	cr_assert_eq(gcpacer_goal(10u << 20), 12u << 20);
	cr_assert_eq(gcpacer_goal(100u << 20), (100u << 20) + (100u << 20) / 16 + (1u << 20));
	mgcpacer_setMemoryLimit(NULL, INT64_MAX);
	mgcpacer_setGCPercent(NULL, 1);
	cr_assert_eq(gcpacer_goal(0), 512u << 10, "at least 512 KiB of runway");
	cr_assert_eq(gcpacer_goal(100u << 20), (100u << 20) + (1u << 20));
	mgcpacer_setMemoryLimit(NULL, 12 << 20);
	mgcpacer_setGCPercent(NULL, -1);
	cr_assert_eq(gcpacer_goal(10u << 20), 12u << 20);
	mgcpacer_setMemoryLimit(NULL, INT64_MAX);
	cr_assert_eq(gcpacer_goal(10u << 20), UINT64_MAX);
	mgcpacer_setGCPercent(NULL, 100);
}
