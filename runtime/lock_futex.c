/*
 * lock_futex.c: the runtime's own lock and the one-shot sleep of an idle thread, both on Linux
 * futexes (Go's lock_futex.go: lock2/unlock2, notesleep/notewakeup).
 *
 * In: a 32-bit word (RtLock.key, Note.key) that threads agree on. Out: mutual exclusion between OS
 * threads (RtLock), and "sleep until somebody wakes me" for an M with nothing to run (Note).
 *
 * The one idea (Go's and Drepper's "Futexes are tricky" mutex): the word says 0 unlocked, 1 locked,
 * 2 locked and somebody may be asleep on it. Taking a free lock is one atomic exchange; releasing a
 * lock nobody sleeps on is one exchange too. Only a contended lock enters the kernel: the waiter
 * sets 2 before sleeping, so the releaser, who sees 2, knows it must wake one sleeper. Before
 * sleeping a waiter spins a little (on more than one CPU): runtime critical sections are a few
 * dozen instructions, so the holder usually releases within the spin.
 *
 * A Note is a word that goes from 0 to 1 once (notewakeup) and is reset by its owner (noteclear)
 * before the next sleep; notesleep sleeps while the word is 0. The waker may run before the sleeper:
 * the futex wait then sees 1 and returns at once, so no wakeup is lost.
 *
 * Invariants. RtLocks are leaf locks (scheduler.h): a thread holds at most a few, never across a
 * park or a context switch, except the lock sched_parkunlock hands to the scheduler, which releases
 * it on the scheduler's stack. Nothing here allocates or prints (the fatal path of a corrupt lock
 * only throws). The futex calls use FUTEX_PRIVATE_FLAG: the words are never shared with another
 * process.
 *
 * Rejected alternatives. pthread_mutex_t: 40 bytes instead of 4 (every channel has one), and it
 * cannot be zero-value initialised portably in Go-allocated memory. A pure spin lock: with 2 CPUs
 * shared by many threads, a preempted holder makes spinners burn whole time slices.
 */
#include "scheduler.h"

#include <linux/futex.h>
#include <sched.h>
#include <sys/syscall.h>
#include <unistd.h>

enum { MUTEX_UNLOCKED = 0, MUTEX_LOCKED = 1, MUTEX_SLEEPING = 2 };
enum { ACTIVE_SPIN = 4, ACTIVE_SPIN_CNT = 30 };

/* Sleep while *addr == val (the kernel checks atomically); ns < 0 = no timeout. Spurious wakeups are
 * fine: every caller loops. */
void futex_sleep(uint32_t *addr, uint32_t val, int64_t ns)
{
	struct timespec ts, *tsp = NULL;
	if (ns >= 0) {
		ts.tv_sec = ns / 1000000000;
		ts.tv_nsec = ns % 1000000000;
		tsp = &ts;
	}
	syscall(SYS_futex, addr, FUTEX_WAIT_PRIVATE, val, tsp, NULL, 0);
}

/* Wake up to cnt threads sleeping on addr. */
void futex_wake(uint32_t *addr, uint32_t cnt)
{
	syscall(SYS_futex, addr, FUTEX_WAKE_PRIVATE, cnt, NULL, NULL, 0);
}

static inline void procyield(int n)
{
	for (int i = 0; i < n; i++)
		__builtin_ia32_pause();
}

/* The M's count of held locks: a goroutine holding one is not preempted (stack.c). */
static inline void count_lock(int d)
{
	G *gp = sched_getg();
	if (gp && gp->m)
		gp->m->locks += d;
}

void lock_acquire(RtLock *l)
{
	count_lock(1);
	uint32_t v = __atomic_exchange_n(&l->key, MUTEX_LOCKED, __ATOMIC_ACQUIRE);
	if (v == MUTEX_UNLOCKED)
		return;
	/* wait is what we must leave in the word when we take it: 2 once we may have slept, so that
	 * other sleepers still get their wakeup. */
	uint32_t wait = v;
	int spin = sched_ncpu > 1 ? ACTIVE_SPIN : 0;
	for (;;) {
		for (int i = 0; i < spin; i++) {
			while (__atomic_load_n(&l->key, __ATOMIC_RELAXED) == MUTEX_UNLOCKED) {
				uint32_t expect = MUTEX_UNLOCKED;
				if (__atomic_compare_exchange_n(&l->key, &expect, wait, false, __ATOMIC_ACQUIRE,
								__ATOMIC_RELAXED))
					return;
			}
			procyield(ACTIVE_SPIN_CNT);
		}
		while (__atomic_load_n(&l->key, __ATOMIC_RELAXED) == MUTEX_UNLOCKED) {
			uint32_t expect = MUTEX_UNLOCKED;
			if (__atomic_compare_exchange_n(&l->key, &expect, wait, false, __ATOMIC_ACQUIRE,
							__ATOMIC_RELAXED))
				return;
		}
		sched_yield();
		v = __atomic_exchange_n(&l->key, MUTEX_SLEEPING, __ATOMIC_ACQUIRE);
		if (v == MUTEX_UNLOCKED)
			return;
		wait = MUTEX_SLEEPING;
		futex_sleep(&l->key, MUTEX_SLEEPING, -1);
	}
}

void lock_release(RtLock *l)
{
	count_lock(-1);
	uint32_t v = __atomic_exchange_n(&l->key, MUTEX_UNLOCKED, __ATOMIC_RELEASE);
	if (v == MUTEX_UNLOCKED)
		panic_throw("unlock of unlocked lock");
	if (v == MUTEX_SLEEPING)
		futex_wake(&l->key, 1);
}

void note_clear(Note *n)
{
	__atomic_store_n(&n->key, 0, __ATOMIC_RELAXED);
}

void note_wakeup(Note *n)
{
	uint32_t old = __atomic_exchange_n(&n->key, 1, __ATOMIC_RELEASE);
	if (old != 0)
		panic_throw("notewakeup - double wakeup");
	futex_wake(&n->key, 1);
}

void note_sleep(Note *n)
{
	while (__atomic_load_n(&n->key, __ATOMIC_ACQUIRE) == 0)
		futex_sleep(&n->key, 0, -1);
}

bool note_sleep_timeout(Note *n, int64_t ns)
{
	if (ns < 0) {
		note_sleep(n);
		return true;
	}
	int64_t deadline = sched_nanotime() + ns;
	while (__atomic_load_n(&n->key, __ATOMIC_ACQUIRE) == 0) {
		int64_t left = deadline - sched_nanotime();
		if (left <= 0)
			return false;
		futex_sleep(&n->key, 0, left);
	}
	return true;
}
