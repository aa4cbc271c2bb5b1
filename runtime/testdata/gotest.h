/*
 * gotest.h: what the C twins of the Go programs here share. Each NAME.c does by hand what gocc's
 * lowering will emit for NAME.go under runtime.def's contract: a frame record and deferframe in
 * deferring functions, closures {code, captures...} for deferred calls, recover() as
 * gorecover(frame address), results the deferred calls change in memory. The programs are built
 * with frame pointers and without sibling calls, as the contract requires of Go functions.
 */
#ifndef GOCC_RUNTIME_TESTDATA_GOTEST_H
#define GOCC_RUNTIME_TESTDATA_GOTEST_H

#include "iface.h"
#include "panic.h"
#include "print.h"

#define NOINLINE __attribute__((noinline))
/* The frame record of a deferring function and its entry sequence (runtime.def). */
#define DEFER_FRAME char frame[RT_DEFER_FRAME_SIZE] __attribute__((aligned(16)))
#define RECOVER() runtime_gorecover(__builtin_frame_address(0))

/* A func() closure with up to three captured words. */
typedef struct Closure {
	void (*code)(void *ctx);
	void *cap[3];
} Closure;

/* The package's entry points, called by the runtime's main. */
void go_main(void) __asm__("main.main");
void go_init(void) __asm__("main.init");
void go_init(void) {}

/* println(s) */
static inline void say(const char *s)
{
	runtime_printlock();
	print_cstr(s);
	runtime_printnl();
	runtime_printunlock();
}

/* println(label, b) */
static inline void say_bool(const char *label, bool b)
{
	runtime_printlock();
	print_cstr(label);
	runtime_printsp();
	runtime_printbool(b);
	runtime_printnl();
	runtime_printunlock();
}

/* println(label, s) */
static inline void say_string(const char *label, GoString s)
{
	runtime_printlock();
	print_cstr(label);
	runtime_printsp();
	runtime_printstring(s);
	runtime_printnl();
	runtime_printunlock();
}

/* panic("literal"): the string is boxed in a static cell, as gc does for constants. */
#define PANIC_STR(lit)                                                                              \
	do {                                                                                        \
		static const GoString s_ = GOSTR(lit);                                              \
		runtime_gopanic((GoEface){&iface_type_string, (void *)&s_});                        \
	} while (0)

/* v.(error).Error() */
static inline GoString error_text(GoEface v)
{
	GoItab *tab = runtime_assertE2I(&iface_type_error, v.type);
	return ((GoString(*)(void *, void *))tab->fun[0])(NULL, v.data);
}

/* A deferred println(msg): the closure captures the C string. */
static inline void deferred_say(void *ctx)
{
	say(((Closure *)ctx)->cap[0]);
}

/* A captured word that defer_and_run replaces by its own frame address (what `defer recover()`
 * captures at the defer statement). */
#define CAPTURE_FP ((void *)-1)

/* func(k) { defer cs[0](); ...; defer cs[n-1](); body(k) } (body may be NULL): a deferring function
 * with stack-allocated records, n <= 4. */
static __attribute__((noinline, unused)) void defer_and_run(const Closure *cs, int n, void (*body)(intgo), intgo k)
{
	DEFER_FRAME;
	char d[4][RT_DEFER_SIZE];
	Closure c[4];
	if (runtime_deferframe(frame)) {
		runtime_deferreturn(frame);
		return;
	}
	for (int i = 0; i < n; i++) {
		c[i] = cs[i];
		if (c[i].cap[0] == CAPTURE_FP)
			c[i].cap[0] = __builtin_frame_address(0);
		runtime_deferprocStack(frame, d[i], &c[i]);
	}
	if (body)
		body(k);
	runtime_deferreturn(frame);
}

/* func(k) { defer deferred(); body(k) } */
static inline __attribute__((unused)) void run_deferring(void (*deferred)(void *), void (*body)(intgo), intgo k)
{
	Closure c = {deferred, {0}};
	defer_and_run(&c, 1, body, k);
}

#endif
