/*
 * print_test.c: the print/println builtins produce go1.19's bytes.
 *
 * Every expected string below was printed by go1.19 (println of the same value in a Go program run
 * with /usr/lib/go-1.19/bin/go), including the float rounding quirks that a correctly rounded
 * formatter would not reproduce (1234567.5 -> +1.234567e+006, 9.99999949 -> +9.999999e+000).
 */
#include <float.h>
#include <math.h>
#include <pthread.h>
#include <sys/ioctl.h>

#include "print.h"
#include "rt_test.h"

typedef struct FloatCase {
	double v;
	const char *want;
} FloatCase;

static const FloatCase float_cases[] = {
	{0.0, "+0.000000e+000"},
	{-0.0, "-0.000000e+000"},
	{1.0, "+1.000000e+000"},
	{-1.0, "-1.000000e+000"},
	{1.5, "+1.500000e+000"},
	{0.1, "+1.000000e-001"},
	{1e300, "+1.000000e+300"},
	{1e-300, "+1.000000e-300"},
	{-1e300, "-1.000000e+300"},
	{1e308, "+1.000000e+308"},
	{DBL_MAX, "+1.797693e+308"},
	{4.9406564584124654e-324, "+4.940656e-324"},
	{2.2250738585072014e-308, "+2.225074e-308"},
	{4.9e-324 * 3, "+1.482197e-323"},
	{1e-310, "+1.000000e-310"},
	{NAN, "NaN"},
	{INFINITY, "+Inf"},
	{-INFINITY, "-Inf"},
	{123456789.0, "+1.234568e+008"},
	{0.3333333333333333, "+3.333333e-001"},
	{100.0, "+1.000000e+002"},
	{9.9999999, "+1.000000e+001"},
	{9.99999949, "+9.999999e+000"},
	{9.9999995, "+1.000000e+001"},
	{0.99999995, "+1.000000e+000"},
	{1e100, "+1.000000e+100"},
	{1e-5, "+1.000000e-005"},
	{12345.678, "+1.234568e+004"},
	{-0.000123, "-1.230000e-004"},
	{3.14159265358979, "+3.141593e+000"},
	{2.718281828459045, "+2.718282e+000"},
	{1e21, "+1.000000e+021"},
	{1e22, "+1.000000e+022"},
	{1e23, "+1.000000e+023"},
	{5e-324, "+4.940656e-324"},
	{7.0, "+7.000000e+000"},
	{10.0, "+1.000000e+001"},
	{1e7, "+1.000000e+007"},
	{99999995.0, "+1.000000e+008"},
	{1234567.5, "+1.234567e+006"},
	{(double)0.1f, "+1.000000e-001"},
	{(double)(1.0f / 3.0f), "+3.333333e-001"},
	{0.5, "+5.000000e-001"},
	{0.05, "+5.000000e-002"},
	{0.25, "+2.500000e-001"},
	{999999.5, "+9.999995e+005"},
	{1.0000005, "+1.000001e+000"},
	{1.0000004999, "+1.000000e+000"},
};

static void print_floats(void *arg)
{
	(void)arg;
	for (size_t i = 0; i < sizeof float_cases / sizeof float_cases[0]; i++) {
		runtime_printlock();
		runtime_printfloat(float_cases[i].v);
		runtime_printnl();
		runtime_printunlock();
	}
}

Test(print, floats_match_go119)
{
	static Captured c;
	rt_capture(print_floats, NULL, &c);
	cr_assert_eq(c.exit_code, 0);
	char *line = c.out;
	for (size_t i = 0; i < sizeof float_cases / sizeof float_cases[0]; i++) {
		char *nl = strchr(line, '\n');
		cr_assert_not_null(nl, "output ended before case %zu", i);
		*nl = '\0';
		cr_expect_str_eq(line, float_cases[i].want, "case %zu (%.17g)", i, float_cases[i].v);
		line = nl + 1;
	}
	cr_assert_str_eq(line, "");
}

/* println(complex(1, -2), complex(math.Inf(1), math.NaN()), complex(0, 0)) and the integer edges. */
static void print_misc(void *arg)
{
	(void)arg;
	runtime_printlock();
	runtime_printcomplex(1, -2);
	runtime_printsp();
	runtime_printcomplex(INFINITY, NAN);
	runtime_printsp();
	runtime_printcomplex(0, 0);
	runtime_printnl();
	runtime_printunlock();

	runtime_printlock();
	runtime_printint(INT64_MIN);
	runtime_printsp();
	runtime_printint(INT64_MAX);
	runtime_printsp();
	runtime_printuint(UINT64_MAX);
	runtime_printsp();
	runtime_printint(0);
	runtime_printsp();
	runtime_printint(-1);
	runtime_printnl();
	runtime_printunlock();

	runtime_printlock();
	runtime_printbool(true);
	runtime_printsp();
	runtime_printbool(false);
	runtime_printsp();
	runtime_printstring(GOSTR("str"));
	runtime_printnl();
	runtime_printunlock();

	runtime_printlock(); /* var p *int; println(p); var e interface{}; println(e) */
	runtime_printpointer(NULL);
	runtime_printnl();
	runtime_printeface((GoEface){NULL, NULL});
	runtime_printnl();
	runtime_printunlock();

	runtime_printlock(); /* print("a", "b", 1, 2, "\n"): print puts no spaces */
	runtime_printstring(GOSTR("a"));
	runtime_printstring(GOSTR("b"));
	runtime_printint(1);
	runtime_printint(2);
	runtime_printstring(GOSTR("\n"));
	runtime_printunlock();
}

Test(print, complex_ints_bools_nil_match_go119)
{
	static Captured c;
	rt_capture(print_misc, NULL, &c);
	rt_assert_output(&c, 0,
			 "(+1.000000e+000-2.000000e+000i) (+InfNaNi) (+0.000000e+000+0.000000e+000i)\n"
			 "-9223372036854775808 9223372036854775807 18446744073709551615 0 -1\n"
			 "true false str\n"
			 "0x0\n"
			 "(0x0,0x0)\n"
			 "ab12\n");
}

static void print_pointers(void *arg)
{
	(void)arg;
	runtime_printlock();
	runtime_printpointer((void *)0xc00001c030);
	runtime_printsp();
	runtime_printslice((void *)0xc00003c748, 2, 5);
	runtime_printsp();
	runtime_printeface((GoEface){(const GoType *)0x45c0c0, (void *)0x47b878});
	runtime_printnl();
	runtime_printunlock();
}

Test(print, pointer_slice_eface_shapes)
{
	static Captured c;
	rt_capture(print_pointers, NULL, &c);
	rt_assert_output(&c, 0, "0xc00001c030 [2/5]0xc00003c748 (0x45c0c0,0x47b878)\n");
}

/* A statement longer than the buffer still comes out whole and in order. */
static char big[10000];

static void print_big(void *arg)
{
	(void)arg;
	memset(big, 'x', sizeof big);
	runtime_printlock();
	runtime_printstring(GOSTR("<"));
	for (int i = 0; i < 3; i++) {
		runtime_printstring((GoString){(const uint8_t *)big, 3000});
		runtime_printint(i);
	}
	runtime_printstring((GoString){(const uint8_t *)big, sizeof big});
	runtime_printstring(GOSTR(">"));
	runtime_printnl();
	runtime_printunlock();
	runtime_printstring(GOSTR("unlocked\n")); /* outside a lock: written at once */
}

Test(print, long_statement_in_order)
{
	static Captured c;
	rt_capture(print_big, NULL, &c);
	cr_assert_eq(c.exit_code, 0);
	cr_assert_eq(c.len, 1 + 3 * 3001 + sizeof big + 2 + 9);
	cr_assert_eq(c.out[0], '<');
	cr_assert_eq(c.out[3001], '0');
	cr_assert_eq(c.out[6002], '1');
	cr_assert_eq(c.out[9003], '2');
	cr_assert_str_eq(c.out + 9004 + sizeof big, ">\nunlocked\n");
}

/* Nested locks flush only at the outermost unlock. The child points fd 2 at a pipe only it reads,
 * so the bytes pending in it show exactly what has been written so far. */
static int pending_bytes(int fd)
{
	int n = -1;
	return ioctl(fd, FIONREAD, &n) == 0 ? n : -1;
}

static void print_nested(void *arg)
{
	(void)arg;
	int saved = dup(2), fds[2], after_inner, after_outer;
	char buf[16];
	if (pipe(fds) != 0)
		_exit(3);
	dup2(fds[1], 2);
	runtime_printlock();
	runtime_printstring(GOSTR("a"));
	runtime_printlock();
	runtime_printstring(GOSTR("b"));
	runtime_printunlock();
	runtime_printstring(GOSTR("c\n"));
	after_inner = pending_bytes(fds[0]);
	runtime_printunlock();
	after_outer = pending_bytes(fds[0]);
	ssize_t n = read(fds[0], buf, sizeof buf);
	dup2(saved, 2);
	if (after_inner != 0 || after_outer != 4 || n != 4)
		_exit(4);
	if (write(2, buf, (size_t)n) != n)
		_exit(5);
}

Test(print, nested_lock_flushes_once)
{
	static Captured c;
	rt_capture(print_nested, NULL, &c);
	rt_assert_output(&c, 0, "abc\n");
}

/* printlock excludes other threads: four threads print 150 statements each, every statement in
 * many small pieces; each line of the output must be one whole statement. */
enum { PRINT_THREADS = 4, PRINT_LINES = 150, PRINT_PIECES = 20 };

static void *print_lines(void *arg)
{
	intgo id = (intgo)(uintptr_t)arg;
	for (int i = 0; i < PRINT_LINES; i++) {
		runtime_printlock();
		runtime_printint(id);
		runtime_printsp();
		for (int k = 0; k < PRINT_PIECES; k++)
			print_bytes(&"abcdefghijklmnopqrstuvwxyz"[id], 1);
		runtime_printnl();
		runtime_printunlock();
	}
	return NULL;
}

static void print_from_threads(void *arg)
{
	(void)arg;
	pthread_t th[PRINT_THREADS];
	for (uintptr_t t = 0; t < PRINT_THREADS; t++)
		pthread_create(&th[t], NULL, print_lines, (void *)t);
	for (int t = 0; t < PRINT_THREADS; t++)
		pthread_join(th[t], NULL);
}

Test(print, statements_of_threads_do_not_interleave)
{
	static Captured c;
	rt_capture(print_from_threads, NULL, &c);
	cr_assert_eq(c.exit_code, 0);
	int lines[PRINT_THREADS] = {0};
	for (char *line = c.out; *line; ) {
		char *end = strchr(line, '\n');
		cr_assert_not_null(end, "unterminated line: %s", line);
		int id = line[0] - '0';
		cr_assert(id >= 0 && id < PRINT_THREADS && line[1] == ' ' && end - line == 2 + PRINT_PIECES,
			  "mixed line: %.*s", (int)(end - line), line);
		for (int k = 0; k < PRINT_PIECES; k++)
			cr_assert_eq(line[2 + k], "abcdefghijklmnopqrstuvwxyz"[id], "mixed line: %.*s", (int)(end - line), line);
		lines[id]++;
		line = end + 1;
	}
	for (int t = 0; t < PRINT_THREADS; t++)
		cr_assert_eq(lines[t], PRINT_LINES);
}
