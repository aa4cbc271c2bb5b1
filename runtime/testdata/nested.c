/* nested.c: the twin of nested.go (a deferred call panics without recovering). */
#include "gotest.h"

static void second(void *ctx)
{
	PANIC_STR("second");
}

void go_main(void)
{
	DEFER_FRAME;
	char d1[RT_DEFER_SIZE], d2[RT_DEFER_SIZE];
	Closure c1 = {deferred_say, {"deferred 1"}}, c2 = {second, {0}};
	if (runtime_deferframe(frame)) {
		runtime_deferreturn(frame);
		return;
	}
	runtime_deferprocStack(frame, d1, &c1);
	runtime_deferprocStack(frame, d2, &c2);
	PANIC_STR("first");
}
