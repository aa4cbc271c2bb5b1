/*
 * math_amd64.c: package math's body-less arch functions (Go's math/ *_amd64.s files), defined for math's
 * declarations by GO_LINKNAME under gc's link names (math.archFloor, math.archExp, ...).
 *
 * In: float64 arguments. Out: the same bits go1.19's amd64 assembly returns, for every input. Each
 * function is a transcription of that assembly, instruction by instruction where the result depends
 * on the instructions: the same special-case tests on the bit patterns (and so the same NaN,
 * 0x7FF8000000000001, where the assembly loads it), the same conversions (CVTTSD2SQ truncating,
 * CVTSD2SL rounding to nearest), the same order of additions and multiplications, and for archExp both
 * of its paths: gc's Exp takes the fused multiply-add path when math.useFMA (AVX and FMA, set by
 * package math from internal/cpu) and the plain one otherwise, and the two differ in the last bit.
 * archSqrt is SQRTSD, exact by IEEE 754; archFloor/Ceil/Trunc are exact by construction.
 *
 * Invariants: this file is compiled with -ffp-contract=off (runtime/CMakeLists.txt), so the C
 * compiler never fuses a multiply and an add that the assembly keeps apart; the fused operations are
 * explicit __builtin_fma calls in a function compiled for the FMA extension (VFMADD, as the assembly).
 * Tested bit for bit against go1.19 on special values and 10,000 inputs per function from a fixed LCG
 * (testdata/math_arch.go).
 *
 * Rejected: calling libm (floor, exp, log, hypot): its results are correctly rounded or nearly so,
 * and gc's assembly is not, so libm differs from go1.19 in the last bit (Exp on 16% of inputs).
 * Porting the pure-Go functions (math.exp) instead of the assembly: gc on amd64 never runs them.
 */
#include "runtime.h"

#include <immintrin.h>
#include <string.h>

#define PosInf 0x7FF0000000000000ULL
#define NegInf 0xFFF0000000000000ULL
#define NaN    0x7FF8000000000001ULL
#define SignMask (1ULL << 63)
#define Big    0x4330000000000000ULL /* 2**52 */

static uint64_t bits(double x)
{
	uint64_t b;
	memcpy(&b, &x, sizeof b);
	return b;
}

static double frombits(uint64_t b)
{
	double x;
	memcpy(&x, &b, sizeof x);
	return x;
}

/* ---- dim_amd64.s ---- */

GO_LINKNAME(math_archMax, "math.archMax");
RUNTIME_API double math_archMax(void *ctx, double x, double y)
{
	(void)ctx;
	uint64_t bx = bits(x), by = bits(y);
	if (bx == PosInf || by == PosInf)
		return frombits(PosInf);
	uint64_t ax = bx & ~SignMask, ay = by & ~SignMask;
	if (ax > PosInf || ay > PosInf)
		return frombits(NaN);
	if ((ax | ay) == 0) /* ±0, ±0: +0 unless both are -0 */
		return bx == SignMask ? y : x;
	return x > y ? x : y; /* MAXSD */
}

GO_LINKNAME(math_archMin, "math.archMin");
RUNTIME_API double math_archMin(void *ctx, double x, double y)
{
	(void)ctx;
	uint64_t bx = bits(x), by = bits(y);
	if (bx == NegInf || by == NegInf)
		return frombits(NegInf);
	uint64_t ax = bx & ~SignMask, ay = by & ~SignMask;
	if (ax > PosInf || ay > PosInf)
		return frombits(NaN);
	if ((ax | ay) == 0) /* ±0, ±0: -0 if either is -0 */
		return bx == SignMask ? x : y;
	return x < y ? x : y; /* MINSD */
}

/* ---- floor_amd64.s ---- */

GO_LINKNAME(math_archFloor, "math.archFloor");
RUNTIME_API double math_archFloor(void *ctx, double x)
{
	(void)ctx;
	/* |x| >= 2**52-1, NaN or |x| == 0 (the subtraction wraps): x is its own floor */
	if ((bits(x) & ~SignMask) - 1 >= Big - 1)
		return x;
	double t = (double)(int64_t)x; /* CVTTSD2SQ, CVTSQ2SD */
	return (x < t ? -1.0 : 0.0) + t;
}

GO_LINKNAME(math_archCeil, "math.archCeil");
RUNTIME_API double math_archCeil(void *ctx, double x)
{
	(void)ctx;
	uint64_t bx = bits(x);
	if ((bx & ~SignMask) >= Big)
		return x;
	uint64_t sign = bx & SignMask;
	double t = (double)(int64_t)x;
	double one = x <= t ? 0.0 : 1.0;
	return frombits(bits(one) | sign) + frombits(bits(t) | sign);
}

GO_LINKNAME(math_archTrunc, "math.archTrunc");
RUNTIME_API double math_archTrunc(void *ctx, double x)
{
	(void)ctx;
	uint64_t bx = bits(x);
	if ((bx & ~SignMask) >= Big)
		return x;
	return frombits(bits((double)(int64_t)x) | (bx & SignMask));
}

/* ---- sqrt_amd64.s ---- */

GO_LINKNAME(math_archSqrt, "math.archSqrt");
RUNTIME_API double math_archSqrt(void *ctx, double x)
{
	(void)ctx;
	return _mm_cvtsd_f64(_mm_sqrt_sd(_mm_setzero_pd(), _mm_set_sd(x))); /* SQRTSD */
}

/* ---- hypot_amd64.s: max * sqrt(1 + (min/max)**2) ---- */

GO_LINKNAME(math_archHypot, "math.archHypot");
RUNTIME_API double math_archHypot(void *ctx, double p, double q)
{
	uint64_t bp = bits(p) & ~SignMask, bq = bits(q) & ~SignMask;
	if (bp >= PosInf || bq >= PosInf)
		return frombits(bp == PosInf || bq == PosInf ? PosInf : NaN);
	if ((bp | bq) == 0)
		return 0;
	double ap = frombits(bp), aq = frombits(bq);
	double hi = ap > aq ? ap : aq; /* MAXSD */
	double lo = aq < ap ? aq : ap; /* MINSD */
	lo = lo / hi;
	lo = lo * lo;
	lo = lo + 1.0;
	return hi * math_archSqrt(ctx, lo);
}

/* ---- log_amd64.s ---- */

#define HSqrt2 7.07106781186547524401e-01
#define Ln2Hi 6.93147180369123816490e-01
#define Ln2Lo 1.90821492927058770002e-10
#define L1 6.666666666666735130e-01
#define L2 3.999999999940941908e-01
#define L3 2.857142874366239149e-01
#define L4 2.222219843214978396e-01
#define L5 1.818357216161805012e-01
#define L6 1.531383769920937332e-01
#define L7 1.479819860511658591e-01

GO_LINKNAME(math_archLog, "math.archLog");
RUNTIME_API double math_archLog(void *ctx, double x)
{
	(void)ctx;
	uint64_t bx = bits(x);
	if ((bx & ~SignMask) == 0)
		return frombits(NegInf);
	if ((int64_t)bx < 0)
		return frombits(NaN);
	if (bx >= PosInf)
		return x; /* +Inf or NaN */
	/* Frexp from the bits (the assembly's: subnormals get the exponent field 0 as they are) */
	double f1 = frombits((bx & 0x000FFFFFFFFFFFFFULL) | bits(0.5));
	double k = (double)(int32_t)(((bx >> 52) & 0x7FF) - 0x3FE);
	double adj = !(HSqrt2 < f1) ? 1.0 : 0.0; /* CMPSD not-less-than */
	k = k - adj;
	f1 = f1 * (adj + 1.0);
	double f = f1 - 1.0;
	double s = f / (2.0 + f);
	double s2 = s * s;
	double s4 = s2 * s2;
	double t1 = s2 * ((((L7 * s4 + L5) * s4 + L3) * s4) + L1);
	double t2 = s4 * (((L6 * s4 + L4) * s4) + L2);
	double R = t1 + t2;
	double hfsq = 0.5 * f * f;
	double r = s * (R + hfsq) + k * Ln2Lo;
	return k * Ln2Hi - ((hfsq - r) - f);
}

/* ---- exp_amd64.s: Shibata's method (SLEEF), reduced argument, Taylor series, scale ---- */

#define LOG2E 1.4426950408889634073599246810018920
#define LN2U 0.69314718055966295651160180568695068359375
#define LN2L 0.28235290563031577122588448175013436025525412068e-12
#define Overflow 7.09782712893384e+02

/* exprodata */
#define E0 0.5
#define E1 1.0
#define E2 2.0
#define E3 1.6666666666666666667e-1
#define E4 4.1666666666666666667e-2
#define E5 8.3333333333333333333e-3
#define E6 1.3888888888888888889e-3
#define E7 1.9841269841269841270e-4
#define E8 2.4801587301587301587e-5

extern const uint8_t math_useFMA __asm__("math.useFMA");

static double exp_plain(double x, double k)
{
	x = x - LN2U * k;
	x = x - LN2L * k;
	x = x * 0.0625;
	double p = E8 * x;
	p = (p + E7) * x;
	p = (p + E6) * x;
	p = (p + E5) * x;
	p = (p + E4) * x;
	p = (p + E3) * x;
	p = (p + E0) * x;
	p = p + E1;
	x = p * x;
	for (int i = 0; i < 4; i++)
		x = x * (x + E2);
	return x + E1;
}

__attribute__((target("fma"))) static double exp_fma(double x, double k)
{
	x = __builtin_fma(-k, LN2U, x); /* VFNMADD231SD */
	x = __builtin_fma(-k, LN2L, x);
	x = x * 0.0625;
	double p = E8;
	p = __builtin_fma(p, x, E7); /* VFMADD213SD */
	p = __builtin_fma(p, x, E6);
	p = __builtin_fma(p, x, E5);
	p = __builtin_fma(p, x, E4);
	p = __builtin_fma(p, x, E3);
	p = __builtin_fma(p, x, E0);
	p = __builtin_fma(p, x, E1);
	x = x * p;
	for (int i = 0; i < 3; i++)
		x = x * (x + E2);
	return __builtin_fma(x, x + E2, E1);
}

GO_LINKNAME(math_archExp, "math.archExp");
RUNTIME_API double math_archExp(void *ctx, double x)
{
	(void)ctx;
	uint64_t bx = bits(x);
	if ((bx & ~SignMask) >= PosInf) /* -Inf: 0; NaN, +Inf: x */
		return bx == NegInf ? 0 : x;
	if (x > Overflow)
		return frombits(PosInf);
	int32_t e = _mm_cvtsd_si32(_mm_set_sd(LOG2E * x)); /* CVTSD2SL: round to nearest */
	double k = (double)e;
	double fr = (math_useFMA & 1) ? exp_fma(x, k) : exp_plain(x, k);
	/* fr * 2**e, as the assembly's ldexp with 32-bit exponent arithmetic */
	int32_t b = (int32_t)((uint32_t)e + 0x3FF);
	if (b <= 0) {
		if (b < -52)
			return 0;
		fr = fr * frombits((uint64_t)((uint32_t)b + 0x3FE) << 52);
		b = 1;
	} else if (b >= 0x7FF) {
		return frombits(PosInf);
	}
	return fr * frombits((uint64_t)b << 52);
}
