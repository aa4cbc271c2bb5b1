/*
 * sys_linux.c: what packages syscall, os, time and internal/poll ask of gc's runtime on Linux (Go's
 * runtime/syscall_*.go, os_linux.go, runtime1.go goargs/goenvs, time.go, netpoll.go hooks), defined
 * for their body-less declarations under gc's link names (docs/runtime.md, "Hooks of standard
 * packages"). The raw system calls and the three-word results are in sys_amd64.S; the helpers here
 * that fill three words (sys_time_now, sys_os_args, sys_syscall_envs) are called by its RET3
 * trampolines.
 *
 * In: the process's argv and environment (saved by proc_args), the kernel. Out: go1.19's answers:
 * os.Args and syscall's copy of the environment as fresh []string (gc copies both on every call),
 * the wall clock and the monotonic clock from one pair of clock_gettime calls (the monotonic one is
 * runtime.nanotime's, so time.Now's monotonic reading and time.runtimeNano agree). (time.Sleep and
 * the timers are time.c's.)
 *
 * The one idea for I/O: netpoll is not there, so internal/poll's runtime_pollOpen answers ENOSYS for
 * every descriptor. os then keeps every file in blocking mode (FD.Init marks it isBlocking) and reads
 * and writes with plain system calls, which is what gc does for regular files anyway; the other poll
 * hooks are unreachable then (internal/poll checks its runtimeCtx, which stays 0) and throw if
 * reached. Deadlines on files answer ErrNoDeadline, as gc's do for files the poller refuses.
 *
 * runtime.entersyscall/exitsyscall are the scheduler's hooks around a blocking system call
 * (sched_entersyscall/sched_exitsyscall, proc.c): a call that blocks longer than a sysmon period
 * gives its P to another thread meanwhile, as gc's.
 *
 * Not yet, as documented runtime throws (docs/status.md): syscall.AllThreadsSyscall (needs the list of Ms), cgo (syscall.cgocaller; gocc has no cgo, and
 * like gc without cgo nothing calls it).
 *
 * Invariants: nothing here keeps state; the []string results point into argv/environ, which are never
 * written (Go strings are immutable; os.Setenv keeps its own copies in syscall's env map).
 * Rejected: reading /proc/self/cmdline or /proc/self/environ (a file system dependency, and the
 * environment as the process started is what gc reports too, from its own copy of envp).
 */
#include "alg.h"
#include "malloc.h"
#include "panic.h"
#include "proc.h"
#include "scheduler.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

/* ---- the scheduler's system-call hooks ---- */

GO_LINKNAME(sys_entersyscall, "runtime.entersyscall");
RUNTIME_API void sys_entersyscall(void *ctx)
{
	(void)ctx;
	sched_entersyscall(); /* the P goes to another thread if the call blocks (proc.c) */
}

GO_LINKNAME(sys_exitsyscall, "runtime.exitsyscall");
RUNTIME_API void sys_exitsyscall(void *ctx)
{
	(void)ctx;
	sched_exitsyscall();
}

/* ---- []string results (three words, through sys_amd64.S's RET3) ---- */

/* A fresh []string of the n C strings at v. */
static void string_slice(uint64_t out[3], char **v, intgo n)
{
	GoString *s = runtime_mallocgc((uintptr_t)n * sizeof *s, NULL, true); /* GC (later): has pointers */
	for (intgo i = 0; i < n; i++)
		s[i] = (GoString){(const uint8_t *)v[i], (intgo)strlen(v[i])};
	out[0] = (uint64_t)(uintptr_t)s;
	out[1] = out[2] = (uint64_t)n;
}

/* os.runtime_args: os.Args. */
void sys_os_args(uint64_t out[3])
{
	string_slice(out, proc_env.argv, proc_env.argc);
}

/* syscall.runtime_envs: the environment as the process started, "KEY=value" strings. */
void sys_syscall_envs(uint64_t out[3])
{
	intgo n = 0;
	while (environ && environ[n])
		n++;
	string_slice(out, environ, n);
}

/* ---- package syscall ---- */

/* Without cgo, gc's setenv_c/unsetenv_c do nothing: syscall keeps the environment itself. */
GO_LINKNAME(sys_setenv_c, "syscall.setenv_c");
RUNTIME_API void sys_setenv_c(void *ctx, const uint8_t *k, int64_t klen, const uint8_t *v, int64_t vlen)
{
	(void)ctx, (void)k, (void)klen, (void)v, (void)vlen;
}

GO_LINKNAME(sys_unsetenv_c, "syscall.unsetenv_c");
RUNTIME_API void sys_unsetenv_c(void *ctx, const uint8_t *k, int64_t klen)
{
	(void)ctx, (void)k, (void)klen;
}

GO_LINKNAME(sys_getpagesize, "syscall.Getpagesize");
RUNTIME_API int64_t sys_getpagesize(void *ctx)
{
	(void)ctx;
	return getpagesize();
}

/* gc's exit: exit_group at once, no atexit handlers, no flushing (there is nothing buffered). */
GO_LINKNAME(sys_exit, "syscall.Exit");
RUNTIME_API RUNTIME_NORET void sys_exit(void *ctx, int64_t code)
{
	(void)ctx;
	_exit((int)code);
}

/* gc's gettimeofday in syscall (vDSO); Timeval is struct timeval on linux/amd64. */
GO_LINKNAME(sys_gettimeofday, "syscall.gettimeofday");
RUNTIME_API uintptr_t sys_gettimeofday(void *ctx, struct timeval *tv)
{
	(void)ctx;
	return gettimeofday(tv, NULL) == 0 ? 0 : (uintptr_t)errno;
}

/* fork: gc blocks every signal across fork so that no handler runs in the child before it has reset
 * them (syscall_runtime_BeforeFork / AfterFork / AfterForkInChild). The saved mask is the forking
 * thread's own: syscall holds ForkLock around the three calls, and the goroutine stays on its thread
 * between them (it does not park, and nothing preempts yet; with preemption, BeforeFork must pin it
 * as gc's m.locks++ does). */
static _Thread_local sigset_t fork_saved_mask;

GO_LINKNAME(sys_BeforeFork, "syscall.runtime_BeforeFork");
RUNTIME_API void sys_BeforeFork(void *ctx)
{
	(void)ctx;
	sigset_t all;
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &fork_saved_mask);
}

GO_LINKNAME(sys_AfterFork, "syscall.runtime_AfterFork");
RUNTIME_API void sys_AfterFork(void *ctx)
{
	(void)ctx;
	pthread_sigmask(SIG_SETMASK, &fork_saved_mask, NULL);
}

/* In the child, before exec: the runtime's handlers go back to the default (gc's
 * clearSignalHandlers), then the mask is restored. exec resets caught signals anyway; this covers the
 * window before it. */
GO_LINKNAME(sys_AfterForkInChild, "syscall.runtime_AfterForkInChild");
RUNTIME_API void sys_AfterForkInChild(void *ctx)
{
	(void)ctx;
	static const int caught[] = {SIGSEGV, SIGBUS, SIGFPE, SIGPIPE};
	for (size_t i = 0; i < sizeof caught / sizeof caught[0]; i++)
		signal(caught[i], SIG_DFL);
	pthread_sigmask(SIG_SETMASK, &fork_saved_mask, NULL);
}

/* gc takes execLock so that no new M is being created during exec; gocc's threads (proc.c) take it
 * when there are threads to create. */
GO_LINKNAME(sys_BeforeExec, "syscall.runtime_BeforeExec");
RUNTIME_API void sys_BeforeExec(void *ctx)
{
	(void)ctx;
}

GO_LINKNAME(sys_AfterExec, "syscall.runtime_AfterExec");
RUNTIME_API void sys_AfterExec(void *ctx)
{
	(void)ctx;
}

GO_LINKNAME(sys_doAllThreadsSyscall, "syscall.runtime_doAllThreadsSyscall");
RUNTIME_API RUNTIME_NORET void sys_doAllThreadsSyscall(void *ctx)
{
	(void)ctx;
	panic_throw("syscall.AllThreadsSyscall is not supported yet");
}

GO_LINKNAME(sys_cgocaller, "syscall.cgocaller");
RUNTIME_API RUNTIME_NORET void sys_cgocaller(void *ctx)
{
	(void)ctx;
	panic_throw("cgo is not supported");
}

/* ---- package os ---- */

/* A write to a broken pipe on fd 1 or 2: die of SIGPIPE, as gc's os_sigpipe (dieFromSignal) when
 * os/signal has not asked for it (gocc has no os/signal yet). */
GO_LINKNAME(sys_sigpipe, "os.sigpipe");
RUNTIME_API void sys_sigpipe(void *ctx)
{
	(void)ctx;
	signal(SIGPIPE, SIG_DFL);
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGPIPE);
	pthread_sigmask(SIG_UNBLOCK, &set, NULL);
	raise(SIGPIPE);
	_exit(2); /* gc: "if we are still somehow running, just exit with the wrong status" */
}

/* gc's runtime_beforeExit finishes the race detector; gocc has none. */
GO_LINKNAME(sys_beforeExit, "os.runtime_beforeExit");
RUNTIME_API void sys_beforeExit(void *ctx)
{
	(void)ctx;
}

GO_LINKNAME(sys_fastrand, "os.fastrand");
RUNTIME_API uint32_t sys_fastrand(void *ctx)
{
	(void)ctx;
	return (uint32_t)alg_rand();
}

/* ---- package time ---- */

/* time.now: (sec int64, nsec int32, mono int64), three words through RET3. */
void sys_time_now(uint64_t out[3])
{
	struct timespec wall, mono;
	clock_gettime(CLOCK_REALTIME, &wall);
	clock_gettime(CLOCK_MONOTONIC, &mono);
	out[0] = (uint64_t)wall.tv_sec;
	out[1] = (uint64_t)wall.tv_nsec;
	out[2] = (uint64_t)((int64_t)mono.tv_sec * 1000000000 + mono.tv_nsec);
}

/* time.Sleep, startTimer, stopTimer, resetTimer, modTimer: time.c. */

/* ---- package internal/poll: no netpoll, so every file is used in blocking mode ---- */

GO_LINKNAME(sys_pollServerInit, "internal/poll.runtime_pollServerInit");
RUNTIME_API void sys_pollServerInit(void *ctx)
{
	(void)ctx;
}

typedef struct PollOpen {
	uintptr_t ctx;
	int64_t errno_;
} PollOpen;

GO_LINKNAME(sys_pollOpen, "internal/poll.runtime_pollOpen");
RUNTIME_API PollOpen sys_pollOpen(void *ctx, uintptr_t fd)
{
	(void)ctx, (void)fd;
	return (PollOpen){0, ENOSYS};
}

GO_LINKNAME(sys_isPollServerDescriptor, "internal/poll.runtime_isPollServerDescriptor");
RUNTIME_API bool sys_isPollServerDescriptor(void *ctx, uintptr_t fd)
{
	(void)ctx, (void)fd;
	return false;
}

/* Reached only with a context runtime_pollOpen returned, and it never returns one. */
GO_LINKNAME(sys_pollUnreachable, "internal/poll.runtime_pollClose");
GO_LINKNAME(sys_pollUnreachable, "internal/poll.runtime_pollWait");
GO_LINKNAME(sys_pollUnreachable, "internal/poll.runtime_pollWaitCanceled");
GO_LINKNAME(sys_pollUnreachable, "internal/poll.runtime_pollReset");
GO_LINKNAME(sys_pollUnreachable, "internal/poll.runtime_pollSetDeadline");
GO_LINKNAME(sys_pollUnreachable, "internal/poll.runtime_pollUnblock");
RUNTIME_API RUNTIME_NORET void sys_pollUnreachable(void *ctx)
{
	(void)ctx;
	panic_throw("internal/poll: netpoll is not supported yet");
}
