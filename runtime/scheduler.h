/*
 * scheduler.h: the scheduler's interface to the rest of the runtime (Go's runtime2.go types and the
 * gopark/goready family of proc.go). proc.c implements it; chan.c, select.c, sema.c, the timers and
 * the panic/defer machinery use only what is declared here.
 *
 * What is here. The goroutine (G), the sudog that queues a goroutine on a channel or semaphore, the
 * runtime's own lock (RtLock, a futex word: Go's lock_futex.go), the wait reasons with go1.19's
 * strings, and the few operations everything else is built from:
 *
 *   sched_getg()                 the running goroutine (Go's getg()).
 *   sched_park(unlockf, arg, r)  park the running goroutine (Go's gopark): on the scheduler's side of
 *                                the switch, unlockf(gp, arg) runs; if it returns false the goroutine
 *                                is resumed at once. Returns when someone calls sched_ready(gp).
 *   sched_parkunlock(l, r)       park and release l once parked (Go's goparkunlock).
 *   sched_ready(gp)              make a parked goroutine runnable (Go's goready); any thread, any time
 *                                after the parker's unlockf ran (the usual pattern: both hold the same
 *                                RtLock, so ready is called under the lock the parker released).
 *                                A thread that is not an M (sigqueue.c's forwarder) readies only
 *                                between sched_external_begin/end, else checkdead, seeing every M
 *                                idle, could find the goroutine waiting (a false deadlock) or
 *                                runnable before it is queued (`checkdead: runnable g`).
 *   sched_acquire_sudog() / sched_release_sudog(s)   per-P caches of Sudogs (Go's acquireSudog).
 *   sched_entersyscall() / sched_exitsyscall()       around a blocking system call: the P may go to
 *                                another thread meanwhile (Go's entersyscall/exitsyscall).
 *   sched_external_begin() / sched_external_end()    something outside the run queues (a thread
 *                                in a system call) will ready a goroutine: checkdead waits.
 *
 * Below the G's line: proc.c's private fields, M and P (Go's m and p), the futex words
 * (lock_futex.c: RtLock, Note) and the scheduler's own entry points for the runtime (Gosched,
 * goexit, the frame of a stopped goroutine for dumps).
 *
 * Invariants (Go's, kept): a G's `param`, `waiting` and `select_done` are written only by the
 * goroutine itself or by a goroutine holding the channel lock(s) it is queued under; a parked G is
 * resumed exactly once per park; a Sudog is on at most one wait queue at a time, and its `elem` may
 * point into the parked goroutine's stack (stacks never move in gocc, so that pointer stays valid).
 *
 * Lock ordering (as Go): channel locks are taken in address order (select's sellock); RtLocks are
 * leaf locks apart from that: no allocation, no parking, no print while one is held, except the
 * print lock itself.
 *
 * (Named scheduler.h, not sched.h: the runtime's include path would shadow libc's <sched.h>.)
 */
#ifndef GOCC_RUNTIME_SCHEDULER_H
#define GOCC_RUNTIME_SCHEDULER_H

#include "panic.h"
#include "runtime.h"

typedef struct G G;
typedef struct M M;
typedef struct P P;
typedef struct Hchan Hchan;

/* ---- the runtime's lock (Go's mutex, lock_futex.go): 0 unlocked, 1 locked, 2 locked with
 * sleepers. Zero value is unlocked. Never held across a park, except through sched_parkunlock. ---- */
typedef struct RtLock {
	uint32_t key;
} RtLock;

void lock_acquire(RtLock *l);
void lock_release(RtLock *l);

/* ---- wait reasons: go1.19's waitReasonStrings, printed in `goroutine N [reason]:` ---- */
#define WAIT_REASONS(X)                                          \
	X(ZERO, "")                                              \
	X(GC_ASSIST_MARKING, "GC assist marking")                \
	X(IO_WAIT, "IO wait")                                    \
	X(CHAN_RECEIVE_NIL_CHAN, "chan receive (nil chan)")      \
	X(CHAN_SEND_NIL_CHAN, "chan send (nil chan)")            \
	X(DUMPING_HEAP, "dumping heap")                          \
	X(GARBAGE_COLLECTION, "garbage collection")              \
	X(GARBAGE_COLLECTION_SCAN, "garbage collection scan")    \
	X(PANIC_WAIT, "panicwait")                               \
	X(SELECT, "select")                                      \
	X(SELECT_NO_CASES, "select (no cases)")                  \
	X(GC_ASSIST_WAIT, "GC assist wait")                      \
	X(GC_SWEEP_WAIT, "GC sweep wait")                        \
	X(GC_SCAVENGE_WAIT, "GC scavenge wait")                  \
	X(CHAN_RECEIVE, "chan receive")                          \
	X(CHAN_SEND, "chan send")                                \
	X(FINALIZER_WAIT, "finalizer wait")                      \
	X(FORCE_GC_IDLE, "force gc (idle)")                      \
	X(SEMACQUIRE, "semacquire")                              \
	X(SLEEP, "sleep")                                        \
	X(SYNC_COND_WAIT, "sync.Cond.Wait")                      \
	X(TIMER_GOROUTINE_IDLE, "timer goroutine (idle)")        \
	X(TRACE_READER_BLOCKED, "trace reader (blocked)")        \
	X(WAIT_FOR_GC_CYCLE, "wait for GC cycle")                \
	X(GC_WORKER_IDLE, "GC worker (idle)")                    \
	X(PREEMPTED, "preempted")                                \
	X(DEBUG_CALL, "debug call")

typedef enum WaitReason {
#define WAIT_ENUM(name, text) WAIT_##name,
	WAIT_REASONS(WAIT_ENUM)
#undef WAIT_ENUM
} WaitReason;

/* go1.19's text for r ("chan receive"). */
const char *sched_wait_reason_string(WaitReason r);

/* Runs fn(arg) on the M's scheduler stack when called on a goroutine's (Go's systemstack; stack.c):
 * for deep C code reachable from Go code. fn must not park, call Go code or recover. */
void systemstack(void (*fn)(void *), void *arg);
/* Runs fn(arg) with a full stack segment's headroom below, on the goroutine's own chain (stack.c): for
 * deep C code that may park or call Go code. */
void stack_call_deep(void (*fn)(void *), void *arg);

/* ---- Sudog (Go's sudog): a goroutine waiting on a channel or semaphore ---- */
typedef struct Sudog {
	G *g;
	struct Sudog *next, *prev;  /* the wait queue (channel sendq/recvq, semaphore list) */
	void *elem;                 /* the element to send or the slot to receive into (may be on g's stack) */
	int64_t acquiretime, releasetime;
	uint32_t ticket;
	bool is_select;             /* g is in a select: select_done decides which case wins */
	bool success;               /* woken by a communication (true) or by close (false) */
	struct Sudog *parent;       /* semaphore treap */
	struct Sudog *waitlink;     /* g.waiting list, or the semaphore's same-address list */
	struct Sudog *waittail;     /* semaphore's same-address list tail */
	Hchan *c;                   /* the channel */
} Sudog;

/* ---- G (Go's g). The fields above the line are the interface; the rest belong to proc.c. ---- */
struct G {
	PanicState panic;           /* defer and panic lists of this goroutine (panic.h) */
	void *param;                /* passed by the waker: for channels, the Sudog that completed */
	Sudog *waiting;             /* the Sudogs this G is queued on (select: one per case), in order */
	uint32_t select_done;       /* atomic: 0 until some case of the G's select wins (CAS to 1) */
	uint64_t goid;
	WaitReason waitreason;
	/* ---- private to proc.c below this line ---- */
	uintptr_t stack_limit;      /* the split-stack limit of the current segment (%fs:0x70 while running) */
	struct StackSeg *stack;     /* the segment the goroutine runs on (stack.c), NULL for a g0 */
	struct StackSeg *stack_first; /* the first segment of the chain */
	size_t stack_total;         /* bytes in the chain up to and including `stack` */
	void *sp;                   /* saved stack pointer while not running (ctx_switch) */
	uint32_t status;            /* atomic: G_IDLE, G_RUNNABLE, G_RUNNING, G_WAITING, G_DEAD */
	bool preempt;               /* a preemption request: yield at the next stack check */
	bool is_g0;                 /* an M's scheduling context, not a goroutine */
	bool in_syscall;            /* between sched_entersyscall and sched_exitsyscall */
	M *m;                       /* the M running it, or NULL */
	M *lockedm;                 /* LockOSThread: the only M that may run it */
	uint32_t locked_ext, locked_int; /* LockOSThread nesting: user and runtime counts */
	G *schedlink;               /* run queue, free list */
	G *alllink;                 /* sched.allg list */
	void *entry;                /* the func() closure the goroutine runs */
	uintptr_t gopc;             /* the return address of its go statement's newproc call (created by) */
	uint64_t waitsince;         /* unused: go1.19 prints ", N minutes" only in dumps of long waits */
	struct Timer *timer;        /* time.c: time.Sleep's timer, made on the goroutine's first Sleep */
	uint8_t tracking_seq;       /* /sched/latencies: every 8th stop of running is measured (go1.19) */
	bool tracking;              /* this runnable period is measured */
	int64_t runnable_since;     /* tracked: when it became runnable (sched_nanotime) */
#ifdef GOCC_TSAN
	void *tsan_fiber;           /* ThreadSanitizer's context for this G (proc.c, docs/runtime.md) */
#endif
};

/* ---- M (Go's m): an OS thread. Private to proc.c, exposed for stack.c and tests. ---- */
typedef struct Note {
	uint32_t key;               /* 0 until note_wakeup */
} Note;

struct M {
	G g0;                       /* the scheduling context: its `sp` is where mcall switches to */
	uintptr_t g0_sp;            /* the top of the scheduler's stack on this thread */
	G *curg;                    /* the goroutine running on this M, or NULL */
	P *p;                       /* the P held while running Go code */
	P *nextp;                   /* the P handed to a woken M */
	M *schedlink;               /* sched.midle */
	M *alllink;                 /* sched.allm */
	Note park;                  /* an idle M sleeps here */
	bool spinning;              /* looking for work without any (sched.nmspinning counts them) */
	int32_t locks;              /* RtLocks held: no preemption while positive (Go's m.locks) */
	int64_t id;
	uint64_t fastrand;
	G *lockedg;                 /* LockOSThread: the G wired to this thread */
	P *oldp;                    /* the P this M left in P_SYSCALL, to take back on exit */
	uintptr_t *tcb_limit;       /* the address of this thread's %fs:0x70 word (preemption writes it) */
	/* sched_park's arguments, read on the scheduler's stack (Go's m.waitunlockf, m.waitlock) */
	bool (*waitunlockf)(G *gp, void *arg);
	void *waitlock;
	void *sigstack;             /* the alternate signal stack (signal_linux.c) */
#ifdef GOCC_TSAN
	void *tsan_mcall_fiber;     /* ThreadSanitizer's context for g0 since the last mcall (proc.c) */
#endif
};

/* ---- P (Go's p): the right to run Go code, with its local run queue. Private to proc.c. ---- */
#define P_RUNQ_SIZE 256
#define P_SUDOG_CACHE 128
struct P {
	int32_t id;
	uint32_t status;            /* atomic: P_IDLE, P_RUNNING, P_SYSCALL, P_DEAD (GOMAXPROCS shrank) */
	M *m;
	P *link;                    /* sched.pidle */
	uint64_t schedtick;         /* incremented per schedule(): fairness and preemption */
	uint64_t syscalltick;       /* incremented per system call: sysmon's retake */
	uint32_t runqhead, runqtail; /* atomic: lock-free single-producer, multi-consumer ring */
	G *runq[P_RUNQ_SIZE];
	G *runnext;                 /* atomic: the G readied last by this P's G, run next */
	Sudog *sudogcache[P_SUDOG_CACHE];
	int nsudog;
	uint64_t goidcache, goidcacheend; /* goroutine ids reserved by this P, 16 at a time (as go1.19) */
	G *gfree;                   /* dead Gs with their first stack segment, for reuse */
	int32_t ngfree;
	struct MCache *mcache;      /* this P's allocation cache (malloc.c), NULL until first used */
	/* timers (time.c, Go's p.timers): the pending timers added by this P's goroutines, run by
	 * whichever M holds this P (or steals them when idle) */
	RtLock timerslock;
	struct Timer **timers;      /* under timerslock: a min-heap on `when` (malloc'd, a GC root) */
	uint32_t ntimers;           /* under timerslock; read atomically by checkdead */
	uint32_t timerscap;         /* under timerslock */
	int64_t timer0when;         /* atomic: timers[0]->when, 0 when empty (Go's p.timer0When) */
};

/* The running goroutine of this thread (a g0 in scheduler code), read through %fs on every use
 * (panic.h): a goroutine may resume on another thread, so the thread pointer is never cached. */
static inline G *sched_getg(void)
{
	return proc_curg();
}

/* The number of CPUs (affinity mask), set at start-up: lock spinning is pointless on one. */
extern int32_t sched_ncpu;
int64_t sched_nanotime(void);

/* Futex words (lock_futex.c). */
void futex_sleep(uint32_t *addr, uint32_t val, int64_t ns);
void futex_wake(uint32_t *addr, uint32_t cnt);
void note_clear(Note *n);
void note_wakeup(Note *n);
void note_sleep(Note *n);
bool note_sleep_timeout(Note *n, int64_t ns); /* false: timed out */

/* Something outside the scheduler's run queues will ready a goroutine later (a thread in a system
 * call): while the count is positive, no goroutine being runnable is not a deadlock. */
void sched_external_begin(void);
void sched_external_end(void);

/* Around a system call that may block (Go's entersyscall/exitsyscall): the goroutine keeps its
 * thread, and its P is handed to another thread by sysmon if the call lasts. Pairs on the same
 * goroutine; no Go code and no runtime lock in between. No-ops outside a goroutine. */
void sched_entersyscall(void);
void sched_exitsyscall(void);

/* The frame pointer a stopped goroutine will resume with (the walk of its frames starts there:
 * mcall's frame, then sched_park's, then its callers); NULL for a running or dead one. */
void **sched_g_frame(G *gp);

/* Gosched from runtime code: put the running goroutine on the global queue and schedule. */
void sched_gosched(void);

/* The running goroutine ends (runs no defers: runtime.Goexit does that first). */
RUNTIME_NORET void sched_goexit(void);
void sched_park(bool (*unlockf)(G *gp, void *arg), void *arg, WaitReason reason);
void sched_parkunlock(RtLock *l, WaitReason reason);
void sched_ready(G *gp);
Sudog *sched_acquire_sudog(void);
void sched_release_sudog(Sudog *s);

/* Timers (time.c): a heap per P (Go's p.timers). timers_check(pp, now, &ran) runs pp's due timers
 * on the calling M (on g0, holding a P: its own or, when idle, pp is a victim's), returns pp's next
 * `when` (0: none); timers_next(pp) is that `when` without locking; timers_move(dst, src) moves a
 * retired P's timers (GOMAXPROCS shrank); timers_gc_scan gives the collector pp's heap array.
 * proc.c's sched_timer_added(when) is told when a timer becomes the earliest of its P, so the M
 * sleeping until the earliest timer across Ps (gc's netpoller M) can sleep less (gc's
 * wakeNetPoller). */
int64_t timers_check(P *pp, int64_t now, bool *ran);
int64_t timers_next(P *pp);
void timers_move(P *dst, P *src);
void timers_gc_scan(P *pp, void (*scan)(uintptr_t lo, uintptr_t hi));
void sched_timer_added(int64_t when);

/* A random number in [0, n) for the running M (Go's fastrandn): select's case order. */
uint32_t sched_fastrandn(uint32_t n);

#endif
