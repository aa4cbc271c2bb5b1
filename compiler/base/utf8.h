/*
 * utf8.h: the one UTF-8 decoder and encoder of the compiler (Go's unicode/utf8, byte for byte).
 *
 * In: bytes that may be malformed (string constants hold any bytes: "\xff", "\xed\xa0\x80"), or any
 * integer as a rune. Out: what Go's utf8.DecodeRune and utf8.EncodeRune give, because the lexer's
 * "invalid UTF-8 encoding", constant conversions, import path checks and the printing of constants
 * in messages are all observable and must agree with gc and with the runtime's decoderune.
 *
 * The one idea: the second byte of a sequence carries the whole validity question. Its allowed range
 * depends only on the lead byte (E0: A0..BF excludes overlongs, ED: 80..9F excludes surrogates, F0:
 * 90..BF, F4: 80..8F stops at U+10FFFF), so one table lookup on the lead byte plus range checks
 * decides; anything else (overlong, surrogate, > U+10FFFF, truncated, stray continuation byte) is
 * RuneError with width 1, exactly as Go resynchronises.
 */
#ifndef GOCC_UTF8_H
#define GOCC_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum {
	UTF8_RUNE_ERROR = 0xFFFD,  /* utf8.RuneError, U+FFFD */
	UTF8_RUNE_SELF = 0x80,     /* bytes below this are runes by themselves */
	UTF8_MAX_RUNE = 0x10FFFF,
	UTF8_MAX_LEN = 4,          /* bytes of the longest encoding */
};

/* utf8.DecodeRune of s[0..n): the first rune and its width in *width. Malformed input gives
 * (UTF8_RUNE_ERROR, 1); n == 0 gives (UTF8_RUNE_ERROR, 0). */
int32_t utf8_decode(const void *s, size_t n, int *width);
/* utf8.EncodeRune: writes r to buf (room for UTF8_MAX_LEN bytes), returns the byte count. Negative
 * values, surrogates and values above U+10FFFF are written as UTF8_RUNE_ERROR. */
int utf8_encode(char *buf, int64_t r);
/* utf8.ValidRune: in [0, U+10FFFF] and not a surrogate. */
bool utf8_valid_rune(int64_t r);
/* utf8.RuneCount of s[0..n): each malformed byte counts as one rune. */
size_t utf8_rune_count(const void *s, size_t n);
/* Whether r may appear in an import path: unicode.IsGraphic(r) && !unicode.IsSpace(r) and not one of
 * the characters !"#$%&'()*,:;<=>?[\]^{|}` (the test go/parser's isValidImport and types2's
 * validatedImportPath share). Exact for ASCII; above it an approximation, see utf8.c. */
bool utf8_import_path_rune(int64_t r);

#endif
