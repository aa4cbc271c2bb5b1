/*
 * common.h: the few facilities every phase of gocc shares.
 *
 * - Memory: the compiler allocates from one arena and never frees (chibicc's rule). A compile is a
 *   short-lived process; freeing wholesale at exit is the fastest and simplest correct policy.
 * - Vec: a growable array of pointers, the one container the phases pass to each other;
 *   HashMap (hashmap.h): the one hash table; utf8.h: the one UTF-8 decoder and encoder.
 * - Strings: identifiers are interned, so two names are equal iff their pointers are equal.
 * - Positions and diagnostics: user errors are collected (several per run, gc's `file:line:col: msg`
 *   format, sorted by position) and are separate from internal bugs, which abort at once naming the
 *   source position being compiled.
 *
 * Nothing here depends on LLVM: the lexer, parser and checker build and test without it.
 */
#ifndef GOCC_COMMON_H
#define GOCC_COMMON_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdnoreturn.h>

#include "hashmap.h"
#include "utf8.h"

/* ---- memory ---------------------------------------------------------------------------------- */

void *xalloc(size_t size);                  /* zeroed arena memory; never returns NULL */
void *xrealloc(void *old, size_t oldsize, size_t newsize);
char *xstrndup(const char *s, size_t n);    /* NUL-terminated copy in the arena */
char *xstrdup(const char *s);
char *xsprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvsprintf(const char *fmt, va_list ap);
#define xnew(T) ((T *)xalloc(sizeof(T)))

/* ---- Vec: growable array of pointers --------------------------------------------------------- */

typedef struct Vec {
	void **data;
	int len, cap;
} Vec;

void vec_push(Vec *v, void *item);
void *vec_pop(Vec *v);
/* Sorts the items with qsort's comparator convention (cmp gets pointers to two items).
 * Not stable. Safe on an empty vector, whose data is NULL. */
void vec_sort(Vec *v, int (*cmp)(const void *, const void *));
#define vec_at(v, i) ((v)->data[(i)])
#define vec_last(v) ((v)->data[(v)->len - 1])

/* ---- StrBuf: growable byte buffer (not NUL-terminated unless asked) -------------------------- */

typedef struct StrBuf {
	char *data;
	size_t len, cap;
} StrBuf;

void sb_putc(StrBuf *b, char c);
void sb_put(StrBuf *b, const char *s, size_t n);
void sb_puts(StrBuf *b, const char *s);
void sb_printf(StrBuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
char *sb_cstr(StrBuf *b); /* NUL-terminates in place and returns data */

/* ---- interned identifiers -------------------------------------------------------------------- */

const char *intern(const char *s, size_t len); /* same bytes -> same pointer */

/* ---- source files and positions -------------------------------------------------------------- */

typedef struct SourceFile {
	const char *name; /* path as given on the command line, made absolute for DWARF/tracebacks */
	const char *text; /* contents, NUL-terminated (NUL also appears after len) */
	size_t len;
	int index;        /* position in the global file table */
	Vec line_bases;   /* LineBase*, in source order: the file's line directives */
} SourceFile;

/* A `//line file:line[:col]` comment or its block-comment form (gc's line PosBase): from the
 * real position (line, col) on, until the file's next line base, positions are reported as
 * filename:rel_line[:rel_col], counted on from there. The lexer records them (syntax/lex.re);
 * every report of a position goes through pos_rel: diagnostics, DWARF and so the pc table. */
typedef struct LineBase {
	int line, col;        /* real position where it takes effect */
	const char *filename; /* as written; "" when it names none (reported "??"); NULL: the real file */
	int rel_line;
	int rel_col;          /* 0: columns unknown until the next line base */
} LineBase;

/* A position as reported: the line bases applied. col 0 = unknown. */
typedef struct RelPos {
	const char *file;
	bool directive; /* file comes from a line directive (not the real file's name) */
	int line, col;
} RelPos;

typedef struct Pos {
	int file; /* index into the file table; -1 = no position */
	int line; /* 1-based */
	int col;  /* 1-based, counted in bytes as gc does */
} Pos;

extern const Pos nopos;

SourceFile *source_add(const char *name, const char *text, size_t len);
SourceFile *source_read(const char *path);  /* NULL (and errno) if it cannot be read */
SourceFile *source_file(int index);
bool pos_valid(Pos p);
int pos_cmp(Pos a, Pos b);
void source_add_line_base(SourceFile *f, LineBase *b); /* b takes effect after every earlier one */
RelPos pos_rel(Pos p);
const char *pos_string(Pos p); /* "file:line:col" (":col" left out when unknown), as gc prints it */

/* ---- diagnostics ----------------------------------------------------------------------------- */

/* A user error in the program being compiled; printed later by diag_flush. */
void error_at(Pos pos, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void verror_at(Pos pos, const char *fmt, va_list ap);
/* `file:line:col: gocc: WHAT is not supported yet` */
void unsupported_at(Pos pos, const char *what);
int error_count(void);
/* gc's rule after parsing: no type checking once a syntax error was reported (a message starting
 * with "syntax error", gc's base.SyntaxErrors) or the error limit stopped the compilation; other
 * parse errors (lexical errors, "method has no receiver", label errors ...) let it go on. */
bool diag_parse_failed(void);
/* Prints collected errors sorted by position, like gc (stops after 10 with "too many errors").
 * Returns the number of errors. */
int diag_flush(void);
int diag_flush_to(FILE *out);   /* the same, printing to out */
char *diag_flush_string(void);  /* the same, returning the text (tests compare it) */
/* Runs fn(arg) on a thread with a 1 GB stack (reserved, not committed) and waits for it, for phases
 * whose recursion follows the input (declarations that depend on each other in a long chain);
 * falls back to a plain call if no thread can be made or the current stack is that large. */
void run_on_big_stack(void (*fn)(void *), void *arg);
/* The size of the calling thread's stack (the main thread's comes from `ulimit -s`); 8 MB if unknown. */
size_t stack_size_current(void);

/* Sets the position reported by internal errors (the construct being compiled). */
void diag_set_current(Pos pos);
/* A bug in gocc: prints `gocc: internal error: MSG` with the current source position and aborts. */
noreturn void internal_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
#define unreachable() internal_error("unreachable code reached at %s:%d", __FILE__, __LINE__)

#endif
