/*
 * sema.c: the semaphores and notify lists under package sync (Go's runtime/sema.go), and the other
 * hooks sync declares without bodies (sync_throw, procPin, canSpin, ... from Go's panic.go and
 * proc.go), defined for sync's body-less declarations by GO_LINKNAME under gc's link names
 * (`sync.runtime_Semacquire`; docs/runtime.md, "Hooks of standard packages", lists them all).
 *
 * In: the addresses of sync's semaphore words and notifyList structs. Out: go1.19's sleep and
 * wakeup: "every sleep is paired with a single wakeup, even if, due to races, the wakeup happens
 * before the sleep" (sema.go, after Mullender and Cox, Semaphores in Plan 9).
 *
 * Semaphores, as gc's. A semaphore is a uint32 count in the program's memory. semacquire takes one
 * when the count is positive (a compare-and-swap: the fast path, no lock); otherwise the goroutine
 * queues a Sudog on the semaRoot its address hashes to (semtable: 251 roots, one per cache line) and
 * parks with wait reason `semacquire`. A root holds a treap of Sudogs with distinct addresses (keyed
 * by address, heap-ordered by a random ticket), each heading the list of the other waiters on the
 * same address (waitlink/waittail; lifo waiters, sync.Mutex's starving re-waits, go first).
 * semrelease adds one to the count and, if the root has waiters (nwait, read without the lock),
 * dequeues the first waiter on that address and readies it; with handoff (sync.Mutex in starvation
 * mode) it takes the count for the waiter itself (ticket = 1), so no newcomer can steal it. A waker
 * readies its waiter after releasing the root lock: the parker released that lock only once it was
 * parked (sched_parkunlock), so the ready cannot come early.
 *
 * Notify lists (sync.Cond), as gc's ticket scheme: notifyListAdd takes a ticket (wait++), Wait
 * returns at once if its ticket was already notified, otherwise queues (FIFO) and parks with wait
 * reason `sync.Cond.Wait`; NotifyOne advances notify by one and readies the waiter holding that
 * ticket (if it has queued already; otherwise it will see its ticket notified and not park);
 * NotifyAll sets notify to wait and readies the whole list outside the lock.
 *
 * What a single goroutine blocked here prints (`fatal error: all goroutines are asleep - deadlock!`,
 * `goroutine 1 [semacquire]:`) is the scheduler's checkdead: this file only parks.
 *
 * Invariants (gc's): root->nwait counts the Sudogs in root's treap and lists, and is incremented
 * before the waiter re-checks the count, so a release either sees the waiter or the waiter sees the
 * release; a Sudog is in at most one treap or list; the treap and its lists, and a notify list's
 * queue, are guarded by their RtLock; semaphore and ticket words are accessed with atomics (sync
 * reads them with sync/atomic too).
 *
 * Not done, as in gc without profiling: block and mutex profiles (acquiretime, releasetime stay 0).
 * Not done yet: the direct handoff's yield (gc's goyield after readying a handoff waiter: the waiter
 * already owns the count, it just runs a little later).
 *
 * Rejected alternatives. A futex wait on the semaphore word: it blocks the thread, not the
 * goroutine, and gc's deadlock report needs the goroutine parked with its wait reason. One lock for
 * all semaphores: contention between unrelated Mutexes (gc shards by address for that reason).
 */
#include "alg.h"
#include "panic.h"
#include "print.h"
#include "scheduler.h"

/* gc's cansemacquire: take one from *addr if it is positive. */
static bool cansemacquire(uint32_t *addr)
{
	uint32_t v = __atomic_load_n(addr, __ATOMIC_SEQ_CST);
	while (v != 0)
		if (__atomic_compare_exchange_n(addr, &v, v - 1, false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST))
			return true;
	return false;
}

/* ---- the semaphore table ---- */

typedef struct SemaRoot {
	RtLock lock;
	uint32_t nwait; /* waiters on this root; atomic, read without the lock */
	Sudog *treap;   /* guarded by lock: the waiters with distinct addresses */
} SemaRoot;

enum { SEM_TAB_SIZE = 251, CACHE_LINE = 64 };

/* Guarded by: each root's own lock (nwait: atomics). One root per cache line. */
static struct {
	SemaRoot root;
	uint8_t pad[CACHE_LINE - sizeof(SemaRoot)];
} semtable[SEM_TAB_SIZE];

static SemaRoot *semroot(uint32_t *addr)
{
	return &semtable[((uintptr_t)addr >> 3) % SEM_TAB_SIZE].root;
}

/* (x a (y b c)) becomes (y (x a b) c). */
static void rotate_left(SemaRoot *root, Sudog *x)
{
	Sudog *p = x->parent, *y = x->next, *b = y->prev;
	y->prev = x;
	x->parent = y;
	x->next = b;
	if (b)
		b->parent = x;
	y->parent = p;
	if (p == NULL)
		root->treap = y;
	else if (p->prev == x)
		p->prev = y;
	else if (p->next == x)
		p->next = y;
	else
		panic_throw("semaRoot rotateLeft");
}

/* (y (x a b) c) becomes (x a (y b c)). */
static void rotate_right(SemaRoot *root, Sudog *y)
{
	Sudog *p = y->parent, *x = y->prev, *b = x->next;
	x->next = y;
	y->parent = x;
	y->prev = b;
	if (b)
		b->parent = y;
	x->parent = p;
	if (p == NULL)
		root->treap = x;
	else if (p->prev == y)
		p->prev = x;
	else if (p->next == y)
		p->next = x;
	else
		panic_throw("semaRoot rotateRight");
}

/* Adds s, waiting on addr, to root (gc's semaRoot.queue). Under root->lock. */
static void sema_queue(SemaRoot *root, uint32_t *addr, Sudog *s, bool lifo)
{
	s->g = sched_getg();
	s->elem = addr;
	s->next = s->prev = NULL;
	Sudog *last = NULL, **pt = &root->treap;
	for (Sudog *t = *pt; t; t = *pt) {
		if (t->elem == addr) {
			if (lifo) {
				/* s takes t's place in the treap; t heads s's wait list */
				*pt = s;
				s->ticket = t->ticket;
				s->acquiretime = t->acquiretime;
				s->parent = t->parent;
				s->prev = t->prev;
				s->next = t->next;
				if (s->prev)
					s->prev->parent = s;
				if (s->next)
					s->next->parent = s;
				s->waitlink = t;
				s->waittail = t->waittail ? t->waittail : t;
				t->parent = t->prev = t->next = NULL;
				t->waittail = NULL;
			} else {
				if (t->waittail == NULL)
					t->waitlink = s;
				else
					t->waittail->waitlink = s;
				t->waittail = s;
				s->waitlink = NULL;
			}
			return;
		}
		last = t;
		pt = (uintptr_t)addr < (uintptr_t)t->elem ? &t->prev : &t->next;
	}
	/* a new leaf, rotated up while its random ticket is below its parent's (heap order); odd, as
	 * gc's: a ticket of 0 means "no handoff" after dequeue */
	s->ticket = (uint32_t)alg_rand() | 1;
	s->parent = last;
	*pt = s;
	while (s->parent && s->parent->ticket > s->ticket) {
		if (s->parent->prev == s)
			rotate_right(root, s->parent);
		else if (s->parent->next == s)
			rotate_left(root, s->parent);
		else
			panic_throw("semaRoot queue");
	}
}

/* Removes and returns the first waiter on addr, or NULL (gc's semaRoot.dequeue). Under root->lock. */
static Sudog *sema_dequeue(SemaRoot *root, uint32_t *addr)
{
	Sudog **ps = &root->treap, *s = *ps;
	for (; s; s = *ps) {
		if (s->elem == addr)
			break;
		ps = (uintptr_t)addr < (uintptr_t)s->elem ? &s->prev : &s->next;
	}
	if (s == NULL)
		return NULL;
	Sudog *t = s->waitlink;
	if (t) {
		/* the next waiter on addr takes s's place in the treap */
		*ps = t;
		t->ticket = s->ticket;
		t->parent = s->parent;
		t->prev = s->prev;
		if (t->prev)
			t->prev->parent = t;
		t->next = s->next;
		if (t->next)
			t->next->parent = t;
		t->waittail = t->waitlink ? s->waittail : NULL;
		s->waitlink = s->waittail = NULL;
	} else {
		/* rotate s down to a leaf, respecting the priorities, and cut it off */
		while (s->next || s->prev) {
			if (s->next == NULL || (s->prev && s->prev->ticket < s->next->ticket))
				rotate_right(root, s);
			else
				rotate_left(root, s);
		}
		if (s->parent == NULL)
			root->treap = NULL;
		else if (s->parent->prev == s)
			s->parent->prev = NULL;
		else
			s->parent->next = NULL;
	}
	s->parent = s->next = s->prev = NULL;
	s->elem = NULL;
	s->ticket = 0;
	return s;
}

/* gc's semacquire1. */
static void semacquire(uint32_t *addr, bool lifo, WaitReason reason)
{
	if (cansemacquire(addr))
		return;
	Sudog *s = sched_acquire_sudog();
	SemaRoot *root = semroot(addr);
	s->releasetime = s->acquiretime = 0;
	s->ticket = 0;
	for (;;) {
		lock_acquire(&root->lock);
		/* counted as a waiter first, so a semrelease from now on looks for us */
		__atomic_fetch_add(&root->nwait, 1, __ATOMIC_SEQ_CST);
		if (cansemacquire(addr)) { /* a release came in between: no sleep */
			__atomic_fetch_sub(&root->nwait, 1, __ATOMIC_SEQ_CST);
			lock_release(&root->lock);
			break;
		}
		sema_queue(root, addr, s, lifo);
		sched_parkunlock(&root->lock, reason);
		if (s->ticket != 0 || cansemacquire(addr)) /* handed the count, or took it */
			break;
	}
	sched_release_sudog(s);
}

/* gc's semrelease1. */
static void semrelease(uint32_t *addr, bool handoff)
{
	SemaRoot *root = semroot(addr);
	__atomic_fetch_add(addr, 1, __ATOMIC_SEQ_CST);
	if (__atomic_load_n(&root->nwait, __ATOMIC_SEQ_CST) == 0)
		return; /* the easy case: nobody waits */
	lock_acquire(&root->lock);
	if (__atomic_load_n(&root->nwait, __ATOMIC_SEQ_CST) == 0) {
		lock_release(&root->lock);
		return;
	}
	Sudog *s = sema_dequeue(root, addr);
	if (s)
		__atomic_fetch_sub(&root->nwait, 1, __ATOMIC_SEQ_CST);
	lock_release(&root->lock);
	if (s) {
		if (handoff && cansemacquire(addr))
			s->ticket = 1; /* the count is the waiter's: nobody else can take it */
		sched_ready(s->g);
	}
}

GO_LINKNAME(sync_runtime_Semacquire, "sync.runtime_Semacquire");
GO_LINKNAME(sync_runtime_Semacquire, "internal/poll.runtime_Semacquire");
RUNTIME_API void sync_runtime_Semacquire(void *ctx, uint32_t *addr)
{
	(void)ctx;
	semacquire(addr, false, WAIT_SEMACQUIRE);
}

/* sync.Mutex's slow path; skipframes matters only for profiling. go1.19 parks with the same wait
 * reason as Semacquire. */
GO_LINKNAME(sync_runtime_SemacquireMutex, "sync.runtime_SemacquireMutex");
RUNTIME_API void sync_runtime_SemacquireMutex(void *ctx, uint32_t *addr, uint8_t lifo, int64_t skipframes)
{
	(void)ctx, (void)skipframes;
	semacquire(addr, lifo & 1, WAIT_SEMACQUIRE);
}

GO_LINKNAME(sync_runtime_Semrelease, "sync.runtime_Semrelease");
RUNTIME_API void sync_runtime_Semrelease(void *ctx, uint32_t *addr, uint8_t handoff, int64_t skipframes)
{
	(void)ctx, (void)skipframes;
	semrelease(addr, handoff & 1);
}

/* internal/poll's fdMutex: a plain release (gc's poll_runtime_Semrelease). */
GO_LINKNAME(poll_runtime_Semrelease, "internal/poll.runtime_Semrelease");
RUNTIME_API void poll_runtime_Semrelease(void *ctx, uint32_t *addr)
{
	(void)ctx;
	semrelease(addr, false);
}

/* ---- notify lists ---- */

/* sync.notifyList, field for field (sync/runtime2.go); notifyListCheck compares the sizes. gc's
 * `lock mutex` is a uintptr key; the RtLock's 32-bit key lives in its low half. */
typedef struct NotifyList {
	uint32_t wait;   /* ticket of the next waiter; atomic */
	uint32_t notify; /* ticket of the next waiter to be notified; written under lock, read atomically */
	union {
		uintptr_t word;
		RtLock lock;
	};
	Sudog *head, *tail; /* guarded by lock: the parked waiters, in queueing order */
} NotifyList;

GO_LINKNAME(sync_runtime_notifyListAdd, "sync.runtime_notifyListAdd");
RUNTIME_API uint32_t sync_runtime_notifyListAdd(void *ctx, NotifyList *l)
{
	(void)ctx;
	return __atomic_fetch_add(&l->wait, 1, __ATOMIC_SEQ_CST);
}

/* gc's less(a, b): ticket order with wraparound. */
static bool ticket_less(uint32_t a, uint32_t b)
{
	return (int32_t)(a - b) < 0;
}

GO_LINKNAME(sync_runtime_notifyListWait, "sync.runtime_notifyListWait");
RUNTIME_API void sync_runtime_notifyListWait(void *ctx, NotifyList *l, uint32_t t)
{
	(void)ctx;
	lock_acquire(&l->lock);
	if (ticket_less(t, l->notify)) { /* already notified */
		lock_release(&l->lock);
		return;
	}
	Sudog *s = sched_acquire_sudog();
	s->g = sched_getg();
	s->ticket = t;
	s->releasetime = 0;
	s->next = NULL;
	if (l->tail == NULL)
		l->head = s;
	else
		l->tail->next = s;
	l->tail = s;
	sched_parkunlock(&l->lock, WAIT_SYNC_COND_WAIT);
	sched_release_sudog(s);
}

GO_LINKNAME(sync_runtime_notifyListNotifyAll, "sync.runtime_notifyListNotifyAll");
RUNTIME_API void sync_runtime_notifyListNotifyAll(void *ctx, NotifyList *l)
{
	(void)ctx;
	if (__atomic_load_n(&l->wait, __ATOMIC_SEQ_CST) == __atomic_load_n(&l->notify, __ATOMIC_SEQ_CST))
		return; /* nobody new since the last notification */
	lock_acquire(&l->lock);
	Sudog *s = l->head;
	l->head = l->tail = NULL;
	/* every earlier ticket is in the list taken, or will find itself notified */
	__atomic_store_n(&l->notify, __atomic_load_n(&l->wait, __ATOMIC_SEQ_CST), __ATOMIC_SEQ_CST);
	lock_release(&l->lock);
	while (s) {
		Sudog *next = s->next;
		s->next = NULL;
		sched_ready(s->g);
		s = next;
	}
}

GO_LINKNAME(sync_runtime_notifyListNotifyOne, "sync.runtime_notifyListNotifyOne");
RUNTIME_API void sync_runtime_notifyListNotifyOne(void *ctx, NotifyList *l)
{
	(void)ctx;
	if (__atomic_load_n(&l->wait, __ATOMIC_SEQ_CST) == __atomic_load_n(&l->notify, __ATOMIC_SEQ_CST))
		return;
	lock_acquire(&l->lock);
	uint32_t t = l->notify;
	if (t == __atomic_load_n(&l->wait, __ATOMIC_SEQ_CST)) {
		lock_release(&l->lock);
		return;
	}
	__atomic_store_n(&l->notify, t + 1, __ATOMIC_SEQ_CST);
	/* the waiter with ticket t, if it has queued yet (else it will see t notified) */
	for (Sudog *p = NULL, *s = l->head; s; p = s, s = s->next) {
		if (s->ticket == t) {
			Sudog *n = s->next;
			if (p)
				p->next = n;
			else
				l->head = n;
			if (n == NULL)
				l->tail = p;
			lock_release(&l->lock);
			s->next = NULL;
			sched_ready(s->g);
			return;
		}
	}
	lock_release(&l->lock);
}

GO_LINKNAME(sync_runtime_notifyListCheck, "sync.runtime_notifyListCheck");
RUNTIME_API void sync_runtime_notifyListCheck(void *ctx, uintptr_t size)
{
	(void)ctx;
	if (size != sizeof(NotifyList)) {
		runtime_printlock();
		print_cstr("runtime: bad notifyList size - sync=");
		runtime_printuint(size);
		print_cstr(" runtime=");
		runtime_printuint(sizeof(NotifyList));
		print_cstr("\n");
		runtime_printunlock();
		panic_throw("bad notifyList size");
	}
}

/* Spinning helps only when another goroutine runs on another P and may unlock meanwhile. Never
 * spinning is always correct (a spin is only an optimisation before parking); gc's condition needs
 * the scheduler's counts of idle and spinning Ps, which scheduler.h does not offer yet. */
GO_LINKNAME(sync_runtime_canSpin, "sync.runtime_canSpin");
RUNTIME_API bool sync_runtime_canSpin(void *ctx, int64_t i)
{
	(void)ctx, (void)i;
	return false;
}

/* gc's procyield(active_spin_cnt): 30 PAUSE instructions. */
GO_LINKNAME(sync_runtime_doSpin, "sync.runtime_doSpin");
RUNTIME_API void sync_runtime_doSpin(void *ctx)
{
	(void)ctx;
	for (int i = 0; i < 30; i++)
		__builtin_ia32_pause();
}

/* procPin returns the running P's id and keeps the goroutine on that P until procUnpin (gc's: m.locks++,
 * return p.id). sync.Pool indexes its per-P pools by the id, and atomic.Value's first Store uses the
 * pin to keep other goroutines of the P out: two threads must never get the same id at once, so the
 * answer is the P the goroutine runs on (a constant 0 would let every P's goroutines share pool 0,
 * whose lock-free queue has one producer). gocc preempts only at stack checks when g->preempt is
 * set, and nothing sets it yet, so nothing more is needed to stay on the P; reading g->m->p (proc.c's
 * private fields) is the one way in until scheduler.h offers a pin. Off the scheduler (unit tests,
 * before schedinit): P 0. */
GO_LINKNAME(sync_runtime_procPin, "sync.runtime_procPin");
GO_LINKNAME(sync_runtime_procPin, "sync/atomic.runtime_procPin");
RUNTIME_API int64_t sync_runtime_procPin(void *ctx)
{
	(void)ctx;
	G *gp = sched_getg();
	if (gp == NULL || gp->m == NULL || gp->m->p == NULL)
		return 0;
	return gp->m->p->id;
}

GO_LINKNAME(sync_runtime_procUnpin, "sync.runtime_procUnpin");
GO_LINKNAME(sync_runtime_procUnpin, "sync/atomic.runtime_procUnpin");
RUNTIME_API void sync_runtime_procUnpin(void *ctx)
{
	(void)ctx;
}

/* sync.Pool's cleanup, which gc runs at the start of every collection. gocc has no collector yet,
 * so it is kept and never run: pools keep their objects, which Pool's contract allows. */
static void *pool_cleanup; /* guarded by: written once, by sync's init, before it starts goroutines */

GO_LINKNAME(sync_runtime_registerPoolCleanup, "sync.runtime_registerPoolCleanup");
RUNTIME_API void sync_runtime_registerPoolCleanup(void *ctx, void *cleanup)
{
	(void)ctx;
	pool_cleanup = cleanup;
}

/* gc's fastrandn: a random number in [0, n) by multiply-shift of a 32-bit fastrand. */
GO_LINKNAME(sync_fastrandn, "sync.fastrandn");
RUNTIME_API uint32_t sync_fastrandn(void *ctx, uint32_t n)
{
	(void)ctx;
	return (uint32_t)(((uint64_t)(uint32_t)alg_rand() * n) >> 32);
}

/* sync.throw: a runtime-bug-style throw (`fatal error: sync: unlock of unlocked mutex`); sync.fatal:
 * the same for errors of the program (gc's throwTypeUser: `fatal error: sync: Unlock of unlocked
 * RWMutex`). Both unrecoverable, exit status 2. The traceback level differs in gc only in which
 * frames it prints, and gocc prints no frames yet. */
GO_LINKNAME(sync_throw, "sync.throw");
RUNTIME_API RUNTIME_NORET void sync_throw(void *ctx, const uint8_t *p, int64_t len)
{
	(void)ctx;
	panic_throw_str("", (GoString){p, len});
}

GO_LINKNAME(sync_fatal, "sync.fatal");
RUNTIME_API RUNTIME_NORET void sync_fatal(void *ctx, const uint8_t *p, int64_t len)
{
	(void)ctx;
	panic_throw_str("", (GoString){p, len});
}
