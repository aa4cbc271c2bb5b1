/*
 * rt_sched_fake.h: a one-goroutine stand-in for scheduler.h, for the Criterion tests of the files
 * that park goroutines (chan.c, select.c, and reflect.c through them). Not part of the runtime
 * library: the real scheduler is proc.c, which the unit tests' archive leaves out (it defines the
 * program's C main; runtime/CMakeLists.txt).
 *
 * What it does. There is one goroutine: the thread's, as proc.c's start-up constructor sets it
 * (m0's g0; scheduler.h's sched_getg reads it). A park cannot return (nobody else runs to ready
 * it), so sched_park runs the unlock function, as the real one does once the goroutine is off its
 * stack, checks that every runtime lock is released, prints `fake scheduler: park [reason]` on
 * stderr and exits with status FAKE_PARK_EXIT: tests observe a blocking operation by running it
 * under rt_capture. sched_ready records the goroutine it is given (tests play the parked partner by
 * queueing a Sudog of another G by hand and check that it was readied). The locks count how many
 * are held and abort on a double acquire or a release of a free lock, which catches lock-order and
 * select's locked-once mistakes. Sudogs come from calloc; fastrandn is a xorshift.
 *
 * Rejected: a real coroutine switch here (ucontext) to run two goroutines: it would be a second
 * scheduler to keep right; the Go programs of testdata/chan_* run the real one.
 *
 * Linking. proc.c (the real scheduler) is in the unit tests' archive too, and other runtime files
 * the tests pull in reference it (its thread variable sched_curg among them), so the test links
 * with --allow-multiple-definition: the test object's functions, which come first, are the ones
 * used (runtime/CMakeLists.txt).
 */
#ifndef GOCC_RT_SCHED_FAKE_H
#define GOCC_RT_SCHED_FAKE_H

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "scheduler.h"

#define FAKE_PARK_EXIT 42

static int fake_locks_held;
static G *fake_readied[64];
static int fake_nreadied;
static uint64_t fake_rand_state = 0x9e3779b97f4a7c15u;

void lock_acquire(RtLock *l)
{
	if (l->key != 0) {
		fprintf(stderr, "fake scheduler: lock %p acquired twice\n", (void *)l);
		abort();
	}
	l->key = 1;
	fake_locks_held++;
}

void lock_release(RtLock *l)
{
	if (l->key == 0) {
		fprintf(stderr, "fake scheduler: unlock of unlocked lock %p\n", (void *)l);
		abort();
	}
	l->key = 0;
	fake_locks_held--;
}

const char *sched_wait_reason_string(WaitReason r)
{
	static const char *const text[] = {
#define WAIT_TEXT(name, s) s,
		WAIT_REASONS(WAIT_TEXT)
#undef WAIT_TEXT
	};
	return text[r];
}


static RUNTIME_NORET void fake_parked(WaitReason reason)
{
	if (fake_locks_held != 0) {
		fprintf(stderr, "fake scheduler: parked holding %d locks\n", fake_locks_held);
		abort();
	}
	fprintf(stderr, "fake scheduler: park [%s]\n", sched_wait_reason_string(reason));
	fflush(stderr);
	_exit(FAKE_PARK_EXIT);
}

void sched_park(bool (*unlockf)(G *gp, void *arg), void *arg, WaitReason reason)
{
	if (unlockf != NULL && !unlockf(sched_getg(), arg))
		return;
	fake_parked(reason);
}

void sched_parkunlock(RtLock *l, WaitReason reason)
{
	lock_release(l);
	fake_parked(reason);
}

void sched_ready(G *gp)
{
	if (gp == sched_getg()) {
		fprintf(stderr, "fake scheduler: ready of the running goroutine\n");
		abort();
	}
	if (fake_nreadied < 64)
		fake_readied[fake_nreadied] = gp;
	fake_nreadied++;
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
	uint64_t x = fake_rand_state;
	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	fake_rand_state = x;
	return (uint32_t)(((x >> 32) * n) >> 32);
}

#endif
