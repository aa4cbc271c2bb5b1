/*
 * lex_test.c: unit tests for the lexer (lex.re).
 *
 * Each test lexes a small source text and checks token kinds, positions, raw text and decoded values,
 * or the diagnostics, as diag_flush would print them (diag_flush_string).
 * Expected messages and positions are gc's (go1.19 `go tool compile`), which the lexer imitates.
 * Criterion runs every test in its own process, so the global file table and error list start empty.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "token.h"

/* ---- helpers --------------------------------------------------------------------------------- */

static TokenList *lex_n(const char *src, size_t len)
{
	char *text = xalloc(len + 1);
	memcpy(text, src, len);
	return lex_file(source_add("t.go", text, len));
}

static TokenList *lex(const char *src)
{
	return lex_n(src, strlen(src));
}


static void expect_errors_n(const char *src, size_t len, const char *want)
{
	lex_n(src, len);
	char *got = diag_flush_string();
	cr_expect_str_eq(got, want, "source %s\ngot:  %s\nwant: %s", src, got, want);
}

static void expect_errors(const char *src, const char *want)
{
	expect_errors_n(src, strlen(src), want);
}

static void expect_no_errors(const char *src)
{
	expect_errors(src, "");
}

static void check_kinds(const char *src, const TokenKind *want, int n)
{
	TokenList *tl = lex(src);
	cr_expect_eq(error_count(), 0, "errors lexing %s: %s", src, diag_flush_string());
	cr_assert_eq(tl->len, n, "source %s: %d tokens, want %d", src, tl->len, n);
	for (int i = 0; i < n; i++)
		cr_expect_eq(tl->toks[i].kind, want[i], "source %s: token %d is %s, want %s", src, i,
			     token_spelling(tl->toks[i].kind), token_spelling(want[i]));
}

/* EXPECT_KINDS(src, kinds...): the whole token list, implicit semicolons and EOF included. */
#define EXPECT_KINDS(src, ...)                                                                      \
	do {                                                                                        \
		const TokenKind want_[] = {__VA_ARGS__};                                            \
		check_kinds(src, want_, (int)(sizeof want_ / sizeof want_[0]));                     \
	} while (0)

/* The one literal token a source consisting of a single literal produces (then ';' and EOF). */
static Token *only_literal(const char *src, TokenKind kind)
{
	TokenList *tl = lex(src);
	cr_expect_eq(error_count(), 0, "errors lexing %s: %s", src, diag_flush_string());
	cr_assert_eq(tl->len, 3, "source %s: %d tokens", src, tl->len);
	cr_expect_eq(tl->toks[0].kind, kind, "source %s: got %s", src,
		     token_spelling(tl->toks[0].kind));
	cr_expect_eq(tl->toks[0].len, (int)strlen(src), "source %s", src);
	return &tl->toks[0];
}

static void expect_pos(const Token *t, int line, int col)
{
	cr_expect_eq(t->pos.line, line, "token %.*s: line %d, want %d", t->len, t->text, t->pos.line,
		     line);
	cr_expect_eq(t->pos.col, col, "token %.*s: col %d, want %d", t->len, t->text, t->pos.col,
		     col);
}

static void expect_rune(const char *src, int32_t value)
{
	cr_expect_eq(only_literal(src, TOK_CHAR)->rune, value, "rune %s", src);
}

static void expect_string(const char *src, const char *value, size_t len)
{
	Token *t = only_literal(src, TOK_STRING);
	cr_expect_eq(t->str_len, len, "string %s: length %zu, want %zu", src, t->str_len, len);
	cr_expect(memcmp(t->str, value, len) == 0, "string %s: wrong value", src);
}

/* ---- identifiers and keywords ---------------------------------------------------------------- */

Test(lex, identifiers_are_interned)
{
	TokenList *tl = lex("foo _x x1 _ foo");
	cr_assert_eq(tl->len, 7);
	for (int i = 0; i < 5; i++)
		cr_expect_eq(tl->toks[i].kind, TOK_IDENT);
	cr_expect_eq(tl->toks[0].text, intern("foo", 3));
	cr_expect_eq(tl->toks[0].text, tl->toks[4].text);
	cr_expect_str_eq(tl->toks[1].text, "_x");
	cr_expect_eq(tl->toks[2].len, 2);
}

Test(lex, unicode_identifiers)
{
	EXPECT_KINDS("héllo π 日本語 ǅ x٣ _ä", TOK_IDENT, TOK_IDENT, TOK_IDENT, TOK_IDENT, TOK_IDENT,
		     TOK_IDENT, TOK_SEMICOLON, TOK_EOF);
	TokenList *tl = lex("日本語");
	cr_expect_str_eq(tl->toks[0].text, "日本語");
	cr_expect_eq(tl->toks[0].len, 9);
}

Test(lex, keywords)
{
	static const char *words[] = {"break", "case", "chan", "const", "continue", "default", "defer",
		"else", "fallthrough", "for", "func", "go", "goto", "if", "import", "interface", "map",
		"package", "range", "return", "select", "struct", "switch", "type", "var"};
	for (int i = 0; i < 25; i++) {
		TokenList *tl = lex(words[i]);
		TokenKind k = TOK_FIRST_KEYWORD + i;
		cr_expect_eq(tl->toks[0].kind, k, "%s", words[i]);
		cr_expect(token_is_keyword(k));
		cr_expect_str_eq(token_spelling(k), words[i]);
	}
	EXPECT_KINDS("breakx Break goto_ iff", TOK_IDENT, TOK_IDENT, TOK_IDENT, TOK_IDENT,
		     TOK_SEMICOLON, TOK_EOF);
	cr_expect(!token_is_keyword(TOK_IDENT));
	cr_expect(!token_is_keyword(TOK_SEMICOLON));
}

Test(lex, token_spellings)
{
	cr_expect_str_eq(token_spelling(TOK_EOF), "EOF");
	cr_expect_str_eq(token_spelling(TOK_IDENT), "name");
	cr_expect_str_eq(token_spelling(TOK_STRING), "literal");
	cr_expect_str_eq(token_spelling(TOK_AND_NOT_ASSIGN), "&^=");
	cr_expect_str_eq(token_spelling(TOK_ARROW), "<-");
}

/* ---- operators ------------------------------------------------------------------------------- */

Test(lex, operators)
{
	EXPECT_KINDS("+ - * / % & | ^ << >> &^ += -= *= /= %= &= |= ^= <<= >>= &^=",
		     TOK_ADD, TOK_SUB, TOK_MUL, TOK_QUO, TOK_REM, TOK_AND, TOK_OR, TOK_XOR, TOK_SHL,
		     TOK_SHR, TOK_AND_NOT, TOK_ADD_ASSIGN, TOK_SUB_ASSIGN, TOK_MUL_ASSIGN,
		     TOK_QUO_ASSIGN, TOK_REM_ASSIGN, TOK_AND_ASSIGN, TOK_OR_ASSIGN, TOK_XOR_ASSIGN,
		     TOK_SHL_ASSIGN, TOK_SHR_ASSIGN, TOK_AND_NOT_ASSIGN, TOK_EOF);
	EXPECT_KINDS("&& || <- ++ -- == < > = ! ~", TOK_LAND, TOK_LOR, TOK_ARROW, TOK_INC, TOK_DEC,
		     TOK_EQL, TOK_LSS, TOK_GTR, TOK_ASSIGN, TOK_NOT, TOK_TILDE, TOK_EOF);
	EXPECT_KINDS("!= <= >= := ... ( [ { , . ) ] } ; :", TOK_NEQ, TOK_LEQ, TOK_GEQ, TOK_DEFINE,
		     TOK_ELLIPSIS, TOK_LPAREN, TOK_LBRACK, TOK_LBRACE, TOK_COMMA, TOK_PERIOD,
		     TOK_RPAREN, TOK_RBRACK, TOK_RBRACE, TOK_SEMICOLON, TOK_COLON, TOK_EOF);
}

Test(lex, operators_longest_match)
{
	EXPECT_KINDS("a..b", TOK_IDENT, TOK_PERIOD, TOK_PERIOD, TOK_IDENT, TOK_SEMICOLON, TOK_EOF);
	EXPECT_KINDS("x<-y", TOK_IDENT, TOK_ARROW, TOK_IDENT, TOK_SEMICOLON, TOK_EOF);
	EXPECT_KINDS("x&^^y", TOK_IDENT, TOK_AND_NOT, TOK_XOR, TOK_IDENT, TOK_SEMICOLON, TOK_EOF);
	EXPECT_KINDS("a+++b", TOK_IDENT, TOK_INC, TOK_ADD, TOK_IDENT, TOK_SEMICOLON, TOK_EOF);
	EXPECT_KINDS("....", TOK_ELLIPSIS, TOK_PERIOD, TOK_EOF);
}

/* ---- numbers --------------------------------------------------------------------------------- */

Test(lex, integers)
{
	static const char *ints[] = {"0", "42", "1_000_000", "0b1010", "0B1", "0b_1", "0o17",
				     "0O7", "0o_7", "0x_FF", "0XaB", "0xdead_beef", "0777", "0_7",
				     "00", "0x1e"};
	for (size_t i = 0; i < sizeof ints / sizeof ints[0]; i++)
		only_literal(ints[i], TOK_INT);
}

Test(lex, floats)
{
	static const char *floats[] = {"1.", ".5", "1.5", "1e9", "1E+9", "1e-9", "0.e1", "1_0.2_5",
				       "1_0e1_0", "0x1p-2", "0X1.8P3", "0x.8p0", "0x1_0p1_0", "0x1.p1",
				       "0123.5", "089.0", "09e1", "072.40", "1.e+0"};
	for (size_t i = 0; i < sizeof floats / sizeof floats[0]; i++)
		only_literal(floats[i], TOK_FLOAT);
}

Test(lex, imaginaries)
{
	static const char *imags[] = {"1i", "0i", "0123i", "089i", "1.5i", "1e3i", "0x1p2i", "0b1i",
				      "0o7i", "0x1i", ".5i", "1_0i", "0.i"};
	for (size_t i = 0; i < sizeof imags / sizeof imags[0]; i++)
		only_literal(imags[i], TOK_IMAG);
}

Test(lex, number_then_other_tokens)
{
	EXPECT_KINDS("1.5.3", TOK_FLOAT, TOK_FLOAT, TOK_SEMICOLON, TOK_EOF);
	EXPECT_KINDS("0x1g", TOK_INT, TOK_IDENT, TOK_SEMICOLON, TOK_EOF);
	EXPECT_KINDS("0x1e+5", TOK_INT, TOK_ADD, TOK_INT, TOK_SEMICOLON, TOK_EOF);
	EXPECT_KINDS("x.y", TOK_IDENT, TOK_PERIOD, TOK_IDENT, TOK_SEMICOLON, TOK_EOF);
	EXPECT_KINDS("x.5", TOK_IDENT, TOK_FLOAT, TOK_SEMICOLON, TOK_EOF);
}

Test(lex, invalid_digits)
{
	expect_errors("0b12", "t.go:1:4: invalid digit '2' in binary literal\n");
	expect_errors("x = 0o8", "t.go:1:7: invalid digit '8' in octal literal\n");
	expect_errors("0778", "t.go:1:4: invalid digit '8' in octal literal\n");
	expect_errors("09", "t.go:1:2: invalid digit '9' in octal literal\n");
}

Test(lex, numbers_without_digits)
{
	expect_errors("0x", "t.go:1:3: hexadecimal literal has no digits\n");
	expect_errors("0b", "t.go:1:3: binary literal has no digits\n");
	expect_errors("0o_", "t.go:1:4: octal literal has no digits\n");
	expect_errors("0x.p1", "t.go:1:4: hexadecimal literal has no digits\n");
}

Test(lex, exponents)
{
	expect_errors("0x1.8", "t.go:1:6: hexadecimal mantissa requires a 'p' exponent\n");
	expect_errors("1e", "t.go:1:3: exponent has no digits\n");
	expect_errors("1e+ x", "t.go:1:4: exponent has no digits\n");
	expect_errors("0x1p", "t.go:1:5: exponent has no digits\n");
	expect_errors("1p3", "t.go:1:2: 'p' exponent requires hexadecimal mantissa\n");
	expect_errors("0b1e3", "t.go:1:4: 'e' exponent requires decimal mantissa\n");
	expect_errors("0o1E3", "t.go:1:4: 'E' exponent requires decimal mantissa\n");
	expect_errors("0b1.0", "t.go:1:4: invalid radix point in binary literal\n");
	expect_errors("0o1.0", "t.go:1:4: invalid radix point in octal literal\n");
}

Test(lex, separators)
{
	expect_errors("1__0", "t.go:1:3: '_' must separate successive digits\n");
	expect_errors("1_", "t.go:1:2: '_' must separate successive digits\n");
	expect_errors("1_.5", "t.go:1:2: '_' must separate successive digits\n");
	expect_errors("1._5", "t.go:1:3: '_' must separate successive digits\n");
	expect_errors("0x_1_p1", "t.go:1:5: '_' must separate successive digits\n");
	expect_errors("0x_1p1_", "t.go:1:7: '_' must separate successive digits\n");
	expect_errors("0_x", "t.go:1:2: '_' must separate successive digits\n");
	expect_no_errors("0x_1 0b_1 1_2_3 0_1");
}

/* ---- runes ----------------------------------------------------------------------------------- */

Test(lex, runes)
{
	expect_rune("'a'", 'a');
	expect_rune("'é'", 0xE9);
	expect_rune("'日'", 0x65E5);
	expect_rune("'😀'", 0x1F600);
	expect_rune("' '", ' ');
	expect_rune("'\"'", '"');
}

Test(lex, rune_escapes)
{
	expect_rune("'\\a'", 7);
	expect_rune("'\\b'", 8);
	expect_rune("'\\f'", 12);
	expect_rune("'\\n'", 10);
	expect_rune("'\\r'", 13);
	expect_rune("'\\t'", 9);
	expect_rune("'\\v'", 11);
	expect_rune("'\\\\'", '\\');
	expect_rune("'\\''", '\'');
	expect_rune("'\\000'", 0);
	expect_rune("'\\377'", 255);
	expect_rune("'\\x41'", 0x41);
	expect_rune("'\\xfF'", 0xFF);
	expect_rune("'\\u12e4'", 0x12E4);
	expect_rune("'\\U00101234'", 0x101234);
	expect_rune("'\\U0010FFFF'", 0x10FFFF);
}

Test(lex, rune_errors)
{
	expect_errors("x = ''", "t.go:1:6: empty rune literal or unescaped '\n");
	expect_errors("x = 'ab'", "t.go:1:5: more than one character in rune literal\n");
	expect_errors("'\\400'", "t.go:1:6: octal escape value 256 > 255\n");
	expect_errors("'\\uD800'", "t.go:1:8: escape is invalid Unicode code point U+D800\n");
	expect_errors("'\\U00110000'", "t.go:1:12: escape is invalid Unicode code point U+110000\n");
	expect_errors("'\\q'", "t.go:1:3: unknown escape\n");
	expect_errors("'\\\"'", "t.go:1:3: unknown escape\n");
	expect_errors("'\\x4g'", "t.go:1:5: invalid character 'g' in hexadecimal escape\n");
	expect_errors("'\\12'", "t.go:1:5: invalid character '\\'' in octal escape\n");
	expect_errors("'\\u12\n'", "t.go:1:6: invalid character '\\n' in hexadecimal escape\n"
		      "t.go:2:1: rune literal not terminated\n");
	expect_errors("x = 'a\ny", "t.go:1:7: newline in rune literal\n");
	expect_errors("x = 'a", "t.go:1:5: rune literal not terminated\n");
	expect_errors("x = '\\", "t.go:1:5: rune literal not terminated\n");
}

/* ---- strings --------------------------------------------------------------------------------- */

Test(lex, strings)
{
	expect_string("\"\"", "", 0);
	expect_string("\"abc\"", "abc", 3);
	expect_string("\"日本\"", "日本", 6);
	expect_string("\"'\"", "'", 1);
	Token *t = only_literal("\"a b\"", TOK_STRING);
	cr_expect_eq(t->text[0], '"');
	cr_expect_eq(t->len, 5);
}

Test(lex, string_escapes)
{
	expect_string("\"\\a\\b\\f\\n\\r\\t\\v\\\\\\\"\"", "\a\b\f\n\r\t\v\\\"", 9);
	expect_string("\"\\x41\\101\\u00e9\"", "AA\xC3\xA9", 4);
	expect_string("\"\\U0001F600\"", "\xF0\x9F\x98\x80", 4);
	expect_string("\"\\xff\\377\"", "\xFF\xFF", 2);
	expect_string("\"a\\000b\"", "a\0b", 3);
	expect_string("\"\\u65e5本\"", "日本", 6);
}

Test(lex, string_errors)
{
	expect_errors("x = \"abc\ny", "t.go:1:9: newline in string\n");
	expect_errors("x = \"abc", "t.go:1:5: string not terminated\n");
	expect_errors("\"\\'\"", "t.go:1:3: unknown escape\n");
	expect_errors("\"\\uD800\"", "t.go:1:8: escape is invalid Unicode code point U+D800\n");
	expect_errors("\"\\777\"", "t.go:1:6: octal escape value 511 > 255\n");
	expect_errors("\"\\xZ\"", "t.go:1:4: invalid character 'Z' in hexadecimal escape\n");
	expect_errors("\"\\u00é\"", "t.go:1:6: invalid character 'é' in hexadecimal escape\n");
	expect_errors("\"a\" \"\\\n\"",
		      "t.go:1:7: unknown escape\nt.go:1:7: newline in string\nt.go:2:1: string not terminated\n");
}

Test(lex, raw_strings)
{
	expect_string("`abc`", "abc", 3);
	expect_string("`a\\nb`", "a\\nb", 4);
	expect_string("``", "", 0);
	Token *t = only_literal("`a\r\nb\r`", TOK_STRING);
	cr_expect_eq(t->str_len, 3);
	cr_expect(memcmp(t->str, "a\nb", 3) == 0);
	cr_expect_eq(t->len, 7); /* the raw text keeps the carriage returns */
}

Test(lex, raw_string_lines)
{
	TokenList *tl = lex("x := `a\nb\nc` + y\nz");
	cr_assert_eq(tl->len, 9);
	expect_pos(&tl->toks[2], 1, 6);
	expect_pos(&tl->toks[3], 3, 4); /* + */
	expect_pos(&tl->toks[4], 3, 6); /* y */
	expect_pos(&tl->toks[5], 3, 7); /* ; */
	expect_pos(&tl->toks[6], 4, 1); /* z */
	expect_errors("x = `abc\ndef", "t.go:1:5: string not terminated\n");
}

/* ---- comments and semicolons ----------------------------------------------------------------- */

Test(lex, comments)
{
	EXPECT_KINDS("a // comment ) x\nb", TOK_IDENT, TOK_SEMICOLON, TOK_IDENT, TOK_SEMICOLON,
		     TOK_EOF);
	EXPECT_KINDS("a /* c */ b /* /* */ c", TOK_IDENT, TOK_IDENT, TOK_IDENT, TOK_SEMICOLON,
		     TOK_EOF);
	EXPECT_KINDS("a/**/b/***/c", TOK_IDENT, TOK_IDENT, TOK_IDENT, TOK_SEMICOLON, TOK_EOF);
	EXPECT_KINDS("/* x */", TOK_EOF);
	expect_errors("a /* never\nends", "t.go:1:3: comment not terminated\n");
	expect_no_errors("a /* ok **/ // and `\" ' stuff");
}

Test(lex, semicolon_after_line_enders)
{
	static const char *enders[] = {"x", "42", "1.5", "2i", "'c'", "\"s\"", "`r`", ")", "]", "}",
				       "break", "continue", "fallthrough", "return", "x++", "x--"};
	for (size_t i = 0; i < sizeof enders / sizeof enders[0]; i++) {
		char *src = xsprintf("%s\ny", enders[i]);
		TokenList *tl = lex(src);
		Token *semi = &tl->toks[tl->len - 4];
		cr_expect_eq(semi->kind, TOK_SEMICOLON, "after %s", enders[i]);
		cr_expect(semi->implicit, "after %s", enders[i]);
		cr_expect_eq(semi->len, 1);
		cr_expect_eq(semi->text[0], '\n');
		expect_pos(semi, 1, (int)strlen(enders[i]) + 1);
	}
}

Test(lex, no_semicolon_after_other_tokens)
{
	static const char *others[] = {"+", "(", "[", "{", ",", ".", "=", ":=", "if", "func", "var",
				       "go", "defer", "&&", "<-", ":", ";"};
	for (size_t i = 0; i < sizeof others / sizeof others[0]; i++) {
		char *src = xsprintf("%s\n", others[i]);
		TokenList *tl = lex(src);
		cr_expect_eq(tl->len, 2, "after %s", others[i]);
		cr_expect(!tl->toks[0].implicit, "after %s", others[i]);
	}
}

Test(lex, semicolon_at_eof)
{
	TokenList *tl = lex("return");
	cr_assert_eq(tl->len, 3);
	cr_expect_eq(tl->toks[1].kind, TOK_SEMICOLON);
	cr_expect(tl->toks[1].implicit);
	cr_expect_str_eq(tl->toks[1].text, "EOF");
	expect_pos(&tl->toks[1], 1, 7);
	EXPECT_KINDS("x // comment", TOK_IDENT, TOK_SEMICOLON, TOK_EOF);
	EXPECT_KINDS("x\n", TOK_IDENT, TOK_SEMICOLON, TOK_EOF);
	EXPECT_KINDS("x\n\n\n", TOK_IDENT, TOK_SEMICOLON, TOK_EOF);
	EXPECT_KINDS("x;", TOK_IDENT, TOK_SEMICOLON, TOK_EOF);
	EXPECT_KINDS("", TOK_EOF);
	EXPECT_KINDS("\n\n", TOK_EOF);
}

Test(lex, explicit_semicolon)
{
	TokenList *tl = lex("a; b");
	cr_expect_eq(tl->toks[1].kind, TOK_SEMICOLON);
	cr_expect(!tl->toks[1].implicit);
	cr_expect_eq(tl->toks[1].text[0], ';');
}

Test(lex, multiline_comment_acts_as_newline)
{
	TokenList *tl = lex("x /* a\nb */ y");
	cr_assert_eq(tl->len, 5);
	cr_expect_eq(tl->toks[1].kind, TOK_SEMICOLON);
	cr_expect(tl->toks[1].implicit);
	expect_pos(&tl->toks[1], 1, 3);
	expect_pos(&tl->toks[2], 2, 6);
	EXPECT_KINDS("x /* ab */ y", TOK_IDENT, TOK_IDENT, TOK_SEMICOLON, TOK_EOF);
	EXPECT_KINDS("x + /* a\nb */ y", TOK_IDENT, TOK_ADD, TOK_IDENT, TOK_SEMICOLON, TOK_EOF);
	EXPECT_KINDS("x /* a\nb */\ny", TOK_IDENT, TOK_SEMICOLON, TOK_IDENT, TOK_SEMICOLON, TOK_EOF);
}

/* ---- directives ------------------------------------------------------------------------------ */

Test(lex, directives)
{
	TokenList *tl = lex("//go:noinline\nfunc f() {}\n  //line foo.go:10\n/*line x.go:1:1*/ var\n"
			    "// go:not\n//gofmt\n//linefoo\n//go:build linux\r\n");
	cr_assert_eq(tl->directives.len, 4);
	Directive *d = tl->directives.data[0];
	cr_expect_str_eq(d->text, "go:noinline");
	cr_expect_eq(d->pos.line, 1);
	cr_expect_eq(d->pos.col, 1);
	d = tl->directives.data[1];
	cr_expect_str_eq(d->text, "line foo.go:10");
	cr_expect_eq(d->pos.line, 3);
	cr_expect_eq(d->pos.col, 3);
	d = tl->directives.data[2];
	cr_expect_str_eq(d->text, "line x.go:1:1");
	d = tl->directives.data[3];
	cr_expect_str_eq(d->text, "go:build linux");
	cr_expect_eq(d->pos.line, 8);
	cr_expect_eq(tl->toks[0].kind, TOK_FUNC);
}

/* Where the token at index i is reported, its file's line directives applied. */
static const char *rel_at(TokenList *tl, int i)
{
	return pos_string(tl->toks[i].pos);
}

Test(lex, line_directives_move_positions)
{
	TokenList *tl = lex("a\n//line foo.go:10\nb c\n  //line bar.go:5\nd\n/*line x.go:7:3*/e f\ng\n"
			    "//line :20:2\nh\n//line :30\ni\n");
	/* a ; b c ; d ; e f ; g ; h ; i ; */
	cr_expect_str_eq(rel_at(tl, 0), "t.go:1:1");
	cr_expect_str_eq(rel_at(tl, 2), "foo.go:10");      /* no column given: none printed */
	cr_expect_str_eq(rel_at(tl, 3), "foo.go:10");
	cr_expect_str_eq(rel_at(tl, 5), "foo.go:12");      /* //line not at column 1: ignored */
	cr_expect_str_eq(rel_at(tl, 7), "x.go:7:3");       /* block form: right after the comment */
	cr_expect_str_eq(rel_at(tl, 8), "x.go:7:5");
	cr_expect_str_eq(rel_at(tl, 10), "x.go:8:1");      /* next lines keep their real columns */
	cr_expect_str_eq(rel_at(tl, 12), "x.go:20:2");     /* ":line:col" keeps the file */
	cr_expect_str_eq(rel_at(tl, 14), "??:30");         /* ":line" names no file */
}

Test(lex, line_directive_errors)
{
	expect_errors("//line foo.go:0\n", "t.go:1:15: invalid line number: 0\n");
	expect_errors("//line foo.go:x\n", "t.go:1:15: invalid line number: x\n");
	expect_errors("//line foo.go:1:0\n", "t.go:1:17: invalid column number: 0\n");
	expect_errors("//line foo.go\n", "");
}

/* ---- positions ------------------------------------------------------------------------------- */

Test(lex, positions_are_byte_columns)
{
	TokenList *tl = lex("é x\n\tπ := \"日\" + y\n");
	expect_pos(&tl->toks[0], 1, 1);
	expect_pos(&tl->toks[1], 1, 4);
	expect_pos(&tl->toks[3], 2, 2);
	expect_pos(&tl->toks[4], 2, 5);
	expect_pos(&tl->toks[5], 2, 8);
	expect_pos(&tl->toks[6], 2, 14);
	cr_expect_eq(tl->toks[0].pos.file, 0);
	Token *eof = &tl->toks[tl->len - 1];
	cr_expect_eq(eof->kind, TOK_EOF);
	expect_pos(eof, 3, 1);
}

/* ---- bad bytes: BOM, NUL, invalid UTF-8 ------------------------------------------------------ */

Test(lex, bom)
{
	TokenList *tl = lex("\xEF\xBB\xBFpackage p");
	cr_expect_eq(error_count(), 0);
	cr_expect_eq(tl->toks[0].kind, TOK_PACKAGE);
	expect_pos(&tl->toks[0], 1, 4);
	expect_errors("x \xEF\xBB\xBF y", "t.go:1:3: invalid BOM in the middle of the file\n");
	expect_errors("\"a\xEF\xBB\xBF\"", "t.go:1:3: invalid BOM in the middle of the file\n");
}

Test(lex, nul_bytes)
{
	static const char src[] = "x\0y\n// \0\nz";
	TokenList *tl = lex_n(src, sizeof src - 1);
	cr_expect_str_eq(diag_flush_string(),
			 "t.go:1:2: invalid NUL character\nt.go:2:4: invalid NUL character\n");
	cr_expect_str_eq(tl->toks[0].text, "xy"); /* gc drops the NUL and goes on */
	expect_pos(&tl->toks[2], 3, 1);
	static const char str[] = "s := \"a\0b\"";
	tl = lex_n(str, sizeof str - 1);
	cr_expect_str_eq(diag_flush_string(), "t.go:1:8: invalid NUL character\n");
	cr_expect_eq(tl->toks[2].str_len, 2);
	static const char first[] = "\0x"; /* gc's reader lets a NUL at offset 0 through */
	expect_errors_n(first, sizeof first - 1, "t.go:1:1: invalid character U+0000\n");
}

Test(lex, invalid_utf8)
{
	expect_errors("x \xFF y", "t.go:1:3: invalid UTF-8 encoding\n");
	expect_errors("// \xC3\x28\n", "t.go:1:4: invalid UTF-8 encoding\n");
	expect_errors("\"\xED\xA0\x80\"", "t.go:1:2: invalid UTF-8 encoding\n"); /* a surrogate */
	expect_errors("'\xC0\x80'", /* overlong; gc reports both errors of the line */
		      "t.go:1:2: invalid UTF-8 encoding\nt.go:1:4: empty rune literal or unescaped '\n");
	TokenList *tl = lex("a \xF4\x90\x80\x80 b");
	cr_expect_eq(tl->len, 4);
	expect_pos(&tl->toks[1], 1, 8);
}

/* ---- invalid characters ---------------------------------------------------------------------- */

Test(lex, invalid_characters)
{
	expect_errors("x = @", "t.go:1:5: invalid character U+0040 '@'\n");
	expect_errors("a\n#\n$\n?", "t.go:2:1: invalid character U+0023 '#'\n"
				   "t.go:3:1: invalid character U+0024 '$'\n"
				   "t.go:4:1: invalid character U+003F '?'\n");
	expect_errors("\x01", "t.go:1:1: invalid character U+0001\n");
	expect_errors("\\", "t.go:1:1: invalid character U+005C '\\'\n");
	expect_errors("\f", "t.go:1:1: invalid character U+000C\n");
	expect_errors("var x⊛y int", "t.go:1:6: invalid character U+229B '⊛' in identifier\n");
	expect_errors("a·b", "t.go:1:2: invalid character U+00B7 '·' in identifier\n");
	expect_errors("x\xC2\xA0y", "t.go:1:2: invalid character U+00A0 in identifier\n");
	expect_errors("٣x", "t.go:1:1: identifier cannot begin with digit U+0663 '٣'\n");
	expect_errors("🙂", "t.go:1:1: invalid character U+1F642 '🙂' in identifier\n");
}

Test(lex, invalid_character_keeps_semicolon_rule)
{
	TokenList *tl = lex("x @\ny");
	cr_expect_eq(tl->toks[1].kind, TOK_SEMICOLON);
	cr_expect(tl->toks[1].implicit);
}

Test(lex, recovery_reports_every_line)
{
	expect_errors("a := 0b2\nb := '\nc := \"x\nd := 1__2\ne := `x",
		      "t.go:1:8: invalid digit '2' in binary literal\n"
		      "t.go:2:7: newline in rune literal\n"
		      "t.go:3:8: newline in string\n"
		      "t.go:4:8: '_' must separate successive digits\n"
		      "t.go:5:6: string not terminated\n");
}

/* gc's BasicLit.Bad: literals with an error carry `bad` (the checker stays silent about them); the
 * token after any lexical error carries `lex_error`, where gc's parser counts the error. */
Test(lex, bad_literals_and_error_marks)
{
	TokenList *tl = lex("09 1_ 0x1p 12 \"a\\qb\" \"ok\" 'ab' 'c' `raw");
	bool bad[] = {true, true, true, false, true, false, true, false, true};
	cr_assert_eq(tl->len, 11); /* nine literals, the EOF semicolon, EOF */
	for (int i = 0; i < 9; i++) {
		cr_expect_eq(tl->toks[i].bad, bad[i], "token %d (%.*s)", i, tl->toks[i].len, tl->toks[i].text);
		cr_expect_eq(tl->toks[i].lex_error, bad[i], "token %d", i);
	}
	diag_flush_string();
	tl = lex_n("x @ y\n\x00z", 8);
	cr_assert_eq(tl->toks[0].lex_error, false);
	cr_assert_eq(tl->toks[1].kind, TOK_IDENT); /* y, after the invalid character */
	cr_assert_eq(tl->toks[1].lex_error, true);
	cr_assert_eq(tl->toks[1].bad, false);
	int z = 3; /* x y ; z */
	cr_assert_eq(tl->toks[z].kind, TOK_IDENT);
	cr_assert_eq(tl->toks[z].lex_error, true, "the pre-pass's NUL error belongs to z");
	cr_assert_eq(tl->toks[2].lex_error, false);
	diag_flush_string();
}

/* ---- robustness ------------------------------------------------------------------------------ */

Test(lex, random_bytes_never_crash)
{
	static const char *pieces[] = {"0x", "0b", ".", "e", "p", "_", "'", "\"", "`", "\\", "\\u",
				       "/*", "*/", "//", "\n", "\r", "\xFF", "\xEF\xBB\xBF", "é", "·",
				       "1", "i", "x", "+", "<", "-", "="};
	srand(1);
	for (int round = 0; round < 3000; round++) {
		char buf[256];
		size_t len = 0;
		int n = rand() % 40;
		for (int i = 0; i < n; i++) {
			if (rand() % 4 == 0) {
				buf[len++] = (char)(rand() % 256);
				continue;
			}
			const char *p = pieces[rand() % (int)(sizeof pieces / sizeof pieces[0])];
			memcpy(buf + len, p, strlen(p));
			len += strlen(p);
		}
		TokenList *tl = lex_n(buf, len);
		cr_assert(tl->len >= 1);
		cr_assert_eq(tl->toks[tl->len - 1].kind, TOK_EOF);
		for (int i = 1; i < tl->len; i++)
			cr_assert(pos_cmp(tl->toks[i - 1].pos, tl->toks[i].pos) <= 0);
		diag_flush_string();
	}
}
