/*
 * lower_defer.c: defer statements, recover(), and the frame record of a deferring function.
 *
 * In: ND_DEFER_STMT nodes, recover() calls, and the functions the checker marked has_defer. Out: the
 * code runtime.def's "defer / panic / recover" contract asks for (the runtime side is defer.c):
 *   - a deferring function gets a frame record and a returns_twice runtime_deferframe call after its
 *     parameters and results are bound; the second return (a deferred call recovered a panic) runs
 *     the remaining deferred calls and returns the result variables. Those live in memory that an
 *     empty inline asm takes the address of: escaped memory, so LLVM re-reads it after the opaque
 *     deferreturn instead of forwarding values stored on the path it believes was taken;
 *   - every return stores the results, calls deferreturn, then returns the result variables;
 *   - `defer f(args)` evaluates the func value (a method value's receiver too, an interface method
 *     call's interface value with its nil check) and the arguments now
 *     and stores them in a closure {thunk, values...}: in the frame when the statement runs at most
 *     once per call (deferprocStack), on the heap otherwise (deferproc). The thunk replays the call:
 *     it lowers the same call node with the stored values standing in for the operands (they are
 *     put in the thunk's hoisted-value cache, which lower_expr consults first), so every kind of
 *     call the lowering knows (functions, closures, methods, builtins, variadic) is deferred alike;
 *     for `defer f(g())` with a multi-valued g, g's results are stored and handed back to the
 *     thunk's lower_multi_value as one aggregate under g's node;
 *   - `defer func(){...}()` needs no thunk: the literal's closure is deferred itself;
 *   - recover() is gorecover(frame address of its function), which is then never inlined; in the
 *     thunk of `defer recover()` the frame address is the deferring function's, captured at the
 *     defer statement.
 * A function without defer statements gets none of this (no frame, no calls, no attributes).
 */
#include "lower.h"

#include <string.h>

static Node *skip_parens(Node *e)
{
	while (e && e->kind == ND_PAREN)
		e = e->paren.x;
	return e;
}

/* ---- where a defer statement runs ------------------------------------------------------------- */

static int find_stmt_vec(Vec *v, Node *target, bool loop);

/* 0: target is not under n; 1: it is, at most once per call; 2: it is, in a loop (or after a label
 * a goto may jump back to: treated as a loop, which only costs an allocation). */
static int find_stmt(Node *n, Node *target, bool loop)
{
	if (!n)
		return 0;
	if (n == target)
		return loop ? 2 : 1;
	switch (n->kind) {
	case ND_BLOCK: return find_stmt_vec(&n->block.stmts, target, loop);
	case ND_IF_STMT: {
		int r = find_stmt(n->if_stmt.then, target, loop);
		return r ? r : find_stmt(n->if_stmt.els, target, loop);
	}
	case ND_FOR_STMT: return find_stmt(n->for_stmt.body, target, true);
	case ND_RANGE_STMT: return find_stmt(n->range_stmt.body, target, true);
	case ND_SWITCH_STMT: return find_stmt(n->switch_stmt.body, target, loop);
	case ND_TYPE_SWITCH_STMT: return find_stmt(n->type_switch.body, target, loop);
	case ND_SELECT_STMT: return find_stmt(n->select_stmt.body, target, loop);
	case ND_CASE_CLAUSE: return find_stmt_vec(&n->case_clause.body, target, loop);
	case ND_COMM_CLAUSE: return find_stmt_vec(&n->comm_clause.body, target, loop);
	case ND_LABELED_STMT: return find_stmt(n->labeled.stmt, target, true);
	default: return 0;
	}
}

static int find_stmt_vec(Vec *v, Node *target, bool loop)
{
	for (int i = 0; i < v->len; i++) {
		int r = find_stmt(v->data[i], target, loop);
		if (r)
			return r;
	}
	return 0;
}

static bool defer_in_loop(Node *s)
{
	Node *decl = L.fn->decl;
	Node *body = decl->kind == ND_FUNC_DECL ? decl->func_decl.body : decl->func_lit.body;
	return find_stmt(body, s, false) != 1;
}

/* ---- the deferring function ------------------------------------------------------------------- */

static LLVMValueRef frame_address(void)
{
	LLVMTypeRef fnty;
	LLVMValueRef fa = lower_intrinsic("llvm.frameaddress", &L.t_ptr, 1, &fnty);
	return LLVMBuildCall2(L.b, fnty, fa, (LLVMValueRef[]){intc(L.t_i32, 0)}, 1, "fp");
}

/* The result variables escape into an empty asm (see the essay above); one asm per variable, as
 * each operand takes a register (a function may have any number of results). */
static void escape_results(void)
{
	Sig *sig = L.fn->sig;
	LLVMTypeRef fnty = LLVMFunctionType(L.t_void, &L.t_ptr, 1, false);
	const char *cons = "r,~{memory}";
	LLVMValueRef asm_ = LLVMGetInlineAsm(fnty, "", 0, cons, strlen(cons), true, false,
	                                     LLVMInlineAsmDialectATT, false);
	for (int i = 0; i < sig->nresults; i++)
		LLVMBuildCall2(L.b, fnty, asm_, &L.fn->result_addrs[i], 1, "");
}

void lower_defer_prologue(Node *body)
{
	(void)body;
	FuncState *f = L.fn;
	LLVMTypeRef fty = LLVMArrayType(L.t_i8, RT_DEFER_FRAME_SIZE);
	f->defer_frame = LLVMBuildAlloca(f->alloca_builder, fty, "deferframe");
	LLVMSetAlignment(f->defer_frame, 16);
	escape_results();
	LLVMValueRef again = lower_call_runtime(RT_deferframe, &f->defer_frame, 1);
	unsigned kind = LLVMGetEnumAttributeKindForName("returns_twice", 13);
	LLVMAddCallSiteAttribute(again, LLVMAttributeFunctionIndex, LLVMCreateEnumAttribute(L.ctx, kind, 0));
	LLVMBasicBlockRef recovered = lower_block("recovered");
	LLVMBasicBlockRef go_on = lower_block("body");
	LLVMBuildCondBr(L.b, LLVMBuildICmp(L.b, LLVMIntNE, again, intc(L.t_i32, 0), ""), recovered, go_on);
	lower_position_at_end(recovered);
	lower_defer_return();
	lower_return_results();
	lower_position_at_end(go_on);
}

void lower_defer_return(void)
{
	if (L.fn->defer_frame)
		lower_call_runtime(RT_deferreturn, &L.fn->defer_frame, 1);
}

LLVMValueRef lower_recover(Node *call)
{
	(void)call;
	LLVMValueRef fp = L.fn->recover_fp;
	if (!fp) {
		fp = frame_address();
		lower_add_attr(L.fn->fn, LLVMAttributeFunctionIndex, "noinline");
	}
	return lower_call_runtime(RT_gorecover, &fp, 1);
}

/* ---- defer statements ------------------------------------------------------------------------- */

/* A value evaluated at the defer statement, stored at offset in the closure. node NULL: the frame
 * address for `defer recover()`. index >= 0: result index of the multi-valued call node in
 * `defer f(g())`. */
typedef struct Captured {
	Node *node;
	Type *type;
	LLVMValueRef value;
	int64_t offset;
	int index;
} Captured;

typedef struct DeferCall {
	Node *call;
	Captured *caps;
	int ncaps;
	int64_t size;
	bool in_frame; /* the statement runs at most once per call: its values may live in the frame */
} DeferCall;

static void capture(DeferCall *d, Node *node, Type *t, LLVMValueRef v)
{
	int64_t size = node ? type_size(t) : 8, align = node ? type_align(t) : 8;
	if (align < 1)
		align = 1;
	d->size = (d->size + align - 1) / align * align;
	d->caps[d->ncaps++] = (Captured){node, t, v, d->size, -1};
	d->size += size;
}

static bool is_builtin_deferrable(BuiltinId b)
{
	return b == BI_PRINT || b == BI_PRINTLN || b == BI_PANIC || b == BI_RECOVER || b == BI_COPY ||
	       b == BI_DELETE;
}

/* `defer f(g())` with a multi-valued g: g runs now; each of its results is stored. */
static void capture_tuple(DeferCall *d, Node *g)
{
	int n = lower_value_count(g);
	LLVMValueRef *vals = lower_value_array(n);
	Type **types = lower_type_array(n);
	n = lower_multi_value(g, vals, types);
	for (int i = 0; i < n; i++) {
		capture(d, g, types[i], vals[i]);
		d->caps[d->ncaps - 1].index = i;
	}
}

/* Evaluates the deferred call's operands now, in gc's order. */
static void capture_operands(DeferCall *d)
{
	Node *call = d->call;
	Node *fun = skip_parens(call->call.fun);
	Vec *args = &call->call.args;
	int results = args->len == 1 ? lower_value_count(args->data[0]) : 0; /* f(g()) */
	d->caps = xalloc(sizeof(Captured) * (size_t)(args->len + results + 2));
	d->size = 8;
	if (call->call.call_kind == CALL_BUILTIN && !is_builtin_deferrable(call->call.builtin))
		lower_unsupported(call->pos, "defer of this builtin");
	lower_hoist_operands(call);
	if (call->call.call_kind == CALL_BUILTIN && call->call.builtin == BI_RECOVER) {
		capture(d, NULL, NULL, frame_address());
		return;
	}
	if ((call->call.call_kind == CALL_METHOD || call->call.call_kind == CALL_INTERFACE) &&
	    fun->kind == ND_SELECTOR && fun->selector.sel_kind == SEL_METHOD)
		/* the receiver, evaluated now (an interface's itab nil-checked now, as gc does) */
		capture(d, fun, lower_type_of(fun), lower_method_value_at(fun, d->in_frame));
	else if (call->call.call_kind == CALL_CLOSURE)
		capture(d, fun, lower_type_of(fun), lower_expr(fun));
	if (args->len == 1 && lower_value_count(args->data[0]) > 1) {
		capture_tuple(d, skip_parens(args->data[0]));
		return;
	}
	for (int i = 0; i < args->len; i++) {
		Node *a = args->data[i];
		if (a->mode == MODE_CONST || !a->type || a->type->kind == TY_UNTYPED_NIL)
			continue; /* replayed as is */
		Type *t = type_is_untyped(a->type) ? type_default(a->type) : a->type;
		capture(d, a, t, lower_expr(a));
	}
}

/* Builds the closure object {thunk, values...} (in the frame, or on the heap when in a loop). */
static LLVMValueRef build_closure(DeferCall *d, LLVMValueRef thunk, bool heap)
{
	LLVMValueRef clo;
	if (heap) {
		/* the values are pointer-free or reach only memory kept alive elsewhere in v0 (no GC) */
		LLVMValueRef args[] = {i64c(d->size), LLVMConstNull(L.t_ptr), intc(L.t_i1, 1)};
		clo = lower_call_runtime(RT_mallocgc, args, 3);
	} else {
		clo = LLVMBuildAlloca(L.fn->alloca_builder, LLVMArrayType(L.t_i8, (unsigned)d->size), "deferclosure");
		LLVMSetAlignment(clo, 8);
	}
	LLVMValueRef st = LLVMBuildStore(L.b, thunk, clo);
	LLVMSetAlignment(st, 8);
	for (int i = 0; i < d->ncaps; i++) {
		Captured *c = &d->caps[i];
		LLVMValueRef slot = lower_gep(clo, c->offset);
		if (c->node) {
			lower_store(c->type, slot, c->value);
		} else {
			st = LLVMBuildStore(L.b, c->value, slot);
			LLVMSetAlignment(st, 8);
		}
	}
	return clo;
}

/* The stored results of a multi-valued g, as one aggregate: what lower_multi_value finds in the
 * hoisted-value cache for g. */
static void replay_tuple(DeferCall *d)
{
	int first = 0;
	while (first < d->ncaps && d->caps[first].index < 0)
		first++;
	if (first == d->ncaps)
		return;
	int n = d->ncaps - first;
	LLVMTypeRef *fields = xalloc(sizeof(LLVMTypeRef) * (size_t)n);
	for (int i = 0; i < n; i++)
		fields[i] = lower_type(d->caps[first + i].type);
	LLVMValueRef agg = LLVMGetUndef(LLVMStructTypeInContext(L.ctx, fields, (unsigned)n, false));
	for (int i = 0; i < n; i++) {
		Captured *c = &d->caps[first + i];
		LLVMValueRef v = lower_load(c->type, lower_gep(L.fn->ctx, c->offset));
		agg = LLVMBuildInsertValue(L.b, agg, v, (unsigned)i, "");
	}
	varmap_put(&L.fn->hoisted, d->caps[first].node, agg);
}

/* The thunk's body: the stored values stand in for the operands, then the call is lowered again. */
static void thunk_body(DeferCall *d)
{
	FuncState *f = L.fn;
	LLVMValueRef fp = frame_address();
	lower_call_runtime(RT_deferwrapper, &fp, 1);
	replay_tuple(d);
	for (int i = 0; i < d->ncaps; i++) {
		Captured *c = &d->caps[i];
		LLVMValueRef slot = lower_gep(f->ctx, c->offset);
		if (c->index >= 0)
			continue; /* replay_tuple */
		if (c->node) {
			varmap_put(&f->hoisted, c->node, lower_load(c->type, slot));
		} else {
			f->recover_fp = LLVMBuildLoad2(L.b, L.t_ptr, slot, "deferfp");
			LLVMSetAlignment(f->recover_fp, 8);
		}
	}
	LLVMValueRef *vals = lower_value_array(lower_value_count(d->call));
	lower_call(d->call, vals);
	if (!lower_block_terminated())
		LLVMBuildRetVoid(L.b);
	for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(f->fn); bb; bb = LLVMGetNextBasicBlock(bb)) {
		if (!LLVMGetBasicBlockTerminator(bb)) {
			LLVMPositionBuilderAtEnd(L.b, bb);
			LLVMBuildUnreachable(L.b);
		}
	}
}

/* Builds `void <fn>.deferwrapN(ptr ctx)` replaying d's call; restores the builder afterwards. */
static LLVMValueRef build_thunk(DeferCall *d, Node *s)
{
	FuncState *outer = L.fn;
	LLVMBasicBlockRef outer_bb = LLVMGetInsertBlock(L.b);
	const char *name = xsprintf("%s.deferwrap%d", LLVMGetValueName(outer->fn), ++outer->nthunks);
	LLVMTypeRef fnty = LLVMFunctionType(L.t_void, &L.t_ptr, 1, false);
	LLVMValueRef fn = LLVMAddFunction(L.mod, name, fnty);
	LLVMSetLinkage(fn, LLVMInternalLinkage);
	lower_add_go_func_attrs(fn);
	lower_add_attr(fn, LLVMAttributeFunctionIndex, "noinline");

	FuncState *f = xnew(FuncState);
	*f = (FuncState){.obj = outer->obj, .decl = outer->decl, .fn = fn, .sig = outer->sig};
	f->ctx = LLVMGetParam(fn, 0);
	L.fn = f;
	di_clear();
	f->di_scope = di_function(fn, name, s->pos);
	LLVMBasicBlockRef entry = lower_block("entry");
	LLVMBasicBlockRef start = lower_block("start");
	f->alloca_builder = LLVMCreateBuilderInContext(L.ctx);
	LLVMPositionBuilderAtEnd(f->alloca_builder, entry);
	LLVMPositionBuilderAtEnd(L.b, entry);
	LLVMValueRef br = LLVMBuildBr(L.b, start);
	LLVMPositionBuilderBefore(f->alloca_builder, br);
	lower_position_at_end(start);
	lower_set_pos(s->pos);
	f->can_bail = true;
	bool failed = setjmp(f->bail) != 0;
	if (!failed)
		thunk_body(d);
	LLVMDisposeBuilder(f->alloca_builder);
	L.fn = outer;
	LLVMPositionBuilderAtEnd(L.b, outer_bb);
	lower_set_pos(s->pos);
	if (failed) {
		LLVMDeleteFunction(fn);
		longjmp(outer->bail, 1); /* the diagnostic is out; abandon the deferring function too */
	}
	return fn;
}

void lower_defer_stmt(Node *s)
{
	Node *call = skip_parens(s->go_defer.call);
	lower_set_pos(s->pos);
	if (!L.fn->defer_frame)
		internal_error("defer in a function the checker did not mark has_defer");
	bool heap = defer_in_loop(s);
	LLVMValueRef clo;
	Node *fun = skip_parens(call->call.fun);
	if (fun->kind == ND_FUNC_LIT && call->call.args.len == 0) {
		clo = lower_expr(fun); /* defer func(){...}(): the literal's closure itself */
	} else {
		DeferCall d = {.call = call, .in_frame = !heap};
		capture_operands(&d);
		LLVMValueRef thunk = build_thunk(&d, s);
		clo = build_closure(&d, thunk, heap);
	}
	lower_set_pos(s->pos);
	if (heap) {
		lower_call_runtime(RT_deferproc, (LLVMValueRef[]){L.fn->defer_frame, clo}, 2);
	} else {
		LLVMValueRef rec = LLVMBuildAlloca(L.fn->alloca_builder, LLVMArrayType(L.t_i8, RT_DEFER_SIZE), "deferrecord");
		LLVMSetAlignment(rec, 8);
		lower_call_runtime(RT_deferprocStack, (LLVMValueRef[]){L.fn->defer_frame, rec, clo}, 3);
	}
}
