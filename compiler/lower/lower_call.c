/*
 * lower_call.c: calls of functions, methods and func values, and multi-valued results.
 *
 * In: an ND_CALL the checker classified as CALL_FUNC, CALL_METHOD or CALL_CLOSURE. Out: an LLVM call
 * following gocc's calling convention (lower.h Sig):
 *     ret fn(ptr ctx, ptr out..., params...)
 * Direct calls pass poison as ctx; a call through a func value loads the code pointer from the first
 * word of the closure object and passes the closure itself as ctx (Go's funcval + closure register).
 * Arguments are evaluated left to right; aggregate arguments are passed as pointers to fresh copies;
 * variadic arguments are packed into a new slice unless the call spreads one with `...`.
 *
 * Method calls walk the selector's embedded-field path to the receiver, then pass its address
 * (pointer receivers; a nil pointer is passed as is, as in gc) or its value (value receivers; a
 * pointer is nil-checked and dereferenced).
 *
 * One call is an intrinsic: runtime.KeepAlive(x) becomes an empty inline-asm statement with side
 * effects that takes the data word of x (converted to `any`) as a register input, at the point of the
 * call. The optimiser must keep the asm and have the value in a register there, so whatever x points
 * to is reachable (for the collector's conservative stack scan) until then; there is no call for
 * LLVM to delete or inline away, and no call to pay for. Rejected: a real call to an empty function
 * (LLVM inlines and deletes it, the object may die before the "call"), and a call to an external
 * no-op (costs a call, and LTO could still see through it).
 */
#include "lower.h"

#include <string.h>

static Node *unparen(Node *e)
{
	while (e->kind == ND_PAREN)
		e = e->paren.x;
	return e;
}

/*
 * Builds the call and unpacks the results into results[] (aggregates: caller temporaries). For
 * `x, t := f(a)` with t a struct:
 *
 *     %t.tmp = alloca [16 x i8]                             ; in the entry block
 *     %r = call i64 @main.f(ptr poison, ptr %t.tmp, i64 %a)
 *     results = {%r, %t.tmp}      ; with several register results: extractvalue %r, i
 *
 * args[] holds the Go-level parameters (receiver first); ctx NULL means a direct call.
 */
LLVMValueRef lower_emit_call(Sig *sig, LLVMValueRef fn, LLVMValueRef ctx, LLVMValueRef *args, LLVMValueRef *results)
{
	int n = sig->first_param + sig->nparams;
	LLVMValueRef *av = xalloc(sizeof(LLVMValueRef) * (size_t)(n + 1));
	av[0] = ctx ? ctx : LLVMGetPoison(L.t_ptr);
	for (int i = 0; i < sig->nresults; i++) {
		if (sig->result_indirect[i]) {
			LLVMValueRef tmp = lower_alloca(sig->results[i], "result");
			av[sig->result_index[i]] = tmp;
			if (results)
				results[i] = tmp;
		}
	}
	for (int i = 0; i < sig->nparams; i++)
		av[sig->first_param + i] = args[i];
	LLVMValueRef call = LLVMBuildCall2(L.b, sig->fnty, fn, av, (unsigned)n, "");
	if (results) {
		for (int i = 0; i < sig->nresults; i++) {
			if (sig->result_indirect[i])
				continue;
			results[i] = sig->nret == 1 ? call : LLVMBuildExtractValue(L.b, call, (unsigned)sig->result_index[i], "");
		}
	}
	return call;
}

/* ---- arguments ------------------------------------------------------------------------------- */

/* Packs vals[0..n) of type elem into a new slice (the implicit ...T parameter): a heap [n]T
 * (the callee may keep the slice), or a nil slice when there are no extra arguments, as in gc. */
static LLVMValueRef pack_variadic(Type *slice_type, LLVMValueRef *vals, int n)
{
	if (n == 0)
		return LLVMConstNull(L.t_slice);
	Type *elem = type_underlying(slice_type)->array.elem;
	Type *at = type_array(elem, n);
	LLVMValueRef p = lower_new(at);
	for (int i = 0; i < n; i++)
		lower_store(elem, lower_index_addr(elem, p, i64c(i)), vals[i]);
	return lower_slice_make(p, i64c(n), i64c(n));
}

/* Evaluates the arguments of a call into args[first..] for the signature's params[first..]:
 * all values first, left to right, then the conversions to the parameter types and the copies
 * of aggregate arguments (the callee owns its copy). f(g()) spreads g's results. */
static void lower_args(Node *call, Sig *sig, int first, LLVMValueRef *args)
{
	Vec *a = &call->call.args;
	int nparams = sig->nparams - first;
	Type **params = sig->params + first;
	bool variadic = sig->type->func.variadic && !call->call.has_ellipsis;
	int cap = a->len == 1 ? lower_value_count(a->data[0]) : a->len;
	LLVMValueRef *vals = lower_value_array(cap);
	Type **types = lower_type_array(cap);
	int n = 0;
	if (a->len == 1 && lower_value_count(a->data[0]) > 1) {
		n = lower_multi_value(a->data[0], vals, types); /* f(g()), also when f is f(...T) */
	} else {
		for (int i = 0; i < a->len; i++) {
			Node *arg = a->data[i];
			Type *pt = variadic && i >= nparams - 1 ? type_underlying(params[nparams - 1])->array.elem
			           : i < nparams ? params[i] : lower_type_of(arg);
			vals[i] = lower_expr_as(arg, pt);
			types[i] = pt;
		}
		n = a->len;
	}
	int fixed = variadic ? nparams - 1 : nparams;
	for (int i = 0; i < fixed && i < n; i++) {
		LLVMValueRef v = lower_convert_value(vals[i], types[i], params[i], call);
		args[first + i] = lower_copy_to_temp(params[i], v);
	}
	if (variadic) {
		Type *elem = type_underlying(params[nparams - 1])->array.elem;
		for (int i = fixed; i < n; i++)
			vals[i] = lower_convert_value(vals[i], types[i], elem, call);
		args[first + fixed] = pack_variadic(params[nparams - 1], vals + fixed, n - fixed);
	}
}

/* ---- receivers ------------------------------------------------------------------------------- */

/* Address of the method's receiver base: follows embedded fields from x. *t gets the type stored at
 * the returned address; *from_ptr is set when the address came from a pointer (not yet nil-checked). */
static LLVMValueRef receiver_location(Node *sel, Type **t, bool *from_ptr)
{
	Node *x = sel->selector.x;
	Type *xt = lower_type_of(x);
	LLVMValueRef p;
	if (type_underlying(xt)->kind == TY_POINTER) {
		p = lower_expr(x);
		*t = type_underlying(xt)->pointer.elem;
		*from_ptr = true;
	} else {
		p = lower_addr(x);
		*t = xt;
		*from_ptr = false;
	}
	for (int k = 0; k < sel->selector.path_len; k++) {
		if (*from_ptr)
			lower_check_nil(p);
		Type *st = type_underlying(*t);
		int i = sel->selector.path[k];
		LLVMValueRef fa = lower_gep(p, type_field_offset(st, i));
		Type *ft = st->strct.fields[i]->type;
		if (type_underlying(ft)->kind == TY_POINTER) {
			p = LLVMBuildLoad2(L.b, L.t_ptr, fa, "");
			LLVMSetAlignment(p, 8);
			*t = type_underlying(ft)->pointer.elem;
			*from_ptr = true;
		} else {
			p = fa;
			*t = ft;
			*from_ptr = false;
		}
	}
	return p;
}

static bool method_has_ptr_recv(Object *m)
{
	Type *rt = m->recv ? lower_obj_type(m->recv) : lower_obj_type(m)->func.recv;
	return rt && type_underlying(rt)->kind == TY_POINTER;
}

/* The receiver argument for calling method m through selector sel. */
LLVMValueRef lower_receiver(Node *sel, Object *m)
{
	Type *t;
	bool from_ptr;
	LLVMValueRef p = receiver_location(sel, &t, &from_ptr);
	if (method_has_ptr_recv(m))
		return p;
	if (from_ptr)
		lower_check_nil(p);
	return lower_copy_to_temp(t, lower_load(t, p));
}

/* ---- the call -------------------------------------------------------------------------------- */

static Object *callee_func(Node *fun)
{
	fun = unparen(fun);
	if (fun->kind == ND_IDENT && fun->ident.obj && fun->ident.obj->kind == OBJ_FUNC)
		return fun->ident.obj;
	if (fun->kind == ND_SELECTOR && fun->selector.obj && fun->selector.obj->kind == OBJ_FUNC &&
	    (fun->selector.sel_kind == SEL_QUALIFIED || fun->selector.sel_kind == SEL_METHOD_EXPR))
		return fun->selector.obj;
	return NULL;
}

/* What a call calls: code, closure context, signature, and (methods) the receiver argument. */
typedef struct Callee {
	LLVMValueRef code, ctx;
	Sig *sig;
	int first;          /* 1 when the call has a receiver argument (recv) */
	LLVMValueRef recv;
} Callee;

/* A call through a func value: code is the closure's first word; the closure is the context. */
static void closure_callee(Callee *c, LLVMValueRef closure, Type *fntype)
{
	c->sig = lower_sig(fntype);
	c->ctx = closure;
	lower_check_nil(closure);
	c->code = LLVMBuildLoad2(L.b, L.t_ptr, closure, "code");
	LLVMSetAlignment(c->code, 8);
}

/* The interface value x.M is selected from, for an interface method M: x itself, or the interface
 * field that the selector's embedded path reaches (nil-checking embedded pointers); *t its type. */
LLVMValueRef lower_iface_receiver(Node *sel, Type **t)
{
	*t = lower_type_of(sel->selector.x);
	if (sel->selector.path_len == 0)
		return lower_expr(sel->selector.x);
	bool from_ptr;
	LLVMValueRef p = receiver_location(sel, t, &from_ptr);
	if (from_ptr)
		lower_check_nil(p);
	return lower_load(*t, p);
}

/* x.M(...) for an interface x: itab->fun[k] with the data word as receiver (lower_iface.c). */
static void interface_callee(Node *fun, Callee *c)
{
	Object *m = fun->selector.obj;
	Type *t;
	LLVMValueRef iv = lower_iface_receiver(fun, &t);
	c->sig = lower_imethod_sig(m);
	c->code = lower_imethod_code(iv, t, m, &c->recv);
	c->first = 1;
}

/* Resolves the callee (evaluating a method receiver into c->recv). */
static void resolve_callee(Node *call, Callee *c)
{
	Node *fun = unparen(call->call.fun);
	Object *fn;
	*c = (Callee){0};
	LLVMValueRef early = lower_hoisted(fun); /* a deferred call's func value (lower_defer.c) */
	if (early) {
		closure_callee(c, early, lower_type_of(fun));
		return;
	}
	if (call->call.call_kind == CALL_INTERFACE) {
		interface_callee(fun, c);
		return;
	}
	if (call->call.call_kind == CALL_METHOD && fun->kind == ND_SELECTOR && fun->selector.sel_kind == SEL_METHOD) {
		fn = fun->selector.obj;
		c->sig = lower_sig(lower_obj_type(fn));
		c->recv = lower_receiver(fun, fn);
		c->first = 1;
		c->code = lower_func_decl(fn);
		return;
	}
	fn = call->call.call_kind != CALL_CLOSURE ? callee_func(fun) : NULL;
	if (!fn) {
		closure_callee(c, lower_expr(fun), lower_type_of(fun));
		return;
	}
	if (fun->kind == ND_SELECTOR && fun->selector.sel_kind == SEL_METHOD_EXPR &&
	    (lower_is_interface_method(fn) || fun->selector.path_len > 0 ||
	     method_has_ptr_recv(fn) != (type_underlying(lower_type_of(fun->selector.x))->kind == TY_POINTER))) {
		/* (*T).M for a value method M goes through a dereferencing wrapper, I.M through "I.M",
		 * promoted methods through their promoted wrapper */
		closure_callee(c, lower_method_expr(fun), lower_type_of(fun));
		return;
	}
	/* a declared function, or T.M(x, args): the method itself, receiver first */
	c->sig = lower_sig(lower_obj_type(fn));
	c->code = lower_func_decl(fn);
}

/* ---- runtime.KeepAlive ------------------------------------------------------------------------ */

static bool is_keepalive(Object *fn)
{
	return fn && fn->pkg && fn->pkg->path && strcmp(fn->pkg->path, "runtime") == 0 &&
	       strcmp(fn->name, "KeepAlive") == 0;
}

/* runtime.KeepAlive(x): x converted to `any` as for the call, then its data word (the pointer, for a
 * pointer-shaped x; the boxed copy otherwise) handed to an empty asm:
 *
 *     call void asm sideeffect "", "r"(ptr %x)
 *
 * The type word needs no keeping: type descriptors are static. */
static void lower_keepalive(Node *call, Object *fn)
{
	Sig *sig = lower_sig(lower_obj_type(fn));
	Node *arg = call->call.args.data[0];
	LLVMValueRef v = lower_expr_as(arg, sig->params[0]);
	LLVMValueRef data = LLVMBuildExtractValue(L.b, v, 1, "keepalive");
	LLVMTypeRef fnty = LLVMFunctionType(L.t_void, &L.t_ptr, 1, false);
	LLVMValueRef asm_ = LLVMGetInlineAsm(fnty, "", 0, "r", 1, true, false, LLVMInlineAsmDialectATT, false);
	lower_set_pos(pos_valid(call->call.lparen) ? call->call.lparen : call->pos);
	LLVMBuildCall2(L.b, fnty, asm_, &data, 1, "");
}

/* A call of a function, method or func value: callee (and receiver), then arguments, then the
 * call. The results are stored into vals[] (one per Go result); returns how many. */
int lower_call(Node *call, LLVMValueRef *vals)
{
	lower_set_pos(call->pos);
	if (call->call.call_kind == CALL_BUILTIN || call->call.call_kind == CALL_CONVERSION) {
		vals[0] = lower_expr(call);
		return 1;
	}
	Object *fn = callee_func(call->call.fun);
	if (fn && fn == L.pkg->main_func && call->call.call_kind == CALL_FUNC) {
		/* main() called from Go: the GO_ENTRY has no parameters */
		LLVMBuildCall2(L.b, LLVMFunctionType(L.t_void, NULL, 0, false), lower_func_decl(fn), NULL, 0, "");
		return 0;
	}
	if (is_keepalive(fn) && call->call.call_kind == CALL_FUNC && !lower_hoisted(call->call.fun)) {
		lower_keepalive(call, fn);
		return 0;
	}
	Callee c;
	resolve_callee(call, &c);
	LLVMValueRef *args = lower_value_array(c.sig->nparams);
	if (c.first)
		args[0] = c.recv;
	lower_args(call, c.sig, c.first, args);
	lower_set_pos(pos_valid(call->call.lparen) ? call->call.lparen : call->pos); /* gc's call line: its '(' */
	lower_emit_call(c.sig, c.code, c.ctx, args, vals);
	return c.sig->nresults;
}

/* A call used as a single value (its first result; NULL for a call without results). */
LLVMValueRef lower_call_expr(Node *call)
{
	LLVMValueRef *vals = lower_value_array(lower_value_count(call));
	int n = lower_call(call, vals);
	if (n == 0)
		return NULL;
	return vals[0];
}

/* The values of a multi-valued expression, for `a, b := f()`, `return f()` and `g(f())`: a call
 * returning a tuple, or a comma-ok form (v, ok := m[k], x.(T), <-c). */
LLVMValueRef *lower_value_array(int n)
{
	return xalloc(sizeof(LLVMValueRef) * (size_t)(n > 0 ? n : 1));
}

Type **lower_type_array(int n)
{
	return xalloc(sizeof(Type *) * (size_t)(n > 0 ? n : 1));
}

int lower_value_count(Node *e)
{
	Type *t = lower_type_of(e);
	return t && t->kind == TY_TUPLE ? t->tuple.n : 1;
}

int lower_multi_value(Node *e, LLVMValueRef *vals, Type **types)
{
	e = unparen(e);
	if (e->kind == ND_INDEX)
		return lower_map_index_ok(e, vals, types);
	if (e->kind == ND_TYPE_ASSERT)
		return lower_type_assert_ok(e, vals, types);
	if (e->kind == ND_UNARY && e->unary.op == TOK_ARROW)
		return lower_chan_recv_ok(e, vals, types);
	if (e->kind != ND_CALL)
		internal_error("comma-ok expression %s", node_kind_name(e->kind));
	Type *t = lower_type_of(e);
	LLVMValueRef early = lower_hoisted(e); /* the stored results of `defer f(g())` (lower_defer.c) */
	if (early) {
		for (int i = 0; i < t->tuple.n; i++) {
			vals[i] = LLVMBuildExtractValue(L.b, early, (unsigned)i, "");
			types[i] = t->tuple.types[i];
		}
		return t->tuple.n;
	}
	int n = lower_call(e, vals);
	for (int i = 0; i < n; i++)
		types[i] = t && t->kind == TY_TUPLE ? t->tuple.types[i] : t;
	return n;
}
