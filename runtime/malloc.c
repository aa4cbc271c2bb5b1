/*
 * malloc.c: heap allocation (Go's malloc.go and slice.go: mallocgc, newobject, makeslice, growslice).
 *
 * The chokepoint. runtime_mallocgc(size, type, needzero) is the one function through which every
 * Go-visible byte is allocated. It takes the type descriptor (NULL = the object holds no pointers)
 * even though v0 ignores it, because the collector that replaces this file needs it: precise heap
 * scanning reads type->gcdata, and a pointer-free object can skip scanning entirely. Keeping the
 * signature type-aware now means no call site changes when the GC arrives.
 *
 * v0 algorithm: bump allocation, no collection. Memory comes from the kernel in 64 MiB anonymous
 * MAP_NORESERVE chunks (zeroed by the kernel, committed lazily page by page, so a small program
 * touches only what it uses). An allocation rounds the chunk's cursor up to the object's alignment
 * and advances it. Objects above 1 MiB get a mapping of their own, so a huge slice neither wastes the
 * tail of a chunk nor forces the chunk size up; what is left at the end of a chunk when the next
 * object does not fit (at most 1 MiB of 64) is abandoned. Nothing is ever freed or reused, hence
 * every byte handed out is still zero and `needzero` costs nothing.
 *
 * Threads. Every thread that allocates (an M, or any thread C code runs Go code on) has its own
 * MCache: its current chunk and its own counters, reached through a thread-local pointer, so the fast
 * path takes no lock and no atomic instruction, as gc's per-P mcache. The MCache lives at the start of
 * the thread's first chunk and is pushed once (a compare-and-swap) onto mheap_.caches, the list
 * ReadMemStats sums. A goroutine is not switched to another thread in the middle of mallocgc (no
 * safepoint in C), so the thread's cache is never used by two threads at once.
 *
 * Invariants: for each cache, next <= end, and only its thread writes it; its counters are written by
 * that thread alone (a load and a store: single writer) and read by anyone with AO_load, so a reader
 * sees each counter whole, possibly a little behind; mheap_'s own counters (sys, large) and its list
 * are updated with atomics only; every object handed out is counted once (zero-sized ones excepted,
 * as in Go).
 *
 * Rejected: malloc(3). It would be smaller to write but hides the address ranges a conservative stack
 * scan needs, cannot give size-class spans later, and costs a header per object. Rejected too: a
 * per-size-class free-list allocator now; without a GC nothing is ever freed, so it would be complexity
 * with no benefit until mheap.c/mcache.c arrive with the collector. Rejected for threads: one lock
 * around the bump pointer (every allocation would pay for it and contend on one cache line), and
 * one atomic fetch-and-add on a shared cursor (no lock, but the same contended line); per-thread
 * chunks cost at most one partly used chunk per thread (virtual memory only: MAP_NORESERVE). A
 * thread that exits leaves its cache on the list (its counters still count) and its tail unused.
 *
 * growslice follows go1.19 exactly (doubling below 256 elements, the smooth 1.25x formula above,
 * then rounding the byte size up to a size class) because programs print cap() after append.
 */
#include "malloc.h"

#include <string.h>
#include <atomic_ops.h>
#include <sys/mman.h>

#include "panic.h"

#define CHUNK_SIZE ((uintptr_t)64 << 20)
#define LARGE_OBJECT ((uintptr_t)1 << 20)
#define OS_PAGE 4096

MHeap mheap_;               /* guarded by: atomics only (AO_*) */
uintptr_t malloc_zerobase;  /* never written */

/* A thread's allocation state (gc's mcache). */
typedef struct MCache {
	uintptr_t next, end;      /* this thread's current chunk: next free byte, end */
	AO_t mallocs;             /* objects handed out by this thread (single writer) */
	AO_t total_alloc;         /* bytes handed out by this thread (single writer) */
	struct MCache *link;      /* mheap_.caches, newest first; set before publication, then constant */
} MCache;

/* Guarded by: being thread-local (each thread its own; NULL until the thread's first allocation). */
static _Thread_local MCache *mcache;

/* go1.19 runtime/sizeclasses.go. */
static const uint16_t class_to_size[] = {
	0, 8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256, 288, 320,
	352, 384, 416, 448, 480, 512, 576, 640, 704, 768, 896, 1024, 1152, 1280, 1408, 1536, 1792, 2048,
	2304, 2688, 3072, 3200, 3456, 4096, 4864, 5376, 6144, 6528, 6784, 6912, 8192, 9472, 9728, 10240,
	10880, 12288, 13568, 14336, 16384, 18432, 19072, 20480, 21760, 24576, 27264, 28672, 32768,
};
#define NUM_SIZE_CLASSES (sizeof class_to_size / sizeof class_to_size[0])

uintptr_t malloc_roundupsize(uintptr_t size)
{
	if (size < MALLOC_MAX_SMALL_SIZE) {
		/* smallest class that fits: the classes are sorted, a binary search is exact */
		size_t lo = 0, hi = NUM_SIZE_CLASSES - 1;
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;
			if (class_to_size[mid] < size)
				lo = mid + 1;
			else
				hi = mid;
		}
		return class_to_size[lo];
	}
	if (size + MALLOC_PAGE_SIZE < size)
		return size;
	return (size + MALLOC_PAGE_SIZE - 1) & ~(uintptr_t)(MALLOC_PAGE_SIZE - 1);
}

enum { HUGE_PAGE = 2 << 20 };

/* Fresh zeroed memory from the kernel, or a fatal "out of memory" (Go's sysAlloc + throw). */
static void *sys_alloc(uintptr_t size)
{
	void *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
		       -1, 0);
	if (p == MAP_FAILED)
		panic_throw("runtime: out of memory");
	/* Like Go's sysHugePage: heap mappings of 2 MiB or more ask for transparent huge pages, which
	 * kernels configured as "madvise" (this machine's default) give only on request. Without them a
	 * program streaming through a large array pays a TLB miss per 4 KiB. Advice only: ignore errors. */
	if (size >= HUGE_PAGE)
		madvise(p, size, MADV_HUGEPAGE);
	AO_fetch_and_add(&mheap_.sys, size);
	return p;
}

static void *large_alloc(uintptr_t size)
{
	if (size > MALLOC_MAX_ALLOC)
		panic_throw("runtime: out of memory");
	AO_fetch_and_add1(&mheap_.large);
	return sys_alloc((size + OS_PAGE - 1) & ~(uintptr_t)(OS_PAGE - 1));
}

/* The thread's first allocation: its cache, at the start of its first chunk, joins mheap_.caches. */
static MCache *mcache_init(void)
{
	MCache *c = sys_alloc(CHUNK_SIZE);
	c->next = ((uintptr_t)(c + 1) + 15) & ~(uintptr_t)15;
	c->end = (uintptr_t)c + CHUNK_SIZE;
	AO_t head;
	do {
		head = AO_load(&mheap_.caches);
		c->link = (MCache *)head;
	} while (!AO_compare_and_swap_release(&mheap_.caches, head, (AO_t)c));
	mcache = c;
	return c;
}

/* The current chunk cannot hold the object: start a new one (the old tail is abandoned). */
static void refill(MCache *c)
{
	uintptr_t base = (uintptr_t)sys_alloc(CHUNK_SIZE);
	c->next = base;
	c->end = base + CHUNK_SIZE;
}

/* A counter written by its thread alone: no read-modify-write instruction needed. */
static inline void count(AO_t *counter, AO_t n)
{
	AO_store(counter, AO_load(counter) + n);
}

void malloc_counts(uint64_t *mallocs, uint64_t *total_alloc)
{
	uint64_t n = 0, bytes = 0;
	for (MCache *c = (MCache *)AO_load_acquire(&mheap_.caches); c; c = c->link) {
		n += AO_load(&c->mallocs);
		bytes += AO_load(&c->total_alloc);
	}
	*mallocs = n;
	*total_alloc = bytes;
}

void *runtime_mallocgc(uintptr_t size, const GoType *type, _Bool needzero)
{
	(void)type;     /* the collector will scan by type->gcdata; v0 never scans */
	(void)needzero; /* v0 memory is always fresh from the kernel, hence zero */
	if (size == 0)
		return &malloc_zerobase;
	MCache *c = mcache;
	if (c == NULL)
		c = mcache_init();
	count(&c->mallocs, 1);
	count(&c->total_alloc, size);
	if (size > LARGE_OBJECT)
		return large_alloc(size);

	uintptr_t align = size < 16 ? 8 : 16;
	uintptr_t p = (c->next + align - 1) & ~(align - 1);
	if (p + size > c->end) {
		refill(c);
		p = c->next;
	}
	c->next = p + size;
	return (void *)p;
}

void *runtime_newobject(const GoType *type)
{
	return runtime_mallocgc(type->size, type->ptrdata ? type : NULL, true);
}

/* make([]T, len, cap). A too-large cap that the user did not spell (make([]T, n)) is reported as a
 * len error, as Go does (golang.org/issue/4085): both checks are redone for len first. */
void *runtime_makeslice(const GoType *elem, intgo len, intgo cap)
{
	uintptr_t mem;
	bool overflow = __builtin_mul_overflow(elem->size, (uintptr_t)cap, &mem);
	if (overflow || mem > MALLOC_MAX_ALLOC || len < 0 || len > cap) {
		overflow = __builtin_mul_overflow(elem->size, (uintptr_t)len, &mem);
		if (overflow || mem > MALLOC_MAX_ALLOC || len < 0)
			runtime_panicmakeslicelen();
		runtime_panicmakeslicecap();
	}
	return runtime_mallocgc(mem, elem->ptrdata ? elem : NULL, true);
}

/* go1.19 growslice's capacity rule, before size-class rounding. */
static intgo next_capacity(intgo oldcap, intgo newlen)
{
	enum { THRESHOLD = 256 };
	intgo newcap = oldcap;
	intgo doublecap = newcap + newcap;
	if (newlen > doublecap)
		return newlen;
	if (oldcap < THRESHOLD)
		return doublecap;
	/* 0 < newcap detects overflow and prevents an infinite loop */
	while (0 < newcap && newcap < newlen)
		newcap += (newcap + 3 * THRESHOLD) / 4; /* smooth transition from 2x to 1.25x */
	return newcap <= 0 ? newlen : newcap;
}

/* append's slow path: *out = a copy of old (oldlen elements) in a new array with room for at least
 * newlen elements, and len newlen. Go specialises the size arithmetic for element sizes 1, 8 and
 * powers of two; those are only faster ways to compute the same numbers, so one path serves all. */
void runtime_growslice(void *out, const GoType *elem, void *oldptr, intgo oldlen, intgo oldcap,
		       intgo newlen)
{
	static const RuntimeError cap_error = {.kind = ERR_STRING, .msg = "growslice: cap out of range"};
	GoSlice *s = out;
	if (newlen < oldcap)
		panic_rterror(&cap_error, NULL);
	if (elem->size == 0) {
		/* append must not create a nil-pointer slice of non-zero length */
		*s = (GoSlice){&malloc_zerobase, newlen, newlen};
		return;
	}
	intgo newcap = next_capacity(oldcap, newlen);
	uintptr_t capmem;
	bool overflow = __builtin_mul_overflow(elem->size, (uintptr_t)newcap, &capmem);
	capmem = malloc_roundupsize(capmem);
	if (overflow || capmem > MALLOC_MAX_ALLOC)
		panic_rterror(&cap_error, NULL);

	void *p = runtime_mallocgc(capmem, elem->ptrdata ? elem : NULL, true);
	memmove(p, oldptr, (uintptr_t)oldlen * elem->size);
	*s = (GoSlice){p, newlen, (intgo)(capmem / elem->size)};
}

void runtime_memmove(void *dst, void *src, uintptr_t n)
{
	memmove(dst, src, n);
}

_Bool runtime_memequal(void *a, void *b, uintptr_t n)
{
	return n == 0 || memcmp(a, b, n) == 0;
}
