/* Twin of deadlock.go: after two receives every goroutine is blocked for good: go1.19's deadlock
 * report names goroutine 1 and its wait reason first. */
#include "gosched.h"

static IntChan done;

static void two(void *ctx)
{
	(void)ctx;
	chan_send(&done, 1);
	chan_send(&done, 2);
}

static void forever(void *ctx)
{
	(void)ctx;
	runtime_block();
}

void go_main(void)
{
	go(two, NULL, NULL);
	go(forever, NULL, NULL);
	for (int i = 0; i < 3; i++) {
		intgo v = chan_recv(&done);
		runtime_printlock();
		runtime_printint(v);
		runtime_printnl();
		runtime_printunlock();
	}
}
