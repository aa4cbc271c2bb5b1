/*
 * malloc_test.c: the allocation chokepoint and make([]T, len, cap).
 *
 * makeslice's messages are go1.19's (reference/panics-and-messages.md §2): `make([]int, n)` with
 * n = -1, `make([]int, 5, 3)`, `make([]byte, 1<<62)` -> len out of range (not cap: Go blames the
 * length the user wrote when the capacity is implicit).
 */
#include "malloc.h"
#include "panic.h"
#include "rt_test.h"

#include <pthread.h>

static const GoType t_int = {.size = 8, .align = 8, .kind = KIND_INT, .string = GOSTR("int")};
static const GoType t_byte = {.size = 1, .align = 1, .kind = KIND_UINT8, .string = GOSTR("uint8")};
static const GoType t_pair = {.size = 16, .ptrdata = 8, .align = 8, .kind = KIND_STRUCT,
			      .string = GOSTR("main.pair")};

Test(malloc, alignment_and_zeroing)
{
	for (uintptr_t size = 1; size < 200; size++) {
		uint8_t *p = runtime_mallocgc(size, NULL, true);
		/* Go's guarantee: 8 bytes; 16 when the size class is a multiple of 16 */
		uintptr_t align = malloc_roundupsize(size) % 16 == 0 ? 16 : 8;
		cr_assert_eq((uintptr_t)p % align, 0, "size %lu at %p", size, (void *)p);
		for (uintptr_t i = 0; i < size; i++)
			cr_assert_eq(p[i], 0);
		memset(p, 0xff, size);
	}
}

Test(malloc, zero_size_is_zerobase)
{
	cr_assert_eq(runtime_mallocgc(0, NULL, true), &malloc_zerobase);
	cr_assert_eq(runtime_makeslice(&t_int, 0, 0), &malloc_zerobase);
}

Test(malloc, counters)
{
	uint64_t mallocs, total, mallocs2, total2;
	malloc_counts(&mallocs, &total);
	runtime_mallocgc(24, NULL, true);
	runtime_newobject(&t_pair);
	runtime_mallocgc(0, NULL, true);
	malloc_counts(&mallocs2, &total2);
	cr_assert_eq(mallocs2, mallocs + 2);
	cr_assert_eq(total2, total + 24 + 16);
	cr_assert_geq(mheap_.sys, 1u << 20);
}

Test(malloc, large_objects_get_their_own_span)
{
	uint64_t large = mheap_.large_allocs;
	uintptr_t size = (uintptr_t)3 << 20;
	uint8_t *p = runtime_mallocgc(size, NULL, true);
	cr_assert_eq(mheap_.large_allocs, large + 1);
	Span *s = span_of((uintptr_t)p + size - 1);
	cr_assert_eq(s, span_of((uintptr_t)p));
	cr_assert_eq(s->base, (uintptr_t)p);
	cr_assert_eq(s->npages, size / MALLOC_PAGE_SIZE);
	cr_assert_eq(s->sizeclass, 0);
	cr_assert_eq(p[0], 0);
	cr_assert_eq(p[size - 1], 0);
	p[size - 1] = 1;
	/* small allocations come from other spans */
	uint8_t *q = runtime_mallocgc(32, NULL, true);
	cr_assert(q < p || q >= p + size);
}

Test(malloc, many_chunks)
{
	/* 200 MiB in 100 KiB objects crosses several 64 MiB chunks */
	uint8_t *prev = NULL;
	for (int i = 0; i < 2000; i++) {
		uint8_t *p = runtime_mallocgc(100 << 10, NULL, true);
		cr_assert_eq(p[0], 0);
		cr_assert_eq(p[(100 << 10) - 1], 0);
		p[0] = 1;
		p[(100 << 10) - 1] = 1;
		cr_assert_neq(p, prev);
		prev = p;
	}
}

Test(malloc, makeslice_allocates_cap_elements)
{
	intgo *p = runtime_makeslice(&t_int, 3, 10);
	for (int i = 0; i < 10; i++)
		cr_assert_eq(p[i], 0);
	uint8_t *b = runtime_makeslice(&t_byte, 5, 5);
	cr_assert_not_null(b);
}

typedef struct MakeArgs {
	const GoType *t;
	intgo len, cap;
} MakeArgs;

static void do_makeslice(void *arg)
{
	MakeArgs *a = arg;
	runtime_makeslice(a->t, a->len, a->cap);
}

#define LEN_MSG "panic: runtime error: makeslice: len out of range\n\ngoroutine 1 [running]:\n"
#define CAP_MSG "panic: runtime error: makeslice: cap out of range\n\ngoroutine 1 [running]:\n"

Test(malloc, makeslice_errors_match_go119)
{
	static Captured c;
	static const struct {
		MakeArgs args;
		const char *want;
	} cases[] = {
		{{&t_int, -1, -1}, LEN_MSG},                       /* make([]int, n), n = -1 */
		{{&t_int, 5, 3}, CAP_MSG},                         /* make([]int, 5, 3) */
		{{&t_byte, (intgo)1 << 62, (intgo)1 << 62}, LEN_MSG}, /* make([]byte, 1<<62) */
		{{&t_int, (intgo)1 << 61, (intgo)1 << 61}, LEN_MSG},  /* size overflows */
		{{&t_int, 5, (intgo)1 << 61}, CAP_MSG},            /* only the explicit cap is too big */
		{{&t_int, -1, 5}, LEN_MSG},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		MakeArgs a = cases[i].args;
		rt_capture(do_makeslice, &a, &c);
		cr_expect_eq(c.exit_code, 2, "case %zu", i);
		cr_expect_str_eq(c.out, cases[i].want, "case %zu", i);
	}
}

static void huge_alloc(void *arg)
{
	(void)arg;
	runtime_makeslice(&t_byte, ((intgo)1 << 48) - 4096, ((intgo)1 << 48) - 4096);
}

Test(malloc, out_of_memory_is_fatal)
{
	static Captured c;
	rt_capture(huge_alloc, NULL, &c);
	rt_assert_output(&c, 2, "fatal error: runtime: out of memory\n\ngoroutine 1 [running]:\n");
}

Test(malloc, memmove_memequal)
{
	char a[8] = "abcdefg", b[8] = "abcdefg";
	cr_assert(runtime_memequal(a, b, 8));
	cr_assert(runtime_memequal(NULL, NULL, 0));
	b[6] = 'x';
	cr_assert(!runtime_memequal(a, b, 8));
	runtime_memmove(a + 1, a, 5); /* overlapping */
	cr_assert_str_eq(a, "aabcdeg");
}

/* Several threads allocate at once (threads without a P share the heap lock's cache; the runtime's code must work on
 * any thread): every object is fresh zeroed memory owned by its thread alone, none overlaps another
 * (each thread stamps its objects and checks the stamps afterwards), and the counters add up. */
enum { HAMMER_THREADS = 8, HAMMER_OBJECTS = 20000 };

static void *hammer_alloc(void *arg)
{
	uintptr_t id = (uintptr_t)arg;
	static _Thread_local uint64_t *objs[HAMMER_OBJECTS];
	for (int i = 0; i < HAMMER_OBJECTS; i++) {
		uintptr_t size = 8 + (uintptr_t)(i % 5) * 8;
		if (i % 1000 == 999)
			size = (uintptr_t)2 << 20; /* now and then a large object */
		uint64_t *p = runtime_mallocgc(size, NULL, true);
		for (uintptr_t w = 0; w < size / 8; w++)
			if (p[w] != 0)
				return (void *)1;
		p[0] = id << 32 | (uint64_t)i;
		p[size / 8 - 1] = id << 32 | (uint64_t)i;
		objs[i] = p;
	}
	for (int i = 0; i < HAMMER_OBJECTS; i++)
		if (objs[i][0] != (id << 32 | (uint64_t)i))
			return (void *)2;
	return NULL;
}

Test(malloc, threads_allocate_at_once)
{
	uint64_t mallocs, total, mallocs2, total2;
	malloc_counts(&mallocs, &total);
	pthread_t th[HAMMER_THREADS];
	for (uintptr_t t = 0; t < HAMMER_THREADS; t++)
		cr_assert_eq(pthread_create(&th[t], NULL, hammer_alloc, (void *)(t + 1)), 0);
	for (int t = 0; t < HAMMER_THREADS; t++) {
		void *ret;
		pthread_join(th[t], &ret);
		cr_expect_null(ret, "thread %d: %s", t, ret == (void *)1 ? "memory not zero" : "object overwritten");
	}
	malloc_counts(&mallocs2, &total2);
	cr_assert_eq(mallocs2 - mallocs, (uint64_t)HAMMER_THREADS * HAMMER_OBJECTS);
	uint64_t bytes = 0;
	for (int i = 0; i < HAMMER_OBJECTS; i++)
		bytes += i % 1000 == 999 ? (uint64_t)2 << 20 : malloc_roundupsize(8 + (uint64_t)(i % 5) * 8);
	cr_assert_eq(total2 - total, HAMMER_THREADS * bytes);
}
