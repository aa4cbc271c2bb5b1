/*
 * lower_stmt.c: statements and control flow.
 *
 * In: checked statements of the function being built (L.fn). Out: basic blocks. Each construct
 * becomes the textbook block shape (if: then/else/end; for: cond/body/post/end; switch: a chain of
 * tests then bodies, so fallthrough is a branch to the next body). break/continue find their blocks
 * through the Target stack (matched by the checker's branch.target, or innermost when unset), goto
 * through labels created on first mention. After a terminator, lowering continues in a fresh block
 * without predecessors, which LLVM deletes: dead code needs no special case.
 *
 * Assignment follows the spec's two phases: first the index/pointer operands on the left and all
 * values on the right, then the stores left to right; aggregate values are copied to temporaries
 * when there are several, so `a, b = b, a` swaps structs correctly. Within each statement, calls
 * and the like run first, in gc's order (lower_hoist, lower_order.c).
 */
#include "lower.h"

#include <string.h>

static Node *unparen(Node *e)
{
	while (e && e->kind == ND_PAREN)
		e = e->paren.x;
	return e;
}

bool lower_is_blank(Node *e)
{
	e = unparen(e);
	return e->kind == ND_IDENT && e->ident.name == intern("_", 1);
}

/* ---- branch targets -------------------------------------------------------------------------- */

/* A loop or switch in progress: where `break` (brk) and `continue` (cont, NULL for a switch) go.
 * Labeled statements are pushed twice, once under the loop and once under its ND_LABELED_STMT, so
 * both `break` and `break L` find them. */
static Target *push_target(Node *stmt, LLVMBasicBlockRef brk, LLVMBasicBlockRef cont)
{
	Target *t = xnew(Target);
	t->stmt = stmt;
	t->brk = brk;
	t->cont = cont;
	vec_push(&L.fn->targets, t);
	return t;
}

static void pop_target(void)
{
	vec_pop(&L.fn->targets);
}

/* The label wrapping the statement about to be lowered (set by lower_labeled), consumed. */
Node *lower_take_label(void)
{
	Node *label = L.fn->current_label;
	L.fn->current_label = NULL;
	return label;
}

void lower_push_targets(Node *stmt, Node *label, LLVMBasicBlockRef brk, LLVMBasicBlockRef cont)
{
	push_target(stmt, brk, cont);
	if (label)
		push_target(label, brk, cont);
}

void lower_pop_targets(Node *label)
{
	if (label)
		pop_target();
	pop_target();
}

/* The block a label starts, created on first mention: a forward `goto L` reaches it before
 * lower_labeled does. L.fn->labels holds (ND_LABELED_STMT, block) pairs. */
static LLVMBasicBlockRef label_block(Node *labeled)
{
	Vec *v = &L.fn->labels;
	for (int i = 0; i + 1 < v->len; i += 2)
		if (v->data[i] == labeled)
			return v->data[i + 1];
	LLVMBasicBlockRef bb = lower_block(labeled->labeled.label->ident.name);
	vec_push(v, labeled);
	vec_push(v, bb);
	return bb;
}

/* The innermost enclosing Target that a break/continue refers to: the checker's resolved target
 * when it recorded one, else by label name, else the innermost loop (for continue) or loop or
 * switch (for break). */
static Target *find_target(Node *br)
{
	Vec *v = &L.fn->targets;
	Node *target = br->branch.target;
	const char *label = br->branch.label ? br->branch.label->ident.name : NULL;
	for (int i = v->len - 1; i >= 0; i--) {
		Target *t = v->data[i];
		Node *s = t->stmt;
		if (target) {
			if (s == target || (target->kind == ND_LABELED_STMT && s == target->labeled.stmt))
				return t;
		} else if (label) {
			/* labeled loops and switches are also registered under their ND_LABELED_STMT */
			if (s->kind == ND_LABELED_STMT && s->labeled.label->ident.name == label)
				return t;
		} else if (s->kind != ND_LABELED_STMT && (br->branch.tok != TOK_CONTINUE || t->cont)) {
			return t;
		}
	}
	internal_error("no target for %s", br->branch.tok == TOK_BREAK ? "break" : "continue");
}

/* ---- assignment ------------------------------------------------------------------------------ */

/* Stores v (of type vt) into the operand `lhs` whose address was computed as `addr`. */
void lower_store_to(Node *lhs, LLVMValueRef addr, LLVMValueRef v, Type *vt)
{
	if (!addr)
		return; /* blank */
	Type *t = lower_type_of(lhs);
	if (vt && t && !type_identical(vt, t) && type_underlying(t)->kind == TY_INTERFACE)
		v = lower_convert_value(v, vt, t, lhs);
	lower_store(t, addr, v);
}

/* The address of an assignment's left operand (store: only stored, not first loaded). */
static LLVMValueRef lhs_addr(Node *lhs, bool store)
{
	if (lower_is_blank(lhs))
		return NULL;
	Node *x = unparen(lhs);
	if (x->kind == ND_INDEX && type_underlying(lower_type_of(x->index.x))->kind == TY_MAP)
		internal_error("map element m[k] has no address"); /* assignments go through MapRef */
	return lower_access_addr(lhs, store);
}

/* Values of the right-hand side, converted to the left-hand types. */
static int rhs_values(Vec *lhs, Vec *rhs, LLVMValueRef *vals, Type **types)
{
	if (rhs->len == 1 && lhs->len > 1)
		return lower_multi_value(rhs->data[0], vals, types);
	for (int i = 0; i < rhs->len; i++) {
		Node *l = lhs->data[i], *r = rhs->data[i];
		Type *t = lower_is_blank(l) ? (type_is_untyped(lower_type_of(r)) ? type_default(lower_type_of(r)) : lower_type_of(r)) : lower_type_of(l);
		if (!t && l->kind == ND_IDENT && l->ident.obj)
			t = lower_obj_type(l->ident.obj);
		vals[i] = lower_expr_as(r, t);
		types[i] = t;
		if (rhs->len > 1 && type_is_aggregate(t))
			vals[i] = lower_copy_to_temp(t, vals[i]);
	}
	return rhs->len;
}

/* Is obj a new variable of this := (rather than one it redeclares)? A redeclared variable was
 * declared earlier in the same scope, so it is already in the function's variable map. */
static bool defines(Node *stmt, Object *obj)
{
	if (!obj || obj->kind != OBJ_VAR)
		return false;
	return obj->decl == stmt || !varmap_get(&L.fn->vars, obj);
}

/* x, y := e1, e2. The values are all computed first (rhs_values), then each new variable is
 * declared and every variable stored, so `a, b := b, a` (a redeclared) sees the old values. */
static void lower_define(Node *s)
{
	Vec *lhs = &s->assign.lhs;
	for (int i = 0; i < s->assign.rhs.len; i++)
		lower_hoist(s->assign.rhs.data[i]);
	LLVMValueRef *vals = lower_value_array(lhs->len);
	Type **types = lower_type_array(lhs->len);
	int n = rhs_values(lhs, &s->assign.rhs, vals, types);
	for (int i = 0; i < lhs->len && i < n; i++) {
		Node *l = lhs->data[i];
		if (lower_is_blank(l))
			continue;
		Object *obj = l->ident.obj;
		if (defines(s, obj))
			lower_declare_local(obj);
		LLVMValueRef v = lower_convert_value(vals[i], types[i], lower_obj_type(obj), l);
		lower_store(lower_obj_type(obj), lower_var_addr(obj), v);
	}
}

/* x op= y: the operand x is evaluated once (its address), then loaded, combined and stored:
 *     %p = <address of x>;  %x = load %p;  %v = op %x, y;  store %v, %p
 * Shifts keep their count's own type (x <<= n does not convert n to x's type). */
static void lower_assign_op(Node *s)
{
	Node *l = s->assign.lhs.data[0], *r = s->assign.rhs.data[0];
	TokenKind op;
	switch (s->assign.tok) {
	case TOK_ADD_ASSIGN: op = TOK_ADD; break;
	case TOK_SUB_ASSIGN: op = TOK_SUB; break;
	case TOK_MUL_ASSIGN: op = TOK_MUL; break;
	case TOK_QUO_ASSIGN: op = TOK_QUO; break;
	case TOK_REM_ASSIGN: op = TOK_REM; break;
	case TOK_AND_ASSIGN: op = TOK_AND; break;
	case TOK_OR_ASSIGN: op = TOK_OR; break;
	case TOK_XOR_ASSIGN: op = TOK_XOR; break;
	case TOK_SHL_ASSIGN: op = TOK_SHL; break;
	case TOK_SHR_ASSIGN: op = TOK_SHR; break;
	case TOK_AND_NOT_ASSIGN: op = TOK_AND_NOT; break;
	default: internal_error("assignment operator %d", s->assign.tok);
	}
	lower_hoist(l);
	lower_hoist(r);
	MapRef *mr = lower_map_ref(l); /* m[k] op= v: mapaccess1, op, then mapassign (lower_map.c) */
	LLVMValueRef addr = mr ? NULL : lhs_addr(l, false);
	if (!addr && !mr)
		return;
	Type *t = lower_type_of(l);
	LLVMValueRef x = mr ? lower_map_ref_load(mr) : lower_load(t, addr);
	LLVMValueRef v;
	if (op == TOK_SHL || op == TOK_SHR) {
		Type *st = lower_shift_count_type(r);
		LLVMValueRef c = r->mode == MODE_CONST ? lower_const(r->cval, st) : lower_expr(r);
		v = lower_shift(op, t, x, c, st);
	} else {
		LLVMValueRef y = lower_expr_as(r, t);
		v = lower_binary_values(op, t, x, y);
	}
	lower_store(t, mr ? lower_map_ref_assign(mr) : addr, v);
}

/* Phase 1 for an operand of a tuple assignment: the operands of its index expression or pointer
 * indirection are evaluated now (kept as hoisted values, which phase 2's address computation
 * finds), while the nil and bounds checks wait for its store, as in gc: `m[k], *p = 1, 2` with
 * p nil assigns m[k] before it panics (test/fixedbugs/issue23017.go). */
static void lhs_operand(Node *op)
{
	if (op->mode != MODE_CONST && !lower_hoisted(op))
		varmap_put(&L.fn->hoisted, op, lower_expr(op));
}

static void lhs_operands(Node *lhs)
{
	Node *x = unparen(lhs);
	switch (x->kind) {
	case ND_STAR:
		lhs_operand(x->star.x);
		return;
	case ND_INDEX: {
		TypeKind k = type_underlying(lower_type_of(x->index.x))->kind;
		if (k == TY_SLICE || k == TY_POINTER)
			lhs_operand(x->index.x);
		else
			lhs_operands(x->index.x); /* an array: its own operands (a[i][j], p.arr[j]) */
		lhs_operand(x->index.indices.data[0]);
		return;
	}
	case ND_SELECTOR:
		if (x->selector.sel_kind != SEL_FIELD)
			return;
		if (type_underlying(lower_type_of(x->selector.x))->kind == TY_POINTER)
			lhs_operand(x->selector.x);
		else
			lhs_operands(x->selector.x); /* a struct: p.x.y indirects p */
		return;
	default:
		return;
	}
}

/* a, b[i], *p = e1, e2, e3 (spec "Assignments"): phase 1 evaluates the index expressions and
 * pointer indirections on the left and the operands on the right (calls first, lower_order.c);
 * phase 2 stores left to right. Computing every address before any value is stored is what makes
 * `i, a[i] = 1, 2` index with the old i. */
static void lower_assign(Node *s)
{
	if (s->assign.tok == TOK_DEFINE) {
		lower_define(s);
		return;
	}
	if (s->assign.tok != TOK_ASSIGN) {
		lower_assign_op(s);
		return;
	}
	Vec *lhs = &s->assign.lhs;
	LLVMValueRef *addrs = lower_value_array(lhs->len), *vals = lower_value_array(lhs->len);
	Type **types = lower_type_array(lhs->len);
	MapRef **maprefs = xalloc(sizeof(MapRef *) * (size_t)lhs->len); /* m[k] targets */
	for (int i = 0; i < lhs->len; i++)
		if (!lower_is_blank(lhs->data[i]))
			lower_hoist(lhs->data[i]);
	for (int i = 0; i < s->assign.rhs.len; i++)
		lower_hoist(s->assign.rhs.data[i]);
	bool tuple = lhs->len > 1;
	for (int i = 0; i < lhs->len; i++) {
		if ((maprefs[i] = lower_map_ref(lhs->data[i])))
			continue;
		if (tuple)
			lhs_operands(lhs->data[i]);
		else
			addrs[i] = lhs_addr(lhs->data[i], true);
	}
	int n = rhs_values(lhs, &s->assign.rhs, vals, types);
	for (int i = 0; i < lhs->len && i < n; i++) {
		Node *l = lhs->data[i];
		if (tuple && !maprefs[i])
			addrs[i] = lhs_addr(l, true); /* with the operands of phase 1: checks only now */
		if (!addrs[i] && !maprefs[i])
			continue;
		LLVMValueRef v = lower_convert_value(vals[i], types[i], lower_type_of(l), l);
		lower_store(lower_type_of(l), maprefs[i] ? lower_map_ref_assign(maprefs[i]) : addrs[i], v);
	}
}

/* Stores already evaluated values into lhs operands (used by range). */
void lower_assign_values(Vec *lhs, LLVMValueRef *vals, Type **types, int n)
{
	for (int i = 0; i < n && i < lhs->len; i++) {
		Node *l = lhs->data[i];
		if (!l || lower_is_blank(l))
			continue;
		LLVMValueRef addr = lower_access_addr(l, true);
		lower_store(lower_type_of(l), addr, lower_convert_value(vals[i], types[i], lower_type_of(l), l));
	}
}

/* x++ / x--: like x += 1, with the constant 1 of x's type (1+0i for complex). */
static void lower_incdec(Node *s)
{
	Node *x = s->incdec.x;
	lower_hoist(x);
	MapRef *mr = lower_map_ref(x);
	LLVMValueRef addr = mr ? NULL : lower_access_addr(x, false);
	Type *t = lower_type_of(x), *u = type_underlying(t);
	LLVMValueRef v = mr ? lower_map_ref_load(mr) : lower_load(t, addr);
	LLVMValueRef one;
	if (type_is_float(u))
		one = LLVMConstReal(lower_type(t), 1.0);
	else if (type_is_complex(u)) {
		LLVMTypeRef et = u->kind == TY_COMPLEX64 ? L.t_f32 : L.t_f64;
		LLVMValueRef parts[2] = {LLVMConstReal(et, 1.0), LLVMConstReal(et, 0.0)};
		one = LLVMConstStructInContext(L.ctx, parts, 2, false);
	} else
		one = LLVMConstInt(lower_type(t), 1, false);
	v = lower_binary_values(s->incdec.tok == TOK_INC ? TOK_ADD : TOK_SUB, t, v, one);
	lower_store(t, mr ? lower_map_ref_assign(mr) : addr, v);
}

/* ---- declarations ---------------------------------------------------------------------------- */

/* var a, b T = e1, e2 inside a function: values first, then each variable is declared and stored.
 * Without values the variables are just declared (zeroed). */
static void lower_var_spec(Node *spec)
{
	Vec *names = &spec->value_spec.names;
	Vec *values = &spec->value_spec.values;
	if (values->len == 0) {
		for (int i = 0; i < names->len; i++) {
			Node *id = names->data[i];
			if (!lower_is_blank(id))
				lower_declare_local(id->ident.obj);
		}
		return;
	}
	LLVMValueRef *vals = lower_value_array(names->len);
	Type **types = lower_type_array(names->len);
	for (int i = 0; i < values->len; i++)
		lower_hoist(values->data[i]);
	int n = rhs_values(names, values, vals, types);
	for (int i = 0; i < names->len && i < n; i++) {
		Node *id = names->data[i];
		if (lower_is_blank(id))
			continue;
		Object *obj = id->ident.obj;
		lower_declare_local(obj);
		lower_store(lower_obj_type(obj), lower_var_addr(obj), lower_convert_value(vals[i], types[i], lower_obj_type(obj), id));
	}
}

static void lower_decl_stmt(Node *s)
{
	Node *d = s->decl_stmt.decl;
	if (d->gen_decl.tok != TOK_VAR)
		return; /* const and type declarations generate no code */
	for (int i = 0; i < d->gen_decl.specs.len; i++)
		lower_var_spec(d->gen_decl.specs.data[i]);
}

/* ---- return ---------------------------------------------------------------------------------- */

/* Returns vals (one per Go result) following the calling convention: aggregate results are
 * stored through the caller's out pointers, the others form the return value:
 *     ret void | ret T %v | %r0 = insertvalue {T0, T1} undef, %v0, 0 ... ret {T0, T1} %r1 */
static void build_return(LLVMValueRef *vals)
{
	Sig *sig = L.fn->sig;
	LLVMValueRef ret = NULL;
	if (sig->nret > 1)
		ret = LLVMGetUndef(sig->ret);
	for (int i = 0; i < sig->nresults; i++) {
		Type *t = sig->results[i];
		if (sig->result_indirect[i]) {
			LLVMValueRef out = LLVMGetParam(L.fn->fn, (unsigned)sig->result_index[i]);
			lower_store(t, out, vals[i]);
		} else if (sig->nret == 1) {
			ret = vals[i];
		} else {
			ret = LLVMBuildInsertValue(L.b, ret, vals[i], (unsigned)sig->result_index[i], "");
		}
	}
	if (sig->nret == 0)
		LLVMBuildRetVoid(L.b);
	else
		LLVMBuildRet(L.b, ret);
}

/* return; return e1, e2; return f() (f with several results). A bare return in a function with
 * named results returns their current values. */
static void lower_return(Node *s)
{
	Sig *sig = L.fn->sig;
	Vec *res = &s->return_stmt.results;
	LLVMValueRef *vals = lower_value_array(sig->nresults);
	Type **types = lower_type_array(sig->nresults);
	for (int i = 0; i < res->len; i++)
		lower_hoist(res->data[i]);
	if (res->len == 0) {
		for (int i = 0; i < sig->nresults; i++)
			vals[i] = lower_load(sig->results[i], L.fn->result_addrs[i]);
	} else if (res->len == 1 && sig->nresults > 1) {
		int n = lower_multi_value(res->data[0], vals, types);
		for (int i = 0; i < n; i++)
			vals[i] = lower_convert_value(vals[i], types[i], sig->results[i], s);
	} else {
		for (int i = 0; i < res->len; i++)
			vals[i] = lower_expr_as(res->data[i], sig->results[i]);
	}
	lower_set_pos(s->pos);
	if (L.fn->defer_frame) {
		/* deferred calls run after the results are set and may change named ones */
		for (int i = 0; i < sig->nresults && res->len; i++)
			lower_store(sig->results[i], L.fn->result_addrs[i], vals[i]);
		lower_defer_return();
		lower_return_results();
	} else {
		build_return(vals);
	}
	lower_dead_block();
}

/* Returns the current values of the result variables (a deferring function's returns). */
void lower_return_results(void)
{
	Sig *sig = L.fn->sig;
	LLVMValueRef *vals = lower_value_array(sig->nresults);
	for (int i = 0; i < sig->nresults; i++)
		vals[i] = lower_load(sig->results[i], L.fn->result_addrs[i]);
	build_return(vals);
}

/* ---- if, for, switch ------------------------------------------------------------------------- */

/* if init; cond { then } else { els }:
 *     <init>; br cond, %if.then, %if.else
 *   if.then: ... br %if.end      if.else: ... br %if.end      if.end:
 * lower_cond_br branches on && and || directly, without materializing an i1. */
static void lower_if(Node *s)
{
	if (s->if_stmt.init)
		lower_stmt(s->if_stmt.init);
	LLVMBasicBlockRef then = lower_block("if.then");
	LLVMBasicBlockRef els = s->if_stmt.els ? lower_block("if.else") : NULL;
	LLVMBasicBlockRef end = lower_block("if.end");
	lower_cond_br(s->if_stmt.cond, then, els ? els : end);
	lower_position_at_end(then);
	lower_stmt(s->if_stmt.then);
	lower_br(end);
	if (els) {
		lower_position_at_end(els);
		lower_stmt(s->if_stmt.els);
		lower_br(end);
	}
	lower_position_at_end(end);
}

/* L.fn->current_label is set by lower_labeled for the loop/switch it wraps: that statement registers
 * itself both under itself and under this ND_LABELED_STMT. Each consumer reads and clears it first,
 * so nested statements do not inherit it. */

/* for init; cond; post { body }:
 *     <init>; br %for.cond
 *   for.cond: br cond, %for.body, %for.end       (br %for.body without cond)
 *   for.body: ... br %for.post                   (continue -> for.post, break -> for.end)
 *   for.post: <post>; br %for.cond
 *   for.end:
 * The loop variables of init are one variable for the whole loop (Go 1.19 semantics). */
static void lower_for(Node *s)
{
	Node *label = L.fn->current_label;
	L.fn->current_label = NULL;
	if (s->for_stmt.init)
		lower_stmt(s->for_stmt.init);
	LLVMBasicBlockRef cond = lower_block("for.cond");
	LLVMBasicBlockRef body = lower_block("for.body");
	LLVMBasicBlockRef post = lower_block("for.post");
	LLVMBasicBlockRef end = lower_block("for.end");
	lower_br(cond);
	lower_position_at_end(cond);
	if (s->for_stmt.cond)
		lower_cond_br(s->for_stmt.cond, body, end);
	else
		LLVMBuildBr(L.b, body);
	lower_position_at_end(body);
	push_target(s, end, post);
	if (label)
		push_target(label, end, post);
	lower_stmt(s->for_stmt.body);
	if (label)
		pop_target();
	pop_target();
	lower_br(post);
	lower_position_at_end(post);
	if (s->for_stmt.post)
		lower_stmt(s->for_stmt.post);
	lower_br(cond);
	lower_position_at_end(end);
}

/* Fallthrough (L.fn->fallthrough_block): the body block of the clause after the one being lowered. */

/* The case tests, in source order: each case expression is evaluated and compared only if the
 * ones before it did not match; all fail -> default (or the end). */
static void switch_tests(Node *s, Type *tt, LLVMValueRef tagv, LLVMBasicBlockRef *bodies, LLVMBasicBlockRef deflt)
{
	Vec *clauses = &s->switch_stmt.body->block.stmts;
	for (int i = 0; i < clauses->len; i++) {
		Node *c = clauses->data[i];
		for (int j = 0; j < c->case_clause.list.len; j++) {
			Node *e = c->case_clause.list.data[j];
			LLVMBasicBlockRef next = lower_block("case.next");
			Type *et = lower_type_of(e);
			if (!tagv && type_underlying(et)->kind != TY_INTERFACE) {
				lower_cond_br(e, bodies[i], next);
			} else {
				/* without a tag, an interface case is compared with true (`switch true`) */
				Type *ct = tagv ? tt : et;
				LLVMValueRef tv = tagv ? tagv : lower_to_iface(intc(L.t_i1, 1), type_basic(TY_BOOL), et);
				lower_hoist(e);
				LLVMValueRef eq = lower_compare(TOK_EQL, ct, tv, lower_expr_as(e, ct));
				if (!eq)
					lower_unsupported(e->pos, "interface comparison");
				LLVMBuildCondBr(L.b, eq, bodies[i], next);
			}
			lower_position_at_end(next);
		}
	}
	LLVMBuildBr(L.b, deflt);
}

/* switch init; tag { case a, b: ... default: ... }. The tag is evaluated once; the tests run in
 * source order (switch_tests), jumping to each clause's body block; a missing default jumps to
 * switch.end. Bodies are laid out in source order, so `fallthrough` is a branch to the next body.
 * A switch without a tag tests each case as a boolean condition. */
static void lower_switch(Node *s)
{
	Node *label = lower_take_label();
	if (s->switch_stmt.init)
		lower_stmt(s->switch_stmt.init);
	Node *tag = s->switch_stmt.tag;
	Type *tt = NULL;
	LLVMValueRef tagv = NULL;
	if (tag) {
		tt = type_is_untyped(lower_type_of(tag)) ? type_default(lower_type_of(tag)) : lower_type_of(tag);
		lower_hoist(tag);
		tagv = lower_expr_as(tag, tt);
	}
	Vec *clauses = &s->switch_stmt.body->block.stmts;
	int n = clauses->len;
	LLVMBasicBlockRef *bodies = xalloc(sizeof(LLVMBasicBlockRef) * (size_t)(n + 1));
	LLVMBasicBlockRef end = lower_block("switch.end");
	LLVMBasicBlockRef deflt = end;
	for (int i = 0; i < n; i++) {
		bodies[i] = lower_block("case.body");
		if (((Node *)clauses->data[i])->case_clause.list.len == 0)
			deflt = bodies[i];
	}
	switch_tests(s, tt, tagv, bodies, deflt);
	lower_push_targets(s, label, end, NULL);
	LLVMBasicBlockRef saved_ft = L.fn->fallthrough_block;
	for (int i = 0; i < n; i++) {
		lower_position_at_end(bodies[i]);
		L.fn->fallthrough_block = i + 1 < n ? bodies[i + 1] : end;
		lower_block_stmts(&((Node *)clauses->data[i])->case_clause.body);
		lower_br(end);
	}
	L.fn->fallthrough_block = saved_ft;
	lower_pop_targets(label);
	lower_position_at_end(end);
}

/* ---- range ----------------------------------------------------------------------------------- */

/* Declares (for :=) or prepares the key/value operands of a range statement. */
static void range_declare(Node *s)
{
	if (s->range_stmt.tok != TOK_DEFINE)
		return;
	Node *ks[2] = {s->range_stmt.key, s->range_stmt.value};
	for (int i = 0; i < 2; i++)
		if (ks[i] && !lower_is_blank(ks[i]))
			lower_declare_local(ks[i]->ident.obj);
}

/* Where an iteration value goes: a variable (declared by := or existing), or any addressable
 * operand of `for a[i] = range ...` or map element, evaluated each iteration. */
typedef struct RangeDest {
	Node *operand; /* NULL: nowhere (absent or blank) */
	MapRef *mr;    /* for m[k] = range ...: map and key evaluated */
	LLVMValueRef addr;
	Type *t;
} RangeDest;

static RangeDest range_dest(Node *operand)
{
	RangeDest d = {0};
	if (!operand || lower_is_blank(operand))
		return d;
	d.operand = operand;
	d.t = lower_type_of(operand);
	if ((d.mr = lower_map_ref(operand)))
		return d;
	if (operand->kind == ND_IDENT && operand->ident.obj && operand->ident.obj->kind == OBJ_VAR) {
		d.addr = lower_var_addr(operand->ident.obj);
		d.t = lower_obj_type(operand->ident.obj);
	} else {
		d.addr = lower_addr(operand);
	}
	return d;
}

static void range_store(RangeDest *d, LLVMValueRef v, Type *t)
{
	if (!d->operand)
		return;
	v = lower_convert_value(v, t, d->t, d->operand);
	lower_store(d->t, d->mr ? lower_map_ref_assign(d->mr) : d->addr, v);
}

static void range_assign(Node *operand, LLVMValueRef v, Type *t)
{
	RangeDest d = range_dest(operand);
	range_store(&d, v, t);
}

/* The key and value (v NULL: none) of one iteration, as the parallel assignment `k, v = hk, hv`
 * gc makes of them (walk/range.go): both operands are evaluated before either is stored, so
 * `for i, x[i] = range y` indexes x with the i of the previous iteration. */
void lower_range_assign_pair(Node *s, LLVMValueRef k, Type *kt, LLVMValueRef v, Type *vt)
{
	RangeDest dk = range_dest(s->range_stmt.key);
	RangeDest dv = range_dest(v ? s->range_stmt.value : NULL);
	range_store(&dk, k, kt);
	range_store(&dv, v, vt);
}

/* Loop skeleton shared by the range forms: hidden index hv from 0 to len. */
typedef struct RangeLoop {
	LLVMValueRef hv; /* alloca of the hidden index */
	LLVMBasicBlockRef body, post, end;
} RangeLoop;

/* Builds the loop around a hidden index, like gc's walkrange (walk/range.go):
 *       store 0, %hv; br %range.cond
 *   range.cond: %i = load %hv; br (icmp slt %i, %len), %range.body, %range.end
 *   range.post: %hv = %hv + 1; br %range.cond
 *   range.body:                  <- the builder is left here
 * The length is computed once, before the loop: appending to the slice inside does not extend it. */
static void range_begin(RangeLoop *r, LLVMValueRef len)
{
	r->hv = lower_alloca(type_basic(TY_INT), "hv");
	LLVMBuildStore(L.b, i64c(0), r->hv);
	LLVMBasicBlockRef cond = lower_block("range.cond");
	r->body = lower_block("range.body");
	r->post = lower_block("range.post");
	r->end = lower_block("range.end");
	LLVMBuildBr(L.b, cond);
	lower_position_at_end(cond);
	LLVMValueRef i = LLVMBuildLoad2(L.b, L.t_i64, r->hv, "");
	LLVMBuildCondBr(L.b, LLVMBuildICmp(L.b, LLVMIntSLT, i, len, ""), r->body, r->end);
	lower_position_at_end(r->post);
	LLVMValueRef i2 = LLVMBuildLoad2(L.b, L.t_i64, r->hv, "");
	LLVMBuildStore(L.b, LLVMBuildAdd(L.b, i2, i64c(1), ""), r->hv);
	LLVMBuildBr(L.b, cond);
	lower_position_at_end(r->body);
}

static void range_body(Node *s, RangeLoop *r, Node *label)
{
	push_target(s, r->end, r->post);
	if (label)
		push_target(label, r->end, r->post);
	lower_stmt(s->range_stmt.body);
	if (label)
		pop_target();
	pop_target();
	lower_br(r->post);
	lower_position_at_end(r->end);
}

/* for k, v := range slice / array / *array. The range expression is evaluated once; an array is
 * copied first when the value is used (the spec ranges over a copy: stores into the array inside the
 * loop are not seen), and not evaluated at all when only the index is wanted and len is constant.
 * Through a *array the pointer is nil-checked only when an element is read, as in gc: ranging a nil
 * *[3]int for its indexes alone does not panic. */
static void lower_range_indexed(Node *s, Node *label)
{
	Node *x = s->range_stmt.x;
	Type *xt = type_underlying(lower_type_of(x));
	bool want_value = s->range_stmt.value && !lower_is_blank(s->range_stmt.value);
	LLVMValueRef base = NULL, len;
	Type *elem;
	if (xt->kind == TY_SLICE) {
		LLVMValueRef sl = lower_expr(x);
		base = LLVMBuildExtractValue(L.b, sl, 0, "");
		len = LLVMBuildExtractValue(L.b, sl, 1, "");
		elem = xt->array.elem;
	} else if (xt->kind == TY_ARRAY) {
		elem = xt->array.elem;
		len = i64c(xt->array.len);
		if (want_value) /* range over a copy of the array */
			base = lower_copy_to_temp(lower_type_of(x), lower_expr(x));
		else if (unparen(x)->kind == ND_CALL)
			lower_expr(x); /* otherwise len(x) is constant and x is not evaluated (spec) */
	} else { /* pointer to array */
		Type *at = type_underlying(xt->pointer.elem);
		elem = at->array.elem;
		len = i64c(at->array.len);
		base = lower_expr(x);
	}
	range_declare(s);
	RangeLoop r;
	range_begin(&r, len);
	LLVMValueRef i = LLVMBuildLoad2(L.b, L.t_i64, r.hv, ""), v = NULL;
	if (want_value) {
		if (xt->kind == TY_POINTER)
			lower_check_nil(base);
		v = lower_load(elem, lower_index_addr(elem, base, i));
	}
	lower_range_assign_pair(s, i, type_basic(TY_INT), v, elem);
	range_body(s, &r, label);
}

/* A range loop lowered by its feature's file (lower_map.c, lower_chan.c), which finds the label
 * where lower_range_string_body looks for it. */
static void range_loop(Node *s, Node *label, void (*lower_loop)(Node *s))
{
	range_declare(s);
	Node *saved = L.fn->current_label;
	L.fn->current_label = label;
	lower_loop(s);
	L.fn->current_label = saved;
}

/* for ... range x: dispatch on the type of x. Strings are lowered in lower_string.c. */
static void lower_range(Node *s)
{
	Node *label = L.fn->current_label;
	L.fn->current_label = NULL;
	lower_hoist(s->range_stmt.x);
	Type *xt = type_underlying(lower_type_of(s->range_stmt.x));
	switch (xt->kind) {
	case TY_SLICE: case TY_ARRAY:
		lower_range_indexed(s, label);
		return;
	case TY_POINTER:
		if (type_underlying(xt->pointer.elem)->kind == TY_ARRAY) {
			lower_range_indexed(s, label);
			return;
		}
		break;
	case TY_STRING: case TY_UNTYPED_STRING: {
		LLVMValueRef str = lower_expr_as(s->range_stmt.x, type_basic(TY_STRING));
		range_declare(s);
		Node *saved = L.fn->current_label;
		L.fn->current_label = label;
		lower_range_string(s, str);
		L.fn->current_label = saved;
		return;
	}
	case TY_MAP:
		range_loop(s, label, lower_map_range);
		return;
	case TY_CHAN:
		range_loop(s, label, lower_chan_range);
		return;
	default:
		break;
	}
	internal_error("range over %s", type_string(lower_type_of(s->range_stmt.x)));
}

/* Used by lower_range_string (lower_string.c): loop body with targets and key/value stores. */
void lower_range_string_body(Node *s, LLVMBasicBlockRef brk, LLVMBasicBlockRef cont)
{
	Node *label = L.fn->current_label;
	L.fn->current_label = NULL;
	push_target(s, brk, cont);
	if (label)
		push_target(label, brk, cont);
	lower_stmt(s->range_stmt.body);
	if (label)
		pop_target();
	pop_target();
}

void lower_range_assign(Node *operand, LLVMValueRef v, Type *t)
{
	range_assign(operand, v, t);
}

/* ---- labels and branches --------------------------------------------------------------------- */

/* L: stmt. The label starts a new block (the target of goto L); a labeled loop or switch also
 * becomes a target of `break L` / `continue L` through L.fn->current_label. */
static void lower_labeled(Node *s)
{
	LLVMBasicBlockRef bb = label_block(s);
	lower_br(bb);
	lower_position_at_end(bb);
	Node *inner = s->labeled.stmt;
	if (inner && (inner->kind == ND_FOR_STMT || inner->kind == ND_RANGE_STMT || inner->kind == ND_SWITCH_STMT ||
	              inner->kind == ND_SELECT_STMT || inner->kind == ND_TYPE_SWITCH_STMT))
		L.fn->current_label = s;
	lower_stmt(inner);
	L.fn->current_label = NULL;
}

static void lower_branch(Node *s)
{
	switch (s->branch.tok) {
	case TOK_BREAK:
		lower_br(find_target(s)->brk);
		break;
	case TOK_CONTINUE:
		lower_br(find_target(s)->cont);
		break;
	case TOK_GOTO: {
		Node *t = s->branch.target;
		if (!t)
			t = lower_find_label(L.fn->decl, s->branch.label->ident.name);
		if (!t)
			internal_error("goto %s without target", s->branch.label->ident.name);
		lower_br(label_block(t));
		break;
	}
	case TOK_FALLTHROUGH:
		lower_br(L.fn->fallthrough_block);
		break;
	default:
		internal_error("branch %d", s->branch.tok);
	}
	lower_dead_block();
}

/* ---- the dispatch ---------------------------------------------------------------------------- */

/* f(x) as a statement: the call's operands are hoisted but the call itself is not (its result is
 * discarded), and calls of functions are made through lower_call, which accepts any number of
 * results. A receive discards its value; other expression statements (builtins) are ordinary
 * expressions. */
static void lower_expr_stmt(Node *s)
{
	Node *x = unparen(s->expr_stmt.x);
	if (x->kind == ND_UNARY && x->unary.op == TOK_ARROW) {
		lower_chan_recv_discard(x);
		return;
	}
	if (x->kind == ND_CALL)
		lower_hoist_operands(x);
	else
		lower_hoist(x);
	if (x->kind == ND_CALL && (x->call.call_kind == CALL_FUNC || x->call.call_kind == CALL_METHOD ||
	                           x->call.call_kind == CALL_CLOSURE)) {
		lower_call(x, lower_value_array(lower_value_count(x)));
		return;
	}
	lower_expr(x);
}

/* The statement dispatch. Each statement starts a new hoisting scope (lower_order.c) and sets the
 * debug location; constructs gocc does not lower yet are reported, never miscompiled. */
void lower_stmt(Node *s)
{
	if (!s)
		return;
	lower_hoist_reset();
	lower_set_pos(s->pos);
	switch (s->kind) {
	case ND_EMPTY_STMT: return;
	case ND_BLOCK: lower_block_stmts(&s->block.stmts); return;
	case ND_EXPR_STMT: lower_expr_stmt(s); return;
	case ND_DECL_STMT: lower_decl_stmt(s); return;
	case ND_ASSIGN_STMT: lower_assign(s); return;
	case ND_INCDEC_STMT: lower_incdec(s); return;
	case ND_RETURN_STMT: lower_return(s); return;
	case ND_IF_STMT: lower_if(s); return;
	case ND_FOR_STMT: lower_for(s); return;
	case ND_RANGE_STMT: lower_range(s); return;
	case ND_SWITCH_STMT: lower_switch(s); return;
	case ND_LABELED_STMT: lower_labeled(s); return;
	case ND_BRANCH_STMT: lower_branch(s); return;
	case ND_DEFER_STMT: lower_defer_stmt(s); return;
	case ND_TYPE_SWITCH_STMT: lower_type_switch(s); return;
	case ND_SEND_STMT: lower_chan_send(s); return;
	case ND_GO_STMT: lower_go_stmt(s); return;
	case ND_SELECT_STMT: lower_select(s); return;
	default:
		internal_error("statement %s", node_kind_name(s->kind));
	}
}

void lower_block_stmts(Vec *stmts)
{
	for (int i = 0; i < stmts->len; i++)
		lower_stmt(stmts->data[i]);
}
