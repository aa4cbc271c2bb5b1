/*
 * lower_chan.c: channel operations, as calls of runtime.def's "Channels (chan.c)" section.
 *
 * In: make(chan T[, n]), send statements, receive expressions (as values, as statements, in the
 * comma-ok forms), close, len and cap of a channel, and `for ... range c`. Out: one runtime call
 * each; select is lower_select.c, the go statement lower_go.c.
 *
 * The one idea: elements cross the runtime by address, so every operation goes through a temporary
 * of the element type in the frame, as gc's walk does (walk/expr.go chanrecv1, order.go addrTemp):
 *
 *     c <- v            %tmp = alloca T; store v, %tmp; call chansend1(%c, %tmp)
 *     x := <-c          call chanrecv1(%c, %tmp); x = load %tmp
 *     x, ok := <-c      %ok = call i1 chanrecv2(%c, %tmp); x = load %tmp
 *     <-c               call chanrecv1(%c, null)
 *
 * A channel is one pointer (the runtime's Hchan; null is the nil channel), so comparison, storing
 * it in interfaces, maps and structs need nothing here: it is pointer-shaped everywhere
 * (lower_type.c, lower_typedesc.c's KIND_DIRECT_IFACE). Everything a nil or closed channel does
 * (block forever, panic with go1.19's texts, len and cap 0) is the runtime's.
 */
#include "lower.h"

/* The element type of the channel expression x. */
static Type *elem_of(Node *x)
{
	return type_underlying(lower_type_of(x))->chan.elem;
}

/* make(chan T) / make(chan T, n): makechan(chan type, n); n of any integer type is extended to an
 * int as makeslice's len is, so a negative or huge n gets the runtime's `size out of range`. */
LLVMValueRef lower_chan_make(Node *call)
{
	LLVMValueRef size = call->call.args.len > 1 ? lower_index_value(call->call.args.data[1]) : i64c(0);
	lower_set_pos(call->pos);
	LLVMValueRef args[2] = {lower_typedesc(lower_type_of(call)), size};
	return lower_call_runtime(RT_makechan, args, 2);
}

/* c <- v: the channel and the value's calls first (gc's order), then the operands, then the
 * value (converted to the element type: an interface element boxes it) into a temporary. */
void lower_chan_send(Node *s)
{
	lower_hoist(s->send.chan);
	lower_hoist(s->send.value);
	LLVMValueRef c = lower_expr(s->send.chan);
	Type *elem = elem_of(s->send.chan);
	LLVMValueRef tmp = lower_alloca(elem, "chan.send");
	lower_store(elem, tmp, lower_expr_as(s->send.value, elem));
	lower_set_pos(s->send.arrow);
	lower_call_runtime(RT_chansend1, (LLVMValueRef[]){c, tmp}, 2);
}

/* <-c as a value: chanrecv1 into a temporary (zeroed by the runtime on a closed channel). */
LLVMValueRef lower_chan_recv(Node *e)
{
	LLVMValueRef c = lower_expr(e->unary.x);
	Type *elem = elem_of(e->unary.x);
	LLVMValueRef tmp = lower_alloca(elem, "chan.recv");
	lower_set_pos(e->pos);
	lower_call_runtime(RT_chanrecv1, (LLVMValueRef[]){c, tmp}, 2);
	return lower_load(elem, tmp);
}

/* <-c as a statement: the value is discarded (elem NULL). */
void lower_chan_recv_discard(Node *e)
{
	e = middle_unparen(e);
	lower_hoist(e->unary.x);
	LLVMValueRef c = lower_expr(e->unary.x);
	lower_set_pos(e->pos);
	lower_call_runtime(RT_chanrecv1, (LLVMValueRef[]){c, LLVMConstNull(L.t_ptr)}, 2);
}

/* v, ok := <-c (and =, var): vals = {the element, ok}. */
int lower_chan_recv_ok(Node *e, LLVMValueRef *vals, Type **types)
{
	e = middle_unparen(e);
	LLVMValueRef c = lower_expr(e->unary.x);
	Type *elem = elem_of(e->unary.x);
	LLVMValueRef tmp = lower_alloca(elem, "chan.recv");
	lower_set_pos(e->pos);
	vals[1] = lower_call_runtime(RT_chanrecv2, (LLVMValueRef[]){c, tmp}, 2);
	vals[0] = lower_load(elem, tmp);
	types[0] = elem;
	types[1] = type_basic(TY_BOOL);
	return 2;
}

void lower_chan_close(Node *call)
{
	LLVMValueRef c = lower_expr(call->call.args.data[0]);
	lower_set_pos(call->pos);
	lower_call_runtime(RT_closechan, &c, 1);
}

/* len(c), cap(c): the runtime reads the Hchan (0 for a nil channel), as gc's walkLenCap does. */
LLVMValueRef lower_chan_len_cap(Node *call, bool is_cap)
{
	LLVMValueRef c = lower_expr(call->call.args.data[0]);
	lower_set_pos(call->pos);
	return lower_call_runtime(is_cap ? RT_chancap : RT_chanlen, &c, 1);
}

/* for v := range c (gc's walkrange, walk/range.go): c is evaluated once; each iteration receives
 * with chanrecv2 into a temporary and leaves the loop when the channel is closed and drained:
 *     br %cond
 *   cond: %ok = call chanrecv2(%c, %tmp); br %ok, %body, %end
 *   body: v = load %tmp; <body>; br %cond          (continue -> cond, break -> end)
 * `for range c` passes no element. */
void lower_chan_range(Node *s)
{
	Node *x = s->range_stmt.x, *v = s->range_stmt.key;
	LLVMValueRef c = lower_expr(x);
	Type *elem = elem_of(x);
	bool want = v && !lower_is_blank(v);
	LLVMValueRef tmp = want ? lower_alloca(elem, "chan.range") : LLVMConstNull(L.t_ptr);
	LLVMBasicBlockRef cond = lower_block("chanrange.cond"), body = lower_block("chanrange.body");
	LLVMBasicBlockRef end = lower_block("chanrange.end");
	LLVMBuildBr(L.b, cond);
	lower_position_at_end(cond);
	lower_set_pos(s->pos);
	LLVMValueRef ok = lower_call_runtime(RT_chanrecv2, (LLVMValueRef[]){c, tmp}, 2);
	LLVMBuildCondBr(L.b, ok, body, end);
	lower_position_at_end(body);
	if (want)
		lower_range_assign(v, lower_load(elem, tmp), elem);
	lower_range_string_body(s, end, cond);
	lower_br(cond);
	lower_position_at_end(end);
}
