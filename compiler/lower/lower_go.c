/*
 * lower_go.c: the go statement.
 *
 * In: an ND_GO_STMT. Out: a call of runtime.def's newproc with a func() closure; the runtime
 * starts a goroutine that calls it and exits when it returns (proc.c).
 *
 * The one idea: `go f(args)` is `defer f(args)` made on another goroutine. Its operands -- the
 * func value, a method value's receiver, an interface's itab (nil-checked now), the arguments,
 * the results of a multi-valued g in f(g()) -- are evaluated at the go statement, in the spawning
 * goroutine, and stored in a closure whose thunk replays the call (lower_delayed_call, shared with
 * the defer statement in lower_defer.c); `go func(){...}()` hands over the literal's own closure.
 * The closure is always on the heap: the goroutine outlives the statement, and the middle stage's
 * escape analysis already treats everything a go statement captures as escaping. The thunk never
 * passes the right to recover on (a goroutine's function is not a deferred call).
 *
 * Rejected alternative: gc's older runtime.newproc(siz, fn, args...) copying the arguments onto
 * the new stack; it needs the callee's argument layout in the runtime, the closure needs nothing.
 */
#include "lower.h"

void lower_go_stmt(Node *s)
{
	lower_set_pos(s->pos);
	LLVMValueRef code, clo = lower_delayed_call(s, true, false, &code);
	lower_set_pos(s->pos);
	lower_call_runtime(RT_newproc, &clo, 1);
}
