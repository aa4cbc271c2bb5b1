/*
 * sigqueue.c: signals delivered to package os/signal (Go's sigqueue.go and the _SigNotify half of
 * signal_unix.go: signal_enable, signal_disable, signal_ignore, signal_ignored, signal_recv,
 * signalWaitUntilIdle).
 *
 * In: os/signal's calls (Notify enables a signal, Stop/Reset disable it, Ignore ignores it; its
 * loop goroutine calls signal_recv forever) and the signals the process receives. Out: each
 * enabled signal, once per burst of deliveries (a bit per signal, as gc's), returned by
 * signal_recv to os/signal's loop, which sends it to the program's channels.
 *
 * The one idea: a signal handler may not take a lock or ready a goroutine, so it only sets the
 * signal's bit in sig.mask and pokes a futex word; one forwarder thread (not an M: it never runs Go
 * code, and blocks every signal) sleeps on that word and readies the goroutine parked in
 * signal_recv. The receiver takes the whole mask at once (gc's sig.recv) and returns one signal per
 * call. While it is parked it counts as "something outside the scheduler may ready a goroutine"
 * (sched_external_begin), so a program waiting for a signal is not a deadlock, as with gc (whose
 * receiver sleeps in a system call).
 *
 * Which signals: those gc's sigtable marks _SigNotify (not SIGKILL, SIGSTOP, the synchronous
 * faults SIGSEGV/SIGBUS/SIGFPE/SIGILL/SIGTRAP, SIGSTKFLT, SIGSYS, nor glibc's 32-34). Enabling one
 * installs the handler once and keeps the disposition it replaced; disabling restores that
 * disposition; ignoring sets SIG_IGN. signal_ignored is also true for a signal the process
 * inherited as ignored (gc's sigInitIgnored).
 *
 * Invariants: sig.wanted, sig.ignored and sig.mask are read and written with atomics (the handler
 * reads wanted and sets mask on any thread); recv_g and receiving are guarded by sig.lock; the
 * forwarder readies the receiver only after seeing it under that lock, which the receiver's park
 * released; os/signal calls enable/disable/ignore from one goroutine at a time (its handlers lock).
 *
 * Signals nobody asked for: as gc, the ones gc's sigtable marks _SigNotify alone (SIGUSR1, SIGUSR2,
 * SIGALRM, SIGCHLD, SIGURG, SIGXCPU, SIGXFSZ, SIGVTALRM, SIGPROF, SIGWINCH, SIGIO, SIGPWR and the
 * real-time signals from 35) are caught from start-up and dropped (sigqueue_initsig, which os_linux.c's start-up constructor
 * calls, so it runs in every program, os/signal or not); SIGHUP, SIGINT
 * and SIGTERM keep the kernel's default (gc's handler dies of them the same way). Not as gc yet:
 * SIGQUIT, SIGABRT and the other _SigThrow signals end the process by the kernel's default instead
 * of gc's goroutine dump and exit status 2 (signal_linux.c's fatal paths).
 * Rejected: signalfd (it needs the signals blocked in every thread, including threads C code
 * starts); a goroutine receiving in a blocking read (it would hold its P: with GOMAXPROCS=1 nothing
 * else would run).
 */
#include "panic.h"
#include "proc.h"
#include "scheduler.h"

#include <pthread.h>
#include <signal.h>
#include <string.h>

enum { NSIG_GO = 65, SIG_WORDS = 3 };

static struct {
	uint32_t wanted[SIG_WORDS];  /* atomic: enabled by Notify */
	uint32_t ignored[SIG_WORDS]; /* atomic: ignored by Ignore */
	uint32_t mask[SIG_WORDS];    /* atomic: delivered, not yet taken by the receiver */
	uint32_t wake;               /* futex word of the forwarder: bumped by every delivery */
	uint32_t delivering;         /* atomic: handlers between reading wanted and bumping wake */
	uint32_t receiving;          /* atomic: 1 while the receiver is parked */
	RtLock lock;
	G *recv_g;                   /* guarded by lock: the goroutine parked in signal_recv */
	uint32_t recv[SIG_WORDS];    /* the receiver's own: taken from mask, returned one by one */
	struct sigaction saved[NSIG_GO]; /* the disposition before enable or ignore first changed it */
	bool changed[NSIG_GO];       /* saved holds it; guarded by os/signal's lock, as saved */
} sig;

static pthread_once_t forwarder_once = PTHREAD_ONCE_INIT;

/* gc's sigtable: the signals that carry _SigNotify. */
static bool notifiable(uint32_t s)
{
	switch (s) {
	case 0: case SIGILL: case SIGTRAP: case SIGBUS: case SIGFPE: case SIGKILL: case SIGSEGV:
	case SIGSTKFLT: case SIGSTOP: case SIGSYS: case 32: case 33: case 34:
		return false;
	default:
		return s < NSIG_GO;
	}
}

static bool bit(const uint32_t *words, uint32_t s)
{
	return (__atomic_load_n(&words[s / 32], __ATOMIC_SEQ_CST) >> (s % 32)) & 1;
}

static void set_bit(uint32_t *words, uint32_t s, bool on)
{
	if (on)
		__atomic_fetch_or(&words[s / 32], 1u << (s % 32), __ATOMIC_SEQ_CST);
	else
		__atomic_fetch_and(&words[s / 32], ~(1u << (s % 32)), __ATOMIC_SEQ_CST);
}

/* gc's sigsend, from the handler: async-signal-safe (atomics and a futex wake). */
static void sigqueue_handler(int s)
{
	__atomic_fetch_add(&sig.delivering, 1, __ATOMIC_SEQ_CST);
	if (bit(sig.wanted, (uint32_t)s)) {
		set_bit(sig.mask, (uint32_t)s, true);
		__atomic_fetch_add(&sig.wake, 1, __ATOMIC_SEQ_CST);
		futex_wake(&sig.wake, 1);
	}
	__atomic_fetch_sub(&sig.delivering, 1, __ATOMIC_SEQ_CST);
}

static bool mask_empty(void)
{
	for (int i = 0; i < SIG_WORDS; i++)
		if (__atomic_load_n(&sig.mask[i], __ATOMIC_SEQ_CST))
			return false;
	return true;
}

/* Installs sa for s, keeping the disposition of before the first change for disable. */
static void set_disposition(uint32_t s, const struct sigaction *sa)
{
	sigaction((int)s, sa, sig.changed[s] ? NULL : &sig.saved[s]);
	sig.changed[s] = true;
}

static void *forwarder(void *arg)
{
	(void)arg;
	for (;;) {
		uint32_t w = __atomic_load_n(&sig.wake, __ATOMIC_SEQ_CST);
		G *g = NULL;
		if (!mask_empty()) {
			lock_acquire(&sig.lock);
			g = sig.recv_g;
			sig.recv_g = NULL;
			if (g)
				__atomic_store_n(&sig.receiving, 0, __ATOMIC_SEQ_CST);
			lock_release(&sig.lock);
		}
		if (g)
			sched_ready(g);
		futex_sleep(&sig.wake, w, -1);
	}
	return NULL;
}

static void start_forwarder(void)
{
	os_helper_thread(forwarder);
}

/* gc's initsig for the signals whose sigtable entry is _SigNotify alone: gc's handler catches them
 * from the start and, unless the program asked for them, drops them. A handler, not SIG_IGN: an
 * ignored SIGCHLD would make the kernel reap children (Wait4 would fail), and SIG_IGN, unlike a
 * handler, survives exec into the programs this one starts. */
void sigqueue_initsig(void)
{
	for (uint32_t s = 1; s < NSIG_GO; s++) {
		switch (s) {
		case SIGUSR1: case SIGUSR2: case SIGALRM: case SIGCHLD: case SIGURG: case SIGXCPU:
		case SIGXFSZ: case SIGVTALRM: case SIGPROF: case SIGWINCH: case SIGIO: case SIGPWR:
			break;
		default:
			if (s < 35)
				continue;
		}
		struct sigaction sa;
		memset(&sa, 0, sizeof sa);
		sa.sa_handler = sigqueue_handler;
		sa.sa_flags = SA_ONSTACK | SA_RESTART;
		sigfillset(&sa.sa_mask);
		sigaction((int)s, &sa, NULL);
	}
}

GO_LINKNAME(sigqueue_enable, "os/signal.signal_enable");
RUNTIME_API void sigqueue_enable(void *ctx, uint32_t s)
{
	(void)ctx;
	pthread_once(&forwarder_once, start_forwarder);
	if (s >= NSIG_GO)
		return;
	set_bit(sig.wanted, s, true);
	set_bit(sig.ignored, s, false);
	if (notifiable(s)) {
		struct sigaction sa;
		memset(&sa, 0, sizeof sa);
		sa.sa_handler = sigqueue_handler;
		sa.sa_flags = SA_ONSTACK | SA_RESTART;
		sigfillset(&sa.sa_mask);
		set_disposition(s, &sa);
	}
}

GO_LINKNAME(sigqueue_disable, "os/signal.signal_disable");
RUNTIME_API void sigqueue_disable(void *ctx, uint32_t s)
{
	(void)ctx;
	if (s >= NSIG_GO)
		return;
	if (notifiable(s) && sig.changed[s]) {
		sigaction((int)s, &sig.saved[s], NULL);
		sig.changed[s] = false;
	}
	set_bit(sig.wanted, s, false);
}

GO_LINKNAME(sigqueue_ignore, "os/signal.signal_ignore");
RUNTIME_API void sigqueue_ignore(void *ctx, uint32_t s)
{
	(void)ctx;
	if (s >= NSIG_GO)
		return;
	if (notifiable(s)) {
		struct sigaction sa;
		memset(&sa, 0, sizeof sa);
		sa.sa_handler = SIG_IGN;
		set_disposition(s, &sa);
	}
	set_bit(sig.wanted, s, false);
	set_bit(sig.ignored, s, true);
}

/* Ignored by Ignore, or inherited as ignored and not taken over since (gc's sigInitIgnored). */
GO_LINKNAME(sigqueue_ignored, "os/signal.signal_ignored");
RUNTIME_API bool sigqueue_ignored(void *ctx, uint32_t s)
{
	(void)ctx;
	if (s >= NSIG_GO)
		return false;
	if (bit(sig.ignored, s))
		return true;
	struct sigaction old;
	return !sig.changed[s] && (s == SIGHUP || s == SIGINT) && sigaction((int)s, NULL, &old) == 0 &&
	       old.sa_handler == SIG_IGN;
}

/* os/signal's loop goroutine: the next delivered signal, parking until there is one. */
GO_LINKNAME(sigqueue_recv, "os/signal.signal_recv");
RUNTIME_API uint32_t sigqueue_recv(void *ctx)
{
	(void)ctx;
	for (;;) {
		for (uint32_t s = 0; s < NSIG_GO; s++)
			if (sig.recv[s / 32] & (1u << (s % 32))) {
				sig.recv[s / 32] &= ~(1u << (s % 32));
				return s;
			}
		lock_acquire(&sig.lock);
		bool any = false;
		for (int i = 0; i < SIG_WORDS; i++) {
			sig.recv[i] = __atomic_exchange_n(&sig.mask[i], 0, __ATOMIC_SEQ_CST);
			any |= sig.recv[i] != 0;
		}
		if (any) {
			lock_release(&sig.lock);
			continue;
		}
		sig.recv_g = sched_getg();
		__atomic_store_n(&sig.receiving, 1, __ATOMIC_SEQ_CST);
		sched_external_begin();
		sched_parkunlock(&sig.lock, WAIT_ZERO);
		sched_external_end();
	}
}

/* signal.Stop and Reset: wait until no handler is delivering and the receiver is parked again, so
 * a signal that arrived before the Stop has been handed to the loop (gc's signalWaitUntilIdle). */
GO_LINKNAME(sigqueue_waitUntilIdle, "os/signal.signalWaitUntilIdle");
RUNTIME_API void sigqueue_waitUntilIdle(void *ctx)
{
	(void)ctx;
	while (__atomic_load_n(&sig.delivering, __ATOMIC_SEQ_CST) != 0)
		sched_gosched();
	while (__atomic_load_n(&sig.receiving, __ATOMIC_SEQ_CST) == 0 || !mask_empty())
		sched_gosched();
}
