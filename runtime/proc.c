/*
 * proc.c: program start (Go's proc.go runtime.main; the scheduler joins this file later).
 *
 * The C `main` is the process entry a gocc program gets from libc's crt1: it saves the arguments and
 * reads GOTRACEBACK (runtime1.c), installs the fault handlers (signal_linux.c), seeds the hash
 * function and random source (alg.c: map hashing and iteration order), then runs package
 * initialisation (main.init: variables, then init functions) and main.main, and exits with status 0
 * when main.main returns, as runtime.main does. exit, not _exit: libc's atexit handlers and stream
 * flushing belong to C code linked into the program, not to the runtime, which never uses stdio.
 * The heap needs no set-up: its first chunk is mapped by the first allocation (malloc.c).
 *
 * v0 runs Go code directly on the OS thread's stack: there is no g or m yet. The scheduler issue
 * puts schedinit here, creates goroutine 1 running the init/main sequence below on a goroutine stack,
 * and enters the M's scheduling loop; "main returned" then also has to stop the other goroutines
 * (they are killed silently, exit status 0) and wait for a panicking goroutine to finish printing.
 *
 * Rejected: starting a second OS thread for main already in v0 (as the scheduler will need a g0
 * stack apart from goroutine stacks): nothing needs it before goroutines exist, and the crash and
 * signal paths are simpler to verify with one thread.
 *
 * This file is kept out of the unit tests' archive (runtime/CMakeLists.txt): it is the only one that
 * needs the compiled program's main.init and main.main.
 */
#include <stdlib.h>

#include "alg.h"
#include "panic.h"
#include "proc.h"

int main(int argc, char **argv)
{
	proc_args(argc, argv);
	signal_init();
	alg_init();
	main_init();
	main_main();
	exit(0);
}
