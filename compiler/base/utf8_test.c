/*
 * utf8_test.c: unit tests for utf8.c against Go's unicode/utf8.
 *
 * The tables were printed by go1.19 (utf8.DecodeRuneInString and utf8.EncodeRune over the listed
 * inputs): every kind of malformed input (stray continuation bytes, overlong forms, surrogates,
 * values above U+10FFFF, truncated sequences, F5..FF leads) next to the boundary values that are
 * valid. A round trip over every valid rune checks that encoding and decoding are inverses.
 */
#include "utf8.h"

#include <criterion/criterion.h>
#include <string.h>

/* printed by go1.19: utf8.DecodeRuneInString(s) */
static const struct {
	const char *s;
	size_t n;
	int32_t rune;
	int width;
} decode_cases[] = {
	{"", 0, 0xFFFD, 0},
	{"a", 1, 0x61, 1},
	{"\x7f", 1, 0x7F, 1},
	{"\x80", 1, 0xFFFD, 1},
	{"\xbf", 1, 0xFFFD, 1},
	{"\xc0\x80", 2, 0xFFFD, 1},
	{"\xc1\xbf", 2, 0xFFFD, 1},
	{"\xc2\x80", 2, 0x80, 2},
	{"\xc2", 1, 0xFFFD, 1},
	{"\xc2\x7f", 2, 0xFFFD, 1},
	{"\xdf\xbf", 2, 0x7FF, 2},
	{"\xe0\x80\x80", 3, 0xFFFD, 1},
	{"\xe0\x9f\xbf", 3, 0xFFFD, 1},
	{"\xe0\xa0\x80", 3, 0x800, 3},
	{"\xe0\xa0", 2, 0xFFFD, 1},
	{"\xed\x9f\xbf", 3, 0xD7FF, 3},
	{"\xed\xa0\x80", 3, 0xFFFD, 1},
	{"\xed\xbf\xbf", 3, 0xFFFD, 1},
	{"\xee\x80\x80", 3, 0xE000, 3},
	{"\xef\xbf\xbd", 3, 0xFFFD, 3},
	{"\xef\xbf\xbf", 3, 0xFFFF, 3},
	{"\xef\xbf", 2, 0xFFFD, 1},
	{"\xf0\x80\x80\x80", 4, 0xFFFD, 1},
	{"\xf0\x8f\xbf\xbf", 4, 0xFFFD, 1},
	{"\xf0\x90\x80\x80", 4, 0x10000, 4},
	{"\xf0\x90\x80", 3, 0xFFFD, 1},
	{"\xf0\x90\x80\x7f", 4, 0xFFFD, 1},
	{"\xf4\x8f\xbf\xbf", 4, 0x10FFFF, 4},
	{"\xf4\x90\x80\x80", 4, 0xFFFD, 1},
	{"\xf5\x80\x80\x80", 4, 0xFFFD, 1},
	{"\xf8\x88\x80\x80\x80", 5, 0xFFFD, 1},
	{"\xff", 1, 0xFFFD, 1},
	{"\xfe", 1, 0xFFFD, 1},
	{"\xe6\x97\xa5\xe6\x9c\xac", 6, 0x65E5, 3},
	{"\xe6\x97", 2, 0xFFFD, 1},
	{"\xe6\x97\xa5""x", 4, 0x65E5, 3},
};

/* printed by go1.19: utf8.EncodeRune(buf, r) */
static const struct {
	int64_t rune;
	const char *bytes;
} encode_cases[] = {
	{-1, "\xef\xbf\xbd"},
	{0, "\x00"},
	{127, "\x7f"},
	{128, "\xc2\x80"},
	{2047, "\xdf\xbf"},
	{2048, "\xe0\xa0\x80"},
	{55295, "\xed\x9f\xbf"},
	{55296, "\xef\xbf\xbd"},
	{57343, "\xef\xbf\xbd"},
	{57344, "\xee\x80\x80"},
	{65533, "\xef\xbf\xbd"},
	{65535, "\xef\xbf\xbf"},
	{65536, "\xf0\x90\x80\x80"},
	{1114111, "\xf4\x8f\xbf\xbf"},
	{1114112, "\xef\xbf\xbd"},
	{2147483647, "\xef\xbf\xbd"},
};

Test(utf8, decode_matches_go119)
{
	for (size_t i = 0; i < sizeof decode_cases / sizeof decode_cases[0]; i++) {
		int width;
		int32_t r = utf8_decode(decode_cases[i].s, decode_cases[i].n, &width);
		cr_expect_eq(r, decode_cases[i].rune, "case %zu: rune %#x", i, (unsigned)r);
		cr_expect_eq(width, decode_cases[i].width, "case %zu: width %d", i, width);
	}
}

Test(utf8, encode_matches_go119)
{
	for (size_t i = 0; i < sizeof encode_cases / sizeof encode_cases[0]; i++) {
		char buf[UTF8_MAX_LEN];
		int n = utf8_encode(buf, encode_cases[i].rune);
		cr_expect_eq((size_t)n, strlen(encode_cases[i].bytes) + (encode_cases[i].rune == 0));
		cr_expect(memcmp(buf, encode_cases[i].bytes, (size_t)n) == 0, "case %zu", i);
	}
}

Test(utf8, every_valid_rune_round_trips)
{
	for (int64_t r = 0; r <= UTF8_MAX_RUNE; r++) {
		if (!utf8_valid_rune(r))
			continue;
		char buf[UTF8_MAX_LEN];
		int n = utf8_encode(buf, r), width;
		int32_t back = utf8_decode(buf, (size_t)n, &width);
		if (back != r || width != n)
			cr_assert_fail("rune %#llx: decoded %#x width %d", (long long)r, (unsigned)back, width);
	}
}

Test(utf8, rune_count_counts_bad_bytes_once)
{
	cr_expect_eq(utf8_rune_count("", 0), 0);
	cr_expect_eq(utf8_rune_count("a\xe6\x97\xa5" "b", 5), 3);
	cr_expect_eq(utf8_rune_count("\xed\xa0\x80", 3), 3); /* a surrogate: three bad bytes */
	cr_expect_eq(utf8_rune_count("\xe6\x97", 2), 2);
}

/* Answers of go1.19's unicode.IsGraphic(r) && !unicode.IsSpace(r) minus go/types' illegal set. */
Test(utf8, import_path_rune_agrees_with_go119)
{
	static const struct { int64_t rune; bool ok; } cases[] = {
		{'a', true}, {'/', true}, {'.', true}, {'~', true}, {' ', false}, {'\\', false}, {'"', false},
		{0, false}, {0x7f, false}, {0x85, false}, {0xa0, false}, {0xa1, true}, {0xad, false},
		{0xe9, true}, {0x1680, false}, {0x2003, false}, {0x200b, false}, {0x2028, false},
		{0x3000, false}, {0x65e5, true}, {0xfeff, false}, {0xe000, false}, {0xfffd, false},
		{0xd800, false}, {0x1f600, true}, {0x110000, false}, {-1, false},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		cr_expect_eq(utf8_import_path_rune(cases[i].rune), cases[i].ok, "rune %#llx",
			     (long long)cases[i].rune);
}
