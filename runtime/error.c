/*
 * error.c: the text of runtime errors (Go's runtime/error.go: errorString, plainError, boundsError).
 *
 * A runtime error is kept as a small RuntimeError record (panic.h) and turned into text only when it
 * is printed: error_format writes Error()'s result into a caller's fixed buffer. Go formats bounds
 * errors the same way, from a code and two integers, with printf-like templates where %x is the
 * offending index and %y the bound; when a signed index is negative a shorter template that omits
 * the bound is used. The templates below are go1.19's, verbatim.
 *
 * Invariant: no allocation and no stdio (this runs on fatal paths and in signal handlers); output
 * is truncated, never overflowed, if the caller's buffer is short.
 *
 * Later (recover): RuntimeError becomes the payload of real runtime.Error interface values whose
 * Error method calls error_format into a Go string.
 */
#include "panic.h"

static const char *const bounds_fmts[] = {
	[BOUNDS_INDEX] = "index out of range [%x] with length %y",
	[BOUNDS_SLICE_ALEN] = "slice bounds out of range [:%x] with length %y",
	[BOUNDS_SLICE_ACAP] = "slice bounds out of range [:%x] with capacity %y",
	[BOUNDS_SLICE_B] = "slice bounds out of range [%x:%y]",
	[BOUNDS_SLICE3_ALEN] = "slice bounds out of range [::%x] with length %y",
	[BOUNDS_SLICE3_ACAP] = "slice bounds out of range [::%x] with capacity %y",
	[BOUNDS_SLICE3_B] = "slice bounds out of range [:%x:%y]",
	[BOUNDS_SLICE3_C] = "slice bounds out of range [%x:%y:]",
	[BOUNDS_CONVERT] = "cannot convert slice with length %y to pointer to array with length %x",
};

/* Overriding templates for a negative signed x: there is no need to report y. */
static const char *const bounds_neg_fmts[] = {
	[BOUNDS_INDEX] = "index out of range [%x]",
	[BOUNDS_SLICE_ALEN] = "slice bounds out of range [:%x]",
	[BOUNDS_SLICE_ACAP] = "slice bounds out of range [:%x]",
	[BOUNDS_SLICE_B] = "slice bounds out of range [%x:]",
	[BOUNDS_SLICE3_ALEN] = "slice bounds out of range [::%x]",
	[BOUNDS_SLICE3_ACAP] = "slice bounds out of range [::%x]",
	[BOUNDS_SLICE3_B] = "slice bounds out of range [:%x:]",
	[BOUNDS_SLICE3_C] = "slice bounds out of range [%x::]",
};

/* A bounded append cursor over the caller's buffer. */
typedef struct Out {
	char *buf;
	size_t len, cap;
} Out;

static void put(Out *o, const char *s, size_t n)
{
	for (size_t i = 0; i < n && o->len < o->cap; i++)
		o->buf[o->len++] = s[i];
}

static void put_str(Out *o, const char *s)
{
	put(o, s, __builtin_strlen(s));
}

/* Go's appendIntStr. */
static void put_int(Out *o, int64_t v, bool is_signed)
{
	uint64_t u = (uint64_t)v;
	if (is_signed && v < 0) {
		put(o, "-", 1);
		u = -u;
	}
	char digits[20];
	size_t i = sizeof digits;
	do {
		digits[--i] = (char)('0' + u % 10);
		u /= 10;
	} while (u != 0);
	put(o, digits + i, sizeof digits - i);
}

static void format_bounds(Out *o, const RuntimeError *e)
{
	const char *fmt = bounds_fmts[e->code];
	if (e->is_signed && e->x < 0 && e->code != BOUNDS_CONVERT)
		fmt = bounds_neg_fmts[e->code];
	put_str(o, "runtime error: ");
	for (const char *c = fmt; *c; c++) {
		if (*c != '%') {
			put(o, c, 1);
			continue;
		}
		c++;
		if (*c == 'x')
			put_int(o, e->x, e->is_signed);
		else
			put_int(o, e->y, true);
	}
}

size_t error_format(const RuntimeError *e, char *buf, size_t cap)
{
	Out o = {buf, 0, cap};
	switch ((ErrorKind)e->kind) {
	case ERR_STRING:
		put_str(&o, "runtime error: ");
		put_str(&o, e->msg);
		break;
	case ERR_PLAIN:
		put_str(&o, e->msg);
		break;
	case ERR_BOUNDS:
		format_bounds(&o, e);
		break;
	}
	return o.len;
}
