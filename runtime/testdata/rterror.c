/* rterror.c: the twin of rterror.go (a runtime error recovered as a value, then re-panicked). */
#include "gotest.h"

static void recover_and_repanic(void *ctx)
{
	GoEface r = RECOVER();
	say_string("recovered:", error_text(r));
	runtime_gopanic(r);
}

static void index_out_of_range(intgo k)
{
	runtime_goPanicIndex(5, 3);
}

void go_main(void)
{
	run_deferring(recover_and_repanic, index_out_of_range, 0);
}
