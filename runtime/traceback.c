/*
 * traceback.c: the frames of a panic or fatal error's traceback (Go's runtime/traceback.go), printed
 * after the `goroutine 1 [running]:` line.
 *
 * In: the panicking goroutine's frame-pointer chain at the moment of printing, the pc table
 * (symtab.c) and the GOTRACEBACK level. Out: go1.19's frame lines, innermost first:
 *
 *     main.f(...)
 *     	/abs/path/main.go:12 +0x1d
 *
 * runtime.Stack writes the same text, after the header, into the caller's buffer.
 *
 * The one idea: a traceback is runtime.Callers printed. The frames are the logical ones
 * symtab_logical_callers lists (inlined calls expanded, wrappers dropped, initialisation as
 * runtime.doInit), filtered as gc's showframe does at levels single/all: a frame is shown if its name
 * has a '.' and is not the runtime's, except the runtime's exported functions and runtime.gopanic
 * (printed `panic`) when it is not the innermost frame; level system (2) and above shows every frame.
 * A physical frame ends with ` +0x<return address - entry>`; an inlined call's has no offset, as in
 * gc. At most 100 frames are printed, then `...additional frames elided...`. A goroutine other
 * than 1 ends with `created by F` and the go statement's position (G.gopc, recorded by newproc).
 *
 * Invariants. Runs inside the fatal path with the print lock held: no allocation (the frame buffer
 * is static, and the fatal path runs once), nothing that can panic.
 *
 * Not as gc (docs/status.md): arguments are printed as `(...)` (gc prints the argument words of
 * physical frames, `main.f(0x1, {0x4b1f20, 0x3})`, from its argument metadata, which gocc does not
 * emit), except `()` for a function whose DWARF declares no parameter (gc's `main.main()`; blank
 * and unnamed parameters have no DWARF, so such a function shows `()` too); runtime frames have gocc's offsets; levels system/crash print no
 * `fp= sp= pc=` suffix. The tests' stderr rule (docs/testing.md) stops at the goroutine line, so
 * none of this is compared with go1.19 yet.
 */
#include "traceback.h"

#include <string.h>

#include "panic.h"
#include "print.h"
#include "proc.h"
#include "scheduler.h"
#include "symtab.h"

enum { MAX_FRAMES = 100 };

static bool has_prefix(GoString s, const char *p)
{
	size_t n = strlen(p);
	return (size_t)s.len >= n && memcmp(s.str, p, n) == 0;
}

/* gc's showfuncinfo at levels below 2 (the elide-wrapper part is done by the frame list). */
static bool show_frame(GoString name, bool innermost, int level)
{
	if (level >= 2)
		return true;
	if (has_prefix(name, "runtime.gopanic"))
		return !innermost;
	if (!memchr(name.str, '.', (size_t)name.len))
		return false;
	if (!has_prefix(name, "runtime."))
		return true;
	uint8_t c = name.len > 8 ? name.str[8] : 0;
	return c >= 'A' && c <= 'Z';
}

/* Where the text goes: the print buffer (panics) or a Go byte slice (runtime.Stack). */
typedef struct {
	uint8_t *buf;      /* NULL: print_bytes */
	intgo len, cap;
} Sink;

static void put(Sink *s, const void *p, size_t n)
{
	if (!s->buf) {
		print_bytes(p, n);
		return;
	}
	size_t room = (size_t)(s->cap - s->len);
	if (n > room)
		n = room;
	memcpy(s->buf + s->len, p, n);
	s->len += (intgo)n;
}

static void put_str(Sink *s, const char *c)
{
	put(s, c, strlen(c));
}

static void put_dec(Sink *s, int64_t v)
{
	char buf[24];
	int i = sizeof buf;
	bool neg = v < 0;
	uint64_t u = neg ? (uint64_t)-v : (uint64_t)v;
	do
		buf[--i] = (char)('0' + u % 10);
	while (u /= 10);
	if (neg)
		buf[--i] = '-';
	put(s, buf + i, sizeof buf - (size_t)i);
}

static void put_hex(Sink *s, uint64_t v)
{
	char buf[18];
	int i = sizeof buf;
	do
		buf[--i] = "0123456789abcdef"[v & 15];
	while (v >>= 4);
	buf[--i] = 'x';
	buf[--i] = '0';
	put(s, buf + i, sizeof buf - (size_t)i);
}

enum { MAX_PCS = MAX_FRAMES + 16 }; /* room for the hidden frames among the first 100 shown */

/* Is the goroutine running package initialisation? gc's runtime.main locks the main goroutine to
 * its thread for it, and the header says so. */
static bool in_init(const uintptr_t *pcs, int n)
{
	for (int i = 0; i < n; i++) {
		PcFunc f;
		if (symtab_findfunc((pcs[i] & (((uintptr_t)1 << 56) - 1)) - 1, &f) &&
		    (f.kind == PCFUNC_DOINIT || f.kind == PCFUNC_MAININIT))
			return true;
	}
	return false;
}

static void frames(const uintptr_t *pcs, int n, int level, Sink *s)
{
	int shown = 0;
	for (int i = 0; i < n; i++) {
		SymFrame fr;
		uintptr_t look;
		if (!symtab_frame(pcs[i], false, &fr, &look) || !show_frame(fr.name, i == 0, level))
			continue;
		if (shown++ == MAX_FRAMES) {
			put_str(s, "...additional frames elided...\n");
			break;
		}
		if (has_prefix(fr.name, "runtime.gopanic"))
			put_str(s, "panic");
		else
			put(s, fr.name.str, (size_t)fr.name.len);
		put_str(s, !fr.inlined && (fr.flags & PCFLAG_NOARGS) ? "()\n\t" : "(...)\n\t");
		put(s, fr.file.str, (size_t)fr.file.len);
		put_str(s, ":");
		put_dec(s, fr.line);
		uintptr_t pc = pcs[i] & (((uintptr_t)1 << 56) - 1);
		if (!fr.inlined && pc > fr.entry) {
			put_str(s, " +");
			put_hex(s, pc - fr.entry);
		}
		put_str(s, "\n");
	}
}

/* go1.19's printcreatedby, after a goroutine's frames (not goroutine 1's): the function whose go
 * statement started it (the innermost logical frame: gc never inlines a function with a go
 * statement, LLVM may), at the statement's line, the offset of newproc's return address in the
 * physical function:
 *
 *     created by main.main
 *     	/abs/path/main.go:12 +0x3c
 */
static void created_by(const G *gp, int level, Sink *s)
{
	if (gp == NULL || gp->is_g0 || gp->goid == 1 || gp->gopc == 0)
		return;
	SymFrame fr[16];
	int n = symtab_frames(gp->gopc - 1, fr, 16);
	if (n == 0 || !show_frame(fr[0].name, false, level))
		return;
	put_str(s, "created by ");
	put(s, fr[0].name.str, (size_t)fr[0].name.len);
	put_str(s, "\n\t");
	put(s, fr[0].file.str, (size_t)fr[0].file.len);
	put_str(s, ":");
	put_dec(s, fr[0].line);
	if (gp->gopc > fr[n - 1].entry) {
		put_str(s, " +");
		put_hex(s, gp->gopc - fr[n - 1].entry);
	}
	put_str(s, "\n");
}

__attribute__((noinline)) void traceback_print(int level)
{
	static uintptr_t pcs[MAX_PCS]; /* static: the fatal path runs once, maybe on an overflowed stack */
	Sink s = {0};
	int n = symtab_logical_callers(__builtin_frame_address(0), 0, pcs, MAX_PCS);
	frames(pcs, n, level, &s);
	created_by(sched_getg(), level, &s);
	__asm__ volatile("" ::: "memory"); /* no tail call: this frame is the walk's start */
}

void traceback_goroutine(G *gp, int level)
{
	static uintptr_t pcs[MAX_PCS]; /* static: the fatal path runs once */
	Sink s = {0};
	void **fp = sched_g_frame(gp);
	int n = fp ? symtab_logical_callers(fp, 0, pcs, MAX_PCS) : 0;
	frames(pcs, n, level, &s);
	created_by(gp, level, &s);
}

/* runtime.Stack(buf, false) (stdlib/runtime/symtab.go): the calling goroutine's header and frames
 * from Stack's caller on, then its `created by` lines, cut at len(buf), as gc's. Not yet:
 * all=true's other goroutines. */
typedef struct { void *fp; uint8_t *buf; intgo len, n; } StackArgs;

static void stack_walk(void *arg)
{
	StackArgs *a = arg;
	Sink s = {a->buf, 0, a->len};
	int level = proc_env.traceback_level > 0 ? proc_env.traceback_level : 1;
	uintptr_t pcs[MAX_PCS];
	int n = symtab_logical_callers(a->fp, 1, pcs, MAX_PCS); /* 1: runtime.Stack */
	put_str(&s, "goroutine ");
	put_dec(&s, (int64_t)proc_goid());
	put_str(&s, in_init(pcs, n) ? " [running, locked to thread]:\n" : " [running]:\n");
	frames(pcs, n, level, &s);
	created_by(sched_getg(), level, &s);
	a->n = s.len;
}

GO_LINKNAME(traceback_stack, "runtime.stack");
RUNTIME_API __attribute__((noinline)) intgo traceback_stack(void *ctx, uint8_t *buf, intgo len)
{
	(void)ctx;
	StackArgs a = {__builtin_frame_address(0), buf, len, 0};
	systemstack(stack_walk, &a); /* deep: not on a goroutine's small first segment (stack.c) */
	__asm__ volatile("" ::: "memory");
	return a.n;
}
