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
 * limit is base + STACK_HEADROOM: Go code stays above it, and the C runtime code that Go code calls
 * (no prologue check: the runtime is compiled normally) runs in the headroom below. The headroom
 * costs address space only: untouched pages are never resident. The first segment is
 * STACK_FIRST bytes, and each later one is four times the previous, up to STACK_MAX_SEG, and at least
 * the frame that asked for it. Segments of the four smallest sizes (32 KiB to 2 MiB) come from
 * slabs (one mmap of SLAB_BYTES carved into equal segments, MAP_NORESERVE, so 1,000,000 goroutines
 * cost one VMA per slab, not two per goroutine: vm.max_map_count is 65530 here); a freed small segment goes on its
 * size class's free list, and past FREE_WARM segments per class its pages are given back first
 * (madvise MADV_DONTNEED). Bigger segments are their own mapping and are unmapped when freed.
 * A chain whose total would pass STACK_LIMIT bytes ends the program with go1.19's
 * `runtime: goroutine stack exceeds 1000000000-byte limit` and `fatal error: stack overflow`.
 *
 * Measured (tools: runtime/testdata/goroutines_bench.c): a parked goroutine costs one resident page
 * of its first segment (the segment header and the top frames) plus its G: ~4.2 KB against
 * go1.19's 2.7 KB.
 * A first segment smaller than a page would need the C runtime to leave the goroutine stack for
 * anything deep (Go's systemstack), which gocc's runtime cannot promise for every entry point today.
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
 *    which the system linker (ld.bfd) does not do; a fixed headroom gives the same safety for the
 *    bounded runtime paths.
 */
#include "malloc.h" /* mstats_stack: MemStats.StackInuse, StackSys */
#include "scheduler.h"

#include <string.h>
#include <sys/mman.h>

#include "print.h"

#define STACK_HEADROOM ((size_t)16 << 10)
#define STACK_FIRST ((size_t)32 << 10)
#define STACK_MAX_SEG ((size_t)64 << 20)
#define SLAB_BYTES ((size_t)64 << 20)
#define FREE_WARM 64
#define STACK_LIMIT ((size_t)1000000000)
/* llc compares the stack pointer itself against the limit for frames below this size. */
#define SPLIT_STACK_AVAILABLE 256

typedef struct StackSeg {
	struct StackSeg *prev;  /* the older segment (toward the goroutine's entry) */
	struct StackSeg *next;  /* the newer segment, kept cached after a return, or NULL */
	uintptr_t base;
	size_t size;
	uintptr_t limit;        /* base + STACK_HEADROOM */
	void *old_sp;           /* unused slot kept for a debugger: the sp in prev when this one was entered */
} StackSeg;

/* Size classes of slab segments: STACK_FIRST << 2k. */
#define NCLASS 4
static struct {
	RtLock lock;
	StackSeg *free;      /* headers of free segments (their `prev` links the list) */
	int nfree;
	uintptr_t slab, slab_end;
} classes[NCLASS];

static int size_class(size_t size)
{
	for (int c = 0; c < NCLASS; c++)
		if (size == STACK_FIRST << (2 * c))
			return c;
	return -1;
}

static StackSeg *header_of(uintptr_t base, size_t size)
{
	StackSeg *s = (StackSeg *)((base + size - sizeof(StackSeg)) & ~(uintptr_t)15);
	s->base = base;
	s->size = size;
	s->limit = base + STACK_HEADROOM;
	s->prev = s->next = NULL;
	s->old_sp = NULL;
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
	if (classes[c].slab + size > classes[c].slab_end) {
		void *p = mmap(NULL, SLAB_BYTES, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
		if (p == MAP_FAILED) {
			lock_release(&classes[c].lock);
			out_of_memory();
		}
		classes[c].slab = (uintptr_t)p;
		classes[c].slab_end = (uintptr_t)p + SLAB_BYTES;
	}
	uintptr_t base = classes[c].slab;
	classes[c].slab += size;
	lock_release(&classes[c].lock);
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
	if (!warm) /* give the pages back, keep the header page's record */
		madvise((void *)base, size - 4096, MADV_DONTNEED);
	lock_acquire(&classes[c].lock);
	s->prev = classes[c].free;
	classes[c].free = s;
	classes[c].nfree++;
	lock_release(&classes[c].lock);
}

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

uintptr_t stack_init(G *gp)
{
	StackSeg *s = gp->stack_first;
	if (s == NULL)
		s = gp->stack_first = seg_alloc(STACK_FIRST);
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
	runtime_printuint(STACK_LIMIT);
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

	StackSeg *cur = gp->stack, *next = cur->next;
	size_t want = framesize + argsize + STACK_HEADROOM + 256;
	if (next && next->size < want) { /* cached, but too small for this frame */
		free_chain(next);
		next = cur->next = NULL;
	}
	if (next == NULL) {
		size_t size = cur->size * 4;
		if (size > STACK_MAX_SEG)
			size = STACK_MAX_SEG;
		while (size < want)
			size *= 2;
		if (gp->stack_total + size > STACK_LIMIT)
			stack_overflow(sp, cur);
		next = seg_alloc(size);
		next->prev = cur;
		cur->next = next;
	} else if (gp->stack_total + next->size > STACK_LIMIT) {
		stack_overflow(sp, cur);
	}
	if (next->next) { /* two steps ahead (or more, after a recovered panic): give them back */
		free_chain(next->next);
		next->next = NULL;
	}
	next->old_sp = (void *)sp;
	uintptr_t nsp = (seg_top(next) - ((argsize + 15) & ~(uintptr_t)15)) & ~(uintptr_t)15;
	memcpy((void *)nsp, args, argsize);
	gp->stack = next;
	gp->stack_total += next->size;
	gp->stack_limit = next->limit;
	set_tcb_limit(next->limit);
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
 * little below the stack pointer it had when the next was entered (__morestack's own frame) to its
 * top. Read-only. */
void stack_scan_segments(G *gp, uintptr_t sp, void (*scan)(uintptr_t lo, uintptr_t hi))
{
	StackSeg *s = gp->stack;
	if (!(sp >= s->base && sp < seg_top(s))) /* sp not on the current segment: scan it whole */
		sp = s->base;
	scan(sp, seg_top(s));
	for (StackSeg *n = s; n->prev; n = n->prev) {
		uintptr_t lo = (uintptr_t)n->old_sp - 1024;
		StackSeg *p = n->prev;
		if (!((uintptr_t)n->old_sp > p->base && (uintptr_t)n->old_sp <= seg_top(p)) || lo < p->base)
			lo = p->base;
		scan(lo, seg_top(p));
	}
}
