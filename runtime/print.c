/*
 * print.c: the print and println builtins (Go's runtime/print.go), and the output primitive of every
 * runtime diagnostic.
 *
 * The compiler lowers `println(a, b)` to printlock; print<kind>(a); printsp; print<kind>(b);
 * printnl; printunlock. The formats are go1.19's, byte for byte: integers in decimal, floats in the
 * runtime's own `+d.dddddde+ddd` (7 significant digits, sign always shown, 3-digit exponent, NaN,
 * +Inf, -Inf), complex as `(re im i)`, pointers as 0x-hex, slices as `[len/cap]0xptr`, interfaces as
 * `(0xtype,0xdata)`. printfloat is a line-by-line port of Go's algorithm (repeated division by 10,
 * add half an ulp of the 7th digit, peel digits) rather than a correctly rounded conversion, because
 * matching gc's output — including its rounding quirks, e.g. 1234567.5 prints as +1.234567e+006 —
 * is the point. The file is compiled with -ffp-contract=off so no fused multiply-add changes a digit.
 *
 * Buffering: printlock..printunlock brackets one statement; bytes collect in printstate.buf and go
 * out in one write(2) at the outermost unlock, or earlier when the buffer is full (long strings are
 * written straight through after a flush, so order is kept). Go writes each piece immediately and
 * relies on its lock for atomicity; one write per statement keeps the statement atomic with respect
 * to other processes writing to the same pipe, and is cheaper.
 *
 * Threads (Go's debuglock + m.printlock): printlock nests per thread (a thread-local depth) and the
 * outermost one takes print_lock (an RtLock: a waiter sleeps on a futex), so one statement's bytes never interleave with another thread's,
 * and a thread that faults inside its own print statement can still print its report (the depth
 * just grows; no self-deadlock). Printing without the lock (depth 0) writes straight through, as
 * Go's unlocked gwrite does.
 *
 * Invariants: no stdio, no allocation, only write(2): everything here is async-signal-safe. The
 * buffer is touched only by the thread holding print_lock (its depth > 0).
 */
#include "print.h"

#include "scheduler.h"

#include <errno.h>
#include <unistd.h>

#define PRINT_BUF_SIZE 4096

/* Guarded by print_lock. */
static struct {
	size_t len;                   /* bytes pending in buf */
	uint8_t buf[PRINT_BUF_SIZE];
} printstate;
static RtLock print_lock;

/* Guarded by: being thread-local. This thread's printlock nesting; 0 = unbuffered, > 0: it holds
 * print_lock. */
static _Thread_local int print_depth;

static void write_all(const uint8_t *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(2, p, n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return; /* nowhere to report it: Go ignores write errors here too */
		}
		p += w;
		n -= (size_t)w;
	}
}

void print_flush(void)
{
	if (print_depth > 0 && printstate.len > 0) {
		write_all(printstate.buf, printstate.len);
		printstate.len = 0;
	}
}

/* Go's gwrite. */
void print_bytes(const void *p, size_t n)
{
	if (print_depth == 0) {
		write_all(p, n);
		return;
	}
	if (n > PRINT_BUF_SIZE - printstate.len)
		print_flush();
	if (n >= PRINT_BUF_SIZE) {
		write_all(p, n);
		return;
	}
	__builtin_memcpy(printstate.buf + printstate.len, p, n);
	printstate.len += n;
}

void print_cstr(const char *s)
{
	print_bytes(s, __builtin_strlen(s));
}

void runtime_printlock(void)
{
	if (print_depth++ == 0)
		lock_acquire(&print_lock);
}

void runtime_printunlock(void)
{
	if (print_depth == 1) {
		print_flush();
		print_depth = 0;
		lock_release(&print_lock);
	} else if (print_depth > 1) {
		print_depth--;
	}
}

void runtime_printsp(void)
{
	print_bytes(" ", 1);
}

void runtime_printnl(void)
{
	print_bytes("\n", 1);
}

void runtime_printbool(_Bool v)
{
	print_cstr(v ? "true" : "false");
}

void runtime_printuint(uintgo v)
{
	uint8_t buf[20];
	size_t i = sizeof buf;
	do {
		buf[--i] = (uint8_t)('0' + v % 10);
		v /= 10;
	} while (v != 0);
	print_bytes(buf + i, sizeof buf - i);
}

void runtime_printint(intgo v)
{
	if (v < 0) {
		print_bytes("-", 1);
		runtime_printuint(-(uintgo)v); /* also right for the most negative int */
		return;
	}
	runtime_printuint((uintgo)v);
}

/* Go's printhex (minhexdigits is always 0 outside hexdumpWords, which gocc does not have yet). */
void print_hex(uint64_t v)
{
	static const char dig[] = "0123456789abcdef";
	uint8_t buf[18];
	size_t i = sizeof buf;
	do {
		buf[--i] = (uint8_t)dig[v % 16];
		v /= 16;
	} while (v != 0);
	buf[--i] = 'x';
	buf[--i] = '0';
	print_bytes(buf + i, sizeof buf - i);
}

void runtime_printpointer(void *p)
{
	print_hex((uintptr_t)p);
}

void runtime_printstring(GoString s)
{
	print_bytes(s.str, (size_t)s.len);
}

/* Go's printfloat, statement for statement. */
void runtime_printfloat(double v)
{
	enum { N = 7 }; /* digits printed */
	if (v != v) {
		print_cstr("NaN");
		return;
	}
	if (v + v == v && v > 0) {
		print_cstr("+Inf");
		return;
	}
	if (v + v == v && v < 0) {
		print_cstr("-Inf");
		return;
	}

	uint8_t buf[N + 7];
	buf[0] = '+';
	int e = 0;
	if (v == 0) {
		if (1 / v < 0)
			buf[0] = '-';
	} else {
		if (v < 0) {
			v = -v;
			buf[0] = '-';
		}
		while (v >= 10) { /* normalize */
			e++;
			v /= 10;
		}
		while (v < 1) {
			e--;
			v *= 10;
		}
		double h = 5.0; /* round */
		for (int i = 0; i < N; i++)
			h /= 10;
		v += h;
		if (v >= 10) {
			e++;
			v /= 10;
		}
	}

	for (int i = 0; i < N; i++) { /* format +d.dddd+edd */
		int s = (int)v;
		buf[i + 2] = (uint8_t)(s + '0');
		v -= s;
		v *= 10;
	}
	buf[1] = buf[2];
	buf[2] = '.';
	buf[N + 2] = 'e';
	buf[N + 3] = '+';
	if (e < 0) {
		e = -e;
		buf[N + 3] = '-';
	}
	buf[N + 4] = (uint8_t)(e / 100 + '0');
	buf[N + 5] = (uint8_t)(e / 10 % 10 + '0');
	buf[N + 6] = (uint8_t)(e % 10 + '0');
	print_bytes(buf, sizeof buf);
}

void runtime_printcomplex(double re, double im)
{
	print_bytes("(", 1);
	runtime_printfloat(re);
	runtime_printfloat(im);
	print_bytes("i)", 2);
}

void runtime_printslice(void *array, intgo len, intgo cap)
{
	print_bytes("[", 1);
	runtime_printint(len);
	print_bytes("/", 1);
	runtime_printint(cap);
	print_bytes("]", 1);
	runtime_printpointer(array);
}

void runtime_printeface(GoEface e)
{
	print_bytes("(", 1);
	print_hex((uintptr_t)e.type);
	print_bytes(",", 1);
	print_hex((uintptr_t)e.data);
	print_bytes(")", 1);
}
