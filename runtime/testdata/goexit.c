/* Twin of goexit.go: Goexit runs the goroutine's deferred calls; Goexit from main lets the others
 * finish, then the program dies with go1.19's `no goroutines (main called runtime.Goexit)`. */
#include "gosched.h"

void proc_Goexit(void *ctx);

static IntChan done;

static void say_deferred(void *ctx)
{
	Closure *c = ctx;
	say(c->cap[0]);
}

static void worker(void *ctx)
{
	(void)ctx;
	DEFER_FRAME;
	if (runtime_deferframe(frame)) {
		runtime_deferreturn(frame);
		return;
	}
	Defer d;
	Closure cl = {say_deferred, {"worker deferred"}};
	runtime_deferprocStack(frame, &d, &cl);
	chan_recv(&done);
	say("worker got it");
	proc_Goexit(NULL);
	say("not reached");
	runtime_deferreturn(frame);
}

static void sender(void *ctx)
{
	(void)ctx;
	chan_send(&done, 1);
}

void go_main(void)
{
	DEFER_FRAME;
	if (runtime_deferframe(frame)) {
		runtime_deferreturn(frame);
		return;
	}
	go(worker, NULL, NULL);
	Defer d;
	Closure cl = {say_deferred, {"main deferred"}};
	runtime_deferprocStack(frame, &d, &cl);
	go(sender, NULL, NULL);
	proc_Goexit(NULL);
	runtime_deferreturn(frame);
}
