/*
 * escape.c: which local variables must live in heap cells (a small, conservative escape analysis).
 *
 * In: the checked package, with the capture lists of closure.c. Out: annotations on the tree that
 * lowering only reads: Object.boxed for every variable captured by an escaping function literal
 * and every variable whose address may outlive its frame (everything else stays in an alloca, which
 * mem2reg and SROA turn into registers); Object.leaks, the per-variable summary below;
 * Object.assigned; Node.call.stack_buf on the string conversions whose result stays in the frame;
 * Node.func_lit.stack_alloc on the closures that stay in the frame.
 *
 * The key idea is to classify how each value is used, walking expressions with a context:
 *   ESCAPE  the value may be stored (assigned, returned, put in a composite literal or an interface,
 *           captured, passed to an unknown callee): any address it carries may outlive the frame;
 *   SAFE    the value is only used transiently (dereferenced, compared, printed, passed to a
 *           parameter that does not leak).
 * Taking an address (&x, x.PtrMethod(), a[:] of an array) makes x's address flow with the context
 * of that site; x is boxed when it flows in ESCAPE context. Pointer and slice parameters get a
 * summary "leaks" (the parameter's value flows in ESCAPE context somewhere in the body), computed
 * for all functions together by iterating to a fixed point from "no parameter leaks" (monotone:
 * a leak needs an actual sink, so recursion alone never makes a parameter leak).
 *
 * Deliberately conservative: storing an address into any variable, even a local one, counts as an
 * escape, so aliases never need tracking; calls through func values leak all their arguments.
 *
 * A closure is an allocation too (esc_func_lit): its object stays in the frame when its value does
 * (called where it stands, kept in a local that is only called, passed to a parameter that does
 * not leak, deferred by a statement that runs once), and then so do the variables it captures; an
 * escaping closure moves them to heap cells. Values a closure body stores into a variable of an
 * enclosing function escape (gc: that variable outlives the closure's frame).
 *
 * One finer question is answered on the side: does the result of a string -> []byte/[]rune
 * conversion leave the frame? gc gives a conversion that does not (EscNone) a 32-element stack
 * buffer, which programs observe through cap() and append. Here a value stored in a local variable
 * is in context LOCAL, which counts as ESCAPE for boxing and for parameter summaries, but lets the
 * conversion use a stack buffer as long as that local's own value never leaks. Locals get the same
 * "leaks" summary as parameters (their value flows in ESCAPE context, or is captured by an escaping
 * closure; address-taken and result variables always leak), computed in the same fixed point
 * (Node.call.stack_buf).
 *
 * Allocation sites get the same question (gc's EscNone): new(T), &T{...}, a slice literal's
 * backing array and make([]T, constant) live in the frame (Node.composite.stack_alloc,
 * Node.call.stack_buf) when their value is used SAFE, or stored into a local that does not leak.
 * A value stored into a local flows to it: the source local leaks when the target does, and
 * reaches the target's loop depth. A frame slot is reused by each execution of its site, so an
 * allocation inside a loop whose value reaches a variable declared outside that loop (gc's
 * "outlives") goes to the heap; a label counts as a loop, for the gotos that may jump back to it.
 * Sizes follow gc: at most 64 KB (MaxImplicitStackVarSize), zero-sized objects stay with the runtime.
 */
#include "middle.h"

/* The contexts form a chain SAFE < LOCAL < ESCAPE (the enum order): a value in a higher context
 * may go further. Facts only ever grow (a variable starts not leaking and can only start leaking),
 * which is why iterating the whole package to a fixed point terminates. */
typedef enum EscCtx { SAFE, LOCAL, ESCAPE } EscCtx;

/* Object.assigned: the variable is assigned somewhere after its declaration. */
static void note_assigned(Node *lhs)
{
	while (lhs && lhs->kind == ND_PAREN)
		lhs = lhs->paren.x;
	if (lhs && lhs->kind == ND_IDENT && lhs->ident.obj)
		lhs->ident.obj->assigned = true;
}

static bool changed;      /* a leak was discovered during this iteration */
static bool final_pass;   /* box variables (only once the summaries are stable) */
static Object *store_target; /* the local that a value in context LOCAL is being stored into */
static int loop_depth;    /* loops around the walk's position (labels count as loops: esc_stmt) */
static Node *cur_lit;     /* the function literal whose body is being walked, or NULL */

static void esc_expr(Node *e, EscCtx c);
static void esc_addr(Node *e, EscCtx c);
static void esc_stmt(Node *s);
static void esc_func_lit(Node *e, EscCtx c);
static EscCtx param_leaks_recv(Object *m);

static Node *unparen(Node *e)
{
	return middle_unparen(e);
}

static bool is_local_var(Object *o)
{
	return middle_is_local_var(o);
}

static bool param_leaks(Object *p)
{
	return p->leaks;
}

static void mark_leak(Object *p)
{
	if (!p->leaks) {
		p->leaks = true;
		changed = true;
	}
}

/* ---- loop depth and allocation sites ---------------------------------------------------------- */

/* The smallest loop depth o's value may reach (0, the most conservative, until it is known). */
static int obj_depth(Object *o)
{
	return o->depth_known ? o->flow_depth : 0;
}

/* A local is declared at the walk's position: its value starts at this loop depth. Parameters and
 * results stay at 0; a := that redeclares a variable is in the block that declared it, so the first
 * declaration seen is the one that counts. */
static void esc_declare(Node *id)
{
	id = unparen(id);
	if (!id || id->kind != ND_IDENT || !id->ident.obj)
		return;
	Object *o = id->ident.obj;
	if (!is_local_var(o) || o->is_param || o->is_result || o->depth_known)
		return;
	o->depth_known = true;
	o->flow_depth = loop_depth;
}

/* Local o's value is stored into local t (context LOCAL): o's value reaches whatever t's does. */
static void esc_flow(Object *o, Object *t)
{
	if (t->leaks)
		mark_leak(o);
	if (o->depth_known && obj_depth(t) < o->flow_depth) {
		o->flow_depth = obj_depth(t);
		changed = true;
	}
}

/* May the memory made by an allocation whose result is used in context c live in this frame? Only
 * asked in the final pass. SAFE uses are transient; a LOCAL one is stored into store_target, which
 * must not leak nor carry the value to a variable of a shallower loop (a slot in the frame is
 * reused by every iteration, so a variable that outlives the iteration would see it change: gc's
 * "outlives" rule). */
static bool esc_stays(EscCtx c)
{
	if (c == SAFE)
		return true;
	return c == LOCAL && store_target && !store_target->leaks && obj_depth(store_target) >= loop_depth;
}

/* gc's MaxImplicitStackVarSize for new, &T{...}, literals and make; zero-sized objects stay with
 * the runtime, whose zero-size allocations share one address as gc's do. */
static bool esc_fits(int64_t size)
{
	return size > 0 && size <= MAX_STACK_VAR;
}

/* The length of a slice literal: one past the highest (explicit or implied) index. */
int64_t middle_slice_lit_len(Node *e)
{
	int64_t idx = 0, max = 0;
	Vec *elts = &e->composite.elts;
	for (int i = 0; i < elts->len; i++, idx++) {
		Node *el = elts->data[i];
		if (el->kind == ND_KEY_VALUE && (!el->key_value.key->cval ||
		                                 !const_to_int64(el->key_value.key->cval, &idx)))
			internal_error("non-constant index in composite literal");
		if (idx + 1 > max)
			max = idx + 1;
	}
	return max;
}

/* make([]T, len[, cap]) with a constant size: its byte size, else -1. */
static int64_t make_const_size(Node *call)
{
	Type *t = call->type ? type_underlying(call->type) : NULL;
	Vec *args = &call->call.args;
	if (!t || t->kind != TY_SLICE || args->len < 2)
		return -1;
	Node *n = args->data[args->len - 1];
	int64_t len;
	if (n->mode != MODE_CONST || !n->cval || !const_to_int64(n->cval, &len) || len < 0)
		return -1;
	int64_t es = type_size(t->array.elem);
	if (es > 0 && len > MAX_STACK_VAR / es)
		return MAX_STACK_VAR + 1;
	return es * len;
}

/* ---- callees --------------------------------------------------------------------------------- */

/* The parameter objects of a statically known callee, receiver first for methods. */
static Vec callee_params(Object *fn)
{
	Vec v = {0};
	if (fn->recv)
		vec_push(&v, fn->recv);
	for (int i = 0; i < fn->params.len; i++)
		vec_push(&v, fn->params.data[i]);
	return v;
}

/* Context for argument i of a call of fn (NULL: unknown callee). */
static EscCtx arg_ctx(Object *fn, Vec *params, int i)
{
	if (!fn || !middle_func_body(fn) || i >= params->len || !params->data[i])
		return ESCAPE;
	if (fn->type && type_underlying(fn->type)->func.variadic && i >= params->len - 1)
		return ESCAPE; /* packed into a heap slice */
	return param_leaks(params->data[i]) ? ESCAPE : SAFE;
}

static Object *static_callee(Node *call)
{
	Node *fun = unparen(call->call.fun);
	if (call->call.call_kind == CALL_METHOD && fun->kind == ND_SELECTOR && fun->selector.sel_kind == SEL_METHOD)
		return fun->selector.obj;
	if (call->call.call_kind != CALL_FUNC)
		return NULL;
	if (fun->kind == ND_IDENT && fun->ident.obj && fun->ident.obj->kind == OBJ_FUNC)
		return fun->ident.obj;
	if (fun->kind == ND_FUNC_LIT)
		return fun->func_lit.obj; /* func(...){...}(args) */
	if (fun->kind == ND_SELECTOR && fun->selector.obj && fun->selector.obj->kind == OBJ_FUNC)
		return fun->selector.obj;
	return NULL;
}

static bool method_ptr_recv(Object *m)
{
	Type *rt = m->recv ? m->recv->type : (m->type ? m->type->func.recv : NULL);
	return rt && type_underlying(rt)->kind == TY_POINTER;
}

/* Does the selector's path go through an embedded field of pointer type? Then the selected
 * address is derived from a pointer loaded from memory, not from x. (selector.indirect also counts
 * x itself being a pointer, which is a different case.) */
static bool path_through_pointer(Node *sel)
{
	Type *t = sel->selector.x->type;
	if (!t)
		return true;
	int n = sel->selector.path_len - (sel->selector.sel_kind == SEL_FIELD ? 1 : 0);
	for (int k = 0; k < n; k++) {
		Type *u = type_underlying(t);
		if (u->kind == TY_POINTER)
			u = type_underlying(u->pointer.elem);
		if (u->kind != TY_STRUCT)
			return true;
		t = u->strct.fields[sel->selector.path[k]]->type;
		if (type_underlying(t)->kind == TY_POINTER)
			return true;
	}
	return false;
}

/* The receiver x of x.M(...) for method m: its address is taken for a pointer receiver. */
static void esc_receiver(Node *sel, Object *m, EscCtx c)
{
	Node *x = sel->selector.x;
	if (!method_ptr_recv(m) || path_through_pointer(sel)) {
		/* a copy, or an address loaded from memory through an embedded pointer; a slice receiver's
		 * array is shared by the copy */
		Type *xu = x->type ? type_underlying(x->type) : NULL;
		bool shared = xu && (xu->kind == TY_SLICE || xu->kind == TY_INTERFACE);
		esc_expr(x, shared && !method_ptr_recv(m) ? c : SAFE);
		return;
	}
	if (x->type && type_underlying(x->type)->kind == TY_POINTER)
		esc_expr(x, c);
	else
		esc_addr(x, c);
}

/* The arguments of a call of fn (NULL: unknown), each in the context its parameter's summary
 * gives; `first` skips the receiver slot of a method's parameter list. */
static void esc_args(Node *call, Object *fn, int first)
{
	Vec params = fn ? callee_params(fn) : (Vec){0};
	Vec *args = &call->call.args;
	if (args->len == 1 && unparen(args->data[0])->type && unparen(args->data[0])->type->kind == TY_TUPLE) {
		esc_expr(args->data[0], SAFE); /* f(g()): g's results are not tracked */
		return;
	}
	for (int i = 0; i < args->len; i++)
		esc_expr(args->data[i], arg_ctx(fn, &params, first + i));
}

/* Most builtins only read their operands. append stores the appended values into the (possibly
 * shared) array and returns a slice aliasing its first operand; the rest (panic, whose argument
 * goes into an interface ...) leak their arguments. */
static void esc_builtin(Node *call, EscCtx c)
{
	Vec *args = &call->call.args;
	switch (call->call.builtin) {
	case BI_APPEND:
		/* the result aliases the first argument's array; appended values are stored */
		for (int i = 0; i < args->len; i++)
			esc_expr(args->data[i], i == 0 ? c : ESCAPE);
		return;
	case BI_NEW: case BI_MAKE: {
		Type *t = call->type ? type_underlying(call->type) : NULL;
		int64_t size = call->call.builtin == BI_MAKE ? make_const_size(call)
		               : t && t->kind == TY_POINTER ? type_size(t->pointer.elem) : -1;
		if (final_pass)
			call->call.stack_buf = esc_stays(c) && esc_fits(size);
		for (int i = 0; i < args->len; i++)
			esc_expr(args->data[i], SAFE);
		return;
	}
	case BI_LEN: case BI_CAP: case BI_COPY: case BI_PRINT: case BI_PRINTLN: case BI_COMPLEX: case BI_REAL: case BI_IMAG: case BI_DELETE: case BI_CLOSE:
		for (int i = 0; i < args->len; i++)
			esc_expr(args->data[i], SAFE);
		return;
	default:
		for (int i = 0; i < args->len; i++)
			esc_expr(args->data[i], ESCAPE);
		return;
	}
}

/* A call in context c (what is done with its result). Conversions pass an address through
 * (unsafe.Pointer(&x), []T(s)) unless they copy (string conversions) or box (to an interface);
 * static calls use the callee's parameter summaries; any other call leaks all its arguments. */
static void esc_call(Node *call, EscCtx c)
{
	Node *fun = unparen(call->call.fun);
	switch (call->call.call_kind) {
	case CALL_BUILTIN:
		esc_builtin(call, c);
		return;
	case CALL_CONVERSION: {
		Node *x = call->call.args.data[0];
		bool to_iface = call->type && type_underlying(call->type)->kind == TY_INTERFACE;
		Type *tu = call->type ? type_underlying(call->type) : NULL;
		Type *fu = x->type ? type_underlying(x->type) : NULL;
		bool copies = (tu && tu->kind == TY_STRING) || (fu && fu->kind == TY_STRING);
		if (final_pass)
			call->call.stack_buf = esc_stays(c);
		/* pointer/slice conversions keep the address; string conversions copy */
		esc_expr(x, to_iface ? ESCAPE : copies ? SAFE : c);
		return;
	}
	default:
		break;
	}
	Object *fn = static_callee(call);
	if (fn && call->call.call_kind == CALL_METHOD) {
		esc_receiver(fun, fn, param_leaks_recv(fn));
		esc_args(call, fn, 1);
		return;
	}
	if (fn) {
		if (fun->kind == ND_SELECTOR)
			esc_expr(fun->selector.x, SAFE); /* a method expression's type operand */
		if (fun->kind == ND_FUNC_LIT)
			esc_func_lit(fun, SAFE); /* called here: the closure is transient */
		esc_args(call, fn, 0);
		return;
	}
	if (call->call.call_kind == CALL_INTERFACE && fun->kind == ND_SELECTOR)
		esc_expr(fun->selector.x, ESCAPE); /* the dynamic method may keep its receiver */
	else
		esc_expr(call->call.fun, SAFE);
	esc_args(call, NULL, 0);
}

/* ---- expressions ----------------------------------------------------------------------------- */

/* A variable's value is used: a parameter whose value escapes (or is stored anywhere) leaks, a
 * local whose value escapes leaks (reading a local's value copies it, which never exposes the
 * local's own address). */
static void esc_ident(Node *e, EscCtx c)
{
	Object *o = e->ident.obj;
	if (c != SAFE && is_local_var(o) && (o->is_param || c == ESCAPE))
		mark_leak(o);
	else if (c == LOCAL && store_target && is_local_var(o))
		esc_flow(o, store_target);
}

/* Is o a variable of a function enclosing the literal being walked (one the literal captures)? */
static bool is_outer_var(Object *o)
{
	if (!cur_lit)
		return false;
	Vec *caps = &cur_lit->func_lit.captures;
	for (int i = 0; i < caps->len; i++)
		if (caps->data[i] == o)
			return true;
	return false;
}

/* A function literal whose closure value is used in context c. The closure object is an
 * allocation like &T{...}: it stays in the frame when the value does (called directly, or kept in
 * a local that is only called: gc's EscNone). Captures are by reference: the closure holds each
 * captured variable's address, so a closure that leaves the frame puts its variables in heap
 * cells and lets their values leak; one that stays leaves them in the frame, their values flowing
 * where the closure goes (gc's flowClosure). The body is another function: its loops count from
 * zero, and what it stores into a captured variable escapes (store_ctx; gc's "outlives" for a
 * location of an enclosing function). */
static void esc_func_lit(Node *e, EscCtx c)
{
	bool stays = esc_stays(c);
	if (final_pass)
		e->func_lit.stack_alloc = stays;
	Vec *caps = &e->func_lit.captures;
	for (int i = 0; i < caps->len; i++) {
		Object *o = caps->data[i];
		if (!stays) {
			mark_leak(o);
			if (final_pass)
				o->boxed = true;
		} else if (c == LOCAL && store_target && store_target != o) {
			esc_flow(o, store_target);
		}
	}
	Node *saved_lit = cur_lit;
	Object *saved_target = store_target;
	int saved_depth = loop_depth;
	cur_lit = e;
	store_target = NULL;
	loop_depth = 0;
	esc_stmt(e->func_lit.body);
	cur_lit = saved_lit;
	store_target = saved_target;
	loop_depth = saved_depth;
}

/* A composite literal's elements are stored (into a heap object or a variable): they escape. A
 * slice literal's backing array is an allocation whose address is the literal's value (context c). */
static void esc_composite(Node *e, EscCtx c)
{
	Type *t = e->type ? type_underlying(e->type) : NULL;
	if (final_pass && t && t->kind == TY_SLICE && !e->composite.implicit_addr) {
		int64_t n = middle_slice_lit_len(e), es = type_size(t->array.elem);
		bool fits = n > 0 && (es == 0 || n <= MAX_STACK_VAR / es) && esc_fits(n * es);
		e->composite.stack_alloc = esc_stays(c) && fits;
	}
	for (int i = 0; i < e->composite.elts.len; i++) {
		Node *el = e->composite.elts.data[i];
		if (el->kind == ND_KEY_VALUE) {
			if (t && t->kind == TY_MAP)
				esc_expr(el->key_value.key, ESCAPE); /* stored in the map */
			else if (!(t && t->kind == TY_STRUCT))
				esc_expr(el->key_value.key, SAFE); /* an index */
			esc_expr(el->key_value.value, ESCAPE);
		} else {
			esc_expr(el, ESCAPE);
		}
	}
}

static void esc_selector(Node *e, EscCtx c)
{
	switch (e->selector.sel_kind) {
	case SEL_FIELD:
		esc_addr(e, SAFE); /* reading a field: the base is only dereferenced */
		return;
	case SEL_METHOD_VALUE:
		if (e->selector.obj)
			esc_receiver(e, e->selector.obj, ESCAPE);
		return;
	default:
		esc_expr(e->selector.x, SAFE); /* an interface method's operand */
		return;
	}
}

/* The value of e is used in context c. Only what an address can flow through matters: a
 * variable's value, &x, slicing an array, a field or element of something addressed, calls. */
static void esc_expr(Node *e, EscCtx c)
{
	if (!e)
		return;
	if (e->mode == MODE_CONST || e->mode == MODE_TYPE)
		return;
	switch (e->kind) {
	case ND_IDENT: esc_ident(e, c); return;
	case ND_PAREN: esc_expr(e->paren.x, c); return;
	case ND_FUNC_LIT: esc_func_lit(e, c); return;
	case ND_COMPOSITE_LIT: esc_composite(e, c); return;
	case ND_SELECTOR: esc_selector(e, c); return;
	case ND_INDEX:
		if (e->index.x->type && type_underlying(e->index.x->type)->kind == TY_MAP) {
			esc_expr(e->index.x, SAFE);
			for (int i = 0; i < e->index.indices.len; i++)
				esc_expr(e->index.indices.data[i], ESCAPE);
			return;
		}
		esc_addr(e, SAFE); /* reading an element */
		return;
	case ND_SLICE: {
		Node *x = e->slice.x;
		Type *xt = x->type ? type_underlying(x->type) : NULL;
		if (xt && xt->kind == TY_ARRAY)
			esc_addr(x, c); /* the slice aliases the array */
		else
			esc_expr(x, c);
		esc_expr(e->slice.lo, SAFE);
		esc_expr(e->slice.hi, SAFE);
		esc_expr(e->slice.max, SAFE);
		return;
	}
	case ND_STAR: esc_expr(e->star.x, SAFE); return;
	case ND_UNARY:
		if (e->unary.op == TOK_AND)
			esc_addr(e->unary.x, c);
		else
			esc_expr(e->unary.x, SAFE);
		return;
	case ND_BINARY: esc_expr(e->binary.x, SAFE); esc_expr(e->binary.y, SAFE); return;
	case ND_CALL: esc_call(e, c); return;
	case ND_TYPE_ASSERT: esc_expr(e->type_assert.x, ESCAPE); return;
	case ND_KEY_VALUE: esc_expr(e->key_value.key, ESCAPE); esc_expr(e->key_value.value, ESCAPE); return;
	default: return;
	}
}

/* The address of e is used in context c. For a variable this is where boxing happens: its address
 * flowing anywhere but SAFE boxes it. &x.f and &a[i] are addresses inside x or a (for a struct or
 * array variable), or inside the pointee/backing array (through a pointer or slice), which then
 * flows the pointer's own value. */
static void esc_addr(Node *e, EscCtx c)
{
	if (!e)
		return;
	switch (e->kind) {
	case ND_PAREN:
		esc_addr(e->paren.x, c);
		return;
	case ND_IDENT: {
		Object *o = e->ident.obj;
		if (c != SAFE && is_local_var(o) && final_pass)
			o->boxed = true;
		return;
	}
	case ND_SELECTOR: {
		Node *x = e->selector.x;
		if (e->selector.sel_kind != SEL_FIELD) {
			esc_expr(e, c);
			return;
		}
		if (path_through_pointer(e))
			esc_expr(x, SAFE); /* derived from a pointer loaded from memory */
		else if (x->type && type_underlying(x->type)->kind == TY_POINTER)
			esc_expr(x, c);
		else
			esc_addr(x, c);
		return;
	}
	case ND_INDEX: {
		Node *x = e->index.x;
		Type *xt = x->type ? type_underlying(x->type) : NULL;
		bool is_map = xt && xt->kind == TY_MAP; /* m[k] = v stores the key in the map */
		for (int i = 0; i < e->index.indices.len; i++)
			esc_expr(e->index.indices.data[i], is_map ? ESCAPE : SAFE);
		if (xt && xt->kind == TY_ARRAY)
			esc_addr(x, c);
		else if (xt && (xt->kind == TY_POINTER || xt->kind == TY_SLICE))
			esc_expr(x, c); /* the element aliases the pointee / the slice's array */
		else
			esc_expr(x, SAFE);
		return;
	}
	case ND_STAR:
		esc_expr(e->star.x, c);
		return;
	case ND_COMPOSITE_LIT: /* &T{...}: a new object, in the frame when its address stays here */
		if (final_pass)
			e->composite.stack_alloc = esc_stays(c) && e->type && esc_fits(type_size(e->type));
		esc_composite(e, c); /* &[]T{...}: the backing array goes where the object goes */
		return;
	default:
		esc_expr(e, SAFE); /* a temporary */
		return;
	}
}

/* ---- statements ------------------------------------------------------------------------------ */

static bool is_blank(Node *e)
{
	e = unparen(e);
	return e && e->kind == ND_IDENT && e->ident.name == intern("_", 1);
}

static void esc_vec_stmts(Vec *v)
{
	for (int i = 0; i < v->len; i++)
		esc_stmt(v->data[i]);
}

/* The context of a value stored into lhs: LOCAL for a local variable whose value stays in the
 * frame (see the file comment), ESCAPE for anything else. */
static EscCtx store_ctx(Node *lhs)
{
	lhs = unparen(lhs);
	if (!lhs || lhs->kind != ND_IDENT)
		return ESCAPE;
	Object *o = lhs->ident.obj;
	if (!is_local_var(o) || is_outer_var(o) || o->addr_taken || o->is_result || param_leaks(o))
		return ESCAPE;
	return LOCAL;
}

/* rhs is stored into lhs: store_target tells LOCAL uses where. */
static void esc_store(Node *lhs, Node *rhs)
{
	EscCtx c = store_ctx(lhs);
	Object *saved = store_target;
	store_target = c == LOCAL ? unparen(lhs)->ident.obj : NULL;
	esc_expr(rhs, c);
	store_target = saved;
}

/* Assignments: the left operands' addresses are only stored through (SAFE); each value is stored
 * into its left operand (store_ctx). Op-assignments and stores to _ only read the value; values
 * of a multi-value call are not tracked (they are stored, ESCAPE). */
static void esc_assign(Node *s)
{
	bool op_assign = s->assign.tok != TOK_ASSIGN && s->assign.tok != TOK_DEFINE;
	for (int i = 0; i < s->assign.lhs.len; i++) {
		Node *l = s->assign.lhs.data[i];
		note_assigned(l); /* := may redeclare */
		if (s->assign.tok == TOK_DEFINE)
			esc_declare(l);
		if (s->assign.tok != TOK_DEFINE && !is_blank(l))
			esc_addr(l, SAFE);
	}
	for (int i = 0; i < s->assign.rhs.len; i++) {
		Node *l = i < s->assign.lhs.len ? s->assign.lhs.data[i] : NULL;
		bool discard = s->assign.rhs.len == s->assign.lhs.len && l && is_blank(l);
		if (op_assign || discard)
			esc_expr(s->assign.rhs.data[i], SAFE);
		else if (s->assign.rhs.len == s->assign.lhs.len)
			esc_store(l, s->assign.rhs.data[i]);
		else
			esc_expr(s->assign.rhs.data[i], ESCAPE);
	}
}

static void esc_value_spec(Node *spec)
{
	Vec *names = &spec->value_spec.names, *values = &spec->value_spec.values;
	for (int i = 0; i < names->len; i++)
		esc_declare(names->data[i]);
	for (int i = 0; i < values->len; i++) {
		if (names->len == values->len)
			esc_store(names->data[i], values->data[i]);
		else
			esc_expr(values->data[i], ESCAPE);
	}
}

/* Walks a statement, giving each expression the context of its use. */
static void esc_stmt(Node *s)
{
	if (!s)
		return;
	switch (s->kind) {
	case ND_BLOCK: esc_vec_stmts(&s->block.stmts); return;
	case ND_EXPR_STMT: esc_expr(s->expr_stmt.x, SAFE); return;
	case ND_DECL_STMT: {
		Node *d = s->decl_stmt.decl;
		if (d->gen_decl.tok == TOK_VAR)
			for (int i = 0; i < d->gen_decl.specs.len; i++)
				esc_value_spec(d->gen_decl.specs.data[i]);
		return;
	}
	case ND_ASSIGN_STMT: esc_assign(s); return;
	case ND_INCDEC_STMT: note_assigned(s->incdec.x); esc_addr(s->incdec.x, SAFE); return;
	case ND_RETURN_STMT:
		for (int i = 0; i < s->return_stmt.results.len; i++)
			esc_expr(s->return_stmt.results.data[i], ESCAPE);
		return;
	case ND_LABELED_STMT:
		/* a goto may jump back to a label: what follows, to the end of the function, counts as one
		 * loop deeper (gc's looping labels; never decremented, which is only more conservative) */
		loop_depth++;
		esc_stmt(s->labeled.stmt);
		return;
	case ND_IF_STMT:
		esc_stmt(s->if_stmt.init);
		esc_expr(s->if_stmt.cond, SAFE);
		esc_stmt(s->if_stmt.then);
		esc_stmt(s->if_stmt.els);
		return;
	case ND_FOR_STMT:
		esc_stmt(s->for_stmt.init); /* go1.19: one variable for all iterations */
		loop_depth++;
		esc_expr(s->for_stmt.cond, SAFE);
		esc_stmt(s->for_stmt.post);
		esc_stmt(s->for_stmt.body);
		loop_depth--;
		return;
	case ND_RANGE_STMT:
		note_assigned(s->range_stmt.key);
		note_assigned(s->range_stmt.value);
		if (s->range_stmt.tok == TOK_DEFINE) { /* go1.19: one variable for all iterations */
			esc_declare(s->range_stmt.key);
			esc_declare(s->range_stmt.value);
		}
		if (s->range_stmt.tok == TOK_ASSIGN) {
			if (s->range_stmt.key && !is_blank(s->range_stmt.key))
				esc_addr(s->range_stmt.key, SAFE);
			if (s->range_stmt.value && !is_blank(s->range_stmt.value))
				esc_addr(s->range_stmt.value, SAFE);
		}
		esc_expr(s->range_stmt.x, SAFE);
		loop_depth++;
		esc_stmt(s->range_stmt.body);
		loop_depth--;
		return;
	case ND_SWITCH_STMT:
		esc_stmt(s->switch_stmt.init);
		esc_expr(s->switch_stmt.tag, SAFE);
		esc_stmt(s->switch_stmt.body);
		return;
	case ND_CASE_CLAUSE:
		for (int i = 0; i < s->case_clause.list.len; i++)
			esc_expr(s->case_clause.list.data[i], SAFE);
		esc_vec_stmts(&s->case_clause.body);
		return;
	case ND_TYPE_SWITCH_STMT:
		esc_stmt(s->type_switch.init);
		esc_stmt(s->type_switch.assign);
		esc_stmt(s->type_switch.body);
		return;
	case ND_SELECT_STMT: esc_stmt(s->select_stmt.body); return;
	case ND_COMM_CLAUSE: esc_stmt(s->comm_clause.comm); esc_vec_stmts(&s->comm_clause.body); return;
	case ND_SEND_STMT: esc_expr(s->send.chan, SAFE); esc_expr(s->send.value, ESCAPE); return;
	case ND_GO_STMT: case ND_DEFER_STMT: {
		/* the call runs later: everything it receives is stored */
		Node *call = s->go_defer.call;
		/* a literal deferred by a statement that runs at most once (no loop or label around it)
		 * is called before the frame goes: its closure stays (gc: top-level defers do not escape) */
		bool once = s->kind == ND_DEFER_STMT && loop_depth == 0;
		esc_expr(call->call.fun, once && unparen(call->call.fun)->kind == ND_FUNC_LIT ? SAFE : ESCAPE);
		for (int i = 0; i < call->call.args.len; i++)
			esc_expr(call->call.args.data[i], ESCAPE);
		Node *fun = unparen(call->call.fun);
		if (fun->kind == ND_SELECTOR && fun->selector.sel_kind == SEL_METHOD && fun->selector.obj)
			esc_receiver(fun, fun->selector.obj, ESCAPE);
		return;
	}
	default:
		return;
	}
}

/* ---- the driver ------------------------------------------------------------------------------ */

static EscCtx param_leaks_recv(Object *m)
{
	if (!m->body)
		return ESCAPE;
	return m->recv && param_leaks(m->recv) ? ESCAPE : SAFE;
}


/* One pass over every function body and package initializer. Function literals are reached
 * through their enclosing bodies (esc_func_lit). */
static void esc_package_once(Package *pkg)
{
	for (int i = 0; i < pkg->funcs.len; i++) {
		Object *fn = pkg->funcs.data[i];
		loop_depth = 0;
		esc_stmt(middle_func_body(fn));
	}
	for (int i = 0; i < pkg->var_inits.len; i++) {
		Initializer *in = pkg->var_inits.data[i];
		loop_depth = 0;
		esc_expr(in->rhs, ESCAPE);
	}
}

/* Computes the parameter summaries, then boxes the variables that need heap cells. Boxing is done
 * only in the last pass, when the summaries are final: a variable passed to a parameter found to
 * leak in a later round must be boxed too. */
void middle_escape(Package *pkg)
{
	int rounds = 0;
	do {
		changed = false;
		esc_package_once(pkg);
		if (++rounds > 100)
			internal_error("escape analysis does not converge");
	} while (changed);
	final_pass = true;
	esc_package_once(pkg);
}

/* Does local o live in a heap cell? Captured by an escaping closure or address escaping
 * (Object.boxed), or too large. */
bool middle_needs_cell(Object *o)
{
	return o->boxed || type_size(o->type) > MAX_STACK_VAR;
}

/* Is o a local pointer declared without a value (`var p *T`) and never assigned, captured or
 * address-taken, so that gc's SSA sees it as the constant nil? */
bool middle_is_const_nil(Object *o)
{
	if (!is_local_var(o) || o->is_param || o->is_result || o->captured || o->addr_taken ||
	    !o->type || type_underlying(o->type)->kind != TY_POINTER)
		return false;
	Node *d = o->decl;
	return d && d->kind == ND_VALUE_SPEC && d->value_spec.values.len == 0 && !o->assigned;
}
