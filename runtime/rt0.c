/*
 * rt0.c: program start (Go's rt0_go and proc.go's runtime.main).
 *
 * The C `main` is the process entry a gocc program gets from libc's crt1: it saves the arguments and
 * reads GOTRACEBACK (runtime1.c), installs the fault handlers (signal_linux.c), seeds the hash
 * function and random source (alg.c: map hashing and iteration order), sets up the scheduler
 * (proc.c: the Ps, m0) and starts goroutine 1 on a goroutine stack; the main thread then becomes
 * m0's scheduler loop and never comes back here. Goroutine 1 runs package initialisation (main.init:
 * variables, then init functions) wired to the main thread, as runtime.main does, then main.main,
 * and exits the process with status 0 when main.main returns, whatever the other goroutines are
 * doing (they are killed silently). exit, not _exit: libc's atexit handlers and stream flushing
 * belong to C code linked into the program, not to the runtime, which never uses stdio.
 * The heap needs no set-up: its first chunk is mapped by the first allocation (malloc.c).
 *
 * Before that exit, sched_main_return waits, as go1.19's runtime.main does, for a goroutine that is
 * running a panic's deferred calls or printing its report (runningPanicDefers/panicking), so that
 * its report is complete.
 *
 * This file is kept out of the unit tests' archive (runtime/CMakeLists.txt): it is the only one that
 * needs the compiled program's main.init and main.main.
 */
#include <stdlib.h>

#include "alg.h"
#include "panic.h"
#include "proc.h"

static void main_goroutine(void *closure)
{
	(void)closure;
	main_init();
	sched_unlock_main();
	main_main();
	sched_main_return();
	exit(0);
}

static const struct {
	void (*code)(void *);
} main_closure = {main_goroutine};

int main(int argc, char **argv)
{
	proc_args(argc, argv);
	signal_init();
	alg_init();
	sched_init();
	sched_main((void *)&main_closure);
}
