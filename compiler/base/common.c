/*
 * common.c: arena, vectors, string buffers, interning, the source-file table and diagnostics.
 *
 * The arena hands out zeroed memory from large chunks and never frees it; the process exit is the
 * collector. Diagnostics are kept in a list and printed sorted by position at diag_flush, which is how
 * gc orders errors found by different phases of one run.
 */
#define _GNU_SOURCE /* pthread_getattr_np */
#include "common.h"
#include "hashmap.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- memory ---------------------------------------------------------------------------------- */

enum { CHUNK_SIZE = 1 << 20 };

static struct {
	char *cur, *end;
} arena;

static noreturn void out_of_memory(void)
{
	fputs("gocc: out of memory\n", stderr);
	exit(2);
}

void *xalloc(size_t size)
{
	size = (size + 15) & ~(size_t)15;
	if (size > CHUNK_SIZE / 4) {
		void *p = calloc(1, size);
		if (!p)
			out_of_memory();
		return p;
	}
	if ((size_t)(arena.end - arena.cur) < size) {
		arena.cur = calloc(1, CHUNK_SIZE);
		if (!arena.cur)
			out_of_memory();
		arena.end = arena.cur + CHUNK_SIZE;
	}
	void *p = arena.cur;
	arena.cur += size;
	return p;
}

void *xrealloc(void *old, size_t oldsize, size_t newsize)
{
	void *p = xalloc(newsize);
	if (old)
		memcpy(p, old, oldsize < newsize ? oldsize : newsize);
	return p;
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xalloc(n + 1);
	memcpy(p, s, n);
	return p;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xvsprintf(const char *fmt, va_list ap)
{
	va_list ap2;
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	char *p = xalloc(n + 1);
	vsnprintf(p, n + 1, fmt, ap);
	return p;
}

char *xsprintf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *p = xvsprintf(fmt, ap);
	va_end(ap);
	return p;
}

/* ---- Vec ------------------------------------------------------------------------------------- */

void vec_push(Vec *v, void *item)
{
	if (v->len == v->cap) {
		int cap = v->cap ? v->cap * 2 : 8;
		v->data = xrealloc(v->data, sizeof(void *) * v->cap, sizeof(void *) * cap);
		v->cap = cap;
	}
	v->data[v->len++] = item;
}

void vec_sort(Vec *v, int (*cmp)(const void *, const void *))
{
	if (v->len > 1)
		qsort(v->data, (size_t)v->len, sizeof v->data[0], cmp);
}

void *vec_pop(Vec *v)
{
	if (v->len == 0)
		internal_error("vec_pop on empty vector");
	return v->data[--v->len];
}

/* ---- StrBuf ---------------------------------------------------------------------------------- */

static void sb_reserve(StrBuf *b, size_t extra)
{
	if (b->len + extra + 1 <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < b->len + extra + 1)
		cap *= 2;
	b->data = xrealloc(b->data, b->cap, cap);
	b->cap = cap;
}

void sb_put(StrBuf *b, const char *s, size_t n)
{
	sb_reserve(b, n);
	memcpy(b->data + b->len, s, n);
	b->len += n;
}

void sb_putc(StrBuf *b, char c)
{
	sb_put(b, &c, 1);
}

void sb_puts(StrBuf *b, const char *s)
{
	sb_put(b, s, strlen(s));
}

void sb_printf(StrBuf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	sb_reserve(b, n);
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, n + 1, fmt, ap);
	va_end(ap);
	b->len += n;
}

char *sb_cstr(StrBuf *b)
{
	sb_reserve(b, 0);
	b->data[b->len] = 0;
	return b->data;
}

/* ---- interning: a HashMap of length-prefixed arena copies ------------------------------------ */

/* Interned strings may hold NUL bytes (string constants are deduplicated through intern), so each
 * copy is stored after its length: the key is the copy, its length the size_t just before it. */
static HashMap interned;

static size_t interned_len(const char *k)
{
	size_t n;
	memcpy(&n, k - sizeof n, sizeof n);
	return n;
}

static uint64_t intern_hash(const void *key)
{
	return hash_bytes(key, interned_len(key));
}

static bool intern_eq(const void *a, const void *b)
{
	return interned_len(a) == interned_len(b) && memcmp(a, b, interned_len(a)) == 0;
}

typedef struct InternProbe {
	const char *s;
	size_t len;
} InternProbe;

static bool intern_match(const void *key, const void *probe)
{
	const InternProbe *p = probe;
	return interned_len(key) == p->len && memcmp(key, p->s, p->len) == 0;
}

const char *intern(const char *s, size_t len)
{
	if (!interned.hash)
		interned = hashmap_custom(intern_hash, intern_eq);
	InternProbe probe = {s, len};
	const char *k = hashmap_find(&interned, hash_bytes(s, len), intern_match, &probe, NULL);
	if (k)
		return k;
	char *copy = xalloc(sizeof len + len + 1);
	memcpy(copy, &len, sizeof len);
	memcpy(copy + sizeof len, s, len);
	hashmap_put(&interned, copy + sizeof len, copy + sizeof len);
	return copy + sizeof len;
}

/* ---- source files ---------------------------------------------------------------------------- */

const Pos nopos = {-1, 0, 0};
static Vec files;

SourceFile *source_add(const char *name, const char *text, size_t len)
{
	SourceFile *f = xnew(SourceFile);
	f->name = xstrdup(name);
	f->text = text;
	f->len = len;
	f->index = files.len;
	vec_push(&files, f);
	return f;
}

/* The largest source file gocc reads: far beyond any real Go file (the biggest generated tables in
 * the standard library are a few MB), small enough that positions and the arena stay sane. */
#define SOURCE_MAX ((size_t)1 << 30)

/* Reads fd to the end, at most SOURCE_MAX bytes. A file that is not a regular file (a device, a
 * pipe) has no end to trust: /dev/zero would be read forever. Its reading stops after the chunk
 * holding its first NUL byte, which the lexer then reports as gc does (`invalid NUL character`). */
static bool read_bounded(int fd, bool regular, StrBuf *b)
{
	char buf[65536];
	for (;;) {
		ssize_t n = read(fd, buf, sizeof buf);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return n == 0;
		if (b->len + (size_t)n > SOURCE_MAX) {
			errno = EFBIG;
			return false;
		}
		sb_put(b, buf, (size_t)n);
		if (!regular && memchr(buf, 0, (size_t)n))
			return true;
	}
}

SourceFile *source_read(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct stat st;
	if (fd < 0)
		return NULL;
	StrBuf b = {0};
	bool ok = fstat(fd, &st) == 0;
	if (ok && S_ISDIR(st.st_mode)) {
		errno = EISDIR;
		ok = false;
	} else if (ok && S_ISREG(st.st_mode) && (uintmax_t)st.st_size > SOURCE_MAX) {
		errno = EFBIG;
		ok = false;
	}
	ok = ok && read_bounded(fd, S_ISREG(st.st_mode), &b);
	int saved = errno;
	close(fd);
	errno = saved;
	if (!ok)
		return NULL;
	sb_cstr(&b);
	return source_add(path, b.data ? b.data : "", b.len);
}

SourceFile *source_file(int index)
{
	if (index < 0 || index >= files.len)
		return NULL;
	return files.data[index];
}

bool pos_valid(Pos p)
{
	return p.file >= 0 && p.line > 0;
}

void source_add_line_base(SourceFile *f, LineBase *b)
{
	vec_push(&f->line_bases, b);
}

/* gc's RelFilename/RelLine/RelCol: the last line base at or before p. An empty filename is
 * printed "??", as gc's AbsFile does. */
RelPos pos_rel(Pos p)
{
	SourceFile *f = source_file(p.file);
	RelPos r = {f ? f->name : "?", false, p.line, p.col};
	if (!f)
		return r;
	const LineBase *b = NULL;
	for (int i = f->line_bases.len - 1; i >= 0; i--) {
		const LineBase *c = f->line_bases.data[i];
		if (c->line < p.line || (c->line == p.line && c->col <= p.col)) {
			b = c;
			break;
		}
	}
	if (!b)
		return r;
	if (b->filename) {
		r.file = b->filename[0] ? b->filename : "??";
		r.directive = true;
	}
	r.line = b->rel_line + (p.line - b->line);
	if (b->rel_col == 0)
		r.col = 0;
	else if (p.line == b->line)
		r.col = b->rel_col + (p.col - b->col);
	return r;
}

const char *pos_string(Pos p)
{
	if (!source_file(p.file))
		return "?";
	RelPos r = pos_rel(p);
	if (r.col > 0)
		return xsprintf("%s:%d:%d", r.file, r.line, r.col);
	return xsprintf("%s:%d", r.file, r.line);
}

int pos_cmp(Pos a, Pos b)
{
	if (a.file != b.file)
		return a.file < b.file ? -1 : 1;
	if (a.line != b.line)
		return a.line < b.line ? -1 : 1;
	if (a.col != b.col)
		return a.col < b.col ? -1 : 1;
	return 0;
}

/* ---- diagnostics ----------------------------------------------------------------------------- */

typedef struct Diag {
	Pos pos;
	char *msg;
	int seq; /* insertion order, to keep the sort stable */
} Diag;

/* gc's rules (cmd/compile/internal/base/print.go): at most one syntax error per line; a non-syntax
 * error identical to the previous one on the same line is dropped; after the 10th error the
 * compilation stops, so later errors are never seen and "too many errors" is printed at the 10th
 * error's position once the (sorted) errors are out. */
enum { MAX_ERRORS = 10 };

static struct {
	Vec list;           /* Diag* */
	int count;          /* errors reported, including those dropped after the limit */
	int syntax;         /* those whose message starts with "syntax error" (gc's SyntaxErrors) */
	Pos last_syntax;    /* position of the last syntax error */
	Diag *last_other;   /* the last non-syntax error */
	Diag *too_many;     /* the 10th error, once reached */
} diags;

static Pos current_pos = {-1, 0, 0};

static bool same_line(Pos a, Pos b)
{
	return a.file == b.file && a.line == b.line;
}

void verror_at(Pos pos, const char *fmt, va_list ap)
{
	diags.count++;
	if (diags.too_many)
		return;
	Diag *d = xnew(Diag);
	d->pos = pos;
	d->msg = xvsprintf(fmt, ap);
	if (strncmp(d->msg, "syntax error", 12) == 0) {
		diags.syntax++;
		if (diags.list.len && same_line(diags.last_syntax, pos))
			return;
		diags.last_syntax = pos;
	} else {
		Diag *last = diags.last_other;
		if (last && same_line(last->pos, pos) && strcmp(last->msg, d->msg) == 0)
			return;
		diags.last_other = d;
	}
	d->seq = diags.list.len;
	vec_push(&diags.list, d);
	if (diags.list.len == MAX_ERRORS)
		diags.too_many = d;
}

void error_at(Pos pos, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	verror_at(pos, fmt, ap);
	va_end(ap);
}

void unsupported_at(Pos pos, const char *what)
{
	error_at(pos, "gocc: %s is not supported yet", what);
}

int error_count(void)
{
	return diags.count;
}

bool diag_parse_failed(void)
{
	return diags.syntax > 0 || diags.too_many;
}

static int diag_cmp(const void *a, const void *b)
{
	const Diag *x = *(Diag *const *)a, *y = *(Diag *const *)b;
	int c = pos_cmp(x->pos, y->pos);
	return c ? c : x->seq - y->seq;
}

static void print_pos(FILE *out, Pos pos)
{
	if (source_file(pos.file))
		fprintf(out, "%s: ", pos_string(pos));
}

int diag_flush(void)
{
	return diag_flush_to(stderr);
}

char *diag_flush_string(void)
{
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);
	if (!out)
		internal_error("open_memstream failed");
	diag_flush_to(out);
	fclose(out);
	char *copy = xstrndup(text, len);
	free(text);
	return copy;
}

int diag_flush_to(FILE *out)
{
	vec_sort(&diags.list, diag_cmp);
	int n = diags.list.len;
	Diag *prev = NULL;
	for (int i = 0; i < n; i++) {
		Diag *d = diags.list.data[i];
		if (prev && pos_cmp(prev->pos, d->pos) == 0 && strcmp(prev->msg, d->msg) == 0)
			continue;
		print_pos(out, d->pos);
		fprintf(out, "%s\n", d->msg);
		prev = d;
	}
	if (diags.too_many) {
		print_pos(out, diags.too_many->pos);
		fputs("too many errors\n", out);
	}
	fflush(out);
	int count = diags.count;
	memset(&diags, 0, sizeof diags);
	return count;
}

void diag_set_current(Pos pos)
{
	current_pos = pos;
}

noreturn void internal_error(const char *fmt, ...)
{
	fflush(stdout);
	fputs("gocc: internal error: ", stderr);
	va_list ap;
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	if (pos_valid(current_pos)) {
		fputs(" (while compiling ", stderr);
		SourceFile *f = source_file(current_pos.file);
		fprintf(stderr, "%s:%d:%d)", f ? f->name : "?", current_pos.line, current_pos.col);
	}
	fputc('\n', stderr);
	diag_flush();
	abort();
}

/* ---- a large stack --------------------------------------------------------------------------- */

/* Like a goroutine's, which gc's recursive phases run on, the stack may grow to 1 GB: the pages
 * are only reserved, and touched as deep input needs them. */
enum { BIG_STACK = 1 << 30 };

typedef struct BigCall {
	void (*fn)(void *);
	void *arg;
} BigCall;

static void *big_call(void *p)
{
	BigCall *c = p;
	c->fn(c->arg);
	return NULL;
}

size_t stack_size_current(void)
{
	pthread_attr_t attr;
	void *addr;
	size_t size = 0;
	if (pthread_getattr_np(pthread_self(), &attr) == 0) {
		pthread_attr_getstack(&attr, &addr, &size);
		pthread_attr_destroy(&attr);
	}
	return size ? size : 8u << 20;
}

void run_on_big_stack(void (*fn)(void *), void *arg)
{
	BigCall c = {fn, arg};
	pthread_attr_t attr;
	pthread_t t;
	if (stack_size_current() < BIG_STACK / 2 && pthread_attr_init(&attr) == 0) {
		bool ok = pthread_attr_setstacksize(&attr, BIG_STACK) == 0 && pthread_create(&t, &attr, big_call, &c) == 0;
		pthread_attr_destroy(&attr);
		if (ok) {
			pthread_join(t, NULL);
			return;
		}
	}
	fn(arg); /* no thread: the caller's stack will have to do */
}
