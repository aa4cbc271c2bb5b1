/*
 * stack.c: goroutine stacks as chains of segments (gccgo's split stacks; Go's stack.go does the same
 * job by copying).
 *
 * In: the split-stack prologue that llc emits for every Go function (the compiler sets the function
 * attribute "split-stack"): `cmp %fs:0x70,%rsp; jbe 1f; ... 1: mov $frame,%r10; mov $args,%r11;
 * call __morestack; ret`. %fs:0x70 is glibc's tcbhead_t.__private_ss, a word of the thread control
 * block that glibc leaves to split-stack runtimes; the scheduler stores the running goroutine's
 * limit there on every switch (proc.c) and 0 on the scheduler's own stack (g0), where no check can
 * fail. Out: a stack that grows by segments as deep as the program recurses, up to go1.19's limit.
 *
 * The one idea: when a frame does not fit above the limit, __morestack (asm_amd64.S) calls
 * stack_morestack, which moves the goroutine to the next segment of its chain (allocating it the
 * first time), copies the stack arguments there and returns the new stack pointer; __morestack runs
 * the function there and, when it returns, stack_lessstack moves the goroutine back. The segment
 * just left stays cached as the next one, so a call that repeatedly crosses a segment boundary
 * costs two short C calls, never a system call (no hot-split thrash); a segment two steps past the
 * current one is freed. Stacks never move, so pointers into a stack stay valid (sudog.elem relies on
 * it), which is what a copying design would have to fix up.
 *
 * Segments. Each segment is [base, base+size) with its header (StackSeg) in the top bytes; the
 * limit is base + the headroom: Go code stays above it, and the C runtime code that Go code calls
 * (no prologue check: the runtime is compiled normally) runs in the headroom below. A goroutine's
 * first segment is small: STACK_SMALL (2 KiB), SMALL_HEADROOM of it below the limit, carved two to a
 * page from slabs like gc's 2 KiB stackpool stacks, so a parked goroutine's stack costs 2 KiB of
 * resident memory, not the page a page-sized segment touches. Every later segment is STACK_FIRST
 * (32 KiB) or four times the previous, up to STACK_MAX_SEG, and at least the frame that asked for it,
 * with STACK_HEADROOM (16 KiB) below its limit. Goroutine 1 starts on a 32 KiB segment (the test
 * programs in runtime/testdata are C pretending to be Go, and it is one goroutine). Segments of the
 * five smallest sizes (2 KiB, 32 KiB to 2 MiB) come from slabs (one mmap of SLAB_BYTES carved into
 * equal segments, MAP_NORESERVE, so 1,000,000 goroutines cost one VMA per slab, not two per
 * goroutine: vm.max_map_count is 65530 here); a freed segment goes on its size class's free list,
 * and past FREE_WARM segments per class its pages are given back first (madvise MADV_DONTNEED, all
 * but the header's page; a 2 KiB segment shares its page and keeps it). Bigger segments are their
 * own mapping and are unmapped when freed. A chain whose total would pass the limit (1 GB, or debug.SetMaxStack's) ends the
 * program with go1.19's `runtime: goroutine stack exceeds 1000000000-byte limit` and `fatal error:
 * stack overflow`.
 *
 * Deep C code. 1.25 KiB of headroom holds the shallow runtime paths Go code calls (channel
 * operations and parking, the allocator's fast path, map and string operations, printing); Go
 * frames under 256 bytes may also reach 256 bytes below the limit (the prologue compares sp alone).
 * What is deeper leaves the small segment: systemstack(fn, arg) runs fn on the M's scheduler stack
 * (g0's, idle while a goroutine runs; ctx_systemstack in asm_amd64.S) for C code that neither parks
 * nor calls Go code (the allocator's span refill and large allocation, runqputslow's batch, thread
 * creation, runtime.Callers/Stack/frameAt's symbol-table walks, ReadMemStats, the memory profiler's
 * walk; m->locks is held there, so nothing collects or yields); stack_call_deep(fn, arg) runs fn on
 * the goroutine's next segment, entered as __morestack enters it, for deep code that may park or
 * call Go code (the collector's stop-the-world cycle and its gc_clear_stack, GOMAXPROCS, runtime/metrics'
 * 6 KiB snapshot, the finalizer goroutine, the fatal panic report). Programs are linked -z now: lazy binding's resolver
 * saves the whole vector state (~1 KiB) on whatever stack first calls a libc function. The word at a
 * small segment's base is a canary: C code that overran the headroom is reported (`fatal error: stack
 * headroom overflow`) when its goroutine next parks, grows, leaves systemstack or exits, a runtime
 * bug made loud rather than a neighbour's stack corrupted unnoticed; STACK_DEBUG puts a guard page
 * below each small segment to find the path (how the paths above were found: the go/ and corpus/
 * ctests run clean with it, goroutine 1 also on a small segment, 2026-12-06). A ThreadSanitizer build keeps 32 KiB first segments: TSan's own
 * runtime (fiber creation, reports) runs deep on the goroutine's stack.
 *
 * Measured (testdata/bench/parked_goroutines.go, peak RSS / 1,000,000, medians of 3, 2026-12-06):
 * 2.42 KB per parked goroutine (its 2 KiB segment and its G) against go1.19's 2.74 KB, ratio 0.88;
 * with 32 KiB first segments it was 4.2 KB (one resident page each).
 *
 * Invariants. A goroutine's `stack` is the segment holding its stack pointer whenever Go code runs
 * (the scheduler's %fs:0x70 store uses its `stack_limit`); `stack_total` is the size of the chain
 * from the first segment to `stack`. Only the goroutine itself changes its chain (on its own stack,
 * or on g0 after it stopped running for good), so there is no lock, except the size-class free lists.
 * A deferred call that recovers resumes a frame on an older segment: defer.c calls stack_unwind(sp)
 * first, which makes that segment current again.
 *
 * Rejected alternatives.
 *  - One big stack per goroutine in a reservation with guard pages: two VMAs per goroutine caps a
 *    program near 32k goroutines; without guard pages an overflow corrupts the neighbour.
 *  - Go's contiguous stacks, copied on growth: needs exact stack maps to fix pointers into the stack,
 *    which LLVM does not give; every pointer to a stack slot (sudogs, the defer records) would break.
 *  - Compiling the runtime itself with -fsplit-stack: every runtime function would pay the check,
 *    and its calls into libc (not split-stack) need the gold linker's __morestack_non_split rewrite,
 *    which the system linker (ld.bfd) does not do; a fixed headroom plus systemstack for the deep
 *    paths gives the same safety for the bounded runtime paths.
 *  - A page-sized (or larger) first segment with the 16 KiB headroom of the others: one resident
 *    page per parked goroutine, 4.2 KB with its G against go1.19's 2.7 KB.
 *  - Running every runtime entry point on g0: the channel and semaphore paths park, which g0
 *    cannot, and the switch would cost the fast paths two stack switches each.
 */
#include "malloc.h" /* mstats_stack: MemStats.StackInuse, StackSys */
#include "scheduler.h"

#include <string.h>
#include <sys/mman.h>

#include "print.h"

#define STACK_HEADROOM ((size_t)16 << 10)
#define STACK_SMALL ((size_t)2 << 10)
#define SMALL_HEADROOM ((size_t)1280)
#define STACK_FIRST ((size_t)32 << 10)
#define STACK_MAX_SEG ((size_t)64 << 20)
#define SLAB_BYTES ((size_t)64 << 20)
#define FREE_WARM 64
/* llc compares the stack pointer itself against the limit for frames below this size. */
#define SPLIT_STACK_AVAILABLE 256
/* The word at the base of every small segment: C code that ran past its headroom overwrote it. */
#define STACK_CANARY ((uintptr_t)0x5354414b43414e59)
/* STACK_DEBUG 1: each small segment sits in an 8 KiB slot just above an inaccessible page, so C code
 * that runs past its headroom faults there at once (run under gdb for the backtrace): the way to find
 * a runtime path that needs systemstack. Two VMAs per goroutine: for tests only. */
#define STACK_DEBUG 0
#define SMALL_SLOT (STACK_DEBUG ? (size_t)8 << 10 : STACK_SMALL)

/* The limit on a goroutine's chain of segments: go1.19's maxstacksize, 1 GB, changed by
 * runtime/debug.SetMaxStack (stack_setMaxStack below). Read without a lock: a new limit applies
 * from the next growth on. */
static size_t max_stack = 1000000000;

static size_t stack_limit(void)
{
	return __atomic_load_n(&max_stack, __ATOMIC_RELAXED);
}

typedef struct StackSeg {
	struct StackSeg *prev;  /* the older segment (toward the goroutine's entry) */
	struct StackSeg *next;  /* the newer segment, kept cached after a return, or NULL */
	uintptr_t base;
	uint32_t size;
	uint32_t small;         /* a small first segment (canary at base, no pages of its own) */
	uintptr_t limit;        /* base + the headroom */
	void *old_sp;           /* the sp in prev when this one was entered */
	void *scan_lo;          /* where the live part of prev begins (stack_scan_segments), or NULL:
				 * old_sp less __morestack's frame */
} StackSeg;

/* Size classes of slab segments: class 0 is STACK_SMALL, class c > 0 is STACK_FIRST << 2(c-1). */
#define NCLASS 5
static struct {
	RtLock lock;
	StackSeg *free;      /* headers of free segments (their `prev` links the list) */
	int nfree;
	uintptr_t slab, slab_end;
} classes[NCLASS];

static size_t class_size(int c)
{
	return c == 0 ? STACK_SMALL : STACK_FIRST << (2 * (c - 1));
}

static int size_class(size_t size)
{
	for (int c = 0; c < NCLASS; c++)
		if (size == class_size(c))
			return c;
	return -1;
}

static StackSeg *header_of(uintptr_t base, size_t size)
{
	StackSeg *s = (StackSeg *)((base + size - sizeof(StackSeg)) & ~(uintptr_t)15);
	s->base = base;
	s->size = (uint32_t)size;
	s->small = size == STACK_SMALL;
	s->limit = base + (s->small ? SMALL_HEADROOM : STACK_HEADROOM);
	s->prev = s->next = NULL;
	s->old_sp = s->scan_lo = NULL;
	if (s->small)
		*(uintptr_t *)base = STACK_CANARY;
	return s;
}

static RUNTIME_NORET void out_of_memory(void)
{
	panic_throw("out of memory allocating stack");
}

static StackSeg *seg_alloc(size_t size)
{
	int c = size_class(size);
	if (c < 0) {
		void *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
			       -1, 0);
		if (p == MAP_FAILED)
			out_of_memory();
		mstats_stack((intptr_t)size, (intptr_t)size);
		return header_of((uintptr_t)p, size);
	}
	lock_acquire(&classes[c].lock);
	StackSeg *s = classes[c].free;
	if (s) {
		classes[c].free = s->prev;
		classes[c].nfree--;
		lock_release(&classes[c].lock);
		mstats_stack((intptr_t)size, 0);
		return header_of(s->base, size);
	}
	size_t slot = c == 0 ? SMALL_SLOT : size;
	if (classes[c].slab + slot > classes[c].slab_end) {
		void *p = mmap(NULL, SLAB_BYTES, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
		if (p == MAP_FAILED) {
			lock_release(&classes[c].lock);
			out_of_memory();
		}
		classes[c].slab = (uintptr_t)p;
		classes[c].slab_end = (uintptr_t)p + SLAB_BYTES;
	}
	uintptr_t base = classes[c].slab + slot - size;
	classes[c].slab += slot;
	lock_release(&classes[c].lock);
	if (STACK_DEBUG && c == 0) { /* the page below the segment faults: gdb shows who overran */
		base = classes[c].slab - slot + 4096;
		mprotect((void *)(base - 4096), 4096, PROT_NONE);
	}
	mstats_stack((intptr_t)size, (intptr_t)size);
	return header_of(base, size);
}

static void seg_free(StackSeg *s)
{
	uintptr_t base = s->base;
	size_t size = s->size;
	int c = size_class(size);
	if (c < 0) {
		munmap((void *)base, size);
		mstats_stack(-(intptr_t)size, -(intptr_t)size);
		return;
	}
	mstats_stack(-(intptr_t)size, 0);
	lock_acquire(&classes[c].lock);
	bool warm = classes[c].nfree < FREE_WARM;
	lock_release(&classes[c].lock);
	if (!warm && c > 0) /* give the pages back, keep the header page's record */
		madvise((void *)base, size - 4096, MADV_DONTNEED);
	lock_acquire(&classes[c].lock);
	s->prev = classes[c].free;
	classes[c].free = s;
	classes[c].nfree++;
	lock_release(&classes[c].lock);
}

void ctx_systemstack(void (*fn)(void *), void *arg, uintptr_t sp, void **saved); /* asm_amd64.S */

static inline void set_tcb_limit(uintptr_t limit)
{
	__asm__ volatile("movq %0, %%fs:0x70" ::"r"(limit) : "memory");
}

/* The highest 16-byte aligned stack pointer of s (just below its header). */
static uintptr_t seg_top(StackSeg *s)
{
	return (uintptr_t)s & ~(uintptr_t)15;
}

/* Frees s and the segments after it. */
static void free_chain(StackSeg *s)
{
	while (s) {
		StackSeg *n = s->next;
		seg_free(s);
		s = n;
	}
}

/* C code ran past a small segment's headroom: a runtime path that should have used systemstack. The
 * neighbouring segment may be damaged, so this is fatal. */
static void check_canary(StackSeg *s)
{
	if (!s->small || *(uintptr_t *)s->base == STACK_CANARY)
		return;
	panic_throw("stack headroom overflow (a runtime path missing systemstack)");
}

void stack_check(G *gp)
{
	if (gp->stack_first)
		check_canary(gp->stack_first);
}

uintptr_t stack_init(G *gp, bool small)
{
#ifdef GOCC_TSAN
	small = false; /* ThreadSanitizer's own runtime (fiber switches, reports) is deep */
#endif
	StackSeg *s = gp->stack_first;
	if (s == NULL)
		s = gp->stack_first = seg_alloc(small ? STACK_SMALL : STACK_FIRST);
	else if (s->next) {
		free_chain(s->next);
		s->next = NULL;
	}
	gp->stack = s;
	gp->stack_limit = s->limit;
	gp->stack_total = s->size;
	return seg_top(s);
}

void stack_free(G *gp, bool keep_first)
{
	StackSeg *s = gp->stack_first;
	if (s == NULL)
		return;
	stack_check(gp);
	free_chain(s->next);
	s->next = NULL;
	if (!keep_first) {
		seg_free(s);
		gp->stack_first = NULL;
	}
	gp->stack = NULL;
}

static RUNTIME_NORET void stack_overflow(uintptr_t sp, StackSeg *s)
{
	panic_start_dying();
	runtime_printlock();
	print_cstr("runtime: goroutine stack exceeds ");
	runtime_printuint(stack_limit());
	print_cstr("-byte limit\nruntime: sp=");
	print_hex(sp);
	print_cstr(" stack=[");
	print_hex(s->base);
	print_cstr(", ");
	print_hex(s->base + s->size);
	print_cstr("]\nfatal error: stack overflow\n");
	runtime_printunlock();
	panic_finish(NULL, true);
}

/* Moves gp, whose stack pointer is sp, to the next segment of its chain, one of at least `want`
 * bytes (the cached one, or a new one), and makes it current. */
static StackSeg *enter_next(G *gp, uintptr_t sp, size_t want)
{
	StackSeg *cur = gp->stack, *next = cur->next;
	if (next && next->size < want) { /* cached, but too small for this frame */
		free_chain(next);
		next = cur->next = NULL;
	}
	check_canary(cur);
	if (next == NULL) {
		size_t size = cur->small ? STACK_FIRST : (size_t)cur->size * 4;
		if (size > STACK_MAX_SEG)
			size = STACK_MAX_SEG;
		while (size < want)
			size *= 2;
		if (gp->stack_total + size > stack_limit())
			stack_overflow(sp, cur);
		next = seg_alloc(size);
		next->prev = cur;
		cur->next = next;
	} else if (gp->stack_total + next->size > stack_limit()) {
		stack_overflow(sp, cur);
	}
	if (next->next) { /* two steps ahead (or more, after a recovered panic): give them back */
		free_chain(next->next);
		next->next = NULL;
	}
	next->old_sp = (void *)sp;
	next->scan_lo = NULL;
	gp->stack = next;
	gp->stack_total += next->size;
	gp->stack_limit = next->limit;
	set_tcb_limit(next->limit);
	return next;
}

/* Called by __morestack on the current segment's headroom. args points to the function's stack
 * arguments (argsize bytes) in the caller's frame. Returns the stack pointer to call the function
 * with on the next segment, the arguments copied to it; or 0 when the frame fits where it is. */
uintptr_t stack_morestack(uintptr_t framesize, uintptr_t argsize, void *args)
{
	G *gp = sched_getg();
	uintptr_t limit;
	__asm__ volatile("movq %%fs:0x70, %0" : "=r"(limit));
	if (gp && gp->is_g0 && limit == UINTPTR_MAX) {
		/* a late preemption request: preemptone read m->curg just before this M switched to g0
		 * (whose limit is 0), then poisoned the limit. g0 has no limit: undo it and go on. */
		set_tcb_limit(0);
		return 0;
	}
	if (gp == NULL || gp->is_g0 || gp->stack == NULL)
		panic_throw("morestack on g0");
	uintptr_t sp = (uintptr_t)args - 8; /* the function's stack pointer at its entry */
	uintptr_t need = framesize < SPLIT_STACK_AVAILABLE ? 0 : framesize;
	if (__atomic_load_n(&gp->preempt, __ATOMIC_RELAXED)) {
		/* sysmon poisoned the limit to stop us here: yield (unless the runtime code that
		 * called this function holds a lock), then see whether the frame fits */
		__atomic_store_n(&gp->preempt, false, __ATOMIC_RELAXED);
		set_tcb_limit(gp->stack_limit);
		if (gp->m->locks == 0)
			sched_gosched();
	}
	if (sp - need > gp->stack_limit && sp > gp->stack_limit)
		return 0;

	StackSeg *next = enter_next(gp, sp, framesize + argsize + STACK_HEADROOM + 256);
	uintptr_t nsp = (seg_top(next) - ((argsize + 15) & ~(uintptr_t)15)) & ~(uintptr_t)15;
	memcpy((void *)nsp, args, argsize);
	return nsp;
}
/* The function __morestack called on the newer segment returned: back to the older one. The newer
 * segment stays cached as `next`. */
void stack_lessstack(void)
{
	G *gp = sched_getg();
	StackSeg *s = gp->stack;
	gp->stack_total -= s->size;
	gp->stack = s->prev;
	gp->stack_limit = s->prev->limit;
	set_tcb_limit(gp->stack_limit);
}

/* Runs fn(arg) on the M's scheduler stack (g0's, unused while a goroutine runs) when called on a
 * goroutine's stack, else right here (Go's systemstack). The goroutine stays the running G
 * (sched_getg), so fn may allocate and take locks, but it must not park, call Go code, or recover:
 * what runs here is deep C code that a small first segment has no room for. The goroutine's
 * callee-saved registers are pushed on its own stack first, so the collector's conservative scan of
 * its segments (the whole current one when the sp is elsewhere) still sees them. */
void systemstack(void (*fn)(void *), void *arg)
{
	G *gp = sched_getg();
	uintptr_t sp = (uintptr_t)__builtin_frame_address(0);
	if (gp == NULL || gp->is_g0 || gp->stack == NULL || sp < gp->stack->base ||
	    sp >= seg_top(gp->stack)) { /* g0, a thread before the scheduler, or already switched */
		fn(arg);
		return;
	}
	M *mp = gp->m;
	mp->locks++; /* no collection, no preemption in there: both would park */
	ctx_systemstack(fn, arg, mp->g0_sp, NULL);
	mp->locks--;
	check_canary(gp->stack);
}

/* Runs fn(arg) with a full segment's headroom below: when the goroutine is on its small first
 * segment, on the next segment of its chain, entered as __morestack enters it (so fn may do anything
 * Go code may: park, call Go code, panic; stack_unwind takes a recovered frame back). For the deep
 * runtime paths that may park (the collector's stop-the-world), where systemstack cannot go. */
void stack_call_deep(void (*fn)(void *), void *arg)
{
	G *gp = sched_getg();
	uintptr_t sp = (uintptr_t)__builtin_frame_address(0);
	if (gp == NULL || gp->is_g0 || gp->stack == NULL || !gp->stack->small || sp < gp->stack->base ||
	    sp >= seg_top(gp->stack)) {
		fn(arg);
		return;
	}
	StackSeg *next = enter_next(gp, sp, STACK_FIRST);
	ctx_systemstack(fn, arg, seg_top(next), &next->scan_lo);
	stack_lessstack();
}

/* A recovered panic resumes a frame whose stack pointer is sp, possibly on an older segment. */
void stack_unwind(void *sp)
{
	G *gp = sched_getg();
	uintptr_t p = (uintptr_t)sp;
	StackSeg *s = gp->stack;
	if (s == NULL)
		return;
	while (s && !(p >= s->base && p < s->base + s->size)) {
		gp->stack_total -= s->size;
		s = s->prev;
	}
	if (s == NULL)
		panic_throw("stack_unwind: frame not on the goroutine's stack");
	/* The newer segments stay chained as the cache: the panic that got us here is still running on
	 * one of them. The next morestack from s frees all but one (free_chain). */
	gp->stack = s;
	gp->stack_limit = s->limit;
	set_tcb_limit(s->limit);
}

/* The collector's view of gp's stack (mgc.c, world stopped): scan(lo, hi) for the live part of each
 * segment of its chain, newest first: [sp, top) of the current one, and for each older one from a
 * little below the stack pointer it had when the next was entered (__morestack's own frame; for
 * stack_call_deep, exactly from the registers ctx_systemstack pushed) to its top. Read-only. */
void stack_scan_segments(G *gp, uintptr_t sp, void (*scan)(uintptr_t lo, uintptr_t hi))
{
	StackSeg *s = gp->stack;
	if (!(sp >= s->base && sp < seg_top(s))) /* sp not on the current segment: scan it whole */
		sp = s->base;
	scan(sp, seg_top(s));
	for (StackSeg *n = s; n->prev; n = n->prev) {
		uintptr_t lo = n->scan_lo ? (uintptr_t)n->scan_lo : (uintptr_t)n->old_sp - 1024;
		StackSeg *p = n->prev;
		if (!((uintptr_t)n->old_sp > p->base && (uintptr_t)n->old_sp <= seg_top(p)) || lo < p->base)
			lo = p->base;
		scan(lo, seg_top(p));
	}
}

/* runtime/debug.SetMaxStack's hook (go1.19's setMaxStack): the new limit, the old one returned. */
GO_LINKNAME(stack_setMaxStack, "runtime/debug.setMaxStack");
RUNTIME_API intgo stack_setMaxStack(void *ctx, intgo in)
{
	(void)ctx;
	return (intgo)__atomic_exchange_n(&max_stack, (size_t)in, __ATOMIC_RELAXED);
}
