/* goroutines_bench.c: what the scheduler and the stacks cost, run by hand
 * (ninja -C build rtbench_goroutines && build/tests/rtprog/rtbench_goroutines), against the Go
 * programs of the same shape in goroutines_bench.go run by go1.19:
 *   ping-pong   two goroutines pass a value back and forth over unbuffered channels: ns per round trip;
 *   spawn       start 1,000,000 goroutines that each signal a WaitGroup-like counter, wait: ns each;
 *   parked      1,000,000 goroutines blocked on a channel receive: resident bytes per goroutine.
 * The channel is gosched.h's minimal one (chan.c is another helper's), so these measure the
 * scheduler, the context switch and the stacks. */
#include <stdio.h>
#include <string.h>

#include "gosched.h"

static IntChan ping, pong, parked, all_started;
static int64_t remaining;

static int64_t now(void)
{
	return sched_nanotime();
}

static long rss_kb(void)
{
	FILE *f = fopen("/proc/self/status", "r");
	char line[256];
	long kb = 0;
	while (f && fgets(line, sizeof line, f))
		if (strncmp(line, "VmRSS:", 6) == 0)
			kb = atol(line + 6);
	if (f)
		fclose(f);
	return kb;
}

enum { ROUNDS = 1000000, SPAWN = 1000000, PARKED = 1000000 };

static void ponger(void *ctx)
{
	(void)ctx;
	for (;;)
		chan_send(&pong, chan_recv(&ping) + 1);
}

static void spawned(void *ctx)
{
	(void)ctx;
	if (__atomic_sub_fetch(&remaining, 1, __ATOMIC_SEQ_CST) == 0)
		chan_send(&all_started, 1);
}

static void parker(void *ctx)
{
	(void)ctx;
	if (__atomic_sub_fetch(&remaining, 1, __ATOMIC_SEQ_CST) == 0)
		chan_send(&all_started, 1);
	chan_recv(&parked);
}

static Closure spawn_closure = {spawned, {0}};
static Closure park_closure = {parker, {0}};

void go_main(void)
{
	go(ponger, NULL, NULL);
	int64_t t0 = now();
	intgo v = 0;
	for (int i = 0; i < ROUNDS; i++) {
		chan_send(&ping, v);
		v = chan_recv(&pong);
	}
	int64_t t1 = now();
	printf("ping-pong: %.1f ns per round trip (%ld)\n", (double)(t1 - t0) / ROUNDS, (long)v);

	remaining = SPAWN;
	t0 = now();
	for (int i = 0; i < SPAWN; i++)
		runtime_newproc(&spawn_closure);
	chan_recv(&all_started);
	t1 = now();
	printf("spawn: %.1f ns per goroutine\n", (double)(t1 - t0) / SPAWN);

	long before = rss_kb();
	remaining = PARKED;
	for (int i = 0; i < PARKED; i++)
		runtime_newproc(&park_closure);
	chan_recv(&all_started);
	long after = rss_kb();
	printf("parked: %.0f bytes of RSS per goroutine\n", (after - before) * 1024.0 / PARKED);
	fflush(stdout);
}
