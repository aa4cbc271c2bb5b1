/*
 * growslice_test.c: append's growth matches go1.19 exactly (programs print cap()).
 *
 * The expected capacities were printed by go1.19 for a Go program that appends one element at a
 * time and prints cap() whenever it changes, for []int, []byte, []struct{a, b, c int64} (24 bytes),
 * []struct{a, b, c, d, e byte} (5 bytes) and []struct{a, b, c int32} (12 bytes), and for appends of
 * several elements at once to slices of several starting capacities.
 */
#include "malloc.h"
#include "rt_test.h"

static const GoType t_int = {.size = 8, .align = 8, .kind = KIND_INT, .string = GOSTR("int")};
static const GoType t_byte = {.size = 1, .align = 1, .kind = KIND_UINT8, .string = GOSTR("uint8")};
static const GoType t_s3 = {.size = 24, .align = 8, .kind = KIND_STRUCT, .string = GOSTR("main.S3")};
static const GoType t_s5 = {.size = 5, .align = 1, .kind = KIND_STRUCT, .string = GOSTR("main.S5")};
static const GoType t_s12 = {.size = 12, .align = 4, .kind = KIND_STRUCT, .string = GOSTR("main.S12")};
static const GoType t_ptr = {.size = 8, .ptrdata = 8, .align = 8, .kind = KIND_POINTER,
			     .string = GOSTR("*int")};
static const GoType t_empty = {.size = 0, .align = 1, .kind = KIND_STRUCT, .string = GOSTR("struct {}")};

static const intgo caps_int[] = {1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 848, 1280, 1792, 2560, 3408,
				 5120, 7168, 9216, 12288, 16384, 21504};
static const intgo caps_byte[] = {8, 16, 32, 64, 128, 256, 512, 896, 1408, 2048, 3072, 4096, 5376,
				  6912, 9472, 12288, 16384, 21760, 28672, 40960, 57344, 73728};
static const intgo caps_s3[] = {1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 853, 1365, 2048, 3072, 4096,
				5461, 7168, 9216, 11946};
static const intgo caps_s5[] = {1, 3, 6, 12, 25, 51, 102, 204, 409, 819, 1228, 1894, 2713, 3686,
				4915, 6553, 9830, 13107};
static const intgo caps_s12[] = {1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 853, 1365, 2048, 3413, 4778,
				 6826, 8874, 11605};

/* Appends one zero element at a time up to n elements, like the Go program, and checks the sequence
 * of distinct capacities. */
static void check_one_at_a_time(const GoType *t, intgo n, const intgo *want, size_t nwant)
{
	GoSlice s = {NULL, 0, 0};
	size_t k = 0;
	for (intgo i = 0; i < n; i++) {
		intgo last = s.cap;
		if (s.len + 1 > s.cap)
			runtime_growslice(&s, t, s.array, s.len, s.cap, s.len + 1);
		else
			s.len++;
		cr_assert_eq(s.len, i + 1);
		if (s.cap != last) {
			cr_assert_lt(k, nwant, "%s: more capacities than go1.19 (cap %ld)", t->string.str, s.cap);
			cr_assert_eq(s.cap, want[k], "%s: step %zu cap %ld, go1.19 %ld", t->string.str, k,
				     s.cap, want[k]);
			k++;
		}
	}
	cr_assert_eq(k, nwant, "%s: fewer capacities than go1.19", t->string.str);
}

#define N(a) (sizeof(a) / sizeof((a)[0]))

Test(growslice, one_at_a_time_int) { check_one_at_a_time(&t_int, 20000, caps_int, N(caps_int)); }
Test(growslice, one_at_a_time_byte) { check_one_at_a_time(&t_byte, 70000, caps_byte, N(caps_byte)); }
Test(growslice, one_at_a_time_s3) { check_one_at_a_time(&t_s3, 10000, caps_s3, N(caps_s3)); }
Test(growslice, one_at_a_time_s5) { check_one_at_a_time(&t_s5, 10000, caps_s5, N(caps_s5)); }
Test(growslice, one_at_a_time_s12) { check_one_at_a_time(&t_s12, 10000, caps_s12, N(caps_s12)); }

/* s := make([]T, oc); s = append(s, make([]T, add)...); print(cap(s)) for T = int, byte, S3. */
static const intgo multi_oldcap[] = {0, 1, 3, 5, 100, 255, 256, 300, 1000};
static const intgo multi_add[] = {1, 2, 7, 33, 500, 3000};
static const intgo multi_want[9][6][3] = {
	{{1, 8, 1}, {2, 8, 2}, {8, 8, 7}, {36, 48, 37}, {512, 512, 512}, {3072, 3072, 3072}},
	{{2, 8, 2}, {3, 8, 3}, {8, 8, 8}, {36, 48, 37}, {512, 512, 512}, {3072, 3072, 3072}},
	{{6, 8, 6}, {6, 8, 6}, {10, 16, 10}, {36, 48, 37}, {512, 512, 512}, {3072, 3072, 3072}},
	{{10, 16, 10}, {10, 16, 10}, {12, 16, 12}, {40, 48, 42}, {512, 512, 512}, {3072, 3072, 3072}},
	{{224, 208, 202}, {224, 208, 202}, {224, 208, 202}, {224, 208, 202}, {608, 640, 682}, {3408, 3200, 3413}},
	{{512, 512, 512}, {512, 512, 512}, {512, 512, 512}, {512, 512, 512}, {768, 768, 768}, {3408, 3456, 3413}},
	{{512, 512, 512}, {512, 512, 512}, {512, 512, 512}, {512, 512, 512}, {768, 768, 768}, {3408, 3456, 3413}},
	{{608, 576, 597}, {608, 576, 597}, {608, 576, 597}, {608, 576, 597}, {816, 896, 853}, {3408, 3456, 3413}},
	{{1536, 1536, 1706}, {1536, 1536, 1706}, {1536, 1536, 1706}, {1536, 1536, 1706}, {2048, 2048, 2048}, {4096, 4096, 4096}},
};

/* What make([]T, oc) gives: cap oc exactly (makeslice does not round). */
Test(growslice, multi_element_appends)
{
	const GoType *types[3] = {&t_int, &t_byte, &t_s3};
	for (size_t i = 0; i < N(multi_oldcap); i++)
		for (size_t j = 0; j < N(multi_add); j++)
			for (size_t t = 0; t < 3; t++) {
				intgo oc = multi_oldcap[i], add = multi_add[j];
				void *p = runtime_makeslice(types[t], oc, oc);
				GoSlice s;
				runtime_growslice(&s, types[t], p, oc, oc, oc + add);
				cr_expect_eq(s.cap, multi_want[i][j][t], "%s oc=%ld add=%ld: cap %ld, go1.19 %ld",
					     types[t]->string.str, oc, add, s.cap, multi_want[i][j][t]);
				cr_expect_eq(s.len, oc + add);
			}
}

Test(growslice, copies_old_elements_and_zeroes_the_rest)
{
	intgo *p = runtime_makeslice(&t_int, 3, 3);
	p[0] = 10, p[1] = 20, p[2] = 30;
	GoSlice s;
	runtime_growslice(&s, &t_int, p, 3, 3, 4);
	intgo *q = s.array;
	cr_assert_neq(q, p);
	cr_assert_eq(s.len, 4);
	cr_assert_eq(s.cap, 6);
	cr_assert(q[0] == 10 && q[1] == 20 && q[2] == 30 && q[3] == 0 && q[4] == 0 && q[5] == 0);

	void **pp = runtime_makeslice(&t_ptr, 1, 1);
	pp[0] = &s;
	runtime_growslice(&s, &t_ptr, pp, 1, 1, 2);
	cr_assert_eq(((void **)s.array)[0], &s);
	cr_assert_null(((void **)s.array)[1]);
}

Test(growslice, zero_size_elements)
{
	GoSlice s;
	runtime_growslice(&s, &t_empty, NULL, 0, 0, 5);
	cr_assert_eq(s.array, &malloc_zerobase);
	cr_assert_eq(s.len, 5);
	cr_assert_eq(s.cap, 5);
}

static void grow_too_far(void *arg)
{
	GoSlice s;
	intgo newlen = *(intgo *)arg;
	runtime_growslice(&s, &t_s3, NULL, 0, 0, newlen);
}

Test(growslice, cap_out_of_range_panics)
{
	static Captured c;
	intgo huge = (intgo)1 << 62; /* 24 * 2^62 overflows */
	rt_capture(grow_too_far, &huge, &c);
	rt_assert_output(&c, 2, "panic: runtime error: growslice: cap out of range\n\ngoroutine 1 [running]:\n");
	intgo overflowed = -5; /* len + n overflowed int: newlen < oldcap */
	rt_capture(grow_too_far, &overflowed, &c);
	rt_assert_output(&c, 2, "panic: runtime error: growslice: cap out of range\n\ngoroutine 1 [running]:\n");
}

Test(growslice, roundupsize_matches_size_classes)
{
	cr_assert_eq(malloc_roundupsize(0), 0);
	cr_assert_eq(malloc_roundupsize(1), 8);
	cr_assert_eq(malloc_roundupsize(8), 8);
	cr_assert_eq(malloc_roundupsize(9), 16);
	cr_assert_eq(malloc_roundupsize(17), 24);
	cr_assert_eq(malloc_roundupsize(33), 48);
	cr_assert_eq(malloc_roundupsize(1025), 1152);
	cr_assert_eq(malloc_roundupsize(32767), 32768);
	cr_assert_eq(malloc_roundupsize(32768), 32768);
	cr_assert_eq(malloc_roundupsize(32769), 40960);
	cr_assert_eq(malloc_roundupsize(100000), 106496);
}
