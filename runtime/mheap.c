/*
 * mheap.c: the page heap (Go's mheap.go, mcentral.go, mgcsweep.go, mgcscavenge.go in one small file).
 *
 * In: requests for runs of 8 KiB pages (a span for a size class, or a large object) and spans given
 * back by the per-P caches and by the sweeper. Out: spans carved from one arena reserved at start-up
 * (MALLOC_ARENA_SIZE of address space, PROT_NONE until grow takes it: pages cost memory only once
 * touched), and the page table mheap_.spans that maps every arena page to its span, so the
 * collector finds the span and object of any interior address in O(1) (span_of, then a division
 * by the element size).
 *
 * The one idea: the classic segregated free list heap (Go before 1.12). Free runs are spans in state
 * SPAN_FREE on free[npages] (free[128]: longer runs), their first and last pages mapped in the page
 * table so a freed span merges with free neighbours at once; allocation takes the smallest run that
 * fits (best fit on the long list) and splits it; the arena grows at its end by at least 1 MiB.
 * Central lists: central[sizeclass*2+noscan] holds swept spans with free objects; a cache takes one
 * whole (incache) and allocates from it without a lock.
 *
 * Sweeping is lazy (mgc.c's essay): the collector bumps sweepgen, so every in-use span becomes
 * unswept; heap_sweep_span makes its alloc bits the mark bits, counts the freed objects and frees the
 * span when it is empty. The allocator sweeps one span before taking a span from the heap (so the
 * sweeper keeps pace with allocation), central_get sweeps its class's unswept spans on demand, and
 * the next cycle (or runtime.GC) finishes whatever is left. A span in a cache is always swept.
 * Freeing an object the heap profile sampled (the span's nprof > 0) is reported to mprof.c.
 *
 * The scavenger: after each cycle, free runs that stayed free for a whole cycle are given back with
 * madvise(MADV_DONTNEED) (HeapReleased); debug.FreeOSMemory gives back every free run. A released
 * run is zero when reused, so it needs no clearing.
 *
 * Invariants: heap_lock guards everything here except a cached span's alloc bits and freeindex
 * (its cache's owner) and heap_live (atomic); arena_used is written under it but read by span_of
 * without it (release store, acquire load). A span is on at most one list. Every page below
 * arena_used belongs to exactly one span; the page-table entries of an in-use span are all set, those
 * of a free run at least at its ends.
 * Rejected: Go's radix-tree page allocator and bitmap scavenger (built for huge heaps and many
 * threads; a free list is enough for gocc's programs and much smaller); eager sweeping in the pause
 * (a pause proportional to the heap).
 */
#include "malloc.h"

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "panic.h"
#include "scheduler.h"

MHeap mheap_;
static RtLock lock;

void heap_lock(void)
{
	lock_acquire(&lock);
}

void heap_unlock(void)
{
	lock_release(&lock);
}

void heap_init(void)
{
	/* PROT_NONE: address space only, which RLIMIT_DATA does not count (grow makes pages writable as
	 * the heap takes them, as gc's sysReserve/sysMap do) */
	void *a = mmap(NULL, MALLOC_ARENA_SIZE, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	size_t tab = (MALLOC_ARENA_SIZE >> MALLOC_PAGE_SHIFT) * sizeof(Span *);
	void *t = mmap(NULL, tab, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (a == MAP_FAILED || t == MAP_FAILED)
		panic_throw("runtime: cannot reserve arena virtual address space");
	uintptr_t base = ((uintptr_t)a + MALLOC_PAGE_SIZE - 1) & ~(uintptr_t)(MALLOC_PAGE_SIZE - 1);
	mheap_.spans = t;
	mheap_.arena_used = base;
	mheap_.arena_end = (uintptr_t)a + MALLOC_ARENA_SIZE;
	mheap_.sweepgen = 2;
	__atomic_store_n(&mheap_.arena, base, __ATOMIC_RELEASE);
}

static inline uintptr_t page_index(uintptr_t p)
{
	return (p - mheap_.arena) >> MALLOC_PAGE_SHIFT;
}

static void set_spans(Span *s, bool all)
{
	uintptr_t i = page_index(s->base);
	if (all) {
		for (uintptr_t k = 0; k < s->npages; k++)
			mheap_.spans[i + k] = s;
	} else {
		mheap_.spans[i] = s;
		mheap_.spans[i + s->npages - 1] = s;
	}
}

static void list_remove(Span **head, Span *s)
{
	if (s->prev)
		s->prev->next = s->next;
	else
		*head = s->next;
	if (s->next)
		s->next->prev = s->prev;
	s->next = s->prev = NULL;
}

static void list_push(Span **head, Span *s)
{
	s->prev = NULL;
	s->next = *head;
	if (*head)
		(*head)->prev = s;
	*head = s;
}

static Span **free_list(uintptr_t npages)
{
	return &mheap_.free[npages < 128 ? npages : 128];
}

static Span *span_new(void)
{
	Span *s = calloc(1, sizeof(Span));
	if (s == NULL)
		panic_throw("runtime: out of memory (span records)");
	mheap_.nspanrec++;
	return s;
}

static void span_delete(Span *s)
{
	mheap_.nspanrec--;
	free(s);
}

/* s takes in its free neighbour n (just below or above it): one run, released only if both were
 * (the pages of the one that was not are no longer counted released), to be zeroed if either was. */
static void absorb(Span *s, Span *n)
{
	list_remove(free_list(n->npages), n);
	if (n->released != s->released)
		mheap_.released -= (n->released ? n->npages : s->npages) << MALLOC_PAGE_SHIFT;
	s->released = s->released && n->released;
	s->needzero |= n->needzero;
	if (n->base < s->base)
		s->base = n->base;
	s->npages += n->npages;
	span_delete(n);
}

/* Puts a free run on its list, merged with free neighbours. */
static void free_run(Span *s)
{
	s->state = SPAN_FREE;
	uintptr_t i = page_index(s->base);
	if (i > 0) {
		Span *l = mheap_.spans[i - 1];
		if (l && l->state == SPAN_FREE)
			absorb(s, l);
	}
	uintptr_t end = s->base + (s->npages << MALLOC_PAGE_SHIFT);
	if (end < mheap_.arena_used) {
		Span *r = mheap_.spans[page_index(end)];
		if (r && r->state == SPAN_FREE)
			absorb(s, r);
	}
	set_spans(s, true);
	list_push(free_list(s->npages), s);
}

static void grow(uintptr_t npages)
{
	uintptr_t n = npages < 128 ? 128 : npages; /* at least 1 MiB */
	uintptr_t bytes = n << MALLOC_PAGE_SHIFT;
	if (mheap_.arena_used + bytes > mheap_.arena_end || mheap_.arena_used + bytes < mheap_.arena_used)
		panic_throw("runtime: out of memory");
	if (mprotect((void *)mheap_.arena_used, bytes, PROT_READ | PROT_WRITE) != 0)
		panic_throw("runtime: out of memory");
	Span *s = span_new();
	s->base = mheap_.arena_used;
	s->npages = n;
	__atomic_store_n(&mheap_.arena_used, mheap_.arena_used + bytes, __ATOMIC_RELEASE); /* span_of */
	mheap_.sys += bytes;
	s->freedgc = UINT32_MAX;
	free_run(s);
}

/* Takes npages from the free lists (growing the arena when none fits). */
static Span *take_pages(uintptr_t npages)
{
	Span *s = NULL;
	for (uintptr_t k = npages; k < 128 && !s; k++)
		s = mheap_.free[k];
	if (!s) {
		for (Span *c = mheap_.free[128]; c; c = c->next)
			if (c->npages >= npages && (!s || c->npages < s->npages || (c->npages == s->npages && c->base < s->base)))
				s = c;
	}
	if (!s) {
		grow(npages);
		return take_pages(npages);
	}
	list_remove(free_list(s->npages), s);
	if (s->npages > npages) {
		/* split off the tail: the free head keeps its record, so the page-table entries inside
		 * it (never rewritten) still name a live record */
		Span *a = span_new();
		s->npages -= npages;
		a->base = s->base + (s->npages << MALLOC_PAGE_SHIFT);
		a->npages = npages;
		a->needzero = s->needzero;
		a->released = s->released;
		set_spans(s, false);
		list_push(free_list(s->npages), s);
		s = a;
	}
	if (s->released) {
		mheap_.released -= npages << MALLOC_PAGE_SHIFT;
		s->released = false;
		s->needzero = false; /* MADV_DONTNEED: zero pages again */
	}
	return s;
}

static void allspans_add(Span *s)
{
	if (mheap_.nspans == mheap_.capspans) {
		uintptr_t cap = mheap_.capspans ? 2 * mheap_.capspans : 1024;
		Span **n = realloc(mheap_.allspans, cap * sizeof *n);
		if (!n)
			panic_throw("runtime: out of memory (span list)");
		mheap_.allspans = n;
		mheap_.capspans = cap;
	}
	mheap_.allspans[mheap_.nspans++] = s;
}

Span *heap_alloc_span(uintptr_t npages, int sizeclass, bool noscan)
{
	heap_sweep_one(); /* proportional sweeping: one span swept per span allocated */
	Span *s = take_pages(npages);
	s->state = SPAN_INUSE;
	s->sizeclass = (uint8_t)sizeclass;
	s->noscan = noscan;
	s->incentral = s->incache = false;
	s->sweepgen = mheap_.sweepgen;
	s->elemsize = sizeclass ? malloc_class_to_size[sizeclass] : npages << MALLOC_PAGE_SHIFT;
	s->nelems = sizeclass ? (npages << MALLOC_PAGE_SHIFT) / s->elemsize : 1;
	s->nalloc = s->freeindex = 0;
	s->nprof = 0;
	s->largetype = NULL;
	memset(s->allocbits, 0, sizeof s->allocbits);
	memset(s->markbits, 0, sizeof s->markbits);
	s->types = NULL;
	if (!noscan && sizeclass) {
		s->types = calloc(s->nelems, sizeof *s->types);
		if (!s->types)
			panic_throw("runtime: out of memory (span types)");
		mheap_.types_bytes += s->nelems * sizeof *s->types;
	}
	set_spans(s, true);
	mheap_.inuse += npages << MALLOC_PAGE_SHIFT;
	allspans_add(s);
	return s;
}

/* An in-use span with no object left goes back to the free runs. */
static void free_span(Span *s)
{
	if (s->incentral)
		list_remove(&mheap_.central[s->sizeclass * 2 + s->noscan], s);
	s->incentral = false;
	if (s->types)
		mheap_.types_bytes -= s->nelems * sizeof *s->types;
	free(s->types);
	s->types = NULL;
	mheap_.inuse -= s->npages << MALLOC_PAGE_SHIFT;
	s->needzero = true;
	s->released = false;
	s->freedgc = mheap_.sweepgen;
	/* drop it from allspans lazily: heap_sweep_one and the collector skip SPAN_FREE records, and
	 * compact_allspans rebuilds the list; the record itself may merge away, so mark it */
	s->sweepgen = 0;
	Span *rec = span_new();
	*rec = *s;
	rec->next = rec->prev = NULL;
	s->state = SPAN_FREE;
	s->nelems = 0; /* the old record stays in allspans as a tombstone */
	free_run(rec);
}

/* allspans without tombstones (freed spans), under the lock, at the start of a cycle. */
static void compact_allspans(void)
{
	uintptr_t j = 0;
	for (uintptr_t i = 0; i < mheap_.nspans; i++) {
		Span *s = mheap_.allspans[i];
		if (s->state == SPAN_INUSE)
			mheap_.allspans[j++] = s;
		else
			span_delete(s);
	}
	mheap_.nspans = j;
	mheap_.sweepidx = 0;
}

void heap_sweep_span(Span *s)
{
	if (s->state != SPAN_INUSE || s->sweepgen == mheap_.sweepgen)
		return;
	s->sweepgen = mheap_.sweepgen;
	bool prof = __atomic_load_n(&s->nprof, __ATOMIC_RELAXED) != 0;
	if (s->sizeclass == 0) {
		if (!span_bit(s->markbits, 0)) {
			if (prof)
				mprof_free(s->base);
			mheap_.frees++;
			mheap_.large_frees++;
			mheap_.freed_bytes += s->npages << MALLOC_PAGE_SHIFT;
			free_span(s);
		} else {
			s->markbits[0] = 0;
		}
		return;
	}
	uintptr_t nalloc = 0;
	for (uintptr_t w = 0; w < (s->nelems + 63) / 64; w++) {
		uint64_t freed = s->allocbits[w] & ~s->markbits[w];
		if (freed && s->types)
			for (uint64_t f = freed; f; f &= f - 1)
				s->types[w * 64 + (uintptr_t)__builtin_ctzll(f)] = NULL;
		if (freed && prof)
			for (uint64_t f = freed; f; f &= f - 1)
				mprof_free(s->base + (w * 64 + (uintptr_t)__builtin_ctzll(f)) * s->elemsize);
		uintptr_t n = (uintptr_t)__builtin_popcountll(freed);
		mheap_.frees += n;
		mheap_.by_size_frees[s->sizeclass] += n;
		mheap_.freed_bytes += n * s->elemsize;
		s->allocbits[w] = s->markbits[w];
		s->markbits[w] = 0;
		nalloc += (uintptr_t)__builtin_popcountll(s->allocbits[w]);
	}
	s->nalloc = nalloc;
	s->freeindex = 0;
	s->needzero = true;
	if (nalloc == 0) {
		free_span(s);
	} else if (nalloc < s->nelems && !s->incentral && !s->incache) {
		list_push(&mheap_.central[s->sizeclass * 2 + s->noscan], s);
		s->incentral = true;
	}
}

bool heap_sweep_one(void)
{
	while (mheap_.sweepidx < mheap_.nspans) {
		Span *s = mheap_.allspans[mheap_.sweepidx++];
		if (s->state == SPAN_INUSE && s->sweepgen != mheap_.sweepgen) {
			heap_sweep_span(s);
			return true;
		}
	}
	return false;
}

/* The cycle starts: every span left unswept is swept, then all become unswept. World stopped. */
void heap_start_cycle(void)
{
	while (heap_sweep_one())
		;
	compact_allspans();
	mheap_.sweepgen += 2;
	/* the partial lists hold spans that are now unswept: they rejoin when swept */
	for (int i = 0; i < NUM_SPAN_CLASSES; i++)
		while (mheap_.central[i]) {
			Span *s = mheap_.central[i];
			list_remove(&mheap_.central[i], s);
			s->incentral = false;
		}
}

Span *central_get(int spc)
{
	for (;;) {
		Span *s = mheap_.central[spc];
		if (s) {
			list_remove(&mheap_.central[spc], s);
			s->incentral = false;
			s->incache = true;
			return s;
		}
		/* sweep unswept spans of this class first: they may have room */
		bool found = false;
		for (uintptr_t i = mheap_.sweepidx; i < mheap_.nspans; i++) {
			Span *u = mheap_.allspans[i];
			if (u->state == SPAN_INUSE && u->sweepgen != mheap_.sweepgen &&
			    u->sizeclass * 2 + u->noscan == spc && u->sizeclass) {
				heap_sweep_span(u);
				if (u->incentral) {
					found = true;
					break;
				}
			}
		}
		if (!found)
			break;
	}
	int sc = spc / 2;
	Span *s = heap_alloc_span(malloc_class_to_npages[sc], sc, spc & 1);
	s->incache = true;
	return s;
}

void central_put(Span *s)
{
	s->incache = false;
	if (s->nalloc == 0 && s->sweepgen == mheap_.sweepgen) {
		free_span(s);
	} else if (s->nalloc < s->nelems) {
		list_push(&mheap_.central[s->sizeclass * 2 + s->noscan], s);
		s->incentral = true;
	}
}

void heap_flush_cache(MCache *c)
{
	for (int i = 0; i < NUM_SPAN_CLASSES; i++) {
		Span *s = c->alloc[i];
		if (s) {
			c->alloc[i] = NULL;
			AO_fetch_and_add(&mheap_.heap_live, -(AO_t)((s->nelems - s->nalloc) * s->elemsize));
			central_put(s);
		}
	}
	c->tiny = c->tinyoffset = 0;
}

void heap_scavenge(bool all)
{
	for (int k = 1; k <= 128; k++)
		for (Span *s = mheap_.free[k]; s; s = s->next) {
			if (s->released || (!all && (s->npages < 8 || s->freedgc + 2 >= mheap_.sweepgen)))
				continue;
			madvise((void *)s->base, s->npages << MALLOC_PAGE_SHIFT, MADV_DONTNEED);
			s->released = true;
			s->needzero = false;
			mheap_.released += s->npages << MALLOC_PAGE_SHIFT;
		}
}

/* Checks the bookkeeping (tests, gcstress): every page of the arena in exactly one span, counts
 * agree with the bits, lists hold what they claim, the spans' sampled objects are the heap
 * profile's. Throws on the first inconsistency. */
void heap_verify(void)
{
	uintptr_t inuse = 0, released = 0, sampled = 0;
	for (uintptr_t p = mheap_.arena; p < mheap_.arena_used;) {
		Span *s = span_of(p);
		if (s == NULL || s->base != p || s->npages == 0)
			panic_throw("heap_verify: page not covered by a span");
		if (s->state == SPAN_INUSE) {
			inuse += s->npages << MALLOC_PAGE_SHIFT;
			sampled += s->nprof;
			for (uintptr_t k = 0; k < s->npages; k++)
				if (mheap_.spans[page_index(p) + k] != s)
					panic_throw("heap_verify: page table entry of an in-use span");
			uintptr_t n = 0;
			for (uintptr_t w = 0; w < MALLOC_MAX_NELEMS / 64; w++)
				n += (uintptr_t)__builtin_popcountll(s->allocbits[w]);
			if (s->sweepgen == mheap_.sweepgen && s->sizeclass && n != s->nalloc && !s->incache)
				panic_throw("heap_verify: span alloc count");
			if (s->sizeclass && s->nelems != (s->npages << MALLOC_PAGE_SHIFT) / s->elemsize)
				panic_throw("heap_verify: span element count");
		} else if (s->released) {
			released += s->npages << MALLOC_PAGE_SHIFT;
		}
		p += s->npages << MALLOC_PAGE_SHIFT;
	}
	if (inuse != mheap_.inuse || released != mheap_.released)
		panic_throw("heap_verify: heap totals");
	if (sampled != mprof_sampled())
		panic_throw("heap_verify: sampled objects (Span.nprof) and the heap profile disagree");
}
