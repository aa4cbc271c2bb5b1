/*
 * mgc.c: the garbage collector (Go's mgc.go, mgcmark.go, mgcsweep.go's start; design in issue 8 and
 * DESIGN-NOTES.md "Garbage collection with LLVM").
 *
 * In: the heap of malloc.c/mheap.c, the roots (below) and a trigger: the allocator crossing the
 * pacer's goal, runtime.GC, debug.FreeOSMemory, or GODEBUG=goccgcstress=N. Out: every object no
 * longer reachable from the roots is freed (by the sweeper, lazily), objects with finalizers found
 * unreachable are queued for the finalizer goroutine (mfinal.c), and the statistics that
 * runtime.ReadMemStats and GODEBUG=gctrace=1 report.
 *
 * The one idea: a non-moving mark-sweep collector whose mark phase runs with the world stopped, and
 * whose sweep runs lazily while the program allocates.
 *
 * Phases of a cycle (gc_collect):
 *  1. Stop the world (proc.c's sched_stop_the_world): every P is idle, in a system call, or stopped
 *     in schedule(); every goroutine but the collecting one is parked with its registers saved on its
 *     stack. Then the heap lock, so threads without a P cannot allocate either.
 *  2. Flush every per-P cache (their spans back to the central lists), finish sweeping the previous
 *     cycle's spans, and advance sweepgen: every in-use span is now unswept, its alloc bits say what
 *     exists, its mark bits are clear.
 *  3. Mark from the roots, with an explicit mark stack (no recursion: the collector runs on the
 *     goroutine's stack headroom, 16 KiB):
 *       - package variables precisely, by the types of their GoPackage records (symtab.c); the rest
 *         of the executable's data and bss (__data_start.._end) and each M's static TLS block
 *         conservatively: the C runtime's variables live there (the itab table, the timer heap,
 *         the per-thread defer pools);
 *       - every G, M and the Sudogs a G waits on, conservatively (calloc'd scheduler records that
 *         hold closures, panic values, defer records);
 *       - every goroutine's stack segments, conservatively (stack.c's stack_scan_segments): LLVM
 *         gives no stack maps that survive optimisation, so any word that points into an allocated
 *         object keeps it alive. The collecting goroutine spills its registers first.
 *     Heap objects are scanned precisely by the type recorded at allocation (malloc.c: Span.types):
 *     word i of each element holds a pointer iff bit i of type->gcdata is set, for i < ptrdata/8;
 *     objects of untyped runtime allocations (MALLOC_CONSERVATIVE) are scanned word by word.
 *  4. Finalizers (Go's specials): each object with a finalizer that is still unmarked is queued to
 *     run and then marked with everything it reaches, so it survives this cycle; its finalizer record
 *     is gone, so the next cycle frees it if the finalizer did not resurrect it.
 *  5. The pacer (mgcpacer.c): goal = live x (1 + GOGC/100), at least 4 MiB, capped by GOMEMLIMIT.
 *     Statistics, the scavenger (free runs idle for a cycle back to the OS), unlock, start the world.
 *  6. Sweep, lazily (mheap.c): a span is swept when the allocator looks for room in its class or
 *     takes new pages (one span per span); runtime.GC finishes the sweep itself before returning, as
 *     gc's does.
 *
 * Invariants: marking happens only with the world stopped and the heap lock held; an object is
 * marked iff its mark bit is set in its span; an unswept span is never allocated from (caches get
 * swept spans only), so an object allocated after a mark is never freed by that mark's sweep.
 *
 * Interior pointers: any address inside an object keeps it alive (the page table finds the span in
 * O(1), a division the object). One past the end: a conservative root (stack word, register, global)
 * that points exactly at the start of an object also keeps the object before it alive, because
 * LLVM's loop code may hold only an end pointer while the object is still in use; heap words, written
 * by Go code as Go pointers, are taken as they are (go1.19's rule: the compiler never makes a
 * past-the-end pointer it stores).
 *
 * Rejected alternatives: a concurrent collector with write barriers (the compiler would have to emit
 * barriers on every pointer store, and LLVM would have to keep them: issue 8's later step); a copying
 * collector (conservative roots pin objects: they cannot move); precise stack maps via LLVM's
 * statepoints (they disable optimisations and gocc's segmented stacks are scanned whole anyway);
 * parallel marking on the stopped Ps (not yet: one marker is simpler to get right first); Boehm's
 * collector (a second allocator with no view of Go's types and no per-P caches).
 */
#include "malloc.h"

#include <link.h>
#include <stdlib.h>
#include <string.h>

#include "panic.h"
#include "scheduler.h"
#include "symtab.h"

uint32_t gc_stress;
uint64_t gc_workbuf_bytes;
static bool gctrace;

/* Statistics, written with the world stopped and the heap lock held, read under the heap lock. */
GcStats gc_stats;

static uint64_t goal = 4 << 20; /* atomic */

uint64_t gc_next_goal(void)
{
	return __atomic_load_n(&goal, __ATOMIC_RELAXED);
}

static uint64_t last_live; /* atomic: the bytes the last cycle marked */

void gc_retarget(void)
{
	__atomic_store_n(&goal, gcpacer_goal(__atomic_load_n(&last_live, __ATOMIC_RELAXED)), __ATOMIC_RELAXED);
}

static uintptr_t tls_size; /* the executable's static TLS block, below each thread's fs base */

static int find_tls(struct dl_phdr_info *info, size_t size, void *data)
{
	(void)size, (void)data;
	for (int i = 0; i < info->dlpi_phnum; i++)
		if (info->dlpi_phdr[i].p_type == PT_TLS) {
			uintptr_t align = info->dlpi_phdr[i].p_align ? info->dlpi_phdr[i].p_align : 1;
			tls_size = (info->dlpi_phdr[i].p_memsz + align - 1) & ~(align - 1);
		}
	return 1; /* the first object is the executable */
}

__attribute__((constructor)) static void gc_init(void)
{
	dl_iterate_phdr(find_tls, NULL);
	const char *d = getenv("GODEBUG");
	for (; d && *d;) {
		const char *e = strchr(d, ',');
		size_t n = e ? (size_t)(e - d) : strlen(d);
		if (n > 8 && strncmp(d, "gctrace=", 8) == 0)
			gctrace = d[8] != '0';
		if (n > 13 && strncmp(d, "goccgcstress=", 13) == 0)
			gc_stress = (uint32_t)strtoul(d + 13, NULL, 10);
		d = e ? e + 1 : NULL;
	}
	goal = gcpacer_goal(0);
}

uintptr_t gc_tls_size(void)
{
	return tls_size;
}

/* ---- marking ---- */

static uintptr_t *markstack;
static uintptr_t nmark, capmark;
static uint64_t marked_bytes;

static void push(uintptr_t obj)
{
	if (nmark == capmark) {
		uintptr_t cap = capmark ? 2 * capmark : 4096;
		uintptr_t *n = realloc(markstack, cap * sizeof *n);
		if (!n)
			panic_throw("runtime: out of memory (mark stack)");
		markstack = n;
		capmark = cap;
		gc_workbuf_bytes = cap * sizeof *n; /* MemStats.GCSys */
	}
	markstack[nmark++] = obj;
}

/* Marks the object holding p, if any (returns whether p is in an in-use span). past_end: a pointer
 * at an object's start also marks the object before it (the essay's policy for roots). */
static bool mark(uintptr_t p, bool past_end)
{
	Span *s = span_of(p);
	if (s == NULL || s->state != SPAN_INUSE || p < s->base ||
	    p >= s->base + (s->npages << MALLOC_PAGE_SHIFT))
		return false;
	uintptr_t off = p - s->base;
	uintptr_t i = s->sizeclass ? off / s->elemsize : 0;
	if (i >= s->nelems)
		return false;
	if (past_end && off == i * s->elemsize)
		mark(p - 1, false);
	if (!span_bit(s->allocbits, i) || span_bit(s->markbits, i))
		return true;
	s->markbits[i >> 6] |= (uint64_t)1 << (i & 63);
	marked_bytes += s->elemsize;
	if (!s->noscan)
		push(s->base + i * s->elemsize);
	return true;
}

/* A word of a root range. The world is stopped, but not every thread: sysmon, Ms without a P (parking
 * themselves under sched.lock: mput, m->locks) and Ms leaving a system call keep writing scheduler
 * words in the ranges scanned here (sched and the runtime's other globals in .bss, G and M records,
 * a P's status). Those words never hold heap pointers (G, M and P records are calloc'd), and an
 * aligned word load is never torn, so a stale value cannot lose an object: the read is racy by
 * design, and left out of ThreadSanitizer's view (libgocc_rt_tsan.a; docs/runtime.md). Heap objects
 * are read plainly: nothing writes them while the world is stopped. */
static __attribute__((no_sanitize_thread)) uintptr_t load_root_word(uintptr_t p)
{
	return *(uintptr_t *)p;
}

/* root: a root range (load_root_word, and the past-end policy of mark). */
static void scan_conservative(uintptr_t lo, uintptr_t hi, bool root)
{
	lo = (lo + 7) & ~(uintptr_t)7;
	for (uintptr_t p = lo; p + 8 <= hi; p += 8) {
		uintptr_t v = root ? load_root_word(p) : *(uintptr_t *)p;
		if (v >= mheap_.arena && v < mheap_.arena_used)
			mark(v, root);
	}
}

static void scan_root(uintptr_t lo, uintptr_t hi)
{
	scan_conservative(lo, hi, true);
}

static void scan_object(uintptr_t obj)
{
	Span *s = span_of(obj);
	uintptr_t i = s->sizeclass ? (obj - s->base) / s->elemsize : 0;
	const GoType *t = s->sizeclass ? s->types[i] : s->largetype;
	uintptr_t n = s->elemsize;
	if (t == NULL || t == MALLOC_CONSERVATIVE) {
		scan_conservative(obj, obj + n, false);
		return;
	}
	const uint8_t *bits = t->gcdata;
	uintptr_t words = t->ptrdata / 8, esize = t->size;
	for (uintptr_t e = obj; e + esize <= obj + n; e += esize)
		for (uintptr_t w = 0; w < words; w++)
			if (bits[w / 8] >> (w % 8) & 1) {
				uintptr_t v = ((uintptr_t *)e)[w];
				if (v >= mheap_.arena && v < mheap_.arena_used)
					mark(v, false);
			}
}

static void drain(void)
{
	while (nmark > 0)
		scan_object(markstack[--nmark]);
}

bool gc_marked(uintptr_t p)
{
	Span *s = span_of(p);
	if (s == NULL || s->state != SPAN_INUSE)
		return true;
	uintptr_t i = s->sizeclass ? (p - s->base) / s->elemsize : 0;
	return i >= s->nelems || span_bit(s->markbits, i);
}

void gc_mark_root(uintptr_t p)
{
	if (p >= mheap_.arena && p < mheap_.arena_used)
		mark(p, false);
	drain();
}

void gc_mark_referents(uintptr_t p)
{
	Span *s = span_of(p);
	if (s == NULL || s->state != SPAN_INUSE || s->noscan)
		return;
	uintptr_t i = s->sizeclass ? (p - s->base) / s->elemsize : 0;
	scan_object(s->base + i * s->elemsize);
	drain();
}

extern char __data_start[], _end[];

/* Package variables (symtab.c's GoPackage records), sorted by address, built at the first cycle. */
typedef struct Global {
	uintptr_t addr;
	const GoType *type;
} Global;
static Global *globals;
static size_t nglobals;

static int global_cmp(const void *a, const void *b)
{
	uintptr_t x = ((const Global *)a)->addr, y = ((const Global *)b)->addr;
	return x < y ? -1 : x > y;
}

static void find_globals(void)
{
	size_t npkg, n = 0;
	const GoPackage *pkgs = symtab_packages(&npkg);
	for (size_t i = 0; i < npkg; i++)
		n += pkgs[i].nglobals;
	globals = calloc(n ? n : 1, sizeof *globals);
	if (!globals)
		panic_throw("runtime: out of memory (globals)");
	for (size_t i = 0; i < npkg; i++) {
		const GoGlobal *g = pkgs[i].globals;
		for (uintptr_t k = 0; k < pkgs[i].nglobals; k++)
			if (g[k].type && (uintptr_t)g[k].addr >= (uintptr_t)__data_start &&
			    (uintptr_t)g[k].addr + g[k].type->size <= (uintptr_t)_end)
				globals[nglobals++] = (Global){(uintptr_t)g[k].addr, g[k].type};
	}
	qsort(globals, nglobals, sizeof *globals, global_cmp);
}

/* The data and bss roots: package variables precisely by their types, everything else there (the C
 * runtime's variables) conservatively. */
static void scan_data(void)
{
	if (globals == NULL)
		find_globals();
	uintptr_t p = (uintptr_t)__data_start;
	for (size_t i = 0; i < nglobals; i++) {
		Global g = globals[i];
		if (g.addr > p)
			scan_root(p, g.addr);
		if (g.addr + g.type->size > p)
			p = g.addr + g.type->size;
		const uint8_t *bits = g.type->gcdata;
		for (uintptr_t w = 0; w < g.type->ptrdata / 8; w++)
			if (bits[w / 8] >> (w % 8) & 1) {
				uintptr_t v = ((uintptr_t *)g.addr)[w];
				if (v >= mheap_.arena && v < mheap_.arena_used)
					mark(v, false);
			}
	}
	scan_root(p, (uintptr_t)_end);
}

static __attribute__((noinline)) void mark_roots(void)
{
	uintptr_t sp;
	__asm__ volatile("movq %%rsp, %0" : "=r"(sp));
	scan_data();
	drain();
	sched_gc_roots(scan_root, sp);
	drain();
	fin_gc_roots(); /* mfinal.c: finalizer functions, queued objects, and newly unreachable ones */
	drain();
}

/* ---- the cycle ---- */

/* A cycle; false when it was not run: not on a goroutine (package initialisers that run before the
 * scheduler: their thread stack is not a goroutine's, so it could not be scanned), or, for a
 * triggered cycle, another goroutine collected while this one waited to stop the world. */
bool gc_collect(bool forced)
{
	__builtin_unwind_init(); /* callee-saved registers spilled into this frame: scanned */
	G *gp = sched_getg();
	if (gp == NULL || gp->is_g0 || gp->stack == NULL)
		return false;
	uint64_t t0 = sched_nanotime();
	sched_stop_the_world();
	if (!forced && !gc_stress && AO_load(&mheap_.heap_live) < gc_next_goal() &&
	    (int64_t)AO_load(&mheap_.heap_live) <= gcpacer_memory_limit()) {
		sched_start_the_world();
		return false;
	}
	heap_lock();
	for (MCache *c = mheap_.caches; c; c = c->link)
		heap_flush_cache(c);
	GcCycle cy = {.start = (uint64_t)t0, .heap0 = AO_load(&mheap_.heap_live), .goal = gc_next_goal(),
		      .forced = forced};
	heap_start_cycle();
	heap_scavenge(false);
	mprof_cycle();
	marked_bytes = 0;
	cy.mark = (uint64_t)sched_nanotime();
	mark_roots();
	cy.markterm = (uint64_t)sched_nanotime();
	AO_store(&mheap_.heap_live, marked_bytes);
	__atomic_store_n(&last_live, marked_bytes, __ATOMIC_RELAXED);
	gc_retarget();
	cy.heap2 = marked_bytes;
	mstats_gc_done(&cy); /* pause, rings, NumGC, GCCPUFraction */
	if (gc_stress)
		heap_verify();
	heap_unlock();
	sched_start_the_world();
	if (gctrace)
		mstats_gctrace(&cy);
	fin_wake();
	return true;
}

/* runtime.GC: a full cycle, its sweep finished on return (gc's GC waits for the sweep too). */
void gc_full(void)
{
	if (!gc_collect(true))
		return;
	heap_lock();
	while (heap_sweep_one())
		;
	mprof_flush(); /* the heap profile as of this cycle, its frees included */
	heap_unlock();
}

/* Zeroes the stack just below the caller (Boehm's GC_clear_stack): the frames the collector is about
 * to push there would otherwise hold, in slots they never write, stale pointers left by calls that
 * already returned (a dropped slice, a dead local), which the conservative stack scan would keep
 * alive. 4 KiB: well inside the 16 KiB headroom the runtime's C code has below a Go frame. */
static __attribute__((noinline)) void clear_stack(void)
{
	volatile char buf[4096];
	memset((char *)buf, 0, sizeof buf);
	__asm__ volatile("" ::"r"(buf) : "memory");
}

static void collect_triggered(void *arg)
{
	(void)arg;
	clear_stack();
	gc_collect(false);
}

void gc_maybe_start(void)
{
	G *gp = sched_getg();
	if (gp == NULL || gp->is_g0 || gp->m == NULL || gp->m->p == NULL || gp->m->locks > 0)
		return;
	uint64_t live = AO_load(&mheap_.heap_live);
	bool over_limit = (int64_t)live > gcpacer_memory_limit();
	if (!gc_stress && !over_limit && (gcpacer_percent() < 0 || live < gc_next_goal()))
		return;
	stack_call_deep(collect_triggered, NULL); /* not on a goroutine's small first stack segment */
}

static void collect_full(void *arg)
{
	(void)arg;
	clear_stack();
	gc_full();
}

GO_LINKNAME(mgc_GC, "runtime.GC");
RUNTIME_API void mgc_GC(void *ctx)
{
	(void)ctx;
	stack_call_deep(collect_full, NULL);
}
