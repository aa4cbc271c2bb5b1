/*
 * time.c: timers (Go's runtime/time.go): time.Sleep, and package time's runtimeTimer behind
 * NewTimer, After, AfterFunc, Ticker, Stop and Reset (time.startTimer, stopTimer, resetTimer,
 * modTimer), kept in a heap per P and run by the scheduler.
 *
 * In: a *time.runtimeTimer (Timer below, laid out field by field as time/sleep.go's), or time.Sleep
 * from a goroutine. Out: the timer's f(arg, seq) called once its `when` (runtime.nanotime, the
 * monotonic clock) has come, again every `period` if positive; Stop and Reset report whether the
 * timer was pending, exactly as go1.19 (a timer whose f has started, or is done, is not pending).
 *
 * The one idea is go1.19's: every P has its own timer heap (P.timers, a 4-ary min-heap on `when`
 * as gc's, under P.timerslock). A timer is added to the heap of the P of the goroutine that starts
 * (or resets, or sleeps on) it, so timers spread over the Ps like the goroutines that use them and
 * no lock is shared by all Ps. Each P runs its own timers from its scheduling loop: proc.c's
 * schedule and findrunnable call timers_check(pp), one atomic load of P.timer0when while nothing
 * is due; due timers are popped (or pushed back one period later) and their f runs on the M's g0
 * with the P's lock released, as gc's runOneTimer. An M that finds no goroutine to run also runs
 * the due timers of the Ps it tries to steal from (gc's stealWork), so a P that is busy in a long
 * goroutine, or idle, does not hold its timers back. An M that gives its P up sleeps until the
 * earliest timer across all Ps (proc.c's timer sleeper: gc's M blocked in netpoll(delay)); a timer
 * that becomes the earliest of its P tells proc.c (sched_timer_added, gc's wakeNetPoller), which
 * wakes the sleeper if the timer is earlier than its deadline, or wakes an M if there is none.
 * When GOMAXPROCS shrinks, a retired P's timers move to P 0 (timers_move, gc's moveTimers).
 * checkdead counts timers as go1.19: once no M runs and every goroutine waits, a pending timer on
 * any P means no deadlock.
 *
 * Stop, Reset and modTimer may come from any goroutine on any P, while the timer sits in another
 * P's heap, or is being run there. gc's answer is a lock-free status machine of ten states with
 * lazy deletion (a stopped timer stays in its heap, marked deleted, until its P cleans it). gocc
 * keeps the documented simpler equivalent, three states and eager deletion:
 *   TIMER_NONE       in no heap (new, stopped, or a one-shot timer that has fired);
 *   TIMER_WAITING    in the heap of P t->pp, at index t->index - 1;
 *   TIMER_MODIFYING  in no heap, owned by the one thread that moved it out of NONE or WAITING.
 * To change a timer, timer_claim takes it: a WAITING timer by taking its P's timerslock (then
 * re-reading that t->pp is still that P: it changes only under the lock of the heap that holds
 * it), a NONE timer by CAS to MODIFYING; MODIFYING makes the others yield and retry. The owner
 * deletes it from its heap at once, sets the fields, and pushes it onto its own P's heap. The
 * runner pops a one-shot timer and sets it NONE before calling f (under the heap lock), so a Stop
 * racing with f sees NONE and reports false, as gc's timerRunning -> timerNoStatus.
 *
 * time.Sleep is a timer too (gc's resetForSleep): the goroutine's own Timer (G.timer, made on its
 * first Sleep) with goroutine_ready as f, added by the park's unlockf, so it cannot fire before the
 * goroutine has parked. There is no timer thread and no timer goroutine.
 *
 * Calling f: f is a Go func value (a closure whose first word is the code) of type
 * func(any, uintptr); by the gocc calling convention (docs/architecture.md) its code is
 * `void code(ctx = the closure, arg.type, arg.data, seq)`: an interface parameter is its two words
 * (as runtime.setFinalizer receives them). The runtime's own f (goroutine_ready) is a C function
 * of that type behind a static closure. f runs on g0 (stack limit 0: no split-stack check fails),
 * holding the M's P: time.sendTime's non-blocking send and time.goFunc's `go` need nothing more.
 *
 * Invariants: pp->timers[0..ntimers) is a 4-ary min-heap on `when`; a Timer is in a heap iff its
 * status is TIMER_WAITING, and then t->pp is that P and pp->timers[t->index - 1] == t; `when`,
 * t->pp and t->index of a WAITING timer change only under its P's timerslock; timer0when is
 * timers[0]->when or 0, written under the lock; a timer is only ever pushed onto the heap of the
 * P the pushing M holds (or, by timers_move, onto P 0's with both locks held, lower id first); no
 * Go-heap allocation, no parking and no Go code under a timerslock (the heap array is malloc'd:
 * growing it cannot start a collection), and no sched.lock under a timerslock (proc.c may take a
 * timerslock under sched.lock). The heap arrays are roots of the collector (timers_gc_scan): a
 * time.AfterFunc's Timer may be reachable from nowhere else.
 *
 * Rejected: one global heap under one lock (gocc's first design: every Sleep and every timer of
 * every P contended on it, and one M had to serve all Ps' timers); gc's lock-free status machine
 * with lazy deletion (ten states, cleantimers/adjusttimers passes, and checkdead seeing stopped
 * timers that are still in a heap; eager deletion under the heap's lock costs a lock per Stop,
 * which gc pays too for the modified states); a timer thread calling f (Go code that would run
 * with no P, outside the scheduler: the `go` of AfterFunc needs one); a goroutine running timers
 * (the program would see it in NumGoroutine and in deadlock dumps).
 */
#include <sched.h>
#include <stdlib.h>
#include <string.h>

#include "malloc.h"
#include "panic.h"
#include "proc.h"
#include "scheduler.h"

/* time.runtimeTimer (time/sleep.go), field by field. */
typedef struct Timer {
	P *pp;             /* the P whose heap holds it (gc's puintptr), NULL outside */
	int64_t when;
	int64_t period;
	void *f;           /* func(any, uintptr): a closure, its first word the code */
	GoEface arg;
	uintptr_t seq;
	int64_t index;     /* gc's nextwhen, unused by package time: gocc's heap index + 1, 0 outside */
	uint32_t status;   /* atomic: TIMER_NONE, TIMER_WAITING, TIMER_MODIFYING (gc's numbers) */
} Timer;
_Static_assert(sizeof(Timer) == 72, "time.runtimeTimer is 72 bytes");

enum { TIMER_NONE = 0, TIMER_WAITING = 1, TIMER_MODIFYING = 6 };

typedef void (*TimerFunc)(void *ctx, const GoType *atype, void *adata, uintptr_t seq);

/* ---- the heap of one P (under pp->timerslock): gc's siftupTimer/siftdownTimer, 4-ary ---- */

static void heap_set(P *pp, uint32_t i, Timer *t)
{
	pp->timers[i] = t;
	t->index = (int64_t)i + 1;
}

static void sift_up(P *pp, uint32_t i)
{
	Timer *t = pp->timers[i];
	while (i > 0) {
		uint32_t p = (i - 1) / 4;
		if (t->when >= pp->timers[p]->when)
			break;
		heap_set(pp, i, pp->timers[p]);
		i = p;
	}
	heap_set(pp, i, t);
}

static void sift_down(P *pp, uint32_t i)
{
	Timer **h = pp->timers, *t = h[i];
	uint32_t n = pp->ntimers;
	for (;;) {
		uint32_t c = 4 * i + 1, c3 = c + 2; /* the left and the middle child */
		if (c >= n)
			break;
		int64_t w = h[c]->when;
		if (c + 1 < n && h[c + 1]->when < w)
			w = h[++c]->when;
		if (c3 < n) {
			int64_t w3 = h[c3]->when;
			if (c3 + 1 < n && h[c3 + 1]->when < w3)
				w3 = h[++c3]->when;
			if (w3 < w) {
				w = w3;
				c = c3;
			}
		}
		if (w >= t->when)
			break;
		heap_set(pp, i, h[c]);
		i = c;
	}
	heap_set(pp, i, t);
}

static void update_timer0when(P *pp)
{
	__atomic_store_n(&pp->timer0when, pp->ntimers ? pp->timers[0]->when : 0, __ATOMIC_SEQ_CST);
}

/* Push t, which its caller owns, onto pp's heap; t becomes WAITING. True if t is now pp's earliest. */
static bool heap_push(P *pp, Timer *t)
{
	if (t->when <= 0) /* an overflowed deadline: gc's maxWhen */
		t->when = INT64_MAX;
	if (pp->ntimers == pp->timerscap) {
		uint32_t cap = pp->timerscap ? 2 * pp->timerscap : 64;
		Timer **heap = malloc(cap * sizeof *heap); /* C heap: a collection cannot start here */
		if (heap == NULL)
			panic_throw("runtime: out of memory (timer heap)");
		if (pp->ntimers)
			memcpy(heap, pp->timers, pp->ntimers * sizeof *heap);
		free(pp->timers);
		pp->timers = heap;
		pp->timerscap = cap;
	}
	uint32_t i = pp->ntimers;
	__atomic_store_n(&pp->ntimers, i + 1, __ATOMIC_RELAXED);
	pp->timers[i] = t;
	sift_up(pp, i);
	__atomic_store_n(&t->pp, pp, __ATOMIC_RELEASE);
	__atomic_store_n(&t->status, TIMER_WAITING, __ATOMIC_RELEASE);
	bool first = pp->timers[0] == t;
	if (first)
		update_timer0when(pp);
	return first;
}

/* Take t out of pp's heap (gc's dodeltimer); the caller sets its status. */
static void heap_delete(P *pp, Timer *t)
{
	uint32_t i = (uint32_t)(t->index - 1);
	uint32_t n = pp->ntimers - 1;
	Timer *last = pp->timers[n];
	__atomic_store_n(&pp->ntimers, n, __ATOMIC_RELAXED);
	t->index = 0;
	__atomic_store_n(&t->pp, NULL, __ATOMIC_RELAXED);
	if (i < n) {
		heap_set(pp, i, last);
		sift_up(pp, i);
		sift_down(pp, (uint32_t)(last->index - 1));
	}
	update_timer0when(pp);
}

/* ---- claiming a timer for Stop, Reset, modTimer (see the essay) ---- */

/* Returns t's P with its timerslock held if t is WAITING there, or NULL with t owned (MODIFYING)
 * if t is in no heap. */
static P *timer_claim(Timer *t)
{
	for (;;) {
		uint32_t st = __atomic_load_n(&t->status, __ATOMIC_ACQUIRE);
		if (st == TIMER_NONE) {
			if (__atomic_compare_exchange_n(&t->status, &st, TIMER_MODIFYING, false,
							__ATOMIC_ACQ_REL, __ATOMIC_RELAXED))
				return NULL;
		} else if (st == TIMER_WAITING) {
			P *pp = __atomic_load_n(&t->pp, __ATOMIC_ACQUIRE);
			if (pp == NULL)
				continue; /* being deleted or moved: read again */
			lock_acquire(&pp->timerslock);
			if (__atomic_load_n(&t->status, __ATOMIC_RELAXED) == TIMER_WAITING &&
			    __atomic_load_n(&t->pp, __ATOMIC_RELAXED) == pp)
				return pp;
			lock_release(&pp->timerslock);
		} else if (st == TIMER_MODIFYING) {
			sched_yield(); /* another thread is changing it: it holds no lock meanwhile */
		} else {
			panic_throw("timer data corruption");
		}
	}
}

/* Claim t and take it out of its heap: t is then owned (MODIFYING). True if it was pending. */
static bool timer_unlink(Timer *t)
{
	P *pp = timer_claim(t);
	if (pp == NULL)
		return false;
	heap_delete(pp, t);
	__atomic_store_n(&t->status, TIMER_MODIFYING, __ATOMIC_RELEASE);
	lock_release(&pp->timerslock);
	return true;
}

/* Push the owned timer t onto the heap of the running M's P (gc's doaddtimer + wakeNetPoller). */
static void timer_add(Timer *t)
{
	M *mp = sched_getg()->m;
	P *pp = mp ? mp->p : NULL;
	if (pp == NULL)
		panic_throw("addtimer: no P");
	lock_acquire(&pp->timerslock);
	bool first = heap_push(pp, t);
	int64_t when = t->when;
	lock_release(&pp->timerslock);
	if (first)
		sched_timer_added(when);
}

/* ---- run by the scheduler (proc.c) ---- */

/* Run t = pp->timers[0], due at now (gc's runOneTimer); pp->timerslock held, released around f. */
static void run_one(P *pp, Timer *t, int64_t now)
{
	TimerFunc code = *(TimerFunc *)t->f;
	void *f = t->f;
	GoEface arg = t->arg;
	uintptr_t seq = t->seq;
	if (t->period > 0) { /* next tick, skipping the ones missed */
		int64_t delta = t->when - now;
		int64_t when = t->when + t->period * (1 + -delta / t->period);
		t->when = when < 0 ? INT64_MAX : when;
		sift_down(pp, 0);
		update_timer0when(pp);
	} else {
		heap_delete(pp, t);
		__atomic_store_n(&t->status, TIMER_NONE, __ATOMIC_RELEASE);
	}
	lock_release(&pp->timerslock);
	code(f, arg.type, arg.data, seq);
	lock_acquire(&pp->timerslock);
}

/* Run pp's timers that are due (gc's checkTimers); now 0: read the clock if needed. On g0, holding
 * a P (pp itself, or pp is a victim of the caller's stealing). Returns pp's next `when`, 0 if none;
 * *ran is set if a timer ran. */
int64_t timers_check(P *pp, int64_t now, bool *ran)
{
	int64_t next = __atomic_load_n(&pp->timer0when, __ATOMIC_SEQ_CST);
	if (next == 0 || (now != 0 && next > now))
		return next;
	if (now == 0 && next > (now = sched_nanotime()))
		return next;
	lock_acquire(&pp->timerslock);
	while (pp->ntimers > 0 && pp->timers[0]->when <= now) {
		run_one(pp, pp->timers[0], now);
		*ran = true;
	}
	next = pp->timer0when;
	lock_release(&pp->timerslock);
	return next;
}

/* pp's earliest `when`, 0 if it has no timer (gc's nobarrierWakeTime). */
int64_t timers_next(P *pp)
{
	return __atomic_load_n(&pp->timer0when, __ATOMIC_SEQ_CST);
}

/* GOMAXPROCS shrank below src: its timers go to dst (gc's moveTimers). The caller tells the
 * sleeper (sched_timer_added) once it holds no lock. */
void timers_move(P *dst, P *src)
{
	P *first = dst->id < src->id ? dst : src, *second = first == dst ? src : dst;
	lock_acquire(&first->timerslock);
	lock_acquire(&second->timerslock);
	for (uint32_t i = 0; i < src->ntimers; i++) {
		Timer *t = src->timers[i];
		__atomic_store_n(&t->pp, NULL, __ATOMIC_RELAXED); /* claimers of src see the move */
		heap_push(dst, t);
	}
	__atomic_store_n(&src->ntimers, 0, __ATOMIC_RELAXED);
	update_timer0when(src);
	update_timer0when(dst);
	lock_release(&second->timerslock);
	lock_release(&first->timerslock);
}

/* The collector, world stopped: pp's heap array holds the only pointer to some timers. */
void timers_gc_scan(P *pp, void (*scan)(uintptr_t lo, uintptr_t hi))
{
	if (pp->timers)
		scan((uintptr_t)pp->timers, (uintptr_t)(pp->timers + pp->ntimers));
}

/* ---- package time's hooks (time/sleep.go's body-less functions) ---- */

GO_LINKNAME(time_startTimer, "time.startTimer");
RUNTIME_API void time_startTimer(void *ctx, Timer *t)
{
	(void)ctx;
	uint32_t none = TIMER_NONE;
	if (!__atomic_compare_exchange_n(&t->status, &none, TIMER_MODIFYING, false, __ATOMIC_ACQ_REL,
					 __ATOMIC_RELAXED))
		panic_throw("addtimer called with initialized timer");
	timer_add(t);
}

GO_LINKNAME(time_stopTimer, "time.stopTimer");
RUNTIME_API bool time_stopTimer(void *ctx, Timer *t)
{
	(void)ctx;
	bool pending = timer_unlink(t);
	__atomic_store_n(&t->status, TIMER_NONE, __ATOMIC_RELEASE);
	return pending;
}

GO_LINKNAME(time_resetTimer, "time.resetTimer");
RUNTIME_API bool time_resetTimer(void *ctx, Timer *t, int64_t when)
{
	(void)ctx;
	bool pending = timer_unlink(t);
	t->when = when;
	timer_add(t);
	return pending;
}

GO_LINKNAME(time_modTimer, "time.modTimer");
RUNTIME_API void time_modTimer(void *ctx, Timer *t, int64_t when, int64_t period, void *f,
			       const GoType *atype, void *adata, uintptr_t seq)
{
	(void)ctx;
	timer_unlink(t);
	t->when = when;
	t->period = period;
	t->f = f;
	t->arg = (GoEface){atype, adata};
	t->seq = seq;
	timer_add(t);
}

/* ---- time.Sleep (gc's timeSleep, resetForSleep, goroutineReady) ---- */

static void goroutine_ready(void *ctx, const GoType *atype, void *adata, uintptr_t seq)
{
	(void)ctx, (void)atype, (void)seq;
	sched_ready(adata);
}
static const TimerFunc goroutine_ready_closure = goroutine_ready; /* a func value: code word only */

/* The park's unlockf: the goroutine has parked, its timer may fire now. Its timer is private (only
 * it adds it; the timer leaves the heap when it fires), so it is NONE here. */
static bool reset_for_sleep(G *gp, void *arg)
{
	(void)gp;
	Timer *t = arg;
	__atomic_store_n(&t->status, TIMER_MODIFYING, __ATOMIC_RELAXED);
	timer_add(t);
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
		t = runtime_mallocgc(sizeof *t, NULL, true); /* reachable from the G (a collector root) */
		t->f = (void *)&goroutine_ready_closure;
		t->arg = (GoEface){NULL, gp};
		gp->timer = t;
	}
	int64_t now = sched_nanotime();
	t->when = ns > INT64_MAX - now ? INT64_MAX : now + ns;
	t->period = 0;
	sched_park(reset_for_sleep, t, WAIT_SLEEP);
}
