/*
 * time.c: sleeping goroutines (Go's time.go timeSleep): time.Sleep parks the goroutine, and one
 * timer thread readies it when its time has come.
 *
 * In: time.Sleep(ns) from any goroutine. Out: the goroutine parked with go1.19's wait reason
 * `sleep` for at least ns nanoseconds of the monotonic clock, its P free for other goroutines
 * meanwhile (with GOMAXPROCS=1 the others run while it sleeps, as with gc).
 *
 * The one idea: a min-heap of (wake time, goroutine) under one RtLock, and one OS thread (not an M:
 * it never runs Go code) that sleeps on a futex until the earliest wake time, then readies every
 * goroutine whose time has come (sched_ready works from any thread: a thread without a P puts the G
 * on the global run queue and wakes an M). A sleeper that becomes the earliest bumps the futex word
 * so the thread recomputes its timeout. Each sleeper is counted with sched_external_begin until it
 * is readied, so checkdead does not report a deadlock while a goroutine sleeps (gc: a pending timer
 * keeps the program alive).
 *
 * Invariants: timers.heap[0..len) is a binary min-heap on `when`; every G the timer thread finds in
 * it has parked (the sleeper's park is what released timers.lock), so readying it, after the lock is
 * released again, can never come early; an entry leaves the heap exactly once and is readied once;
 * no allocation under the lock (the heap grows with the lock released, then the sleeper re-checks).
 *
 * Not yet: time's timers (NewTimer, After, AfterFunc, Ticker: time.startTimer and friends, which
 * throw in sys_linux.c). Their f(arg, seq) is Go code that must run on a goroutine the program does
 * not see (gc runs it from the scheduler's findrunnable on each P's heap; a timer goroutine here
 * would show in NumGoroutine and in deadlock dumps), so they wait for the scheduler to run timers
 * itself; this heap and thread are then the part to fold into it.
 *
 * Rejected: nanosleep in the sleeping goroutine (what this replaces: it held its thread and P, so
 * with GOMAXPROCS=1 nothing else ran); a thread per sleeper (thousands of sleeping goroutines are
 * ordinary); a per-P heap checked by the scheduler (gc's design, the target, but it lives in
 * proc.c's findrunnable and stopm, which this file cannot change).
 */
#include "malloc.h"
#include "panic.h"
#include "proc.h"
#include "scheduler.h"

#include <pthread.h>

typedef struct Sleeper {
	int64_t when; /* sched_nanotime() deadline */
	G *g;
} Sleeper;

/* Guarded by lock, except wake (a futex word: atomic). */
static struct {
	RtLock lock;
	Sleeper *heap;
	size_t len, cap;
	uint32_t wake; /* bumped when the earliest deadline moves earlier */
} timers;

static pthread_once_t timer_thread_once = PTHREAD_ONCE_INIT;

static void heap_up(size_t i)
{
	Sleeper s = timers.heap[i];
	while (i > 0) {
		size_t p = (i - 1) / 2;
		if (timers.heap[p].when <= s.when)
			break;
		timers.heap[i] = timers.heap[p];
		i = p;
	}
	timers.heap[i] = s;
}

static Sleeper heap_pop(void)
{
	Sleeper top = timers.heap[0], s = timers.heap[--timers.len];
	size_t i = 0, n = timers.len;
	for (;;) {
		size_t c = 2 * i + 1;
		if (c >= n)
			break;
		if (c + 1 < n && timers.heap[c + 1].when < timers.heap[c].when)
			c++;
		if (s.when <= timers.heap[c].when)
			break;
		timers.heap[i] = timers.heap[c];
		i = c;
	}
	if (n > 0)
		timers.heap[i] = s;
	return top;
}

/* The timer thread: ready the sleepers whose time has come, then sleep until the next one (or until
 * an earlier one arrives). */
static void *timer_thread(void *arg)
{
	(void)arg;
	for (;;) {
		/* take up to a batch of due sleepers, then ready them with the lock released (readying
		 * may start an M); each was parked before the lock it released let us see it */
		G *due[64];
		int ndue = 0;
		lock_acquire(&timers.lock);
		int64_t now = sched_nanotime();
		while (ndue < 64 && timers.len > 0 && timers.heap[0].when <= now)
			due[ndue++] = heap_pop().g;
		int64_t wait = ndue == 64 ? 0 : timers.len > 0 ? timers.heap[0].when - now : -1;
		uint32_t w = __atomic_load_n(&timers.wake, __ATOMIC_SEQ_CST);
		lock_release(&timers.lock);
		for (int i = 0; i < ndue; i++) {
			sched_ready(due[i]);
			sched_external_end(); /* after the ready: the G is runnable before it stops counting */
		}
		if (wait != 0)
			futex_sleep(&timers.wake, w, wait);
	}
	return NULL;
}

static void start_timer_thread(void)
{
	os_helper_thread(timer_thread);
}

/* time.Sleep (gc's timeSleep). */
GO_LINKNAME(time_Sleep, "time.Sleep");
RUNTIME_API void time_Sleep(void *ctx, int64_t ns)
{
	(void)ctx;
	if (ns <= 0)
		return;
	pthread_once(&timer_thread_once, start_timer_thread);
	int64_t now = sched_nanotime();
	int64_t when = ns > INT64_MAX - now ? INT64_MAX : now + ns;
	for (;;) {
		lock_acquire(&timers.lock);
		if (timers.len < timers.cap)
			break;
		size_t cap = timers.cap ? 2 * timers.cap : 64;
		lock_release(&timers.lock);
		Sleeper *heap = runtime_mallocgc(cap * sizeof *heap, NULL, true); /* GC (later): holds Gs */
		lock_acquire(&timers.lock);
		if (timers.cap < cap) {
			__builtin_memcpy(heap, timers.heap, timers.len * sizeof *heap);
			timers.heap = heap;
			timers.cap = cap;
		}
		lock_release(&timers.lock);
	}
	timers.heap[timers.len] = (Sleeper){when, sched_getg()};
	heap_up(timers.len++);
	sched_external_begin();
	if (timers.heap[0].g == sched_getg()) { /* the new earliest: the thread's timeout is too long */
		__atomic_fetch_add(&timers.wake, 1, __ATOMIC_SEQ_CST);
		futex_wake(&timers.wake, 1);
	}
	sched_parkunlock(&timers.lock, WAIT_SLEEP);
}
