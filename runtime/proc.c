/*
 * proc.c: the goroutine scheduler (Go's proc.go and runtime2.go: G, M, P, run queues, work stealing,
 * gopark/goready, newproc, goexit, GOMAXPROCS, checkdead). The program entry (C main) is rt0.c.
 *
 * In: goroutines created by `go` statements (runtime_newproc, a func() closure) and goroutines that
 * block in the runtime (channels, select, semaphores) through scheduler.h. Out: every runnable
 * goroutine eventually runs, on at most GOMAXPROCS OS threads at once; a program whose goroutines are
 * all blocked for good ends with go1.19's deadlock report.
 *
 * The model is Go's (read the design header of go1.19's proc.go): a G is a goroutine, an M an OS
 * thread, a P the right to run Go code, GOMAXPROCS of them. An M runs Go code only while it holds a
 * P. Each P has a local run queue (a 256-slot lock-free ring written by its owner and stolen from by
 * others, plus `runnext`: the goroutine readied last runs next, so a ping-pong pair shares a time
 * slice); overflow and goroutines readied from outside go to the global queue under sched.lock.
 * schedule() takes from the local queue, from the global queue every 61st tick (fairness), then
 * findrunnable(): global queue, stealing half of another P's queue, and finally giving the P back
 * and sleeping on the M's futex Note. At most about half the busy Ps' worth of Ms spin looking for
 * work (sched.nmspinning); whoever readies a goroutine while Ps are idle and nobody spins wakes an
 * idle M (wakep). A spinning M that finds work wakes another, so wakeups propagate without a
 * thundering herd. Go's dance that avoids lost wakeups is kept: a spinning M that gives up its P
 * decrements nmspinning first and then rechecks every run queue. Timers (time.c) live in a heap
 * per P and are run here too: schedule() and findrunnable() run their P's due timers
 * (timers_check, gc's checkTimers), a spinning M runs its victims' due timers in its last stealing
 * round (gc's stealWork), and one M that gives its P back while timers are pending becomes the
 * timer sleeper instead of sleeping on its Note: it sleeps on a futex until the earliest timer
 * across all Ps (gc's M blocked in netpoll(delay): gocc has no netpoll), then takes an idle P.
 *
 * Context switches (asm_amd64.S): a goroutine that blocks calls mcall, which saves its callee-saved
 * registers on its own stack and continues on the M's scheduler stack (g0: the thread's own stack),
 * where park_m runs the caller's unlock function and schedule() picks the next goroutine; so a
 * goroutine's stack is never in use after its unlock function released the lock under which someone
 * may ready it. Goroutine stacks are segmented (stack.c); while a goroutine runs, %fs:0x70 holds its
 * segment's limit, and on g0 it holds 0, so the split-stack check of Go code can never fail there.
 *
 * Goroutine 1 runs main.init then main.main (rt0.c); when main.main returns the process exits with
 * status 0 while the other goroutines are still wherever they are (Go's runtime.main). During
 * main.init goroutine 1 is wired to the main thread, as go1.19's runtime.main does, so an init
 * function's LockOSThread keeps main on the process's first thread.
 *
 * LockOSThread: a locked G runs only on its M. When it blocks, its M hands its P to another M and
 * sleeps (stoplockedm); when another M schedules the G, it hands its P to the G's M and sleeps
 * instead (startlockedm). A goroutine that exits while locked ends its thread (mexit; m0 sleeps
 * for good instead), as go1.19.
 *
 * checkdead (under sched.lock, when an M goes idle), in go1.19's order: nothing outside the
 * scheduler will ready a goroutine (sched_external_begin: system calls), no M runs (the timer
 * sleeper and an M in a system call count as running; so does sysmon while it retakes a P: see
 * sysmon), no goroutine is runnable (else the counts are broken: throw), some goroutine waits
 * (else `no goroutines (main called runtime.Goexit) - deadlock!`), and no P has a pending timer:
 * then every goroutine left is blocked for good: `fatal error: all goroutines are asleep -
 * deadlock!` and the goroutine headers.
 *
 * Preemption: a goroutine yields when it blocks, calls Gosched, or when its stack check fails while
 * g->preempt is set: sysmon (below) asks a goroutine that ran 10 ms without a reschedule to yield by
 * poisoning its thread's %fs:0x70 word, so the split-stack prologue of the next Go function it calls
 * is the preemption point (stack.c), as Go's stackguard0 = stackPreempt. A loop that calls no
 * function polls the word at its loop back-edges instead (runtime_preemptcheck)
 * (docs/status.md).
 *
 * System calls (sched_entersyscall/exitsyscall, sys_linux.c's hooks): a call leaves its P in
 * P_SYSCALL; sysmon hands a P whose call spans a whole period (5 ms) to another thread, and the
 * returning goroutine takes its P back, or another, or waits in the global queue (Go's design; Go
 * retakes after 20 us). A thread in a system call counts as running for checkdead.
 *
 * Invariants (Go's). A G is on at most one run queue, and only in status G_RUNNABLE; sched_ready
 * moves G_WAITING to G_RUNNABLE exactly once per park (a CAS: a second ready throws). An M holds at
 * most one P and a P is held by at most one M. sched.lock guards the global queue, the idle M and P
 * lists and the counters that checkdead reads; nmspinning and npidle are also read without it.
 *
 * Rejected alternatives. One global run queue under a lock: every ready and every schedule would
 * contend on it. A thread per goroutine: 1,000,000 goroutines would need 1,000,000 threads. ucontext
 * for switches: a system call per switch.
 */
#include "scheduler.h"

#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "panic.h"
#include "print.h"
#include "traceback.h"
#include "proc.h"
#include "malloc.h"

_Static_assert(offsetof(G, panic) == 0, "panic.h reads PanicState at the start of G");

enum { G_IDLE, G_RUNNABLE, G_RUNNING, G_WAITING, G_DEAD };
enum { P_IDLE, P_RUNNING, P_SYSCALL, P_DEAD, P_GCSTOP };
#define MAX_GOMAXPROCS 1024

void ctx_mcall(void **save, uintptr_t g0_sp, void (*fn)(G *), G *gp);
RUNTIME_NORET void ctx_gogo(void *sp);
void ctx_gostart(void);
void stack_free(G *gp, bool keep_first);
uintptr_t stack_init(G *gp, bool small);
void stack_check(G *gp);
void signal_minit(M *mp);
void signal_munit(M *mp);

/* ThreadSanitizer builds (libgocc_rt_tsan.a, -DGOCC_TSAN): each G is a TSan fiber, so TSan keeps
 * one shadow stack and one vector clock per goroutine instead of one per thread. A goroutine's
 * fiber is made when newproc1 readies it and destroyed by goexit0 (on g0, after it is switched
 * away from). Every ctx_gogo and ctx_mcall is preceded by a switch (flag 0: the switch
 * synchronizes, as the M hands over in program order). g0 is the thread's own fiber until the
 * first mcall; since ctx_mcall restarts g0's stack from g0_sp and what runs there never returns,
 * each mcall gets a fresh fiber (m->tsan_mcall_fiber; the previous one is destroyed), else g0's
 * shadow stack would grow by a few frames per switch until it overflows. mexit returns to the
 * thread's own fiber before the thread ends. __morestack's segment switches stay within one
 * goroutine and are not fiber switches. */
#ifdef GOCC_TSAN
void *__tsan_get_current_fiber(void);
void *__tsan_create_fiber(unsigned flags);
void __tsan_destroy_fiber(void *fiber);
void __tsan_switch_to_fiber(void *fiber, unsigned flags);
#define TSAN_FIBER_CREATE(gp) ((gp)->tsan_fiber = __tsan_create_fiber(0))
#define TSAN_FIBER_DESTROY(gp) (__tsan_destroy_fiber((gp)->tsan_fiber), (gp)->tsan_fiber = NULL)
#define TSAN_FIBER_CURRENT(gp) ((gp)->tsan_fiber = __tsan_get_current_fiber())
#define TSAN_FIBER_SWITCH(gp) __tsan_switch_to_fiber((gp)->tsan_fiber, 0)
#else
#define TSAN_FIBER_CREATE(gp) ((void)0)
#define TSAN_FIBER_DESTROY(gp) ((void)0)
#define TSAN_FIBER_CURRENT(gp) ((void)0)
#define TSAN_FIBER_SWITCH(gp) ((void)0)
#endif

__thread G *sched_curg;
int32_t sched_ncpu;

static M m0;

static struct {
	RtLock lock;
	uint64_t goidgen;         /* atomic */
	M *midle;                 /* idle Ms */
	int32_t nmidle, nmidlelocked, mcount;
	int64_t mnext;
	M *allm;
	P *pidle;                 /* idle Ps */
	uint32_t npidle;          /* atomic */
	uint32_t nmspinning;      /* atomic */
	G *runqhead, *runqtail;   /* global run queue (linked by schedlink) */
	int32_t runqsize;
	int32_t gomaxprocs;       /* atomic read */
	P *allp[MAX_GOMAXPROCS];
	int32_t nexternal;        /* atomic: sched_external_begin minus end */
	bool main_started;
	RtLock gflock;            /* the global free G list */
	G *gfree;
	int32_t ngfree;
	RtLock allglock;          /* allg: every G ever made, in creation order */
	G *allg, *allgtail;
	int64_t ngoroutines;      /* atomic: user goroutines not dead */
	RtLock sudoglock;
	Sudog *sudogcache;
	bool gcwaiting;           /* under lock: the world is being stopped (sched_stop_the_world) */
	int32_t stopwait;         /* under lock: Ps still to stop */
	Note stopnote;            /* the stopper sleeps here until stopwait is 0 */
	uint32_t worldsema;       /* atomic: 1 while some goroutine has stopped (or stops) the world */
} sched;

static const char *const wait_reason_strings[] = {
#define WAIT_TEXT(name, text) text,
	WAIT_REASONS(WAIT_TEXT)
#undef WAIT_TEXT
};

const char *sched_wait_reason_string(WaitReason r)
{
	if ((unsigned)r >= sizeof wait_reason_strings / sizeof wait_reason_strings[0])
		return "unknown wait reason";
	return wait_reason_strings[r];
}

/* ---- the thread's G and M ---- */

static inline void setg(G *gp)
{
	sched_curg = gp;
}

static inline M *getm(void)
{
	G *gp = sched_getg();
	return gp ? gp->m : NULL;
}

static inline void set_tcb_limit(uintptr_t limit)
{
	__asm__ volatile("movq %0, %%fs:0x70" ::"r"(limit) : "memory");
}

static uintptr_t *tcb_limit_addr(void)
{
	uintptr_t base;
	__asm__("movq %%fs:0, %0" : "=r"(base));
	return (uintptr_t *)(base + 0x70);
}

/* The C runtime's state before the scheduler starts, and in unit tests (no rt0.c main): the thread
 * runs as m0's g0. */
__attribute__((constructor)) static void proc_boot(void)
{
	m0.g0.m = &m0;
	m0.g0.is_g0 = true;
	TSAN_FIBER_CURRENT(&m0.g0);
	setg(&m0.g0);
}

int64_t sched_nanotime(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static uint32_t fastrand(void)
{
	static uint64_t shared;
	M *mp = getm();
	uint64_t *s = mp ? &mp->fastrand : &shared;
	uint64_t x = *s += 0xa0761d6478bd642fULL;
	__uint128_t m = (__uint128_t)x * (x ^ 0xe7037ed1a0b428dbULL);
	return (uint32_t)((uint64_t)(m >> 64) ^ (uint64_t)m);
}

uint32_t sched_fastrandn(uint32_t n)
{
	return (uint32_t)(((uint64_t)fastrand() * n) >> 32);
}

/* The goid of the running goroutine for reports: the M's goroutine when on g0; 1 before the
 * scheduler starts (the code then is what goroutine 1 will run). */
uint64_t proc_goid(void)
{
	G *gp = sched_getg();
	if (gp && gp->is_g0)
		gp = gp->m ? gp->m->curg : NULL;
	return gp && gp->goid ? gp->goid : 1;
}

/* ---- run queues (Go's runqput, runqget, runqgrab, runqsteal, globrunq*) ---- */

static void globrunqputbatch(G *head, G *tail, int32_t n)
{
	tail->schedlink = NULL;
	if (sched.runqtail)
		sched.runqtail->schedlink = head;
	else
		sched.runqhead = head;
	sched.runqtail = tail;
	__atomic_store_n(&sched.runqsize, sched.runqsize + n, __ATOMIC_RELAXED);
}

static void globrunqput(G *gp)
{
	globrunqputbatch(gp, gp, 1);
}

static G *globrunqpop(void)
{
	G *gp = sched.runqhead;
	sched.runqhead = gp->schedlink;
	if (sched.runqhead == NULL)
		sched.runqtail = NULL;
	return gp;
}

static bool runqempty(P *pp)
{
	for (;;) {
		uint32_t head = __atomic_load_n(&pp->runqhead, __ATOMIC_ACQUIRE);
		uint32_t tail = __atomic_load_n(&pp->runqtail, __ATOMIC_ACQUIRE);
		G *next = __atomic_load_n(&pp->runnext, __ATOMIC_ACQUIRE);
		if (tail == __atomic_load_n(&pp->runqtail, __ATOMIC_ACQUIRE))
			return head == tail && next == NULL;
	}
}

/* Moves half of the full local queue plus gp to the global queue. */
static bool runqputslow(P *pp, G *gp, uint32_t head, uint32_t tail)
{
	G *batch[P_RUNQ_SIZE / 2 + 1];
	uint32_t n = (tail - head) / 2;
	for (uint32_t i = 0; i < n; i++)
		batch[i] = __atomic_load_n(&pp->runq[(head + i) % P_RUNQ_SIZE], __ATOMIC_RELAXED);
	if (!__atomic_compare_exchange_n(&pp->runqhead, &head, head + n, false, __ATOMIC_RELEASE,
					 __ATOMIC_RELAXED))
		return false;
	batch[n] = gp;
	for (uint32_t i = 0; i < n; i++)
		batch[i]->schedlink = batch[i + 1];
	lock_acquire(&sched.lock);
	globrunqputbatch(batch[0], batch[n], (int32_t)n + 1);
	lock_release(&sched.lock);
	return true;
}

typedef struct { P *pp; G *gp; uint32_t head, tail; bool done; } RunqSlow;

static void runqputslow_sys(void *arg)
{
	RunqSlow *a = arg;
	a->done = runqputslow(a->pp, a->gp, a->head, a->tail);
}

static void runqput(P *pp, G *gp, bool next)
{
	if (next) {
		G *old = __atomic_exchange_n(&pp->runnext, gp, __ATOMIC_ACQ_REL);
		if (old == NULL)
			return;
		gp = old; /* kick the old runnext to the regular queue */
	}
	for (;;) {
		uint32_t head = __atomic_load_n(&pp->runqhead, __ATOMIC_ACQUIRE);
		uint32_t tail = pp->runqtail;
		if (tail - head < P_RUNQ_SIZE) {
			__atomic_store_n(&pp->runq[tail % P_RUNQ_SIZE], gp, __ATOMIC_RELAXED);
			__atomic_store_n(&pp->runqtail, tail + 1, __ATOMIC_RELEASE);
			return;
		}
		RunqSlow a = {pp, gp, head, tail, false};
		systemstack(runqputslow_sys, &a); /* its 1 KiB batch: not on a small first segment */
		if (a.done)
			return;
	}
}

static G *runqget(P *pp)
{
	G *next = __atomic_load_n(&pp->runnext, __ATOMIC_ACQUIRE);
	if (next && __atomic_compare_exchange_n(&pp->runnext, &next, NULL, false, __ATOMIC_ACQ_REL,
						__ATOMIC_RELAXED))
		return next;
	for (;;) {
		uint32_t head = __atomic_load_n(&pp->runqhead, __ATOMIC_ACQUIRE);
		uint32_t tail = pp->runqtail;
		if (tail == head)
			return NULL;
		G *gp = __atomic_load_n(&pp->runq[head % P_RUNQ_SIZE], __ATOMIC_RELAXED);
		if (__atomic_compare_exchange_n(&pp->runqhead, &head, head + 1, false, __ATOMIC_RELEASE,
						__ATOMIC_RELAXED))
			return gp;
	}
}

/* Takes half of pp's queue into batch (a ring, from batchhead); with steal_next, its runnext too
 * when the queue is empty. Returns how many. */
static uint32_t runqgrab(P *pp, G **batch, uint32_t batchhead, bool steal_next)
{
	for (;;) {
		uint32_t head = __atomic_load_n(&pp->runqhead, __ATOMIC_ACQUIRE);
		uint32_t tail = __atomic_load_n(&pp->runqtail, __ATOMIC_ACQUIRE);
		uint32_t n = tail - head;
		n = n - n / 2;
		if (n == 0) {
			if (steal_next) {
				G *next = __atomic_load_n(&pp->runnext, __ATOMIC_ACQUIRE);
				if (next) {
					/* its P is probably about to run it: let it (Go sleeps 3 us) */
					if (__atomic_load_n(&pp->status, __ATOMIC_RELAXED) == P_RUNNING)
						usleep(3);
					if (!__atomic_compare_exchange_n(&pp->runnext, &next, NULL, false,
									 __ATOMIC_ACQ_REL, __ATOMIC_RELAXED))
						continue;
					__atomic_store_n(&batch[batchhead % P_RUNQ_SIZE], next, __ATOMIC_RELAXED);
					return 1;
				}
			}
			return 0;
		}
		if (n > P_RUNQ_SIZE / 2) /* read an inconsistent head and tail */
			continue;
		for (uint32_t i = 0; i < n; i++) {
			G *gp = __atomic_load_n(&pp->runq[(head + i) % P_RUNQ_SIZE], __ATOMIC_RELAXED);
			__atomic_store_n(&batch[(batchhead + i) % P_RUNQ_SIZE], gp, __ATOMIC_RELAXED);
		}
		if (__atomic_compare_exchange_n(&pp->runqhead, &head, head + n, false, __ATOMIC_RELEASE,
						__ATOMIC_RELAXED))
			return n;
	}
}

static G *runqsteal(P *pp, P *victim, bool steal_next)
{
	uint32_t tail = pp->runqtail;
	uint32_t n = runqgrab(victim, pp->runq, tail, steal_next);
	if (n == 0)
		return NULL;
	n--;
	G *gp = __atomic_load_n(&pp->runq[(tail + n) % P_RUNQ_SIZE], __ATOMIC_RELAXED);
	if (n == 0)
		return gp;
	uint32_t head = __atomic_load_n(&pp->runqhead, __ATOMIC_ACQUIRE);
	if (tail - head + n >= P_RUNQ_SIZE)
		panic_throw("runqsteal: runq overflow");
	__atomic_store_n(&pp->runqtail, tail + n, __ATOMIC_RELEASE);
	return gp;
}

/* Under sched.lock: a batch from the global queue, the first returned, the rest to pp's queue. */
static G *globrunqget(P *pp, int32_t max)
{
	if (sched.runqsize == 0)
		return NULL;
	int32_t n = sched.runqsize / sched.gomaxprocs + 1;
	if (n > sched.runqsize)
		n = sched.runqsize;
	if (max > 0 && n > max)
		n = max;
	if (n > P_RUNQ_SIZE / 2)
		n = P_RUNQ_SIZE / 2;
	__atomic_store_n(&sched.runqsize, sched.runqsize - n, __ATOMIC_RELAXED);
	G *gp = globrunqpop();
	for (n--; n > 0; n--)
		runqput(pp, globrunqpop(), false);
	return gp;
}

/* ---- idle Ps and Ms (under sched.lock) ---- */

static void gcstopp(P *pp);

static void pidleput(P *pp)
{
	if (!runqempty(pp))
		panic_throw("pidleput: P has non-empty run queue");
	if (sched.gcwaiting) { /* the world is stopping: the P stops instead of idling */
		gcstopp(pp);
		return;
	}
	__atomic_store_n(&pp->status, P_IDLE, __ATOMIC_RELAXED);
	__atomic_store_n(&pp->m, NULL, __ATOMIC_RELEASE);
	pp->link = sched.pidle;
	sched.pidle = pp;
	__atomic_fetch_add(&sched.npidle, 1, __ATOMIC_SEQ_CST);
}

static P *pidleget(void)
{
	P *pp = sched.pidle;
	if (pp) {
		sched.pidle = pp->link;
		__atomic_fetch_sub(&sched.npidle, 1, __ATOMIC_SEQ_CST);
	}
	return pp;
}

static void mput(M *mp)
{
	mp->schedlink = sched.midle;
	sched.midle = mp;
	sched.nmidle++;
}

static M *mget(void)
{
	M *mp = sched.midle;
	if (mp) {
		sched.midle = mp->schedlink;
		sched.nmidle--;
	}
	return mp;
}

static void acquirep(P *pp)
{
	M *mp = getm();
	if (mp->p || pp->m || __atomic_load_n(&pp->status, __ATOMIC_RELAXED) != P_IDLE)
		panic_throw("acquirep: invalid p state");
	mp->p = pp;
	__atomic_store_n(&pp->m, mp, __ATOMIC_RELEASE); /* sysmon reads it */
	__atomic_store_n(&pp->status, P_RUNNING, __ATOMIC_RELAXED);
}

static P *releasep(void)
{
	M *mp = getm();
	P *pp = mp->p;
	if (pp == NULL || pp->m != mp)
		panic_throw("releasep: invalid p state");
	mp->p = NULL;
	__atomic_store_n(&pp->m, NULL, __ATOMIC_RELEASE);
	__atomic_store_n(&pp->status, P_IDLE, __ATOMIC_RELAXED);
	return pp;
}

/* ---- deadlock detection ---- */

static void print_goroutine_header(G *gp, const char *status)
{
	print_cstr("goroutine ");
	runtime_printuint(gp->goid);
	print_cstr(" [");
	print_cstr(status);
	if (gp->lockedm)
		print_cstr(", locked to thread");
	print_cstr("]:\n");
}

/* Go's fatal: the message, then every user goroutine's header and frames (traceback.c). */
static RUNTIME_NORET void fatal_dump(const char *msg, bool dump)
{
	panic_start_dying();
	runtime_printlock();
	print_cstr("fatal error: ");
	print_cstr(msg);
	print_cstr("\n");
	if (dump && proc_env.traceback_level > 0) {
		for (G *gp = sched.allg; gp; gp = gp->alllink) {
			uint32_t st = __atomic_load_n(&gp->status, __ATOMIC_RELAXED);
			if (st == G_DEAD || st == G_IDLE || (st == G_WAITING && gp->waitreason == WAIT_FINALIZER_WAIT))
				continue; /* the finalizer goroutine waiting is a system goroutine (go1.19's fing) */
			print_cstr("\n");
			print_goroutine_header(gp, st == G_WAITING ? sched_wait_reason_string(gp->waitreason)
				: st == G_RUNNABLE ? "runnable" : "running");
			traceback_goroutine(gp, proc_env.traceback_level);
		}
	}
	runtime_printunlock();
	print_flush();
	_exit(2);
}

/* Under sched.lock, when an M is about to sleep. */
static void checkdead(void)
{
	if (!sched.main_started)
		return;
	if (__atomic_load_n(&sched.nexternal, __ATOMIC_SEQ_CST) > 0)
		return;
	int32_t run = sched.mcount - sched.nmidle - sched.nmidlelocked;
	if (run > 0)
		return;
	if (run < 0)
		panic_throw("checkdead: inconsistent counts");
	int waiting = 0;
	lock_acquire(&sched.allglock);
	for (G *gp = sched.allg; gp; gp = gp->alllink) {
		switch (__atomic_load_n(&gp->status, __ATOMIC_ACQUIRE)) {
		case G_WAITING:
			waiting += gp->waitreason != WAIT_FINALIZER_WAIT; /* fing waiting: a system goroutine */
			break;
		case G_RUNNABLE:
		case G_RUNNING:
			lock_release(&sched.allglock);
			panic_throw("checkdead: runnable g");
		}
	}
	lock_release(&sched.allglock);
	if (waiting == 0)
		fatal_dump("no goroutines (main called runtime.Goexit) - deadlock!", false);
	for (int32_t i = 0; i < sched.gomaxprocs; i++) /* a timer will ready or start a goroutine */
		if (__atomic_load_n(&sched.allp[i]->ntimers, __ATOMIC_RELAXED) > 0)
			return;
	fatal_dump("all goroutines are asleep - deadlock!", true);
}

void sched_external_begin(void)
{
	__atomic_fetch_add(&sched.nexternal, 1, __ATOMIC_SEQ_CST);
}

void sched_external_end(void)
{
	__atomic_fetch_sub(&sched.nexternal, 1, __ATOMIC_SEQ_CST);
}

/* ---- Ms ---- */

static RUNTIME_NORET void schedule(void);
static void *mstart_thread(void *arg);

/* Stop the M until somebody hands it a P (Go's stopm). */
static void stopm(void)
{
	M *mp = getm();
	if (mp->p)
		panic_throw("stopm holding p");
	lock_acquire(&sched.lock);
	mput(mp);
	checkdead();
	lock_release(&sched.lock);
	note_sleep(&mp->park);
	note_clear(&mp->park);
	acquirep(mp->nextp);
	mp->nextp = NULL;
}

static void newm_thread(void *arg);
static size_t m_stack_size; /* a new M's thread stack (libc's default), for MemStats.StackSys */

static void newm(P *pp, bool spinning)
{
	M *mp = calloc(1, sizeof(M));
	if (mp == NULL)
		panic_throw("newm: out of memory");
	mp->g0.m = mp;
	mp->g0.is_g0 = true;
	mp->nextp = pp;
	mp->spinning = spinning;
	lock_acquire(&sched.lock);
	mp->id = sched.mnext++;
	sched.mcount++;
	mp->alllink = sched.allm;
	sched.allm = mp;
	lock_release(&sched.lock);
	mp->fastrand = (uint64_t)sched_nanotime() ^ ((uint64_t)mp->id << 32);
	systemstack(newm_thread, mp); /* pthread_create is deep: not on a small first segment */
}

static void newm_thread(void *arg)
{
	M *mp = arg;
	pthread_attr_t attr;
	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	sigset_t all, old;
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old); /* the new thread starts with signals blocked */
	pthread_t t;
	int err = pthread_create(&t, &attr, mstart_thread, mp);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	size_t stack = 0;
	pthread_attr_getstacksize(&attr, &stack);
	pthread_attr_destroy(&attr);
	if (err != 0)
		panic_throw("newm: failed to create new OS thread");
	__atomic_store_n(&m_stack_size, stack, __ATOMIC_RELAXED);
	mstats_stack(0, (intptr_t)stack); /* MemStats.StackSys: an OS thread stack */
}

/* Run pp (or an idle P) on an idle M, or a new one (Go's startm). */
static void startm(P *pp, bool spinning)
{
	lock_acquire(&sched.lock);
	if (pp == NULL) {
		pp = pidleget();
		if (pp == NULL) {
			lock_release(&sched.lock);
			if (spinning)
				__atomic_fetch_sub(&sched.nmspinning, 1, __ATOMIC_SEQ_CST);
			return;
		}
	}
	M *mp = mget();
	lock_release(&sched.lock);
	if (mp == NULL) {
		newm(pp, spinning);
		return;
	}
	mp->spinning = spinning;
	mp->nextp = pp;
	note_wakeup(&mp->park);
}

/* Somebody made work: if a P is idle and no M is spinning, start one spinning (Go's wakep). */
static void wakep(void)
{
	if (__atomic_load_n(&sched.npidle, __ATOMIC_SEQ_CST) == 0)
		return;
	uint32_t zero = 0;
	if (__atomic_load_n(&sched.nmspinning, __ATOMIC_SEQ_CST) != 0 ||
	    !__atomic_compare_exchange_n(&sched.nmspinning, &zero, 1, false, __ATOMIC_SEQ_CST,
					 __ATOMIC_SEQ_CST))
		return;
	startm(NULL, true);
}

/* Give pp away: to an M if there is work for it, else to the idle list (Go's handoffp). */
static void handoffp(P *pp)
{
	if (!runqempty(pp) || __atomic_load_n(&sched.runqsize, __ATOMIC_RELAXED) != 0) {
		startm(pp, false);
		return;
	}
	uint32_t zero = 0;
	if (__atomic_load_n(&sched.nmspinning, __ATOMIC_SEQ_CST) +
			__atomic_load_n(&sched.npidle, __ATOMIC_SEQ_CST) == 0 &&
	    __atomic_compare_exchange_n(&sched.nmspinning, &zero, 1, false, __ATOMIC_SEQ_CST,
					__ATOMIC_SEQ_CST)) {
		startm(pp, true);
		return;
	}
	lock_acquire(&sched.lock);
	if (sched.runqsize != 0) {
		lock_release(&sched.lock);
		startm(pp, false);
		return;
	}
	pidleput(pp);
	lock_release(&sched.lock);
	int64_t when = timers_next(pp); /* an M must sleep until pp's timers (gc's handoffp) */
	if (when != 0)
		sched_timer_added(when);
}

/* The M's G is locked to it and not runnable: hand the P off and sleep until the G is scheduled
 * (Go's stoplockedm). */
static void stoplockedm(void)
{
	M *mp = getm();
	if (mp->p)
		handoffp(releasep());
	lock_acquire(&sched.lock);
	sched.nmidlelocked++;
	checkdead();
	lock_release(&sched.lock);
	note_sleep(&mp->park); /* startlockedm took us off nmidlelocked */
	note_clear(&mp->park);
	acquirep(mp->nextp);
	mp->nextp = NULL;
}

/* gp is locked to another M: give it our P and stop (Go's startlockedm). */
static void startlockedm(G *gp)
{
	M *mp = gp->lockedm;
	if (mp == getm())
		panic_throw("startlockedm: locked to me");
	/* before the wakeup: checkdead in our stopm must count mp as running */
	lock_acquire(&sched.lock);
	sched.nmidlelocked--;
	lock_release(&sched.lock);
	mp->nextp = releasep();
	note_wakeup(&mp->park);
	stopm();
}

static void *mstart_thread(void *arg)
{
	M *mp = arg;
	TSAN_FIBER_CURRENT(&mp->g0);
	setg(&mp->g0);
	set_tcb_limit(0);
	mp->tcb_limit = tcb_limit_addr();
	signal_minit(mp);
	sigset_t none;
	sigemptyset(&none);
	pthread_sigmask(SIG_SETMASK, &none, NULL);
	volatile char anchor;
	mp->g0_sp = ((uintptr_t)&anchor - 1024) & ~(uintptr_t)15;
	if (mp->nextp) {
		acquirep(mp->nextp);
		mp->nextp = NULL;
	}
	schedule();
}

/* ---- the timer sleeper (gc's M blocked in netpoll(delay) in findrunnable; wakeNetPoller) ----
 * At most one M without a P sleeps on sleeper.wake until the earliest timer across all Ps, then
 * takes an idle P to run it. Whoever makes a timer the earliest of its P calls sched_timer_added:
 * if the sleeper's deadline is later (or not yet known: until 0) it bumps the word; with no sleeper
 * it wakes an M (wakep), which finds no goroutine and becomes the sleeper, or the busy Ps run the
 * timer from their schedule(). No lost wakeup: the sleeper sets `sleeping` before it reads the
 * Ps' timer0when, the adder writes timer0when before it reads `sleeping` (both seq_cst), and the
 * sleeper reads the futex word before the Ps, so a bump after its read makes the futex return. */
static struct {
	uint32_t wake;     /* futex word: bumped when a timer is earlier than `until` */
	uint32_t sleeping; /* atomic: 1 while an M is the sleeper */
	int64_t until;     /* atomic: the sleeper's deadline, 0 while it is not sleeping on it */
} sleeper;

/* The earliest `when` of the Ps' timers, 0 if none (gc's timeSleepUntil). */
static int64_t timers_earliest(void)
{
	int64_t next = 0;
	int32_t procs = __atomic_load_n(&sched.gomaxprocs, __ATOMIC_SEQ_CST);
	for (int32_t i = 0; i < procs; i++) {
		P *pp = __atomic_load_n(&sched.allp[i], __ATOMIC_ACQUIRE);
		int64_t when = pp ? timers_next(pp) : 0;
		if (when != 0 && (next == 0 || when < next))
			next = when;
	}
	return next;
}

void sched_timer_added(int64_t when)
{
	if (__atomic_load_n(&sleeper.sleeping, __ATOMIC_SEQ_CST)) {
		int64_t until = __atomic_load_n(&sleeper.until, __ATOMIC_SEQ_CST);
		if (until == 0 || until > when) {
			__atomic_fetch_add(&sleeper.wake, 1, __ATOMIC_SEQ_CST);
			futex_wake(&sleeper.wake, 1);
		}
	} else if (sched.main_started) {
		wakep();
	}
}

/* A P-less M with nothing to run: if there are timers and no other M sleeps until them, sleep
 * until the earliest is due and return true (the caller takes an idle P and runs it); false at
 * once otherwise, or when the timers are gone meanwhile. */
static bool timers_sleep(void)
{
	uint32_t zero = 0;
	if (timers_earliest() == 0 ||
	    !__atomic_compare_exchange_n(&sleeper.sleeping, &zero, 1, false, __ATOMIC_SEQ_CST,
					 __ATOMIC_RELAXED))
		return false;
	bool due = false;
	for (;;) {
		uint32_t w = __atomic_load_n(&sleeper.wake, __ATOMIC_SEQ_CST);
		int64_t next = timers_earliest();
		if (next == 0)
			break;
		int64_t now = sched_nanotime();
		if (next <= now) {
			due = true;
			break;
		}
		__atomic_store_n(&sleeper.until, next, __ATOMIC_SEQ_CST);
		futex_sleep(&sleeper.wake, w, next - now);
		__atomic_store_n(&sleeper.until, 0, __ATOMIC_SEQ_CST);
	}
	__atomic_store_n(&sleeper.sleeping, 0, __ATOMIC_SEQ_CST);
	return due;
}

/* ---- scheduling ---- */

/* /sched/latencies:seconds, as go1.19's casgstatus samples it: every 8th time a goroutine stops
 * running (and a new goroutine at random, 1 in 8), the time until it runs again is measured. */
static inline void track_stop(G *gp)
{
	if (gp->tracking_seq++ % 8 == 0)
		gp->tracking = true;
}

static inline void track_runnable(G *gp)
{
	if (gp->tracking)
		gp->runnable_since = sched_nanotime();
}

static RUNTIME_NORET void execute(G *gp)
{
	M *mp = getm();
	if (gp->tracking) {
		gp->tracking = false;
		mstats_sched_latency((uint64_t)(sched_nanotime() - gp->runnable_since));
	}
	__atomic_store_n(&mp->curg, gp, __ATOMIC_RELEASE); /* sysmon reads it (preemptone) */
	gp->m = mp;
	__atomic_store_n(&gp->status, G_RUNNING, __ATOMIC_RELEASE);
	setg(gp);
	set_tcb_limit(gp->stack_limit);
	TSAN_FIBER_SWITCH(gp);
	ctx_gogo(gp->sp);
}

/* Look everywhere for a runnable G; sleep when there is none (Go's findrunnable). */
static G *findrunnable(void)
{
	M *mp = getm();
top:;
	P *pp = mp->p;
	bool ran = false;
	timers_check(pp, 0, &ran);
	G *gp = runqget(pp);
	if (gp)
		return gp;
	if (__atomic_load_n(&sched.runqsize, __ATOMIC_RELAXED) != 0) {
		lock_acquire(&sched.lock);
		gp = globrunqget(pp, 0);
		lock_release(&sched.lock);
		if (gp)
			return gp;
	}
	int32_t procs = __atomic_load_n(&sched.gomaxprocs, __ATOMIC_RELAXED);
	if (mp->spinning || 2 * __atomic_load_n(&sched.nmspinning, __ATOMIC_SEQ_CST) <
				    (uint32_t)procs - __atomic_load_n(&sched.npidle, __ATOMIC_SEQ_CST)) {
		if (!mp->spinning) {
			mp->spinning = true;
			__atomic_fetch_add(&sched.nmspinning, 1, __ATOMIC_SEQ_CST);
		}
		for (int round = 0; round < 4; round++) {
			uint32_t start = sched_fastrandn((uint32_t)procs);
			for (int32_t i = 0; i < procs; i++) {
				P *victim = __atomic_load_n(&sched.allp[(start + (uint32_t)i) % (uint32_t)procs],
				                            __ATOMIC_ACQUIRE); /* procresize may add Ps */
				if (victim == NULL || victim == pp ||
				    __atomic_load_n(&victim->status, __ATOMIC_RELAXED) == P_DEAD)
					continue;
				if (round == 3 && timers_next(victim) != 0) { /* run its due timers too */
					ran = false;
					timers_check(victim, 0, &ran);
					if (ran && (gp = runqget(pp)) != NULL)
						return gp;
				}
				gp = runqsteal(pp, victim, round == 3);
				if (gp)
					return gp;
			}
		}
	}

	/* Nothing: give the P back and sleep. */
	lock_acquire(&sched.lock);
	if (sched.runqsize != 0) {
		gp = globrunqget(pp, 0);
		lock_release(&sched.lock);
		return gp;
	}
	pidleput(releasep());
	lock_release(&sched.lock);

	if (mp->spinning) {
		/* Decrement first, then recheck: a concurrent ready either sees nmspinning == 0 and
		 * wakes an M, or its G is in a queue we are about to look at. */
		mp->spinning = false;
		__atomic_fetch_sub(&sched.nmspinning, 1, __ATOMIC_SEQ_CST);
		procs = __atomic_load_n(&sched.gomaxprocs, __ATOMIC_RELAXED);
		for (int32_t i = 0; i < procs; i++) {
			P *p2 = __atomic_load_n(&sched.allp[i], __ATOMIC_ACQUIRE);
			if (p2 && __atomic_load_n(&p2->status, __ATOMIC_RELAXED) != P_DEAD && !runqempty(p2)) {
				lock_acquire(&sched.lock);
				P *idle = pidleget();
				lock_release(&sched.lock);
				if (idle) {
					acquirep(idle);
					mp->spinning = true;
					__atomic_fetch_add(&sched.nmspinning, 1, __ATOMIC_SEQ_CST);
					goto top;
				}
				break;
			}
		}
	}
	if (timers_sleep()) { /* this M slept until a timer was due: run it, on whichever P it is */
		lock_acquire(&sched.lock);
		P *idle = pidleget();
		lock_release(&sched.lock);
		if (idle) {
			acquirep(idle);
			mp->spinning = true; /* so it steals (and runs) the other Ps' timers */
			__atomic_fetch_add(&sched.nmspinning, 1, __ATOMIC_SEQ_CST);
			goto top;
		}
	}
	stopm();
	goto top;
}

static void resetspinning(void)
{
	M *mp = getm();
	mp->spinning = false;
	uint32_t n = __atomic_sub_fetch(&sched.nmspinning, 1, __ATOMIC_SEQ_CST);
	if (n == 0)
		wakep(); /* we found work: the next idle M looks for more */
}

/* One round of the scheduler: find a G and run it (Go's schedule). Runs on g0. */
static RUNTIME_NORET void schedule(void)
{
	M *mp = getm();
	if (mp->lockedg) {
		stoplockedm();
		execute(mp->lockedg);
	}
	for (;;) {
		P *pp = mp->p;
		if (__atomic_load_n(&sched.gcwaiting, __ATOMIC_ACQUIRE)) { /* stop for the collector */
			if (mp->spinning)
				resetspinning();
			lock_acquire(&sched.lock);
			if (sched.gcwaiting) {
				releasep();
				gcstopp(pp);
				lock_release(&sched.lock);
				stopm();
			} else {
				lock_release(&sched.lock);
			}
			continue;
		}
		/* only the P's owner writes schedtick; sysmon reads it: atomic, relaxed */
		__atomic_store_n(&pp->schedtick, pp->schedtick + 1, __ATOMIC_RELAXED);
		bool ran = false;
		timers_check(pp, 0, &ran);
		G *gp = NULL;
		if (pp->schedtick % 61 == 0 && __atomic_load_n(&sched.runqsize, __ATOMIC_RELAXED) > 0) {
			lock_acquire(&sched.lock);
			gp = globrunqget(pp, 1);
			lock_release(&sched.lock);
		}
		if (gp == NULL)
			gp = runqget(pp);
		if (gp == NULL)
			gp = findrunnable();
		if (mp->spinning)
			resetspinning();
		if (gp->lockedm) {
			startlockedm(gp);
			continue;
		}
		execute(gp);
	}
}

/* Switch to g0 and call fn(gp) there (Go's mcall); returns when gp runs again. */
static void mcall(void (*fn)(G *))
{
	G *gp = sched_getg();
	M *mp = gp->m;
	if (gp->is_g0)
		panic_throw("mcall called on m->g0 stack");
	stack_check(gp);
	setg(&mp->g0);
	set_tcb_limit(0);
#ifdef GOCC_TSAN
	void *old = mp->tsan_mcall_fiber;
	mp->tsan_mcall_fiber = __tsan_create_fiber(0);
	__tsan_switch_to_fiber(mp->tsan_mcall_fiber, 0);
	if (old)
		__tsan_destroy_fiber(old);
#endif
	ctx_mcall(&gp->sp, mp->g0_sp, fn, gp);
}

static void dropg(G *gp)
{
	M *mp = gp->m;
	__atomic_store_n(&mp->curg, NULL, __ATOMIC_RELEASE);
	gp->m = NULL;
}

static void park_m(G *gp)
{
	M *mp = getm();
	uint32_t running = G_RUNNING;
	if (!__atomic_compare_exchange_n(&gp->status, &running, G_WAITING, false, __ATOMIC_ACQ_REL,
					 __ATOMIC_RELAXED))
		panic_throw("park_m: bad g status");
	track_stop(gp);
	dropg(gp);
	if (mp->waitunlockf) {
		bool ok = mp->waitunlockf(gp, mp->waitlock);
		mp->waitunlockf = NULL;
		mp->waitlock = NULL;
		if (!ok) {
			__atomic_store_n(&gp->status, G_RUNNABLE, __ATOMIC_RELEASE);
			track_runnable(gp);
			execute(gp);
		}
	}
	schedule();
}

void sched_park(bool (*unlockf)(G *gp, void *arg), void *arg, WaitReason reason)
{
	G *gp = sched_getg();
	if (gp == NULL || gp->is_g0)
		panic_throw("gopark on g0 (no scheduler running)");
	M *mp = gp->m;
	mp->waitunlockf = unlockf;
	mp->waitlock = arg;
	gp->waitreason = reason;
	mcall(park_m);
}

static bool unlock_rtlock(G *gp, void *l)
{
	(void)gp;
	lock_release(l);
	return true;
}

void sched_parkunlock(RtLock *l, WaitReason reason)
{
	sched_park(unlock_rtlock, l, reason);
}

void sched_ready(G *gp)
{
	uint32_t waiting = G_WAITING;
	if (!__atomic_compare_exchange_n(&gp->status, &waiting, G_RUNNABLE, false, __ATOMIC_ACQ_REL,
					 __ATOMIC_RELAXED))
		panic_throw("bad g->status in ready");
	track_runnable(gp);
	M *mp = getm();
	if (mp && mp->p) {
		runqput(mp->p, gp, true);
	} else { /* a thread without a P (a dying M) */
		lock_acquire(&sched.lock);
		globrunqput(gp);
		lock_release(&sched.lock);
	}
	wakep();
}

static void gosched_m(G *gp)
{
	__atomic_store_n(&gp->status, G_RUNNABLE, __ATOMIC_RELEASE);
	track_stop(gp);
	track_runnable(gp);
	dropg(gp);
	lock_acquire(&sched.lock);
	globrunqput(gp);
	lock_release(&sched.lock);
	schedule();
}

void sched_gosched(void)
{
	mcall(gosched_m);
}

/* ---- goroutine creation and exit ---- */

static void allgadd(G *gp)
{
	lock_acquire(&sched.allglock);
	if (sched.allgtail)
		sched.allgtail->alllink = gp;
	else
		sched.allg = gp;
	sched.allgtail = gp;
	lock_release(&sched.allglock);
}

static G *gfget(P *pp)
{
	if (pp->gfree == NULL && __atomic_load_n(&sched.gfree, __ATOMIC_RELAXED)) {
		lock_acquire(&sched.gflock);
		while (pp->ngfree < 32 && sched.gfree) {
			G *gp = sched.gfree;
			__atomic_store_n(&sched.gfree, gp->schedlink, __ATOMIC_RELAXED);
			sched.ngfree--;
			gp->schedlink = pp->gfree;
			pp->gfree = gp;
			pp->ngfree++;
		}
		lock_release(&sched.gflock);
	}
	G *gp = pp->gfree;
	if (gp) {
		pp->gfree = gp->schedlink;
		pp->ngfree--;
	}
	return gp;
}

static void gfput(P *pp, G *gp)
{
	gp->schedlink = pp->gfree;
	pp->gfree = gp;
	if (++pp->ngfree < 64)
		return;
	lock_acquire(&sched.gflock);
	while (pp->ngfree > 32) {
		G *g1 = pp->gfree;
		pp->gfree = g1->schedlink;
		pp->ngfree--;
		g1->schedlink = sched.gfree;
		__atomic_store_n(&sched.gfree, g1, __ATOMIC_RELAXED);
		sched.ngfree++;
	}
	lock_release(&sched.gflock);
}

/* go1.19's goroutine ids: each P reserves 16 at a time, so ids follow creation order per P and the
 * numbers in reports match go1.19's when the goroutines are created on the same Ps. */
#define GOID_BATCH 16
static uint64_t newgoid(P *pp)
{
	if (pp->goidcache == pp->goidcacheend) {
		pp->goidcache = __atomic_add_fetch(&sched.goidgen, GOID_BATCH, __ATOMIC_RELAXED) - (GOID_BATCH - 1);
		pp->goidcacheend = pp->goidcache + GOID_BATCH;
	}
	return pp->goidcache++;
}

/* A new G in status G_RUNNABLE that will call fn (a func() closure) on a fresh stack: a small first
 * segment, except for goroutine 1 (stack.c). */
static G *newproc1(P *pp, void *fn, bool small)
{
	G *gp = pp ? gfget(pp) : NULL;
	bool fresh = gp == NULL;
	if (fresh) {
		gp = calloc(1, sizeof(G));
		if (gp == NULL)
			panic_throw("newproc: out of memory");
	}
	uintptr_t top = stack_init(gp, small);
	/* The frame ctx_gogo pops: six callee-saved registers (zero) and the return into ctx_gostart,
	 * which then runs with a 16-byte aligned stack pointer. */
	uintptr_t *sp = (uintptr_t *)top - 7;
	memset(sp, 0, 6 * sizeof(uintptr_t));
	sp[6] = (uintptr_t)ctx_gostart;
	gp->sp = sp;
	gp->entry = fn;
	gp->goid = newgoid(pp);
	gp->waitreason = WAIT_ZERO;
	__atomic_store_n(&gp->preempt, false, __ATOMIC_RELAXED); /* a late preemptone may write it */
	TSAN_FIBER_CREATE(gp);
	__atomic_fetch_add(&sched.ngoroutines, 1, __ATOMIC_RELAXED);
	__atomic_store_n(&gp->status, G_RUNNABLE, __ATOMIC_RELEASE);
	gp->tracking_seq = (uint8_t)fastrand();
	gp->tracking = gp->tracking_seq % 8 == 0;
	track_runnable(gp);
	if (fresh)
		allgadd(gp);
	return gp;
}

void runtime_newproc(void *fn)
{
	M *mp = getm();
	if (mp->p == NULL)
		panic_throw("newproc: no scheduler running");
	G *gp = newproc1(mp->p, fn, true);
	gp->gopc = (uintptr_t)__builtin_return_address(0);
	runqput(mp->p, gp, true);
	if (sched.main_started)
		wakep();
}

void **sched_g_frame(G *gp)
{
	uint32_t st = __atomic_load_n(&gp->status, __ATOMIC_ACQUIRE);
	if (st != G_WAITING && st != G_RUNNABLE)
		return NULL;
	return ((void ***)gp->sp)[5]; /* ctx_mcall's pushes: r15 r14 r13 r12 rbx rbp, then the pc */
}

/* The first function of every goroutine (called by ctx_gostart on the goroutine's stack). */
RUNTIME_NORET void sched_gomain(void)
{
	G *gp = sched_getg();
	void *fn = gp->entry;
	(*(void (**)(void *))fn)(fn);
	sched_goexit();
}

/* The M's locked goroutine exited without unlocking: the thread may be in a state the goroutine
 * made (Go's reason), so it is not reused: it gives its P away and ends; m0, the process's main
 * thread, cannot end and sleeps for good instead (Go's mexit). */
static RUNTIME_NORET void mexit(M *mp)
{
	handoffp(releasep());
	lock_acquire(&sched.lock);
	sched.mcount--;
	checkdead();
	lock_release(&sched.lock);
	if (mp == &m0)
		for (;;)
			note_sleep(&mp->park); /* nobody wakes it */
	signal_munit(mp);
	mstats_stack(0, -(intptr_t)__atomic_load_n(&m_stack_size, __ATOMIC_RELAXED));
#ifdef GOCC_TSAN
	__tsan_switch_to_fiber(mp->g0.tsan_fiber, 0);
	if (mp->tsan_mcall_fiber)
		__tsan_destroy_fiber(mp->tsan_mcall_fiber);
	mp->tsan_mcall_fiber = NULL;
#endif
	pthread_exit(NULL);
}

static void goexit0(G *gp)
{
	M *mp = getm();
	bool locked = gp->lockedm != NULL && gp->locked_ext > 0;
	__atomic_store_n(&gp->status, G_DEAD, __ATOMIC_RELEASE);
	__atomic_fetch_sub(&sched.ngoroutines, 1, __ATOMIC_RELAXED);
	dropg(gp);
	if (gp->lockedm) {
		mp->lockedg = NULL;
		gp->lockedm = NULL;
	}
	gp->locked_ext = gp->locked_int = 0;
	memset(&gp->panic, 0, sizeof gp->panic);
	gp->param = NULL;
	gp->waiting = NULL;
	gp->entry = NULL;
	gp->gopc = 0;
	gp->waitreason = WAIT_ZERO;
	stack_free(gp, true);
	TSAN_FIBER_DESTROY(gp);
	gfput(mp->p, gp);
	if (locked)
		mexit(mp);
	schedule();
}

void sched_goexit(void)
{
	mcall(goexit0);
	__builtin_unreachable();
}

/* ---- system calls (Go's entersyscall, exitsyscall, sysmon's retake) ----
 * Entering a call leaves the P in P_SYSCALL, owned by nobody; the M keeps its goroutine and counts
 * as running for checkdead. sysmon retakes a P that stays in the same call for a whole period
 * (P_SYSCALL to P_IDLE by CAS, then handoffp). On exit the goroutine takes its P back if it is still
 * in P_SYSCALL (the fast path: two atomics), else any idle P, else it queues itself on the global
 * run queue and its thread goes idle. */

void sched_entersyscall(void)
{
	G *gp = sched_getg();
	if (gp == NULL || gp->is_g0 || gp->m->p == NULL)
		return;
	M *mp = gp->m;
	P *pp = mp->p;
	gp->in_syscall = true;
	gp->sp = __builtin_frame_address(0); /* where the collector scans its stack from (mgc.c) */
	__atomic_fetch_add(&pp->syscalltick, 1, __ATOMIC_RELAXED);
	mp->oldp = pp;
	mp->p = NULL;
	__atomic_store_n(&pp->m, NULL, __ATOMIC_RELAXED);
	__atomic_store_n(&pp->status, P_SYSCALL, __ATOMIC_RELEASE);
}

static void exitsyscall0(G *gp)
{
	M *mp = getm();
	__atomic_store_n(&gp->status, G_RUNNABLE, __ATOMIC_RELEASE);
	track_stop(gp);
	track_runnable(gp);
	dropg(gp);
	lock_acquire(&sched.lock);
	P *pp = pidleget();
	if (pp == NULL)
		globrunqput(gp);
	lock_release(&sched.lock);
	if (pp) { /* one became idle meanwhile */
		acquirep(pp);
		execute(gp);
	}
	if (mp->lockedg) {
		stoplockedm();
		execute(gp);
	}
	stopm();
	schedule();
}

void sched_exitsyscall(void)
{
	G *gp = sched_getg();
	if (gp == NULL || !gp->in_syscall)
		return;
	gp->in_syscall = false;
	M *mp = gp->m;
	P *pp = mp->oldp;
	mp->oldp = NULL;
	uint32_t syscall = P_SYSCALL;
	if (__atomic_compare_exchange_n(&pp->status, &syscall, P_RUNNING, false, __ATOMIC_ACQ_REL,
					__ATOMIC_RELAXED)) {
		mp->p = pp;
		__atomic_store_n(&pp->m, mp, __ATOMIC_RELAXED);
		return;
	}
	if (__atomic_load_n(&sched.npidle, __ATOMIC_SEQ_CST) > 0) {
		lock_acquire(&sched.lock);
		P *idle = pidleget();
		lock_release(&sched.lock);
		if (idle) {
			acquirep(idle);
			return;
		}
	}
	mcall(exitsyscall0);
}

/* ---- sudogs ---- */

Sudog *sched_acquire_sudog(void)
{
	M *mp = getm();
	P *pp = mp ? mp->p : NULL;
	Sudog *s = NULL;
	if (pp == NULL) {
		lock_acquire(&sched.sudoglock);
		s = sched.sudogcache;
		if (s)
			sched.sudogcache = s->next;
		lock_release(&sched.sudoglock);
	} else {
		if (pp->nsudog == 0) {
			lock_acquire(&sched.sudoglock);
			while (pp->nsudog < P_SUDOG_CACHE / 2 && sched.sudogcache) {
				Sudog *c = sched.sudogcache;
				sched.sudogcache = c->next;
				pp->sudogcache[pp->nsudog++] = c;
			}
			lock_release(&sched.sudoglock);
		}
		if (pp->nsudog > 0)
			s = pp->sudogcache[--pp->nsudog];
	}
	if (s == NULL && (s = malloc(sizeof(Sudog))) == NULL)
		panic_throw("acquireSudog: out of memory");
	memset(s, 0, sizeof *s);
	return s;
}

void sched_release_sudog(Sudog *s)
{
	if (s->elem || s->is_select || s->next || s->prev || s->waitlink || s->c)
		panic_throw("runtime: sudog with non-nil field");
	M *mp = getm();
	P *pp = mp ? mp->p : NULL;
	if (pp == NULL) {
		lock_acquire(&sched.sudoglock);
		s->next = sched.sudogcache;
		sched.sudogcache = s;
		lock_release(&sched.sudoglock);
		return;
	}
	if (pp->nsudog == P_SUDOG_CACHE) { /* move half to the central cache */
		lock_acquire(&sched.sudoglock);
		while (pp->nsudog > P_SUDOG_CACHE / 2) {
			Sudog *c = pp->sudogcache[--pp->nsudog];
			c->next = sched.sudogcache;
			sched.sudogcache = c;
		}
		lock_release(&sched.sudoglock);
	}
	pp->sudogcache[pp->nsudog++] = s;
}

/* ---- start-up (called by rt0.c's main on the main thread) ---- */

/* GOMAXPROCS shrank below pp (world stopped, under sched.lock): its goroutines go to the global
 * queue, its caches to the shared ones, its timers to P 0, which outlives every change (gc's
 * (*p).destroy). */
static void retirep(P *pp)
{
	for (G *gp; (gp = runqget(pp));)
		globrunqput(gp);
	lock_acquire(&sched.sudoglock);
	for (int i = 0; i < pp->nsudog; i++) {
		pp->sudogcache[i]->next = sched.sudogcache;
		sched.sudogcache = pp->sudogcache[i];
	}
	pp->nsudog = 0;
	lock_release(&sched.sudoglock);
	lock_acquire(&sched.gflock);
	while (pp->gfree) {
		G *gp = pp->gfree;
		pp->gfree = gp->schedlink;
		gp->schedlink = sched.gfree;
		__atomic_store_n(&sched.gfree, gp, __ATOMIC_RELAXED); /* gfget peeks without gflock */
		sched.ngfree++;
	}
	pp->ngfree = 0;
	lock_release(&sched.gflock);
	timers_move(sched.allp[0], pp); /* the caller tells the timer sleeper */
	__atomic_store_n(&pp->m, NULL, __ATOMIC_RELEASE);
	__atomic_store_n(&pp->status, P_DEAD, __ATOMIC_RELAXED);
}

/* n Ps from now on (gc's procresize), under sched.lock, with the world stopped (GOMAXPROCS) or at
 * start-up (no other M yet). Ps below n that are new or dead join the others: idle at start-up,
 * stopped for sched_start_the_world to restart; Ps at or above n retire, and if the caller's own P
 * is one of them, it goes on with P 0. So no P at or above GOMAXPROCS ever runs Go code (sync.Pool
 * indexes its per-P array by the pinned P's id). */
static void procresize(int32_t n)
{
	if (n > MAX_GOMAXPROCS)
		n = MAX_GOMAXPROCS;
	int32_t old = sched.gomaxprocs;
	__atomic_store_n(&sched.gomaxprocs, n, __ATOMIC_SEQ_CST);
	for (int32_t i = 0; i < n; i++) {
		P *pp = sched.allp[i];
		if (pp == NULL) {
			pp = calloc(1, sizeof(P));
			if (pp == NULL)
				panic_throw("procresize: out of memory");
			pp->id = i;
			pp->status = P_DEAD;
			__atomic_store_n(&sched.allp[i], pp, __ATOMIC_RELEASE); /* sysmon reads allp unlocked */
		}
		if (__atomic_load_n(&pp->status, __ATOMIC_ACQUIRE) != P_DEAD)
			continue;
		if (sched.gcwaiting)
			__atomic_store_n(&pp->status, P_GCSTOP, __ATOMIC_RELEASE); /* started with the world */
		else
			pidleput(pp);
	}
	M *mp = getm();
	P *self = mp ? mp->p : NULL;
	if (self && self->id >= n) {
		releasep();
		P *p0 = sched.allp[0];
		__atomic_store_n(&p0->status, P_IDLE, __ATOMIC_RELAXED);
		acquirep(p0);
	}
	for (int32_t i = n; i < old; i++)
		retirep(sched.allp[i]);
}

void sched_init(void)
{
	sched_ncpu = os_getproccount(NULL);
	m0.tcb_limit = tcb_limit_addr();
	set_tcb_limit(0);
	m0.fastrand = (uint64_t)sched_nanotime();
	sched.mcount = 1;
	sched.mnext = 1;
	sched.allm = &m0;
	lock_acquire(&sched.lock);
	procresize(os_gomaxprocsinit(NULL));
	P *pp = sched.pidle, *prev = NULL; /* m0 takes P 0 */
	for (; pp->id != 0; prev = pp, pp = pp->link)
		;
	if (prev)
		prev->link = pp->link;
	else
		sched.pidle = pp->link;
	__atomic_fetch_sub(&sched.npidle, 1, __ATOMIC_SEQ_CST);
	acquirep(pp);
	lock_release(&sched.lock);
}

/* ---- sysmon: preemption of long-running goroutines (Go's sysmon and retake) ----
 * A thread outside the scheduler (no M, no P: it never runs Go code and checkdead does not count it)
 * looks at every running P each SYSMON_PERIOD; a P whose schedtick has not moved for
 * FORCE_PREEMPT_NS runs the same goroutine all that time: sysmon sets its preempt flag and poisons
 * the M's %fs:0x70 word, so the goroutine's next function prologue fails its stack check and
 * __morestack yields (stack.c). The races are benign: if the M has switched goroutines meanwhile,
 * the new one's check fails once, stack_morestack finds no request for it and restores its limit;
 * a switch overwrites the poison, and the request then waits in g->preempt for the next segment
 * boundary. A loop that calls no function polls the same word at its back-edge (the compiler's
 * lower_loop_poll) and calls runtime_preemptcheck below when it sees the poison. */
#define SYSMON_PERIOD_US 5000
#define FORCE_PREEMPT_NS 10000000

/* GODEBUG=goccretakedelay=US (gocc's own, a debugging aid): sysmon sleeps US microseconds between
 * retaking a P from a system call and handing it off, widening the window in which a returning
 * call finds no P (testdata/sched_syscall_retake.go). */
static uint32_t retake_delay_us;

static void retake_delay_init(void)
{
	const char *d = getenv("GODEBUG");
	for (; d && *d;) {
		const char *e = strchr(d, ',');
		size_t n = e ? (size_t)(e - d) : strlen(d);
		if (n > 16 && strncmp(d, "goccretakedelay=", 16) == 0)
			retake_delay_us = (uint32_t)strtoul(d + 16, NULL, 10);
		d = e ? e + 1 : NULL;
	}
}

static void preemptone(P *pp)
{
	M *mp = __atomic_load_n(&pp->m, __ATOMIC_ACQUIRE);
	if (mp == NULL)
		return;
	G *gp = __atomic_load_n(&mp->curg, __ATOMIC_ACQUIRE);
	if (gp == NULL || gp->is_g0)
		return;
	__atomic_store_n(&gp->preempt, true, __ATOMIC_RELAXED);
	__atomic_store_n(mp->tcb_limit, (uintptr_t)RT_PREEMPT_POISON, __ATOMIC_RELEASE);
}

/* A loop back-edge saw the poison (runtime.def): restore the limit, and yield if the request is
 * this goroutine's (as stack_morestack does for a prologue; a stale poison only costs the call). */
void runtime_preemptcheck(void)
{
	G *gp = sched_getg();
	if (gp == NULL || gp->is_g0)
		return;
	set_tcb_limit(gp->stack_limit);
	if (__atomic_exchange_n(&gp->preempt, false, __ATOMIC_RELAXED) && gp->m->locks == 0)
		sched_gosched();
}

/* Go's incidlelocked: sysmon also counts itself as running there while it retakes a P. */
static void incidlelocked(int32_t v)
{
	lock_acquire(&sched.lock);
	sched.nmidlelocked += v;
	if (v > 0)
		checkdead();
	lock_release(&sched.lock);
}

static void *sysmon(void *arg)
{
	(void)arg;
	/* What sysmon saw of each P, in libc memory: not in .data/.bss, whose words the collector reads
	 * conservatively while the world is stopped and sysmon keeps running (mgc.c's scan_data). */
	struct {
		uint64_t tick, syscalltick;
		int64_t when;
	} *seen = calloc(MAX_GOMAXPROCS, sizeof *seen);
	if (seen == NULL)
		panic_throw("runtime: out of memory (sysmon)");
	for (;;) {
		usleep(SYSMON_PERIOD_US);
		int64_t now = sched_nanotime();
		int32_t n = __atomic_load_n(&sched.gomaxprocs, __ATOMIC_RELAXED);
		for (int32_t i = 0; i < n; i++) {
			P *pp = __atomic_load_n(&sched.allp[i], __ATOMIC_ACQUIRE);
			if (pp == NULL)
				continue;
			uint32_t status = __atomic_load_n(&pp->status, __ATOMIC_ACQUIRE);
			if (status == P_SYSCALL) { /* retake it when the same call spans a period */
				uint64_t t = __atomic_load_n(&pp->syscalltick, __ATOMIC_RELAXED);
				if (t != seen[i].syscalltick) {
					seen[i].syscalltick = t;
					continue;
				}
				/* sysmon is no M: while it holds the retaken P, checkdead must count
				 * someone as running, or the M whose call returns now finds no P idle,
				 * queues its goroutine, goes idle and finds it runnable (go1.19's retake) */
				incidlelocked(-1);
				if (__atomic_compare_exchange_n(&pp->status, &status, P_IDLE, false,
								__ATOMIC_ACQ_REL, __ATOMIC_RELAXED)) {
					if (retake_delay_us)
						usleep(retake_delay_us);
					handoffp(pp);
				}
				incidlelocked(1);
				continue;
			}
			if (status != P_RUNNING)
				continue;
			uint64_t t = __atomic_load_n(&pp->schedtick, __ATOMIC_RELAXED);
			if (t != seen[i].tick) {
				seen[i].tick = t;
				seen[i].when = now;
			} else if (now - seen[i].when >= FORCE_PREEMPT_NS) {
				preemptone(pp);
				seen[i].when = now;
			}
		}
	}
	return NULL;
}

static void start_sysmon(void)
{
	retake_delay_init();
	pthread_attr_t attr;
	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	pthread_attr_setstacksize(&attr, 64 << 10);
	sigset_t all, old;
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old); /* sysmon takes no signals */
	pthread_t t;
	int err = pthread_create(&t, &attr, sysmon, NULL);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	pthread_attr_destroy(&attr);
	if (err != 0)
		panic_throw("sysmon: failed to create thread");
	mstats_stack(0, 64 << 10);
}

/* Starts the scheduler on the main thread with goroutine 1 running fn (never returns). */
RUNTIME_NORET void sched_main(void *fn)
{
	M *mp = &m0;
	G *gp = newproc1(mp->p, fn, false);
	/* go1.19's runtime.main starts three goroutines of its own (forcegc, bgsweep, bgscavenge)
	 * before main.init: the program's first goroutine is number 5, as in go1.19's reports */
	mp->p->goidcache += 3;
	/* goroutine 1 stays on the main thread until main.init is done (sched_unlock_main) */
	gp->locked_int = 1;
	gp->lockedm = mp;
	mp->lockedg = gp;
	volatile char anchor;
	mp->g0_sp = ((uintptr_t)&anchor - 1024) & ~(uintptr_t)15;
	sched.main_started = true;
	start_sysmon();
	execute(gp);
}

/* go1.19's runtime.main after main.main: a panic running its deferred calls gets up to 1000
 * yields to recover or start its report; a report being printed ends the process (exit 2) while
 * goroutine 1 stays parked, so the report is never cut short by exit(0). */
void sched_main_return(void)
{
	for (int c = 0; c < 1000 && panic_running_defers() != 0; c++)
		sched_gosched();
	if (panic_panicking() != 0)
		sched_park(NULL, NULL, WAIT_PANIC_WAIT);
}

/* ---- the runtime package (declared without bodies in stdlib/runtime) ---- */

static void gomaxprocs_resize(void *arg)
{
	intgo n = *(intgo *)arg;
	sched_stop_the_world(); /* as go1.19's stopTheWorldGC("GOMAXPROCS") */
	lock_acquire(&sched.lock);
	procresize(n > MAX_GOMAXPROCS ? MAX_GOMAXPROCS : (int32_t)n);
	lock_release(&sched.lock);
	sched_start_the_world();
}

/* runtime.GOMAXPROCS(n): the old value; n > 0 sets it. */
GO_LINKNAME(proc_GOMAXPROCS, "runtime.GOMAXPROCS");
RUNTIME_API intgo proc_GOMAXPROCS(void *ctx, intgo n)
{
	(void)ctx;
	intgo ret = __atomic_load_n(&sched.gomaxprocs, __ATOMIC_SEQ_CST);
	if (n <= 0 || n == ret)
		return ret;
	stack_call_deep(gomaxprocs_resize, &n); /* start_the_world's 8 KiB: not on a small segment */
	int64_t when = timers_next(sched.allp[0]); /* it may hold retired Ps' timers */
	if (when != 0)
		sched_timer_added(when);
	return ret;
}

static void dounlock(G *gp)
{
	if (gp->locked_ext == 0 && gp->locked_int == 0 && gp->lockedm) {
		gp->lockedm->lockedg = NULL;
		gp->lockedm = NULL;
	}
}

void sched_unlock_main(void)
{
	G *gp = sched_getg();
	gp->locked_int--;
	dounlock(gp);
}

GO_LINKNAME(proc_LockOSThread, "runtime.LockOSThread");
RUNTIME_API void proc_LockOSThread(void *ctx)
{
	(void)ctx;
	G *gp = sched_getg();
	if (gp->locked_ext == UINT32_MAX) {
		static const RuntimeError overflow = {.kind = ERR_PLAIN, .msg = "LockOSThread nesting overflow"};
		panic_rterror(&overflow, NULL);
	}
	gp->locked_ext++;
	if (!gp->is_g0) {
		gp->lockedm = gp->m;
		gp->m->lockedg = gp;
	}
}

GO_LINKNAME(proc_UnlockOSThread, "runtime.UnlockOSThread");
RUNTIME_API void proc_UnlockOSThread(void *ctx)
{
	(void)ctx;
	G *gp = sched_getg();
	if (gp->locked_ext == 0)
		return;
	gp->locked_ext--;
	if (!gp->is_g0)
		dounlock(gp);
}

GO_LINKNAME(proc_Gosched, "runtime.Gosched");
RUNTIME_API void proc_Gosched(void *ctx)
{
	(void)ctx;
	if (!sched_getg()->is_g0)
		sched_gosched();
}

GO_LINKNAME(proc_NumGoroutine, "runtime.NumGoroutine");
RUNTIME_API intgo proc_NumGoroutine(void *ctx)
{
	(void)ctx;
	int64_t n = __atomic_load_n(&sched.ngoroutines, __ATOMIC_RELAXED);
	return n > 0 ? n : 1;
}

/* runtime.Goexit: run the goroutine's deferred calls (a Panic marked goexit: recover() returns nil
 * for it and it is never printed), then end the goroutine. From goroutine 1 the program goes on
 * until the other goroutines are done: checkdead then reports `no goroutines`. */
GO_LINKNAME(proc_Goexit, "runtime.Goexit");
RUNTIME_API void proc_Goexit(void *ctx)
{
	(void)ctx;
	G *gp = sched_getg();
	Panic p = {.goexit = true, .link = gp->panic.panic};
	gp->panic.panic = &p;
	defer_run_panic(&p);
	if (gp->is_g0)
		panic_throw("Goexit outside a goroutine");
	sched_goexit();
}

/* ---- stopping the world (Go's stopTheWorld/startTheWorld), for the collector (mgc.c) ----
 *
 * The stopper sets sched.gcwaiting and counts the Ps it does not hold in stopwait. A P stops (state
 * P_GCSTOP) when its M next enters schedule() (a goroutine blocks, yields, or is preempted: every
 * running goroutine is asked to yield at its next function prologue, as sysmon does, and asked
 * again every 100 us because a goroutine in runtime code holding a lock drops a request), when it
 * would go idle (pidleput), or at once if it is idle or in a system call (the goroutine in the call
 * counts as stopped: when the call returns it finds its P taken and queues itself). The last one to
 * stop wakes the stopper. While stopped, no goroutine runs Go code but the stopper's, so every other
 * goroutine is parked at a safepoint with its registers saved on its own stack (ctx_mcall). A loop
 * that calls no function is never stopped (docs/status.md: no back-edge polls yet). */
static void gcstopp(P *pp)
{
	__atomic_store_n(&pp->status, P_GCSTOP, __ATOMIC_RELEASE);
	__atomic_store_n(&pp->m, NULL, __ATOMIC_RELEASE);
	if (--sched.stopwait == 0)
		note_wakeup(&sched.stopnote);
}

void sched_stop_the_world(void)
{
	G *gp = sched_getg();
	/* one stopper at a time: a second one yields its P (so the first can stop it) and retries */
	uint32_t zero = 0;
	while (!__atomic_compare_exchange_n(&sched.worldsema, &zero, 1, false, __ATOMIC_ACQUIRE,
					    __ATOMIC_RELAXED)) {
		zero = 0;
		if (gp && !gp->is_g0 && gp->m->p)
			sched_gosched();
		else
			usleep(100);
	}
	M *mp = getm();
	P *self = mp ? mp->p : NULL;
	if (mp)
		mp->locks++;
	lock_acquire(&sched.lock);
	note_clear(&sched.stopnote);
	int32_t n = __atomic_load_n(&sched.gomaxprocs, __ATOMIC_RELAXED);
	sched.stopwait = 0;
	for (int32_t i = 0; i < n; i++)
		if (sched.allp[i] && sched.allp[i] != self)
			sched.stopwait++;
	__atomic_store_n(&sched.gcwaiting, true, __ATOMIC_RELEASE);
	for (int32_t i = 0; i < n; i++) {
		P *pp = sched.allp[i];
		uint32_t syscall = P_SYSCALL;
		if (pp && pp != self &&
		    __atomic_compare_exchange_n(&pp->status, &syscall, P_GCSTOP, false, __ATOMIC_ACQ_REL,
						__ATOMIC_RELAXED))
			gcstopp(pp);
	}
	for (P *pp; (pp = pidleget()) != NULL;)
		gcstopp(pp);
	bool wait = sched.stopwait > 0;
	lock_release(&sched.lock);
	while (wait) {
		for (int32_t i = 0; i < n; i++)
			if (sched.allp[i] && sched.allp[i] != self &&
			    __atomic_load_n(&sched.allp[i]->status, __ATOMIC_ACQUIRE) == P_RUNNING)
				preemptone(sched.allp[i]);
		if (note_sleep_timeout(&sched.stopnote, 100000))
			break;
	}
}

void sched_start_the_world(void)
{
	M *mp = getm();
	P *self = mp ? mp->p : NULL;
	P *busy[MAX_GOMAXPROCS];
	int nbusy = 0;
	lock_acquire(&sched.lock);
	__atomic_store_n(&sched.gcwaiting, false, __ATOMIC_RELEASE);
	int32_t n = __atomic_load_n(&sched.gomaxprocs, __ATOMIC_RELAXED);
	for (int32_t i = 0; i < n; i++) {
		P *pp = sched.allp[i];
		if (pp == NULL || pp == self || pp->status != P_GCSTOP)
			continue;
		if (runqempty(pp)) {
			pidleput(pp);
		} else {
			__atomic_store_n(&pp->status, P_IDLE, __ATOMIC_RELAXED); /* sysmon reads it unlocked */
			busy[nbusy++] = pp;
		}
	}
	lock_release(&sched.lock);
	for (int i = 0; i < nbusy; i++)
		startm(busy[i], false);
	wakep(); /* as go1.19: work queued, or timers on the idle Ps, need a spinning M */
	if (mp)
		mp->locks--;
	__atomic_store_n(&sched.worldsema, 0, __ATOMIC_RELEASE);
}

/* The collector's roots from the scheduler, with the world stopped (mgc.c splits them into jobs
 * that its mark workers share; each function touches only its own records, so jobs run in
 * parallel). sched_gc_roots_ms: every M record and its thread's static TLS block. sched_gc_allgs:
 * the number of goroutines, and the first `cap` of them copied to buf. sched_gc_roots_g: one G's
 * record and the Sudogs it waits on (calloc'd, outside the heap: they hold closures, panic values,
 * defer records), then its stack through scan_stack from its saved stack pointer, or from self_sp
 * for `self`, the collecting goroutine (its registers spilled above that by the caller). */
void sched_gc_roots_ms(void (*scan)(uintptr_t lo, uintptr_t hi))
{
	for (M *mp = sched.allm; mp; mp = mp->alllink) {
		scan((uintptr_t)mp, (uintptr_t)(mp + 1));
		if (mp->tcb_limit) { /* the executable's static TLS block lies just below the fs base */
			uintptr_t fs = (uintptr_t)mp->tcb_limit - 0x70;
			scan(fs - gc_tls_size(), fs);
		}
	}
	for (int32_t i = 0; i < MAX_GOMAXPROCS && sched.allp[i]; i++)
		timers_gc_scan(sched.allp[i], scan); /* an AfterFunc's timer may be referenced only there */
}

size_t sched_gc_allgs(G **buf, size_t cap)
{
	size_t n = 0;
	for (G *gp = sched.allg; gp; gp = gp->alllink, n++)
		if (n < cap)
			buf[n] = gp;
	return n;
}

void sched_gc_roots_g(G *gp, void (*scan)(uintptr_t lo, uintptr_t hi),
		      void (*scan_stack)(G *gp, uintptr_t sp), G *self, uintptr_t self_sp)
{
	scan((uintptr_t)gp, (uintptr_t)(gp + 1));
	for (Sudog *s = gp->waiting; s; s = s->waitlink)
		scan((uintptr_t)s, (uintptr_t)(s + 1));
	uint32_t status = __atomic_load_n(&gp->status, __ATOMIC_ACQUIRE);
	if (status == G_DEAD || status == G_IDLE || gp->stack == NULL)
		return;
	scan_stack(gp, gp == self ? self_sp : (uintptr_t)gp->sp);
}

/* GOMAXPROCS now: how many mark workers the collector may run. */
int32_t sched_gc_nprocs(void)
{
	return __atomic_load_n(&sched.gomaxprocs, __ATOMIC_RELAXED);
}

/* The finalizer goroutine (mfinal.c): a system goroutine like go1.19's fing, not counted by
 * NumGoroutine. */
void sched_newproc_system(void *fn)
{
	runtime_newproc(fn);
	__atomic_fetch_sub(&sched.ngoroutines, 1, __ATOMIC_RELAXED);
}
