/*
 * constant.c: exact arithmetic on Go constants, built on GMP.
 *
 * In: the raw text of number literals and the operands of constant expressions, from the checker.
 * Out: immutable ConstValues, and the facts the checker asks of them: representability in a sized
 * type, the correctly rounded float32/float64, and gc's printed form for diagnostics.
 *
 * The key idea is go/constant's, mirrored rule for rule so that gocc folds exactly as gc does:
 * every value stays exact while that is cheap. Integers are mpz_t. Floats are exact rationals
 * (mpq_t) until a numerator or denominator would reach 4096 bits (go/constant's maxExp); then they
 * become a BigFloat: an mpz mantissa of at most 512 bits and a binary exponent, rounded to nearest
 * even after every operation exactly like big.Float with prec 512. GMP's own mpf_t is not used
 * because its precision is counted in limbs and its operations truncate, so results would drift
 * from go/constant's. Once a BigFloat, always a BigFloat: no result claims an exactness it lacks.
 *
 * One rounding routine (round_mag) serves BigFloat (512 bits, unbounded exponent), float64 and
 * float32 (with subnormals), so every conversion to a machine float is correctly rounded, ties to
 * even. (GMP's mpq_get_d truncates, and is never used.)
 *
 * Strings are ropes: `a + b + c ...` links the operands and flattens on first read, as go/constant
 * does for long concatenation chains (golang.org/issue/23348).
 *
 * Values live in the compiler arena; the limbs GMP mallocs for them are never freed, matching the
 * arena's policy. Temporaries are cleared.
 */
#include "constant.h"

#include <gmp.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
	FLOAT_PREC = 512,      /* mantissa bits of a BigFloat (go/constant's prec) */
	MAX_EXACT_BITS = 4096, /* go/constant's maxExp: rationals with larger parts become BigFloats */
	POW_GUARD_BITS = 64,   /* extra precision when scaling a huge literal by 10^n */
};
#define BIG_MAX_EXP ((long)INT32_MAX) /* big.Float's exponent range: beyond it, overflow to Inf */
#define BIG_MIN_EXP ((long)INT32_MIN) /* ... or underflow to 0 */
#define NO_MIN_EXP (LONG_MIN / 4)     /* "no subnormal limit" for round_mag */
#define LOG2_10 3.32192809488736234787
#define LOG10_2 0.30102999566398119521

typedef enum RoundMode { ROUND_NEAREST_EVEN, ROUND_TO_ZERO, ROUND_AWAY } RoundMode;

/* value = mant * 2^exp; |mant| < 2^FLOAT_PREC and mant is odd, or mant == 0 (and exp == 0). */
typedef struct BigFloat {
	mpz_t mant;
	long exp;
} BigFloat;

struct ConstValue {
	ConstKind kind;
	bool big; /* CONST_FLOAT: held as the BigFloat f, not as the exact rational q */
	union {
		bool b;
		struct {
			const char *data; /* NULL for a concatenation not yet flattened */
			size_t len;
			const ConstValue *left, *right;
		} s;
		mpz_t z;
		mpq_t q;
		BigFloat f;
		struct {
			const ConstValue *re, *im; /* CONST_INT or CONST_FLOAT, as in go/constant */
		} c;
	};
};

static ConstValue unknown_value = {.kind = CONST_UNKNOWN};

static noreturn void bad_operation(const char *what, int op, const ConstValue *x)
{
	internal_error("constant: invalid %s (operator %d) on a value of kind %d", what, op, x->kind);
}

static long bitlen(const mpz_t z)
{
	return mpz_sgn(z) ? (long)mpz_sizeinbase(z, 2) : 0;
}

/* ---- rounding ---------------------------------------------------------------------------------- */

/* Rounds the magnitude m * 2^*exp to `prec` significant bits, with no unit in the last place below
 * 2^min_exp (IEEE subnormals). `sticky` says the true magnitude has a nonzero tail below m's lowest
 * bit; callers passing it guarantee that at least two bits are dropped. Afterwards m * 2^*exp is
 * the rounded magnitude; m may equal 2^prec after rounding up. */
static void round_mag(mpz_t m, long *exp, bool sticky, long prec, long min_exp, RoundMode mode)
{
	long n = bitlen(m);
	long ulp = *exp + n - prec;
	if (ulp < min_exp)
		ulp = min_exp;
	if (ulp <= *exp)
		return; /* fits as is */
	long drop = ulp - *exp;
	bool half, rest;
	if (drop > n) {
		half = false;
		rest = n > 0 || sticky;
		mpz_set_ui(m, 0);
	} else {
		half = mpz_tstbit(m, drop - 1);
		rest = sticky || (long)mpz_scan1(m, 0) < drop - 1;
		mpz_tdiv_q_2exp(m, m, drop);
	}
	*exp = ulp;
	bool up = false;
	switch (mode) {
	case ROUND_NEAREST_EVEN: up = half && (rest || mpz_odd_p(m)); break;
	case ROUND_TO_ZERO: up = false; break;
	case ROUND_AWAY: up = half || rest; break;
	}
	if (up)
		mpz_add_ui(m, m, 1);
}

/* Rounds |n / d| * 2^exp (d != 0) like round_mag, into m and *out_exp. m must not alias n or d. */
static void ratio_round(mpz_t m, long *out_exp, const mpz_t n, const mpz_t d, long exp, long prec,
			long min_exp, RoundMode mode)
{
	long shift = prec + 3 + bitlen(d) - bitlen(n); /* the quotient gets at least prec+3 bits */
	mpz_t r;
	mpz_init(r);
	if (shift >= 0) {
		mpz_mul_2exp(m, n, shift);
		mpz_tdiv_qr(m, r, m, d);
	} else {
		mpz_mul_2exp(r, d, -shift);
		mpz_tdiv_qr(m, r, n, r);
	}
	mpz_abs(m, m);
	*out_exp = exp - shift;
	round_mag(m, out_exp, mpz_sgn(r) != 0, prec, min_exp, mode);
	mpz_clear(r);
}

/* ---- BigFloat: 512-bit binary floats, rounded to nearest even -------------------------------- */

static void bf_init(BigFloat *f)
{
	mpz_init(f->mant);
	f->exp = 0;
}

static void bf_clear(BigFloat *f)
{
	mpz_clear(f->mant);
}

static void bf_set(BigFloat *r, const BigFloat *a, bool negate)
{
	if (negate)
		mpz_neg(r->mant, a->mant);
	else
		mpz_set(r->mant, a->mant);
	r->exp = a->exp;
}

/* Exponent of the top bit plus one: |f| is in [2^(top-1), 2^top). go/big's MantExp. */
static long bf_top(const BigFloat *f)
{
	return f->exp + bitlen(f->mant);
}

static void bf_normalize(BigFloat *f)
{
	if (mpz_sgn(f->mant) == 0) {
		f->exp = 0;
		return;
	}
	unsigned long zeros = mpz_scan1(f->mant, 0);
	if (zeros) {
		mpz_tdiv_q_2exp(f->mant, f->mant, zeros);
		f->exp += (long)zeros;
	}
}

/* Rounds f (exact, or with a `sticky` tail as for round_mag) to prec bits. */
static void bf_round(BigFloat *f, bool sticky, long prec)
{
	int sign = mpz_sgn(f->mant);
	mpz_abs(f->mant, f->mant);
	round_mag(f->mant, &f->exp, sticky, prec, NO_MIN_EXP, ROUND_NEAREST_EVEN);
	if (sign < 0)
		mpz_neg(f->mant, f->mant);
	bf_normalize(f);
}

static void bf_from_int(BigFloat *r, const mpz_t z, long prec)
{
	mpz_set(r->mant, z);
	r->exp = 0;
	bf_round(r, false, prec);
}

/* n / d * 2^exp, rounded to prec bits. */
static void bf_from_ratio(BigFloat *r, const mpz_t n, const mpz_t d, long exp, long prec)
{
	if (mpz_sgn(n) == 0) {
		mpz_set_ui(r->mant, 0);
		r->exp = 0;
		return;
	}
	ratio_round(r->mant, &r->exp, n, d, exp, prec, NO_MIN_EXP, ROUND_NEAREST_EVEN);
	if (mpz_sgn(n) * mpz_sgn(d) < 0)
		mpz_neg(r->mant, r->mant);
	bf_normalize(r);
}

static void bf_from_rat(BigFloat *r, const mpq_t q)
{
	bf_from_ratio(r, mpq_numref(q), mpq_denref(q), 0, FLOAT_PREC);
}

/* r = a + b (or a - b); r must not alias a or b. */
static void bf_add(BigFloat *r, const BigFloat *a, const BigFloat *b, bool subtract)
{
	if (mpz_sgn(b->mant) == 0) {
		bf_set(r, a, false);
		return;
	}
	if (mpz_sgn(a->mant) == 0) {
		bf_set(r, b, subtract);
		return;
	}
	/* An addend below half an ulp of the other (and both are already rounded) changes nothing;
	 * this keeps 1e100000 + 1 from building a 330000-bit sum. */
	long ta = bf_top(a), tb = bf_top(b);
	if (ta - tb > FLOAT_PREC + 2) {
		bf_set(r, a, false);
		return;
	}
	if (tb - ta > FLOAT_PREC + 2) {
		bf_set(r, b, subtract);
		return;
	}
	long e = a->exp < b->exp ? a->exp : b->exp;
	mpz_t t;
	mpz_init(t);
	mpz_mul_2exp(r->mant, a->mant, a->exp - e);
	mpz_mul_2exp(t, b->mant, b->exp - e);
	if (subtract)
		mpz_sub(r->mant, r->mant, t);
	else
		mpz_add(r->mant, r->mant, t);
	mpz_clear(t);
	r->exp = e;
	bf_round(r, false, FLOAT_PREC);
}

static void bf_mul(BigFloat *r, const BigFloat *a, const BigFloat *b, long prec)
{
	mpz_mul(r->mant, a->mant, b->mant);
	r->exp = a->exp + b->exp;
	bf_round(r, false, prec);
}

/* r = a / b, b != 0. */
static void bf_quo(BigFloat *r, const BigFloat *a, const BigFloat *b, long prec)
{
	bf_from_ratio(r, a->mant, b->mant, a->exp - b->exp, prec);
}

static int bf_cmp(const BigFloat *a, const BigFloat *b)
{
	int sa = mpz_sgn(a->mant), sb = mpz_sgn(b->mant);
	if (sa != sb || sa == 0)
		return (sa > sb) - (sa < sb);
	long ta = bf_top(a), tb = bf_top(b);
	if (ta != tb)
		return (ta > tb) == (sa > 0) ? 1 : -1;
	/* Same top bit: the exponents differ by less than FLOAT_PREC, so aligning is cheap. */
	long e = a->exp < b->exp ? a->exp : b->exp;
	mpz_t x, y;
	mpz_init(x);
	mpz_init(y);
	mpz_mul_2exp(x, a->mant, a->exp - e);
	mpz_mul_2exp(y, b->mant, b->exp - e);
	int c = mpz_cmp(x, y);
	mpz_clear(x);
	mpz_clear(y);
	return (c > 0) - (c < 0);
}

/* r = 5^n, rounded to prec bits at every step (square and multiply). */
static void bf_pow5(BigFloat *r, unsigned long n, long prec)
{
	BigFloat base, t;
	bf_init(&base);
	bf_init(&t);
	mpz_set_ui(base.mant, 5);
	mpz_set_ui(r->mant, 1);
	r->exp = 0;
	for (; n; n >>= 1) {
		if (n & 1) {
			bf_mul(&t, r, &base, prec);
			bf_set(r, &t, false);
		}
		if (n > 1) {
			bf_mul(&t, &base, &base, prec);
			bf_set(&base, &t, false);
		}
	}
	bf_clear(&base);
	bf_clear(&t);
}

/* ---- IEEE float32/float64 --------------------------------------------------------------------- */

typedef struct IeeeFormat {
	int prec;     /* significand bits, with the implicit one */
	long min_exp; /* exponent of the smallest subnormal */
	long max_top; /* values reaching 2^max_top overflow */
} IeeeFormat;

static const IeeeFormat ieee64 = {53, -1074, 1024};
static const IeeeFormat ieee32 = {24, -149, 128};

/* sign * m * 2^e, where m * 2^e is already rounded to fmt, as a double (+-Inf on overflow). A
 * float32 result is exact in the double, so the caller's cast to float is exact too. */
static double ieee_assemble(int sign, const mpz_t m, long e, const IeeeFormat *fmt)
{
	double d;
	if (mpz_sgn(m) == 0)
		d = 0.0;
	else if (e + bitlen(m) > fmt->max_top)
		d = INFINITY;
	else
		d = ldexp((double)mpz_get_ui(m), (int)e);
	return sign < 0 ? -d : d;
}

static double bf_to_ieee(const BigFloat *f, const IeeeFormat *fmt)
{
	mpz_t m;
	mpz_init(m);
	mpz_abs(m, f->mant);
	long e = f->exp;
	round_mag(m, &e, false, fmt->prec, fmt->min_exp, ROUND_NEAREST_EVEN);
	double d = ieee_assemble(mpz_sgn(f->mant), m, e, fmt);
	mpz_clear(m);
	return d;
}

static double rat_to_ieee(const mpq_t q, const IeeeFormat *fmt)
{
	if (mpq_sgn(q) == 0)
		return 0.0;
	mpz_t m;
	mpz_init(m);
	long e;
	ratio_round(m, &e, mpq_numref(q), mpq_denref(q), 0, fmt->prec, fmt->min_exp, ROUND_NEAREST_EVEN);
	double d = ieee_assemble(mpq_sgn(q), m, e, fmt);
	mpz_clear(m);
	return d;
}

/* go/constant converts a huge integer through a 512-bit big.Float first; so do we (it matters only
 * for the rare double rounding of integers wider than 512 bits). */
static double int_to_ieee(const mpz_t z, const IeeeFormat *fmt)
{
	BigFloat f;
	bf_init(&f);
	bf_from_int(&f, z, FLOAT_PREC);
	double d = bf_to_ieee(&f, fmt);
	bf_clear(&f);
	return d;
}

static double value_to_ieee(const ConstValue *v, const IeeeFormat *fmt)
{
	switch (v->kind) {
	case CONST_UNKNOWN: return 0.0;
	case CONST_INT: return int_to_ieee(v->z, fmt);
	case CONST_FLOAT: return v->big ? bf_to_ieee(&v->f, fmt) : rat_to_ieee(v->q, fmt);
	case CONST_COMPLEX: return value_to_ieee(v->c.re, fmt);
	default: bad_operation("conversion to a machine float", 0, v);
	}
}

/* ---- making values ----------------------------------------------------------------------------- */

static ConstValue *new_value(ConstKind kind)
{
	ConstValue *v = xnew(ConstValue);
	v->kind = kind;
	return v;
}

static ConstValue *new_int(void)
{
	ConstValue *v = new_value(CONST_INT);
	mpz_init(v->z);
	return v;
}

static ConstValue *new_rat(void)
{
	ConstValue *v = new_value(CONST_FLOAT);
	mpq_init(v->q);
	return v;
}

/* A float value from a BigFloat, which it takes over (f is left zero but still initialized). As
 * big.Float, an exponent beyond int32 overflows (to Inf: an unknown value) or underflows to 0. */
static ConstValue *make_big(BigFloat *f)
{
	if (mpz_sgn(f->mant) != 0 && bf_top(f) > BIG_MAX_EXP)
		return &unknown_value;
	ConstValue *v = new_value(CONST_FLOAT);
	v->big = true;
	mpz_init(v->f.mant);
	if (mpz_sgn(f->mant) != 0 && bf_top(f) >= BIG_MIN_EXP) {
		mpz_swap(v->f.mant, f->mant);
		v->f.exp = f->exp;
	}
	return v;
}

/* A float value from an exact rational (taken over, as make_big): stays a rational while both
 * parts are below MAX_EXACT_BITS (go/constant's makeRat). */
static ConstValue *make_rat(mpq_t q)
{
	if (bitlen(mpq_numref(q)) < MAX_EXACT_BITS && bitlen(mpq_denref(q)) < MAX_EXACT_BITS) {
		ConstValue *v = new_rat();
		mpq_swap(v->q, q);
		return v;
	}
	BigFloat f;
	bf_init(&f);
	bf_from_rat(&f, q);
	ConstValue *v = make_big(&f);
	bf_clear(&f);
	return v;
}

/* The BigFloat for an int or float value (rationals are rounded to 512 bits: go/constant's rtof). */
static void value_to_bf(const ConstValue *v, BigFloat *out)
{
	if (v->kind == CONST_INT)
		bf_from_int(out, v->z, FLOAT_PREC);
	else if (v->big)
		bf_set(out, &v->f, false);
	else
		bf_from_rat(out, v->q);
}

static ConstValue *make_complex(const ConstValue *re, const ConstValue *im)
{
	if (re->kind == CONST_UNKNOWN || im->kind == CONST_UNKNOWN)
		return &unknown_value;
	ConstValue *v = new_value(CONST_COMPLEX);
	v->c.re = re;
	v->c.im = im;
	return v;
}

ConstKind const_kind(const ConstValue *v)
{
	return v->kind;
}

ConstValue *const_unknown(void)
{
	return &unknown_value;
}

ConstValue *const_bool(bool b)
{
	ConstValue *v = new_value(CONST_BOOL);
	v->b = b;
	return v;
}

ConstValue *const_string(const char *s, size_t len)
{
	ConstValue *v = new_value(CONST_STRING);
	v->s.data = xstrndup(s, len);
	v->s.len = len;
	return v;
}

ConstValue *const_int64(int64_t x)
{
	ConstValue *v = new_int();
	mpz_set_si(v->z, x);
	return v;
}

ConstValue *const_uint64(uint64_t x)
{
	ConstValue *v = new_int();
	mpz_set_ui(v->z, x);
	return v;
}

/* NaN and infinities are not constants: they give the unknown value. -0 becomes 0. */
ConstValue *const_float64(double x)
{
	if (isnan(x) || isinf(x))
		return &unknown_value;
	ConstValue *v = new_rat();
	mpq_set_d(v->q, x == 0 ? 0.0 : x);
	return v;
}

/* ---- number literals --------------------------------------------------------------------------- */

/* The pieces of a number literal, underscores removed. */
typedef struct NumberText {
	int base;         /* 2, 8, 10 or 16, from the prefix */
	char *digits;     /* mantissa digits, integer part then fraction, NUL-terminated */
	long ndigits;     /* how many */
	long frac_digits; /* how many of them follow the '.' */
	bool is_float;    /* has a '.' or an exponent */
	long exp;         /* the 'e' (decimal) or 'p' (binary) exponent */
	bool exp_overflow; /* ... which does not fit in 64 bits */
} NumberText;

static int digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return 99;
}

/* digits = digit { [ "_" ] digit } .  A leading "_" is allowed right after a base prefix
 * (`lead_ok`). Appends the digits to nt->digits; returns the end of the run, or NULL if an
 * underscore is misplaced. `*count` receives the number of digits (0 for an empty run). */
static const char *scan_digits(const char *p, const char *end, int base, bool lead_ok, NumberText *nt,
			       long *count)
{
	bool after_underscore = false;
	*count = 0;
	if (lead_ok && p < end && *p == '_') {
		after_underscore = true;
		p++;
	}
	for (; p < end; p++) {
		if (*p == '_') {
			if (*count == 0 || after_underscore)
				return NULL;
			after_underscore = true;
			continue;
		}
		if (digit_value(*p) >= base)
			break;
		nt->digits[nt->ndigits++] = *p;
		(*count)++;
		after_underscore = false;
	}
	return after_underscore ? NULL : p;
}

/* exponent = ( "e" | "E" | "p" | "P" ) [ "+" | "-" ] decimal_digits . (the letter already read) */
static const char *scan_exponent(const char *p, const char *end, NumberText *nt)
{
	bool negative = false;
	if (p < end && (*p == '+' || *p == '-'))
		negative = *p++ == '-';
	long value = 0;
	bool after_underscore = true; /* no leading underscore, and at least one digit */
	for (; p < end; p++) {
		if (*p == '_' && !after_underscore) {
			after_underscore = true;
			continue;
		}
		if (*p < '0' || *p > '9')
			break;
		if (value > (LONG_MAX - (*p - '0')) / 10)
			nt->exp_overflow = true;
		else
			value = value * 10 + (*p - '0');
		after_underscore = false;
	}
	if (after_underscore)
		return NULL;
	nt->exp = negative ? -value : value;
	return p;
}

/* int_lit | float_lit (the spec's productions), the text without an imaginary 'i'. Fills nt (whose
 * digits buffer holds len+1 bytes); false if the text is malformed. */
static bool scan_number(const char *p, const char *end, NumberText *nt)
{
	bool prefix = false;
	nt->base = 10;
	if (end - p >= 2 && p[0] == '0' && p[1] != '\0' && strchr("xXbBoO", p[1])) {
		nt->base = p[1] == 'x' || p[1] == 'X' ? 16 : p[1] == 'b' || p[1] == 'B' ? 2 : 8;
		prefix = true;
		p += 2;
	}
	long int_count, frac_count = 0;
	p = scan_digits(p, end, nt->base, prefix, nt, &int_count);
	if (!p)
		return false;
	if (p < end && *p == '.') {
		if (nt->base == 2 || nt->base == 8)
			return false;
		p = scan_digits(p + 1, end, nt->base, false, nt, &frac_count);
		if (!p)
			return false;
		nt->is_float = true;
	}
	if (int_count + frac_count == 0)
		return false;
	nt->frac_digits = frac_count;
	nt->digits[nt->ndigits] = '\0';
	if (p < end && ((nt->base == 10 && (*p == 'e' || *p == 'E')) ||
			(nt->base == 16 && (*p == 'p' || *p == 'P')))) {
		p = scan_exponent(p + 1, end, nt);
		if (!p)
			return false;
		nt->is_float = true;
	} else if (nt->base == 16 && nt->is_float) {
		return false; /* a hex mantissa needs a 'p' exponent */
	}
	return p == end;
}

/* A float constant from an exact value read from a literal: rational if its 512-bit rounding has
 * a moderate exponent (go/constant's smallFloat), else that rounding. Takes q over. */
static ConstValue *float_from_exact(mpq_t q)
{
	BigFloat f;
	bf_init(&f);
	bf_from_rat(&f, q);
	ConstValue *v;
	if (mpz_sgn(f.mant) == 0 || (-MAX_EXACT_BITS < bf_top(&f) && bf_top(&f) < MAX_EXACT_BITS)) {
		v = new_rat();
		mpq_swap(v->q, q);
	} else {
		v = make_big(&f);
	}
	bf_clear(&f);
	return v;
}

/* d * 10^e10, far beyond the rational range: 5^|e10| is computed with guard bits, then scaled. */
static ConstValue *decimal_float_approx(const mpz_t d, long e10)
{
	BigFloat x, p, r;
	bf_init(&x);
	bf_init(&p);
	bf_init(&r);
	bf_from_int(&x, d, FLOAT_PREC + POW_GUARD_BITS);
	bf_pow5(&p, (unsigned long)labs(e10), FLOAT_PREC + POW_GUARD_BITS);
	if (e10 > 0)
		bf_mul(&r, &x, &p, FLOAT_PREC);
	else
		bf_quo(&r, &x, &p, FLOAT_PREC);
	r.exp += e10; /* the 2^e10 half of 10^e10 */
	ConstValue *v = make_big(&r);
	bf_clear(&x);
	bf_clear(&p);
	bf_clear(&r);
	return v;
}

/* The exact rational d * base^exp (base 10 or 2), for a moderate exponent. */
static ConstValue *scaled_float_exact(const mpz_t d, long exp, int base)
{
	mpq_t q;
	mpq_init(q);
	mpz_set(mpq_numref(q), d);
	if (base == 10)
		mpz_ui_pow_ui(mpq_denref(q), 10, (unsigned long)labs(exp));
	else
		mpz_mul_2exp(mpq_denref(q), mpq_denref(q), (unsigned long)labs(exp));
	if (exp > 0) {
		mpz_mul(mpq_numref(q), mpq_numref(q), mpq_denref(q));
		mpz_set_ui(mpq_denref(q), 1);
	}
	mpq_canonicalize(q);
	ConstValue *v = float_from_exact(q);
	mpq_clear(q);
	return v;
}

/* The float value d * base^exp (base 10 or 2), as go/constant reads it: big.Float applies the
 * binary part of the exponent first (10^e = 5^e * 2^e) and fails outside its exponent range, which
 * gives the unknown value; the power of 5 may then overflow (unknown) or underflow (0). */
static ConstValue *scaled_float(const mpz_t d, long exp, int base)
{
	if (mpz_sgn(d) == 0)
		return new_rat();
	if (exp > 2 * BIG_MAX_EXP || exp < 2 * BIG_MIN_EXP)
		return &unknown_value;
	long exp2 = bitlen(d) + exp;
	if (exp2 > BIG_MAX_EXP || exp2 < BIG_MIN_EXP)
		return &unknown_value;
	double top = (double)bitlen(d) + (double)exp * (base == 10 ? LOG2_10 : 1.0);
	if (fabs(top) <= MAX_EXACT_BITS + 256)
		return scaled_float_exact(d, exp, base);
	ConstValue *v;
	if (base == 10) {
		v = decimal_float_approx(d, exp);
	} else {
		BigFloat f;
		bf_init(&f);
		bf_from_int(&f, d, FLOAT_PREC);
		f.exp += exp;
		v = make_big(&f);
		bf_clear(&f);
	}
	if (v->kind == CONST_FLOAT && mpz_sgn(v->f.mant) == 0)
		return new_rat(); /* underflowed: go/constant then reads the literal as "0" */
	return v;
}

static ConstValue *number_value(const NumberText *nt, bool as_float)
{
	mpz_t d;
	mpz_init(d);
	mpz_set_str(d, nt->digits, nt->base);
	ConstValue *v;
	if (nt->exp_overflow) {
		v = &unknown_value; /* big.Float rejects the exponent */
	} else if (!as_float) {
		v = new_int();
		mpz_swap(v->z, d);
	} else {
		/* clamped so that subtracting the fraction digits cannot overflow; the outcome (0, or
		 * out of range) is unchanged */
		long exp = labs(nt->exp) > (1L << 62) ? (nt->exp > 0 ? 1L << 62 : -(1L << 62)) : nt->exp;
		if (nt->base == 16)
			v = scaled_float(d, exp - 4 * nt->frac_digits, 2);
		else
			v = scaled_float(d, exp - nt->frac_digits, 10);
	}
	mpz_clear(d);
	return v;
}

/* Legacy octal: an integer literal "0" octal_digits (with no prefix letter). */
static bool legacy_octal(NumberText *nt)
{
	for (long i = 0; i < nt->ndigits; i++)
		if (nt->digits[i] > '7')
			return false;
	nt->base = 8;
	return true;
}

/* A literal of kind TOK_INT, TOK_FLOAT or TOK_IMAG. An imaginary literal is (decimal_digits |
 * int_lit | float_lit) "i": a 0-prefixed body without a prefix letter is decimal there ("0123i" is
 * 123i). A float whose exponent leaves big.Float's range gives the unknown value (too large) or 0
 * (too small), as go/constant does; malformed text gives NULL. */
ConstValue *const_from_literal(TokenKind kind, const char *text, int len)
{
	if (kind != TOK_INT && kind != TOK_FLOAT && kind != TOK_IMAG)
		internal_error("const_from_literal: token kind %d is not a number", kind);
	const char *end = text + len;
	if (kind == TOK_IMAG) {
		if (len == 0 || end[-1] != 'i')
			return NULL;
		end--;
	}
	char small[128];
	NumberText nt = {.digits = len < (int)sizeof small ? small : xalloc((size_t)len + 1)};
	ConstValue *v = NULL;
	if (scan_number(text, end, &nt)) {
		bool legacy = kind == TOK_INT && nt.base == 10 && nt.ndigits > 1 && text[0] == '0';
		if (kind == TOK_INT && nt.is_float)
			v = NULL;
		else if (legacy && !legacy_octal(&nt))
			v = NULL;
		else
			v = number_value(&nt, kind != TOK_INT);
	}
	if (v && kind == TOK_IMAG)
		v = make_complex(new_int(), v);
	return v;
}

/* ---- reading values ---------------------------------------------------------------------------- */

bool const_bool_val(const ConstValue *v)
{
	if (v->kind == CONST_UNKNOWN)
		return false;
	if (v->kind != CONST_BOOL)
		bad_operation("bool read", 0, v);
	return v->b;
}

/* Copies the pieces of a concatenation into one buffer, left to right, without recursion. */
static void string_flatten(ConstValue *v)
{
	char *buf = xalloc(v->s.len + 1);
	size_t pos = 0;
	Vec stack = {0};
	vec_push(&stack, v);
	while (stack.len) {
		const ConstValue *n = vec_pop(&stack);
		if (n->s.data) {
			memcpy(buf + pos, n->s.data, n->s.len);
			pos += n->s.len;
			continue;
		}
		vec_push(&stack, (void *)n->s.right);
		vec_push(&stack, (void *)n->s.left);
	}
	v->s.data = buf;
	v->s.left = v->s.right = NULL;
}

/* The bytes (NUL-terminated, but they may contain NULs). "" for the unknown value. */
const char *const_string_val(const ConstValue *v, size_t *len)
{
	if (v->kind == CONST_UNKNOWN) {
		*len = 0;
		return "";
	}
	if (v->kind != CONST_STRING)
		bad_operation("string read", 0, v);
	if (!v->s.data)
		string_flatten((ConstValue *)v); /* a cache fill: the value itself does not change */
	*len = v->s.len;
	return v->s.data;
}

bool const_to_int64(const ConstValue *v, int64_t *out)
{
	if (v->kind != CONST_INT || !mpz_fits_slong_p(v->z))
		return false;
	*out = mpz_get_si(v->z);
	return true;
}

bool const_to_uint64(const ConstValue *v, uint64_t *out)
{
	if (v->kind != CONST_INT || mpz_sgn(v->z) < 0 || !mpz_fits_ulong_p(v->z))
		return false;
	*out = mpz_get_ui(v->z);
	return true;
}

/* Nearest double, ties to even (+-Inf beyond range, +-0 below it). A complex value gives its real
 * part; the unknown value gives 0. */
double const_to_float64(const ConstValue *v)
{
	return value_to_ieee(v, &ieee64);
}

float const_to_float32(const ConstValue *v)
{
	return (float)value_to_ieee(v, &ieee32);
}

double const_real64(const ConstValue *v)
{
	return value_to_ieee(v->kind == CONST_COMPLEX ? v->c.re : v, &ieee64);
}

double const_imag64(const ConstValue *v)
{
	return v->kind == CONST_COMPLEX ? value_to_ieee(v->c.im, &ieee64) : 0.0;
}

/* -1, 0 or 1; for a complex value 0 iff it is zero, else 1; for the unknown value 1 (as
 * go/constant, so that no spurious "division by zero" is reported). */
int const_sign(const ConstValue *v)
{
	switch (v->kind) {
	case CONST_UNKNOWN: return 1;
	case CONST_INT: return mpz_sgn(v->z);
	case CONST_FLOAT: return v->big ? mpz_sgn(v->f.mant) : mpq_sgn(v->q);
	case CONST_COMPLEX: return const_sign(v->c.re) != 0 || const_sign(v->c.im) != 0;
	default: bad_operation("sign", 0, v);
	}
}

int const_bitlen(const ConstValue *v)
{
	return v->kind == CONST_INT ? (int)bitlen(v->z) : 0;
}

/* ---- conversions between kinds ------------------------------------------------------------------ */

/* The integer sign * m * 2^e into out, if that is one (m > 0). */
static bool integral(mpz_t out, int sign, const mpz_t m, long e)
{
	if (e < 0 && (long)mpz_scan1(m, 0) < -e)
		return false; /* a fraction remains */
	if (e < 0)
		mpz_tdiv_q_2exp(out, m, (unsigned long)-e);
	else
		mpz_mul_2exp(out, m, (unsigned long)e);
	if (sign < 0)
		mpz_neg(out, out);
	return true;
}

/* A 512-bit float with an integral value, or one within a few ulps of an integer: earlier rounding
 * (1e10000 / 1e9999) may have left it just off, so go/constant's ToInt also tries the value
 * rounded to 508 bits toward zero and away from zero. Only for moderate exponents. */
static ConstValue *big_to_int(const BigFloat *f)
{
	int sign = mpz_sgn(f->mant);
	if (sign == 0)
		return new_int();
	if (!(-MAX_EXACT_BITS < bf_top(f) && bf_top(f) < MAX_EXACT_BITS))
		return NULL;
	ConstValue *v = new_int();
	mpz_t m;
	mpz_init(m);
	bool ok = false;
	static const RoundMode nudges[] = {ROUND_TO_ZERO, ROUND_AWAY};
	for (int i = -1; i < 2 && !ok; i++) {
		long e = f->exp;
		mpz_abs(m, f->mant);
		if (i >= 0)
			round_mag(m, &e, false, FLOAT_PREC - 4, NO_MIN_EXP, nudges[i]);
		ok = integral(v->z, sign, m, e);
	}
	mpz_clear(m);
	return ok ? v : NULL;
}

/* Ints pass through; floats and complex values (with imaginary part 0) with an integral value
 * become ints; NULL otherwise. The unknown value passes through. */
ConstValue *const_to_int(const ConstValue *v)
{
	switch (v->kind) {
	case CONST_UNKNOWN:
	case CONST_INT: return (ConstValue *)v;
	case CONST_FLOAT:
		if (v->big)
			return big_to_int(&v->f);
		if (mpz_cmp_ui(mpq_denref(v->q), 1) != 0)
			return NULL;
		ConstValue *r = new_int();
		mpz_set(r->z, mpq_numref(v->q));
		return r;
	case CONST_COMPLEX: return const_sign(v->c.im) == 0 ? const_to_int(v->c.re) : NULL;
	default: return NULL;
	}
}

/* Ints become floats (rational unless 4096 bits or more); complex values with imaginary part 0
 * give their real part; NULL for other kinds. */
ConstValue *const_to_float(const ConstValue *v)
{
	switch (v->kind) {
	case CONST_UNKNOWN:
	case CONST_FLOAT: return (ConstValue *)v;
	case CONST_INT:
		if (bitlen(v->z) < MAX_EXACT_BITS) {
			ConstValue *r = new_rat();
			mpq_set_z(r->q, v->z);
			return r;
		} else {
			BigFloat f;
			bf_init(&f);
			bf_from_int(&f, v->z, FLOAT_PREC);
			ConstValue *r = make_big(&f);
			bf_clear(&f);
			return r;
		}
	case CONST_COMPLEX: return const_sign(v->c.im) == 0 ? const_to_float(v->c.re) : NULL;
	default: return NULL;
	}
}

ConstValue *const_to_complex(const ConstValue *v)
{
	switch (v->kind) {
	case CONST_UNKNOWN:
	case CONST_COMPLEX: return (ConstValue *)v;
	case CONST_INT:
	case CONST_FLOAT: return make_complex(v, new_int());
	default: return NULL;
	}
}

/* complex(re, im) for int or float parts; NULL for other kinds. */
ConstValue *const_make_complex(const ConstValue *re, const ConstValue *im)
{
	if (re->kind == CONST_UNKNOWN || im->kind == CONST_UNKNOWN)
		return &unknown_value;
	if (re->kind == CONST_COMPLEX || im->kind == CONST_COMPLEX)
		return NULL;
	ConstValue *fr = const_to_float(re), *fi = const_to_float(im);
	return fr && fi ? make_complex(fr, fi) : NULL;
}

/* real(v) and imag(v) of a numeric value. As in go/constant, a part may be of kind int (the parts
 * of 1 + 2.5i are 1 and 2.5); a non-complex value is its own real part and has imaginary part 0. */
ConstValue *const_real(const ConstValue *v)
{
	switch (v->kind) {
	case CONST_COMPLEX: return (ConstValue *)v->c.re;
	case CONST_UNKNOWN:
	case CONST_INT:
	case CONST_FLOAT: return (ConstValue *)v;
	default: return NULL;
	}
}

ConstValue *const_imag(const ConstValue *v)
{
	switch (v->kind) {
	case CONST_UNKNOWN: return &unknown_value;
	case CONST_COMPLEX: return (ConstValue *)v->c.im;
	case CONST_INT:
	case CONST_FLOAT: return new_int();
	default: return NULL;
	}
}

/* ---- representability --------------------------------------------------------------------------- */

static bool int_fits(const mpz_t z, ConstRepr target)
{
	static const struct { int bits; bool is_signed; } sizes[] = {
		[REPR_INT8] = {8, true},    [REPR_INT16] = {16, true},   [REPR_INT32] = {32, true},
		[REPR_INT64] = {64, true},  [REPR_UINT8] = {8, false},   [REPR_UINT16] = {16, false},
		[REPR_UINT32] = {32, false}, [REPR_UINT64] = {64, false},
	};
	int bits = sizes[target].bits;
	if (!sizes[target].is_signed)
		return mpz_sgn(z) >= 0 && bitlen(z) <= bits;
	if (mpz_sgn(z) >= 0)
		return bitlen(z) <= bits - 1;
	/* negative: -2^(bits-1) <= z, i.e. |z| - 1 < 2^(bits-1) */
	mpz_t t;
	mpz_init(t);
	mpz_neg(t, z);
	mpz_sub_ui(t, t, 1);
	bool ok = bitlen(t) <= bits - 1;
	mpz_clear(t);
	return ok;
}

/* A float value rounded to fmt; NULL if it overflows (go/types' roundFloat32/roundFloat64). */
static ConstValue *round_float(const ConstValue *v, const IeeeFormat *fmt)
{
	double d = value_to_ieee(v, fmt);
	return isinf(d) ? NULL : const_float64(d);
}

/* The unknown value is representable in anything (no follow-up errors). *rounded is set only on
 * success: the int for integer targets, the rounded float or complex otherwise. */
bool const_representable(const ConstValue *v, ConstRepr target, ConstValue **rounded)
{
	if (v->kind == CONST_UNKNOWN)
		return true;
	ConstValue *r = NULL;
	switch (target) {
	case REPR_INT8: case REPR_INT16: case REPR_INT32: case REPR_INT64:
	case REPR_UINT8: case REPR_UINT16: case REPR_UINT32: case REPR_UINT64:
		r = const_to_int(v);
		if (r && !int_fits(r->z, target))
			r = NULL;
		break;
	case REPR_FLOAT32:
	case REPR_FLOAT64:
		r = const_to_float(v);
		if (r)
			r = round_float(r, target == REPR_FLOAT32 ? &ieee32 : &ieee64);
		break;
	case REPR_COMPLEX64:
	case REPR_COMPLEX128: {
		const IeeeFormat *fmt = target == REPR_COMPLEX64 ? &ieee32 : &ieee64;
		ConstValue *c = const_to_complex(v);
		ConstValue *re = c ? round_float(c->c.re, fmt) : NULL;
		ConstValue *im = c ? round_float(c->c.im, fmt) : NULL;
		r = re && im ? make_complex(re, im) : NULL;
		break;
	}
	}
	if (r && rounded)
		*rounded = r;
	return r != NULL;
}

/* ---- operations --------------------------------------------------------------------------------- */

static int numeric_rank(const ConstValue *v)
{
	switch (v->kind) {
	case CONST_INT: return 1;
	case CONST_FLOAT: return 2;
	case CONST_COMPLEX: return 3;
	default: return 0;
	}
}

static const ConstValue *raise_to(const ConstValue *v, int rank)
{
	return rank == 2 ? const_to_float(v) : const_to_complex(v);
}

static void match(const ConstValue **x, const ConstValue **y)
{
	int rx = numeric_rank(*x), ry = numeric_rank(*y);
	if (rx == 0 || ry == 0 || rx == ry)
		return;
	if (rx < ry)
		*x = raise_to(*x, ry);
	else
		*y = raise_to(*y, rx);
}

void const_match(ConstValue **x, ConstValue **y)
{
	match((const ConstValue **)x, (const ConstValue **)y);
}

static ConstValue *int_binary(TokenKind op, const ConstValue *x, const ConstValue *y, bool integer_division)
{
	if ((op == TOK_QUO || op == TOK_REM) && mpz_sgn(y->z) == 0)
		internal_error("constant: integer division by zero");
	if (op == TOK_QUO && !integer_division) {
		mpq_t q;
		mpq_init(q);
		mpz_set(mpq_numref(q), x->z);
		mpz_set(mpq_denref(q), y->z);
		mpq_canonicalize(q);
		ConstValue *v = make_rat(q);
		mpq_clear(q);
		return v;
	}
	ConstValue *v = new_int();
	switch (op) {
	case TOK_ADD: mpz_add(v->z, x->z, y->z); break;
	case TOK_SUB: mpz_sub(v->z, x->z, y->z); break;
	case TOK_MUL: mpz_mul(v->z, x->z, y->z); break;
	case TOK_QUO: mpz_tdiv_q(v->z, x->z, y->z); break; /* truncated toward zero */
	case TOK_REM: mpz_tdiv_r(v->z, x->z, y->z); break; /* sign of the dividend */
	case TOK_AND: mpz_and(v->z, x->z, y->z); break;
	case TOK_OR: mpz_ior(v->z, x->z, y->z); break;
	case TOK_XOR: mpz_xor(v->z, x->z, y->z); break;
	case TOK_AND_NOT:
		mpz_com(v->z, y->z);
		mpz_and(v->z, x->z, v->z);
		break;
	default: bad_operation("binary operation", op, x);
	}
	return v;
}

static ConstValue *rat_binary(TokenKind op, const ConstValue *x, const ConstValue *y)
{
	mpq_t r;
	mpq_init(r);
	switch (op) {
	case TOK_ADD: mpq_add(r, x->q, y->q); break;
	case TOK_SUB: mpq_sub(r, x->q, y->q); break;
	case TOK_MUL: mpq_mul(r, x->q, y->q); break;
	case TOK_QUO: mpq_div(r, x->q, y->q); break;
	default: bad_operation("binary operation", op, x);
	}
	ConstValue *v = make_rat(r);
	mpq_clear(r);
	return v;
}

static ConstValue *big_binary(TokenKind op, const ConstValue *x, const ConstValue *y)
{
	BigFloat a, b, r;
	bf_init(&a);
	bf_init(&b);
	bf_init(&r);
	value_to_bf(x, &a);
	value_to_bf(y, &b);
	switch (op) {
	case TOK_ADD: bf_add(&r, &a, &b, false); break;
	case TOK_SUB: bf_add(&r, &a, &b, true); break;
	case TOK_MUL: bf_mul(&r, &a, &b, FLOAT_PREC); break;
	case TOK_QUO: bf_quo(&r, &a, &b, FLOAT_PREC); break;
	default: bad_operation("binary operation", op, x);
	}
	ConstValue *v = make_big(&r);
	bf_clear(&a);
	bf_clear(&b);
	bf_clear(&r);
	return v;
}

static ConstValue *float_binary(TokenKind op, const ConstValue *x, const ConstValue *y)
{
	if (op == TOK_QUO && const_sign(y) == 0)
		internal_error("constant: float division by zero");
	return x->big || y->big ? big_binary(op, x, y) : rat_binary(op, x, y);
}

static ConstValue *complex_binary(TokenKind op, const ConstValue *x, const ConstValue *y)
{
	const ConstValue *a = x->c.re, *b = x->c.im, *c = y->c.re, *d = y->c.im;
	switch (op) {
	case TOK_ADD: return make_complex(const_binary(TOK_ADD, a, c, false), const_binary(TOK_ADD, b, d, false));
	case TOK_SUB: return make_complex(const_binary(TOK_SUB, a, c, false), const_binary(TOK_SUB, b, d, false));
	case TOK_MUL: {
		/* (ac-bd) + i(bc+ad) */
		ConstValue *ac = const_binary(TOK_MUL, a, c, false), *bd = const_binary(TOK_MUL, b, d, false);
		ConstValue *bc = const_binary(TOK_MUL, b, c, false), *ad = const_binary(TOK_MUL, a, d, false);
		return make_complex(const_binary(TOK_SUB, ac, bd, false), const_binary(TOK_ADD, bc, ad, false));
	}
	case TOK_QUO: {
		/* (ac+bd)/s + i(bc-ad)/s, with s = cc + dd */
		ConstValue *ac = const_binary(TOK_MUL, a, c, false), *bd = const_binary(TOK_MUL, b, d, false);
		ConstValue *bc = const_binary(TOK_MUL, b, c, false), *ad = const_binary(TOK_MUL, a, d, false);
		ConstValue *s = const_binary(TOK_ADD, const_binary(TOK_MUL, c, c, false),
					     const_binary(TOK_MUL, d, d, false), false);
		ConstValue *re = const_binary(TOK_ADD, ac, bd, false);
		ConstValue *im = const_binary(TOK_SUB, bc, ad, false);
		return make_complex(const_binary(TOK_QUO, re, s, false), const_binary(TOK_QUO, im, s, false));
	}
	default: bad_operation("binary operation", op, x);
	}
}

static ConstValue *string_concat(const ConstValue *x, const ConstValue *y)
{
	if (x->s.len == 0)
		return (ConstValue *)y;
	if (y->s.len == 0)
		return (ConstValue *)x;
	ConstValue *v = new_value(CONST_STRING);
	v->s.len = x->s.len + y->s.len;
	v->s.left = x;
	v->s.right = y;
	return v;
}

/* The operands are brought to one kind first (const_match). Any unknown operand gives unknown. */
ConstValue *const_binary(TokenKind op, const ConstValue *x, const ConstValue *y, bool integer_division)
{
	match(&x, &y);
	if (x->kind == CONST_UNKNOWN || y->kind == CONST_UNKNOWN)
		return &unknown_value;
	if (x->kind != y->kind)
		bad_operation("binary operation on mismatched kinds", op, x);
	switch (x->kind) {
	case CONST_BOOL:
		if (op == TOK_LAND)
			return const_bool(x->b && y->b);
		if (op == TOK_LOR)
			return const_bool(x->b || y->b);
		break;
	case CONST_STRING:
		if (op == TOK_ADD)
			return string_concat(x, y);
		break;
	case CONST_INT: return int_binary(op, x, y, integer_division);
	case CONST_FLOAT: return float_binary(op, x, y);
	case CONST_COMPLEX: return complex_binary(op, x, y);
	default: break;
	}
	bad_operation("binary operation", op, x);
}

static ConstValue *negate(const ConstValue *x)
{
	ConstValue *v;
	switch (x->kind) {
	case CONST_INT:
		v = new_int();
		mpz_neg(v->z, x->z);
		return v;
	case CONST_FLOAT:
		if (!x->big) {
			v = new_rat();
			mpq_neg(v->q, x->q);
			return v;
		}
		v = new_value(CONST_FLOAT);
		v->big = true;
		mpz_init(v->f.mant);
		bf_set(&v->f, &x->f, true);
		return v;
	case CONST_COMPLEX: return make_complex(negate(x->c.re), negate(x->c.im));
	default: bad_operation("negation", TOK_SUB, x);
	}
}

ConstValue *const_unary(TokenKind op, const ConstValue *x, int unsigned_bits)
{
	if (x->kind == CONST_UNKNOWN)
		return &unknown_value;
	switch (op) {
	case TOK_ADD:
		if (numeric_rank(x) == 0)
			break;
		return (ConstValue *)x;
	case TOK_SUB: return negate(x);
	case TOK_XOR: {
		if (x->kind != CONST_INT)
			break;
		ConstValue *v = new_int();
		mpz_com(v->z, x->z);
		if (unsigned_bits > 0) /* within the type's width: x ^ (2^n - 1) */
			mpz_fdiv_r_2exp(v->z, v->z, (unsigned long)unsigned_bits);
		return v;
	}
	case TOK_NOT:
		if (x->kind != CONST_BOOL)
			break;
		return const_bool(!x->b);
	default: break;
	}
	bad_operation("unary operation", op, x);
}

/* >> is arithmetic (rounds toward negative infinity), as Go's >> on signed values. */
ConstValue *const_shift(TokenKind op, const ConstValue *x, unsigned long s)
{
	if (x->kind == CONST_UNKNOWN)
		return &unknown_value;
	if (x->kind != CONST_INT || (op != TOK_SHL && op != TOK_SHR))
		bad_operation("shift", op, x);
	ConstValue *v = new_int();
	if (op == TOK_SHL)
		mpz_mul_2exp(v->z, x->z, s);
	else
		mpz_fdiv_q_2exp(v->z, x->z, s);
	return v;
}

static bool compare_result(TokenKind op, int c)
{
	switch (op) {
	case TOK_EQL: return c == 0;
	case TOK_NEQ: return c != 0;
	case TOK_LSS: return c < 0;
	case TOK_LEQ: return c <= 0;
	case TOK_GTR: return c > 0;
	case TOK_GEQ: return c >= 0;
	default: internal_error("constant: invalid comparison operator %d", op);
	}
}

static int float_cmp(const ConstValue *x, const ConstValue *y)
{
	if (!x->big && !y->big)
		return mpq_cmp(x->q, y->q);
	BigFloat a, b;
	bf_init(&a);
	bf_init(&b);
	value_to_bf(x, &a);
	value_to_bf(y, &b);
	int c = bf_cmp(&a, &b);
	bf_clear(&a);
	bf_clear(&b);
	return c;
}

static int string_cmp(const ConstValue *x, const ConstValue *y)
{
	size_t xl, yl;
	const char *xs = const_string_val(x, &xl), *ys = const_string_val(y, &yl);
	int c = memcmp(xs, ys, xl < yl ? xl : yl);
	return c ? c : (xl > yl) - (xl < yl);
}

/* Comparisons involving the unknown value are false. Complex values and bools compare only for
 * (in)equality. */
bool const_compare(TokenKind op, const ConstValue *x, const ConstValue *y)
{
	match(&x, &y);
	if (x->kind == CONST_UNKNOWN || y->kind == CONST_UNKNOWN)
		return false;
	if (x->kind != y->kind)
		bad_operation("comparison on mismatched kinds", op, x);
	bool ordered = op != TOK_EQL && op != TOK_NEQ;
	switch (x->kind) {
	case CONST_BOOL:
		if (ordered)
			break;
		return compare_result(op, x->b != y->b);
	case CONST_STRING: return compare_result(op, string_cmp(x, y));
	case CONST_INT: return compare_result(op, mpz_cmp(x->z, y->z));
	case CONST_FLOAT: return compare_result(op, float_cmp(x, y));
	case CONST_COMPLEX:
		if (ordered)
			break;
		return compare_result(op, !const_compare(TOK_EQL, x->c.re, y->c.re) ||
						  !const_compare(TOK_EQL, x->c.im, y->c.im));
	default: break;
	}
	bad_operation("comparison", op, x);
}

/* ---- printing ----------------------------------------------------------------------------------- */

/* Go's unicode.IsPrint as strconv implements it, with its tables (Unicode 13; generated from
 * go1.19's strconv/isprint.go): pairs of inclusive ranges, minus the isNotPrint exceptions. */
static const uint16_t print16[] = {
	0x0020, 0x007e, 0x00a1, 0x0377, 0x037a, 0x037f, 0x0384, 0x0556, 0x0559, 0x058a,
	0x058d, 0x05c7, 0x05d0, 0x05ea, 0x05ef, 0x05f4, 0x0606, 0x061b, 0x061e, 0x070d,
	0x0710, 0x074a, 0x074d, 0x07b1, 0x07c0, 0x07fa, 0x07fd, 0x082d, 0x0830, 0x085b,
	0x085e, 0x086a, 0x08a0, 0x08c7, 0x08d3, 0x098c, 0x098f, 0x0990, 0x0993, 0x09b2,
	0x09b6, 0x09b9, 0x09bc, 0x09c4, 0x09c7, 0x09c8, 0x09cb, 0x09ce, 0x09d7, 0x09d7,
	0x09dc, 0x09e3, 0x09e6, 0x09fe, 0x0a01, 0x0a0a, 0x0a0f, 0x0a10, 0x0a13, 0x0a39,
	0x0a3c, 0x0a42, 0x0a47, 0x0a48, 0x0a4b, 0x0a4d, 0x0a51, 0x0a51, 0x0a59, 0x0a5e,
	0x0a66, 0x0a76, 0x0a81, 0x0ab9, 0x0abc, 0x0acd, 0x0ad0, 0x0ad0, 0x0ae0, 0x0ae3,
	0x0ae6, 0x0af1, 0x0af9, 0x0b0c, 0x0b0f, 0x0b10, 0x0b13, 0x0b39, 0x0b3c, 0x0b44,
	0x0b47, 0x0b48, 0x0b4b, 0x0b4d, 0x0b55, 0x0b57, 0x0b5c, 0x0b63, 0x0b66, 0x0b77,
	0x0b82, 0x0b8a, 0x0b8e, 0x0b95, 0x0b99, 0x0b9f, 0x0ba3, 0x0ba4, 0x0ba8, 0x0baa,
	0x0bae, 0x0bb9, 0x0bbe, 0x0bc2, 0x0bc6, 0x0bcd, 0x0bd0, 0x0bd0, 0x0bd7, 0x0bd7,
	0x0be6, 0x0bfa, 0x0c00, 0x0c39, 0x0c3d, 0x0c4d, 0x0c55, 0x0c5a, 0x0c60, 0x0c63,
	0x0c66, 0x0c6f, 0x0c77, 0x0cb9, 0x0cbc, 0x0ccd, 0x0cd5, 0x0cd6, 0x0cde, 0x0ce3,
	0x0ce6, 0x0cf2, 0x0d00, 0x0d4f, 0x0d54, 0x0d63, 0x0d66, 0x0d96, 0x0d9a, 0x0dbd,
	0x0dc0, 0x0dc6, 0x0dca, 0x0dca, 0x0dcf, 0x0ddf, 0x0de6, 0x0def, 0x0df2, 0x0df4,
	0x0e01, 0x0e3a, 0x0e3f, 0x0e5b, 0x0e81, 0x0ebd, 0x0ec0, 0x0ecd, 0x0ed0, 0x0ed9,
	0x0edc, 0x0edf, 0x0f00, 0x0f6c, 0x0f71, 0x0fda, 0x1000, 0x10c7, 0x10cd, 0x10cd,
	0x10d0, 0x124d, 0x1250, 0x125d, 0x1260, 0x128d, 0x1290, 0x12b5, 0x12b8, 0x12c5,
	0x12c8, 0x1315, 0x1318, 0x135a, 0x135d, 0x137c, 0x1380, 0x1399, 0x13a0, 0x13f5,
	0x13f8, 0x13fd, 0x1400, 0x169c, 0x16a0, 0x16f8, 0x1700, 0x1714, 0x1720, 0x1736,
	0x1740, 0x1753, 0x1760, 0x1773, 0x1780, 0x17dd, 0x17e0, 0x17e9, 0x17f0, 0x17f9,
	0x1800, 0x180d, 0x1810, 0x1819, 0x1820, 0x1878, 0x1880, 0x18aa, 0x18b0, 0x18f5,
	0x1900, 0x192b, 0x1930, 0x193b, 0x1940, 0x1940, 0x1944, 0x196d, 0x1970, 0x1974,
	0x1980, 0x19ab, 0x19b0, 0x19c9, 0x19d0, 0x19da, 0x19de, 0x1a1b, 0x1a1e, 0x1a7c,
	0x1a7f, 0x1a89, 0x1a90, 0x1a99, 0x1aa0, 0x1aad, 0x1ab0, 0x1ac0, 0x1b00, 0x1b4b,
	0x1b50, 0x1b7c, 0x1b80, 0x1bf3, 0x1bfc, 0x1c37, 0x1c3b, 0x1c49, 0x1c4d, 0x1c88,
	0x1c90, 0x1cba, 0x1cbd, 0x1cc7, 0x1cd0, 0x1cfa, 0x1d00, 0x1f15, 0x1f18, 0x1f1d,
	0x1f20, 0x1f45, 0x1f48, 0x1f4d, 0x1f50, 0x1f7d, 0x1f80, 0x1fd3, 0x1fd6, 0x1fef,
	0x1ff2, 0x1ffe, 0x2010, 0x2027, 0x2030, 0x205e, 0x2070, 0x2071, 0x2074, 0x209c,
	0x20a0, 0x20bf, 0x20d0, 0x20f0, 0x2100, 0x218b, 0x2190, 0x2426, 0x2440, 0x244a,
	0x2460, 0x2b73, 0x2b76, 0x2cf3, 0x2cf9, 0x2d27, 0x2d2d, 0x2d2d, 0x2d30, 0x2d67,
	0x2d6f, 0x2d70, 0x2d7f, 0x2d96, 0x2da0, 0x2e52, 0x2e80, 0x2ef3, 0x2f00, 0x2fd5,
	0x2ff0, 0x2ffb, 0x3001, 0x3096, 0x3099, 0x30ff, 0x3105, 0x31e3, 0x31f0, 0x9ffc,
	0xa000, 0xa48c, 0xa490, 0xa4c6, 0xa4d0, 0xa62b, 0xa640, 0xa6f7, 0xa700, 0xa7bf,
	0xa7c2, 0xa7ca, 0xa7f5, 0xa82c, 0xa830, 0xa839, 0xa840, 0xa877, 0xa880, 0xa8c5,
	0xa8ce, 0xa8d9, 0xa8e0, 0xa953, 0xa95f, 0xa97c, 0xa980, 0xa9d9, 0xa9de, 0xaa36,
	0xaa40, 0xaa4d, 0xaa50, 0xaa59, 0xaa5c, 0xaac2, 0xaadb, 0xaaf6, 0xab01, 0xab06,
	0xab09, 0xab0e, 0xab11, 0xab16, 0xab20, 0xab6b, 0xab70, 0xabed, 0xabf0, 0xabf9,
	0xac00, 0xd7a3, 0xd7b0, 0xd7c6, 0xd7cb, 0xd7fb, 0xf900, 0xfa6d, 0xfa70, 0xfad9,
	0xfb00, 0xfb06, 0xfb13, 0xfb17, 0xfb1d, 0xfbc1, 0xfbd3, 0xfd3f, 0xfd50, 0xfd8f,
	0xfd92, 0xfdc7, 0xfdf0, 0xfdfd, 0xfe00, 0xfe19, 0xfe20, 0xfe6b, 0xfe70, 0xfefc,
	0xff01, 0xffbe, 0xffc2, 0xffc7, 0xffca, 0xffcf, 0xffd2, 0xffd7, 0xffda, 0xffdc,
	0xffe0, 0xffee, 0xfffc, 0xfffd,
};
static const uint16_t not_print16[] = {
	0x00ad, 0x038b, 0x038d, 0x03a2, 0x0530, 0x0590, 0x06dd, 0x083f, 0x085f, 0x08b5,
	0x08e2, 0x0984, 0x09a9, 0x09b1, 0x09de, 0x0a04, 0x0a29, 0x0a31, 0x0a34, 0x0a37,
	0x0a3d, 0x0a5d, 0x0a84, 0x0a8e, 0x0a92, 0x0aa9, 0x0ab1, 0x0ab4, 0x0ac6, 0x0aca,
	0x0b00, 0x0b04, 0x0b29, 0x0b31, 0x0b34, 0x0b5e, 0x0b84, 0x0b91, 0x0b9b, 0x0b9d,
	0x0bc9, 0x0c0d, 0x0c11, 0x0c29, 0x0c45, 0x0c49, 0x0c57, 0x0c8d, 0x0c91, 0x0ca9,
	0x0cb4, 0x0cc5, 0x0cc9, 0x0cdf, 0x0cf0, 0x0d0d, 0x0d11, 0x0d45, 0x0d49, 0x0d80,
	0x0d84, 0x0db2, 0x0dbc, 0x0dd5, 0x0dd7, 0x0e83, 0x0e85, 0x0e8b, 0x0ea4, 0x0ea6,
	0x0ec5, 0x0ec7, 0x0f48, 0x0f98, 0x0fbd, 0x0fcd, 0x10c6, 0x1249, 0x1257, 0x1259,
	0x1289, 0x12b1, 0x12bf, 0x12c1, 0x12d7, 0x1311, 0x1680, 0x170d, 0x176d, 0x1771,
	0x191f, 0x1a5f, 0x1dfa, 0x1f58, 0x1f5a, 0x1f5c, 0x1f5e, 0x1fb5, 0x1fc5, 0x1fdc,
	0x1ff5, 0x208f, 0x2b96, 0x2c2f, 0x2c5f, 0x2d26, 0x2da7, 0x2daf, 0x2db7, 0x2dbf,
	0x2dc7, 0x2dcf, 0x2dd7, 0x2ddf, 0x2e9a, 0x3040, 0x3130, 0x318f, 0x321f, 0xa9ce,
	0xa9ff, 0xab27, 0xab2f, 0xfb37, 0xfb3d, 0xfb3f, 0xfb42, 0xfb45, 0xfe53, 0xfe67,
	0xfe75, 0xffe7,
};
static const uint32_t print32[] = {
	0x010000, 0x01004d, 0x010050, 0x01005d, 0x010080, 0x0100fa, 0x010100, 0x010102,
	0x010107, 0x010133, 0x010137, 0x01019c, 0x0101a0, 0x0101a0, 0x0101d0, 0x0101fd,
	0x010280, 0x01029c, 0x0102a0, 0x0102d0, 0x0102e0, 0x0102fb, 0x010300, 0x010323,
	0x01032d, 0x01034a, 0x010350, 0x01037a, 0x010380, 0x0103c3, 0x0103c8, 0x0103d5,
	0x010400, 0x01049d, 0x0104a0, 0x0104a9, 0x0104b0, 0x0104d3, 0x0104d8, 0x0104fb,
	0x010500, 0x010527, 0x010530, 0x010563, 0x01056f, 0x01056f, 0x010600, 0x010736,
	0x010740, 0x010755, 0x010760, 0x010767, 0x010800, 0x010805, 0x010808, 0x010838,
	0x01083c, 0x01083c, 0x01083f, 0x01089e, 0x0108a7, 0x0108af, 0x0108e0, 0x0108f5,
	0x0108fb, 0x01091b, 0x01091f, 0x010939, 0x01093f, 0x01093f, 0x010980, 0x0109b7,
	0x0109bc, 0x0109cf, 0x0109d2, 0x010a06, 0x010a0c, 0x010a35, 0x010a38, 0x010a3a,
	0x010a3f, 0x010a48, 0x010a50, 0x010a58, 0x010a60, 0x010a9f, 0x010ac0, 0x010ae6,
	0x010aeb, 0x010af6, 0x010b00, 0x010b35, 0x010b39, 0x010b55, 0x010b58, 0x010b72,
	0x010b78, 0x010b91, 0x010b99, 0x010b9c, 0x010ba9, 0x010baf, 0x010c00, 0x010c48,
	0x010c80, 0x010cb2, 0x010cc0, 0x010cf2, 0x010cfa, 0x010d27, 0x010d30, 0x010d39,
	0x010e60, 0x010ead, 0x010eb0, 0x010eb1, 0x010f00, 0x010f27, 0x010f30, 0x010f59,
	0x010fb0, 0x010fcb, 0x010fe0, 0x010ff6, 0x011000, 0x01104d, 0x011052, 0x01106f,
	0x01107f, 0x0110c1, 0x0110d0, 0x0110e8, 0x0110f0, 0x0110f9, 0x011100, 0x011147,
	0x011150, 0x011176, 0x011180, 0x0111f4, 0x011200, 0x01123e, 0x011280, 0x0112a9,
	0x0112b0, 0x0112ea, 0x0112f0, 0x0112f9, 0x011300, 0x01130c, 0x01130f, 0x011310,
	0x011313, 0x011344, 0x011347, 0x011348, 0x01134b, 0x01134d, 0x011350, 0x011350,
	0x011357, 0x011357, 0x01135d, 0x011363, 0x011366, 0x01136c, 0x011370, 0x011374,
	0x011400, 0x011461, 0x011480, 0x0114c7, 0x0114d0, 0x0114d9, 0x011580, 0x0115b5,
	0x0115b8, 0x0115dd, 0x011600, 0x011644, 0x011650, 0x011659, 0x011660, 0x01166c,
	0x011680, 0x0116b8, 0x0116c0, 0x0116c9, 0x011700, 0x01171a, 0x01171d, 0x01172b,
	0x011730, 0x01173f, 0x011800, 0x01183b, 0x0118a0, 0x0118f2, 0x0118ff, 0x011906,
	0x011909, 0x011909, 0x01190c, 0x011938, 0x01193b, 0x011946, 0x011950, 0x011959,
	0x0119a0, 0x0119a7, 0x0119aa, 0x0119d7, 0x0119da, 0x0119e4, 0x011a00, 0x011a47,
	0x011a50, 0x011aa2, 0x011ac0, 0x011af8, 0x011c00, 0x011c45, 0x011c50, 0x011c6c,
	0x011c70, 0x011c8f, 0x011c92, 0x011cb6, 0x011d00, 0x011d36, 0x011d3a, 0x011d47,
	0x011d50, 0x011d59, 0x011d60, 0x011d98, 0x011da0, 0x011da9, 0x011ee0, 0x011ef8,
	0x011fb0, 0x011fb0, 0x011fc0, 0x011ff1, 0x011fff, 0x012399, 0x012400, 0x012474,
	0x012480, 0x012543, 0x013000, 0x01342e, 0x014400, 0x014646, 0x016800, 0x016a38,
	0x016a40, 0x016a69, 0x016a6e, 0x016a6f, 0x016ad0, 0x016aed, 0x016af0, 0x016af5,
	0x016b00, 0x016b45, 0x016b50, 0x016b77, 0x016b7d, 0x016b8f, 0x016e40, 0x016e9a,
	0x016f00, 0x016f4a, 0x016f4f, 0x016f87, 0x016f8f, 0x016f9f, 0x016fe0, 0x016fe4,
	0x016ff0, 0x016ff1, 0x017000, 0x0187f7, 0x018800, 0x018cd5, 0x018d00, 0x018d08,
	0x01b000, 0x01b11e, 0x01b150, 0x01b152, 0x01b164, 0x01b167, 0x01b170, 0x01b2fb,
	0x01bc00, 0x01bc6a, 0x01bc70, 0x01bc7c, 0x01bc80, 0x01bc88, 0x01bc90, 0x01bc99,
	0x01bc9c, 0x01bc9f, 0x01d000, 0x01d0f5, 0x01d100, 0x01d126, 0x01d129, 0x01d172,
	0x01d17b, 0x01d1e8, 0x01d200, 0x01d245, 0x01d2e0, 0x01d2f3, 0x01d300, 0x01d356,
	0x01d360, 0x01d378, 0x01d400, 0x01d49f, 0x01d4a2, 0x01d4a2, 0x01d4a5, 0x01d4a6,
	0x01d4a9, 0x01d50a, 0x01d50d, 0x01d546, 0x01d54a, 0x01d6a5, 0x01d6a8, 0x01d7cb,
	0x01d7ce, 0x01da8b, 0x01da9b, 0x01daaf, 0x01e000, 0x01e018, 0x01e01b, 0x01e02a,
	0x01e100, 0x01e12c, 0x01e130, 0x01e13d, 0x01e140, 0x01e149, 0x01e14e, 0x01e14f,
	0x01e2c0, 0x01e2f9, 0x01e2ff, 0x01e2ff, 0x01e800, 0x01e8c4, 0x01e8c7, 0x01e8d6,
	0x01e900, 0x01e94b, 0x01e950, 0x01e959, 0x01e95e, 0x01e95f, 0x01ec71, 0x01ecb4,
	0x01ed01, 0x01ed3d, 0x01ee00, 0x01ee24, 0x01ee27, 0x01ee3b, 0x01ee42, 0x01ee42,
	0x01ee47, 0x01ee54, 0x01ee57, 0x01ee64, 0x01ee67, 0x01ee9b, 0x01eea1, 0x01eebb,
	0x01eef0, 0x01eef1, 0x01f000, 0x01f02b, 0x01f030, 0x01f093, 0x01f0a0, 0x01f0ae,
	0x01f0b1, 0x01f0f5, 0x01f100, 0x01f1ad, 0x01f1e6, 0x01f202, 0x01f210, 0x01f23b,
	0x01f240, 0x01f248, 0x01f250, 0x01f251, 0x01f260, 0x01f265, 0x01f300, 0x01f6d7,
	0x01f6e0, 0x01f6ec, 0x01f6f0, 0x01f6fc, 0x01f700, 0x01f773, 0x01f780, 0x01f7d8,
	0x01f7e0, 0x01f7eb, 0x01f800, 0x01f80b, 0x01f810, 0x01f847, 0x01f850, 0x01f859,
	0x01f860, 0x01f887, 0x01f890, 0x01f8ad, 0x01f8b0, 0x01f8b1, 0x01f900, 0x01fa53,
	0x01fa60, 0x01fa6d, 0x01fa70, 0x01fa74, 0x01fa78, 0x01fa7a, 0x01fa80, 0x01fa86,
	0x01fa90, 0x01faa8, 0x01fab0, 0x01fab6, 0x01fac0, 0x01fac2, 0x01fad0, 0x01fad6,
	0x01fb00, 0x01fbca, 0x01fbf0, 0x01fbf9, 0x020000, 0x02a6dd, 0x02a700, 0x02b734,
	0x02b740, 0x02b81d, 0x02b820, 0x02cea1, 0x02ceb0, 0x02ebe0, 0x02f800, 0x02fa1d,
	0x030000, 0x03134a, 0x0e0100, 0x0e01ef,
};
static const uint16_t not_print32[] = {
	0x000c, 0x0027, 0x003b, 0x003e, 0x018f, 0x039e, 0x0809, 0x0836, 0x0856, 0x08f3,
	0x0a04, 0x0a14, 0x0a18, 0x0e7f, 0x0eaa, 0x10bd, 0x1135, 0x11e0, 0x1212, 0x1287,
	0x1289, 0x128e, 0x129e, 0x1304, 0x1329, 0x1331, 0x1334, 0x133a, 0x145c, 0x1914,
	0x1917, 0x1936, 0x1c09, 0x1c37, 0x1ca8, 0x1d07, 0x1d0a, 0x1d3b, 0x1d3e, 0x1d66,
	0x1d69, 0x1d8f, 0x1d92, 0x246f, 0x6a5f, 0x6b5a, 0x6b62, 0xd455, 0xd49d, 0xd4ad,
	0xd4ba, 0xd4bc, 0xd4c4, 0xd506, 0xd515, 0xd51d, 0xd53a, 0xd53f, 0xd545, 0xd551,
	0xdaa0, 0xe007, 0xe022, 0xe025, 0xee04, 0xee20, 0xee23, 0xee28, 0xee33, 0xee38,
	0xee3a, 0xee48, 0xee4a, 0xee4c, 0xee50, 0xee53, 0xee58, 0xee5a, 0xee5c, 0xee5e,
	0xee60, 0xee63, 0xee6b, 0xee73, 0xee78, 0xee7d, 0xee7f, 0xee8a, 0xeea4, 0xeeaa,
	0xf0c0, 0xf0d0, 0xf979, 0xf9cc, 0xfb93,
};

#define COUNT(table) (sizeof(table) / sizeof((table)[0]))

/* Index of the first element >= x in a sorted table (strconv's bsearch16 and bsearch32). */
static size_t bsearch16(const uint16_t *table, size_t n, uint16_t x)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (table[mid] < x)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static size_t bsearch32(const uint32_t *table, size_t n, uint32_t x)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (table[mid] < x)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static bool is_print(int32_t r)
{
	if (r <= 0xFF)
		return (0x20 <= r && r <= 0x7E) || (0xA1 <= r && r <= 0xFF && r != 0xAD);
	if (r < 0x10000) {
		uint16_t rr = (uint16_t)r;
		size_t i = bsearch16(print16, COUNT(print16), rr);
		if (i >= COUNT(print16) || rr < print16[i & ~(size_t)1] || print16[i | 1] < rr)
			return false;
		size_t j = bsearch16(not_print16, COUNT(not_print16), rr);
		return j >= COUNT(not_print16) || not_print16[j] != rr;
	}
	uint32_t rr = (uint32_t)r;
	size_t i = bsearch32(print32, COUNT(print32), rr);
	if (i >= COUNT(print32) || rr < print32[i & ~(size_t)1] || print32[i | 1] < rr)
		return false;
	if (r >= 0x20000)
		return true;
	uint16_t low = (uint16_t)(r - 0x10000);
	size_t j = bsearch16(not_print32, COUNT(not_print32), low);
	return j >= COUNT(not_print32) || not_print32[j] != low;
}

/* One rune of a double-quoted Go string, as strconv.Quote writes it. */
static void quote_rune(StrBuf *b, const unsigned char *s, int32_t r, int width)
{
	static const char escapes[] = "\a" "a" "\b" "b" "\f" "f" "\n" "n" "\r" "r" "\t" "t" "\v" "v";
	if (width == 1 && r == UTF8_RUNE_ERROR) {
		sb_printf(b, "\\x%02x", s[0]); /* a byte that is not UTF-8 */
	} else if (r == '"' || r == '\\') {
		sb_putc(b, '\\');
		sb_putc(b, (char)r);
	} else if (is_print(r)) {
		sb_put(b, (const char *)s, (size_t)width);
	} else if (r != 0 && r < 0x80 && strchr(escapes, r) && (strchr(escapes, r) - escapes) % 2 == 0) {
		sb_putc(b, '\\');
		sb_putc(b, strchr(escapes, r)[1]);
	} else if (r < ' ' || r == 0x7F) {
		sb_printf(b, "\\x%02x", (unsigned)r);
	} else if (r < 0x10000) {
		sb_printf(b, "\\u%04x", (unsigned)r);
	} else {
		sb_printf(b, "\\U%08x", (unsigned)r);
	}
}

/* Byte length of the first n runes of s. */
static size_t rune_prefix(const char *s, size_t len, size_t n)
{
	size_t i = 0;
	for (int width; i < len && n > 0; n--, i += (size_t)width)
		utf8_decode(s + i, len - i, &width);
	return i;
}

/* strconv.Quote, shortened as go/constant does: beyond 72 runes, the first 69 and "...". Only as
 * much of a long string is quoted as the shortened form needs. */
static const char *format_string(const ConstValue *v)
{
	enum { MAX_RUNES = 72 };
	size_t len;
	const unsigned char *s = (const unsigned char *)const_string_val(v, &len);
	StrBuf b = {0};
	sb_putc(&b, '"');
	size_t i = 0;
	while (i < len && utf8_rune_count(b.data, b.len) <= MAX_RUNES) {
		int width;
		int32_t r = utf8_decode(s + i, len - i, &width);
		quote_rune(&b, s + i, r, width);
		i += (size_t)width;
	}
	if (i == len)
		sb_putc(&b, '"');
	if (utf8_rune_count(b.data, b.len) > MAX_RUNES) {
		b.len = rune_prefix(b.data, b.len, MAX_RUNES - 3);
		sb_puts(&b, "...");
	}
	return sb_cstr(&b);
}

/* go/constant's Float String: %.6g of the nearest float64 when that neither overflows nor
 * underflows, else an approximate decimal mantissa and exponent computed in float64. */
static const char *format_float(const ConstValue *v)
{
	BigFloat f;
	bf_init(&f);
	value_to_bf(v, &f);
	const char *out;
	double x = bf_to_ieee(&f, &ieee64);
	if (mpz_sgn(f.mant) == 0 || (x != 0 && !isinf(x))) {
		out = xsprintf("%.6g", x);
	} else {
		long exp = bf_top(&f); /* f = mant * 2^exp with 0.5 <= |mant| < 1 */
		f.exp = -bitlen(f.mant);
		double m = bf_to_ieee(&f, &ieee64);
		double d = (double)exp * LOG10_2;
		long long e = (long long)d;
		m *= pow(10, d - (double)e);
		double am = fabs(m);
		if (am < 1 - 0.5e-6) {
			/* %.6g rounds m to 5 digits after the point: keep m*10 below 10 after rounding */
			m *= 10;
			e--;
		} else if (am >= 10) {
			m /= 10;
			e++;
		}
		out = xsprintf("%.6ge%+lld", m, e);
	}
	bf_clear(&f);
	return out;
}

const char *const_format(const ConstValue *v)
{
	switch (v->kind) {
	case CONST_UNKNOWN: return "unknown";
	case CONST_BOOL: return v->b ? "true" : "false";
	case CONST_STRING: return format_string(v);
	case CONST_INT: {
		char *buf = xalloc(mpz_sizeinbase(v->z, 10) + 2);
		return mpz_get_str(buf, 10, v->z);
	}
	case CONST_FLOAT: return format_float(v);
	case CONST_COMPLEX: return xsprintf("(%s + %si)", const_format(v->c.re), const_format(v->c.im));
	}
	unreachable();
}
