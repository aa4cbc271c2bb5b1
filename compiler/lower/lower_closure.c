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
 * shared by reference: they live in heap cells (runtime newobject) and the closure holds the cells'
 * addresses, so the enclosing function and every closure see one variable.
 *
 * Which variables need cells is decided before lowering by lower_escape.c: the free variables of
 * every function literal, and every variable whose address may outlive its frame. Free variables
 * are found syntactically: identifiers resolving to local variables not declared inside the literal.
 */
#include "lower.h"

#include <string.h>

/* ---- a generic walk over statements and expressions ------------------------------------------ */

typedef bool (*WalkFn)(Node *n, void *arg); /* return false to skip n's children */

static void walk(Node *n, WalkFn fn, void *arg);

static void walk_vec(Vec *v, WalkFn fn, void *arg)
{
	for (int i = 0; i < v->len; i++)
		walk(v->data[i], fn, arg);
}

static void walk_composite(Node *n, WalkFn fn, void *arg)
{
	bool is_struct = n->type && type_underlying(n->type)->kind == TY_STRUCT;
	for (int i = 0; i < n->composite.elts.len; i++) {
		Node *e = n->composite.elts.data[i];
		if (e->kind == ND_KEY_VALUE) {
			if (!is_struct)
				walk(e->key_value.key, fn, arg);
			walk(e->key_value.value, fn, arg);
		} else {
			walk(e, fn, arg);
		}
	}
}

/* Pre-order walk over every statement and expression under n, including the bodies of nested
 * function literals (a capture of a capture is a capture of the outer literal too). Types and
 * struct-literal field keys are not walked: their identifiers are not variable uses. */
static void walk(Node *n, WalkFn fn, void *arg)
{
	if (!n || !fn(n, arg))
		return;
	switch (n->kind) {
	case ND_COMPOSITE_LIT: walk_composite(n, fn, arg); break;
	case ND_FUNC_LIT: walk(n->func_lit.body, fn, arg); break;
	case ND_PAREN: walk(n->paren.x, fn, arg); break;
	case ND_SELECTOR: walk(n->selector.x, fn, arg); break;
	case ND_INDEX: walk(n->index.x, fn, arg); walk_vec(&n->index.indices, fn, arg); break;
	case ND_SLICE:
		walk(n->slice.x, fn, arg); walk(n->slice.lo, fn, arg);
		walk(n->slice.hi, fn, arg); walk(n->slice.max, fn, arg);
		break;
	case ND_TYPE_ASSERT: walk(n->type_assert.x, fn, arg); break;
	case ND_CALL: walk(n->call.fun, fn, arg); walk_vec(&n->call.args, fn, arg); break;
	case ND_STAR: walk(n->star.x, fn, arg); break;
	case ND_UNARY: walk(n->unary.x, fn, arg); break;
	case ND_BINARY: walk(n->binary.x, fn, arg); walk(n->binary.y, fn, arg); break;
	case ND_KEY_VALUE: walk(n->key_value.key, fn, arg); walk(n->key_value.value, fn, arg); break;
	case ND_DECL_STMT: walk(n->decl_stmt.decl, fn, arg); break;
	case ND_GEN_DECL: if (n->gen_decl.tok == TOK_VAR) walk_vec(&n->gen_decl.specs, fn, arg); break;
	case ND_VALUE_SPEC: walk_vec(&n->value_spec.names, fn, arg); walk_vec(&n->value_spec.values, fn, arg); break;
	case ND_LABELED_STMT: walk(n->labeled.stmt, fn, arg); break;
	case ND_EXPR_STMT: walk(n->expr_stmt.x, fn, arg); break;
	case ND_SEND_STMT: walk(n->send.chan, fn, arg); walk(n->send.value, fn, arg); break;
	case ND_INCDEC_STMT: walk(n->incdec.x, fn, arg); break;
	case ND_ASSIGN_STMT: walk_vec(&n->assign.lhs, fn, arg); walk_vec(&n->assign.rhs, fn, arg); break;
	case ND_GO_STMT: case ND_DEFER_STMT: walk(n->go_defer.call, fn, arg); break;
	case ND_RETURN_STMT: walk_vec(&n->return_stmt.results, fn, arg); break;
	case ND_BLOCK: walk_vec(&n->block.stmts, fn, arg); break;
	case ND_IF_STMT:
		walk(n->if_stmt.init, fn, arg); walk(n->if_stmt.cond, fn, arg);
		walk(n->if_stmt.then, fn, arg); walk(n->if_stmt.els, fn, arg);
		break;
	case ND_CASE_CLAUSE: walk_vec(&n->case_clause.list, fn, arg); walk_vec(&n->case_clause.body, fn, arg); break;
	case ND_SWITCH_STMT:
		walk(n->switch_stmt.init, fn, arg); walk(n->switch_stmt.tag, fn, arg); walk(n->switch_stmt.body, fn, arg);
		break;
	case ND_TYPE_SWITCH_STMT:
		walk(n->type_switch.init, fn, arg); walk(n->type_switch.assign, fn, arg); walk(n->type_switch.body, fn, arg);
		break;
	case ND_COMM_CLAUSE: walk(n->comm_clause.comm, fn, arg); walk_vec(&n->comm_clause.body, fn, arg); break;
	case ND_SELECT_STMT: walk(n->select_stmt.body, fn, arg); break;
	case ND_FOR_STMT:
		walk(n->for_stmt.init, fn, arg); walk(n->for_stmt.cond, fn, arg);
		walk(n->for_stmt.post, fn, arg); walk(n->for_stmt.body, fn, arg);
		break;
	case ND_RANGE_STMT:
		walk(n->range_stmt.key, fn, arg); walk(n->range_stmt.value, fn, arg);
		walk(n->range_stmt.x, fn, arg); walk(n->range_stmt.body, fn, arg);
		break;
	default:
		break;
	}
}

static bool is_local_var(Object *o)
{
	return o && o->kind == OBJ_VAR && !o->is_global && !o->is_field;
}

static bool vec_has(Vec *v, void *x)
{
	for (int i = 0; i < v->len; i++)
		if (v->data[i] == x)
			return true;
	return false;
}

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
	walk(body, find_label_visit, &ls);
	return ls.found;
}

/* ---- free variables -------------------------------------------------------------------------- */

typedef struct FreeVars {
	Vec declared;   /* objects declared inside the literal (including nested literals) */
	Vec referenced; /* local variables referenced, in first-use order */
} FreeVars;

static void declare_fields(Vec *fields, Vec *out)
{
	for (int i = 0; i < fields->len; i++) {
		Node *f = fields->data[i];
		for (int j = 0; j < f->field.names.len; j++) {
			Node *id = f->field.names.data[j];
			if (id->ident.obj)
				vec_push(out, id->ident.obj);
		}
	}
}

static void declare_ident(Node *id, Vec *out)
{
	if (id && id->kind == ND_IDENT && id->ident.obj)
		vec_push(out, id->ident.obj);
}

/* Walk visitor: records every local variable used, and every variable declared, inside the
 * literal (parameters and results of nested literals, var, :=, range :=, type switch clause
 * variables). The difference is the set of captures. */
static bool collect_free(Node *n, void *arg)
{
	FreeVars *fv = arg;
	switch (n->kind) {
	case ND_IDENT:
		if (is_local_var(n->ident.obj) && !vec_has(&fv->referenced, n->ident.obj))
			vec_push(&fv->referenced, n->ident.obj);
		break;
	case ND_FUNC_LIT: {
		Node *ft = n->func_lit.type;
		declare_fields(&ft->func_type.params, &fv->declared);
		declare_fields(&ft->func_type.results, &fv->declared);
		if (n->func_lit.obj) {
			for (int i = 0; i < n->func_lit.obj->params.len; i++)
				vec_push(&fv->declared, n->func_lit.obj->params.data[i]);
			for (int i = 0; i < n->func_lit.obj->results.len; i++)
				vec_push(&fv->declared, n->func_lit.obj->results.data[i]);
		}
		break;
	}
	case ND_VALUE_SPEC:
		for (int i = 0; i < n->value_spec.names.len; i++)
			declare_ident(n->value_spec.names.data[i], &fv->declared);
		break;
	case ND_ASSIGN_STMT:
		if (n->assign.tok == TOK_DEFINE)
			for (int i = 0; i < n->assign.lhs.len; i++)
				declare_ident(n->assign.lhs.data[i], &fv->declared);
		break;
	case ND_RANGE_STMT:
		if (n->range_stmt.tok == TOK_DEFINE) {
			declare_ident(n->range_stmt.key, &fv->declared);
			declare_ident(n->range_stmt.value, &fv->declared);
		}
		break;
	case ND_TYPE_SWITCH_STMT:
		for (int i = 0; i < n->type_switch.clause_objs.len; i++)
			if (n->type_switch.clause_objs.data[i])
				vec_push(&fv->declared, n->type_switch.clause_objs.data[i]);
		break;
	default:
		break;
	}
	return true;
}

/* The variables a function literal uses but does not declare, in first-use order. */
void lower_find_captures(Object *fn, Node *lit, Vec *out)
{
	(void)fn;
	FreeVars fv = {0};
	walk(lit, collect_free, &fv);
	for (int i = 0; i < fv.referenced.len; i++) {
		Object *o = fv.referenced.data[i];
		if (!vec_has(&fv.declared, o))
			vec_push(out, o);
	}
}

/* ---- function literals ----------------------------------------------------------------------- */

/* A literal whose closure object has been built but whose body waits: bodies are lowered only
 * after the enclosing function is finished, since LLVM's builder builds one function at a time. */
typedef struct PendingLit {
	Node *lit;
	Vec captures;
} PendingLit;

/* Link name for a literal the checker did not name: outer.funcN. */
static Object *lit_object(Node *e)
{
	Object *obj = e->func_lit.obj;
	if (obj && obj->link_name)
		return obj;
	Object *outer = L.fn ? L.fn->obj : NULL;
	if (!obj) {
		obj = object_new(L.pkg, OBJ_FUNC, intern("func", 4), e->pos, e->type);
		e->func_lit.obj = obj;
	}
	if (!obj->type)
		obj->type = e->type;
	int n = outer ? ++outer->nlits : 1;
	obj->link_name = xsprintf("%s.func%d", outer && outer->link_name ? outer->link_name : package_symbol(L.pkg, "glob."), n);
	obj->decl = e;
	return obj;
}

/*
 * A closure object for the literal, or a constant {code} when nothing is captured. For
 * `func() { x++ }` capturing x (whose heap cell is %x.cell):
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
	Object *obj = lit_object(e);
	if (!obj->decl)
		obj->decl = e;
	PendingLit *p = xnew(PendingLit);
	p->lit = e;
	lower_find_captures(obj, e, &p->captures);
	LLVMValueRef code = lower_func_decl(obj);
	vec_push(&L.pending_lits, p);
	if (p->captures.len == 0)
		return lower_func_value_of(obj);
	int n = p->captures.len;
	Type *ct = type_array(type_basic(TY_UNSAFE_POINTER), n + 1);
	LLVMValueRef clo = lower_new(ct);
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
	Type *rt = m->recv ? m->recv->type : m->type->func.recv;
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
	lower_add_sig_attrs(fn, sig);
	LLVMAddAttributeAtIndex(fn, LLVMAttributeFunctionIndex,
	                        LLVMCreateStringAttribute(L.ctx, "frame-pointer", 13, "all", 3));
	lower_add_attr(fn, LLVMAttributeFunctionIndex, "nounwind");
	f->fn = fn;
	f->sig = sig;
	f->ctx = LLVMGetParam(fn, 0);
	L.fn = f;
	f->di_scope = di_function(fn, name, pos);
	LLVMBasicBlockRef entry = lower_block("entry");
	f->alloca_builder = LLVMCreateBuilderInContext(L.ctx);
	lower_position_at_end(entry);
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
	Sig *msig = lower_sig(m->type);
	LLVMValueRef *args = lower_value_array(msig->nparams);
	args[0] = recv;
	for (int i = from; i < wsig->nparams; i++)
		args[1 + i - from] = LLVMGetParam(L.fn->fn, (unsigned)(wsig->first_param + i));
	LLVMValueRef *res = lower_value_array(msig->nresults);
	lower_emit_call(msig, lower_func_decl(m), NULL, args, res);
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
		Type *rt = m->recv ? m->recv->type : m->type->func.recv;
		recv = lower_copy_to_temp(rt, lower_load(rt, word));
	}
	lower_forward_call(m, recv, sig, 0);
	lower_end_wrapper(&w);
	return fn;
}

/* An interface's method (no body; its signature's receiver is the interface type). */
static bool is_interface_method(Object *m)
{
	Type *recv = m->type ? m->type->func.recv : NULL;
	return !m->body && recv && type_underlying(recv)->kind == TY_INTERFACE;
}

/* x.M as a value (spec "Method values"): evaluates the receiver now (copying a value receiver to
 * the heap, so later changes to x are not seen) and binds it in a two-word closure
 * {"T.M-fm", receiver}. The receiver expression includes the implicit & or * and any embedded
 * field path (lower_receiver). */
LLVMValueRef lower_method_value(Node *sel)
{
	Object *m = sel->selector.obj;
	if (is_interface_method(m))
		lower_unsupported(sel->pos, "interface method values");
	LLVMValueRef recv = lower_receiver(sel, m);
	LLVMValueRef word = recv;
	if (!ptr_recv(m)) {
		Type *rt = m->recv ? m->recv->type : m->type->func.recv;
		word = lower_new(rt);
		lower_store(rt, word, recv);
	}
	LLVMValueRef code = method_value_wrapper(m, sel->type, sel->pos);
	LLVMValueRef clo = lower_new(type_array(type_basic(TY_UNSAFE_POINTER), 2));
	LLVMValueRef st = LLVMBuildStore(L.b, code, clo);
	LLVMSetAlignment(st, 8);
	st = LLVMBuildStore(L.b, word, lower_gep(clo, 8));
	LLVMSetAlignment(st, 8);
	return clo;
}

/* T.M / (*T).M as a value (spec "Method expressions"): since a method's receiver is its first
 * parameter, T.M for a value method and (*T).M for a pointer method are the method itself, as a
 * static closure; (*T).M for a value method needs lower_ptr_method_wrapper. */
LLVMValueRef lower_method_expr(Node *sel)
{
	Object *m = sel->selector.obj;
	if (is_interface_method(m))
		lower_unsupported(sel->pos, "interface method expressions");
	bool x_is_ptr = type_underlying(sel->selector.x->type)->kind == TY_POINTER;
	if (ptr_recv(m) == x_is_ptr && sel->selector.path_len == 0)
		return lower_func_value_of(m);
	if (!ptr_recv(m) && x_is_ptr && sel->selector.path_len == 0) {
		LLVMValueRef code = lower_ptr_method_wrapper(m);
		LLVMValueRef g = varmap_get(&L.method_exprs, m);
		if (g)
			return g;
		g = LLVMAddGlobal(L.mod, LLVMStructTypeInContext(L.ctx, &L.t_ptr, 1, false), xsprintf("%s·f", LLVMGetValueName(code)));
		LLVMSetInitializer(g, LLVMConstStructInContext(L.ctx, &code, 1, false));
		LLVMSetGlobalConstant(g, true);
		LLVMSetLinkage(g, LLVMInternalLinkage);
		varmap_put(&L.method_exprs, m, g);
		return g;
	}
	lower_unsupported(sel->pos, "method expressions of promoted methods");
}

/* main.main is a GO_ENTRY without parameters; as a func value it needs the Go convention (ctx). */
LLVMValueRef lower_main_thunk(Object *main_fn)
{
	const char *name = xsprintf("%s·thunk", main_fn->link_name);
	LLVMValueRef fn = LLVMGetNamedFunction(L.mod, name);
	if (fn)
		return fn;
	Wrapper w;
	fn = lower_begin_wrapper(&w, name, lower_sig(main_fn->type), main_fn->pos);
	LLVMBuildCall2(L.b, LLVMFunctionType(L.t_void, NULL, 0, false), lower_func_decl(main_fn), NULL, 0, "");
	LLVMBuildRetVoid(L.b);
	lower_end_wrapper(&w);
	return fn;
}
