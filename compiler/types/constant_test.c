/*
 * constant_test.c: unit tests for constant.c, the exact arithmetic of Go constants.
 *
 * The expected strings and bits were produced by go1.19's go/constant (MakeFromLiteral, BinaryOp,
 * Float64Val, String) and go/types' representability rules, so these tests pin gocc to gc's
 * behaviour: literal forms, huge and tiny values, integer division and shift signs, representability
 * edges, correctly rounded float32/float64 (checked bit for bit against glibc's strtod/strtof,
 * which round correctly), and the printed form used in diagnostics.
 */
#include "constant.h"

#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static ConstValue *lit(TokenKind kind, const char *text)
{
	return const_from_literal(kind, text, (int)strlen(text));
}

static ConstValue *ival(const char *text)
{
	ConstValue *v = lit(TOK_INT, text);
	cr_assert(v, "int literal %s", text);
	return v;
}

static ConstValue *fval(const char *text)
{
	ConstValue *v = lit(TOK_FLOAT, text);
	cr_assert(v, "float literal %s", text);
	return v;
}

static ConstValue *binop(const ConstValue *x, TokenKind op, const ConstValue *y)
{
	return const_binary(op, x, y, false);
}

static ConstValue *intdiv(const ConstValue *x, TokenKind op, const ConstValue *y)
{
	return const_binary(op, x, y, true);
}

static uint64_t bits64(double d)
{
	uint64_t b;
	memcpy(&b, &d, sizeof b);
	return b;
}

static uint32_t bits32(float f)
{
	uint32_t b;
	memcpy(&b, &f, sizeof b);
	return b;
}

#define assert_format(v, expected) cr_assert_str_eq(const_format(v), expected)

/* ---- literals ------------------------------------------------------------------------------------ */

Test(literal, integers_in_every_base)
{
	static const struct { const char *text, *value; } cases[] = {
		{"42", "42"}, {"0", "0"}, {"0x_FF", "255"}, {"0XfF", "255"}, {"0b1010", "10"},
		{"0B1_0", "2"}, {"0o17", "15"}, {"0O1_7", "15"}, {"017", "15"}, {"0_17", "15"},
		{"00", "0"}, {"1_000_000", "1000000"},
		{"123456789012345678901234567890", "123456789012345678901234567890"},
		{"0xffffffffffffffffffffffffffffffff", "340282366920938463463374607431768211455"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		ConstValue *v = ival(cases[i].text);
		cr_assert_eq(const_kind(v), CONST_INT);
		assert_format(v, cases[i].value);
	}
}

Test(literal, floats_decimal_and_hex)
{
	static const struct { const char *text, *value; } cases[] = {
		{"1.5", "1.5"}, {".5", "0.5"}, {"1.", "1"}, {"1e3", "1000"}, {"1E-3", "0.001"},
		{"0x1.8p1", "3"}, {"0x.8p1", "1"}, {"0X1P-2", "0.25"}, {"0x1p+2", "4"}, {"0x_1p4", "16"},
		{"1_0.2_5", "10.25"}, {"0123.5", "123.5"}, {"089.5", "89.5"}, {"0123e2", "12300"},
		{"1e100", "1e+100"}, {"0.1", "0.1"}, {"100000.0", "100000"}, {"1e6", "1e+06"},
		{"123456789.0", "1.23457e+08"}, {"0.0001", "0.0001"}, {"0.00001", "1e-05"},
		{"0x1p-1074", "4.94066e-324"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		ConstValue *v = fval(cases[i].text);
		cr_assert_eq(const_kind(v), CONST_FLOAT, "%s", cases[i].text);
		assert_format(v, cases[i].value);
	}
}

Test(literal, imaginary)
{
	static const struct { const char *text, *value; } cases[] = {
		{"2i", "(0 + 2i)"}, {"1.5i", "(0 + 1.5i)"}, {"0123i", "(0 + 123i)"}, {"089i", "(0 + 89i)"},
		{"0x10i", "(0 + 16i)"}, {"0o17i", "(0 + 15i)"}, {"0b11i", "(0 + 3i)"}, {"1e2i", "(0 + 100i)"},
		{"0x1p-2i", "(0 + 0.25i)"}, {"0i", "(0 + 0i)"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		ConstValue *v = lit(TOK_IMAG, cases[i].text);
		cr_assert(v, "%s", cases[i].text);
		cr_assert_eq(const_kind(v), CONST_COMPLEX);
		assert_format(v, cases[i].value);
	}
	cr_assert_eq(const_imag64(lit(TOK_IMAG, "0123i")), 123.0);
}

Test(literal, malformed_gives_null)
{
	static const char *ints[] = {"1__0", "1_", "0x", "0b", "0o", "0x_", "0b2", "0o8", "08", "09",
				     "0_8", "1.5", "_1", "0x1p3", ""};
	static const char *floats[] = {"1._5", "1_.5", "0x_.8p1", "0x1.8", "0b1.0", "0o1e3", "1e", "1e+",
				       "1e_5", "1e5_", ".", ".e5", "0x.p1", "0xp1", "1.5x", "0X1P+"};
	for (size_t i = 0; i < sizeof ints / sizeof ints[0]; i++)
		cr_assert_null(lit(TOK_INT, ints[i]), "%s", ints[i]);
	for (size_t i = 0; i < sizeof floats / sizeof floats[0]; i++)
		cr_assert_null(lit(TOK_FLOAT, floats[i]), "%s", floats[i]);
	cr_assert_null(lit(TOK_IMAG, "1"));
	cr_assert_null(lit(TOK_IMAG, "1_i"));
	cr_assert_null(lit(TOK_IMAG, "0b2i"));
}

Test(literal, huge_and_tiny_exponents)
{
	assert_format(fval("1e100000"), "1e+100000");
	assert_format(fval("1e-100000"), "1e-100000");
	assert_format(fval("0x1p-5000"), "0.707981e-1505"); /* go/constant's approximate form */
	assert_format(fval("0x1p5000"), "1.41247e+1505");
	assert_format(fval("1e646456992"), "1e+646456992");
	cr_assert(isinf(const_to_float64(fval("1e100000"))));
	cr_assert_eq(const_to_float64(fval("1e-100000")), 0.0);
	/* beyond big.Float's exponent range: the checker reports a malformed constant */
	cr_assert_eq(const_kind(fval("1e646456993")), CONST_UNKNOWN);
	cr_assert_eq(const_kind(fval("1e99999999999999999999")), CONST_UNKNOWN);
	cr_assert_eq(const_kind(fval("0x1p2147483647")), CONST_UNKNOWN);
	/* underflow after the power of 5 is 0 */
	assert_format(fval("6e-1886451601"), "0");
	assert_format(fval("1e-646456993"), "1e-646456993"); /* 2^-2147483640: still in range */
	assert_format(fval("1e-700000000"), "0");
	assert_format(fval("0e-99999999999999999"), "0");
}

/* ---- arithmetic ---------------------------------------------------------------------------------- */

Test(arith, integer_division_and_remainder_signs)
{
	ConstValue *seven = const_int64(7), *two = const_int64(2);
	ConstValue *mseven = const_int64(-7), *mtwo = const_int64(-2);
	assert_format(intdiv(seven, TOK_QUO, two), "3");
	assert_format(intdiv(mseven, TOK_QUO, two), "-3");
	assert_format(intdiv(seven, TOK_QUO, mtwo), "-3");
	assert_format(intdiv(mseven, TOK_REM, two), "-1");
	assert_format(intdiv(seven, TOK_REM, mtwo), "1");
	/* without integer_division, / on ints is exact (an untyped float) */
	ConstValue *q = binop(seven, TOK_QUO, two);
	cr_assert_eq(const_kind(q), CONST_FLOAT);
	assert_format(q, "3.5");
	ConstValue *third = binop(const_int64(1), TOK_QUO, const_int64(3));
	assert_format(third, "0.333333");
	cr_assert(const_compare(TOK_EQL, binop(third, TOK_MUL, const_int64(3)), const_int64(1)));
}

Test(arith, bitwise)
{
	ConstValue *m5 = const_int64(-5);
	assert_format(binop(m5, TOK_AND_NOT, const_int64(3)), "-8");
	assert_format(binop(m5, TOK_AND, const_int64(12)), "8");
	assert_format(binop(m5, TOK_OR, const_int64(12)), "-1");
	assert_format(binop(m5, TOK_XOR, const_int64(12)), "-9");
	assert_format(const_unary(TOK_XOR, const_int64(5), 0), "-6");
	assert_format(const_unary(TOK_XOR, const_int64(5), 8), "250");
	assert_format(const_unary(TOK_XOR, const_int64(0), 64), "18446744073709551615");
	assert_format(const_unary(TOK_SUB, const_int64(5), 0), "-5");
	assert_format(const_unary(TOK_ADD, fval("1.5"), 0), "1.5");
	cr_assert_eq(const_bool_val(const_unary(TOK_NOT, const_bool(true), 0)), false);
}

Test(arith, shifts)
{
	ConstValue *big = const_shift(TOK_SHL, const_int64(1), 500);
	cr_assert_eq(const_bitlen(big), 501);
	assert_format(const_shift(TOK_SHR, big, 499), "2");
	assert_format(const_shift(TOK_SHR, const_int64(-7), 1), "-4"); /* floor, like Go's >> */
	assert_format(const_shift(TOK_SHR, const_int64(-7), 3), "-1");
	assert_format(const_shift(TOK_SHR, const_int64(7), 3), "0");
	assert_format(const_shift(TOK_SHL, const_int64(-3), 2), "-12");
	cr_assert_eq(const_bitlen(const_int64(0)), 0);
	cr_assert_eq(const_bitlen(const_int64(-255)), 8);
	ConstValue *sq = binop(const_shift(TOK_SHL, const_int64(1), 511), TOK_MUL,
			       const_shift(TOK_SHL, const_int64(1), 511));
	cr_assert_eq(const_bitlen(sq), 1023); /* > 512: the checker reports "constant overflow" */
}

Test(arith, huge_floats)
{
	ConstValue *q = binop(fval("1e1000"), TOK_QUO, fval("1e999"));
	cr_assert(const_compare(TOK_EQL, q, const_int64(10)));
	assert_format(q, "10");
	/* 512-bit floats: the quotient is 10 within rounding, and converts to the int 10 */
	ConstValue *q2 = binop(fval("1e100000"), TOK_QUO, fval("1e99999"));
	int64_t i;
	cr_assert(const_to_int64(const_to_int(q2), &i));
	cr_assert_eq(i, 10);
	cr_assert_eq(const_to_float64(q2), 10.0);
	assert_format(binop(fval("1e100000"), TOK_ADD, const_int64(1)), "1e+100000");
	assert_format(binop(fval("1e100000"), TOK_SUB, fval("1e100000")), "0");
	assert_format(binop(fval("1e100000"), TOK_MUL, fval("1e-100000")), "1");
	assert_format(binop(const_unary(TOK_SUB, fval("1e100000"), 0), TOK_QUO, const_int64(3)),
		      "-3.33333e+99999");
	cr_assert(const_compare(TOK_LSS, fval("1e100000"), fval("1e100001")));
	cr_assert(const_compare(TOK_GTR, fval("1e-100000"), const_int64(0)));
	cr_assert_eq(const_kind(binop(fval("1e646456992"), TOK_MUL, fval("1e646456992"))), CONST_UNKNOWN);
	assert_format(binop(fval("0.1"), TOK_ADD, fval("0.2")), "0.3");
	cr_assert(const_compare(TOK_EQL, binop(fval("0.1"), TOK_ADD, fval("0.2")), fval("0.3")));
}

Test(arith, complex)
{
	ConstValue *a = binop(const_int64(1), TOK_ADD, lit(TOK_IMAG, "2i"));
	ConstValue *b = binop(const_int64(3), TOK_ADD, lit(TOK_IMAG, "4i"));
	assert_format(a, "(1 + 2i)");
	assert_format(binop(a, TOK_MUL, b), "(-5 + 10i)");
	assert_format(binop(a, TOK_QUO, a), "(1 + 0i)");
	assert_format(binop(a, TOK_QUO, b), "(0.44 + 0.08i)");
	assert_format(const_unary(TOK_SUB, a, 0), "(-1 + -2i)");
	assert_format(binop(lit(TOK_IMAG, "1i"), TOK_MUL, lit(TOK_IMAG, "1i")), "(-1 + 0i)");
	cr_assert(const_compare(TOK_EQL, binop(lit(TOK_IMAG, "1i"), TOK_MUL, lit(TOK_IMAG, "1i")),
				const_int64(-1)));
	cr_assert(const_compare(TOK_NEQ, a, b));
	cr_assert_eq(const_real64(a), 1.0);
	cr_assert_eq(const_imag64(a), 2.0);
	assert_format(const_make_complex(fval("1.5"), const_int64(2)), "(1.5 + 2i)");
	cr_assert_null(const_to_float(a));
	assert_format(const_to_int(const_make_complex(const_int64(2), const_int64(0))), "2");
}

Test(arith, strings_and_bools)
{
	ConstValue *s = const_string("abc", 3);
	for (int i = 0; i < 1000; i++) /* a long chain stays cheap: concatenation is lazy */
		s = binop(s, TOK_ADD, const_string("d", 1));
	size_t len;
	const char *data = const_string_val(s, &len);
	cr_assert_eq(len, 1003);
	cr_assert(memcmp(data, "abcddd", 6) == 0 && data[1002] == 'd' && data[1003] == '\0');
	cr_assert(const_compare(TOK_LSS, const_string("ab", 2), const_string("b", 1)));
	cr_assert(const_compare(TOK_GTR, const_string("ab", 2), const_string("a", 1)));
	cr_assert(const_compare(TOK_EQL, binop(const_string("a", 1), TOK_ADD, const_string("b", 1)),
				const_string("ab", 2)));
	cr_assert(const_compare(TOK_LSS, const_string("a\0", 2), const_string("a\1", 2)));
	cr_assert_eq(const_bool_val(binop(const_bool(true), TOK_LAND, const_bool(false))), false);
	cr_assert_eq(const_bool_val(binop(const_bool(true), TOK_LOR, const_bool(false))), true);
	cr_assert(const_compare(TOK_NEQ, const_bool(true), const_bool(false)));
}

Test(arith, unknown_propagates)
{
	ConstValue *u = const_unknown();
	cr_assert_eq(const_kind(binop(u, TOK_ADD, const_int64(1))), CONST_UNKNOWN);
	cr_assert_eq(const_kind(const_unary(TOK_SUB, u, 0)), CONST_UNKNOWN);
	cr_assert_not(const_compare(TOK_EQL, u, u));
	cr_assert_eq(const_sign(u), 1);
	cr_assert(const_representable(u, REPR_INT8, NULL));
	assert_format(u, "unknown");
}

Test(arith, match_brings_operands_to_one_kind)
{
	ConstValue *x = const_int64(1), *y = fval("2.5");
	const_match(&x, &y);
	cr_assert_eq(const_kind(x), CONST_FLOAT);
	x = lit(TOK_IMAG, "1i");
	y = const_int64(2);
	const_match(&x, &y);
	cr_assert_eq(const_kind(y), CONST_COMPLEX);
}

/* ---- representability ------------------------------------------------------------------------------ */

static bool repr(const ConstValue *v, ConstRepr target)
{
	return const_representable(v, target, NULL);
}

Test(repr, integers)
{
	cr_assert(repr(const_int64(-128), REPR_INT8));
	cr_assert(repr(const_int64(127), REPR_INT8));
	cr_assert_not(repr(const_int64(-129), REPR_INT8));
	cr_assert_not(repr(const_int64(128), REPR_INT8));
	cr_assert(repr(const_int64(255), REPR_UINT8));
	cr_assert_not(repr(const_int64(256), REPR_UINT8));
	cr_assert_not(repr(const_int64(-1), REPR_UINT8));
	cr_assert(repr(const_int64(-32768), REPR_INT16));
	cr_assert_not(repr(const_int64(-32769), REPR_INT16));
	cr_assert(repr(const_int64(65535), REPR_UINT16));
	cr_assert(repr(const_int64(2147483647), REPR_INT32));
	cr_assert_not(repr(const_int64(2147483648), REPR_INT32));
	cr_assert(repr(const_int64(-2147483648LL), REPR_INT32));
	cr_assert_not(repr(const_int64(-2147483649LL), REPR_INT32));
	cr_assert(repr(const_int64(4294967295LL), REPR_UINT32));
	cr_assert_not(repr(const_int64(4294967296LL), REPR_UINT32));
	ConstValue *two63 = const_shift(TOK_SHL, const_int64(1), 63);
	cr_assert_not(repr(two63, REPR_INT64));
	cr_assert(repr(const_unary(TOK_SUB, two63, 0), REPR_INT64));
	cr_assert(repr(two63, REPR_UINT64));
	cr_assert(repr(const_uint64(UINT64_MAX), REPR_UINT64));
	cr_assert_not(repr(binop(const_uint64(UINT64_MAX), TOK_ADD, const_int64(1)), REPR_UINT64));
	int64_t i;
	uint64_t u;
	cr_assert_not(const_to_int64(two63, &i));
	cr_assert(const_to_uint64(two63, &u) && u == 1ULL << 63);
	cr_assert_not(const_to_uint64(const_int64(-1), &u));
}

Test(repr, floats_to_integers)
{
	ConstValue *r = NULL;
	cr_assert(const_representable(fval("1.0"), REPR_INT32, &r));
	cr_assert_eq(const_kind(r), CONST_INT);
	assert_format(r, "1");
	cr_assert_not(repr(fval("1.5"), REPR_INT32));
	cr_assert_not(repr(fval("0.9999999999999999999999"), REPR_INT8));
	cr_assert(repr(fval("1e18"), REPR_INT64));
	cr_assert_not(repr(fval("1e19"), REPR_INT64));
	cr_assert(repr(fval("1e19"), REPR_UINT64));
	cr_assert_not(repr(fval("1e100000"), REPR_INT64));
	cr_assert(repr(const_make_complex(const_int64(2), const_int64(0)), REPR_INT32));
	cr_assert_not(repr(lit(TOK_IMAG, "1i"), REPR_INT32));
	/* 1e-4000 is beyond the rational range, so 1 + 1e-4000 is a 512-bit float: the tiny addend
	 * is lost and the sum is the integer 1 (as in go/constant) */
	cr_assert(repr(binop(fval("1e-4000"), TOK_ADD, const_int64(1)), REPR_INT8));
	/* 1e-1000 is an exact rational: 1 + 1e-1000 is not an integer */
	cr_assert_not(repr(binop(fval("1e-1000"), TOK_ADD, const_int64(1)), REPR_INT8));
}

Test(repr, float32_and_float64)
{
	ConstValue *r = NULL;
	cr_assert(repr(fval("3.4028234663852886e38"), REPR_FLOAT32));
	cr_assert(repr(fval("3.4028235677973362e38"), REPR_FLOAT32)); /* rounds down to the max */
	cr_assert(repr(fval("3.4028235677973366e38"), REPR_FLOAT32)); /* just below the midpoint */
	cr_assert_not(repr(fval("3.4028235677973367e38"), REPR_FLOAT32)); /* above: rounds to 2^128 */
	cr_assert_not(repr(fval("3.5e38"), REPR_FLOAT32));
	cr_assert(repr(fval("1e-46"), REPR_FLOAT32)); /* rounds to 0: fine */
	cr_assert(const_representable(fval("0.1"), REPR_FLOAT32, &r));
	cr_assert_eq(const_to_float64(r), (double)0.1f);
	cr_assert(const_representable(fval("1e-400"), REPR_FLOAT64, &r));
	cr_assert_eq(const_sign(r), 0);
	cr_assert(repr(const_unary(TOK_SUB, fval("1e-400"), 0), REPR_FLOAT64));
	cr_assert(repr(fval("1e308"), REPR_FLOAT64));
	cr_assert_not(repr(fval("1e309"), REPR_FLOAT64));
	cr_assert(repr(fval("1.7976931348623158e308"), REPR_FLOAT64));
	cr_assert_not(repr(fval("1.7976931348623159e308"), REPR_FLOAT64));
	cr_assert_not(repr(const_shift(TOK_SHL, const_int64(1), 1024), REPR_FLOAT64));
	cr_assert(repr(const_shift(TOK_SHL, const_int64(1), 1023), REPR_FLOAT64));
	/* ties to even: 2^53 + 1 -> 2^53, 2^53 + 3 -> 2^53 + 4 */
	cr_assert(const_representable(ival("9007199254740993"), REPR_FLOAT64, &r));
	assert_format(const_to_int(r), "9007199254740992");
	cr_assert(const_representable(ival("9007199254740995"), REPR_FLOAT64, &r));
	assert_format(const_to_int(r), "9007199254740996");
	cr_assert(const_representable(ival("16777217"), REPR_FLOAT32, &r));
	assert_format(const_to_int(r), "16777216");
}

Test(repr, complex)
{
	ConstValue *c = binop(const_int64(1), TOK_ADD, lit(TOK_IMAG, "2i"));
	ConstValue *r = NULL;
	cr_assert(const_representable(c, REPR_COMPLEX64, &r));
	assert_format(r, "(1 + 2i)");
	cr_assert_not(repr(binop(fval("1e39"), TOK_ADD, lit(TOK_IMAG, "2i")), REPR_COMPLEX64));
	cr_assert(repr(binop(fval("1e39"), TOK_ADD, lit(TOK_IMAG, "2i")), REPR_COMPLEX128));
	cr_assert_not(repr(lit(TOK_IMAG, "1e400i"), REPR_COMPLEX128));
	cr_assert(repr(lit(TOK_IMAG, "1e-400i"), REPR_COMPLEX128));
	cr_assert(repr(const_int64(3), REPR_COMPLEX64));
	cr_assert(const_representable(lit(TOK_IMAG, "0.1i"), REPR_COMPLEX64, &r));
	cr_assert_eq(const_imag64(r), (double)0.1f);
}

/* ---- conversion to machine floats, bit for bit ----------------------------------------------------- */

static void check_against_strtod(const char *text)
{
	ConstValue *v = lit(TOK_FLOAT, text);
	cr_assert(v, "%s", text);
	double want = strtod(text, NULL);
	float want32 = strtof(text, NULL);
	cr_assert_eq(bits64(const_to_float64(v)), bits64(want), "float64(%s): got %a want %a", text,
		     const_to_float64(v), want);
	cr_assert_eq(bits32(const_to_float32(v)), bits32(want32), "float32(%s): got %a want %a", text,
		     (double)const_to_float32(v), (double)want32);
}

Test(ieee, edge_values)
{
	static const char *cases[] = {
		"9007199254740993.0", "9007199254740995.0", "4.9406564584124654e-324",
		"2.4703282292062327e-324", "2.4703282292062328e-324", "1.7976931348623157e308",
		"1.7976931348623158e308", "1.7976931348623159e308", "2.2250738585072011e-308",
		"2.2250738585072012e-308", "2.2250738585072014e-308", "3.4028234663852886e38",
		"3.4028235677973366e38", "1.401298464324817e-45", "7.006492321624085e-46",
		"7.006492321624086e-46", "1.1754942e-38", "1.17549435e-38", "0.1", "0.2", "0.3",
		"1e23", "8.98846567431158e307", "5e-324", "1e-400", "1e400", "123456789012345678901234567890.5",
		"0.000000000000000000000000000000000000000000000001", "2.5e-310", "1e-45", "1.4e-45",
		"3.4028235e38", "1e39", "1e-320", "4.4501477170144023e-308",
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		check_against_strtod(cases[i]);
}

/* Hex literals, against go1.19 (glibc's strtof rounds some hex subnormals wrongly). */
Test(ieee, hex_edge_values)
{
	static const struct { const char *text; uint64_t f64; uint32_t f32; } cases[] = {
		{"0x1p-1074", 0x0000000000000001, 0x00000000},
		{"0x1p-1075", 0x0000000000000000, 0x00000000},
		{"0x1.8p-1075", 0x0000000000000001, 0x00000000},
		{"0x1.0000000000001p-1075", 0x0000000000000001, 0x00000000},
		{"0x1p-150", 0x3690000000000000, 0x00000000},
		{"0x1.000001p-150", 0x3690000010000000, 0x00000001},
		{"0x1.fffffffffffff8p1023", 0x7ff0000000000000, 0x7f800000},
		{"0x1.fffffffffffff7ffp1023", 0x7fefffffffffffff, 0x7f800000},
		{"0x1.ffffffp127", 0x47effffff0000000, 0x7f800000},
		{"0x1.fffffefp127", 0x47efffffef000000, 0x7f7fffff},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		ConstValue *v = fval(cases[i].text);
		cr_assert_eq(bits64(const_to_float64(v)), cases[i].f64, "%s", cases[i].text);
		cr_assert_eq(bits32(const_to_float32(v)), cases[i].f32, "%s", cases[i].text);
	}
}

/* Deterministic pseudo-random decimal literals of many shapes, against glibc's correctly rounded
 * strtod/strtof: every digit count from 1 to 40, exponents around both ends of both formats. */
Test(ieee, random_decimals)
{
	uint64_t state = 0x9E3779B97F4A7C15ULL;
	char text[128];
	for (int n = 0; n < 20000; n++) {
		state ^= state << 13;
		state ^= state >> 7;
		state ^= state << 17;
		int ndigits = 1 + (int)(state % 40);
		static const int exp_ranges[][2] = {{-30, 30}, {-345, -290}, {280, 320}, {-60, -30}, {30, 45}};
		const int *range = exp_ranges[(state >> 8) % 5];
		int exp = range[0] + (int)((state >> 16) % (uint64_t)(range[1] - range[0] + 1));
		uint64_t s = state;
		int len = 0;
		for (int d = 0; d < ndigits; d++) {
			s = s * 6364136223846793005ULL + 1442695040888963407ULL;
			text[len++] = (char)('0' + (s >> 60) % 10);
			if (d == 0 && ndigits > 2 && (state & 1))
				text[len++] = '.';
		}
		snprintf(text + len, sizeof text - (size_t)len, "e%d", exp);
		check_against_strtod(text);
	}
}

Test(ieee, integers_round_to_nearest_even)
{
	cr_assert_eq(const_to_float64(ival("9007199254740993")), 9007199254740992.0);
	cr_assert_eq(const_to_float64(ival("9007199254740995")), 9007199254740996.0);
	cr_assert_eq(const_to_float32(ival("16777217")), 16777216.0f);
	cr_assert_eq(const_to_float32(ival("16777219")), 16777220.0f);
	cr_assert(isinf(const_to_float64(const_shift(TOK_SHL, const_int64(1), 1024))));
	cr_assert_eq(const_to_float64(const_int64(-3)), -3.0);
	cr_assert_eq(bits64(const_to_float64(const_unary(TOK_SUB, fval("1e-400"), 0))), bits64(-0.0));
	ConstValue *third = binop(const_int64(1), TOK_QUO, const_int64(3));
	cr_assert_eq(const_to_float64(third), 1.0 / 3.0);
	cr_assert_eq(const_to_float32(third), 1.0f / 3.0f);
	cr_assert_eq(const_to_float64(const_float64(0.1)), 0.1);
	cr_assert_eq(const_kind(const_float64(INFINITY)), CONST_UNKNOWN);
}

/* ---- printing ------------------------------------------------------------------------------------- */

Test(format, numbers)
{
	assert_format(const_int64(-42), "-42");
	assert_format(const_uint64(UINT64_MAX), "18446744073709551615");
	assert_format(binop(const_int64(1), TOK_QUO, const_int64(3)), "0.333333");
	assert_format(fval("1e-400"), "1e-400");
	assert_format(const_unary(TOK_SUB, fval("1e-400"), 0), "-1e-400");
	assert_format(fval("1e400"), "1e+400");
	assert_format(fval("0x1p-1075"), "2.47033e-324");
	assert_format(fval("99999950000"), "1e+11");
	assert_format(ival("99999950000"), "99999950000");
	assert_format(fval("999999.5"), "1e+06");
	assert_format(fval("123456"), "123456");
	assert_format(fval("1234567"), "1.23457e+06");
	assert_format(const_float64(0.1), "0.1");
	assert_format(const_to_float(const_shift(TOK_SHL, const_int64(1), 5000)), "1.41247e+1505");
	assert_format(binop(ival("249366622179068923624864"), TOK_ADD, lit(TOK_IMAG, "3.89e-20i")),
		      "(249366622179068923624864 + 3.89e-20i)");
	assert_format(const_bool(true), "true");
	assert_format(const_bool(false), "false");
}

Test(format, strings_quoted_like_strconv)
{
	assert_format(const_string("abc", 3), "\"abc\"");
	assert_format(const_string("a\"b\\c", 5), "\"a\\\"b\\\\c\"");
	assert_format(const_string("\a\b\f\n\r\t\v", 7), "\"\\a\\b\\f\\n\\r\\t\\v\"");
	assert_format(const_string("\0\x7f\x01", 3), "\"\\x00\\x7f\\x01\"");
	assert_format(const_string("h\xc3\xa9llo \xe4\xb8\x96", 10), "\"h\xc3\xa9llo \xe4\xb8\x96\"");
	assert_format(const_string("\xff\xc0\xaf", 3), "\"\\xff\\xc0\\xaf\"");
	assert_format(const_string("\xed\xa0\x80", 3), "\"\\xed\\xa0\\x80\""); /* a surrogate */
	assert_format(const_string("\xc2\xad", 2), "\"\\u00ad\"");               /* soft hyphen */
	assert_format(const_string("\xe2\x80\xa8", 3), "\"\\u2028\"");
	assert_format(const_string("\xef\xbb\xbf", 3), "\"\\ufeff\"");
	assert_format(const_string("\xf3\xa0\x80\x81", 4), "\"\\U000e0001\"");
	assert_format(const_string("\xf0\x9f\x98\x80", 4), "\"\xf0\x9f\x98\x80\"");
	assert_format(const_string("\xef\xbf\xbd", 3), "\"\xef\xbf\xbd\"");
}

Test(format, long_strings_are_shortened)
{
	char a[100];
	memset(a, 'a', sizeof a);
	/* 70 runes of content plus 2 quotes fit; 71 do not */
	char want[80] = "\"";
	memset(want + 1, 'a', 70);
	strcpy(want + 71, "\"");
	assert_format(const_string(a, 70), want);
	memset(want + 1, 'a', 68);
	strcpy(want + 69, "...");
	assert_format(const_string(a, 71), want);
	assert_format(const_string(a, 100), want);
	/* runes, not bytes, are counted; escapes count as their characters */
	StrBuf b = {0};
	for (int i = 0; i < 80; i++)
		sb_puts(&b, "\xc3\xa9");
	const char *got = const_format(const_string(b.data, b.len));
	cr_assert_eq(strlen(got), 1 + 68 * 2 + 3);
	const char *esc = const_format(const_string("\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n"
						    "\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n", 48));
	cr_assert_eq(strlen(esc), 72);
	cr_assert_str_eq(esc + 65, "\\n\\n...");
}
