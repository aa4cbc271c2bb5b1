/*
 * malloc.c: heap allocation (Go's malloc.go, mcache.go, sizeclasses.go and slice.go: mallocgc,
 * newobject, makeslice, growslice).
 *
 * The chokepoint. runtime_mallocgc(size, type, needzero) is the one function through which every
 * Go-visible byte is allocated. In: a size and the object's type (its pointer bitmap). Out: zeroed
 * memory in a span of the heap (mheap.c), with the type recorded for the collector (mgc.c).
 *
 * The one idea is Go's: small objects (up to 32 KiB) are rounded up to one of go1.19's 68 size
 * classes, and each P has a cache (MCache, P.mcache) holding one span per span class (size class x
 * noscan), from which it allocates without a lock: find the next zero bit of the span's alloc bits
 * from freeindex, set it. When the span is full the cache gives it back to the central list and takes
 * another (mheap.c, under the heap lock). Large objects get a span of their own. Pointer-free objects
 * under 16 bytes are combined into 16-byte blocks (Go's tiny allocator: the block is freed when
 * every object in it is dead). Threads without a P (timers, start-up) share mheap_.nopcache under
 * the heap lock.
 *
 * Scan kinds (the per-object pointer information the collector needs). Scan spans record each
 * object's type in a side array (Span.types, one word per object; large spans: largetype); the
 * collector reads its gcdata bitmap, repeated for arrays (a makeslice object is n elements of the
 * type). Objects allocated with type NULL through runtime_mallocgc are scanned conservatively
 * (MALLOC_CONSERVATIVE): the C runtime (channel buffers, defer records, itab tables, timers) and the
 * compiler's heap defer closures store pointers in untyped memory; typed pointer-free requests
 * (newobject, makeslice and growslice of types with ptrdata 0) and the runtime's byte buffers
 * (malloc_noscan: strings) go to noscan spans, which the collector never reads.
 *
 * Invariants: a cache's spans are swept and owned by it alone (the collector flushes every cache
 * with the world stopped); the cache's counters have a single writer and are read atomically;
 * heap_live (atomic) counts the bytes of spans taken by caches, large objects, minus what the
 * sweeper freed; crossing the pacer's goal (gc_next_goal) starts a cycle from the allocating
 * goroutine, outside every lock. Allocations by threads with a P are sampled for the heap profile
 * at the end (mprof.c; gc's profilealloc): the cache counts down the bytes to the next sample.
 *
 * Rejected: a heap bitmap (Go's 2 bits per word): for gocc's single-type objects the type pointer
 * per object is simpler and exact for arrays; it costs a word per scan object (8-byte objects: the
 * worst case, 100%), paid only by objects that hold pointers. Rejected: malloc(3): it hides object
 * boundaries and cannot map an interior pointer to its object.
 *
 * growslice follows go1.19 exactly (doubling below 256 elements, the smooth 1.25x formula above,
 * then rounding the byte size up to a size class) because programs print cap() after append.
 */
#include "malloc.h"

#include <stdlib.h>
#include <string.h>
#include <atomic_ops.h>

#include "panic.h"
#include "scheduler.h"

uintptr_t malloc_zerobase;  /* never written */

/* go1.19 runtime/sizeclasses.go. */
const uint16_t malloc_class_to_size[MALLOC_NUM_CLASSES] = {
	0, 8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256, 288, 320,
	352, 384, 416, 448, 480, 512, 576, 640, 704, 768, 896, 1024, 1152, 1280, 1408, 1536, 1792, 2048,
	2304, 2688, 3072, 3200, 3456, 4096, 4864, 5376, 6144, 6528, 6784, 6912, 8192, 9472, 9728, 10240,
	10880, 12288, 13568, 14336, 16384, 18432, 19072, 20480, 21760, 24576, 27264, 28672, 32768,
};
const uint8_t malloc_class_to_npages[MALLOC_NUM_CLASSES] = {
	0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 2, 1, 2, 1, 2, 1, 3, 2, 3, 1, 3, 2, 3, 4, 5, 6, 1, 7, 6, 5, 4, 3, 5, 7, 2, 9, 7, 5, 8,
	3, 10, 7, 4,
};

/* Go's size_to_class8 (sizes up to 1024 in steps of 8) and size_to_class128 (up to 32 KiB in steps
 * of 128), computed from class_to_size before the first allocation rather than copied (Go packages'
 * init functions may run as constructors before any constructor of the runtime's). */
static uint8_t size_to_class8[1024 / 8 + 1], size_to_class128[(MALLOC_MAX_SMALL_SIZE - 1024) / 128 + 1];

static void malloc_init_tables(void)
{
	int c = 1;
	for (uintptr_t i = 0; i < sizeof size_to_class8; i++) {
		while (malloc_class_to_size[c] < i * 8)
			c++;
		size_to_class8[i] = (uint8_t)c;
	}
	for (uintptr_t i = 0; i < sizeof size_to_class128; i++) {
		while (malloc_class_to_size[c] < 1024 + i * 128)
			c++;
		size_to_class128[i] = (uint8_t)c;
	}
}

static RtLock init_lock;
static bool heap_ready;

static void ensure_heap(void)
{
	if (__atomic_load_n(&heap_ready, __ATOMIC_ACQUIRE))
		return;
	lock_acquire(&init_lock);
	if (!heap_ready) {
		malloc_init_tables();
		heap_init();
		mheap_.caches = &mheap_.nopcache;
		__atomic_store_n(&heap_ready, true, __ATOMIC_RELEASE);
	}
	lock_release(&init_lock);
}

int malloc_size_class(uintptr_t size)
{
	ensure_heap();
	if (size <= 1024 - 8)
		return size_to_class8[(size + 7) / 8];
	return size_to_class128[(size - 1024 + 127) / 128];
}

uintptr_t malloc_roundupsize(uintptr_t size)
{
	ensure_heap();
	if (size < MALLOC_MAX_SMALL_SIZE)
		return size == 0 ? 0 : malloc_class_to_size[malloc_size_class(size)];
	if (size + MALLOC_PAGE_SIZE < size)
		return size;
	return (size + MALLOC_PAGE_SIZE - 1) & ~(uintptr_t)(MALLOC_PAGE_SIZE - 1);
}

/* A counter written by its cache's owner alone: no read-modify-write instruction needed. */
static inline void count(AO_t *counter, AO_t n)
{
	AO_store(counter, AO_load(counter) + n);
}

void malloc_counts(uint64_t *mallocs, uint64_t *total_alloc)
{
	uint64_t n = 0, bytes = 0;
	heap_lock();
	for (MCache *c = mheap_.caches; c; c = c->link) {
		n += AO_load(&c->mallocs);
		bytes += AO_load(&c->total_alloc);
	}
	heap_unlock();
	*mallocs = n;
	*total_alloc = bytes;
}

/* The running thread's cache: its P's, created on first use; NULL for a thread without a P (the
 * caller then takes the heap lock and uses nopcache). */
static MCache *getcache(void)
{
	G *gp = sched_getg();
	P *pp = gp && gp->m ? gp->m->p : NULL;
	if (pp == NULL)
		return NULL;
	if (pp->mcache == NULL) {
		MCache *c = calloc(1, sizeof(MCache));
		if (!c)
			panic_throw("runtime: out of memory");
		heap_lock();
		c->link = mheap_.caches;
		mheap_.caches = c;
		mheap_.ncaches++;
		heap_unlock();
		pp->mcache = c;
	}
	return pp->mcache;
}

/* The slow paths below run on the system stack (systemstack, stack.c): the heap's span allocation
 * and its libc calls are deeper than a goroutine's small first stack segment allows. */
typedef struct { MCache *c; int spc; bool locked; uintptr_t npages; bool noscan; Span *s; uintptr_t reserved; } HeapCall;

static void refill(void *arg)
{
	HeapCall *a = arg;
	if (!a->locked)
		heap_lock();
	Span *s = a->c->alloc[a->spc];
	if (s)
		central_put(s);
	s = a->s = a->c->alloc[a->spc] = central_get(a->spc);
	a->reserved = (s->nelems - s->nalloc) * s->elemsize;
	if (!a->locked)
		heap_unlock();
}

static void alloc_span(void *arg)
{
	HeapCall *a = arg;
	a->s = heap_alloc_span(a->npages, 0, a->noscan);
}

/* The next free object of the cache's span for spc, refilling it from the central list. */
static void *next_free(MCache *c, int spc, bool locked, bool *triggered)
{
	Span *s = c->alloc[spc];
	if (s && s->nalloc < s->nelems) {
		for (uintptr_t i = s->freeindex; i < s->nelems; i++)
			if (!span_bit(s->allocbits, i)) {
				s->allocbits[i >> 6] |= (uint64_t)1 << (i & 63);
				s->freeindex = i + 1;
				s->nalloc++;
				return (void *)(s->base + i * s->elemsize);
			}
		panic_throw("runtime: span nalloc out of sync with its bits");
	}
	HeapCall a = {.c = c, .spc = spc, .locked = locked};
	systemstack(refill, &a);
	uintptr_t reserved = a.reserved;
	if (AO_fetch_and_add(&mheap_.heap_live, reserved) + reserved >= gc_next_goal())
		*triggered = true;
	return next_free(c, spc, locked, triggered);
}

static void *alloc_large(uintptr_t size, const GoType *type, bool noscan, bool *triggered)
{
	if (size > MALLOC_MAX_ALLOC)
		panic_throw("runtime: out of memory");
	uintptr_t npages = (size + MALLOC_PAGE_SIZE - 1) >> MALLOC_PAGE_SHIFT;
	heap_lock();
	HeapCall a = {.npages = npages, .noscan = noscan};
	systemstack(alloc_span, &a);
	Span *s = a.s;
	s->largetype = noscan ? NULL : type;
	s->allocbits[0] = 1;
	s->nalloc = 1;
	mheap_.large_allocs++;
	mheap_.large_bytes += size;
	heap_unlock();
	if (s->needzero)
		memset((void *)s->base, 0, size);
	uintptr_t bytes = npages << MALLOC_PAGE_SHIFT;
	if (AO_fetch_and_add(&mheap_.heap_live, bytes) + bytes >= gc_next_goal())
		*triggered = true;
	return (void *)s->base;
}

static AO_t stress_count;

/* runtime.MemProfileRate (stdlib/runtime/mprof.go); weak: a program without the runtime package
 * has no profile to read and samples nothing. */
extern intgo memprofile_rate __asm__("runtime.MemProfileRate") __attribute__((weak));

/* go1.19's mallocgc tail: every MemProfileRate bytes on average (an exponential distribution of
 * the distance between samples), the allocation of x (size: its class's size) is recorded with its
 * stack. Combined tiny objects are never sampled, their 16-byte blocks are (as gc's). */
static void sample(MCache *c, uintptr_t x, uintptr_t size)
{
	if (&memprofile_rate == NULL)
		return;
	intgo rate = __atomic_load_n(&memprofile_rate, __ATOMIC_RELAXED);
	if (rate <= 0)
		return;
	if (rate != 1 && (intptr_t)size < c->next_sample) {
		c->next_sample -= (intptr_t)size;
		return;
	}
	mprof_malloc(c, x, size);
}

/* The allocator proper. type: the object's type (its pointer bitmap), MALLOC_CONSERVATIVE, or NULL
 * for pointer-free memory. */
static void *mallocgc(uintptr_t size, const GoType *type, bool needzero)
{
	(void)needzero; /* always cleared: see the invariants in malloc.h */
	if (size == 0)
		return &malloc_zerobase;
	ensure_heap();
	bool noscan = type == NULL, triggered = false;
	MCache *c = getcache();
	bool locked = c == NULL;
	if (locked) {
		heap_lock();
		c = &mheap_.nopcache;
	}
	void *x;
	uintptr_t profsize;
	if (noscan && size < MALLOC_TINY_SIZE) {
		/* tiny: combine into the current 16-byte block, aligned as the size asks */
		uintptr_t off = c->tinyoffset;
		if ((size & 7) == 0)
			off = (off + 7) & ~(uintptr_t)7;
		else if ((size & 3) == 0)
			off = (off + 3) & ~(uintptr_t)3;
		else if ((size & 1) == 0)
			off = (off + 1) & ~(uintptr_t)1;
		if (c->tiny && off + size <= MALLOC_TINY_SIZE) {
			x = (void *)(c->tiny + off);
			c->tinyoffset = off + size;
			count(&c->tiny_allocs, 1);
			count(&c->mallocs, 1);
			if (locked)
				heap_unlock();
			return x;
		}
		void *block = next_free(c, 2 * 2 + 1, locked, &triggered); /* class 2: 16 bytes, noscan */
		Span *s = span_of((uintptr_t)block);
		if (s->needzero)
			memset(block, 0, MALLOC_TINY_SIZE);
		count(&c->by_size[2], 1);
		count(&c->total_alloc, MALLOC_TINY_SIZE);
		profsize = MALLOC_TINY_SIZE;
		if (size < c->tinyoffset || c->tiny == 0) {
			c->tiny = (uintptr_t)block;
			c->tinyoffset = size;
		}
		x = block;
	} else if (size <= MALLOC_MAX_SMALL_SIZE) {
		int sc = malloc_size_class(size);
		x = next_free(c, sc * 2 + noscan, locked, &triggered);
		Span *s = span_of((uintptr_t)x);
		if (s->needzero)
			memset(x, 0, s->elemsize);
		if (!noscan)
			s->types[((uintptr_t)x - s->base) / s->elemsize] = type;
		count(&c->by_size[sc], 1);
		count(&c->total_alloc, s->elemsize);
		profsize = s->elemsize;
	} else {
		if (locked)
			heap_unlock();
		x = alloc_large(size, type, noscan, &triggered);
		if (locked)
			heap_lock();
		profsize = (size + MALLOC_PAGE_SIZE - 1) & ~(uintptr_t)(MALLOC_PAGE_SIZE - 1);
		count(&c->total_alloc, profsize);
	}
	count(&c->mallocs, 1);
	if (locked)
		heap_unlock();
	if (!locked) /* threads without a P (timers, start-up) are not sampled */
		sample(c, (uintptr_t)x, profsize);
	if (gc_stress && AO_fetch_and_add1(&stress_count) % gc_stress == gc_stress - 1)
		triggered = true;
	if (triggered)
		gc_maybe_start();
	return x;
}

void *runtime_mallocgc(uintptr_t size, const GoType *type, _Bool needzero)
{
	/* NULL: the caller did not say what the memory holds; scanned conservatively (see above) */
	return mallocgc(size, type ? (type->ptrdata ? type : NULL) : MALLOC_CONSERVATIVE, needzero);
}

void *malloc_noscan(uintptr_t size, bool needzero)
{
	return mallocgc(size, NULL, needzero);
}

void *runtime_newobject(const GoType *type)
{
	return mallocgc(type->size, type->ptrdata ? type : NULL, true);
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
	return mallocgc(mem, elem->ptrdata ? elem : NULL, true);
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

	void *p = mallocgc(capmem, elem->ptrdata ? elem : NULL, true);
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
