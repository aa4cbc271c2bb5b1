/*
 * iface_test.c: itabs, type identity, conversions and the runtime's own descriptors.
 *
 * Expected texts are go1.19's (runtime/error.go, observed in reference/panics-and-messages.md §2.1
 * and runtime/testdata/assert.golden).
 */
#include <pthread.h>
#include <stdio.h>

#include "rt_test.h"
#include "testdata/gotest.h"

static void M(void *ctx, void *data) {}
static GoString T_Error(void *ctx, void *data) { return GOSTR("T error"); }

/* A copy of `func() string` as another translation unit would emit it. */
static const GoType *const copy_params[] = {&iface_type_string};
static const GoType copy_func_string = {.size = 8, .ptrdata = 8, .align = 8, .field_align = 8,
					.kind = KIND_FUNC | KIND_DIRECT_IFACE, .string = GOSTR("func() string"),
					.extra = (void *)copy_params, .nextra = 1};
static const GoType copy_int = {.size = 8, .tflag = TFLAG_NAMED, .kind = KIND_INT, .string = GOSTR("int")};

static const GoMethod T_methods[] = {
	{"Error\0", &copy_func_string, (void *)T_Error, NULL},
	{"M\0", &iface_type_func, (void *)M, NULL},
};
static const GoMethod hidden_methods[] = {{"m\0other", &iface_type_func, (void *)M, NULL}};
static const GoIMethod I_imethods[] = {{GOSTR("M"), GOSTR(""), &iface_type_func}};
static const GoIMethod hidden_imethods[] = {{GOSTR("m"), GOSTR("main"), &iface_type_func}};

#define NAMED(name, pkg, k, m, n)                                                                   \
	{.size = 8, .tflag = TFLAG_NAMED, .align = 8, .field_align = 8, .kind = (k),              \
	 .string = GOSTR(name), .pkgpath = pkg, .methods = (void *)(m), .nmethods = (n)}
#define INTERFACE(name, im, n)                                                                      \
	{.size = 16, .tflag = TFLAG_NAMED, .align = 8, .kind = KIND_INTERFACE, .string = GOSTR(name), \
	 .pkgpath = "main", .extra = (void *)(im), .nextra = (n)}

static const GoType type_T = NAMED("main.T", "main", KIND_INT, T_methods, 2);
static const GoType type_T2 = NAMED("main.T", "main", KIND_INT, T_methods, 2);
static const GoType type_H = NAMED("main.H", "main", KIND_INT, hidden_methods, 1);
static const GoType type_pT = NAMED("p.T", "x/p", KIND_INT, NULL, 0);
static const GoType type_qT = NAMED("p.T", "y/p", KIND_INT, NULL, 0);
static const GoType type_I = INTERFACE("main.I", I_imethods, 1);
static const GoType type_hidden = INTERFACE("main.hidden", hidden_imethods, 1);

Test(iface, identity_accepts_copies_of_unnamed_and_predeclared_types_only)
{
	cr_assert(iface_types_identical(&copy_func_string, &iface_type_func_string));
	cr_assert(iface_types_identical(&copy_int, &iface_type_int));
	cr_assert_not(iface_types_identical(&type_T, &type_T2), "defined types are unique");
	cr_assert_not(iface_types_identical(&iface_type_func, &iface_type_func_string));
}

Test(iface, getitab_matches_methods_and_caches_the_result)
{
	GoItab *m = runtime_getitab(&iface_type_error, &type_T, false);
	cr_assert_eq(m->fun[0], (void *)T_Error, "method type given by a copy of func() string");
	cr_assert_eq(runtime_getitab(&iface_type_error, &type_T, false), m);
	GoItab *i = runtime_getitab(&type_I, &type_T, false);
	cr_assert_eq(i->fun[0], (void *)M);
	cr_assert_eq(i->type, &type_T);
	cr_assert_null(runtime_getitab(&type_I, &iface_type_int, true));
	cr_assert_null(runtime_getitab(&type_I, &iface_type_int, true), "negative entry");
	cr_assert_null(runtime_getitab(&type_hidden, &type_H, true), "unexported names match by package");
}

Test(iface, the_table_grows_and_keeps_every_entry)
{
	enum { N = 300 };
	static GoType types[N];
	static GoItab *tabs[N];
	for (int i = 0; i < N; i++) {
		types[i] = type_T;
		tabs[i] = runtime_getitab(&type_I, &types[i], false);
	}
	for (int i = 0; i < N; i++)
		cr_assert_eq(runtime_getitab(&type_I, &types[i], false), tabs[i]);
}

/* Several threads look up and insert at once, over a table that grows meanwhile: each (I, T) pair
 * still gets exactly one itab (the first thread to insert wins; every thread gets that one), and the
 * readers, which take no lock, never see a half-built itab. */
enum { ITAB_THREADS = 6, ITAB_TYPES = 2000 };
static GoType itab_types[ITAB_TYPES];
static GoItab *itab_seen[ITAB_THREADS][ITAB_TYPES];

static void *hammer_getitab(void *arg)
{
	uintptr_t id = (uintptr_t)arg;
	for (int round = 0; round < 3; round++)
		for (int k = 0; k < ITAB_TYPES; k++) {
			int i = (int)((k + id * 331) % ITAB_TYPES); /* the threads start at different places */
			GoItab *m = runtime_getitab(&type_I, &itab_types[i], false);
			if (m->fun[0] != (void *)M || m->type != &itab_types[i] ||
			    (itab_seen[id][i] && itab_seen[id][i] != m))
				return (void *)1;
			itab_seen[id][i] = m;
		}
	return NULL;
}

Test(iface, threads_share_one_itab_per_pair)
{
	for (int i = 0; i < ITAB_TYPES; i++)
		itab_types[i] = type_T;
	pthread_t th[ITAB_THREADS];
	for (uintptr_t t = 0; t < ITAB_THREADS; t++)
		cr_assert_eq(pthread_create(&th[t], NULL, hammer_getitab, (void *)t), 0);
	for (int t = 0; t < ITAB_THREADS; t++) {
		void *ret;
		pthread_join(th[t], &ret);
		cr_expect_null(ret, "thread %d saw a wrong itab", t);
	}
	for (int i = 0; i < ITAB_TYPES; i++)
		for (int t = 1; t < ITAB_THREADS; t++)
			cr_assert_eq(itab_seen[t][i], itab_seen[0][i], "type %d: two itabs", i);
}

Test(iface, comma_ok_assertions_return_zero_on_failure)
{
	static const intgo v = 5;
	GoIface r = runtime_assertE2I2(&type_I, (GoEface){&iface_type_int, (void *)&v});
	cr_assert_null(r.itab);
	cr_assert_null(r.data);
	r = runtime_assertE2I2(&type_I, (GoEface){&type_T, (void *)&v});
	cr_assert_eq(r.itab->type, &type_T);
	cr_assert_eq(r.data, &v);
	GoIface e = runtime_assertI2I2(&iface_type_error, r);
	cr_assert_eq(e.itab->fun[0], (void *)T_Error);
	cr_assert_null(runtime_assertI2I2(&type_I, (GoIface){0}).itab);
	cr_assert_eq(runtime_convI2I(&iface_type_error, (void *)r.itab), e.itab);
	cr_assert_null(runtime_convI2I(&iface_type_error, NULL));
}

Test(iface, small_values_box_to_shared_constants)
{
	cr_assert_eq(runtime_convT64(7), runtime_convT64(7));
	cr_assert_eq(*(const uint64_t *)runtime_convT64(300), 300);
	cr_assert_eq(*(const uint16_t *)runtime_convT16(65535), 65535);
	cr_assert_eq(*(const uint32_t *)runtime_convT32(255), 255);
	cr_assert_eq(runtime_convTstring((GoString){0}), runtime_convTstring(GOSTR("")));
	GoString s = *(const GoString *)runtime_convTstring(GOSTR("abc"));
	cr_assert_eq(s.len, 3);
}

static _Bool never_called(const void *p, const void *q, const GoType *t)
{
	cr_assert_fail("pointer-shaped values compare their data words");
	return false;
}

Test(iface, direct_interface_data_words_compare_as_pointers)
{
	GoType ptr = {.size = 8, .kind = KIND_POINTER | KIND_DIRECT_IFACE, .equal = (void *)never_called,
		      .string = GOSTR("*int")};
	int a, b;
	cr_assert(runtime_efaceeq(&ptr, &a, &a));
	cr_assert_not(runtime_efaceeq(&ptr, &a, &b));
}

static GoString text_of(GoEface v)
{
	return error_text(v);
}

static void cr_assert_gostr(GoString s, const char *want)
{
	cr_assert_eq((size_t)s.len, strlen(want), "%.*s", (int)s.len, (const char *)s.str);
	cr_assert(memcmp(s.str, want, s.len) == 0, "%.*s", (int)s.len, (const char *)s.str);
}

Test(iface, type_assertion_error_texts)
{
	GoString none = {0};
	cr_assert_gostr(text_of(error_type_assertion(NULL, NULL, &type_I, none)),
			"interface conversion: interface is nil, not main.I");
	cr_assert_gostr(text_of(error_type_assertion(&type_I, &type_pT, &type_qT, none)),
			"interface conversion: main.I is p.T, not p.T (types from different packages)");
	cr_assert_gostr(text_of(error_type_assertion(&type_I, &type_T, &type_T2, none)),
			"interface conversion: main.I is main.T, not main.T (types from different scopes)");
	cr_assert_gostr(text_of(error_type_assertion(NULL, &iface_type_int, &type_I, GOSTR("M"))),
			"interface conversion: int is not main.I: missing method M");
}

Test(iface, runtime_errors_are_runtime_Error_values)
{
	RuntimeError e = {.kind = ERR_BOUNDS, .code = BOUNDS_INDEX, .is_signed = true, .x = 5, .y = 3};
	GoEface v = error_box(&e);
	cr_assert_gostr(text_of(v), "runtime error: index out of range [5] with length 3");
	GoItab *m = runtime_getitab(&iface_type_runtime_Error, v.type, true);
	cr_assert_not_null(m, "boundsError implements runtime.Error");
	RuntimeError d = {.kind = ERR_STRING, .msg = "integer divide by zero"};
	cr_assert_gostr(text_of(error_box(&d)), "runtime error: integer divide by zero");
	RuntimeError p = {.kind = ERR_PLAIN, .msg = "assignment to entry in nil map"};
	cr_assert_gostr(text_of(error_box(&p)), "assignment to entry in nil map");
}

static uint32_t fnv1a(GoString s)
{
	uint32_t h = 2166136261u;
	for (intgo i = 0; i < s.len; i++)
		h = (h ^ s.str[i]) * 16777619u;
	return h;
}

Test(iface, runtime_descriptors_hash_their_type_string_as_the_compiler_does)
{
	const GoType *all[] = {&iface_type_string, &iface_type_int, &iface_type_int64, &iface_type_bool,
			       &iface_type_uint8, &iface_type_func, &iface_type_func_string, &iface_type_error,
			       &iface_type_stringer, &iface_type_runtime_Error, &error_type_errorString,
			       &error_type_plainError, &error_type_boundsError, &error_type_TypeAssertion,
			       &error_type_TypeAssertion_ptr};
	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
		cr_assert_eq(all[i]->hash, fnv1a(all[i]->string), "%.*s", (int)all[i]->string.len,
			     (const char *)all[i]->string.str);
}

static void do_printiface(void *arg)
{
	runtime_printlock();
	runtime_printiface((GoIface){(void *)0x1000, (void *)0xc000012345});
	runtime_printnl();
	runtime_printunlock();
}

Test(iface, printiface_prints_itab_and_data_words)
{
	Captured c;
	rt_capture(do_printiface, NULL, &c);
	rt_assert_output(&c, 0, "(0x1000,0xc000012345)\n");
}

static void do_missing(void *arg)
{
	runtime_getitab(&type_I, &iface_type_string, false);
}

Test(iface, getitab_panics_with_the_missing_method)
{
	Captured c;
	rt_capture(do_missing, NULL, &c);
	rt_assert_output(&c, 2, "panic: interface conversion: string is not main.I: missing method M\n"
				"\ngoroutine 1 [running]:\n");
}

static void do_uncomparable(void *arg)
{
	static const GoType slice = {.size = 24, .kind = KIND_SLICE, .string = GOSTR("[]int")};
	runtime_efaceeq(&slice, NULL, NULL);
}

Test(iface, comparing_uncomparable_types_panics)
{
	Captured c;
	rt_capture(do_uncomparable, NULL, &c);
	rt_assert_output(&c, 2, "panic: runtime error: comparing uncomparable type []int\n"
				"\ngoroutine 1 [running]:\n");
}

Test(iface, runtime_error_values_compare_by_value)
{
	RuntimeError d = {.kind = ERR_STRING, .msg = "integer divide by zero"};
	GoEface a = error_box(&d), b = error_box(&d);
	cr_assert_neq(a.data, b.data);
	cr_assert(runtime_efaceeq(a.type, a.data, b.data), "errorString compares its text");
	RuntimeError x = {.kind = ERR_BOUNDS, .code = BOUNDS_INDEX, .is_signed = true, .x = 5, .y = 3};
	RuntimeError y = {.kind = ERR_BOUNDS, .code = BOUNDS_INDEX, .is_signed = true, .x = 6, .y = 3};
	GoEface bx = error_box(&x), by = error_box(&y), bx2 = error_box(&x);
	cr_assert_not(runtime_efaceeq(bx.type, bx.data, by.data));
	cr_assert(runtime_efaceeq(bx.type, bx.data, bx2.data), "boundsError compares its fields");
	GoItab *tab = runtime_getitab(&iface_type_error, bx.type, false);
	cr_assert(runtime_ifaceeq(tab, bx.data, bx2.data));
}
