/*
 * constraint.c: go1.19's build constraints, deciding whether a file belongs to the build.
 *
 * In: a file's name and its leading bytes. Out: build or skip, or an error in go's wording
 * (`parsing //go:build line: ...`, `multiple //go:build comments`).
 *
 * The rules are go/build's (Context.matchFile, shouldBuild, parseFileHeader, goodOSArchFile) and
 * go/build/constraint's expression syntax, re-implemented in C:
 * - a file name's `_GOOS`, `_GOARCH` or `_GOOS_GOARCH` suffix (before an optional `_test`) must
 *   match, for the known GOOS/GOARCH names only (`linux.go` alone carries no constraint);
 * - in the leading run of blank lines and comments, a `//go:build EXPR` line controls (&&, ||, !,
 *   parentheses; a double negation is an error); without one, every `// +build` line that ends
 *   before the last blank line preceding the package clause must hold (space = or, comma = and,
 *   ! = not; a malformed word reads as the tag "ignore").
 * A tag holds when it is one gocc builds for (loader_tag_ok): linux, amd64, unix, gc (gocc
 * selects files as the gc toolchain does), gocc, go1.1 ... go1.19 and gc's default experiments;
 * cgo is off. The expression is evaluated while it is parsed, so no tree is built.
 */
#include "loader.h"

#include <string.h>

static const char *const known_os[] = {
	"aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios", "js",
	"linux", "nacl", "netbsd", "openbsd", "plan9", "solaris", "windows", "zos",
};
static const char *const known_arch[] = {
	"386", "amd64", "amd64p32", "arm", "armbe", "arm64", "arm64be", "loong64", "mips", "mipsle",
	"mips64", "mips64le", "mips64p32", "mips64p32le", "ppc", "ppc64", "ppc64le", "riscv",
	"riscv64", "s390", "s390x", "sparc", "sparc64", "wasm",
};
/* Tags that hold besides go1.N: GOOS, GOARCH, unix (linux is a Unix), the compiler whose file
 * choices gocc shares, gocc itself, and gc's default tool tags (go list's context.ToolTags). */
static const char *const build_tags[] = {
	"linux", "amd64", "unix", "gc", "gocc", "goexperiment.regabiwrappers", "goexperiment.regabiargs",
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static bool in_list(const char *s, size_t n, const char *const *list, size_t count)
{
	for (size_t i = 0; i < count; i++)
		if (strlen(list[i]) == n && memcmp(list[i], s, n) == 0)
			return true;
	return false;
}

bool loader_tag_ok(const char *tag, size_t n)
{
	if (in_list(tag, n, build_tags, COUNT(build_tags)))
		return true;
	if (n < 4 || memcmp(tag, "go1.", 4) != 0 || n > 6)
		return false;
	int minor = 0;
	for (size_t i = 4; i < n; i++) {
		if (tag[i] < '0' || tag[i] > '9' || (i == 4 && tag[i] == '0'))
			return false;
		minor = minor * 10 + tag[i] - '0';
	}
	return minor >= 1 && minor <= 19;
}

/* ---- file names -------------------------------------------------------------------------------- */

/* goodOSArchFile: the words after the first '_' of the name (extension cut at the first '.'). */
bool loader_name_ok(const char *name)
{
	const char *dot = strchr(name, '.');
	size_t len = dot ? (size_t)(dot - name) : strlen(name);
	const char *us = memchr(name, '_', len);
	if (!us)
		return true;
	const char *word[64];
	size_t wlen[64];
	int n = 0;
	for (const char *p = us + 1, *end = name + len;; p++) { /* split "_a_b_c" into a, b, c */
		const char *q = memchr(p, '_', (size_t)(end - p));
		if (n == 64)
			return true; /* more words than any suffix rule looks at: only the last 3 matter */
		word[n] = p;
		wlen[n++] = q ? (size_t)(q - p) : (size_t)(end - p);
		if (!q)
			break;
		p = q;
	}
	if (n > 0 && wlen[n - 1] == 4 && memcmp(word[n - 1], "test", 4) == 0)
		n--;
	bool os2 = n >= 2 && in_list(word[n - 2], wlen[n - 2], known_os, COUNT(known_os));
	bool arch1 = n >= 1 && in_list(word[n - 1], wlen[n - 1], known_arch, COUNT(known_arch));
	if (os2 && arch1)
		return loader_tag_ok(word[n - 1], wlen[n - 1]) && loader_tag_ok(word[n - 2], wlen[n - 2]);
	if (n >= 1 && (arch1 || in_list(word[n - 1], wlen[n - 1], known_os, COUNT(known_os))))
		return loader_tag_ok(word[n - 1], wlen[n - 1]);
	return true;
}

/* ---- //go:build expressions -------------------------------------------------------------------- */

typedef struct ExprParser {
	const char *s, *end;
	const char *tok; /* current token; tok_len 0 at the end */
	size_t tok_len;
	bool is_tag;
	const char *err; /* first syntax error (go/build/constraint's text) */
} ExprParser;

static bool tag_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
	       c == '.' || c >= 0x80; /* non-ASCII: unicode letters and digits, approximately */
}

static void fail(ExprParser *p, const char *msg)
{
	if (!p->err)
		p->err = msg;
}

static void lex(ExprParser *p)
{
	p->is_tag = false;
	while (p->s < p->end && (*p->s == ' ' || *p->s == '\t'))
		p->s++;
	p->tok = p->s;
	p->tok_len = 0;
	if (p->s >= p->end || p->err)
		return;
	char c = *p->s;
	if (c == '(' || c == ')' || c == '!') {
		p->tok_len = 1;
	} else if (c == '&' || c == '|') {
		if (p->s + 1 >= p->end || p->s[1] != c) {
			fail(p, c == '&' ? "invalid syntax at &" : "invalid syntax at |");
			return;
		}
		p->tok_len = 2;
	} else {
		while (p->s + p->tok_len < p->end && tag_char((unsigned char)p->s[p->tok_len]))
			p->tok_len++;
		if (p->tok_len == 0) {
			fail(p, xsprintf("invalid syntax at %c", c));
			return;
		}
		p->is_tag = true;
	}
	p->s += p->tok_len;
}

static bool tok_is(ExprParser *p, const char *t)
{
	return p->tok_len == strlen(t) && memcmp(p->tok, t, p->tok_len) == 0;
}

static bool parse_or(ExprParser *p);

static const char end_of_expr[] = "unexpected end of expression";

/* atom = tag | "(" or ")" ; the caller has lexed its first token. */
static bool parse_atom(ExprParser *p)
{
	if (tok_is(p, "(")) {
		bool x = parse_or(p);
		if (p->err == end_of_expr) /* go's atom() rewords the error of an unclosed paren */
			p->err = "missing close paren";
		if (!tok_is(p, ")"))
			fail(p, "missing close paren");
		lex(p);
		return x;
	}
	if (!p->is_tag) {
		fail(p, p->tok_len ? xsprintf("unexpected token %.*s", (int)p->tok_len, p->tok) : end_of_expr);
		return false;
	}
	bool x = loader_tag_ok(p->tok, p->tok_len);
	lex(p);
	return x;
}

/* not = "!" atom | atom ; lexes its own first token, as go's parser does. */
static bool parse_not(ExprParser *p)
{
	lex(p);
	if (!tok_is(p, "!"))
		return parse_atom(p);
	lex(p);
	if (tok_is(p, "!"))
		fail(p, "double negation not allowed");
	return !parse_atom(p);
}

static bool parse_and(ExprParser *p)
{
	bool x = parse_not(p);
	while (!p->err && tok_is(p, "&&"))
		x = parse_not(p) && x;
	return x;
}

static bool parse_or(ExprParser *p)
{
	bool x = parse_and(p);
	while (!p->err && tok_is(p, "||"))
		x = parse_and(p) || x;
	return x;
}

/* Evaluates a //go:build expression; *err is set to go's message if it does not parse. */
bool loader_eval_go_build(const char *expr, size_t len, const char **err)
{
	ExprParser p = {.s = expr, .end = expr + len};
	bool x = parse_or(&p);
	if (!p.err && p.tok_len)
		fail(&p, xsprintf("unexpected token %.*s", (int)p.tok_len, p.tok));
	if (!p.err)
		return x;
	*err = p.err;
	return false;
}

/* ---- // +build lines --------------------------------------------------------------------------- */

/* A "!tag" or "tag" word of a +build line: malformed words (and "!!x", "!") read as "ignore". */
static bool plus_build_lit(const char *w, size_t n)
{
	bool neg = n > 0 && w[0] == '!';
	if ((n >= 2 && w[0] == '!' && w[1] == '!') || (n == 1 && neg))
		return false;
	if (neg)
		w++, n--;
	bool valid = n > 0;
	for (size_t i = 0; i < n; i++)
		valid = valid && tag_char((unsigned char)w[i]);
	bool x = valid && loader_tag_ok(w, n);
	return neg ? !x : x;
}

/* The words of a +build line: OR of space-separated clauses, each an AND of comma-separated
 * literals; an empty line is the tag "ignore" (false). */
static bool eval_plus_build(const char *s, const char *end)
{
	bool any = false, result = false;
	while (s < end) {
		while (s < end && (*s == ' ' || *s == '\t' || *s == '\v' || *s == '\f' || *s == '\r'))
			s++;
		if (s == end)
			break;
		const char *w = s;
		while (s < end && !(*s == ' ' || *s == '\t' || *s == '\v' || *s == '\f' || *s == '\r'))
			s++;
		bool clause = true;
		for (const char *lit = w;;) {
			const char *comma = memchr(lit, ',', (size_t)(s - lit));
			const char *lend = comma ? comma : s;
			clause = plus_build_lit(lit, (size_t)(lend - lit)) && clause;
			if (!comma)
				break;
			lit = comma + 1;
		}
		any = true;
		result = result || clause;
	}
	return any && result;
}

/* ---- the file header ----------------------------------------------------------------------------- */

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

/* One line of text, trimmed of spaces at both ends. */
typedef struct Line {
	const char *s, *end;
} Line;

static Line trim(const char *s, const char *end)
{
	while (s < end && is_space(*s))
		s++;
	while (end > s && is_space(end[-1]))
		end--;
	return (Line){s, end};
}

static bool has_prefix(Line l, const char *pre)
{
	size_t n = strlen(pre);
	return (size_t)(l.end - l.s) >= n && memcmp(l.s, pre, n) == 0;
}

/* isGoBuildComment: "//go:build" followed by nothing or by space. */
static bool is_go_build(Line l)
{
	if (!has_prefix(l, "//go:build"))
		return false;
	const char *rest = l.s + 10;
	return rest == l.end || is_space(*rest);
}

/* splitPlusBuild: "//" spaces "+build" followed by nothing or by space; returns the words. */
static bool is_plus_build(Line l, Line *words)
{
	if (!has_prefix(l, "//"))
		return false;
	Line r = trim(l.s + 2, l.end);
	if (!has_prefix(r, "+build"))
		return false;
	const char *rest = r.s + 6;
	if (rest != r.end && !is_space(*rest))
		return false;
	*words = trim(rest, r.end);
	return true;
}

/* parseFileHeader: the leading run of blank lines and comments. Finds the //go:build line (outside
 * block comments) and the end of the part where +build lines count (the last blank line before
 * the first line that is not a // comment). */
typedef struct Header {
	Line go_build;           /* .s NULL when there is none */
	const char *plus_end;    /* +build lines must end before this */
	const char *err;
} Header;

static Header parse_header(const char *text, size_t len)
{
	Header h = {.plus_end = text};
	const char *p = text, *end = text + len;
	bool ended = false, in_block = false;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *next = nl ? nl + 1 : end;
		Line l = trim(p, nl ? nl : end);
		p = next;
		if (l.s == l.end && !ended) {
			h.plus_end = next;
			continue;
		}
		if (!has_prefix(l, "//"))
			ended = true;
		if (!in_block && is_go_build(l)) {
			if (h.go_build.s) {
				h.err = "multiple //go:build comments";
				return h;
			}
			h.go_build = l;
		}
		for (;;) { /* the rest of the line: comments only, or the header is over */
			if (in_block) {
				const char *close = NULL;
				for (const char *q = l.s; q + 1 < l.end; q++)
					if (q[0] == '*' && q[1] == '/') {
						close = q;
						break;
					}
				if (!close)
					break;
				in_block = false;
				l = trim(close + 2, l.end);
				continue;
			}
			if (l.s == l.end || has_prefix(l, "//"))
				break;
			if (has_prefix(l, "/*")) {
				in_block = true;
				l = trim(l.s + 2, l.end);
				continue;
			}
			return h; /* found non-comment text */
		}
	}
	return h;
}

bool loader_should_build(const char *text, size_t len, const char **err)
{
	*err = NULL;
	Header h = parse_header(text, len);
	if (h.err) {
		*err = h.err;
		return false;
	}
	if (h.go_build.s) {
		Line expr = trim(h.go_build.s + 10, h.go_build.end);
		const char *perr = NULL;
		bool ok = loader_eval_go_build(expr.s, (size_t)(expr.end - expr.s), &perr);
		if (perr)
			*err = xsprintf("parsing //go:build line: %s", perr);
		return ok;
	}
	bool ok = true;
	for (const char *p = text; p < h.plus_end;) {
		const char *nl = memchr(p, '\n', (size_t)(h.plus_end - p));
		const char *next = nl ? nl + 1 : h.plus_end;
		Line words, l = trim(p, nl ? nl : h.plus_end);
		if (is_plus_build(l, &words) && !eval_plus_build(words.s, words.end))
			ok = false;
		p = next;
	}
	return ok;
}
