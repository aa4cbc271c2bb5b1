/*
 * lower_closure.c: function literals, captured variables, method values and method expressions.
 *
 * In: ND_FUNC_LIT nodes and method selectors used as values. Out: func values. A func value is a
 * pointer to a closure object whose first word is the code pointer (Go's funcval):
 *     function literal:  { code, &cell_0, &cell_1, ... }   one pointer per captured variable
 *     declared function: { code }                            a constant global, no allocation
 *     method value x.M:  { code = "T.M-fm" wrapper, receiver }   pointer receiver, or a pointer to
 *                                                                a heap copy of a value receiver
 * The callee gets the closure object as its ctx parameter (lower.h Sig). Captured variables are
 * shared by reference: the closure holds each variable's address, so the enclosing function and
 * every closure see one variable. A closure that does not escape (func_lit.stack_alloc) is an
 * entry-block alloca and its variables stay in the frame; an escaping one is a heap object
 * (runtime newobject) whose variables live in heap cells.
 *
 * The middle stage decided all of it before lowering: what each literal captures (func_lit.captures,
 * in closure-word order: compiler/middle/closure.c), which closures stay in the frame and which
 * variables need cells (compiler/middle/escape.c).
 */
#include "lower.h"

#include <string.h>

typedef struct LabelSearch {
	const char *name;
	Node *found;
} LabelSearch;

static bool find_label_visit(Node *n, void *arg)
{
	LabelSearch *ls = arg;
	if (n->kind == ND_FUNC_LIT)
		return false; /* labels do not cross function boundaries */
	if (n->kind == ND_LABELED_STMT && n->labeled.label->ident.name == ls->name)
		ls->found = n;
	return !ls->found;
}

/* The labeled statement named `name` in the function declared by decl (goto targets). */
Node *lower_find_label(Node *decl, const char *name)
{
	LabelSearch ls = {name, NULL};
	Node *body = decl->kind == ND_FUNC_DECL ? decl->func_decl.body : decl->func_lit.body;
	ast_walk(body, &(AstVisitor){find_label_visit, NULL, &ls});
	return ls.found;
}

/* ---- function literals ----------------------------------------------------------------------- */

/* A literal whose closure object has been built but whose body waits: bodies are lowered only
 * after the enclosing function is finished, since LLVM's builder builds one function at a time. */
typedef struct PendingLit {
	Node *lit;
	Vec captures;
} PendingLit;

/*
 * A closure object for the literal (in the frame when it does not escape), or a constant {code}
 * when nothing is captured. For an escaping `func() { x++ }` capturing x (whose heap cell is
 * %x.cell):
 *
 *     %clo = call ptr @runtime_newobject(ptr @"type:[2]unsafe.Pointer")
 *     store ptr @main.f.func1, ptr %clo                         ; word 0: code
 *     store ptr %x.cell, ptr (getelementptr i8, ptr %clo, 8)    ; word 1: &x
 *
 * The closure holds the cell's address, not x's value: captures are by reference (gc captures
 * small never-reassigned variables by value, an unobservable difference). The body is queued.
 */
LLVMValueRef lower_func_lit(Node *e)
{
	Object *obj = e->func_lit.obj; /* named by the checker or the middle stage */
	PendingLit *p = xnew(PendingLit);
	p->lit = e;
	p->captures = e->func_lit.captures;
	LLVMValueRef code = lower_func_decl(obj);
	vec_push(&L.pending_lits, p);
	if (p->captures.len == 0)
		return lower_func_value_of(obj);
	int n = p->captures.len;
	Type *ct = type_array(type_basic(TY_UNSAFE_POINTER), n + 1);
	LLVMValueRef clo = lower_new_at(ct, e->func_lit.stack_alloc);
	LLVMValueRef st = LLVMBuildStore(L.b, code, clo);
	LLVMSetAlignment(st, 8);
	for (int i = 0; i < n; i++) {
		LLVMValueRef cell = lower_var_addr(p->captures.data[i]);
		st = LLVMBuildStore(L.b, cell, lower_gep(clo, 8 * (i + 1)));
		LLVMSetAlignment(st, 8);
	}
	return clo;
}

/* Lowers the queued literal bodies; a body may queue more literals (nested ones), so loop until
 * the queue is empty. */
void lower_pending_func_lits(void)
{
	while (L.pending_lits.len > 0) {
		PendingLit *p = vec_pop(&L.pending_lits);
		Node *e = p->lit;
		lower_function_body(e->func_lit.obj, e, e->func_lit.body, &p->captures);
	}
}

/* ---- method values and expressions ----------------------------------------------------------- */

LLVMValueRef lower_receiver(Node *sel, Object *m);

static bool ptr_recv(Object *m)
{
	Type *rt = m->recv ? lower_obj_type(m->recv) : lower_obj_type(m)->func.recv;
	return rt && type_underlying(rt)->kind == TY_POINTER;
}

/* Starts a synthetic function (a wrapper) named `name` with signature sig; returns it. */
LLVMValueRef lower_begin_wrapper(Wrapper *w, const char *name, Sig *sig, Pos pos)
{
	*w = (Wrapper){.saved_fn = L.fn, .saved_bb = LLVMGetInsertBlock(L.b),
		       .saved_loc = LLVMGetCurrentDebugLocation2(L.b)};
	FuncState *f = &w->f;
	LLVMValueRef fn = LLVMAddFunction(L.mod, name, sig->fnty);
	LLVMSetLinkage(fn, LLVMInternalLinkage);
	LLVMSetSection(fn, "gocc_wrappers"); /* transparent to recover() (runtime.def, defer.c) */
	lower_add_sig_attrs(fn, sig);
	LLVMAddAttributeAtIndex(fn, LLVMAttributeFunctionIndex,
	                        LLVMCreateStringAttribute(L.ctx, "frame-pointer", 13, "all", 3));
	LLVMAddAttributeAtIndex(fn, LLVMAttributeFunctionIndex,
	                        LLVMCreateStringAttribute(L.ctx, "split-stack", 11, "", 0));
	lower_add_attr(fn, LLVMAttributeFunctionIndex, "nounwind");
	f->fn = fn;
	f->sig = sig;
	f->ctx = LLVMGetParam(fn, 0);
	L.fn = f;
	f->di_scope = di_function(fn, name, pos);
	LLVMBasicBlockRef entry = lower_block("entry");
	f->alloca_builder = LLVMCreateBuilderInContext(L.ctx);
	lower_position_at_end(entry);
	/* Never the interrupted function's location: line 0 of the wrapper's own scope, then its
	 * position when it has one (a method of a predeclared interface, error.Error, has none). */
	di_clear();
	di_set_prologue();
	di_set_pos(pos);
	LLVMBasicBlockRef body = lower_block("body");
	LLVMValueRef br = LLVMBuildBr(L.b, body);
	LLVMPositionBuilderBefore(f->alloca_builder, br);
	lower_position_at_end(body);
	return fn;
}

/* Calls method m with receiver `recv` and the wrapper's own parameters from index `from`, and
 * returns its results. */
void lower_forward_call(Object *m, LLVMValueRef recv, Sig *wsig, int from)
{
	lower_forward_call_to(lower_sig(lower_obj_type(m)), lower_func_decl(m), recv, wsig, from);
}

/* The same for any code with signature msig whose first parameter is the receiver (an itab entry). */
void lower_forward_call_to(Sig *msig, LLVMValueRef code, LLVMValueRef recv, Sig *wsig, int from)
{
	LLVMValueRef *args = lower_value_array(msig->nparams);
	args[0] = recv;
	for (int i = from; i < wsig->nparams; i++)
		args[1 + i - from] = LLVMGetParam(L.fn->fn, (unsigned)(wsig->first_param + i));
	LLVMValueRef *res = lower_value_array(msig->nresults);
	lower_emit_call(msig, code, NULL, args, res);
	LLVMValueRef ret = wsig->nret > 1 ? LLVMGetUndef(wsig->ret) : NULL;
	for (int i = 0; i < wsig->nresults; i++) {
		if (wsig->result_indirect[i])
			lower_store(wsig->results[i], LLVMGetParam(L.fn->fn, (unsigned)wsig->result_index[i]), res[i]);
		else if (wsig->nret == 1)
			ret = res[i];
		else
			ret = LLVMBuildInsertValue(L.b, ret, res[i], (unsigned)wsig->result_index[i], "");
	}
	if (wsig->nret == 0)
		LLVMBuildRetVoid(L.b);
	else
		LLVMBuildRet(L.b, ret);
}

void lower_end_wrapper(Wrapper *w)
{
	LLVMDisposeBuilder(w->f.alloca_builder);
	L.fn = w->saved_fn;
	if (w->saved_bb) /* NULL: the wrapper was made between functions (a package record) */
		LLVMPositionBuilderAtEnd(L.b, w->saved_bb);
	LLVMSetCurrentDebugLocation2(L.b, w->saved_loc);
}

/*
 * "T.M-fm": the code of a method value (gc's methodValueWrapper, walk/closure.go): it has
 * the method's type without receiver and finds the receiver in its closure, ctx = {code, recv}:
 *
 *     define R @"main.T.M-fm"(ptr %ctx, A %a) {
 *       %recv = load ptr, (getelementptr i8, ptr %ctx, 8)
 *       %r = call R @"main.T.M"(ptr poison, <recv or a copy of *recv>, A %a)
 *       ret R %r
 *     }
 *
 * A value receiver is copied again on each call, so the method cannot change the bound copy.
 */
static LLVMValueRef method_value_wrapper(Object *m, Type *fntype, Pos pos)
{
	const char *name = xsprintf("%s-fm", m->link_name);
	LLVMValueRef fn = LLVMGetNamedFunction(L.mod, name);
	if (fn)
		return fn;
	Wrapper w;
	Sig *sig = lower_sig(fntype);
	fn = lower_begin_wrapper(&w, name, sig, pos);
	LLVMValueRef word = LLVMBuildLoad2(L.b, L.t_ptr, lower_gep(w.f.ctx, 8), "recv");
	LLVMSetAlignment(word, 8);
	LLVMValueRef recv = word;
	if (!ptr_recv(m)) {
		Type *rt = m->recv ? lower_obj_type(m->recv) : lower_obj_type(m)->func.recv;
		recv = lower_copy_to_temp(rt, lower_load(rt, word));
	}
	lower_forward_call(m, recv, sig, 0);
	lower_end_wrapper(&w);
	return fn;
}

/* x.M as a value (spec "Method values"): evaluates the receiver now (copying a value receiver to
 * the heap, so later changes to x are not seen) and binds it in a two-word closure
 * {"T.M-fm", receiver}. The receiver expression includes the implicit & or * and any embedded
 * field path (lower_receiver). at_frame: the closure and the receiver copy live in the frame (the
 * value of a deferred method call, used only while the frame lives). */
LLVMValueRef lower_method_value_at(Node *sel, bool at_frame)
{
	Object *m = sel->selector.obj;
	if (lower_is_interface_method(m))
		return lower_iface_method_value(sel);
	LLVMValueRef recv = lower_receiver(sel, m);
	LLVMValueRef word = recv;
	if (!ptr_recv(m)) {
		Type *rt = m->recv ? lower_obj_type(m->recv) : lower_obj_type(m)->func.recv;
		word = lower_new_at(rt, at_frame);
		lower_store(rt, word, recv);
	}
	LLVMValueRef code = method_value_wrapper(m, lower_type_of(sel), sel->pos);
	LLVMValueRef clo = lower_new_at(type_array(type_basic(TY_UNSAFE_POINTER), 2), at_frame);
	LLVMValueRef st = LLVMBuildStore(L.b, code, clo);
	LLVMSetAlignment(st, 8);
	st = LLVMBuildStore(L.b, word, lower_gep(clo, 8));
	LLVMSetAlignment(st, 8);
	return clo;
}

LLVMValueRef lower_method_value(Node *sel)
{
	return lower_method_value_at(sel, false);
}

/* The constant closure {code} of a wrapper that captures nothing ("<code>·f"). */
LLVMValueRef lower_static_closure(LLVMValueRef code)
{
	const char *name = xsprintf("%s·f", LLVMGetValueName(code));
	LLVMValueRef g = LLVMGetNamedGlobal(L.mod, name);
	if (g)
		return g;
	g = LLVMAddGlobal(L.mod, LLVMStructTypeInContext(L.ctx, &L.t_ptr, 1, false), name);
	LLVMSetInitializer(g, LLVMConstStructInContext(L.ctx, &code, 1, false));
	LLVMSetGlobalConstant(g, true);
	lower_set_linkonce(g);
	return g;
}

/* T.M / (*T).M as a value (spec "Method expressions"): since a method's receiver is its first
 * parameter, T.M for a value method and (*T).M for a pointer method are the method itself, as a
 * static closure; (*T).M for a value method needs lower_ptr_method_wrapper, a promoted method its
 * promoted wrapper (lower_methods.c), an interface method I.M the wrapper "I.M" (lower_iface.c). */
LLVMValueRef lower_method_expr(Node *sel)
{
	Object *m = sel->selector.obj;
	if (sel->selector.path_len > 0)
		return lower_static_closure(lower_promoted_method_code(lower_type_of(sel->selector.x), m,
		                                                       sel->selector.path, sel->selector.path_len));
	if (lower_is_interface_method(m))
		return lower_iface_method_expr(sel);
	bool x_is_ptr = type_underlying(lower_type_of(sel->selector.x))->kind == TY_POINTER;
	if (ptr_recv(m) == x_is_ptr && sel->selector.path_len == 0)
		return lower_func_value_of(m);
	if (!ptr_recv(m) && x_is_ptr && sel->selector.path_len == 0) {
		return lower_static_closure(lower_ptr_method_wrapper(m));
	}
	internal_error("method expression %s of %s", m->name, type_string(lower_type_of(sel->selector.x)));
}

/* main.main is a GO_ENTRY without parameters; as a func value it needs the Go convention (ctx). */
LLVMValueRef lower_main_thunk(Object *main_fn)
{
	const char *name = xsprintf("%s·thunk", main_fn->link_name);
	LLVMValueRef fn = LLVMGetNamedFunction(L.mod, name);
	if (fn)
		return fn;
	Wrapper w;
	fn = lower_begin_wrapper(&w, name, lower_sig(lower_obj_type(main_fn)), main_fn->pos);
	LLVMBuildCall2(L.b, LLVMFunctionType(L.t_void, NULL, 0, false), lower_func_decl(main_fn), NULL, 0, "");
	LLVMBuildRetVoid(L.b);
	lower_end_wrapper(&w);
	return fn;
}
