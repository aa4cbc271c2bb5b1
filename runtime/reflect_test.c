/*
 * reflect_test.c: runtime/reflect.c's callframe trampoline, which reflect.Value.Call uses to call a
 * function with the register and stack words call.go computed. A C callee with more integer and
 * float parameters than there are registers checks that each word lands where the System V ABI
 * says (the overflow words on the stack in argument order, integer and float interleaved), and the
 * results come back from RAX, RDX, RCX, XMM0, XMM1 and the x87 stack.
 */
#include <criterion/criterion.h>

#include "runtime.h"

/* call.go's callFrame. */
typedef struct CallFrame {
	void *fn;
	uint64_t ints[6];
	uint64_t floats[8];
	uint64_t *stack;
	intgo nstack;
	uint64_t ret[3];
	uint64_t fret[2];
	intgo nx87;
	double x87[2];
} CallFrame;

extern void reflect_callframe_test(void *ctx, CallFrame *f) __asm__("\"reflect.callframe\"");

static uint64_t fbits(double d)
{
	uint64_t u;
	memcpy(&u, &d, 8);
	return u;
}

/* 7 integer parameters and 9 doubles: the 7th integer and the 9th double overflow to the stack,
 * in argument order. */
static int64_t callee(int64_t i0, int64_t i1, int64_t i2, int64_t i3, int64_t i4, int64_t i5, double d0,
		      double d1, double d2, double d3, double d4, double d5, double d6, double d7,
		      int64_t i6, double d8)
{
	int64_t ints = i0 + 10 * i1 + 100 * i2 + 1000 * i3 + 10000 * i4 + 100000 * i5 + 1000000 * i6;
	double floats = d0 + 2 * d1 + 3 * d2 + 4 * d3 + 5 * d4 + 6 * d5 + 7 * d6 + 8 * d7 + 9 * d8;
	return ints * 1000 + (int64_t)floats;
}

Test(reflect, callframe_places_register_and_stack_words)
{
	CallFrame f = {0};
	uint64_t stack[2] = {7, fbits(9.0)};
	f.fn = (void *)callee;
	for (int i = 0; i < 6; i++)
		f.ints[i] = (uint64_t)(i + 1);
	for (int i = 0; i < 8; i++)
		f.floats[i] = fbits(i + 1.0);
	f.stack = stack;
	f.nstack = 2;
	reflect_callframe_test(NULL, &f);
	/* 1..7 as decimal digits; floats 1*1 + 2*2 + ... + 9*9 = 285 */
	cr_assert_eq((int64_t)f.ret[0], 7654321LL * 1000 + 285);
}

typedef struct { int64_t a; double b; } IntDouble;

static IntDouble two(int64_t i0, int64_t i1, int64_t i2, int64_t i3, int64_t i4, int64_t i5, int64_t i6,
		     int64_t i7, double d0)
{
	IntDouble r = {i0 + i1 + i2 + i3 + i4 + i5 + i6 * 10 + i7 * 100, d0 * 2};
	return r;
}

Test(reflect, callframe_returns_rax_and_xmm0)
{
	CallFrame f = {0};
	uint64_t stack[2] = {7, 8};
	f.fn = (void *)two;
	for (int i = 0; i < 6; i++)
		f.ints[i] = (uint64_t)(i + 1);
	f.floats[0] = fbits(1.25);
	f.stack = stack;
	f.nstack = 2;
	reflect_callframe_test(NULL, &f);
	cr_assert_eq(f.ret[0], 1 + 2 + 3 + 4 + 5 + 6 + 70 + 800);
	double d;
	memcpy(&d, &f.fret[0], 8);
	cr_assert_eq(d, 2.5);
}

typedef struct { double a, b; } TwoDoubles;

/* Three or four float results in LLVM's convention come back in XMM0, XMM1, then ST0, ST1; a C
 * function returning long double puts it in ST0, which is what callframe pops as the first. */
static long double x87(void)
{
	return 3.5L;
}

Test(reflect, callframe_pops_x87_results)
{
	CallFrame f = {0};
	f.fn = (void *)x87;
	f.nx87 = 1;
	reflect_callframe_test(NULL, &f);
	cr_assert_eq(f.x87[0], 3.5);
}
