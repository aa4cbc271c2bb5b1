/*
 * spinlock.h: a leaf lock for the runtime's short critical sections that never park (the itab
 * table's inserts, the print lock, the finalizer set), usable on any thread, with or without the
 * scheduler.
 *
 * In: a SpinLock (zero value: unlocked). Out: mutual exclusion with acquire/release ordering
 * (libatomic_ops' test-and-set). A waiter spins with PAUSE, then yields its thread to the kernel,
 * so a holder that was descheduled gets the CPU back.
 *
 * Invariants: held only around code that neither parks a goroutine nor takes another SpinLock or
 * RtLock (so no lock-order cycle can form), and never across a call back into Go code.
 * Rejected: pthread_mutex (needs initialisation rules and may allocate on some libcs; its futex
 * path is what scheduler.h's RtLock gives once proc.c has it, and these sections are a few hundred
 * instructions long, where spinning wins); a ticket lock (fairness matters little here).
 */
#ifndef GOCC_RUNTIME_SPINLOCK_H
#define GOCC_RUNTIME_SPINLOCK_H

#include <atomic_ops.h>
#include <sched.h>

typedef struct SpinLock {
	AO_TS_t held;
} SpinLock;

static inline void spin_lock(SpinLock *l)
{
	for (unsigned spins = 0; AO_test_and_set_acquire(&l->held) == AO_TS_SET; spins++) {
		if (spins < 100)
			__builtin_ia32_pause();
		else
			sched_yield();
	}
}

static inline void spin_unlock(SpinLock *l)
{
	AO_CLEAR(&l->held);
}

#endif
