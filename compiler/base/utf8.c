/*
 * utf8.c: Go's unicode/utf8 decoding and encoding (design in utf8.h).
 *
 * Invariant: utf8_decode reads at most min(n, 4) bytes and returns a width in [0, 4], 0 only for
 * n == 0, so a caller that advances by the width always makes progress on non-empty input.
 */
#include "utf8.h"

#include <string.h>

enum { SURROGATE_MIN = 0xD800, SURROGATE_MAX = 0xDFFF };

/* What a lead byte promises: the sequence length (0: not a lead byte) and the allowed range of the
 * second byte (Go's acceptRanges). */
typedef struct Utf8Lead {
	int len;
	unsigned char lo, hi;
} Utf8Lead;

static Utf8Lead lead(unsigned char b)
{
	if (b >= 0xC2 && b <= 0xDF)
		return (Utf8Lead){2, 0x80, 0xBF};
	if (b >= 0xE0 && b <= 0xEF)
		return (Utf8Lead){3, b == 0xE0 ? 0xA0 : 0x80, b == 0xED ? 0x9F : 0xBF};
	if (b >= 0xF0 && b <= 0xF4)
		return (Utf8Lead){4, b == 0xF0 ? 0x90 : 0x80, b == 0xF4 ? 0x8F : 0xBF};
	return (Utf8Lead){0, 0, 0};
}

static bool is_continuation(unsigned char b)
{
	return b >= 0x80 && b <= 0xBF;
}

int32_t utf8_decode(const void *data, size_t n, int *width)
{
	const unsigned char *s = data;
	*width = n > 0;
	if (n == 0)
		return UTF8_RUNE_ERROR;
	if (s[0] < UTF8_RUNE_SELF)
		return s[0];
	Utf8Lead l = lead(s[0]);
	if (l.len == 0 || n < (size_t)l.len || s[1] < l.lo || s[1] > l.hi)
		return UTF8_RUNE_ERROR;
	int32_t r = s[0] & (0x7F >> l.len);
	for (int i = 1; i < l.len; i++) {
		if (!is_continuation(s[i]))
			return UTF8_RUNE_ERROR;
		r = r << 6 | (s[i] & 0x3F);
	}
	*width = l.len;
	return r;
}

bool utf8_valid_rune(int64_t r)
{
	return r >= 0 && r <= UTF8_MAX_RUNE && !(r >= SURROGATE_MIN && r <= SURROGATE_MAX);
}

int utf8_encode(char *buf, int64_t r)
{
	if (!utf8_valid_rune(r))
		r = UTF8_RUNE_ERROR;
	uint32_t u = (uint32_t)r;
	if (u < UTF8_RUNE_SELF) {
		buf[0] = (char)u;
		return 1;
	}
	int len = u < 0x800 ? 2 : u < 0x10000 ? 3 : 4;
	static const unsigned char lead_bits[] = {0, 0, 0xC0, 0xE0, 0xF0};
	for (int i = len - 1; i > 0; i--, u >>= 6)
		buf[i] = (char)(0x80 | (u & 0x3F));
	buf[0] = (char)(lead_bits[len] | u);
	return len;
}

size_t utf8_rune_count(const void *data, size_t n)
{
	const unsigned char *s = data;
	size_t count = 0;
	for (size_t i = 0; i < n; count++) {
		int width;
		utf8_decode(s + i, n - i, &width);
		i += (size_t)width;
	}
	return count;
}

/* Above ASCII, Unicode's graphic and space classes are approximated by excluding what is not graphic
 * or is a space among assigned characters that matter in practice: the C1 controls and NBSP, the soft
 * hyphen, the Ogham space, the General Punctuation spaces and format characters, the ideographic
 * space, the BOM, the private use area and U+FFFD (which malformed bytes decode to). Unassigned code
 * points, which Go's tables reject, are accepted (go1.19 says "invalid import path", gocc only fails
 * to resolve the package): matching them exactly would take Go's table of ~680 graphic ranges. */
bool utf8_import_path_rune(int64_t r)
{
	static const char illegal[] = "!\"#$%&'()*,:;<=>?[\\]^{|}`";
	if (r < UTF8_RUNE_SELF)
		return r > ' ' && r < 0x7f && !strchr(illegal, (int)r);
	return !(r <= 0xa0 || r == 0xad || r == 0x1680 || (r >= 0x2000 && r <= 0x200f) ||
		 (r >= 0x2028 && r <= 0x202f) || (r >= 0x205f && r <= 0x206f) || r == 0x3000 ||
		 r == 0xfeff || (r >= 0xe000 && r <= 0xf8ff) || r == UTF8_RUNE_ERROR || !utf8_valid_rune(r));
}
