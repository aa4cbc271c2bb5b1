/* defer_bench.c: what a defer costs (the figure in defer.c's essay). Times N calls of a function that
 * calls a func() closure directly and of one that defers it (deferframe + deferprocStack +
 * deferreturn + the call through defer_call), in thread CPU time so a loaded machine inflates the
 * figures less. Not a test: build target rtbench_defer, run build/tests/rtprog/rtbench_defer. */
#include <stdio.h>
#include <time.h>

#include "gotest.h"

static volatile intgo counter;

static void bump(void *ctx)
{
	counter++;
}

static NOINLINE void direct(Closure *c)
{
	c->code(c);
}

static NOINLINE void deferring(Closure *c)
{
	DEFER_FRAME;
	char d[RT_DEFER_SIZE];
	if (runtime_deferframe(frame)) {
		runtime_deferreturn(frame);
		return;
	}
	runtime_deferprocStack(frame, d, c);
	runtime_deferreturn(frame);
}

static double ns_per_call(void (*f)(Closure *), Closure *c, long n)
{
	struct timespec a, b;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &a);
	for (long i = 0; i < n; i++)
		f(c);
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &b);
	return ((b.tv_sec - a.tv_sec) * 1e9 + (b.tv_nsec - a.tv_nsec)) / n;
}

void go_main(void)
{
	Closure c = {bump, {0}};
	long n = 20000000;
	for (int round = 0; round < 3; round++) {
		double plain = ns_per_call(direct, &c, n), with = ns_per_call(deferring, &c, n);
		printf("direct call %.2f ns, with defer %.2f ns, defer costs %.2f ns\n", plain, with, with - plain);
	}
}
