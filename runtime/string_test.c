/*
 * string_test.c: string operations against go1.19's behaviour.
 *
 * The decoding expectations (rune sequence and byte offsets of `for i, r := range s`, the lengths of
 * []rune(s) and string([]rune(s))) and the encodings of string(rune) were printed by go1.19 for the
 * same inputs.
 */
#include <stdio.h>

#include "malloc.h"
#include "rt_test.h"

static GoString S(const char *s)
{
	return (GoString){(const uint8_t *)s, (intgo)strlen(s)};
}

static bool str_is(GoString s, const char *want, intgo n)
{
	return s.len == n && (n == 0 || memcmp(s.str, want, (size_t)n) == 0);
}

typedef struct RangeCase {
	const char *s;
	const char *want; /* "i:r " pairs as go1.19 printed them */
	intgo nrunes;
	intgo reencoded_len; /* len(string([]rune(s))) */
} RangeCase;

static const RangeCase range_cases[] = {
	{"", "", 0, 0},
	{"abc", "0:97 1:98 2:99 ", 3, 3},
	{"h\xc3\xa9llo, \xe4\xb8\x96\xe7\x95\x8c", "0:104 1:233 3:108 4:108 5:111 6:44 7:32 8:19990 11:30028 ", 9, 14},
	{"\xff", "0:65533 ", 1, 3},
	{"a\xc0\x80" "b", "0:97 1:65533 2:65533 3:98 ", 4, 8},
	{"\xed\xa0\x80", "0:65533 1:65533 2:65533 ", 3, 9},
	{"\xf4\x90\x80\x80", "0:65533 1:65533 2:65533 3:65533 ", 4, 12},
	{"\xf0\x9f\x98\x80x", "0:128512 4:120 ", 2, 5},
	{"\xe2\x82", "0:65533 1:65533 ", 2, 6},
	{"\xe2\x82\xac", "0:8364 ", 1, 3},
	{"\xc2", "0:65533 ", 1, 3},
	{"\xc2\xa9", "0:169 ", 1, 2},
	{"\xf8\x88\x80\x80\x80", "0:65533 1:65533 2:65533 3:65533 4:65533 ", 5, 15},
	{"\xef\xbf\xbd", "0:65533 ", 1, 3},
	{"\xf4\x8f\xbf\xbf", "0:1114111 ", 1, 4},
	{"\xe0\x9f\xbf", "0:65533 1:65533 2:65533 ", 3, 9},
};

/* Formats the `for range` walk the way the Go program printed it. */
static void range_walk(GoString s, char *out, size_t cap)
{
	size_t n = 0;
	for (intgo k = 0; k < s.len;) {
		GoRuneInt r = runtime_decoderune(s, k);
		n += (size_t)snprintf(out + n, cap - n, "%ld:%d ", (long)k, r.rune);
		k = r.next;
	}
	out[n] = '\0';
}

Test(string, range_decoding_matches_go119)
{
	for (size_t i = 0; i < sizeof range_cases / sizeof range_cases[0]; i++) {
		const RangeCase *c = &range_cases[i];
		GoString s = S(c->s);
		char walk[256];
		range_walk(s, walk, sizeof walk);
		cr_expect_str_eq(walk, c->want, "case %zu", i);
		intgo n = runtime_countrunes(s);
		cr_expect_eq(n, c->nrunes, "case %zu", i);
		GoSlice runes;
		runtime_stringtoslicerune(&runes, NULL, s);
		cr_expect_eq(runes.len, n, "case %zu", i);
		GoString back = runtime_slicerunetostring(runes.array, n);
		cr_expect_eq(back.len, c->reencoded_len, "case %zu", i);
	}
}

typedef struct IntCase {
	intgo v;
	const char *want;
	intgo len;
} IntCase;

static const IntCase int_cases[] = {
	{-1, "\xef\xbf\xbd", 3},
	{0, "\0", 1},
	{65, "A", 1},
	{0x7f, "\x7f", 1},
	{0x80, "\xc2\x80", 2},
	{0x7ff, "\xdf\xbf", 2},
	{0x800, "\xe0\xa0\x80", 3},
	{0xd7ff, "\xed\x9f\xbf", 3},
	{0xd800, "\xef\xbf\xbd", 3},
	{0xdfff, "\xef\xbf\xbd", 3},
	{0xe000, "\xee\x80\x80", 3},
	{0xffff, "\xef\xbf\xbf", 3},
	{0x10000, "\xf0\x90\x80\x80", 4},
	{0x10ffff, "\xf4\x8f\xbf\xbf", 4},
	{0x110000, "\xef\xbf\xbd", 3},
	{(intgo)1 << 32, "\xef\xbf\xbd", 3},
	{-((intgo)1 << 31), "\xef\xbf\xbd", 3},
	{0x10000000041, "\xef\xbf\xbd", 3}, /* string(v) for an int64 v: not a rune, so RuneError */
};

Test(string, intstring_matches_go119)
{
	for (size_t i = 0; i < sizeof int_cases / sizeof int_cases[0]; i++) {
		GoString s = runtime_intstring(int_cases[i].v);
		cr_expect(str_is(s, int_cases[i].want, int_cases[i].len), "case %zu (%ld)", i,
			  (long)int_cases[i].v);
	}
}

Test(string, slicerunetostring_replaces_invalid_runes)
{
	int32_t rs[] = {65, -1, 0xd800, 0x110000, 0x1f600, 0x7ff};
	GoString s = runtime_slicerunetostring(rs, 6);
	const char want[] = "A\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xf0\x9f\x98\x80\xdf\xbf";
	cr_assert(str_is(s, want, 16));
	cr_assert_eq(runtime_slicerunetostring(rs, 0).len, 0);
}

Test(string, concat)
{
	GoString a = S("foo"), b = S("bar"), e = S("");
	cr_assert(str_is(runtime_concatstring2(a, b), "foobar", 6));
	GoString r = runtime_concatstring2(a, e);
	cr_assert_eq(r.str, a.str, "concatenating with \"\" returns the other operand itself");
	cr_assert_eq(runtime_concatstring2(e, e).len, 0);
	GoString parts[5] = {a, e, b, S("-"), a};
	cr_assert(str_is(runtime_concatstrings(parts, 5), "foobar-foo", 10));
	cr_assert_eq(runtime_concatstrings(parts, 0).len, 0);
	GoString one[3] = {e, b, e};
	cr_assert_eq(runtime_concatstrings(one, 3).str, b.str);
}

Test(string, compare)
{
	cr_assert_eq(runtime_cmpstring(S("a"), S("b")), -1);
	cr_assert_eq(runtime_cmpstring(S("b"), S("a")), 1);
	cr_assert_eq(runtime_cmpstring(S("ab"), S("ab")), 0);
	cr_assert_eq(runtime_cmpstring(S("ab"), S("abc")), -1);
	cr_assert_eq(runtime_cmpstring(S("abc"), S("ab")), 1);
	cr_assert_eq(runtime_cmpstring(S(""), S("")), 0);
	cr_assert_eq(runtime_cmpstring(S("\xff"), S("a")), 1, "bytes compare unsigned");
	cr_assert(runtime_eqstring(S("abc"), S("abc")));
	cr_assert(!runtime_eqstring(S("abc"), S("abd")));
	cr_assert(!runtime_eqstring(S("abc"), S("ab")));
	cr_assert(runtime_eqstring((GoString){NULL, 0}, S("")));
}

Test(string, bytes_conversions)
{
	GoString s = S("hello");
	GoSlice sl;
	runtime_stringtoslicebyte(&sl, NULL, s);
	uint8_t *b = sl.array;
	cr_assert_eq(sl.len, 5);
	cr_assert_eq(sl.cap, 8); /* roundupsize, as gc's rawbyteslice */
	cr_assert(memcmp(b, "hello", 5) == 0);
	cr_assert_neq((const void *)b, (const void *)s.str);
	b[0] = 'j'; /* the copy is independent */
	cr_assert(str_is(runtime_slicebytetostring(b, 5), "jello", 5));
	cr_assert_eq(runtime_slicebytetostring(b, 0).len, 0);
	GoString one = runtime_slicebytetostring(b + 1, 1);
	cr_assert(str_is(one, "e", 1));
	runtime_stringtoslicebyte(&sl, NULL, S(""));
	cr_assert_eq(sl.array, (void *)&malloc_zerobase);
	uint8_t buf[32];
	runtime_stringtoslicebyte(&sl, buf, s); /* a non-escaping result uses the caller's buffer */
	cr_assert(sl.array == buf && sl.len == 5 && sl.cap == 32);
}
