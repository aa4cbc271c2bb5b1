/*
 * string.c: string operations the compiler calls (Go's string.go and utf8.go).
 *
 * Strings are immutable (ptr, len) pairs; every operation that builds one allocates exactly the
 * bytes it needs through runtime_mallocgc with a NULL type (string bytes hold no pointers) and never
 * writes to the bytes afterwards, so strings can share storage freely: concatenating with "" returns
 * the other operand itself, substrings are views.
 *
 * UTF-8 follows Go's rules exactly, because `for range`, []rune(s) and string(r) are observable:
 *  - decoding (decoderune) accepts only shortest-form encodings of valid code points: 2-byte leads
 *    C2..DF, 3-byte E0..EF excluding overlongs and surrogates D800..DFFF, 4-byte F0..F4 up to
 *    U+10FFFF; anything else decodes as RuneError U+FFFD with width 1;
 *  - encoding (encoderune) writes RuneError for negative values, surrogates and values > U+10FFFF.
 *
 * Differences from go1.19 that the contract (runtime.def) chose: []byte(s) and []rune(s) have
 * cap == len (gc rounds cap up to a size class, or uses a 32-byte stack buffer when the slice does
 * not escape, so its cap is not portable anyway); there are no stack-buffer (tmpBuf) variants.
 *
 * Rejected: tmpBuf variants now (the compiler would pass a frame buffer for non-escaping results, as
 * gc does): they pay off only once allocation has a real cost to avoid, that is with the collector;
 * escape analysis (middle/escape.c) already keeps []byte(s)/[]rune(s) buffers of constant-size
 * literals in the frame. Rejected: ropes or lazy concatenation (s += t in a loop stays quadratic in
 * go1.19 too, and programs measure that).
 */
#include <string.h>

#include "iface.h"
#include "malloc.h"
#include "panic.h"

#define RUNE_ERROR 0xFFFD
#define RUNE_SELF 0x80
#define MAX_RUNE 0x10FFFF
#define SURROGATE_MIN 0xD800
#define SURROGATE_MAX 0xDFFF

/* One-byte strings made at run time point into Go's staticuint64s (iface.c): on a little-endian
 * machine the word for b starts with the byte b. No allocation. */
#define single_byte(b) ((const uint8_t *)&iface_staticuint64s[(b)])

static uint8_t *rawstring(intgo n)
{
	return malloc_noscan((uintptr_t)n, false);
}

/* Go's encoderune: writes r as UTF-8 into p (room for 4 bytes), returns the byte count. */
static int encoderune(uint8_t *p, int32_t r)
{
	uint32_t i = (uint32_t)r;
	if (i < RUNE_SELF) {
		p[0] = (uint8_t)i;
		return 1;
	}
	if (i < 0x800) {
		p[0] = (uint8_t)(0xC0 | i >> 6);
		p[1] = (uint8_t)(0x80 | (i & 0x3F));
		return 2;
	}
	if (i > MAX_RUNE || (i >= SURROGATE_MIN && i <= SURROGATE_MAX))
		i = RUNE_ERROR;
	if (i <= 0xFFFF) {
		p[0] = (uint8_t)(0xE0 | i >> 12);
		p[1] = (uint8_t)(0x80 | (i >> 6 & 0x3F));
		p[2] = (uint8_t)(0x80 | (i & 0x3F));
		return 3;
	}
	p[0] = (uint8_t)(0xF0 | i >> 18);
	p[1] = (uint8_t)(0x80 | (i >> 12 & 0x3F));
	p[2] = (uint8_t)(0x80 | (i >> 6 & 0x3F));
	p[3] = (uint8_t)(0x80 | (i & 0x3F));
	return 4;
}

static int runelen(int32_t r)
{
	uint8_t dummy[4];
	return encoderune(dummy, r);
}

static bool is_cont(uint8_t b)
{
	return b >= 0x80 && b <= 0xBF;
}

/* Go's decoderune, extended to ASCII: the rune at byte k of s and the index after it. */
static int32_t decode(GoString s, intgo k, intgo *next)
{
	const uint8_t *p = s.str + k;
	intgo n = s.len - k;
	*next = k + 1;
	if (k < 0 || n <= 0)
		return RUNE_ERROR;
	if (p[0] < RUNE_SELF)
		return p[0];
	if (p[0] >= 0xC0 && p[0] < 0xE0 && n > 1 && is_cont(p[1])) {
		int32_t r = (int32_t)(p[0] & 0x1F) << 6 | (p[1] & 0x3F);
		if (r >= RUNE_SELF) {
			*next = k + 2;
			return r;
		}
	} else if (p[0] >= 0xE0 && p[0] < 0xF0 && n > 2 && is_cont(p[1]) && is_cont(p[2])) {
		int32_t r = (int32_t)(p[0] & 0x0F) << 12 | (int32_t)(p[1] & 0x3F) << 6 | (p[2] & 0x3F);
		if (r >= 0x800 && !(r >= SURROGATE_MIN && r <= SURROGATE_MAX)) {
			*next = k + 3;
			return r;
		}
	} else if (p[0] >= 0xF0 && p[0] < 0xF8 && n > 3 && is_cont(p[1]) && is_cont(p[2]) &&
		   is_cont(p[3])) {
		int32_t r = (int32_t)(p[0] & 0x07) << 18 | (int32_t)(p[1] & 0x3F) << 12 |
			    (int32_t)(p[2] & 0x3F) << 6 | (p[3] & 0x3F);
		if (r > 0xFFFF && r <= MAX_RUNE) {
			*next = k + 4;
			return r;
		}
	}
	*next = k + 1;
	return RUNE_ERROR;
}

GoRuneInt runtime_decoderune(GoString s, intgo k)
{
	GoRuneInt r;
	r.rune = decode(s, k, &r.next);
	return r;
}

intgo runtime_countrunes(GoString s)
{
	intgo n = 0;
	for (intgo k = 0; k < s.len; n++) {
		if (s.str[k] < RUNE_SELF)
			k++;
		else
			decode(s, k, &k);
	}
	return n;
}

/* Go's concatstrings: one non-empty operand is returned as is; the total length must not overflow. */
GoString runtime_concatstrings(void *array, intgo count)
{
	const GoString *a = array;
	intgo total = 0, nonempty = 0, last = 0;
	for (intgo i = 0; i < count; i++) {
		if (a[i].len == 0)
			continue;
		if (__builtin_add_overflow(total, a[i].len, &total))
			panic_throw("string concatenation too long");
		nonempty++;
		last = i;
	}
	if (nonempty == 0)
		return (GoString){NULL, 0};
	if (nonempty == 1)
		return a[last];
	uint8_t *p = rawstring(total), *q = p;
	for (intgo i = 0; i < count; i++) {
		memcpy(q, a[i].str, (size_t)a[i].len);
		q += a[i].len;
	}
	return (GoString){p, total};
}

GoString runtime_concatstring2(GoString a, GoString b)
{
	GoString both[2] = {a, b};
	return runtime_concatstrings(both, 2);
}

/* Byte-wise comparison, then length: -1, 0 or +1 (Go's cmpstring). */
intgo runtime_cmpstring(GoString a, GoString b)
{
	intgo n = a.len < b.len ? a.len : b.len;
	int c = n > 0 ? memcmp(a.str, b.str, (size_t)n) : 0;
	if (c != 0)
		return c < 0 ? -1 : 1;
	return a.len < b.len ? -1 : a.len > b.len ? 1 : 0;
}

_Bool runtime_eqstring(GoString a, GoString b)
{
	return a.len == b.len && (a.str == b.str || a.len == 0 || memcmp(a.str, b.str, (size_t)a.len) == 0);
}

/* string(rune(v)) for an integer v of any size: values that are not an int32 become RuneError. */
GoString runtime_intstring(intgo v)
{
	if ((int64_t)(int32_t)v != v)
		v = RUNE_ERROR;
	if (v >= 0 && v < RUNE_SELF)
		return (GoString){single_byte(v), 1};
	uint8_t buf[4];
	int n = encoderune(buf, (int32_t)v);
	uint8_t *p = rawstring(n);
	memcpy(p, buf, (size_t)n);
	return (GoString){p, n};
}

GoString runtime_slicebytetostring(void *ptr, intgo n)
{
	if (n == 0)
		return (GoString){NULL, 0};
	if (n == 1)
		return (GoString){single_byte(*(const uint8_t *)ptr), 1};
	uint8_t *p = rawstring(n);
	memcpy(p, ptr, (size_t)n);
	return (GoString){p, n};
}

GoString runtime_slicerunetostring(void *ptr, intgo n)
{
	const int32_t *runes = ptr;
	intgo size = 0;
	for (intgo i = 0; i < n; i++)
		size += runelen(runes[i]);
	if (size == 0)
		return (GoString){NULL, 0};
	uint8_t *p = rawstring(size);
	intgo k = 0;
	for (intgo i = 0; i < n; i++)
		k += encoderune(p + k, runes[i]);
	return (GoString){p, size};
}

/* Go's tmpStringBufSize: the elements of a stack buffer for a non-escaping conversion result. */
enum { TMP_STRING_BUF = 32 };

/* Go's rawbyteslice / rawruneslice: n elements of size `elem`, capacity rounded up to the size
 * class, the tail beyond n zeroed. */
static void *raw_slice(intgo n, uintptr_t elem, intgo *cap)
{
	uintptr_t mem = malloc_roundupsize((uintptr_t)n * elem);
	uint8_t *p = malloc_noscan(mem, false);
	if (mem > (uintptr_t)n * elem)
		memset(p + (uintptr_t)n * elem, 0, mem - (uintptr_t)n * elem);
	*cap = (intgo)(mem / elem);
	return p;
}

void runtime_stringtoslicebyte(void *out, void *buf, GoString s)
{
	GoSlice *r = out;
	if (buf && s.len <= TMP_STRING_BUF) {
		memset(buf, 0, TMP_STRING_BUF);
		*r = (GoSlice){buf, s.len, TMP_STRING_BUF};
	} else {
		r->array = raw_slice(s.len, 1, &r->cap);
		r->len = s.len;
	}
	if (s.len > 0)
		memcpy(r->array, s.str, (size_t)s.len);
}

void runtime_stringtoslicerune(void *out, void *buf, GoString s)
{
	GoSlice *r = out;
	intgo n = runtime_countrunes(s);
	if (buf && n <= TMP_STRING_BUF) {
		memset(buf, 0, TMP_STRING_BUF * sizeof(int32_t));
		*r = (GoSlice){buf, n, TMP_STRING_BUF};
	} else {
		r->array = raw_slice(n, sizeof(int32_t), &r->cap);
		r->len = n;
	}
	int32_t *p = r->array;
	intgo i = 0;
	for (intgo k = 0; k < s.len && i < n; i++)
		p[i] = decode(s, k, &k);
}
