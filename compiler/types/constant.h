/*
 * constant.h: exact values of Go constants (the spec's "untyped constants" arithmetic).
 *
 * The spec demands integer constants of at least 256 bits and float constants with a 256-bit
 * mantissa, exact where possible. gocc uses GMP: integers are mpz_t; floats are exact rationals
 * (mpq_t) while numerator and denominator stay below 4096 bits and become 512-bit binary floats
 * beyond (an mpz_t mantissa and a binary exponent, rounded to nearest-even after every operation),
 * as go/constant does with big.Rat and big.Float. Complex constants are a pair of int or float
 * values.
 * Why GMP and not hand-written bignums: see docs/dependencies.md.
 *
 * ConstValue is immutable once made; operations return new values allocated in the compiler arena.
 * Callers outside constant.c use only the functions below, never GMP directly.
 */
#ifndef GOCC_CONSTANT_H
#define GOCC_CONSTANT_H

#include "common.h"
#include "token.h"

typedef enum ConstKind {
	CONST_UNKNOWN, /* result of an invalid operation; errors already reported */
	CONST_BOOL,
	CONST_STRING,
	CONST_INT,
	CONST_FLOAT,
	CONST_COMPLEX,
} ConstKind;

typedef struct ConstValue ConstValue; /* opaque */

ConstKind const_kind(const ConstValue *v);

/* ---- making values --------------------------------------------------------------------------- */

ConstValue *const_unknown(void);
ConstValue *const_bool(bool b);
ConstValue *const_string(const char *s, size_t len);
ConstValue *const_int64(int64_t x);
ConstValue *const_uint64(uint64_t x);
ConstValue *const_float64(double x);
/* From a literal token's raw text (TOK_INT, TOK_FLOAT, TOK_IMAG; TOK_CHAR uses const_int64 of the
 * decoded rune, TOK_STRING const_string). Returns NULL if the text is malformed (the lexer has
 * already diagnosed it). */
ConstValue *const_from_literal(TokenKind kind, const char *text, int len);

/* ---- reading values -------------------------------------------------------------------------- */

bool const_bool_val(const ConstValue *v);
const char *const_string_val(const ConstValue *v, size_t *len);
bool const_to_int64(const ConstValue *v, int64_t *out);   /* false unless an int fitting int64 */
bool const_to_uint64(const ConstValue *v, uint64_t *out); /* false unless an int fitting uint64 */
double const_to_float64(const ConstValue *v);             /* nearest double (int, float) */
float const_to_float32(const ConstValue *v);              /* nearest float */
double const_real64(const ConstValue *v);                 /* complex parts as float64 */
double const_imag64(const ConstValue *v);
int const_sign(const ConstValue *v);                      /* -1, 0, 1 for int/float */
/* Bit length of |v| for ints (for "overflows" checks), 0 for 0. */
int const_bitlen(const ConstValue *v);

/* ---- conversions between kinds --------------------------------------------------------------- */

/* Exact conversions; return NULL when not exactly possible (e.g. 1.5 to int). */
ConstValue *const_to_int(const ConstValue *v);      /* float/complex with integral value -> int */
ConstValue *const_to_float(const ConstValue *v);    /* int -> float; complex with imag 0 -> float */
ConstValue *const_to_complex(const ConstValue *v);  /* int/float -> complex */
ConstValue *const_make_complex(const ConstValue *re, const ConstValue *im);
ConstValue *const_real(const ConstValue *v);
ConstValue *const_imag(const ConstValue *v);

/* Representability in a sized basic type (spec "Representability"). For floats/complex, the value
 * is rounded to the target precision; *rounded receives the rounded value (may be NULL).
 * Returns false on overflow (and for ints, when not an exact integer). */
typedef enum ConstRepr {
	REPR_INT8, REPR_INT16, REPR_INT32, REPR_INT64,
	REPR_UINT8, REPR_UINT16, REPR_UINT32, REPR_UINT64,
	REPR_FLOAT32, REPR_FLOAT64, REPR_COMPLEX64, REPR_COMPLEX128,
} ConstRepr;
bool const_representable(const ConstValue *v, ConstRepr target, ConstValue **rounded);

/* ---- operations ------------------------------------------------------------------------------ */

/* op is a TokenKind: TOK_ADD TOK_SUB TOK_MUL TOK_QUO TOK_REM TOK_AND TOK_OR TOK_XOR TOK_AND_NOT.
 * `integer_division` selects truncated integer division for TOK_QUO on two ints (typed or untyped
 * integer operands); otherwise / on ints produces an exact float (untyped float context).
 * Division by zero must be diagnosed by the caller before calling (const_sign). */
ConstValue *const_binary(TokenKind op, const ConstValue *x, const ConstValue *y, bool integer_division);
/* op: TOK_ADD TOK_SUB TOK_XOR TOK_NOT. For ^ on unsigned typed values pass the size in bits
 * (`unsigned_bits` > 0) so ^x is computed within that width; 0 means signed/untyped (^x = -x-1). */
ConstValue *const_unary(TokenKind op, const ConstValue *x, int unsigned_bits);
/* op: TOK_SHL or TOK_SHR; x must be an int, s a non-negative shift count. */
ConstValue *const_shift(TokenKind op, const ConstValue *x, unsigned long s);
/* op: TOK_EQL TOK_NEQ TOK_LSS TOK_LEQ TOK_GTR TOK_GEQ */
bool const_compare(TokenKind op, const ConstValue *x, const ConstValue *y);
/* Brings two numeric values to the same kind (int < float < complex). */
void const_match(ConstValue **x, ConstValue **y);

/* ---- printing -------------------------------------------------------------------------------- */

/* As gc prints constants in diagnostics: 1, 1.5, 1e+100, (1 + 2i), "abc", true. */
const char *const_format(const ConstValue *v);

#endif
