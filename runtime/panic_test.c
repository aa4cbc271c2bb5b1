/*
 * panic_test.c: unrecovered panics, runtime errors and fatal errors print go1.19's text and exit 2.
 *
 * Expected first lines are the observed go1.19 outputs of reference/panics-and-messages.md §1.1 and
 * §2 (`panic: main.MyInt(7)`, `index out of range [5] with length 3` ...). go1.19 then prints the
 * frames of the panicking goroutine; gocc v0 prints the goroutine header and no frames (no symbol
 * table yet, see docs/runtime.md), which is what these tests pin down.
 */
#include <signal.h>
#include <stdio.h>

#include "panic.h"
#include "proc.h"
#include "rt_test.h"

#define TAIL "\ngoroutine 1 [running]:\n"

/* ---- panic(v) for values of various types ---- */

#define T(kind_, str_, size_) {.size = size_, .kind = KIND_##kind_, .string = GOSTR(str_)}
static const GoType t_string = T(STRING, "string", 16), t_int = T(INT, "int", 8),
		    t_uint8 = T(UINT8, "uint8", 1), t_bool = T(BOOL, "bool", 1),
		    t_float64 = T(FLOAT64, "float64", 8), t_float32 = T(FLOAT32, "float32", 4),
		    t_complex128 = T(COMPLEX128, "complex128", 16), t_myint = T(INT, "main.MyInt", 8),
		    t_mystr = T(STRING, "main.MyStr", 16), t_f = T(FLOAT64, "main.F", 8),
		    t_c = T(COMPLEX128, "main.C", 16), t_b = T(BOOL, "main.B", 1),
		    t_int8 = T(INT8, "int8", 1), t_myu16 = T(UINT16, "main.U16", 2),
		    t_c64 = T(COMPLEX64, "complex64", 8), t_struct = T(STRUCT, "main.T", 16),
		    t_ptr = T(POINTER, "*main.T", 8), t_slice = T(SLICE, "[]int", 24);

typedef struct PanicCase {
	const GoType *type;
	const void *data;
	const char *want; /* the first line, without "panic: " */
} PanicCase;

static const GoString v_boom = GOSTR("boom"), v_hello = GOSTR("hello"),
		      v_multi = GOSTR("line1\nline2\tTAB");
static const int64_t v_42 = 42, v_7 = 7;
static const int8_t v_m5 = -5;
static const uint8_t v_200 = 200;
static const uint16_t v_65535 = 65535;
static const _Bool v_true = true, v_false = false;
static const double v_1_5 = 1.5, v_2_5 = 2.5, v_c1[2] = {1, -2}, v_c2[2] = {1, 2};
static const float v_0_1f = 0.1f, v_c64[2] = {0.5f, 0};

static const PanicCase panic_cases[] = {
	{&t_string, &v_boom, "boom"},
	{&t_string, &v_multi, "line1\nline2\tTAB"}, /* raw, no escaping in 1.19 */
	{&t_int, &v_42, "42"},
	{&t_uint8, &v_200, "200"},
	{&t_int8, &v_m5, "-5"},
	{&t_bool, &v_true, "true"},
	{&t_float64, &v_1_5, "+1.500000e+000"},
	{&t_float32, &v_0_1f, "+1.000000e-001"},
	{&t_complex128, v_c1, "(+1.000000e+000-2.000000e+000i)"},
	{&t_c64, v_c64, "(+5.000000e-001+0.000000e+000i)"},
	{&t_myint, &v_7, "main.MyInt(7)"},
	{&t_mystr, &v_hello, "main.MyStr(\"hello\")"},
	{&t_f, &v_2_5, "main.F(+2.500000e+000)"},
	{&t_c, v_c2, "main.C(+1.000000e+000+2.000000e+000i)"}, /* no extra parentheses */
	{&t_b, &v_false, "main.B(false)"},
	{&t_myu16, &v_65535, "main.U16(65535)"},
	{NULL, NULL, "nil"},
};

static void do_gopanic(void *arg)
{
	const PanicCase *c = arg;
	runtime_gopanic((GoEface){c->type, (void *)c->data});
}

Test(panic, values_print_like_go119)
{
	static Captured c;
	for (size_t i = 0; i < sizeof panic_cases / sizeof panic_cases[0]; i++) {
		char want[256];
		snprintf(want, sizeof want, "panic: %s\n" TAIL, panic_cases[i].want);
		rt_capture(do_gopanic, (void *)&panic_cases[i], &c);
		cr_expect_eq(c.exit_code, 2, "case %zu", i);
		cr_expect_str_eq(c.out, want, "case %zu", i);
	}
}

/* Other kinds print `(<type string>) <data word>` (`panic: (main.T) 0xc00008a000`). */
Test(panic, composite_values_print_type_and_address)
{
	static Captured c;
	static int64_t pair[2] = {1, 2};
	const GoType *types[] = {&t_struct, &t_ptr, &t_slice};
	for (size_t i = 0; i < 3; i++) {
		PanicCase pc = {types[i], pair, NULL};
		char want[256];
		snprintf(want, sizeof want, "panic: (%s) %p\n" TAIL, (const char *)types[i]->string.str,
			 (void *)pair);
		rt_capture(do_gopanic, &pc, &c);
		rt_assert_output(&c, 2, want);
	}
}

/* ---- runtime errors ---- */

typedef struct BoundsCase {
	void (*fn)(intgo, intgo);
	intgo x, y;
	const char *want;
} BoundsCase;

static const BoundsCase bounds_cases[] = {
	{runtime_goPanicIndex, 5, 3, "index out of range [5] with length 3"},
	{runtime_goPanicIndex, -1, 3, "index out of range [-1]"},
	{runtime_goPanicIndex, 4, 4, "index out of range [4] with length 4"},
	{runtime_goPanicSliceAlen, 5, 3, "slice bounds out of range [:5] with length 3"},
	{runtime_goPanicSliceAcap, 5, 3, "slice bounds out of range [:5] with capacity 3"},
	{runtime_goPanicSliceAlen, -1, 3, "slice bounds out of range [:-1]"},
	{runtime_goPanicSliceB, 3, 2, "slice bounds out of range [3:2]"},
	{runtime_goPanicSliceB, 4, 3, "slice bounds out of range [4:3]"},
	{runtime_goPanicSliceB, -2, 3, "slice bounds out of range [-2:]"},
	{runtime_goPanicSlice3Alen, 5, 3, "slice bounds out of range [::5] with length 3"},
	{runtime_goPanicSlice3Acap, 5, 3, "slice bounds out of range [::5] with capacity 3"},
	{runtime_goPanicSlice3Acap, -1, 3, "slice bounds out of range [::-1]"},
	{runtime_goPanicSlice3B, 3, 2, "slice bounds out of range [:3:2]"},
	{runtime_goPanicSlice3B, -3, 2, "slice bounds out of range [:-3:]"},
	{runtime_goPanicSlice3C, 2, 1, "slice bounds out of range [2:1:]"},
	{runtime_goPanicSlice3C, -1, 1, "slice bounds out of range [-1::]"},
	{runtime_goPanicSliceConvert, 4, 2,
	 "cannot convert slice with length 2 to pointer to array with length 4"},
};

static void do_bounds(void *arg)
{
	const BoundsCase *b = arg;
	b->fn(b->x, b->y);
}

Test(panic, bounds_errors_match_go119)
{
	static Captured c;
	for (size_t i = 0; i < sizeof bounds_cases / sizeof bounds_cases[0]; i++) {
		char want[256];
		snprintf(want, sizeof want, "panic: runtime error: %s\n" TAIL, bounds_cases[i].want);
		rt_capture(do_bounds, (void *)&bounds_cases[i], &c);
		cr_expect_eq(c.exit_code, 2, "case %zu", i);
		cr_expect_str_eq(c.out, want, "case %zu", i);
	}
}

static void do_bounds_unsigned(void *arg)
{
	(void)arg;
	runtime_goPanicIndexU(UINT64_MAX, 3); /* a uint index is never "negative" */
}

Test(panic, unsigned_index_prints_unsigned)
{
	static Captured c;
	rt_capture(do_bounds_unsigned, NULL, &c);
	rt_assert_output(&c, 2,
			 "panic: runtime error: index out of range [18446744073709551615] with length 3\n" TAIL);
}

Test(panic, longest_bounds_message_fits)
{
	RuntimeError e = {.kind = ERR_BOUNDS, .code = BOUNDS_SLICE3_ACAP, .is_signed = false,
			  .x = -1, .y = INT64_MAX};
	char buf[ERROR_BUF_SIZE];
	size_t n = error_format(&e, buf, sizeof buf);
	const char want[] = "runtime error: slice bounds out of range [::18446744073709551615] with "
			    "capacity 9223372036854775807";
	cr_assert_eq(n, sizeof want - 1);
	cr_assert(memcmp(buf, want, n) == 0);
	cr_assert_eq(error_format(&e, buf, 10), 10, "truncates, never overflows");
}

static void do_divide(void *arg) { (void)arg; runtime_panicdivide(); }
static void do_shift(void *arg) { (void)arg; runtime_panicshift(); }
static void do_throw(void *arg) { (void)arg; panic_throw("all goroutines are asleep - deadlock!"); }

Test(panic, simple_runtime_errors)
{
	static Captured c;
	rt_capture(do_divide, NULL, &c);
	rt_assert_output(&c, 2, "panic: runtime error: integer divide by zero\n" TAIL);
	rt_capture(do_shift, NULL, &c);
	rt_assert_output(&c, 2, "panic: runtime error: negative shift amount\n" TAIL);
	rt_capture(do_throw, NULL, &c);
	rt_assert_output(&c, 2, "fatal error: all goroutines are asleep - deadlock!\n" TAIL);
}

/* Checks `<first line>\n[signal <sig>: ... code=<code> addr=<addr> pc=0x<non-zero hex>]\n` + TAIL. */
static void assert_signal_report(const Captured *c, const char *first, const char *sigpart,
				 bool pc_zero)
{
	cr_assert_eq(c->exit_code, 2, "exit %d signal %d: %s", c->exit_code, c->signal, c->out);
	size_t n = strlen(first);
	cr_assert(strncmp(c->out, first, n) == 0, "got: %s", c->out);
	const char *sig = c->out + n;
	cr_assert(strncmp(sig, sigpart, strlen(sigpart)) == 0, "got: %s", sig);
	const char *pc = sig + strlen(sigpart);
	cr_assert(strncmp(pc, " pc=0x", 6) == 0, "got: %s", pc);
	char *end;
	unsigned long v = strtoul(pc + 6, &end, 16);
	cr_assert(pc_zero ? v == 0 : v != 0);
	cr_assert_str_eq(end, "]\n" TAIL);
}

static void do_panicmem(void *arg) { (void)arg; runtime_panicmem(); }

Test(panic, panicmem_prints_the_signal_line)
{
	static Captured c;
	rt_capture(do_panicmem, NULL, &c);
	assert_signal_report(&c, "panic: runtime error: invalid memory address or nil pointer dereference\n",
			     "[signal SIGSEGV: segmentation violation code=0x1 addr=0x0", false);
}

/* ---- real faults through the signal handler ---- */

int *volatile nil_int;
int *volatile wild_int = (int *)0xdeadbeef;
volatile int zero;

__attribute__((noinline)) static int load(int *p) { return *(volatile int *)p; }

static void do_nil_load(void *arg) { (void)arg; signal_init(); load(nil_int); }
static void do_nil_field(void *arg) { (void)arg; signal_init(); load(nil_int + 100); }
static void do_wild_load(void *arg) { (void)arg; signal_init(); load(wild_int); }
static void do_nil_call(void *arg)
{
	(void)arg;
	signal_init();
	void (*volatile f)(void) = NULL;
	f();
}
static void do_int_divide(void *arg)
{
	(void)arg;
	signal_init();
	volatile int x = 7 / zero; /* not 1/x, which gcc turns into a compare */
	(void)x;
}

Test(signal, nil_dereference_is_a_panic)
{
	static Captured c;
	rt_capture(do_nil_load, NULL, &c);
	assert_signal_report(&c, "panic: runtime error: invalid memory address or nil pointer dereference\n",
			     "[signal SIGSEGV: segmentation violation code=0x1 addr=0x0", false);
	rt_capture(do_nil_field, NULL, &c);
	assert_signal_report(&c, "panic: runtime error: invalid memory address or nil pointer dereference\n",
			     "[signal SIGSEGV: segmentation violation code=0x1 addr=0x190", false);
}

Test(signal, nil_func_call_reports_pc_zero)
{
	static Captured c;
	rt_capture(do_nil_call, NULL, &c);
	assert_signal_report(&c, "panic: runtime error: invalid memory address or nil pointer dereference\n",
			     "[signal SIGSEGV: segmentation violation code=0x1 addr=0x0", true);
}

Test(signal, wild_pointer_is_fatal)
{
	static Captured c;
	rt_capture(do_wild_load, NULL, &c);
	assert_signal_report(&c, "unexpected fault address 0xdeadbeef\nfatal error: fault\n",
			     "[signal SIGSEGV: segmentation violation code=0x1 addr=0xdeadbeef", false);
}

Test(signal, hardware_divide_trap_is_a_divide_panic)
{
	static Captured c;
	rt_capture(do_int_divide, NULL, &c);
	cr_assert_eq(c.exit_code, 2);
	static const char want[] = "panic: runtime error: integer divide by zero\n"
				   "[signal SIGFPE: floating-point exception code=0x1 addr=0x";
	cr_assert(strncmp(c.out, want, sizeof want - 1) == 0, "got: %s", c.out);
}

__attribute__((noinline)) static int recurse(int n)
{
	volatile char frame[256];
	frame[0] = (char)n;
	if (n == -1) /* never: keeps the compiler from calling this an infinite recursion */
		return 0;
	return recurse(n + 1) + frame[0];
}

static void do_overflow(void *arg) { (void)arg; signal_init(); recurse(0); }

Test(signal, stack_overflow_is_fatal)
{
	static Captured c;
	rt_capture(do_overflow, NULL, &c);
	cr_assert_eq(c.exit_code, 2, "exit %d signal %d", c.exit_code, c.signal);
	const char *fatal = strstr(c.out, "fatal error: stack overflow\n" TAIL);
	cr_assert_not_null(fatal, "got: %s", c.out);
	cr_assert_str_eq(fatal, "fatal error: stack overflow\n" TAIL);
}

static void do_kill_segv(void *arg) { (void)arg; signal_init(); raise(SIGSEGV); }

Test(signal, sigsegv_from_kill_is_not_a_nil_dereference)
{
	static Captured c;
	rt_capture(do_kill_segv, NULL, &c);
	cr_assert_eq(c.exit_code, 2);
	cr_assert(strncmp(c.out, "SIGSEGV: segmentation violation\nPC=0x", 37) == 0, "got: %s", c.out);
	cr_assert_not_null(strstr(c.out, " m=0 sigcode=18446744073709551610\n" TAIL), "got: %s", c.out);
}

/* ---- GOTRACEBACK ---- */

static void do_panic_traceback(void *arg)
{
	proc_set_traceback(arg);
	runtime_goPanicIndex(5, 3);
}

static void do_throw_traceback(void *arg)
{
	proc_set_traceback(arg);
	panic_throw("boom");
}

Test(panic, gotraceback_levels)
{
	static Captured c;
	static const char *const quiet[] = {"none", "0", "bogus", "-1"};
	for (size_t i = 0; i < 4; i++) {
		rt_capture(do_panic_traceback, (void *)quiet[i], &c);
		rt_assert_output(&c, 2, "panic: runtime error: index out of range [5] with length 3\n");
	}
	static const char *const loud[] = {"", "single", "all", "system", "1", "2"};
	for (size_t i = 0; i < 6; i++) {
		rt_capture(do_panic_traceback, (void *)loud[i], &c);
		rt_assert_output(&c, 2, "panic: runtime error: index out of range [5] with length 3\n" TAIL);
	}
	rt_capture(do_throw_traceback, "none", &c); /* throws ignore a lower setting */
	rt_assert_output(&c, 2, "fatal error: boom\n" TAIL);
}

Test(panic, gotraceback_crash_aborts)
{
	static Captured c;
	rt_capture(do_panic_traceback, "crash", &c);
	cr_assert_eq(c.signal, SIGABRT);
	cr_assert_str_eq(c.out, "panic: runtime error: index out of range [5] with length 3\n" TAIL);
}

/* A panic in the middle of a print statement still gets the statement's pending output first. */
static void do_panic_mid_print(void *arg)
{
	(void)arg;
	runtime_printlock();
	runtime_printstring(GOSTR("partial "));
	runtime_goPanicIndex(1, 0);
}

Test(panic, flushes_a_pending_print_statement)
{
	static Captured c;
	rt_capture(do_panic_mid_print, NULL, &c);
	rt_assert_output(&c, 2, "partial panic: runtime error: index out of range [1] with length 0\n" TAIL);
}
