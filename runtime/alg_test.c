/*
 * alg_test.c: the TYPE_ALG equality and hash functions (alg.c) agree with Go's == on every kind of
 * comparable value, and hash equal values alike.
 *
 * Descriptors are built by hand here the way the compiler emits them (equal/hashfn slots, GoField
 * records for structs, elem/len for arrays). The panic texts are go1.19's, observed with
 * `var x, y interface{} = []int{1}, []int{1}; x == y` and `m[[]int{1}] = 1` on a
 * map[interface{}]int: `runtime error: comparing uncomparable type []int` and
 * `runtime error: hash of unhashable type []int`.
 */
#include <math.h>

#include "alg.h"
#include "rt_test.h"

#define TAIL "\ngoroutine 1 [running]:\n"

#define ALG(eq, h) .equal = (void *)runtime_##eq, .hashfn = (void *)runtime_##h
static const GoType t_int64 = {.size = 8, .kind = KIND_INT64, .string = GOSTR("int64"),
			       ALG(memequal_t, memhash_t)};
static const GoType t_int32 = {.size = 4, .kind = KIND_INT32, .string = GOSTR("int32"),
			       ALG(memequal_t, memhash_t)};
static const GoType t_string = {.size = 16, .kind = KIND_STRING, .string = GOSTR("string"),
				ALG(strequal, strhash)};
static const GoType t_f32 = {.size = 4, .kind = KIND_FLOAT32, ALG(f32equal, f32hash)};
static const GoType t_f64 = {.size = 8, .kind = KIND_FLOAT64, ALG(f64equal, f64hash)};
static const GoType t_c64 = {.size = 8, .kind = KIND_COMPLEX64, ALG(c64equal, c64hash)};
static const GoType t_c128 = {.size = 16, .kind = KIND_COMPLEX128, ALG(c128equal, c128hash)};
static const GoType t_ptr = {.size = 8, .kind = KIND_POINTER | KIND_DIRECT_IFACE, .string = GOSTR("*int"),
			     ALG(memequal_t, memhash_t)};
static const GoType t_slice = {.size = 24, .kind = KIND_SLICE, .string = GOSTR("[]int")};
static const GoType t_eface = {.size = 16, .kind = KIND_INTERFACE, ALG(nilinterequal, nilinterhash)};
static const GoType t_iface = {.size = 16, .kind = KIND_INTERFACE, ALG(interequal, interhash)};

/* struct { a int64; _ int64; s string; f float64 } */
typedef struct S {
	int64_t a, blank;
	GoString s;
	double f;
} S;
static const GoField s_fields[] = {
	{GOSTR("a"), &t_int64, 0, 0},
	{GOSTR("_"), &t_int64, 8, 0},
	{GOSTR("s"), &t_string, 16, 0},
	{GOSTR("f"), &t_f64, 32, 0},
};
static const GoType t_struct = {.size = sizeof(S), .kind = KIND_STRUCT, .extra = (void *)s_fields,
				.nextra = 4, ALG(structequal, structhash)};
/* [3]float64 and [2]string */
static const GoType t_arr_f64 = {.size = 24, .kind = KIND_ARRAY, .elem = &t_f64, .len = 3,
				 ALG(arrayequal, arrayhash)};
static const GoType t_arr_str = {.size = 32, .kind = KIND_ARRAY, .elem = &t_string, .len = 2,
				 ALG(arrayequal, arrayhash)};

static bool eq(const GoType *t, const void *p, const void *q)
{
	return ((GoEqualFn)t->equal)(p, q, t);
}

static uintptr_t hash(const GoType *t, const void *p, uintptr_t seed)
{
	return ((GoHashFn)t->hashfn)(p, seed, t);
}

/* p and q are equal, both ways, and hash alike under several seeds. */
static void assert_same(const GoType *t, const void *p, const void *q)
{
	cr_assert(eq(t, p, q));
	cr_assert(eq(t, q, p));
	for (uintptr_t seed = 0; seed < 5; seed++)
		cr_assert_eq(hash(t, p, seed), hash(t, q, seed));
}

/* p and q differ, and (with overwhelming probability) hash differently. */
static void assert_differ(const GoType *t, const void *p, const void *q)
{
	cr_assert(!eq(t, p, q));
	cr_assert(!eq(t, q, p));
	cr_assert_neq(hash(t, p, 1), hash(t, q, 1));
}

static void setup(void)
{
	alg_init();
}

TestSuite(alg, .init = setup);

Test(alg, memory)
{
	int64_t a = 42, b = 42, c = 43;
	assert_same(&t_int64, &a, &b);
	assert_differ(&t_int64, &a, &c);
	int32_t x = -7, y = -7, z = 7;
	assert_same(&t_int32, &x, &y);
	assert_differ(&t_int32, &x, &z);
	cr_assert_neq(hash(&t_int64, &a, 1), hash(&t_int64, &a, 2), "the seed changes the hash");
}

Test(alg, strings)
{
	char buf1[] = "hello, world", buf2[] = "hello, world";
	GoString a = {(uint8_t *)buf1, 12}, b = {(uint8_t *)buf2, 12}, c = {(uint8_t *)buf1, 5};
	GoString e1 = {NULL, 0}, e2 = {(uint8_t *)buf1, 0};
	assert_same(&t_string, &a, &b);
	assert_differ(&t_string, &a, &c);
	assert_same(&t_string, &e1, &e2);
	assert_differ(&t_string, &e1, &c);
	/* every length class of the hash: short, 4..8, 9..16, 17..48, over 48 */
	static const char long_text[] = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ!?";
	for (intgo n = 1; n < 64; n++) {
		GoString s = {(const uint8_t *)long_text, n}, t = {(const uint8_t *)long_text + 1, n};
		char copy[64];
		memcpy(copy, long_text, (size_t)n);
		GoString u = {(uint8_t *)copy, n};
		assert_same(&t_string, &s, &u);
		assert_differ(&t_string, &s, &t);
	}
}

Test(alg, floats)
{
	double pz = 0.0, nz = -0.0, one = 1.0, two = 2.0, nan = NAN;
	assert_same(&t_f64, &pz, &nz);
	assert_differ(&t_f64, &one, &two);
	cr_assert(!eq(&t_f64, &nan, &nan), "NaN != NaN");
	cr_assert_neq(hash(&t_f64, &nan, 1), hash(&t_f64, &nan, 1), "a NaN hashes randomly");
	float fpz = 0.0f, fnz = -0.0f, f1 = 1.5f, f2 = 2.5f, fnan = NAN;
	assert_same(&t_f32, &fpz, &fnz);
	assert_differ(&t_f32, &f1, &f2);
	cr_assert(!eq(&t_f32, &fnan, &fnan));
	cr_assert_neq(hash(&t_f32, &fnan, 1), hash(&t_f32, &fnan, 1));
}

Test(alg, complexes)
{
	float a[2] = {0.0f, -0.0f}, b[2] = {-0.0f, 0.0f}, c[2] = {1, 2}, d[2] = {2, 1}, n[2] = {1, NAN};
	assert_same(&t_c64, a, b);
	assert_differ(&t_c64, c, d);
	cr_assert(!eq(&t_c64, n, n));
	double x[2] = {0.0, 3.0}, y[2] = {-0.0, 3.0}, z[2] = {3.0, 0.0}, m[2] = {NAN, 0};
	assert_same(&t_c128, x, y);
	assert_differ(&t_c128, x, z);
	cr_assert(!eq(&t_c128, m, m));
	cr_assert_neq(hash(&t_c128, m, 1), hash(&t_c128, m, 1));
}

Test(alg, structs_skip_blank_fields)
{
	char t1[] = "key", t2[] = "key";
	S a = {1, 100, {(uint8_t *)t1, 3}, 0.0}, b = {1, 200, {(uint8_t *)t2, 3}, -0.0};
	assert_same(&t_struct, &a, &b);
	S c = b;
	c.a = 2;
	assert_differ(&t_struct, &a, &c);
	S d = b;
	d.s.len = 2;
	assert_differ(&t_struct, &a, &d);
	S e = a;
	e.f = NAN;
	cr_assert(!eq(&t_struct, &e, &e), "a NaN field makes the struct unequal to itself");
}

Test(alg, arrays)
{
	double a[3] = {0.0, 1, 2}, b[3] = {-0.0, 1, 2}, c[3] = {0.0, 1, 3}, n[3] = {1, NAN, 2};
	assert_same(&t_arr_f64, a, b);
	assert_differ(&t_arr_f64, a, c);
	cr_assert(!eq(&t_arr_f64, n, n));
	GoString s[2] = {GOSTR("ab"), GOSTR("c")}, t[2] = {GOSTR("a"), GOSTR("bc")};
	assert_differ(&t_arr_str, s, t); /* element boundaries count, not just the bytes */
}

Test(alg, empty_interfaces)
{
	int64_t one = 1, one_again = 1, two = 2;
	int32_t one32 = 1;
	GoEface a = {&t_int64, &one}, b = {&t_int64, &one_again}, c = {&t_int64, &two};
	GoEface d = {&t_int32, &one32}, nil1 = {NULL, NULL}, nil2 = {NULL, &one};
	assert_same(&t_eface, &a, &b);
	assert_differ(&t_eface, &a, &c);
	cr_assert(!eq(&t_eface, &a, &d), "int64(1) != int32(1)");
	assert_same(&t_eface, &nil1, &nil2);
	cr_assert(!eq(&t_eface, &a, &nil1));
	/* a pointer is stored in the data word itself */
	GoEface p = {&t_ptr, &one}, q = {&t_ptr, &one}, r = {&t_ptr, &two};
	assert_same(&t_eface, &p, &q);
	assert_differ(&t_eface, &p, &r);
	/* interfaces holding floats follow the float rules */
	double pz = 0.0, nz = -0.0, nan = NAN;
	GoEface fp = {&t_f64, &pz}, fn = {&t_f64, &nz}, fnan = {&t_f64, &nan};
	assert_same(&t_eface, &fp, &fn);
	cr_assert(!eq(&t_eface, &fnan, &fnan));
}

Test(alg, nonempty_interfaces)
{
	/* two distinct itab objects for the same (interface, type) pair compare as the same type */
	GoItab tab1 = {.type = &t_int64}, tab2 = {.type = &t_int64}, tab3 = {.type = &t_int32};
	int64_t x = 5, y = 5;
	int32_t z = 5;
	GoIface a = {&tab1, &x}, b = {&tab2, &y}, c = {&tab3, &z}, nil = {NULL, NULL};
	assert_same(&t_iface, &a, &b);
	cr_assert(!eq(&t_iface, &a, &c));
	cr_assert(!eq(&t_iface, &a, &nil));
	assert_same(&t_iface, &nil, &nil);
}

static GoSlice slice_value;

static void compare_slices(void *arg)
{
	(void)arg;
	GoEface a = {&t_slice, &slice_value}, b = {&t_slice, &slice_value};
	eq(&t_eface, &a, &b);
}

static void hash_slice(void *arg)
{
	(void)arg;
	GoEface a = {&t_slice, &slice_value};
	hash(&t_eface, &a, 0);
}

static void hash_slice_in_iface(void *arg)
{
	(void)arg;
	GoItab tab = {.type = &t_slice};
	GoIface a = {&tab, &slice_value};
	hash(&t_iface, &a, 0);
}

Test(alg, uncomparable_dynamic_types_panic)
{
	static const struct {
		void (*fn)(void *);
		const char *want;
	} cases[] = {
		{compare_slices, "panic: runtime error: comparing uncomparable type []int\n" TAIL},
		{hash_slice, "panic: runtime error: hash of unhashable type []int\n" TAIL},
		{hash_slice_in_iface, "panic: runtime error: hash of unhashable type []int\n" TAIL},
	};
	static Captured c;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		rt_capture(cases[i].fn, NULL, &c);
		rt_assert_output(&c, 2, cases[i].want);
	}
}

Test(alg, different_dynamic_types_do_not_compare_values)
{
	/* Go compares types first: a slice against an int is false, not a panic */
	int64_t one = 1;
	GoEface a = {&t_slice, &slice_value}, b = {&t_int64, &one};
	cr_assert(!eq(&t_eface, &a, &b));
}

Test(alg, hash_spreads_sequential_keys)
{
	/* 2^16 consecutive ints: the top 7 bits and the low 16 bits (what a table of 2^16 slots uses)
	 * are close to uniform. A weak hash (identity, or a multiply without the fold) fails this. */
	enum { N = 1 << 16 };
	static uint32_t low[N];
	static uint32_t top[128];
	memset(low, 0, sizeof low);
	for (int64_t i = 0; i < N; i++) {
		uintptr_t h = hash(&t_int64, &i, 12345);
		low[h & (N - 1)]++;
		top[h >> 57]++;
	}
	uint32_t max_low = 0;
	for (int i = 0; i < N; i++)
		max_low = low[i] > max_low ? low[i] : max_low;
	cr_assert_lt(max_low, 12u, "a bucket of a 2^16 table got %u of 2^16 keys", max_low);
	for (int i = 0; i < 128; i++)
		cr_assert(top[i] > 350 && top[i] < 700, "top bits %d: %u", i, top[i]);
}

Test(alg, type_properties)
{
	cr_assert(alg_isdirectiface(&t_ptr));
	cr_assert(!alg_isdirectiface(&t_int64));
	cr_assert(alg_reflexive(&t_int64) && alg_reflexive(&t_string) && !alg_reflexive(&t_struct));
	cr_assert(!alg_needkeyupdate(&t_int64) && alg_needkeyupdate(&t_string));
	cr_assert(!alg_reflexive(&t_eface) && alg_needkeyupdate(&t_arr_f64));
	cr_assert(alg_hashmightpanic(&t_eface) && !alg_hashmightpanic(&t_struct));
}
