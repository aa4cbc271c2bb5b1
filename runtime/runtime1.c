/*
 * runtime1.c: process arguments and the environment settings the runtime obeys (Go's runtime1.go:
 * goargs, setTraceback).
 *
 * proc_args runs first thing in main, before the heap or any Go code: it records argc/argv (os.Args
 * is built from them later) and reads GOTRACEBACK once, so the fatal paths only read a global and
 * never parse anything while dying. GOTRACEBACK follows Go's setTraceback: none → 0; single or empty
 * → 1; all → 1; system → 2; crash → 2 plus abort; a number → that level; anything else → 0.
 * (`all` matters only once there are several goroutines.)
 *
 * Rejected: reading GOTRACEBACK where it is used (in the fatal paths). getenv walks environ, and a
 * dying program may have a corrupted heap or a half-built environment (os.Setenv later); one read
 * at start-up is also what go1.19 does, so a program that changes GOTRACEBACK while running sees
 * go1.19's behaviour (the start-up value wins, until debug.SetTraceback exists).
 *
 * Later: GODEBUG, parsed from one table of named variables (Go's dbgvars), lives here too.
 */
#include "proc.h"

#include <stdlib.h>
#include <string.h>

/* Guarded by: written by proc_args before any other thread exists, then read-only. */
ProcEnv proc_env = {.traceback_level = 1};

void proc_set_traceback(const char *value)
{
	proc_env.traceback_crash = false;
	if (strcmp(value, "none") == 0) {
		proc_env.traceback_level = 0;
	} else if (strcmp(value, "single") == 0 || strcmp(value, "") == 0 || strcmp(value, "all") == 0) {
		proc_env.traceback_level = 1;
	} else if (strcmp(value, "system") == 0) {
		proc_env.traceback_level = 2;
	} else if (strcmp(value, "crash") == 0) {
		proc_env.traceback_level = 2;
		proc_env.traceback_crash = true;
	} else {
		/* Go's atoi, and the level must fit in a uint32; otherwise 0 */
		uint64_t n = 0;
		const char *p = value;
		for (; *p >= '0' && *p <= '9' && n <= UINT32_MAX; p++)
			n = n * 10 + (uint64_t)(*p - '0');
		proc_env.traceback_level = (*p == '\0' && n <= UINT32_MAX) ? (int)(n > 1000 ? 1000 : n) : 0;
	}
}

void proc_args(int argc, char **argv)
{
	proc_env.argc = argc;
	proc_env.argv = argv;
	const char *tb = getenv("GOTRACEBACK");
	proc_set_traceback(tb ? tb : "");
}
