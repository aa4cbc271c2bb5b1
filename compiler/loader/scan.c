/*
 * scan.c: a Go file's package clause and import declarations, read without parsing the file.
 *
 * In: the file's bytes. Out: the package name and each import path with its line and column, as
 * go/build's readGoInfo finds them, so the loader can select files and walk the import graph of
 * the whole standard library without building syntax trees.
 *
 * The grammar read is the start of a source file only:
 *   "package" identifier ";"  { "import" ( spec | "(" { spec ";" } ")" ) ";" }
 *   spec = [ "." | "_" | identifier ] string
 * with comments, newlines (automatic semicolons) and both kinds of string literal. Anything else
 * ends the scan: the parser reports whatever is wrong with the file later, in gc's words.
 */
#include "loader.h"

#include <string.h>

typedef struct Scanner {
	const char *p, *end, *line_start;
	int line;
	const char *tok; /* the current token */
	size_t len;
	char kind;       /* 'i' identifier, 's' string, ';' newline or semicolon, or the punctuation, 0 EOF */
	int tok_line, tok_col;
} Scanner;

static bool ident_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
	       c >= 0x80;
}

static void newline(Scanner *s)
{
	s->line++;
	s->line_start = s->p;
}

/* Skips spaces and comments; a newline becomes a ';' token when the previous token ends a line
 * (an identifier, a string or ')'), as Go's automatic semicolons. */
static bool skip_space(Scanner *s, bool semi_ok)
{
	while (s->p < s->end) {
		char c = *s->p;
		if (c == '\n') {
			if (semi_ok)
				return true;
			s->p++;
			newline(s);
		} else if (c == ' ' || c == '\t' || c == '\r') {
			s->p++;
		} else if (c == '/' && s->p + 1 < s->end && s->p[1] == '/') {
			while (s->p < s->end && *s->p != '\n')
				s->p++;
		} else if (c == '/' && s->p + 1 < s->end && s->p[1] == '*') {
			const char *q = s->p + 2;
			bool nl = false;
			while (q + 1 < s->end && !(q[0] == '*' && q[1] == '/')) {
				if (*q == '\n') {
					nl = true;
					s->p = q + 1;
					newline(s);
				}
				q++;
			}
			if (q + 1 >= s->end)
				return false;
			s->p = q + 2;
			if (nl && semi_ok)
				return true; /* a block comment with a newline counts as one */
		} else {
			return true;
		}
	}
	return true;
}

static void next(Scanner *s)
{
	bool semi_ok = s->kind == 'i' || s->kind == 's' || s->kind == ')';
	s->kind = 0;
	s->len = 0;
	if (!skip_space(s, semi_ok) || s->p >= s->end)
		return;
	s->tok = s->p;
	s->tok_line = s->line;
	s->tok_col = (int)(s->p - s->line_start) + 1;
	char c = *s->p;
	if (c == '\n' || c == ';') {
		s->kind = ';';
		s->len = 1;
		s->p++;
		if (c == '\n')
			newline(s);
		return;
	}
	if (ident_char((unsigned char)c) && !(c >= '0' && c <= '9')) {
		while (s->p < s->end && ident_char((unsigned char)*s->p))
			s->p++;
		s->kind = 'i';
	} else if (c == '"' || c == '`') {
		const char *q = s->p + 1;
		while (q < s->end && *q != c && (c == '`' || *q != '\n')) {
			if (c == '"' && *q == '\\' && q + 1 < s->end)
				q++;
			q++;
		}
		if (q >= s->end || *q != c)
			return;
		s->p = q + 1;
		s->kind = 's';
	} else {
		s->p++;
		s->kind = c;
	}
	s->len = (size_t)(s->p - s->tok);
}

static bool is_word(Scanner *s, const char *w)
{
	return s->kind == 'i' && s->len == strlen(w) && memcmp(s->tok, w, s->len) == 0;
}

/* The value of a string token: raw strings as they are, interpreted ones with the simple escapes
 * import paths can contain (a path with other escapes keeps its backslash, which no valid import
 * path holds: the driver leaves it to the checker, which gives gc's message). */
static const char *string_value(Scanner *s)
{
	StrBuf b = {0};
	for (size_t i = 1; i + 1 < s->len; i++) {
		char c = s->tok[i];
		if (c == '\\' && s->tok[0] == '"' && i + 2 < s->len) {
			c = s->tok[++i];
			if (c == 'n')
				c = '\n';
			else if (c == 't')
				c = '\t';
			else
				sb_putc(&b, '\\');
		}
		sb_putc(&b, c);
	}
	return intern(b.len ? b.data : "", b.len);
}

/* spec = [ "." | "_" | identifier ] string */
static bool import_spec(Scanner *s, FileHeader *h)
{
	if (s->kind == 'i' || s->kind == '.')
		next(s);
	if (s->kind != 's')
		return false;
	LoadImport *imp = xnew(LoadImport);
	imp->path = string_value(s);
	imp->line = s->tok_line;
	imp->col = s->tok_col;
	if (strcmp(imp->path, "C") == 0)
		h->imports_c = true;
	vec_push(&h->imports, imp);
	next(s);
	return true;
}

bool loader_scan_header(const char *text, size_t len, FileHeader *h)
{
	memset(h, 0, sizeof *h);
	Scanner s = {.p = text, .end = text + len, .line_start = text, .line = 1};
	next(&s);
	if (!is_word(&s, "package"))
		return false;
	next(&s);
	if (s.kind != 'i')
		return false;
	h->package = intern(s.tok, s.len);
	next(&s);
	while (s.kind == ';')
		next(&s);
	while (is_word(&s, "import")) {
		next(&s);
		if (s.kind == '(') {
			next(&s);
			while (s.kind != ')') {
				if (s.kind == ';') {
					next(&s);
					continue;
				}
				if (!import_spec(&s, h))
					return true;
			}
			next(&s);
		} else if (!import_spec(&s, h)) {
			return true;
		}
		while (s.kind == ';')
			next(&s);
	}
	return true;
}
