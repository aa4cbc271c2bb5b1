/*
 * defer_test.c: the recover rules of go1.19 at the runtime level (test/recover.go and recover1.go of
 * the Go 1.19 distribution: `defer recover()` is a no-op as the deferred call itself but recovers when
 * run at the normal return of a deferred function; a wrapper thunk passes the right to recover on;
 * a recover in a nested panic's deferred call sees only that panic), and the order of mixed stack and
 * heap defer records. The functions below are shaped as compiled Go code will be (runtime.def); the
 * file is built with frame pointers and without sibling calls, as the contract requires.
 */
#include "rt_test.h"
#include "testdata/gotest.h"

/* mustRecover(x): recover() must return the int x. */
static intgo recovered_value = -1;

static void must_recover(void *ctx)
{
	GoEface v = RECOVER();
	cr_assert_not_null(v.type, "nothing to recover");
	cr_assert_eq(*(const intgo *)v.data, (intgo)((Closure *)ctx)->cap[0]);
	recovered_value = *(const intgo *)v.data;
}

/* mustNotRecover(): recover() must return nil. */
static void must_not_recover(void *ctx)
{
	cr_assert_null(RECOVER().type, "recovered a panic that should be gone");
}

/* Records whatever recover() returns. */
static void record_recover(void *ctx)
{
	GoEface v = RECOVER();
	recovered_value = v.type ? *(const intgo *)v.data : -1;
}

static const intgo ints[4] = {0, 1, 2, 3};

static void panic_int(intgo k)
{
	runtime_gopanic((GoEface){&iface_type_int, (void *)&ints[k]});
}

/* The thunk of `defer recover()`: recover() as written in the deferring function (its frame address
 * was captured at the defer statement). */
static void recover_thunk(void *ctx)
{
	runtime_gorecover(((Closure *)ctx)->cap[0]);
}

/* test2: defer mustRecover(2); defer recover() // no-op; panic(2) */
static NOINLINE void test2(void)
{
	const Closure cs[] = {{must_recover, {(void *)2}}, {recover_thunk, {CAPTURE_FP}}};
	defer_and_run(cs, 2, panic_int, 2);
}

Test(defer, defer_recover_is_a_no_op_as_the_deferred_call)
{
	recovered_value = -1;
	test2();
	cr_assert_eq(recovered_value, 2);
}

/* test5's deferred closure: defer recover() — run at its normal return, so it recovers. It must be
 * the deferring function itself (through defer_and_run, a callee of the deferred call would defer
 * the recover, which go1.19 does not let recover: try it). */
static NOINLINE void test5_closure(void *ctx)
{
	DEFER_FRAME;
	char d[RT_DEFER_SIZE];
	Closure c = {recover_thunk, {__builtin_frame_address(0)}};
	if (runtime_deferframe(frame)) {
		runtime_deferreturn(frame);
		return;
	}
	runtime_deferprocStack(frame, d, &c);
	runtime_deferreturn(frame);
}

/* test5: defer mustNotRecover(); defer func() { defer recover() }(); panic(5) */
static NOINLINE void test5(void)
{
	const Closure cs[] = {{must_not_recover, {0}}, {test5_closure, {0}}};
	defer_and_run(cs, 2, panic_int, 1);
}

Test(defer, defer_recover_at_normal_return_of_a_deferred_call_recovers)
{
	test5();
	cr_assert_null(panic_g.panic);
}

/* test7's closure: defer mustRecover(3); defer recover() // no-op here; panic(3) */
static NOINLINE void test7_closure(void *ctx)
{
	const Closure cs[] = {{must_recover, {(void *)3}}, {recover_thunk, {CAPTURE_FP}}};
	defer_and_run(cs, 2, panic_int, 3);
}

/* test7: defer mustRecover(2); defer func() {...}(); panic(2) */
static NOINLINE void test7(void)
{
	const Closure cs[] = {{must_recover, {(void *)2}}, {test7_closure, {0}}};
	defer_and_run(cs, 2, panic_int, 2);
}

Test(defer, nested_panic_is_recovered_by_its_own_deferred_call)
{
	recovered_value = -1;
	test7();
	cr_assert_eq(recovered_value, 2, "the outer panic was recovered last");
	cr_assert_null(panic_g.panic);
	cr_assert_null(panic_g.defer);
}

/* A method M that recovers, deferred through a thunk (`defer x.M()`). */
static NOINLINE void method_that_recovers(intgo want)
{
	GoEface v = RECOVER();
	cr_assert_not_null(v.type);
	recovered_value = *(const intgo *)v.data;
	cr_assert_eq(recovered_value, want);
}

static NOINLINE void wrapper_thunk(void *ctx)
{
	runtime_deferwrapper(__builtin_frame_address(0));
	method_that_recovers(1);
}

Test(defer, wrapper_thunk_passes_the_right_to_recover_on)
{
	recovered_value = -1;
	run_deferring(wrapper_thunk, panic_int, 1);
	cr_assert_eq(recovered_value, 1);
}

/* Without deferwrapper the callee of the deferred call cannot recover. */
static NOINLINE GoEface callee(void)
{
	return RECOVER();
}

static NOINLINE void plain_thunk(void *ctx)
{
	cr_assert_null(callee().type);
}

static NOINLINE void run_plain_thunk(intgo k)
{
	run_deferring(plain_thunk, panic_int, k);
}

Test(defer, callee_of_the_deferred_call_cannot_recover)
{
	recovered_value = -1;
	run_deferring(record_recover, run_plain_thunk, 3);
	cr_assert_eq(recovered_value, 3, "the outer deferred call recovered it");
}

/* Stack and heap records of one frame run newest first at return, and only that frame's. */
static char order[8];
static int norder;

static void note(void *ctx)
{
	order[norder++] = (char)(intptr_t)((Closure *)ctx)->cap[0];
}

static NOINLINE void mixed(void)
{
	DEFER_FRAME;
	char d[RT_DEFER_SIZE];
	Closure a = {note, {(void *)'a'}};
	static Closure loop[3] = {{note, {(void *)'0'}}, {note, {(void *)'1'}}, {note, {(void *)'2'}}};
	if (runtime_deferframe(frame)) {
		runtime_deferreturn(frame);
		return;
	}
	runtime_deferprocStack(frame, d, &a);
	for (int i = 0; i < 3; i++)
		runtime_deferproc(frame, &loop[i]);
	runtime_deferreturn(frame);
}

Test(defer, stack_and_heap_records_run_newest_first)
{
	norder = 0;
	mixed();
	order[norder] = 0;
	cr_assert_str_eq(order, "210a");
	cr_assert_null(panic_g.defer);
}

Test(defer, recover_without_panic_is_nil)
{
	cr_assert_null(RECOVER().type);
}

/* Heap records go back to a pool when they have run: a loop of defers reuses them. */
Test(defer, heap_records_are_recycled)
{
	DEFER_FRAME;
	static Closure x = {note, {(void *)'x'}};
	norder = 0;
	runtime_deferproc(frame, &x);
	Defer *first = panic_g.defer;
	runtime_deferreturn(frame);
	runtime_deferproc(frame, &x);
	cr_assert_eq(panic_g.defer, first);
	runtime_deferreturn(frame);
	cr_assert_eq(norder, 2);
	cr_assert_null(panic_g.defer);
}

/* A frame with open-coded defers, laid out as the compiler does (runtime.def): one record, bits and
 * slots set by the frame itself. The panic runs slot 2, then slot 1 recovers; the frame resumes and
 * its recovered path runs slot 0. The caller's stack record runs at the caller's return. */
static NOINLINE void open_frame(void)
{
	DEFER_FRAME;
	_Alignas(8) char rec[RT_OPEN_DEFER_SLOTS + 3 * 8];
	OpenDefer *o = (OpenDefer *)rec;
	static Closure a = {note, {(void *)'a'}}, r = {must_recover, {(void *)3}}, c = {note, {(void *)'c'}};
	runtime_deferprocOpen(rec, frame);
	if (runtime_deferframe(frame)) {
		runtime_deferreturnOpen(rec);
		return;
	}
	o->slots[0] = &a;
	o->bits |= 1;
	o->slots[1] = &r;
	o->bits |= 2;
	o->slots[2] = &c;
	o->bits |= 4;
	panic_int(3);
}

static NOINLINE void calls_open_frame(void)
{
	DEFER_FRAME;
	char d[RT_DEFER_SIZE];
	Closure z = {note, {(void *)'z'}};
	if (runtime_deferframe(frame)) {
		runtime_deferreturn(frame);
		return;
	}
	runtime_deferprocStack(frame, d, &z);
	open_frame();
	order[norder++] = 'r';
	runtime_deferreturn(frame);
}

Test(defer, open_coded_frame_runs_newest_first_and_resumes)
{
	norder = 0;
	recovered_value = -1;
	calls_open_frame();
	order[norder] = 0;
	cr_assert_str_eq(order, "carz");
	cr_assert_eq(recovered_value, 3);
	cr_assert_null(panic_g.defer);
	cr_assert_null(panic_g.panic);
}
