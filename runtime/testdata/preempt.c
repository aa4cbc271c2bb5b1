/* Twin of preempt.go, compiled with -fsplit-stack (runtime/CMakeLists.txt) so that its functions
 * have the same split-stack prologue as Go code: with one P, main spins calling step until another
 * goroutine has run, which only sysmon's preemption at step's prologue allows. */
#include "gosched.h"

intgo proc_GOMAXPROCS(void *ctx, intgo n);

static int32_t flag;

NOINLINE intgo step(intgo i)
{
	__asm__ volatile("" ::: "memory");
	return i + 1;
}

static void setter(void *ctx)
{
	(void)ctx;
	__atomic_store_n(&flag, 1, __ATOMIC_SEQ_CST);
}

void go_main(void)
{
	proc_GOMAXPROCS(NULL, 1);
	go(setter, NULL, NULL);
	intgo i = 0;
	while (__atomic_load_n(&flag, __ATOMIC_SEQ_CST) == 0)
		i = step(i);
	say_bool("preempted", i > 0);
}
