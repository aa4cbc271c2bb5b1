/*
 * symtab.c: the table of compiled packages (Go's runtime/symtab.go keeps the moduledata list) and
 * the pc table: which function, file and line a program counter belongs to, and the walk of the
 * frame-pointer chain behind runtime.Caller, Callers, FuncForPC, CallersFrames and tracebacks.
 *
 * Algorithm. The compiler emits one constant GoPackage record per package into the ELF section
 * `gocc_packages` (compiler/lower/lower_symtab.c). Because the section's name is a C identifier,
 * the linker concatenates the records of all objects into one array and defines
 * __start_gocc_packages and __stop_gocc_packages around it; walking the packages is walking that
 * array. Each record lists the package's globals (address + descriptor: the roots a collector
 * scans) and the type descriptors it emitted.
 *
 * Invariants. Records are 8-aligned and their size is a multiple of 8, so the concatenation has no
 * padding between records. The bounds are weak references: a program linked without any record
 * (a unit test, or records dropped by --gc-sections because nothing walks them) sees zero packages
 * instead of failing to link.
 *
 * Rejected alternatives. A registration call from each package's init (a constructor list) costs
 * start-up time and runs too late for a collector that must know its roots before any init code
 * allocates. One compiler-generated table for the whole program needs a link step that knows every
 * package; with sections, packages compiled separately still form one array.
 */
#include "symtab.h"

#include <string.h>

#include "scheduler.h"

extern const GoPackage __start_gocc_packages[] __attribute__((weak, visibility("hidden")));
extern const GoPackage __stop_gocc_packages[] __attribute__((weak, visibility("hidden")));

const GoPackage *symtab_packages(size_t *n)
{
	if (!__start_gocc_packages || !__stop_gocc_packages) {
		*n = 0;
		return NULL;
	}
	*n = (size_t)(__stop_gocc_packages - __start_gocc_packages);
	return __start_gocc_packages;
}

const GoPackage *symtab_find_package(GoString path)
{
	size_t n;
	const GoPackage *p = symtab_packages(&n);
	for (size_t i = 0; i < n; i++)
		if (p[i].path.len == path.len && memcmp(p[i].path.str, path.str, (size_t)path.len) == 0)
			return &p[i];
	return NULL;
}

/* ---- the pc table: functions, lines and inlined calls (pctab.h) ----
 *
 * The driver links one table per program into the section gocc_pctab (compiler/driver/pctab.c).
 * Lookups binary-search its functions by entry; the rows of one function are decoded linearly, which
 * is cheap for Go-sized functions and keeps the table small. Addresses in the table are link-time
 * addresses: the load bias is the run-time address of C main minus the one the table recorded. */
#include "pctab.h"

extern const uint8_t __start_gocc_pctab[] __attribute__((weak, visibility("hidden")));
extern const uint8_t __stop_gocc_pctab[] __attribute__((weak, visibility("hidden")));
extern int main(int, char **);

static const PcHeader *pctab(void)
{
	if (!__start_gocc_pctab || (size_t)(__stop_gocc_pctab - __start_gocc_pctab) < sizeof(PcHeader))
		return NULL;
	const PcHeader *h = (const PcHeader *)__start_gocc_pctab;
	return h->magic == PCTAB_MAGIC ? h : NULL;
}

static const uint8_t *tab_at(const PcHeader *h, uint32_t off)
{
	return (const uint8_t *)h + off;
}

static uintptr_t load_bias(const PcHeader *h)
{
	return (uintptr_t)&main - (uintptr_t)h->anchor;
}

static GoString tab_string(const PcHeader *h, uint32_t off)
{
	const char *s = (const char *)tab_at(h, h->strings + off);
	return (GoString){(const uint8_t *)s, (intgo)strlen(s)};
}

static uint64_t get_uvarint(const uint8_t **p)
{
	uint64_t v = 0;
	for (int shift = 0;; shift += 7) {
		uint8_t c = *(*p)++;
		v |= (uint64_t)(c & 0x7f) << shift;
		if (!(c & 0x80))
			return v;
	}
}

static int64_t get_svarint(const uint8_t **p)
{
	uint64_t u = get_uvarint(p);
	return (int64_t)(u >> 1) ^ -(int64_t)(u & 1);
}

/* Skips one inlined call's record (pctab.h). */
static void skip_inline(const uint8_t **p)
{
	for (int i = 0; i < 4; i++)
		get_uvarint(p);
}

bool symtab_findfunc(uintptr_t pc, PcFunc *out)
{
	const PcHeader *h = pctab();
	if (!h || h->nfuncs == 0)
		return false;
	const PcFuncEntry *f = (const PcFuncEntry *)tab_at(h, h->funcs);
	int64_t off = (int64_t)(pc - load_bias(h) - h->anchor);
	size_t lo = 0, hi = h->nfuncs;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (f[mid].entry <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return false;
	const uint8_t *p = tab_at(h, h->rows + f[lo - 1].data);
	out->entry = (uintptr_t)((int64_t)h->anchor + f[lo - 1].entry) + load_bias(h);
	out->size = (uint32_t)get_uvarint(&p);
	if (off >= (int64_t)f[lo - 1].entry + out->size)
		return false;
	out->name = (uint32_t)get_uvarint(&p);
	out->kind = *p & 15;
	out->flags = *p++ >> 4;
	out->ninl = (uint32_t)get_uvarint(&p);
	out->inl = p;
	for (uint32_t i = 0; i < out->ninl; i++)
		skip_inline(&p);
	out->rows = p;
	return true;
}

/* The row of f in effect at pc (an address inside f): file and line, and the innermost inlined call
 * (-1 for none). */
static void pc_row(const PcFunc *f, uintptr_t pc, uint32_t *file, int64_t *line, int *node)
{
	const uint8_t *p = f->rows;
	uint64_t off = pc - f->entry, at = 0;
	uint64_t n = get_uvarint(&p);
	uint32_t cur_file = 0;
	int64_t cur_line = 0;
	int cur_node = -1;
	*file = 0, *line = 0, *node = -1;
	for (uint64_t i = 0; i < n; i++) {
		uint64_t d = get_uvarint(&p);
		at += d >> 2;
		if (at > off)
			return;
		cur_line += get_svarint(&p);
		if (d & 2)
			cur_file = (uint32_t)get_uvarint(&p);
		if (d & 1)
			cur_node = (int)get_uvarint(&p) - 1;
		*file = cur_file, *line = cur_line, *node = cur_node;
	}
}

/* Inlined call k of f. */
typedef struct {
	uint32_t name, file;
	int parent;
	int64_t line;
} Inline;

static Inline inline_at(const PcFunc *f, int k)
{
	const uint8_t *p = f->inl;
	for (int i = 0; i < k; i++)
		skip_inline(&p);
	Inline in;
	in.name = (uint32_t)get_uvarint(&p);
	in.parent = (int)get_uvarint(&p) - 1;
	in.file = (uint32_t)get_uvarint(&p);
	in.line = get_svarint(&p);
	return in;
}

int symtab_frames(uintptr_t pc, SymFrame *out, int max)
{
	PcFunc fn, *f = &fn;
	if (max <= 0 || !symtab_findfunc(pc, f))
		return 0;
	const PcHeader *h = pctab();
	uint32_t file;
	int64_t line;
	int node, n = 0;
	pc_row(f, pc, &file, &line, &node);
	for (; n < max; n++) {
		SymFrame *fr = &out[n];
		fr->entry = f->entry;
		fr->file = tab_string(h, file);
		fr->line = line;
		fr->kind = (int)f->kind;
		fr->flags = f->flags;
		if (node < 0) {
			fr->name = tab_string(h, f->name);
			fr->inlined = false;
			return n + 1;
		}
		Inline in = inline_at(f, node);
		fr->name = tab_string(h, in.name);
		fr->inlined = true;
		file = in.file;
		line = in.line;
		node = in.parent;
	}
	return n;
}

/* Never called: its address + 1 is the return pc of the runtime.goexit frame that ends the main
 * goroutine's stack, as in go1.19. The table names it (pctab.c). */
__attribute__((noinline, used)) void traceback_goexit(void)
{
	__asm__ volatile("nop; nop; nop; nop"); /* its pc + 1 lies inside */
}

/* Is next a plausible caller frame of fp? Frames of C code the table does not know must link
 * upwards on the same stack; a Go frame's link is trusted (a split stack may link to another
 * segment). */
static bool plausible(void **fp, void **next, bool trusted)
{
	if (!next || ((uintptr_t)next & 7))
		return false;
	return trusted || (next > fp && (uintptr_t)next - (uintptr_t)fp < (64u << 20));
}

/* asm_amd64.S: the signal handler makes the faulting instruction "call" it (signal_linux.c). */
extern const char signal_sigpanic_tramp[];
/* asm_amd64.S: stack.c's switch to the system stack or the next segment (under 128 bytes of code). */
extern const char ctx_systemstack[];

/* The walk's state: the next frame, and what the previous frame said about it. */
typedef struct {
	void **fp;
	int last_kind;
	bool exact;  /* the previous frame was the sigpanic trampoline: ret is the faulting pc */
	bool done;
} Walker;

/* The next return address above the walk's frame whose function the table knows, newest first; 0
 * at the end. Unknown C frames are passed over, and the walk ends after runtime.main (C main or
 * main_goroutine) with a runtime.goexit pc, or at a goroutine's first function, as gc's stacks end. */
static uintptr_t walk_next(Walker *w)
{
	for (int guard = 0; w->fp && !w->done && guard < (1 << 20); guard++) {
		void **fp = w->fp;
		uintptr_t ret = (uintptr_t)fp[1];
		void **next = fp[0];
		if (w->exact) /* stored as if it were a return address, so that pc-1 is the faulting instruction */
			ret++;
		w->exact = ret - 1 - (uintptr_t)signal_sigpanic_tramp < 16;
		PcFunc fn, *f = ret && symtab_findfunc(ret - 1, &fn) ? &fn : NULL;
		/* Go frames, __morestack and ctx_systemstack link across stack segments. */
		bool trusted = w->exact || ret - (uintptr_t)ctx_systemstack < 128 ||
			(f && (f->kind == PCFUNC_GO || f->kind == PCFUNC_WRAPPER || f->kind == PCFUNC_MORESTACK));
		w->fp = plausible(fp, next, trusted) ? next : NULL;
		/* runtime_gopanic and panic_raise are one gopanic frame, panic_throw and panic_throw_sig one
		 * throw frame */
		bool repeat = (f && (f->kind == PCFUNC_GOPANIC || f->kind == PCFUNC_THROW) && w->last_kind == (int)f->kind);
		if (!f || f->kind == PCFUNC_MORESTACK || repeat)
			continue;
		w->last_kind = (int)f->kind;
		if (f->kind == PCFUNC_GOEXIT) /* a goroutine's first function */
			w->done = true;
		if (f->kind == PCFUNC_MAIN) { /* then the runtime.goexit frame, and the end */
			w->fp = NULL;
			w->last_kind = PCFUNC_GOEXIT;
		}
		return ret;
	}
	if (!w->done && w->last_kind == PCFUNC_GOEXIT && w->fp == NULL) {
		w->done = true;
		return (uintptr_t)&traceback_goexit + 1;
	}
	w->done = true;
	return 0;
}

/* ---- the runtime package's stack-walking API (stdlib/runtime/symtab.go) ----
 *
 * Callers' pcs are return addresses, one per logical frame as in gc: a return address whose row is
 * inside k inlined calls stands for k+1 frames, the outer ones tagged with their depth in the top
 * byte (PC_DEPTH_SHIFT), which FuncForPC and CallersFrames strip. gc gives such frames the address of
 * an inline mark instead; gocc has none (LLVM leaves no instruction at an inlined call). */
enum { PC_DEPTH_SHIFT = 56, PC_DEPTH_MASK = 0x3f };

/* The tag's bit 63: the return address lies just past its function's end (the call, of a function
 * that does not return, was the last instruction), so even FuncForPC looks it up at pc-1. */
#define PC_END ((uintptr_t)1 << 63)

static uintptr_t pc_strip(uintptr_t pc, int *depth)
{
	*depth = (int)((pc >> PC_DEPTH_SHIFT) & PC_DEPTH_MASK);
	return pc & (((uintptr_t)1 << PC_DEPTH_SHIFT) - 1);
}

/* The Go side's view of a frame (symtab.go frameRec: the same fields in order). */
typedef struct {
	uintptr_t pc, entry;
	GoString name, file;
	intgo line;
	intgo inlined;
} FrameRec;

enum { MAX_EXPAND = 16 }; /* inlined calls deeper than this lose their outermost frames */

/* Package initialisation as go1.19 shows it. gc's runtime.doInit calls each package's init
 * functions (P.init.N) and its variable initialisation (P.init), and runtime.main calls doInit at
 * proc.go:233; gocc's P.init does all of it and is called by C main. So a P.init frame that called
 * an init function or another package's P.init stands for runtime.doInit, and the C main frame
 * above initialisation is runtime.main at line 233 (with a doInit frame under it when P.init itself
 * is shown). The two pseudo functions below are never called: their address + 1 are those frames'
 * pcs, and the table names them (pctab.c). */
__attribute__((noinline, used)) void traceback_doinit(void)
{
	__asm__ volatile("nop; nop; nop; nop"); /* its pc + 1 lies inside */
}

__attribute__((noinline, used)) void traceback_main_init(void)
{
	__asm__ volatile("nop; nop; nop; nop"); /* its pc + 1 lies inside */
}

/* A compiler-made wrapper (lower names them X·ptrwrap, X·i, X·f, X·thunk; method values X-fm and
 * the thunks of `defer f(args)` and `go f(args)` X.deferwrapN and X.gowrapN, as gc): go1.19 shows
 * no frame for them in Callers, Caller and tracebacks, inlined or not. */
bool symtab_is_wrapper(GoString name)
{
	const char *s = (const char *)name.str;
	if (name.len > 3 && memcmp(s + name.len - 3, "-fm", 3) == 0)
		return true;
	for (intgo i = 0; i + 1 < name.len; i++) {
		if ((uint8_t)s[i] == 0xc2 && (uint8_t)s[i + 1] == 0xb7)
			return true;
		if (s[i] == '.' && name.len - i > 10 && memcmp(s + i, ".deferwrap", 10) == 0)
			return true;
		if (s[i] == '.' && name.len - i > 7 && memcmp(s + i, ".gowrap", 7) == 0)
			return true;
	}
	return false;
}

/* 1 if name is a package's init ("P.init"), 2 if an init function ("P.init.N"), else 0. */
static int init_kind(GoString name)
{
	const char *s = (const char *)name.str;
	intgo i = name.len;
	while (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9')
		i--;
	if (i < name.len && i > 6 && memcmp(s + i - 6, ".init.", 6) == 0)
		return 2;
	return name.len > 5 && memcmp(s + name.len - 5, ".init", 5) == 0 ? 1 : 0;
}

/* Where symtab_logical_callers puts its pcs: the first `skip` are dropped. */
typedef struct {
	uintptr_t *pcs;
	intgo skip, n, max;
} Out;

static void out_put(Out *o, uintptr_t pc)
{
	if (o->skip > 0)
		o->skip--;
	else if (o->n < o->max)
		o->pcs[o->n++] = pc;
}

/* The entry of the function containing pc, 0 for none. */
static uintptr_t entry_at(uintptr_t pc)
{
	PcFunc f;
	return symtab_findfunc(pc, &f) ? f.entry : 0;
}

/* The logical frames of the calling goroutine from the Go function that called the C function
 * whose frame is fp, skipping `skip`, into pcs (tagged as above). It streams (no array of the
 * whole stack): runtime C code may run on a small goroutine stack segment. */
int symtab_logical_callers(void **fp, intgo skip, uintptr_t *pcs, intgo max)
{
	Walker w = {fp, -1, false, false};
	Out o = {pcs, skip, 0, max};
	int prev = 0; /* init_kind of the newer logical frame; 3: it was a doInit frame */
	for (uintptr_t raw; o.n < o.max && (raw = walk_next(&w)) != 0;) {
		SymFrame fr[MAX_EXPAND];
		int k = symtab_frames(raw - 1, fr, MAX_EXPAND);
		uintptr_t end = entry_at(raw) != entry_at(raw - 1) ? PC_END : 0;
		for (int d = 0; d < k; d++) {
			if (symtab_is_wrapper(fr[d].name) || (!fr[d].inlined && fr[d].kind == PCFUNC_WRAPPER))
				continue;
			int kind = init_kind(fr[d].name);
			if (kind == 1 && prev >= 1) {
				out_put(&o, (uintptr_t)&traceback_doinit + 1);
				prev = 3;
				continue;
			}
			if (fr[d].kind == PCFUNC_MAIN && prev != 0) {
				if (prev == 1)
					out_put(&o, (uintptr_t)&traceback_doinit + 1);
				out_put(&o, (uintptr_t)&traceback_main_init + 1);
				prev = 0;
				continue;
			}
			out_put(&o, raw | ((uintptr_t)d << PC_DEPTH_SHIFT) | end);
			prev = kind;
		}
	}
	return (int)o.n;
}

GO_LINKNAME(symtab_callers, "runtime.callers");
typedef struct { void **fp; intgo skip; uintptr_t *pcs; intgo max, n; } CallersArgs;

static void callers_walk(void *arg)
{
	CallersArgs *a = arg;
	a->n = symtab_logical_callers(a->fp, a->skip, a->pcs, a->max);
}

RUNTIME_API __attribute__((noinline)) intgo symtab_callers(void *ctx, intgo skip, uintptr_t *pcs, intgo max)
{
	(void)ctx;
	CallersArgs a = {__builtin_frame_address(0), skip, pcs, max, 0};
	systemstack(callers_walk, &a); /* deep: not on a goroutine's small first segment (stack.c) */
	__asm__ volatile("" ::: "memory"); /* no tail call: this frame is the walk's start */
	return a.n;
}

bool symtab_frame(uintptr_t tagged, bool exact, SymFrame *out, uintptr_t *look_pc)
{
	int depth;
	uintptr_t pc = pc_strip(tagged, &depth);
	SymFrame fr[MAX_EXPAND];
	uintptr_t look = pc;
	if (!exact || (tagged & PC_END)) {
		PcFunc f;
		if (symtab_findfunc(pc - 1, &f) && pc > f.entry)
			look = pc - 1;
	}
	int k = symtab_frames(look, fr, MAX_EXPAND);
	if (k == 0)
		return false;
	if (depth >= k)
		depth = k - 1;
	*out = fr[depth];
	*look_pc = look | ((uintptr_t)depth << PC_DEPTH_SHIFT); /* FuncForPC(frame.PC) is this frame's */
	return true;
}

static bool frame_at(uintptr_t tagged, bool exact, FrameRec *out)
{
	SymFrame fr;
	if (!symtab_frame(tagged, exact, &fr, &out->pc))
		return false;
	out->entry = fr.entry;
	out->name = fr.name;
	out->file = fr.file;
	out->line = fr.line;
	out->inlined = fr.inlined;
	return true;
}

GO_LINKNAME(symtab_frameAt, "runtime.frameAt");
typedef struct { uintptr_t pc; bool exact; FrameRec *out; bool ok; } FrameAtArgs;

static void frame_at_sys(void *arg)
{
	FrameAtArgs *a = arg;
	a->ok = frame_at(a->pc, a->exact, a->out);
}

RUNTIME_API intgo symtab_frameAt(void *ctx, uintptr_t pc, intgo exact, FrameRec *out)
{
	(void)ctx;
	FrameAtArgs a = {pc, exact != 0, out, false};
	systemstack(frame_at_sys, &a); /* symtab_frame's 1 KiB: not on a small first segment */
	return a.ok;
}

/* runtime.notSupported(what): the runtime package's entry points that gocc does not implement yet
 * (stdlib/runtime/notyet.go) throw `fatal error: <what> is not supported yet` instead of answering
 * what gc never answers. */
#include "panic.h"
#include "print.h"

GO_LINKNAME(symtab_notSupported, "runtime.notSupported");
RUNTIME_API RUNTIME_NORET void symtab_notSupported(void *ctx, const uint8_t *p, int64_t len)
{
	(void)ctx;
	runtime_printlock();
	print_cstr("fatal error: ");
	runtime_printstring((GoString){p, len});
	print_cstr(" is not supported yet\n");
	runtime_printunlock();
	panic_start_dying();
	panic_finish(NULL, true);
}
