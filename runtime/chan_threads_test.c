/*
 * chan_threads_test.c: chan.c and select.c under real parallelism, with one OS thread per goroutine.
 *
 * The scheduler here is the simplest correct implementation of scheduler.h's parking half: each goroutine is a
 * pthread with a G and a semaphore; sched_park runs the unlock function and waits on the semaphore,
 * sched_ready posts it (a ready that comes before the wait is counted, never lost, which is the
 * guarantee scheduler.h gives: ready may come any time after the unlock function ran). RtLock is a
 * spinning test-and-set lock. Nothing about the runtime's real scheduler is exercised; what is, is
 * every interleaving of chan.c's and select.c's locks, queues, hand-offs, select_done races and
 * close that parallel threads produce: the tests move known multisets of values through
 * unbuffered and buffered channels, selects over several channels in both directions, and close
 * with parked receivers and selects, and check the totals exactly.
 *
 * The race check of the channel code: built with -fsanitize=thread (chan.c, select.c and this file;
 * by hand, since Criterion's shared-memory arena does not start under ThreadSanitizer: a stand-in
 * for its Test/cr_assert macros and a main that calls the four tests), it runs with no report.
 *
 * Linking: proc.c's definitions of the same functions are in the archive too; the test links with
 * --allow-multiple-definition so that its own, which come first, are the ones chan.c calls
 * (runtime/CMakeLists.txt), as rt_chan_test's fake does. proc.c's scheduler never runs here.
 *
 * Rejected: running these on the fake one-goroutine scheduler (rt_sched_fake.h) with coroutines: a
 * single thread would never interleave two operations inside the channel lock's critical sections.
 */
#include <pthread.h>
#include <sched.h>
#include <semaphore.h>
#include <stdatomic.h>
#include <stdio.h>

#include "chan.h"
#include "rt_test.h"

/* ---- a thread-per-goroutine scheduler ---- */

typedef struct ThreadG {
	G g;              /* first: a G * is a ThreadG * */
	sem_t wake;
	pthread_t thread;
	void (*fn)(void *);
	void *arg;
} ThreadG;

static __thread ThreadG *current;
static atomic_uint_fast64_t next_goid = 1;

void lock_acquire(RtLock *l)
{
	while (__atomic_exchange_n(&l->key, 1, __ATOMIC_ACQUIRE) != 0)
		while (__atomic_load_n(&l->key, __ATOMIC_RELAXED) != 0)
			__builtin_ia32_pause();
}

void lock_release(RtLock *l)
{
	__atomic_store_n(&l->key, 0, __ATOMIC_RELEASE);
}

static ThreadG *threadg_new(void)
{
	ThreadG *t = calloc(1, sizeof *t);
	t->g.goid = atomic_fetch_add(&next_goid, 1);
	sem_init(&t->wake, 0, 0);
	return t;
}

void sched_park(bool (*unlockf)(G *gp, void *arg), void *arg, WaitReason reason)
{
	(void)reason;
	if (current == NULL) { /* the test's own thread only makes, closes and joins */
		fprintf(stderr, "chan_threads_test: park outside a test goroutine\n");
		abort();
	}
	if (unlockf != NULL && !unlockf(&current->g, arg))
		return;
	while (sem_wait(&current->wake) != 0)
		;
}

static bool unlock_one(G *gp, void *l)
{
	(void)gp;
	lock_release(l);
	return true;
}

void sched_parkunlock(RtLock *l, WaitReason reason)
{
	sched_park(unlock_one, l, reason);
}

void sched_ready(G *gp)
{
	sem_post(&((ThreadG *)gp)->wake);
}

Sudog *sched_acquire_sudog(void)
{
	return calloc(1, sizeof(Sudog));
}

void sched_release_sudog(Sudog *s)
{
	free(s);
}

uint32_t sched_fastrandn(uint32_t n)
{
	static __thread uint64_t x;
	if (x == 0)
		x = 0x9e3779b97f4a7c15u ^ (uint64_t)(uintptr_t)&x;
	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	return (uint32_t)(((x >> 32) * n) >> 32);
}

static void *thread_main(void *p)
{
	current = p;
	sched_curg = &current->g; /* scheduler.h's sched_getg reads it */
	current->fn(current->arg);
	return NULL;
}

/* `go fn(arg)`; join waits for it. */
static ThreadG *go(void (*fn)(void *), void *arg)
{
	ThreadG *t = threadg_new();
	t->fn = fn;
	t->arg = arg;
	cr_assert_eq(pthread_create(&t->thread, NULL, thread_main, t), 0);
	return t;
}

static void join(ThreadG *t)
{
	pthread_join(t->thread, NULL);
}

/* ---- descriptors ---- */

static const GoType t_int64 = {.size = 8, .align = 8, .kind = KIND_INT64};
static const GoType c_int64 = {.size = 8, .align = 8, .kind = KIND_CHAN, .elem = &t_int64, .len = 3};

/* ---- producers and consumers ---- */

enum { PER_PRODUCER = 20000, NPROD = 4, NCONS = 4 };

typedef struct Pipe {
	void *c;
	int64_t base;           /* producer: first value */
	int64_t sum, count;     /* consumer: what it received */
	atomic_int *producers;  /* producers still running; the last one closes c */
} Pipe;

static void produce(void *p)
{
	Pipe *pp = p;
	for (int64_t i = 0; i < PER_PRODUCER; i++) {
		int64_t v = pp->base + i;
		runtime_chansend1(pp->c, &v);
	}
	if (atomic_fetch_sub(pp->producers, 1) == 1)
		runtime_closechan(pp->c);
}

static void consume(void *p)
{
	Pipe *pp = p;
	int64_t v;
	while (runtime_chanrecv2(pp->c, &v)) {
		pp->sum += v;
		pp->count++;
	}
}

static void many_to_many(intgo cap)
{
	void *c = runtime_makechan(&c_int64, cap);
	atomic_int producers = NPROD;
	Pipe prod[NPROD], cons[NCONS];
	ThreadG *ts[NPROD + NCONS];
	for (int i = 0; i < NCONS; i++) {
		cons[i] = (Pipe){.c = c};
		ts[NPROD + i] = go(consume, &cons[i]);
	}
	for (int i = 0; i < NPROD; i++) {
		prod[i] = (Pipe){.c = c, .base = (int64_t)i * 1000000, .producers = &producers};
		ts[i] = go(produce, &prod[i]);
	}
	for (int i = 0; i < NPROD + NCONS; i++)
		join(ts[i]);
	int64_t sum = 0, count = 0, want = 0;
	for (int i = 0; i < NCONS; i++) {
		sum += cons[i].sum;
		count += cons[i].count;
	}
	for (int i = 0; i < NPROD; i++)
		want += (int64_t)i * 1000000 * PER_PRODUCER + (int64_t)PER_PRODUCER * (PER_PRODUCER - 1) / 2;
	cr_assert_eq(count, (int64_t)NPROD * PER_PRODUCER);
	cr_assert_eq(sum, want);
	cr_assert_eq(runtime_chanlen(c), 0);
}

Test(chan_threads, unbuffered_many_to_many)
{
	many_to_many(0);
}

Test(chan_threads, buffered_many_to_many)
{
	many_to_many(7);
}

/* ---- select in both directions ---- */

typedef struct SelectWorker {
	void *in[2];      /* receives from either */
	void *out;        /* and forwards each value, doubled, while also accepting from in */
	int64_t handled;
} SelectWorker;

/* Receives from in[0] or in[1] until both are closed; each value goes to out through a select that
 * keeps receiving while the send is pending (a send case and receive cases in one select). */
static void select_worker(void *p)
{
	SelectWorker *w = p;
	void *in[2] = {w->in[0], w->in[1]};
	int64_t pending[64];
	int npending = 0;
	for (;;) {
		if (in[0] == NULL && in[1] == NULL && npending == 0)
			break;
		int64_t v = 0, out = npending > 0 ? pending[npending - 1] * 2 : 0;
		bool room = npending < 64; /* a full backlog only sends */
		Scase cases[3] = {{npending > 0 ? w->out : NULL, &out}, {room ? in[0] : NULL, &v},
				  {room ? in[1] : NULL, &v}};
		uint16_t order[6];
		bool ok;
		intgo k = runtime_selectgo(cases, order, 1, 2, true, &ok);
		if (k == 0) {
			npending--;
		} else if (!ok) {
			in[k - 1] = NULL; /* closed: drop the case (a nil channel is never chosen) */
		} else {
			pending[npending++] = v;
			w->handled++;
		}
	}
}

typedef struct Feeder {
	void *c;
	int64_t from, n;
} Feeder;

static void feed(void *p)
{
	Feeder *f = p;
	for (int64_t i = 0; i < f->n; i++) {
		int64_t v = f->from + i;
		runtime_chansend1(f->c, &v);
	}
	runtime_closechan(f->c);
}

typedef struct Sink {
	void *c;
	int64_t sum, count, expect;
} Sink;

static void drain(void *p)
{
	Sink *s = p;
	while (s->count < s->expect) {
		int64_t v;
		runtime_chanrecv1(s->c, &v);
		s->sum += v;
		s->count++;
	}
}

Test(chan_threads, selects_with_send_and_receive_cases)
{
	enum { NW = 3, N = 20000 };
	void *out = runtime_makechan(&c_int64, 0);
	SelectWorker w[NW];
	Feeder f[2 * NW];
	ThreadG *ts[3 * NW + 1];
	int nt = 0;
	int64_t want = 0;
	for (int i = 0; i < NW; i++) {
		w[i] = (SelectWorker){{runtime_makechan(&c_int64, i), runtime_makechan(&c_int64, 0)}, out, 0};
		for (int j = 0; j < 2; j++) {
			f[2 * i + j] = (Feeder){w[i].in[j], (int64_t)(2 * i + j) * N, N};
			for (int64_t k = 0; k < N; k++)
				want += 2 * ((int64_t)(2 * i + j) * N + k);
		}
	}
	Sink s = {out, 0, 0, (int64_t)NW * 2 * N};
	ts[nt++] = go(drain, &s);
	for (int i = 0; i < NW; i++)
		ts[nt++] = go(select_worker, &w[i]);
	for (int i = 0; i < 2 * NW; i++)
		ts[nt++] = go(feed, &f[i]);
	for (int i = 0; i < nt; i++)
		join(ts[i]);
	cr_assert_eq(s.count, (int64_t)NW * 2 * N);
	cr_assert_eq(s.sum, want);
	for (int i = 0; i < NW; i++)
		cr_assert_eq(w[i].handled, 2 * N);
}

/* ---- close wakes parked receivers and selects ---- */

typedef struct Waiter {
	void *c, *never;
	bool use_select;
	bool ok;
	int64_t v;
	atomic_int *parked;
} Waiter;

static void wait_closed(void *p)
{
	Waiter *w = p;
	atomic_fetch_add(w->parked, 1);
	w->v = 99;
	if (w->use_select) {
		Scase cases[2] = {{w->never, &w->v}, {w->c, &w->v}};
		uint16_t order[4];
		intgo k = runtime_selectgo(cases, order, 0, 2, true, &w->ok);
		cr_assert_eq(k, 1);
	} else {
		w->ok = runtime_chanrecv2(w->c, &w->v);
	}
}

Test(chan_threads, close_wakes_receivers_and_selects)
{
	enum { NWAIT = 16 };
	for (int round = 0; round < 20; round++) {
		void *c = runtime_makechan(&c_int64, round % 2), *never = runtime_makechan(&c_int64, 0);
		atomic_int parked = 0;
		Waiter w[NWAIT];
		ThreadG *ts[NWAIT];
		for (int i = 0; i < NWAIT; i++) {
			w[i] = (Waiter){c, never, i % 2 == 0, true, 0, &parked};
			ts[i] = go(wait_closed, &w[i]);
		}
		while (atomic_load(&parked) < NWAIT)
			sched_yield();
		runtime_closechan(c);
		for (int i = 0; i < NWAIT; i++) {
			join(ts[i]);
			cr_assert_not(w[i].ok);
			cr_assert_eq(w[i].v, 0);
		}
	}
}
