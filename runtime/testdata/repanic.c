/* repanic.c: the twin of repanic.go (panic(recover()) in a deferred call). */
#include "gotest.h"

static void repanic(void *ctx)
{
	runtime_gopanic(RECOVER());
}

static void panic_a(intgo k)
{
	PANIC_STR("a");
}

void go_main(void)
{
	run_deferring(repanic, panic_a, 0);
}
