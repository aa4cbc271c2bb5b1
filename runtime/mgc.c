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
 * The one idea: a non-moving mark-sweep collector whose mark runs with the world stopped, in
 * parallel on up to GOMAXPROCS threads that share grey objects in packets, and whose sweep runs
 * lazily while the program allocates.
 *
 * Phases of a cycle (gc_collect). Stopped: 1-5; concurrent with the program: 6.
 *  1. Stop the world (proc.c's sched_stop_the_world, at the scheduler's safepoints): every P is
 *     idle, in a system call, or stopped in schedule(); every goroutine but the collecting one is
 *     parked with its registers saved on its stack. Then the heap lock, so threads without a P
 *     cannot allocate either.
 *  2. Flush every per-P cache (their spans back to the central lists), finish sweeping the previous
 *     cycle's spans, and advance sweepgen: every in-use span is now unswept, its alloc bits say what
 *     exists, its mark bits are clear.
 *  3. Mark, in parallel (mark_parallel). The workers are the collecting goroutine (worker 0, the
 *     coordinator) and helper threads of this file, parked on a futex between cycles and woken for
 *     the phase: one worker per MiB the last cycle found live, at most GOMAXPROCS (and
 *     GC_MAX_WORKERS); every one under GODEBUG=goccgcstress. Each worker first claims root jobs
 *     from an atomic counter, then drains grey objects until the phase terminates. Root jobs:
 *       - the data and bss, in chunks of 256 package variables: package variables precisely, by
 *         the types of their GoPackage records (symtab.c); the rest of the executable's data and bss
 *         (the C runtime's variables, the itab table; the data lower_staticinit.c emits for
 *         package variables known at compile time) conservatively;
 *       - every M record and its thread's static TLS block (the per-thread defer pools), and each
 *         P's timer heap (an AfterFunc's timer may be referenced from nowhere else),
 *         conservatively (proc.c's sched_gc_roots_ms);
 *       - one job per goroutine (proc.c's sched_gc_roots_g): its G record and the Sudogs it waits
 *         on (calloc'd scheduler records that hold closures, panic values, defer records), then its
 *         stack segments through scan_stack, conservatively: LLVM gives no stack maps that survive
 *         optimisation, so any word that points into an allocated object keeps it alive. The
 *         collecting goroutine's stack is scanned from where mark_roots stood, its registers
 *         spilled above by gc_collect.
 *     Heap objects are scanned precisely by the type recorded at allocation (malloc.c: Span.types):
 *     word i of each element holds a pointer iff bit i of type->gcdata is set, for i < ptrdata/8;
 *     objects of untyped runtime allocations (MALLOC_CONSERVATIVE) are scanned word by word.
 *     Objects over 128 KiB are scanned in 128 KiB oblets (Go's), queued by the first, so one big
 *     array is shared among the workers.
 *     Work distribution (Go's gcWork, workbuf and lfstack): a worker keeps its grey objects in two
 *     packets of 509; a full packet goes to a lock-free stack shared by all (work.full), an empty
 *     one comes from another (work.empty); a worker whose packets are empty takes a full one. While
 *     somebody waits and work.full is empty, a busy worker gives away its second packet or half of
 *     its first (balance). Mark bits are set by an atomic OR: the worker whose OR set the bit greys
 *     the object, so each object is scanned once.
 *     Termination (getfull): a worker out of work counts itself in work.nwait, and leaves the
 *     count before it takes a packet; when nwait equals the number of joined workers, nobody holds
 *     a grey object and nobody can make one, so each worker that sees it leaves. The coordinator
 *     then closes the phase (helpers woken too late find it closed and sleep again) and waits
 *     until every helper that joined has said it is done (work.ndone).
 *  4. Finalizers (Go's specials, mfinal.c), on the coordinator alone: each object with a finalizer
 *     that is still unmarked is queued to run and then marked with everything it reaches, so it
 *     survives this cycle; its finalizer record is gone, so the next cycle frees it if the finalizer
 *     did not resurrect it. Under GODEBUG=goccgcstress, the mark verifier (verify_marks) then
 *     rescans every root and every marked object: an unmarked object reachable from them throws.
 *  5. The pacer (mgcpacer.c): goal = live x (1 + GOGC/100), at least 4 MiB, capped by GOMEMLIMIT.
 *     Statistics, the scavenger (free runs idle for a cycle back to the OS), unlock, start the world.
 *  6. Sweep, lazily (mheap.c): a span is swept when the allocator looks for room in its class or
 *     takes new pages (one span per span); runtime.GC finishes the sweep itself before returning, as
 *     gc's does.
 *
 * Invariants. Marking happens only with the world stopped and the heap lock held: no allocation, no
 * span changes state, so the page table, the span records and their alloc bits are read-only to
 * the workers, and only mark bits change (atomic OR). An object is marked iff its mark bit is set; a
 * grey object (marked, not yet scanned) is in exactly one packet, held by one worker or on
 * work.full; a worker counted in nwait holds none. A helper touches the phase's shared state only
 * between its join (a CAS on work.phase, acquire) and its ndone increment (release), and the
 * coordinator changes that state only outside phases, so the coordinator's writes before opening
 * a phase, the helpers' marks, and the sweep after the cycle are ordered without locks. An unswept
 * span is never allocated from (caches get swept spans only), so an object allocated after a mark
 * is never freed by that mark's sweep.
 *
 * Interior pointers: any address inside an object keeps it alive (the page table finds the span in
 * O(1), a division the object). One past the end: a conservative root (stack word, register, global)
 * that points exactly at the start of an object also keeps the object before it alive, because
 * LLVM's loop code may hold only an end pointer while the object is still in use; heap words, written
 * by Go code as Go pointers, are taken as they are (go1.19's rule: the compiler never makes a
 * past-the-end pointer it stores).
 *
 * The conservative scans read words that other threads may be writing (sysmon's variables, the
 * workers' own state in .bss): racy by design, so they are not instrumented under ThreadSanitizer;
 * everything else the workers share is atomic or ordered as above.
 *
 * Rejected alternatives.
 *  - Concurrent marking with a write barrier (issue 8's later step): the compiler would have to emit
 *    a barrier on every pointer store to the heap and route every copy of pointerful memory
 *    (LLVM's memcpy of aggregates, the runtime's memmove in chan.c, map.c, reflect) through a
 *    barrier-aware typedmemmove, and keep LLVM from merging or dropping them; objects allocated
 *    during the mark must be born black; and conservatively scanned stacks cannot be shaded
 *    incrementally (no stack maps to know which slots a frame has since written), so every stack
 *    would be rescanned at mark termination with the world stopped, which Go's hybrid barrier
 *    avoids only with precise stacks. The stopped parallel mark divides the pause by the workers
 *    now, and its packets and termination are what a concurrent mark would build on.
 *  - Marking on the stopped Ms: they sleep in stopm on their own notes, and waking them into the
 *    collector would add a second kind of wakeup to the scheduler's state machine; dedicated
 *    helpers cost a thread each (a reserved stack, a few resident pages) and stay out of proc.c.
 *  - One mark stack under a lock (a lock per object), or per-worker Chase-Lev deques with stealing
 *    (per-object steals and a subtle memory order): packets amortise the shared lists over 509
 *    objects, and balance() feeds idle workers. A locked packet list would work as well as the
 *    lock-free one, but a preempted holder (2 CPUs, many threads here) would stall every worker.
 *  - A copying collector (conservative roots pin objects: they cannot move); precise stack maps via
 *    LLVM's statepoints (they disable optimisations and gocc's segmented stacks are scanned whole
 *    anyway); Boehm's collector (a second allocator with no view of Go's types and no per-P caches).
 */
#include "malloc.h"

#include <link.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "panic.h"
#include "scheduler.h"
#include "symtab.h"

uint32_t gc_stress;
uint64_t gc_workbuf_bytes; /* the packets allocated: MemStats.GCSys */
static bool gctrace;

/* Statistics, written with the world stopped and the heap lock held, read under the heap lock. */
GcStats gc_stats;

static uint64_t goal = 4 << 20; /* atomic */
static uint64_t last_live;      /* atomic: the bytes the last mark found live */

uint64_t gc_next_goal(void)
{
	return __atomic_load_n(&goal, __ATOMIC_RELAXED);
}

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

/* ---- work buffers (Go's workbuf and lfstack) ---- */

/* A packet of grey objects (marked, not yet scanned): 4 KiB, never freed (the lock-free lists may
 * read a packet that another worker just took, so its memory must stay a packet). */
#define WORKBUF_OBJS ((4096 - 3 * sizeof(uintptr_t)) / sizeof(uintptr_t))
typedef struct Workbuf {
	uint64_t next;   /* atomic: the packed list word below it on a list (lf_push) */
	uintptr_t pushcnt; /* times pushed: the ABA tag (only the pusher touches it) */
	uintptr_t nobj;
	uintptr_t obj[WORKBUF_OBJS];
} Workbuf;

/* A lock-free stack is one 64-bit word: the top packet's address shifted up 16 bits (user addresses
 * have 47) with its push count in the low 19 bits (packets are 8-byte aligned, so the address's three
 * low bits are free too). A pop that read a stale top fails its CAS even if that packet is back on
 * top, because its count moved: the ABA problem needs 2^19 pushes of one packet inside one pop. */
#define LF_CNT_BITS 19

static uint64_t lf_pack(Workbuf *b, uintptr_t cnt)
{
	return (uint64_t)(uintptr_t)b << 16 | (cnt & (((uintptr_t)1 << LF_CNT_BITS) - 1));
}

static Workbuf *lf_unpack(uint64_t v)
{
	return (Workbuf *)(uintptr_t)(v >> LF_CNT_BITS << 3);
}

static void lf_push(uint64_t *head, Workbuf *b)
{
	b->pushcnt++;
	uint64_t new = lf_pack(b, b->pushcnt);
	if (lf_unpack(new) != b)
		panic_throw("runtime: gc work packet address does not fit the lock-free list");
	uint64_t old = __atomic_load_n(head, __ATOMIC_ACQUIRE);
	do
		__atomic_store_n(&b->next, old, __ATOMIC_RELAXED);
	while (!__atomic_compare_exchange_n(head, &old, new, false, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE));
}

static Workbuf *lf_pop(uint64_t *head)
{
	uint64_t old = __atomic_load_n(head, __ATOMIC_ACQUIRE);
	while (old != 0) {
		Workbuf *b = lf_unpack(old);
		uint64_t next = __atomic_load_n(&b->next, __ATOMIC_RELAXED);
		if (__atomic_compare_exchange_n(head, &old, next, false, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
			return b;
	}
	return NULL;
}

/* The shared state of a mark phase. `phase` says who may join: PHASE_CLOSED, the most workers
 * (bits 16..30) and how many joined (bits 0..15); a helper joins by a CAS that adds one, so it joins
 * the phase open now or none. */
#define PHASE_CLOSED ((uint32_t)1 << 31)
#define GC_MAX_WORKERS 32

static struct {
	uint64_t full __attribute__((aligned(64))); /* lock-free stack of packets with grey objects */
	uint64_t empty;                             /* lock-free stack of empty packets */
	uint32_t nwait __attribute__((aligned(64))); /* workers with no work, waiting in getfull */
	uint32_t phase;                             /* see above; PHASE_CLOSED between phases */
	uint32_t nextjob __attribute__((aligned(64))); /* the next root job to claim */
	uint32_t njobs, ndatajobs;
	uint32_t wake __attribute__((aligned(64))); /* futex: bumped to wake the helper threads */
	uint32_t ndone;                             /* futex: helpers that finished this phase */
	uint32_t nhelpers;                          /* helper threads started (only the collector) */
	bool serial;                                /* one worker (finalizers, the verifier): no waiting */
	bool parallel;                              /* more than one worker: mark bits by atomic OR */
	bool verifying;                             /* the verifier: marking an unmarked object throws */
} work = {.phase = PHASE_CLOSED};

/* A worker's grey objects (Go's gcWork): two packets, so a worker that alternates between filling
 * and emptying near a packet boundary does not push and pop the shared lists each time. */
typedef struct GcWork {
	Workbuf *wbuf1, *wbuf2;
	uint64_t bytes; /* marked by this worker this cycle */
} __attribute__((aligned(64))) GcWork;

static GcWork gcworks[GC_MAX_WORKERS];
/* The worker running on this thread, for the scan callbacks (proc.c, stack.c) that take no context. */
static __thread GcWork *gcw_current;

static Workbuf *getempty(void)
{
	Workbuf *b = lf_pop(&work.empty);
	if (b == NULL) {
		b = aligned_alloc(64, sizeof *b);
		if (b == NULL)
			panic_throw("runtime: out of memory (gc work packets)");
		__atomic_fetch_add(&gc_workbuf_bytes, sizeof *b, __ATOMIC_RELAXED);
		b->pushcnt = 0;
	}
	b->nobj = 0;
	return b;
}

static __attribute__((noinline)) void put_slow(GcWork *w, uintptr_t obj)
{
	Workbuf *b = w->wbuf1;
	{
		w->wbuf1 = w->wbuf2;
		w->wbuf2 = b;
		b = w->wbuf1;
		if (b->nobj == WORKBUF_OBJS) {
			lf_push(&work.full, b);
			w->wbuf1 = b = getempty();
		}
	}
	b->obj[b->nobj++] = obj;
}

static inline void put(GcWork *w, uintptr_t obj)
{
	Workbuf *b = w->wbuf1;
	if (__builtin_expect(b->nobj == WORKBUF_OBJS, 0))
		put_slow(w, obj);
	else
		b->obj[b->nobj++] = obj;
}

static void backoff(int i)
{
	if (i < 10)
		for (int k = 0; k < 20; k++)
			__builtin_ia32_pause();
	else if (i < 20)
		sched_yield();
	else
		usleep(50);
}

/* A packet of work from the others, or NULL when the phase's work is done: every joined worker is
 * waiting here with empty packets (termination, Go 1.4's getfull). A worker counts in nwait only
 * while it holds no grey object, and leaves the count before it takes a packet, so nwait == joined
 * means nobody holds work and nobody can make more. nwait is read before joined: joined only grows
 * and is never below nwait, so equal reads mean they were equal when nwait was read. A packet pushed
 * just before its pusher started waiting is taken by the pusher itself (the full list is checked
 * before the count) or by another waiter; a worker that left on an equal count leaves the rest to it. */
static Workbuf *getfull(void)
{
	Workbuf *b = lf_pop(&work.full);
	if (b != NULL || work.serial)
		return b;
	__atomic_fetch_add(&work.nwait, 1, __ATOMIC_SEQ_CST);
	for (int i = 0;; i++) {
		if (__atomic_load_n(&work.full, __ATOMIC_SEQ_CST) != 0) {
			__atomic_fetch_sub(&work.nwait, 1, __ATOMIC_SEQ_CST);
			b = lf_pop(&work.full);
			if (b != NULL)
				return b;
			__atomic_fetch_add(&work.nwait, 1, __ATOMIC_SEQ_CST);
		}
		uint32_t nwait = __atomic_load_n(&work.nwait, __ATOMIC_SEQ_CST);
		if (nwait == (__atomic_load_n(&work.phase, __ATOMIC_SEQ_CST) & 0xffff))
			return NULL;
		backoff(i);
	}
}

/* The next grey object, 0 when the phase's work is done. */
static __attribute__((noinline)) uintptr_t tryget_slow(GcWork *w)
{
	Workbuf *b = w->wbuf1;
	{
		w->wbuf1 = w->wbuf2;
		w->wbuf2 = b;
		b = w->wbuf1;
		if (b->nobj == 0) {
			Workbuf *f = getfull();
			if (f == NULL)
				return 0;
			lf_push(&work.empty, b);
			w->wbuf1 = b = f;
		}
	}
	return b->obj[--b->nobj];
}

static inline uintptr_t tryget(GcWork *w)
{
	Workbuf *b = w->wbuf1;
	if (__builtin_expect(b->nobj == 0, 0))
		return tryget_slow(w);
	return b->obj[--b->nobj];
}

/* Somebody is waiting and the full list is empty: publish some of this worker's work (Go's
 * gcWork.balance): its second packet, or half of its first. */
static void balance(GcWork *w)
{
	if (w->wbuf2->nobj > 0) {
		lf_push(&work.full, w->wbuf2);
		w->wbuf2 = getempty();
	} else if (w->wbuf1->nobj > 4) {
		Workbuf *b = w->wbuf1, *n = getempty();
		n->nobj = b->nobj / 2;
		b->nobj -= n->nobj;
		memcpy(n->obj, b->obj + b->nobj, n->nobj * sizeof n->obj[0]);
		lf_push(&work.full, n);
	}
}

/* ---- marking ---- */

/* Marks the object holding p, if any (returns whether p is in an in-use span). past_end: a pointer
 * at an object's start also marks the object before it (the essay's policy for roots). The mark bit
 * is set by an atomic OR: of two workers that find the same object, one sees the bit clear and
 * greys it; the other drops it. A phase with one worker sets it plainly: a locked OR costs more than
 * the rest of mark() (binary_trees: 30% more time with it). */
static bool mark(GcWork *w, uintptr_t p, bool past_end)
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
		mark(w, p - 1, false);
	if (!span_bit(s->allocbits, i))
		return true;
	uint64_t *word = &s->markbits[i >> 6], bit = (uint64_t)1 << (i & 63);
	if (__atomic_load_n(word, __ATOMIC_RELAXED) & bit)
		return true;
	if (work.verifying)
		panic_throw("runtime: gc verifier: a reachable object was not marked");
	if (!work.parallel)
		*word |= bit;
	else if (__atomic_fetch_or(word, bit, __ATOMIC_RELAXED) & bit)
		return true;
	w->bytes += s->elemsize;
	if (!s->noscan)
		put(w, s->base + i * s->elemsize);
	return true;
}

/* A word of a root range. The world is stopped, but not every thread: sysmon, Ms without a P (parking
 * themselves under sched.lock: mput, m->locks) and Ms leaving a system call keep writing scheduler
 * words in the ranges scanned here (sched and the runtime's other globals in .bss, G and M records,
 * a P's status), and so do the other mark workers (their state in .bss). Those words never hold heap
 * pointers (G, M and P records are calloc'd), and an aligned word load is never torn, so a stale
 * value cannot lose an object: the read is racy by design, and left out of ThreadSanitizer's view
 * (libgocc_rt_tsan.a; docs/runtime.md). Heap objects are read plainly: nothing writes them while
 * the world is stopped. */
static __attribute__((no_sanitize_thread)) uintptr_t load_root_word(uintptr_t p)
{
	return *(uintptr_t *)p;
}

/* root: a root range (load_root_word, and the past-end policy of mark). */
static void scan_conservative(GcWork *w, uintptr_t lo, uintptr_t hi, bool root)
{
	lo = (lo + 7) & ~(uintptr_t)7;
	for (uintptr_t p = lo; p + 8 <= hi; p += 8) {
		uintptr_t v = root ? load_root_word(p) : *(uintptr_t *)p;
		if (v >= mheap_.arena && v < mheap_.arena_used)
			mark(w, v, root);
	}
}

static void scan_root(uintptr_t lo, uintptr_t hi)
{
	scan_conservative(gcw_current, lo, hi, true);
}

/* One goroutine's stack, from sp up through its older segments: how its words become roots. */
static void scan_stack(G *gp, uintptr_t sp)
{
	stack_scan_segments(gp, sp, scan_root);
}

/* Objects bigger than this are scanned in pieces (Go's oblets): the piece at the object's start
 * queues the others, so the workers share one big array. */
#define OBLET_BYTES ((uintptr_t)128 << 10)

/* Scans the grey object at p, or, when p is inside a big object, the oblet that starts there. */
static void scan_object(GcWork *w, uintptr_t p)
{
	Span *s = span_of(p);
	uintptr_t i = s->sizeclass ? (p - s->base) / s->elemsize : 0;
	uintptr_t obj = s->base + i * s->elemsize, end = obj + s->elemsize;
	uintptr_t lo = p, hi = end;
	if (s->elemsize > OBLET_BYTES && !work.verifying) {
		if (p == obj)
			for (uintptr_t o = obj + OBLET_BYTES; o < end; o += OBLET_BYTES)
				put(w, o);
		if (lo + OBLET_BYTES < hi)
			hi = lo + OBLET_BYTES;
	}
	const GoType *t = s->sizeclass ? s->types[i] : s->largetype;
	if (t == NULL || t == MALLOC_CONSERVATIVE) {
		scan_conservative(w, lo, hi, false);
		return;
	}
	const uint8_t *bits = t->gcdata;
	uintptr_t words = t->ptrdata / 8, esize = t->size;
	if (lo == obj && hi == end) { /* a whole object: no oblet bounds within the elements */
		for (uintptr_t e = obj; e + esize <= end; e += esize)
			for (uintptr_t k = 0; k < words; k++)
				if (bits[k / 8] >> (k % 8) & 1) {
					uintptr_t v = ((uintptr_t *)e)[k];
					if (v >= mheap_.arena && v < mheap_.arena_used)
						mark(w, v, false);
				}
		return;
	}
	uintptr_t e = obj + (lo - obj) / esize * esize;
	for (; e < hi && e + esize <= end; e += esize) {
		uintptr_t w0 = e < lo ? (lo - e) / 8 : 0, w1 = (hi - e) / 8;
		if (w1 > words)
			w1 = words;
		for (uintptr_t k = w0; k < w1; k++)
			if (bits[k / 8] >> (k % 8) & 1) {
				uintptr_t v = ((uintptr_t *)e)[k];
				if (v >= mheap_.arena && v < mheap_.arena_used)
					mark(w, v, false);
			}
	}
}

static void drain(GcWork *w)
{
	for (;;) {
		if (work.parallel && __atomic_load_n(&work.full, __ATOMIC_RELAXED) == 0 &&
		    __atomic_load_n(&work.nwait, __ATOMIC_RELAXED) > 0)
			balance(w);
		uintptr_t obj = tryget(w);
		if (obj == 0)
			return;
		scan_object(w, obj);
	}
}

/* For mfinal.c, after the parallel phase: one worker, the collector's. */
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
		mark(&gcworks[0], p, false);
	drain(&gcworks[0]);
}

void gc_mark_referents(uintptr_t p)
{
	Span *s = span_of(p);
	if (s == NULL || s->state != SPAN_INUSE || s->noscan)
		return;
	uintptr_t i = s->sizeclass ? (p - s->base) / s->elemsize : 0;
	scan_object(&gcworks[0], s->base + i * s->elemsize);
	drain(&gcworks[0]);
}

/* ---- roots, as jobs ---- */

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

/* The data and bss roots, in jobs of GLOBALS_PER_JOB package variables: job j covers the addresses
 * from its first variable (job 0: from __data_start) to the next job's first (the last: to _end);
 * package variables precisely by their types, everything else there (the C runtime's variables)
 * conservatively. */
#define GLOBALS_PER_JOB 256

static void data_job(GcWork *w, uint32_t j)
{
	size_t first = (size_t)j * GLOBALS_PER_JOB, last = first + GLOBALS_PER_JOB;
	if (last > nglobals)
		last = nglobals;
	uintptr_t p = j == 0 ? (uintptr_t)__data_start : globals[first].addr;
	uintptr_t end = last < nglobals ? globals[last].addr : (uintptr_t)_end;
	for (size_t i = first; i < last; i++) {
		Global g = globals[i];
		if (g.addr > p)
			scan_conservative(w, p, g.addr, true);
		if (g.addr + g.type->size > p)
			p = g.addr + g.type->size;
		const uint8_t *bits = g.type->gcdata;
		for (uintptr_t k = 0; k < g.type->ptrdata / 8; k++)
			if (bits[k / 8] >> (k % 8) & 1) {
				uintptr_t v = load_root_word(g.addr + 8 * k);
				if (v >= mheap_.arena && v < mheap_.arena_used)
					mark(w, v, false);
			}
	}
	if (end > p)
		scan_conservative(w, p, end, true);
}

/* Every goroutine, copied at the start of the cycle: job ndatajobs+1+k scans allgs[k]. */
static G **allgs;
static size_t nallgs, capallgs;
static G *self_g;         /* the collecting goroutine */
static uintptr_t self_sp; /* its stack pointer, its registers spilled above */

static void prepare_jobs(void)
{
	if (globals == NULL)
		find_globals();
	while ((nallgs = sched_gc_allgs(allgs, capallgs)) > capallgs) {
		G **n = realloc(allgs, nallgs * 2 * sizeof *n);
		if (n == NULL)
			panic_throw("runtime: out of memory (gc root jobs)");
		allgs = n;
		capallgs = nallgs * 2;
	}
	work.ndatajobs = (uint32_t)((nglobals + GLOBALS_PER_JOB - 1) / GLOBALS_PER_JOB);
	if (work.ndatajobs == 0)
		work.ndatajobs = 1;
	work.njobs = work.ndatajobs + 1 + (uint32_t)nallgs;
}

static void root_job(GcWork *w, uint32_t j)
{
	if (j < work.ndatajobs)
		data_job(w, j);
	else if (j == work.ndatajobs)
		sched_gc_roots_ms(scan_root); /* M records and their threads' TLS blocks */
	else
		sched_gc_roots_g(allgs[j - work.ndatajobs - 1], scan_root, scan_stack, self_g, self_sp);
}

/* A worker of the parallel phase: root jobs while any is left, then grey objects until the phase
 * terminates. */
static void mark_worker(GcWork *w)
{
	gcw_current = w;
	if (w->wbuf1 == NULL) {
		w->wbuf1 = getempty();
		w->wbuf2 = getempty();
	}
	for (uint32_t j; (j = __atomic_fetch_add(&work.nextjob, 1, __ATOMIC_RELAXED)) < work.njobs;)
		root_job(w, j);
	drain(w);
	gcw_current = NULL;
}

/* ---- helper threads ---- */

/* A helper sleeps on work.wake; woken, it joins the open phase if there is room, works, and says so
 * in work.ndone. A helper that comes too late (phase closed or full) goes back to sleep. */
static void *mark_helper(void *arg)
{
	uint32_t seen = (uint32_t)(uintptr_t)arg;
	for (;;) {
		uint32_t v;
		while ((v = __atomic_load_n(&work.wake, __ATOMIC_ACQUIRE)) == seen)
			futex_sleep(&work.wake, seen, -1);
		seen = v;
		uint32_t ph = __atomic_load_n(&work.phase, __ATOMIC_ACQUIRE);
		while (!(ph & PHASE_CLOSED) && (ph & 0xffff) < (ph >> 16 & 0x7fff)) {
			if (__atomic_compare_exchange_n(&work.phase, &ph, ph + 1, false, __ATOMIC_ACQ_REL,
							__ATOMIC_ACQUIRE)) {
				mark_worker(&gcworks[ph & 0xffff]);
				__atomic_fetch_add(&work.ndone, 1, __ATOMIC_RELEASE);
				futex_wake(&work.ndone, 1);
				break;
			}
		}
	}
	return NULL;
}

static void start_helpers(uint32_t n)
{
	while (work.nhelpers < n) {
		pthread_attr_t attr;
		pthread_attr_init(&attr);
		pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
		sigset_t all, old;
		sigfillset(&all);
		pthread_sigmask(SIG_SETMASK, &all, &old); /* helpers take no signals */
		pthread_t t;
		uint32_t seen = __atomic_load_n(&work.wake, __ATOMIC_RELAXED);
		int err = pthread_create(&t, &attr, mark_helper, (void *)(uintptr_t)seen);
		pthread_sigmask(SIG_SETMASK, &old, NULL);
		pthread_attr_destroy(&attr);
		if (err != 0)
			break; /* fewer helpers: the phase is correct with any number of workers */
		work.nhelpers++;
	}
}

/* The parallel phase: the collector (worker 0) and up to GOMAXPROCS-1 helpers run the root jobs
 * and drain the grey objects until termination; returns when every joined helper is done. One
 * worker per WORKER_BYTES that the last cycle found live (this cycle's work, about): waking a
 * helper costs tens of microseconds, more than marking a small heap alone (under gcstress: every
 * worker, every cycle, so the stress tests run the parallel paths). */
#define WORKER_BYTES ((uint64_t)1 << 20)

static void mark_parallel(void)
{
	int32_t procs = sched_gc_nprocs();
	uint64_t want = gc_stress ? GC_MAX_WORKERS : 1 + last_live / WORKER_BYTES;
	uint32_t nproc = procs < 1 ? 1 : procs > GC_MAX_WORKERS ? GC_MAX_WORKERS : (uint32_t)procs;
	if (nproc > want)
		nproc = (uint32_t)want;
	if (nproc > 1)
		start_helpers(nproc - 1);
	if (nproc > work.nhelpers + 1)
		nproc = work.nhelpers + 1;
	work.nextjob = 0;
	work.nwait = 0;
	work.ndone = 0;
	work.serial = false;
	work.parallel = nproc > 1;
	__atomic_store_n(&work.phase, nproc << 16 | 1, __ATOMIC_RELEASE);
	if (nproc > 1) {
		__atomic_fetch_add(&work.wake, 1, __ATOMIC_RELEASE);
		futex_wake(&work.wake, nproc - 1);
	}
	mark_worker(&gcworks[0]);
	uint32_t ph = __atomic_load_n(&work.phase, __ATOMIC_ACQUIRE);
	while (!__atomic_compare_exchange_n(&work.phase, &ph, ph | PHASE_CLOSED, false, __ATOMIC_ACQ_REL,
					    __ATOMIC_ACQUIRE))
		;
	uint32_t helpers = (ph & 0xffff) - 1;
	for (uint32_t d; (d = __atomic_load_n(&work.ndone, __ATOMIC_ACQUIRE)) != helpers;)
		futex_sleep(&work.ndone, d, -1);
	if (__atomic_load_n(&work.full, __ATOMIC_ACQUIRE) != 0)
		panic_throw("runtime: gc mark finished with work left");
	work.serial = true;
	work.parallel = false;
}

/* GODEBUG=goccgcstress: after the mark, every root and every marked object's referents must be
 * marked; a grey object lost between workers would leave one unmarked. Serial, with the world still
 * stopped, and called from the frame that took self_sp, so the collector's stack above it is the
 * one the mark scanned. */
static void verify_marks(void)
{
	GcWork *w = &gcworks[0];
	gcw_current = w;
	work.verifying = true;
	for (uint32_t j = 0; j < work.njobs; j++)
		root_job(w, j);
	for (uintptr_t k = 0; k < mheap_.nspans; k++) {
		Span *s = mheap_.allspans[k];
		if (s->state != SPAN_INUSE || s->noscan)
			continue;
		for (uintptr_t i = 0; i < s->nelems; i++)
			if (span_bit(s->allocbits, i) && span_bit(s->markbits, i))
				scan_object(w, s->base + i * s->elemsize);
	}
	work.verifying = false;
	gcw_current = NULL;
}

static __attribute__((noinline)) void mark_roots(void)
{
	uintptr_t sp;
	__asm__ volatile("movq %%rsp, %0" : "=r"(sp));
	self_g = sched_getg();
	self_sp = sp;
	prepare_jobs();
	mark_parallel();
	gcw_current = &gcworks[0];
	fin_gc_roots(); /* mfinal.c: finalizer functions, queued objects, and newly unreachable ones */
	gcw_current = NULL;
	if (gc_stress)
		verify_marks();
}

static uint64_t marked_bytes(void)
{
	uint64_t n = 0;
	for (int i = 0; i < GC_MAX_WORKERS; i++) {
		n += gcworks[i].bytes;
		gcworks[i].bytes = 0;
	}
	return n;
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
	cy.mark = (uint64_t)sched_nanotime();
	mark_roots();
	cy.markterm = (uint64_t)sched_nanotime();
	uint64_t live = marked_bytes();
	AO_store(&mheap_.heap_live, live);
	__atomic_store_n(&last_live, live, __ATOMIC_RELAXED);
	gc_retarget();
	cy.heap2 = live;
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
__attribute__((noinline)) void gc_clear_stack(void)
{
	volatile char buf[4096];
	memset((char *)buf, 0, sizeof buf);
	__asm__ volatile("" ::"r"(buf) : "memory");
}

static void collect_triggered(void *arg)
{
	(void)arg;
	gc_clear_stack();
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
	gc_clear_stack();
	gc_full();
}

GO_LINKNAME(mgc_GC, "runtime.GC");
RUNTIME_API void mgc_GC(void *ctx)
{
	(void)ctx;
	stack_call_deep(collect_full, NULL);
}
