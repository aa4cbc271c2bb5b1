/*
 * lower_defer.c: defer statements, recover(), and the frame record of a deferring function.
 *
 * In: ND_DEFER_STMT nodes, recover() calls, and the functions the checker marked has_defer. Out: the
 * code runtime.def's "defer / panic / recover" contract asks for (the runtime side is defer.c).
 *
 * Open-coded defers (gc's, the common case). A function whose defer statements gc would open-code
 * (at most 8, none in a loop, returns x defers <= 15: walk/stmt.go and ssagen/ssa.go, counted here
 * over the function's own statements; at every -O level, where gc skips them under -N: the choice
 * is not observable) gets one OpenDefer record in its frame, registered once at
 * entry (deferprocOpen), a private copy of its pending bits (an i8 alloca that mem2reg turns into a
 * register) and per defer statement two allocas holding the deferred closure's code and object.
 * `defer f(x)` stores the closure in record slot i (for the panic path) and in its allocas, and
 * sets bit i in both copies. Every return runs the set bits newest first, clearing each in both
 * copies before the call, as a call of the stored code: after mem2reg that code is a constant (a
 * phi of it and undef on the paths where the bit is clear), so it is a direct call that LLVM may
 * inline (`defer func(){...}()` then costs a store or two); deferreturnOpen then unlinks the
 * record. The panic loop runs pending calls from the record; the record's bits are the truth on the
 * recovered path, which calls deferreturnOpen to run whatever the panic left pending.
 *
 * The jump buffer. Resuming a frame (its second return from the returns_twice deferframe) happens
 * only when one of its deferred calls recovers, and only the deferred function itself can recover
 * (a thunk and the gocc_wrappers pass the right on, nothing else does). So an open-coding function
 * whose every deferred call provably cannot recover -- a literal whose body has no recover(), a
 * function or method of this package whose body has none, a builtin other than recover -- calls no
 * deferframe, keeps its results in ordinary (promotable) memory, and registers a NULL frame; the
 * runtime throws if that proof were ever wrong. Func values, interface methods, functions of other
 * packages (whose bodies a package cache may not hold) are assumed to recover.
 *
 * Other deferring functions (a defer in a loop, or more than gc allows):
 *   - a frame record and a returns_twice runtime_deferframe call after the parameters and results
 *     are bound; the second return (a deferred call recovered a panic) runs the remaining deferred
 *     calls and returns the result variables. Those live in memory that an empty inline asm takes
 *     the address of: escaped memory, so LLVM re-reads it after the opaque deferreturn instead of
 *     forwarding values stored on the path it believes was taken (open-coded frames with a jump
 *     buffer do the same);
 *   - every return stores the results, calls deferreturn, then returns the result variables;
 *   - a defer record per statement: in the frame when the statement runs at most once per call
 *     (deferprocStack), on the heap otherwise (deferproc; the runtime recycles those records).
 * In both schemes `defer f(args)` evaluates the func value (a method value's receiver too, an
 * interface method call's interface value with its nil check) and the arguments now and stores
 * them in a closure {thunk, values...} (in the frame unless in a loop). The thunk replays the call:
 * it lowers the same call node with the stored values standing in for the operands (they are put
 * in the thunk's hoisted-value cache, which lower_expr consults first), so every kind of call the
 * lowering knows (functions, closures, methods, builtins, variadic) is deferred alike; for
 * `defer f(g())` with a multi-valued g, g's results are stored and handed back to the thunk's
 * lower_multi_value as one aggregate under g's node. `defer func(){...}()` needs no thunk: the
 * literal's closure is deferred itself. A thunk whose function may recover calls deferwrapper
 * first and stays noinline even where a return calls it directly (deferwrapper must see the
 * thunk's own frame); one whose function provably cannot recover (the rule above) needs neither,
 * and LLVM may inline it, and through it the deferred function, into the returns.
 * recover() is gorecover(frame address of its function), which is then never inlined; in the
 * thunk of `defer recover()` the frame address is the deferring function's, captured at the
 * defer statement.
 * A function without defer statements gets none of this (no record, no calls, no attributes).
 *
 * Rejected alternatives. Finding open-coded frames by walking frame pointers, as gc walks its
 * stack with funcdata: needs the records' frame offsets (llvm.localescape is a Windows SEH tool)
 * and a merge with the linked records of other frames; one registration at entry is two calls.
 * Loading the closure from the record slot at the return: the slot escapes to the runtime, so
 * LLVM could not see the code as a constant and the call would stay indirect. Emitting the return
 * sequences once at the end of the function: the private copies make an inline sequence per
 * return cheap, and gc's limit of 15 exit calls bounds the code size.
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

/* ---- open-coded defers ------------------------------------------------------------------------ */

/* The function's defer and return statements (its own, not its literals'), as gc's walk counts them. */
typedef struct DeferScan {
	int ndefers, nreturns;
	bool in_loop;     /* some defer statement may run several times per call */
	bool may_recover; /* some deferred call may recover: the frame needs its jump buffer */
} DeferScan;

/* May the call deferred by s recover a panic? Only the deferred function itself may (through a
 * thunk or wrappers, which forward the right): a literal or a function of this package whose body
 * has no recover() cannot, nor a builtin other than recover. Anything else (func values, interface
 * methods, functions of other packages, body-less ones) is assumed to. */
static bool defer_may_recover(Node *s)
{
	Node *call = skip_parens(s->go_defer.call);
	Node *fun = skip_parens(call->call.fun);
	if (fun->kind == ND_FUNC_LIT)
		return fun->func_lit.obj->has_recover;
	Object *callee = NULL;
	switch (call->call.call_kind) {
	case CALL_BUILTIN: return call->call.builtin == BI_RECOVER;
	case CALL_FUNC:
		callee = fun->kind == ND_IDENT ? fun->ident.obj : fun->kind == ND_SELECTOR ? fun->selector.obj : NULL;
		break;
	case CALL_METHOD: callee = fun->kind == ND_SELECTOR ? fun->selector.obj : NULL; break;
	default: return true;
	}
	return !callee || callee->kind != OBJ_FUNC || !callee->body || !callee->pkg ||
	       callee->pkg != L.fn->obj->pkg || callee->has_recover;
}

static bool scan_visit(Node *n, void *arg)
{
	DeferScan *sc = arg;
	switch (n->kind) {
	case ND_FUNC_LIT: return false; /* a function of its own */
	case ND_RETURN_STMT: sc->nreturns++; break;
	case ND_DEFER_STMT:
		sc->ndefers++;
		sc->in_loop |= defer_in_loop(n);
		sc->may_recover |= defer_may_recover(n);
		break;
	default: break;
	}
	return true;
}

/* gc's condition (walk/stmt.go, ssagen/ssa.go): at most 8 defers, none in a loop, and returns x
 * defers <= 15. gc also gives up when a result parameter is heap-allocated; gocc's records do not
 * care where results live, so it does not. */
enum { MAX_OPEN_DEFERS = 8, MAX_OPEN_EXIT_CALLS = 15 };

typedef struct OpenDefers {
	int n, next;       /* slots; the slot of the next defer statement lowered */
	LLVMValueRef bits; /* i8 alloca: the pending bits, the function's own copy (a register at -O1+) */
	LLVMValueRef *code, *clo; /* per slot, ptr allocas: the deferred closure's code and object */
} OpenDefers;

static LLVMValueRef entry_alloca(LLVMTypeRef t, const char *name)
{
	return LLVMBuildAlloca(L.fn->alloca_builder, t, name);
}

/* The frame record and the jump buffer; see the essay. Returns the jump buffer or NULL. */
static LLVMValueRef open_prologue(DeferScan *sc)
{
	FuncState *f = L.fn;
	OpenDefers *o = xnew(OpenDefers);
	o->n = sc->ndefers;
	o->code = xalloc(sizeof(LLVMValueRef) * (size_t)o->n);
	o->clo = xalloc(sizeof(LLVMValueRef) * (size_t)o->n);
	f->open_defers = o;
	LLVMTypeRef rty = LLVMArrayType(L.t_i8, (unsigned)(RT_OPEN_DEFER_SLOTS + 8 * o->n));
	f->defer_frame = entry_alloca(rty, "deferrecord");
	LLVMSetAlignment(f->defer_frame, 8);
	o->bits = entry_alloca(L.t_i8, "deferbits");
	for (int i = 0; i < o->n; i++) {
		o->code[i] = entry_alloca(L.t_ptr, "defercode");
		o->clo[i] = entry_alloca(L.t_ptr, "deferclo");
	}
	LLVMBuildStore(L.b, intc(L.t_i8, 0), o->bits);
	LLVMValueRef jb = LLVMConstNull(L.t_ptr);
	if (sc->may_recover) {
		jb = entry_alloca(LLVMArrayType(L.t_i8, RT_DEFER_FRAME_SIZE), "deferframe");
		LLVMSetAlignment(jb, 16);
	}
	lower_call_runtime(RT_deferprocOpen, (LLVMValueRef[]){f->defer_frame, jb}, 2);
	return sc->may_recover ? jb : NULL;
}

/* A return: run the pending calls newest first, each bit cleared (in the record too) before its
 * call, as direct calls of the closure's code (a constant after mem2reg, so LLVM may inline
 * it); then deferreturnOpen unlinks the record. */
static void open_return(void)
{
	OpenDefers *o = L.fn->open_defers;
	LLVMTypeRef fnty = LLVMFunctionType(L.t_void, &L.t_ptr, 1, false);
	for (int i = o->n - 1; i >= 0; i--) {
		LLVMValueRef bits = LLVMBuildLoad2(L.b, L.t_i8, o->bits, "deferbits");
		LLVMValueRef bit = LLVMBuildAnd(L.b, bits, intc(L.t_i8, 1 << i), "");
		LLVMBasicBlockRef run = lower_block("defer.run"), next = lower_block("defer.next");
		LLVMBuildCondBr(L.b, LLVMBuildICmp(L.b, LLVMIntNE, bit, intc(L.t_i8, 0), ""), run, next);
		lower_position_at_end(run);
		LLVMValueRef left = LLVMBuildAnd(L.b, bits, intc(L.t_i8, ~(1 << i) & 0xff), "");
		LLVMBuildStore(L.b, left, o->bits);
		LLVMBuildStore(L.b, left, lower_gep(L.fn->defer_frame, RT_OPEN_DEFER_BITS));
		LLVMValueRef code = LLVMBuildLoad2(L.b, L.t_ptr, o->code[i], "");
		LLVMValueRef clo = LLVMBuildLoad2(L.b, L.t_ptr, o->clo[i], "");
		LLVMBuildCall2(L.b, fnty, code, &clo, 1, "");
		LLVMBuildBr(L.b, next);
		lower_position_at_end(next);
	}
	lower_call_runtime(RT_deferreturnOpen, &L.fn->defer_frame, 1);
}

/* A defer statement: the closure goes to its slot (in the record for the panic path, in the
 * function's own copies for the returns), then its bit is set. */
static void open_defer(LLVMValueRef code, LLVMValueRef clo)
{
	OpenDefers *o = L.fn->open_defers;
	if (o->next >= o->n)
		internal_error("more defer statements lowered than counted");
	int i = o->next++;
	LLVMValueRef st = LLVMBuildStore(L.b, clo, lower_gep(L.fn->defer_frame, RT_OPEN_DEFER_SLOTS + 8 * i));
	LLVMSetAlignment(st, 8);
	LLVMBuildStore(L.b, code, o->code[i]);
	LLVMBuildStore(L.b, clo, o->clo[i]);
	LLVMValueRef bits = LLVMBuildLoad2(L.b, L.t_i8, o->bits, "deferbits");
	bits = LLVMBuildOr(L.b, bits, intc(L.t_i8, 1 << i), "");
	LLVMBuildStore(L.b, bits, o->bits);
	LLVMBuildStore(L.b, bits, lower_gep(L.fn->defer_frame, RT_OPEN_DEFER_BITS));
}

/* ---- the deferring function ------------------------------------------------------------------- */

void lower_defer_prologue(Node *body)
{
	FuncState *f = L.fn;
	DeferScan sc = {0};
	ast_walk(body, &(AstVisitor){.pre = scan_visit, .arg = &sc});
	LLVMValueRef jb;
	bool open = sc.ndefers <= MAX_OPEN_DEFERS && !sc.in_loop && sc.nreturns * sc.ndefers <= MAX_OPEN_EXIT_CALLS;
	if (open) {
		jb = open_prologue(&sc);
		if (!jb)
			return; /* no deferred call can recover: nothing ever resumes this frame */
	} else {
		jb = f->defer_frame = entry_alloca(LLVMArrayType(L.t_i8, RT_DEFER_FRAME_SIZE), "deferframe");
		LLVMSetAlignment(jb, 16);
	}
	escape_results();
	LLVMValueRef again = lower_call_runtime(RT_deferframe, &jb, 1);
	unsigned kind = LLVMGetEnumAttributeKindForName("returns_twice", 13);
	LLVMAddCallSiteAttribute(again, LLVMAttributeFunctionIndex, LLVMCreateEnumAttribute(L.ctx, kind, 0));
	LLVMBasicBlockRef recovered = lower_block("recovered");
	LLVMBasicBlockRef go_on = lower_block("body");
	LLVMBuildCondBr(L.b, LLVMBuildICmp(L.b, LLVMIntNE, again, intc(L.t_i32, 0), ""), recovered, go_on);
	lower_position_at_end(recovered);
	if (open) /* the record's memory, not the function's copies, says what is still pending */
		lower_call_runtime(RT_deferreturnOpen, &f->defer_frame, 1);
	else
		lower_defer_return();
	lower_return_results();
	lower_position_at_end(go_on);
}

void lower_defer_return(void)
{
	if (L.fn->open_defers)
		open_return();
	else if (L.fn->defer_frame)
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
	bool may_recover; /* the deferred function may call recover(): the thunk passes the right on */
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

/* The builtins a go or defer statement may call: those allowed as expression statements. */
static bool is_builtin_deferrable(BuiltinId b)
{
	return b == BI_PRINT || b == BI_PRINTLN || b == BI_PANIC || b == BI_RECOVER || b == BI_COPY ||
	       b == BI_DELETE || b == BI_CLOSE;
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
		lower_unsupported(call->pos, "go or defer of this builtin");
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
		/* For the collector: pointer-free when no captured value holds a pointer, else an
		 * array of unsafe.Pointer words (as func literals' closures are), so every word is
		 * scanned; the scalar words among them are checked like conservative roots. */
		bool pointers = false;
		for (int i = 0; i < d->ncaps; i++)
			if (d->caps[i].node && type_has_pointers(d->caps[i].type))
				pointers = true;
		if (pointers) {
			clo = lower_new(type_array(type_basic(TY_UNSAFE_POINTER), (d->size + 7) / 8));
		} else {
			LLVMValueRef args[] = {i64c(d->size), LLVMConstNull(L.t_ptr), intc(L.t_i1, 1)};
			clo = lower_call_runtime(RT_mallocgc, args, 3);
		}
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
	if (d->may_recover) {
		LLVMValueRef fp = frame_address();
		lower_call_runtime(RT_deferwrapper, &fp, 1);
	}
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

/* Builds `void <fn>.deferwrapN(ptr ctx)` (`.gowrapN` for a go statement) replaying d's call;
 * restores the builder afterwards. */
static LLVMValueRef build_thunk(DeferCall *d, Node *s)
{
	FuncState *outer = L.fn;
	LLVMBasicBlockRef outer_bb = LLVMGetInsertBlock(L.b);
	const char *kind = s->kind == ND_GO_STMT ? "gowrap" : "deferwrap";
	const char *name = xsprintf("%s.%s%d", LLVMGetValueName(outer->fn), kind, ++outer->nthunks);
	LLVMTypeRef fnty = LLVMFunctionType(L.t_void, &L.t_ptr, 1, false);
	LLVMValueRef fn = LLVMAddFunction(L.mod, name, fnty);
	LLVMSetLinkage(fn, LLVMInternalLinkage);
	lower_add_go_func_attrs(fn);
	if (d->may_recover) /* deferwrapper must see the thunk's own frame */
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

/* The func() closure that makes s's call later (s a defer or go statement), its operands evaluated
 * now: the literal's own closure for `defer func(){...}()`, else {thunk, values...}, on the heap
 * when heap; *code is the closure's code. */
LLVMValueRef lower_delayed_call(Node *s, bool heap, bool may_recover, LLVMValueRef *code)
{
	Node *call = skip_parens(s->go_defer.call);
	Node *fun = skip_parens(call->call.fun);
	if (fun->kind == ND_FUNC_LIT && call->call.args.len == 0) {
		*code = lower_func_decl(fun->func_lit.obj);
		return lower_expr(fun); /* its closure escapes exactly when heap (middle/escape.c) */
	}
	DeferCall d = {.call = call, .in_frame = !heap, .may_recover = may_recover};
	capture_operands(&d);
	*code = build_thunk(&d, s);
	return build_closure(&d, *code, heap);
}

void lower_defer_stmt(Node *s)
{
	lower_set_pos(s->pos);
	if (!L.fn->defer_frame)
		internal_error("defer in a function the checker did not mark has_defer");
	bool heap = !L.fn->open_defers && defer_in_loop(s);
	LLVMValueRef code, clo = lower_delayed_call(s, heap, defer_may_recover(s), &code);
	lower_set_pos(s->pos);
	if (L.fn->open_defers) {
		open_defer(code, clo);
	} else if (heap) {
		lower_call_runtime(RT_deferproc, (LLVMValueRef[]){L.fn->defer_frame, clo}, 2);
	} else {
		LLVMValueRef rec = LLVMBuildAlloca(L.fn->alloca_builder, LLVMArrayType(L.t_i8, RT_DEFER_SIZE), "deferrecord");
		LLVMSetAlignment(rec, 8);
		lower_call_runtime(RT_deferprocStack, (LLVMValueRef[]){L.fn->defer_frame, rec, clo}, 3);
	}
}
