/*
 * lock_futex_test.c: the runtime's futex lock and notes (lock_futex.c) between real threads: mutual
 * exclusion under contention (threads that sleep in the kernel and are woken), a wakeup that comes
 * before the sleep, a timed sleep that times out, and the fatal error of releasing a free lock.
 */
#include <pthread.h>

#include "rt_test.h"
#include "scheduler.h"

enum { THREADS = 4, ITERS = 200000 };

static RtLock counter_lock;
static uint64_t counter;

static void *add_many(void *arg)
{
	(void)arg;
	for (int i = 0; i < ITERS; i++) {
		lock_acquire(&counter_lock);
		uint64_t v = counter; /* a torn update shows up as a lost increment */
		__asm__ volatile("" ::: "memory");
		counter = v + 1;
		lock_release(&counter_lock);
	}
	return NULL;
}

Test(lock_futex, excludes_under_contention)
{
	pthread_t t[THREADS];
	for (int i = 0; i < THREADS; i++)
		pthread_create(&t[i], NULL, add_many, NULL);
	for (int i = 0; i < THREADS; i++)
		pthread_join(t[i], NULL);
	cr_assert_eq(counter, (uint64_t)THREADS * ITERS);
	cr_assert_eq(counter_lock.key, 0);
}

static Note note;

static void *wake_later(void *arg)
{
	(void)arg;
	struct timespec ts = {0, 20 * 1000 * 1000};
	nanosleep(&ts, NULL);
	note_wakeup(&note);
	return NULL;
}

Test(lock_futex, note_sleep_waits_for_the_wakeup)
{
	note_clear(&note);
	pthread_t t;
	pthread_create(&t, NULL, wake_later, NULL);
	note_sleep(&note);
	cr_assert_eq(note.key, 1);
	pthread_join(t, NULL);
}

Test(lock_futex, wakeup_before_sleep_is_not_lost)
{
	Note n = {0};
	note_wakeup(&n);
	note_sleep(&n);
	cr_assert(note_sleep_timeout(&n, 0));
}

Test(lock_futex, timed_sleep_times_out)
{
	Note n = {0};
	int64_t t0 = sched_nanotime();
	cr_assert_not(note_sleep_timeout(&n, 10 * 1000 * 1000));
	cr_assert_geq(sched_nanotime() - t0, 10 * 1000 * 1000);
}

static void release_free(void *arg)
{
	(void)arg;
	RtLock l = {0};
	lock_release(&l);
}

Test(lock_futex, unlock_of_unlocked_lock_is_fatal)
{
	static Captured c;
	rt_capture(release_free, NULL, &c);
	rt_assert_output(&c, 2, "fatal error: unlock of unlocked lock\n\ngoroutine 1 [running]:\n");
}
