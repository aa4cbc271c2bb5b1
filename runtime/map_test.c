/*
 * map_test.c: the map (map.c) through its runtime.def entry points, as compiled code will call it.
 *
 * Every key kind Go allows (int64, int32, string, float64 with NaN and ±0, interfaces, structs with
 * blank fields, arrays), nil maps, the iteration rules under deletion, insertion, growth and clear,
 * and a randomised model test: thousands of random operations against a plain array indexed by key,
 * checking len, lookups and a full iteration after every step. Panic texts are go1.19's (observed:
 * `var m map[string]int; m["a"] = 1` prints `panic: assignment to entry in nil map`;
 * m[[]int{1}] = 1 on a map[interface{}]int prints `panic: runtime error: hash of unhashable type
 * []int`).
 */
#include <math.h>
#include <stdio.h>

#include "alg.h"
#include "map.h"
#include "rt_test.h"

#define TAIL "\ngoroutine 1 [running]:\n"

/* ---- descriptors, as the compiler emits them ---- */

#define ALG(eq, h) .equal = (void *)runtime_##eq, .hashfn = (void *)runtime_##h
static const uint8_t ptr_word0[] = {1}, ptr_words01[] = {3};
static const GoType t_int64 = {.size = 8, .align = 8, .kind = KIND_INT64, ALG(memequal_t, memhash_t)};
static const GoType t_int32 = {.size = 4, .align = 4, .kind = KIND_INT32, ALG(memequal_t, memhash_t)};
static const GoType t_string = {.size = 16, .align = 8, .kind = KIND_STRING, .ptrdata = 8,
				.gcdata = (void *)ptr_word0, ALG(strequal, strhash)};
static const GoType t_f64 = {.size = 8, .align = 8, .kind = KIND_FLOAT64, ALG(f64equal, f64hash)};
static const GoType t_eface = {.size = 16, .align = 8, .kind = KIND_INTERFACE, .ptrdata = 16,
			       .gcdata = (void *)ptr_words01, ALG(nilinterequal, nilinterhash)};
static const GoType t_slice = {.size = 24, .kind = KIND_SLICE, .string = GOSTR("[]int")};
static const GoType t_big = {.size = 2048, .align = 8, .kind = KIND_ARRAY, .elem = &t_int64, .len = 256,
			     ALG(memequal_t, memhash_t)};

/* struct { a int32; _ int32; s string } */
typedef struct Key3 {
	int32_t a, blank;
	GoString s;
} Key3;
static const GoField key3_fields[] = {
	{GOSTR("a"), &t_int32, 0, 0}, {GOSTR("_"), &t_int32, 4, 0}, {GOSTR("s"), &t_string, 8, 0}};
static const GoType t_key3 = {.size = 24, .align = 8, .kind = KIND_STRUCT, .ptrdata = 16,
			      .gcdata = (void *)ptr_words01, .extra = (void *)key3_fields, .nextra = 3,
			      ALG(structequal, structhash)};
/* [2]string */
static const GoType t_arr2s = {.size = 32, .align = 8, .kind = KIND_ARRAY, .elem = &t_string, .len = 2,
			       ALG(arrayequal, arrayhash)};

#define MAPTYPE(k, e) {.size = 8, .kind = KIND_MAP, .key = &(k), .elem = &(e)}
static const GoType m_int64 = MAPTYPE(t_int64, t_int64), m_int32 = MAPTYPE(t_int32, t_int32),
		    m_string = MAPTYPE(t_string, t_int64), m_f64 = MAPTYPE(t_f64, t_int64),
		    m_eface = MAPTYPE(t_eface, t_int64), m_key3 = MAPTYPE(t_key3, t_int64),
		    m_arr2s = MAPTYPE(t_arr2s, t_int64), m_big = MAPTYPE(t_int64, t_big);

static void setup(void)
{
	alg_init();
}

TestSuite(map, .init = setup);

/* ---- small helpers ---- */

static intgo len(void *m)
{
	return m ? *(intgo *)((char *)m + MAP_COUNT_OFFSET) : 0;
}

static void put(const GoType *t, void *m, void *key, int64_t v)
{
	*(int64_t *)runtime_mapassign(t, m, key) = v;
}

/* The value for key, or -1 if absent (checks that mapaccess1 and mapaccess2 agree). */
static int64_t get(const GoType *t, void *m, void *key)
{
	GoPtrBool r = runtime_mapaccess2(t, m, key);
	int64_t v1 = *(int64_t *)runtime_mapaccess1(t, m, key);
	cr_assert_eq(*(int64_t *)r.p, v1);
	if (!r.ok) {
		cr_assert_eq(r.p, runtime_zeroVal);
		return -1;
	}
	return v1;
}

/* Counts the entries an iteration produces. */
static intgo count_iter(const GoType *t, void *m)
{
	void *it[MAP_ITER_WORDS];
	intgo n = 0;
	for (runtime_mapiterinit(t, m, it); it[MAP_ITER_KEY_WORD]; runtime_mapiternext(it))
		n++;
	return n;
}

static GoString str(const char *s)
{
	return (GoString){(const uint8_t *)s, (intgo)strlen(s)};
}

/* A heap copy of a formatted string, as a GoString (a key that owns its bytes). */
static GoString fmt_key(const char *fmt, long v)
{
	char buf[64];
	int n = snprintf(buf, sizeof buf, fmt, v);
	char *p = runtime_mallocgc((uintptr_t)n, NULL, true);
	memcpy(p, buf, (size_t)n);
	return (GoString){(uint8_t *)p, n};
}

/* ---- nil maps ---- */

Test(map, nil_map_reads_are_empty)
{
	int64_t k = 7;
	cr_assert_eq(runtime_mapaccess1(&m_int64, NULL, &k), runtime_zeroVal);
	GoPtrBool r = runtime_mapaccess2(&m_int64, NULL, &k);
	cr_assert(!r.ok);
	cr_assert_eq(*(int64_t *)r.p, 0);
	cr_assert_eq(*(int64_t *)runtime_mapaccess1_fast64(&m_int64, NULL, 7), 0);
	cr_assert(!runtime_mapaccess2_faststr(&m_string, NULL, str("x")).ok);
	runtime_mapdelete(&m_int64, NULL, &k);
	runtime_mapdelete_fast64(&m_int64, NULL, 7);
	runtime_mapclear(&m_int64, NULL);
	cr_assert_eq(count_iter(&m_int64, NULL), 0);
	cr_assert_eq(len(NULL), 0);
}

static void assign_nil(void *arg)
{
	(void)arg;
	GoString k = str("a");
	runtime_mapassign(&m_string, NULL, &k);
}

static void assign_nil_fast(void *arg)
{
	(void)arg;
	runtime_mapassign_fast64(&m_int64, NULL, 1);
}

static GoSlice slice_value;

static void assign_unhashable(void *arg)
{
	GoEface k = {&t_slice, &slice_value};
	runtime_mapassign(&m_eface, arg, &k);
}

static void access_unhashable(void *arg)
{
	GoEface k = {&t_slice, &slice_value};
	runtime_mapaccess1(&m_eface, arg, &k);
}

static void delete_unhashable(void *arg)
{
	GoEface k = {&t_slice, &slice_value};
	runtime_mapdelete(&m_eface, arg, &k);
}

Test(map, panics)
{
	static const char unhashable[] = "panic: runtime error: hash of unhashable type []int\n" TAIL;
	static const struct {
		void (*fn)(void *);
		bool on_nil;
		const char *want;
	} cases[] = {
		{assign_nil, true, "panic: assignment to entry in nil map\n" TAIL},
		{assign_nil_fast, true, "panic: assignment to entry in nil map\n" TAIL},
		{assign_unhashable, false, unhashable},
		{access_unhashable, false, unhashable},
		{access_unhashable, true, unhashable}, /* go1.19 hashes even for a nil map */
		{delete_unhashable, false, unhashable},
		{delete_unhashable, true, unhashable},
	};
	static Captured c;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		rt_capture(cases[i].fn, cases[i].on_nil ? NULL : runtime_makemap_small(&m_eface), &c);
		rt_assert_output(&c, 2, cases[i].want);
	}
}

/* ---- key kinds ---- */

Test(map, int64_keys_generic_and_fast_agree)
{
	void *m = runtime_makemap_small(&m_int64);
	for (int64_t i = 0; i < 1000; i++) {
		if (i % 2)
			put(&m_int64, m, &i, i * 10);
		else
			*(int64_t *)runtime_mapassign_fast64(&m_int64, m, (uintgo)i) = i * 10;
	}
	cr_assert_eq(len(m), 1000);
	for (int64_t i = -10; i < 1010; i++) {
		int64_t want = i >= 0 && i < 1000 ? i * 10 : -1;
		cr_assert_eq(get(&m_int64, m, &i), want);
		GoPtrBool r = runtime_mapaccess2_fast64(&m_int64, m, (uintgo)i);
		cr_assert_eq(r.ok, want >= 0);
	}
	for (int64_t i = 0; i < 1000; i += 3)
		runtime_mapdelete_fast64(&m_int64, m, (uintgo)i);
	cr_assert_eq(len(m), 1000 - 334);
	cr_assert_eq(count_iter(&m_int64, m), 1000 - 334);
}

Test(map, int32_keys)
{
	void *m = runtime_makemap(&m_int32, 100, NULL);
	for (int32_t i = -50; i < 50; i++)
		*(int32_t *)runtime_mapassign_fast32(&m_int32, m, (uint32_t)i) = i;
	for (int32_t i = -50; i < 50; i++) {
		cr_assert_eq(*(int32_t *)runtime_mapaccess1(&m_int32, m, &i), i);
		cr_assert(runtime_mapaccess2_fast32(&m_int32, m, (uint32_t)i).ok);
	}
	runtime_mapdelete_fast32(&m_int32, m, (uint32_t)-5);
	int32_t k = -5;
	cr_assert(!runtime_mapaccess2(&m_int32, m, &k).ok);
	cr_assert_eq(len(m), 99);
}

Test(map, string_keys_compare_bytes_not_pointers)
{
	void *m = runtime_makemap_small(&m_string);
	char a[] = "hello", b[] = "hello";
	GoString ka = {(uint8_t *)a, 5}, kb = {(uint8_t *)b, 5}, empty = {NULL, 0};
	put(&m_string, m, &ka, 1);
	put(&m_string, m, &kb, 2);
	put(&m_string, m, &empty, 3);
	cr_assert_eq(len(m), 2);
	cr_assert_eq(get(&m_string, m, &ka), 2);
	cr_assert_eq(*(int64_t *)runtime_mapaccess1_faststr(&m_string, m, str("hello")), 2);
	cr_assert_eq(*(int64_t *)runtime_mapaccess1_faststr(&m_string, m, str("")), 3);
	cr_assert(!runtime_mapaccess2_faststr(&m_string, m, str("hell")).ok);
	runtime_mapdelete_faststr(&m_string, m, str("hello"));
	cr_assert_eq(len(m), 1);
}

Test(map, float_keys_nan_and_signed_zero)
{
	void *m = runtime_makemap_small(&m_f64);
	double nan = NAN, nz = -0.0, pz = 0.0, one = 1;
	put(&m_f64, m, &nan, 1);
	put(&m_f64, m, &nan, 2);
	put(&m_f64, m, &nan, 3);
	cr_assert_eq(len(m), 3, "each NaN insert adds an entry");
	cr_assert_eq(get(&m_f64, m, &nan), -1, "a NaN is never found");
	runtime_mapdelete(&m_f64, m, &nan);
	cr_assert_eq(len(m), 3, "nor deleted");
	put(&m_f64, m, &nz, 4);
	put(&m_f64, m, &pz, 5);
	cr_assert_eq(len(m), 4, "+0 and -0 are one key");
	cr_assert_eq(get(&m_f64, m, &nz), 5);
	put(&m_f64, m, &one, 6);
	/* iteration produces the NaNs, and the zero key as last assigned (+0, go1.19 updates it) */
	void *it[MAP_ITER_WORDS];
	int nans = 0, zeros = 0;
	for (runtime_mapiterinit(&m_f64, m, it); it[0]; runtime_mapiternext(it)) {
		double k = *(double *)it[0];
		nans += k != k;
		if (k == 0) {
			zeros++;
			cr_assert(!signbit(k), "the key was updated to +0");
		}
	}
	cr_assert_eq(nans, 3);
	cr_assert_eq(zeros, 1);
	runtime_mapclear(&m_f64, m);
	cr_assert_eq(len(m), 0);
	cr_assert_eq(count_iter(&m_f64, m), 0, "clear removes NaN entries too");
}

Test(map, interface_keys_by_dynamic_type)
{
	void *m = runtime_makemap_small(&m_eface);
	static const int64_t one64 = 1, one64b = 1;
	static const int32_t one32 = 1;
	static const GoString s = GOSTR("one");
	GoEface a = {&t_int64, (void *)&one64}, b = {&t_int64, (void *)&one64b};
	GoEface c = {&t_int32, (void *)&one32}, d = {&t_string, (void *)&s}, nil = {NULL, NULL};
	put(&m_eface, m, &a, 1);
	put(&m_eface, m, &b, 2);
	put(&m_eface, m, &c, 3);
	put(&m_eface, m, &d, 4);
	put(&m_eface, m, &nil, 5);
	cr_assert_eq(len(m), 4, "int64(1) twice, int32(1), \"one\", nil");
	cr_assert_eq(get(&m_eface, m, &a), 2);
	cr_assert_eq(get(&m_eface, m, &c), 3);
	cr_assert_eq(get(&m_eface, m, &nil), 5);
	double nan = NAN;
	GoEface n = {&t_f64, &nan};
	put(&m_eface, m, &n, 6);
	put(&m_eface, m, &n, 7);
	cr_assert_eq(len(m), 6, "NaN inside an interface is a new key each time");
}

Test(map, struct_keys_ignore_blank_fields)
{
	void *m = runtime_makemap_small(&m_key3);
	Key3 a = {1, 100, GOSTR("x")}, b = {1, 200, GOSTR("x")}, c = {2, 100, GOSTR("x")};
	put(&m_key3, m, &a, 1);
	put(&m_key3, m, &b, 2);
	put(&m_key3, m, &c, 3);
	cr_assert_eq(len(m), 2);
	cr_assert_eq(get(&m_key3, m, &a), 2);
	cr_assert_eq(get(&m_key3, m, &c), 3);
}

Test(map, array_keys)
{
	void *m = runtime_makemap_small(&m_arr2s);
	GoString a[2] = {GOSTR("ab"), GOSTR("c")}, b[2] = {GOSTR("a"), GOSTR("bc")}, a2[2] = {GOSTR("ab"), GOSTR("c")};
	put(&m_arr2s, m, a, 1);
	put(&m_arr2s, m, b, 2);
	put(&m_arr2s, m, a2, 3);
	cr_assert_eq(len(m), 2);
	cr_assert_eq(get(&m_arr2s, m, a), 3);
	cr_assert_eq(get(&m_arr2s, m, b), 2);
}

Test(map, large_elems_use_the_callers_zero)
{
	void *m = runtime_makemap_small(&m_big);
	static const int64_t zero[256];
	int64_t k = 1;
	cr_assert_eq(runtime_mapaccess1_fat(&m_big, m, &k, (void *)zero), zero);
	int64_t *e = runtime_mapassign(&m_big, m, &k);
	e[255] = 42;
	cr_assert_eq(((int64_t *)runtime_mapaccess1_fat(&m_big, m, &k, (void *)zero))[255], 42);
	GoPtrBool r = runtime_mapaccess2_fat(&m_big, NULL, &k, (void *)zero);
	cr_assert(!r.ok && r.p == zero);
}

/* ---- make ---- */

Test(map, make_hints)
{
	void *m = runtime_makemap(&m_int64, -1, NULL); /* go1.19: no panic, an empty map */
	cr_assert_eq(len(m), 0);
	put(&m_int64, m, &(int64_t){1}, 1);
	m = runtime_makemap(&m_int64, (intgo)1 << 62, NULL);
	put(&m_int64, m, &(int64_t){1}, 1);
	cr_assert_eq(len(m), 1);
	/* a hint sizes the table: no rebuild while filling it */
	m = runtime_makemap(&m_int64, 1000, NULL);
	void *ctrl = ((GoMap *)m)->ctrl;
	for (int64_t i = 0; i < 1000; i++)
		put(&m_int64, m, &i, i);
	cr_assert_eq(((GoMap *)m)->ctrl, ctrl);
	/* a header in the caller's frame */
	void *frame[MAP_HEADER_WORDS] = {0};
	m = runtime_makemap(&m_string, 3, frame);
	cr_assert_eq(m, (void *)frame);
	GoString k = GOSTR("k");
	put(&m_string, m, &k, 9);
	cr_assert_eq(get(&m_string, m, &k), 9);
}

Test(map, delete_and_reinsert_many_times_keeps_the_table_small)
{
	void *m = runtime_makemap_small(&m_int64);
	for (int64_t i = 0; i < 100000; i++) {
		put(&m_int64, m, &i, i);
		int64_t old = i - 5;
		runtime_mapdelete(&m_int64, m, &old);
	}
	cr_assert_eq(len(m), 5);
	cr_assert_leq(((GoMap *)m)->mask + 1, 64, "tombstones are dropped, not grown over");
}

/* ---- iteration ---- */

Test(map, iteration_order_is_random)
{
	void *m = runtime_makemap_small(&m_int64);
	for (int64_t i = 0; i < 100; i++)
		put(&m_int64, m, &i, i);
	bool first_seen[100] = {0};
	int distinct = 0;
	for (int r = 0; r < 50; r++) {
		void *it[MAP_ITER_WORDS];
		runtime_mapiterinit(&m_int64, m, it);
		int64_t k = *(int64_t *)it[0];
		distinct += !first_seen[k];
		first_seen[k] = true;
	}
	cr_assert_gt(distinct, 5, "50 iterations started at only %d keys", distinct);
	/* a map of a few entries, too (one group: a random rotation). Its 3 entries fill the group's
	 * first slots, so a rotation of 16 starts at entry 1 or 2 with probability 1/16 each: 2,000
	 * iterations miss one with probability below 1e-55 (60 missed it in 4% of the runs). */
	void *s = runtime_makemap_small(&m_int64);
	for (int64_t i = 0; i < 3; i++)
		put(&m_int64, s, &i, i);
	bool firsts[3] = {0};
	for (int r = 0; r < 2000; r++) {
		void *it[MAP_ITER_WORDS];
		runtime_mapiterinit(&m_int64, s, it);
		firsts[*(int64_t *)it[0]] = true;
	}
	cr_assert(firsts[0] && firsts[1] && firsts[2]);
}

/* Iterates over m (keys 0..n-1 at the start) doing `mutate` after each produced entry; checks that
 * every key is produced at most once, with its current value, and that keys deleted before being
 * reached are not produced. Returns how many of the original keys were produced. */
typedef void (*Mutation)(void *m, int64_t produced, int64_t step, bool *deleted);

static int64_t iterate_mutating(void *m, int64_t n, Mutation mutate)
{
	bool *produced = calloc((size_t)n * 4, 1), *deleted = calloc((size_t)n * 4, 1);
	int64_t originals = 0, step = 0;
	void *it[MAP_ITER_WORDS];
	for (runtime_mapiterinit(&m_int64, m, it); it[0]; runtime_mapiternext(it), step++) {
		int64_t k = *(int64_t *)it[0], v = *(int64_t *)it[1];
		cr_assert(k >= 0 && k < n * 4);
		cr_assert(!produced[k], "key %ld produced twice", (long)k);
		cr_assert(!deleted[k], "key %ld produced after its deletion", (long)k);
		cr_assert_eq(v, get(&m_int64, m, &k), "the current value of %ld", (long)k);
		produced[k] = true;
		originals += k < n;
		mutate(m, k, step, deleted);
	}
	free(produced);
	free(deleted);
	return originals;
}

static void delete_ahead(void *m, int64_t k, int64_t step, bool *deleted)
{
	/* delete three keys, some reached already, some not */
	for (int64_t d = step * 3; d < step * 3 + 3 && d < 1000; d++) {
		if (d != k) {
			runtime_mapdelete(&m_int64, m, &d);
			deleted[d] = true;
		}
	}
}

Test(map, delete_during_iteration)
{
	void *m = runtime_makemap_small(&m_int64);
	for (int64_t i = 0; i < 1000; i++)
		put(&m_int64, m, &i, i);
	iterate_mutating(m, 1000, delete_ahead);
}

static void grow_and_update(void *m, int64_t k, int64_t step, bool *deleted)
{
	(void)deleted;
	/* insert two new keys per step (forcing several rebuilds) and change values as we go */
	for (int64_t j = 0; j < 2 && 1000 + step * 2 + j < 4000; j++) {
		int64_t nk = 1000 + step * 2 + j;
		put(&m_int64, m, &nk, nk);
	}
	int64_t other = (k * 7919) % 1000;
	if (runtime_mapaccess2(&m_int64, m, &other).ok)
		put(&m_int64, m, &other, other + 100000);
}

Test(map, growth_during_iteration)
{
	void *m = runtime_makemap_small(&m_int64);
	for (int64_t i = 0; i < 1000; i++)
		put(&m_int64, m, &i, i);
	void *ctrl = ((GoMap *)m)->ctrl;
	int64_t originals = iterate_mutating(m, 1000, grow_and_update);
	cr_assert_neq(((GoMap *)m)->ctrl, ctrl, "the map grew during the loop");
	cr_assert_eq(originals, 1000, "every original key is produced exactly once");
}

static void grow_and_delete(void *m, int64_t k, int64_t step, bool *deleted)
{
	grow_and_update(m, k, step, deleted);
	delete_ahead(m, k, step, deleted);
}

Test(map, growth_and_deletion_during_iteration)
{
	void *m = runtime_makemap_small(&m_int64);
	for (int64_t i = 0; i < 1000; i++)
		put(&m_int64, m, &i, i);
	iterate_mutating(m, 1000, grow_and_delete);
}

Test(map, clear_during_iteration)
{
	void *m = runtime_makemap_small(&m_f64);
	double nan = NAN;
	for (int64_t i = 0; i < 100; i++) {
		double k = (double)i;
		put(&m_f64, m, &k, i);
		put(&m_f64, m, &nan, i);
	}
	void *it[MAP_ITER_WORDS];
	runtime_mapiterinit(&m_f64, m, it);
	/* force a rebuild, so the iterator walks a stale table, then clear */
	for (int64_t i = 100; i < 400; i++) {
		double k = (double)i;
		put(&m_f64, m, &k, i);
	}
	runtime_mapclear(&m_f64, m);
	int produced = 0;
	for (runtime_mapiternext(it); it[0]; runtime_mapiternext(it))
		produced++;
	cr_assert_eq(produced, 0, "nothing, NaNs included, after clear");
	/* clear on the table being walked */
	for (int64_t i = 0; i < 10; i++)
		put(&m_f64, m, &nan, i);
	runtime_mapiterinit(&m_f64, m, it);
	runtime_mapclear(&m_f64, m);
	for (runtime_mapiternext(it); it[0]; runtime_mapiternext(it))
		produced++;
	cr_assert_eq(produced, 0);
}

Test(map, nan_keys_survive_growth_during_iteration)
{
	void *m = runtime_makemap_small(&m_f64);
	double nan = NAN;
	for (int64_t i = 0; i < 10; i++)
		put(&m_f64, m, &nan, i);
	void *it[MAP_ITER_WORDS];
	int nans = 0;
	runtime_mapiterinit(&m_f64, m, it);
	for (int64_t i = 0; i < 100; i++) {
		double k = (double)i;
		put(&m_f64, m, &k, i);
	}
	for (; it[0]; runtime_mapiternext(it))
		nans += *(double *)it[0] != *(double *)it[0];
	cr_assert_eq(nans, 10);
}

/* ---- the randomised model test ---- */

enum { MODEL_KEYS = 600, MODEL_STEPS = 6000 };

typedef struct Model {
	bool present[MODEL_KEYS];
	int64_t value[MODEL_KEYS];
	intgo len;
} Model;

static uint64_t rng_state = 0x9E3779B97F4A7C15ull;

static uint64_t rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

/* The key of model slot i: an int64 for m_int64, a string for m_string. */
typedef struct ModelMap {
	const GoType *t;
	GoString skeys[MODEL_KEYS];
} ModelMap;

static void *model_key(ModelMap *mm, int64_t *ibuf, int64_t i)
{
	if (mm->t == &m_string)
		return &mm->skeys[i];
	*ibuf = i * 0x10001 - 300000; /* spread, some negative */
	return ibuf;
}

/* One random operation on both the map and the model. */
static void model_step(ModelMap *mm, void *m, Model *model)
{
	int64_t i = (int64_t)(rng() % MODEL_KEYS), ibuf, v = (int64_t)(rng() % 1000000);
	void *key = model_key(mm, &ibuf, i);
	bool fast = rng() & 1;
	switch (rng() % 16) {
	case 0 ... 6: /* insert or update */
		if (fast && mm->t == &m_int64)
			*(int64_t *)runtime_mapassign_fast64(mm->t, m, (uintgo)ibuf) = v;
		else if (fast)
			*(int64_t *)runtime_mapassign_faststr(mm->t, m, *(GoString *)key) = v;
		else
			put(mm->t, m, key, v);
		model->len += !model->present[i];
		model->present[i] = true;
		model->value[i] = v;
		break;
	case 7 ... 12: /* delete */
		if (fast && mm->t == &m_int64)
			runtime_mapdelete_fast64(mm->t, m, (uintgo)ibuf);
		else
			runtime_mapdelete(mm->t, m, key);
		model->len -= model->present[i];
		model->present[i] = false;
		break;
	case 13 ... 14: /* lookup */
		cr_assert_eq(get(mm->t, m, key), model->present[i] ? model->value[i] : -1);
		break;
	default:
		if (rng() % 64 == 0) {
			runtime_mapclear(mm->t, m);
			memset(model, 0, sizeof *model);
		}
	}
}

/* len, every lookup, and one full iteration agree with the model. */
static void model_check(ModelMap *mm, void *m, const Model *model, bool full)
{
	cr_assert_eq(len(m), model->len);
	bool seen[MODEL_KEYS] = {0};
	void *it[MAP_ITER_WORDS];
	intgo n = 0;
	for (runtime_mapiterinit(mm->t, m, it); it[0]; runtime_mapiternext(it), n++) {
		int64_t i;
		if (mm->t == &m_string)
			i = (int64_t)(((const GoString *)it[0])->str - mm->skeys[0].str) / 8;
		else
			i = (*(int64_t *)it[0] + 300000) / 0x10001;
		cr_assert(i >= 0 && i < MODEL_KEYS && model->present[i] && !seen[i]);
		cr_assert_eq(*(int64_t *)it[1], model->value[i]);
		seen[i] = true;
	}
	cr_assert_eq(n, model->len);
	for (int64_t i = 0; full && i < MODEL_KEYS; i++) {
		int64_t ibuf;
		cr_assert_eq(get(mm->t, m, model_key(mm, &ibuf, i)), model->present[i] ? model->value[i] : -1);
	}
}

static void run_model(const GoType *t)
{
	static ModelMap mm;
	static Model model;
	mm.t = t;
	memset(&model, 0, sizeof model);
	/* string keys: one 8-byte-aligned buffer so a key's index is its offset / 8 */
	char *buf = runtime_mallocgc(MODEL_KEYS * 8, NULL, true);
	for (int i = 0; i < MODEL_KEYS; i++) {
		int n = snprintf(buf + i * 8, 8, "k%d", i);
		mm.skeys[i] = (GoString){(uint8_t *)buf + i * 8, n};
	}
	void *m = runtime_makemap_small(t);
	for (int step = 0; step < MODEL_STEPS; step++) {
		model_step(&mm, m, &model);
		model_check(&mm, m, &model, step % 50 == 0);
	}
	model_check(&mm, m, &model, true);
}

Test(map, model_int64)
{
	run_model(&m_int64);
}

Test(map, model_string)
{
	run_model(&m_string);
}

Test(map, many_string_keys)
{
	void *m = runtime_makemap_small(&m_string);
	for (long i = 0; i < 50000; i++) {
		GoString k = fmt_key("key-%ld", i);
		*(int64_t *)runtime_mapassign_faststr(&m_string, m, k) = i;
	}
	cr_assert_eq(len(m), 50000);
	for (long i = 0; i < 50000; i += 7) {
		GoString k = fmt_key("key-%ld", i);
		cr_assert_eq(*(int64_t *)runtime_mapaccess1_faststr(&m_string, m, k), i);
	}
	cr_assert_eq(count_iter(&m_string, m), 50000);
}
