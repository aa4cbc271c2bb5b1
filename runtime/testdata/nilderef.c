/* nilderef.c: the twin of nilderef.go (a hardware fault recovered, then one that is not). */
#include "gotest.h"

typedef struct T {
	intgo a, b;
} T;

static NOINLINE intgo deref(volatile T *p)
{
	return p->a; /* a real SIGSEGV at address 0, turned into a panic by the signal handler */
}

static void report(void *ctx)
{
	say_string("recovered:", error_text(RECOVER()));
}

static void deref_nil(intgo k)
{
	deref(NULL);
}

void go_main(void)
{
	run_deferring(report, deref_nil, 0);
	deref(NULL);
}
