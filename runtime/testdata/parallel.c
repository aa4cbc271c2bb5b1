/* Twin of parallel.go: 1000 goroutines in 10 rings of unbuffered channels pass tokens while
 * GOMAXPROCS changes under them; the shared counter checks that nothing is lost or run twice. */
#include "gosched.h"

intgo proc_GOMAXPROCS(void *ctx, intgo n);

enum { RINGS = 10, SIZE = 100, LAPS = 100 };

static int64_t total;
static IntChan done;
static IntChan chans[RINGS][SIZE];

static void member(void *ctx)
{
	Closure *c = ctx;
	IntChan *in = c->cap[0], *out = c->cap[1];
	bool last = c->cap[2] != NULL;
	for (;;) {
		intgo v = chan_recv(in);
		__atomic_fetch_add(&total, 1, __ATOMIC_SEQ_CST);
		if (last && v == LAPS - 1) {
			chan_send(&done, 1);
			return;
		}
		if (last)
			v++;
		chan_send(out, v);
	}
}

static void starter(void *ctx)
{
	Closure *c = ctx;
	chan_send(c->cap[0], 0);
}

void go_main(void)
{
	for (int r = 0; r < RINGS; r++) {
		for (int i = 0; i < SIZE; i++) {
			Closure *c = malloc(sizeof(Closure));
			*c = (Closure){member, {&chans[r][i], &chans[r][(i + 1) % SIZE], i == SIZE - 1 ? c : NULL}};
			runtime_newproc(c);
		}
		go(starter, &chans[r][0], NULL);
	}
	intgo old = proc_GOMAXPROCS(NULL, 3);
	for (int r = 0; r < RINGS; r++) {
		chan_recv(&done);
		proc_GOMAXPROCS(NULL, 1 + r % 4);
	}
	proc_GOMAXPROCS(NULL, old);
	say_int("total", __atomic_load_n(&total, __ATOMIC_SEQ_CST));
}
