/*
 * os_linux.c: what gc's runtime asks of Linux for the runtime package's Go side (Go's os_linux.go and
 * time hooks): the CPU count, the GOMAXPROCS start value and the monotonic clock, defined for body-less
 * declarations under gc's link names (docs/runtime.md, "Hooks of standard packages").
 *
 * In: nothing but the process's affinity mask, its environment and the clock. Out: the same numbers
 * gc computes. getproccount is gc's: the number of bits set in the sched_getaffinity mask (at most
 * 1024 CPUs, and at least 1). gomaxprocsinit is gc's schedinit rule: $GOMAXPROCS when it parses as a
 * positive int32 (gc's atoi32: optional sign, decimal digits only), else the CPU count. nanotime is
 * CLOCK_MONOTONIC in nanoseconds, as gc's nanotime1 (vDSO clock_gettime).
 *
 * os_helper_thread starts the runtime's helper threads (not Ms) with every signal blocked.
 *
 * Invariants: nothing allocates; the clock is called through libc, which uses the vDSO.
 * Rejected: reading /proc/cpuinfo or sysconf(_SC_NPROCESSORS_ONLN) for the CPU count: both count
 * CPUs the process may not be allowed to use, and gc counts the affinity mask.
 */
#include "panic.h"
#include "proc.h"
#include "runtime.h"

#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <time.h>

GO_LINKNAME(os_getproccount, "runtime.getproccount");
RUNTIME_API int32_t os_getproccount(void *ctx)
{
	(void)ctx;
	cpu_set_t set;
	if (sched_getaffinity(0, sizeof set, &set) != 0)
		return 1;
	int n = CPU_COUNT(&set);
	return n > 0 ? n : 1;
}

/* gc's atoi32 of a whole string: optional '-', then decimal digits, fitting an int32. */
static bool atoi32(const char *s, int32_t *out)
{
	bool neg = *s == '-';
	if (neg)
		s++;
	if (*s == '\0')
		return false;
	int64_t n = 0;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return false;
		n = n * 10 + (*s - '0');
		if (n > (int64_t)INT32_MAX + 1)
			return false;
	}
	if (neg)
		n = -n;
	if (n < INT32_MIN || n > INT32_MAX)
		return false;
	*out = (int32_t)n;
	return true;
}

GO_LINKNAME(os_gomaxprocsinit, "runtime.gomaxprocsinit");
RUNTIME_API int32_t os_gomaxprocsinit(void *ctx)
{
	const char *env = getenv("GOMAXPROCS");
	int32_t n;
	if (env && atoi32(env, &n) && n > 0)
		return n;
	return os_getproccount(ctx);
}

/* CLOCK_MONOTONIC in nanoseconds: runtime.nanotime, and the copies packages reach by //go:linkname
 * (sync.runtime_nanotime for Mutex starvation, time.runtimeNano, internal/poll.runtimeNano). */
GO_LINKNAME(os_nanotime, "runtime.nanotime");
GO_LINKNAME(os_nanotime, "sync.runtime_nanotime");
GO_LINKNAME(os_nanotime, "time.runtimeNano");
GO_LINKNAME(os_nanotime, "internal/poll.runtimeNano");
RUNTIME_API int64_t os_nanotime(void *ctx)
{
	(void)ctx;
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* The runtime's helper threads (sigqueue.c's signal forwarding): detached, and every
 * signal blocked from their first instruction (set before the thread starts, inherited). */
void os_helper_thread(void *(*fn)(void *))
{
	sigset_t all, old;
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	pthread_t t;
	pthread_attr_t attr;
	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	int err = pthread_create(&t, &attr, fn, NULL);
	pthread_attr_destroy(&attr);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (err != 0)
		panic_throw("newosproc");
}

/* Start-up, before any Go code, in every program (this file is always linked: the scheduler asks it
 * for the CPU count): the signal dispositions gc's initsig sets that signal_linux.c does not. */
__attribute__((constructor)) static void os_initsig(void)
{
	sigqueue_initsig();
}
