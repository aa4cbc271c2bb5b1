/* recover.c: the twin of recover.go (named results set by a recovering deferred closure, LIFO order,
 * recover only directly in the deferred call, a runtime error as a value, defer in a loop). */
#include "gotest.h"

static void named_defer(void *ctx)
{
	if (RECOVER().type != NULL)
		*(intgo *)((Closure *)ctx)->cap[0] = 42;
}

static NOINLINE intgo named(void)
{
	DEFER_FRAME;
	char d[RT_DEFER_SIZE];
	volatile intgo x = 0;
	Closure c = {named_defer, {(void *)&x}};
	if (runtime_deferframe(frame)) {
		runtime_deferreturn(frame);
		return x;
	}
	runtime_deferprocStack(frame, d, &c);
	x = 1;
	PANIC_STR("boom");
}

static NOINLINE void lifo(void)
{
	DEFER_FRAME;
	char d1[RT_DEFER_SIZE], d2[RT_DEFER_SIZE], d3[RT_DEFER_SIZE];
	Closure c1 = {deferred_say, {"defer 1"}}, c2 = {deferred_say, {"defer 2"}}, c3 = {deferred_say, {"defer 3"}};
	if (runtime_deferframe(frame)) {
		runtime_deferreturn(frame);
		return;
	}
	runtime_deferprocStack(frame, d1, &c1);
	runtime_deferprocStack(frame, d2, &c2);
	runtime_deferprocStack(frame, d3, &c3);
	say("body");
	runtime_deferreturn(frame);
}

static NOINLINE GoEface helper(void)
{
	return RECOVER();
}

static void indirect_d1(void *ctx)
{
	*(GoEface *)((Closure *)ctx)->cap[0] = RECOVER();
}

static void indirect_d2(void *ctx)
{
	say_bool("indirect recover is nil:", helper().type == NULL);
}

static NOINLINE GoEface indirect(void)
{
	DEFER_FRAME;
	char d1[RT_DEFER_SIZE], d2[RT_DEFER_SIZE];
	volatile GoEface r = {0};
	Closure c1 = {indirect_d1, {(void *)&r}}, c2 = {indirect_d2, {0}};
	if (runtime_deferframe(frame)) {
		runtime_deferreturn(frame);
		return (GoEface){r.type, r.data};
	}
	runtime_deferprocStack(frame, d1, &c1);
	runtime_deferprocStack(frame, d2, &c2);
	PANIC_STR("indirect");
}

static void bounds_defer(void *ctx)
{
	*(GoString *)((Closure *)ctx)->cap[0] = error_text(RECOVER());
}

static NOINLINE GoString bounds(void)
{
	DEFER_FRAME;
	char d[RT_DEFER_SIZE];
	volatile GoString msg = {0};
	Closure c = {bounds_defer, {(void *)&msg}};
	if (runtime_deferframe(frame)) {
		runtime_deferreturn(frame);
		return (GoString){msg.str, msg.len};
	}
	runtime_deferprocStack(frame, d, &c);
	runtime_goPanicIndex(5, 3);
}

static void loop_defer(void *ctx)
{
	runtime_printlock();
	print_cstr("loop ");
	runtime_printint((intgo)((Closure *)ctx)->cap[0]);
	runtime_printnl();
	runtime_printunlock();
}

static NOINLINE void loop(void)
{
	DEFER_FRAME;
	if (runtime_deferframe(frame)) {
		runtime_deferreturn(frame);
		return;
	}
	for (intgo i = 0; i < 3; i++) {
		Closure *c = runtime_mallocgc(sizeof *c, NULL, true);
		*c = (Closure){loop_defer, {(void *)i}};
		runtime_deferproc(frame, c);
	}
	runtime_deferreturn(frame);
}

void go_main(void)
{
	say_bool("recover outside panic is nil:", RECOVER().type == NULL);
	runtime_printlock();
	print_cstr("named: ");
	runtime_printint(named());
	runtime_printnl();
	runtime_printunlock();
	lifo();
	GoEface r = indirect();
	say_string("indirect:", *(GoString *)r.data);
	say_string("bounds:", bounds());
	loop();
}
