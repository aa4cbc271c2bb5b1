/*
 * proc.h: process-wide startup state (runtime1.c; the entry point is in proc.c).
 *
 * Invariant: written once by proc_args before any Go code runs, read-only afterwards. Until then (in
 * unit tests, which never run proc.c's main) the static defaults hold: no arguments, GOTRACEBACK
 * level 1 (Go's default, "single").
 */
#ifndef GOCC_RUNTIME_PROC_H
#define GOCC_RUNTIME_PROC_H

#include "runtime.h"

typedef struct ProcEnv {
	int argc;              /* the C main's argc/argv: os.Args later */
	char **argv;
	int traceback_level;   /* GOTRACEBACK: 0 none, 1 single/all, 2 system/crash, or the number given */
	bool traceback_crash;  /* GOTRACEBACK=crash: die by SIGABRT after the report */
} ProcEnv;

extern ProcEnv proc_env;

/* Saves argc/argv and reads the environment variables the runtime obeys (GOTRACEBACK). */
void proc_args(int argc, char **argv);

/* Go's setTraceback: applies one GOTRACEBACK value (exposed for tests). */
void proc_set_traceback(const char *value);

/* The scheduler's start (proc.c, called by rt0.c's main): set up m0 and the Ps; then run goroutine 1
 * calling the func() closure fn, wired to the main thread until sched_unlock_main. */
void sched_init(void);
RUNTIME_NORET void sched_main(void *fn);
void sched_unlock_main(void);

/* os_linux.c: the CPU count and $GOMAXPROCS (ctx unused). */
int32_t os_getproccount(void *ctx);
int32_t os_gomaxprocsinit(void *ctx);

/* os_linux.c: start a detached helper thread (not an M: it never runs Go code) with every signal
 * blocked, so signals go to the Ms; a fatal error if the thread cannot be made. */
void os_helper_thread(void *(*fn)(void *));

/* sigqueue.c: catch, from start-up, the signals gc drops unless the program asks for them. */
void sigqueue_initsig(void);

#endif
