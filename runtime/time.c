/*
 * time.c: timers (Go's runtime/time.go): time.Sleep, and package time's runtimeTimer behind
 * NewTimer, After, AfterFunc, Ticker, Stop and Reset (time.startTimer, stopTimer, resetTimer,
 * modTimer), run by the scheduler.
 *
 * In: a *time.runtimeTimer (Timer below, laid out field by field as time/sleep.go's), or time.Sleep
 * from a goroutine. Out: the timer's f(arg, seq) called once its `when` (runtime.nanotime, the
 * monotonic clock) has come, again every `period` if positive; Stop and Reset report whether the
 * timer was pending, exactly as go1.19 (a timer whose f has started, or is done, is not pending).
 *
 * The one idea: one min-heap of Timer pointers under one RtLock, run by the scheduler. Every M that
 * schedules (proc.c's schedule and findrunnable) calls timers_check, which is one atomic load while
 * nothing is due; due timers are popped (or pushed back one period later), and their f runs on the
 * M's g0 stack with the lock released, as gc's runOneTimer. An M that finds no work and gives its P
 * back becomes the one timer sleeper if there are timers (timers_idle_sleep): it sleeps on a futex
 * word until the earliest `when`, then takes an idle P and runs them; a timer that becomes the
 * earliest bumps the word so the sleeper recomputes its timeout. The sleeper is not an idle M, so
 * checkdead does not report a deadlock while it waits (gc: a program blocked only on timers waits),
 * and checkdead also returns while the heap is not empty (gc's `len(pp.timers) > 0`). An M that
 * gives its P away without looking for work (handoffp: a goroutine locked to its thread parks, a
 * system call lasts) wakes an M to be the sleeper if there is none (timers_unwatched).
 *
 * time.Sleep is a timer too (gc's resetForSleep): the goroutine's own Timer (G.timer, made on its
 * first Sleep) with goroutine_ready as f, added by the park's unlockf, so it cannot fire before the
 * goroutine has parked. There is no timer thread.
 *
 * Calling f: f is a Go func value (a closure whose first word is the code) of type
 * func(any, uintptr); by the gocc calling convention (docs/architecture.md) its code is
 * `void code(ctx = the closure, arg.type, arg.data, seq)`: an interface parameter is its two words
 * (as runtime.setFinalizer receives them). The runtime's own f (goroutine_ready) is a C function
 * of that type behind a static closure. f runs on g0 (stack limit 0: no split-stack check fails),
 * holding the M's P: time.sendTime's non-blocking send and time.goFunc's `go` need nothing more.
 *
 * Invariants: heap[0..len) is a binary min-heap on `when`; a Timer is in the heap iff its status
 * is TIMER_WAITING, and then its `pp` word is its heap index + 1 (gocc's use of gc's P field);
 * `next` is heap[0]->when, or INT64_MAX when empty, written under the lock; no allocation, no
 * parking and no Go code under the lock (the heap grows with it released, then re-checks).
 *
 * Rejected: a timer thread calling f (Go code that would run with no P, outside the scheduler: the
 * `go` of AfterFunc needs one); a goroutine running timers (the program would see it in
 * NumGoroutine and in deadlock dumps); gc's heap per P with its lock-free status machine, the
 * target for many Ps: one heap and one lock is simpler and enough while timers are not hot
 * (docs/status.md). GC (later): heap and the timers in it are roots, as gc's P.timers.
 */
#include "malloc.h"
#include "panic.h"
#include "proc.h"
#include "scheduler.h"

/* time.runtimeTimer (time/sleep.go), field by field. */
typedef struct Timer {
	uintptr_t pp;      /* gc: the P whose heap holds it; gocc: heap index + 1, 0 outside */
	int64_t when;
	int64_t period;
	void *f;           /* func(any, uintptr): a closure, its first word the code */
	GoEface arg;
	uintptr_t seq;
	int64_t nextwhen;  /* unused (gc's timerModified states) */
	uint32_t status;
} Timer;
_Static_assert(sizeof(Timer) == 72, "time.runtimeTimer is 72 bytes");

enum { TIMER_NONE, TIMER_WAITING };

typedef void (*TimerFunc)(void *ctx, const GoType *atype, void *adata, uintptr_t seq);

static struct {
	RtLock lock;
	Timer **heap;
	size_t len, cap;
	int64_t next;      /* atomic: heap[0]->when, INT64_MAX when empty */
	uint32_t wake;     /* futex word of the timer sleeper: bumped when `next` moves earlier */
	uint32_t sleeping; /* atomic: 1 while an M is the timer sleeper */
} timers = {.next = INT64_MAX};

/* ---- the heap (under timers.lock) ---- */

static void heap_set(size_t i, Timer *t)
{
	timers.heap[i] = t;
	t->pp = i + 1;
}

static void sift_up(size_t i)
{
	Timer *t = timers.heap[i];
	while (i > 0) {
		size_t p = (i - 1) / 2;
		if (timers.heap[p]->when <= t->when)
			break;
		heap_set(i, timers.heap[p]);
		i = p;
	}
	heap_set(i, t);
}

static void sift_down(size_t i)
{
	Timer *t = timers.heap[i];
	for (;;) {
		size_t c = 2 * i + 1;
		if (c >= timers.len)
			break;
		if (c + 1 < timers.len && timers.heap[c + 1]->when < timers.heap[c]->when)
			c++;
		if (t->when <= timers.heap[c]->when)
			break;
		heap_set(i, timers.heap[c]);
		i = c;
	}
	heap_set(i, t);
}

static void update_next(void)
{
	__atomic_store_n(&timers.next, timers.len ? timers.heap[0]->when : INT64_MAX, __ATOMIC_SEQ_CST);
}

static void heap_remove(Timer *t)
{
	size_t i = t->pp - 1;
	Timer *last = timers.heap[--timers.len];
	t->pp = 0;
	t->status = TIMER_NONE;
	if (i < timers.len) {
		heap_set(i, last);
		sift_up(i);
		sift_down(last->pp - 1);
	}
}

/* Acquire timers.lock with room for one more timer. */
static void lock_with_room(void)
{
	for (;;) {
		lock_acquire(&timers.lock);
		if (timers.len < timers.cap)
			return;
		size_t cap = timers.cap ? 2 * timers.cap : 64;
		lock_release(&timers.lock);
		Timer **heap = runtime_mallocgc(cap * sizeof *heap, NULL, true); /* GC (later): a root */
		lock_acquire(&timers.lock);
		if (timers.cap < cap) {
			__builtin_memcpy(heap, timers.heap, timers.len * sizeof *heap);
			timers.heap = heap;
			timers.cap = cap;
		}
		lock_release(&timers.lock);
	}
}

/* Push t (under the lock, with room); wake the sleeper if t is the new earliest. */
static void heap_add(Timer *t)
{
	if (t->when < 0) /* an overflowed deadline: gc's maxWhen */
		t->when = INT64_MAX;
	t->status = TIMER_WAITING;
	timers.heap[timers.len] = t;
	sift_up(timers.len++);
	if (timers.heap[0] == t) {
		update_next();
		__atomic_fetch_add(&timers.wake, 1, __ATOMIC_SEQ_CST);
		futex_wake(&timers.wake, 1);
	}
}

/* ---- run by the scheduler (proc.c) ---- */

/* Run the timers whose time has come (gc's checkTimers + runtimer). On g0, holding a P. */
void timers_check(void)
{
	int64_t now = sched_nanotime();
	if (__atomic_load_n(&timers.next, __ATOMIC_SEQ_CST) > now)
		return;
	lock_acquire(&timers.lock);
	while (timers.len > 0 && timers.heap[0]->when <= now) {
		Timer *t = timers.heap[0];
		if (t->period > 0) { /* next tick, skipping the ones missed (gc's runOneTimer) */
			int64_t delta = t->when - now;
			int64_t when = t->when + t->period * (1 + -delta / t->period);
			t->when = when < 0 ? INT64_MAX : when;
			sift_down(0);
		} else {
			heap_remove(t);
		}
		update_next();
		TimerFunc code = *(TimerFunc *)t->f;
		void *f = t->f;
		GoEface arg = t->arg;
		uintptr_t seq = t->seq;
		lock_release(&timers.lock);
		code(f, arg.type, arg.data, seq);
		lock_acquire(&timers.lock);
	}
	lock_release(&timers.lock);
}

/* A P-less M with nothing to run: if there are timers and no other M waits for them, sleep until
 * the earliest is due and return true (the caller takes an idle P and runs them); false at once
 * otherwise, or when the heap empties meanwhile. */
bool timers_idle_sleep(void)
{
	uint32_t zero = 0;
	if (__atomic_load_n(&timers.next, __ATOMIC_SEQ_CST) == INT64_MAX ||
	    !__atomic_compare_exchange_n(&timers.sleeping, &zero, 1, false, __ATOMIC_SEQ_CST,
					 __ATOMIC_RELAXED))
		return false;
	bool due = false;
	for (;;) {
		uint32_t w = __atomic_load_n(&timers.wake, __ATOMIC_SEQ_CST);
		int64_t next = __atomic_load_n(&timers.next, __ATOMIC_SEQ_CST);
		if (next == INT64_MAX)
			break;
		int64_t now = sched_nanotime();
		if (next <= now) {
			due = true;
			break;
		}
		futex_sleep(&timers.wake, w, next - now);
	}
	__atomic_store_n(&timers.sleeping, 0, __ATOMIC_SEQ_CST);
	return due;
}

/* checkdead: a pending timer will ready a goroutine (or start one). */
bool timers_pending(void)
{
	return __atomic_load_n(&timers.next, __ATOMIC_SEQ_CST) != INT64_MAX;
}

/* handoffp gave a P back while timers are pending and nobody sleeps until them: it wakes an M,
 * which finds no work and becomes the sleeper (gc's handoffp calls wakeNetPoller). */
bool timers_unwatched(void)
{
	return timers_pending() && __atomic_load_n(&timers.sleeping, __ATOMIC_SEQ_CST) == 0;
}

/* ---- package time's hooks (time/sleep.go's body-less functions) ---- */

GO_LINKNAME(time_startTimer, "time.startTimer");
RUNTIME_API void time_startTimer(void *ctx, Timer *t)
{
	(void)ctx;
	lock_with_room();
	if (t->status != TIMER_NONE) {
		lock_release(&timers.lock);
		panic_throw("addtimer called with initialized timer");
	}
	heap_add(t);
	lock_release(&timers.lock);
}

GO_LINKNAME(time_stopTimer, "time.stopTimer");
RUNTIME_API bool time_stopTimer(void *ctx, Timer *t)
{
	(void)ctx;
	lock_acquire(&timers.lock);
	bool pending = t->status == TIMER_WAITING;
	if (pending) {
		heap_remove(t);
		update_next();
	}
	lock_release(&timers.lock);
	return pending;
}

/* gc's modtimer: reports whether t was pending. */
static bool modtimer(Timer *t, int64_t when, int64_t period, void *f, GoEface arg, uintptr_t seq)
{
	lock_with_room();
	bool pending = t->status == TIMER_WAITING;
	if (pending)
		heap_remove(t);
	t->when = when;
	t->period = period;
	t->f = f;
	t->arg = arg;
	t->seq = seq;
	heap_add(t);
	update_next();
	lock_release(&timers.lock);
	return pending;
}

GO_LINKNAME(time_resetTimer, "time.resetTimer");
RUNTIME_API bool time_resetTimer(void *ctx, Timer *t, int64_t when)
{
	(void)ctx;
	return modtimer(t, when, t->period, t->f, t->arg, t->seq);
}

GO_LINKNAME(time_modTimer, "time.modTimer");
RUNTIME_API void time_modTimer(void *ctx, Timer *t, int64_t when, int64_t period, void *f,
			       const GoType *atype, void *adata, uintptr_t seq)
{
	(void)ctx;
	modtimer(t, when, period, f, (GoEface){atype, adata}, seq);
}

/* ---- time.Sleep (gc's timeSleep, resetForSleep, goroutineReady) ---- */

static void goroutine_ready(void *ctx, const GoType *atype, void *adata, uintptr_t seq)
{
	(void)ctx, (void)atype, (void)seq;
	sched_ready(adata);
}
static const TimerFunc goroutine_ready_closure = goroutine_ready; /* a func value: code word only */

/* The park's unlockf: the goroutine has parked, its timer may fire now. */
static bool reset_for_sleep(G *gp, void *arg)
{
	(void)gp;
	Timer *t = arg;
	lock_with_room();
	heap_add(t);
	lock_release(&timers.lock);
	return true;
}

GO_LINKNAME(time_Sleep, "time.Sleep");
RUNTIME_API void time_Sleep(void *ctx, int64_t ns)
{
	(void)ctx;
	if (ns <= 0)
		return;
	G *gp = sched_getg();
	Timer *t = gp->timer;
	if (t == NULL) {
		t = runtime_mallocgc(sizeof *t, NULL, true); /* GC (later): reachable from the G */
		t->f = (void *)&goroutine_ready_closure;
		t->arg = (GoEface){NULL, gp};
		gp->timer = t;
	}
	int64_t now = sched_nanotime();
	t->when = ns > INT64_MAX - now ? INT64_MAX : now + ns;
	t->period = 0;
	sched_park(reset_for_sleep, t, WAIT_SLEEP);
}
