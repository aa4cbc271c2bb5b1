/*
 * lower_expr.c: expressions: the dispatch over node kinds, addresses, operators and comparisons.
 *
 * In: a checked expression (Node.type, Node.mode, Node.cval filled). Out: its value as an LLVM value
 * (lower_expr) or the address of an addressable operand (lower_addr). Constants are folded by the
 * checker, so any MODE_CONST expression becomes an LLVM constant directly.
 *
 * Key ideas: aggregates (structs, arrays) are represented by the address of their bytes, so a field
 * or element of an aggregate value is reached with the same byte-offset GEPs as one of a variable;
 * integer arithmetic never carries nsw/nuw (Go integers wrap); every operation that gc checks at run
 * time calls into lower_check.c, which branches to a cold, noreturn runtime call.
 */
#include "lower.h"

#include <string.h>

static bool is_nil(Node *e)
{
	while (e->kind == ND_PAREN)
		e = e->paren.x;
	if (lower_type_of(e) && type_underlying(lower_type_of(e))->kind == TY_UNTYPED_NIL)
		return true;
	return e->kind == ND_IDENT && e->ident.obj && e->ident.obj->kind == OBJ_NIL;
}

static Node *unparen(Node *e)
{
	while (e->kind == ND_PAREN)
		e = e->paren.x;
	return e;
}

/* p, after the nil check gc makes before a dereference (for callers that build their own load). */
LLVMValueRef lower_deref_check(LLVMValueRef p)
{
	lower_check_nil(p);
	return p;
}

/* ---- identifiers and selectors --------------------------------------------------------------- */

/* A name used as a value: a variable is loaded from its storage (an aggregate "load" yields the
 * address, lower_type.c); a function name is its static closure {code}, so it can be stored in a
 * func variable; nil and constants are LLVM constants. */
static LLVMValueRef lower_ident(Node *e)
{
	Object *obj = e->ident.obj;
	if (!obj)
		internal_error("identifier %s was not resolved", e->ident.name);
	switch (obj->kind) {
	case OBJ_VAR:
		return lower_load(lower_obj_type(obj), lower_var_addr(obj));
	case OBJ_FUNC:
		return lower_func_value_of(obj);
	case OBJ_NIL:
		return LLVMConstNull(lower_type(lower_type_of(e)));
	case OBJ_CONST:
		return lower_const(obj->cval, lower_type_of(e));
	default:
		lower_unsupported(e->pos, xsprintf("identifier of kind %d here", obj->kind));
	}
}

/*
 * Nil checks on field accesses report the faulting address gc's code would fault on: p.f with p nil
 * reads address offsetof(f), so the panic says "addr=0x8" (runtime error ... nil pointer
 * dereference, [signal SIGSEGV ... addr=0x8 ...]). Three fields of L carry, during one
 * lower_access_addr, what that address is.
 *
 * L.access_extra: >= 0 while lowering the address of a field that is then loaded or stored (not
 * &p.f): how many bytes past the field's address gc's first access reaches. */

/* The offset from the struct t reached at step k of sel's path to the field where the path next
 * loads a pointer (an embedded pointer), or to its end. */
static int64_t path_segment_offset(Node *sel, Type *t, int k)
{
	int64_t off = 0;
	bool first = k == 0;
	for (; k < sel->selector.path_len; k++) {
		Type *st = type_underlying(t);
		int i = sel->selector.path[k];
		off += type_field_offset(st, i);
		t = st->strct.fields[i]->type;
		if (k + 1 < sel->selector.path_len && type_underlying(t)->kind == TY_POINTER)
			return off;
	}
	if (L.const_nil_base && first) {
		/* gc checks a constant nil explicitly (addr 0), except before the loads of a multi-word
		 * value, which fault at the field */
		TypeKind fk = type_underlying(t)->kind;
		bool multi = fk == TY_STRING || fk == TY_SLICE || fk == TY_INTERFACE ||
		             type_is_complex(type_underlying(t));
		return L.access_extra >= 0 && !L.access_store && multi ? off : 0;
	}
	return L.access_extra >= 0 ? off + L.access_extra : 0;
}

/* Is sel's field within x's own memory (x a struct value, no embedded pointer on the path)? Then
 * sets *off to its offset from x. */
static bool path_inline(Node *sel, int64_t *off)
{
	Type *t = lower_type_of(sel->selector.x);
	*off = 0;
	for (int k = 0; k < sel->selector.path_len; k++) {
		Type *st = type_underlying(t);
		if (st->kind != TY_STRUCT)
			return false;
		int i = sel->selector.path[k];
		*off += type_field_offset(st, i);
		t = st->strct.fields[i]->type;
	}
	return true;
}

/* Follows a selector's field path from `base`: base is the address of a struct (bt a struct type)
 * or a pointer value (bt a pointer type). Returns the address of the last field; *out gets its type.
 * Pointers met along the path (explicit or embedded) are nil-checked before use, reporting the
 * address gc's code would fault on. */
LLVMValueRef lower_selector_path(Node *sel, LLVMValueRef base, Type *bt, Type **out)
{
	Type *t = bt;
	LLVMValueRef addr = base;
	for (int k = 0; k < sel->selector.path_len; k++) {
		if (type_underlying(t)->kind == TY_POINTER) {
			t = type_underlying(t)->pointer.elem;
			lower_check_nil_at(addr, path_segment_offset(sel, t, k));
		}
		Type *st = type_underlying(t);
		if (st->kind != TY_STRUCT)
			internal_error("selector path through non-struct %s", type_string(t));
		int i = sel->selector.path[k];
		addr = lower_gep(addr, type_field_offset(st, i));
		t = st->strct.fields[i]->type;
		if (k + 1 < sel->selector.path_len && type_underlying(t)->kind == TY_POINTER) {
			addr = LLVMBuildLoad2(L.b, L.t_ptr, addr, "");
			LLVMSetAlignment(addr, 8);
		}
	}
	*out = t;
	return addr;
}

/* &x.f (and x.f as an assignment target) for a field selector, with x a struct value, a pointer
 * to a struct, or a chain x.a.b.f. When the whole path stays inside x's memory, only x's nil check
 * runs, with the summed offset, as in gc. */
LLVMValueRef lower_field_addr(Node *sel)
{
	int64_t extra = L.access_extra, off;
	L.access_extra = -1;
	Node *x = sel->selector.x, *ux = unparen(x);
	LLVMValueRef base;
	if (extra >= 0 && ux->kind == ND_SELECTOR && ux->selector.sel_kind == SEL_FIELD &&
	    path_inline(sel, &off)) {
		/* x.f.g: the access reaches x's memory; x's own nil check reports it */
		L.access_extra = extra + off;
		base = lower_field_addr(ux);
		extra = -1;
	} else {
		base = lower_expr(x);
	}
	Type *ft;
	L.access_extra = extra;
	L.const_nil_base = ux->kind == ND_IDENT && ux->ident.obj && middle_is_const_nil(ux->ident.obj);
	LLVMValueRef addr = lower_selector_path(sel, base, lower_type_of(x), &ft);
	L.access_extra = -1;
	L.const_nil_base = false;
	return addr;
}

/* The address of e, which is about to be loaded from or (store) stored to. gc stores a string or
 * slice length word before the pointer word, so a store first touches the field's second word. */
LLVMValueRef lower_access_addr(Node *e, bool store)
{
	Node *x = unparen(e);
	if (x->kind == ND_SELECTOR && x->selector.sel_kind == SEL_FIELD) {
		lower_set_pos(x->pos);
		TypeKind k = type_underlying(lower_type_of(x))->kind;
		L.access_extra = store && (k == TY_STRING || k == TY_SLICE) ? 8 : 0;
		L.access_store = store;
		return lower_field_addr(x);
	}
	return lower_addr(e);
}

/* x.sel as a value: a field load, a method value (a closure, lower_closure.c), a method expression
 * T.M (the method's own function, as a func value), or a constant of an imported package. */
static LLVMValueRef lower_selector(Node *e)
{
	switch (e->selector.sel_kind) {
	case SEL_FIELD:
		return lower_load(lower_type_of(e), lower_access_addr(e, false));
	case SEL_METHOD_VALUE:
		return lower_method_value(e);
	case SEL_METHOD_EXPR:
		return lower_method_expr(e);
	case SEL_QUALIFIED: {
		Object *obj = e->selector.obj;
		if (obj && obj->kind == OBJ_CONST)
			return lower_const(obj->cval, lower_type_of(e));
		if (obj && obj->kind == OBJ_VAR)
			return lower_load(lower_obj_type(obj), lower_var_addr(obj));
		if (obj && obj->kind == OBJ_FUNC)
			return lower_func_value_of(obj);
		internal_error("qualified identifier %s of kind %d as a value", obj ? obj->name : "?",
		               obj ? (int)obj->kind : -1);
	}
	default:
		internal_error("selector kind %d as a value", e->selector.sel_kind);
	}
}

/* ---- unary operators ------------------------------------------------------------------------- */

/* -x: fneg for floats (so -0.0 is correct, unlike 0.0 - x), per part for complex, 0 - x (wrapping)
 * for integers. */
static LLVMValueRef lower_neg(Type *t, LLVMValueRef x)
{
	Type *u = type_underlying(t);
	if (type_is_float(u))
		return LLVMBuildFNeg(L.b, x, "");
	if (type_is_complex(u)) {
		LLVMValueRef re = LLVMBuildFNeg(L.b, LLVMBuildExtractValue(L.b, x, 0, ""), "");
		LLVMValueRef im = LLVMBuildFNeg(L.b, LLVMBuildExtractValue(L.b, x, 1, ""), "");
		LLVMValueRef c = LLVMGetUndef(lower_type(t));
		c = LLVMBuildInsertValue(L.b, c, re, 0, "");
		return LLVMBuildInsertValue(L.b, c, im, 1, "");
	}
	return LLVMBuildSub(L.b, LLVMConstNull(lower_type(t)), x, "");
}

static LLVMValueRef lower_unary(Node *e)
{
	Node *x = e->unary.x;
	switch (e->unary.op) {
	case TOK_AND:
		return lower_addr(x);
	case TOK_ADD:
		return lower_expr(x);
	case TOK_SUB:
		return lower_neg(lower_type_of(e), lower_expr(x));
	case TOK_NOT:
		return LLVMBuildXor(L.b, lower_expr(x), LLVMConstInt(L.t_i1, 1, false), "");
	case TOK_XOR:
		return LLVMBuildXor(L.b, lower_expr(x), LLVMConstAllOnes(lower_type(lower_type_of(e))), "");
	case TOK_ARROW:
		return lower_chan_recv(e);
	default:
		internal_error("unary operator %d", e->unary.op);
	}
}

/* ---- binary operators ------------------------------------------------------------------------ */

static LLVMValueRef complex_parts(LLVMValueRef c, LLVMValueRef *im)
{
	*im = LLVMBuildExtractValue(L.b, c, 1, "");
	return LLVMBuildExtractValue(L.b, c, 0, "");
}

static LLVMValueRef complex_make(LLVMTypeRef t, LLVMValueRef re, LLVMValueRef im)
{
	LLVMValueRef c = LLVMGetUndef(t);
	c = LLVMBuildInsertValue(L.b, c, re, 0, "");
	return LLVMBuildInsertValue(L.b, c, im, 1, "");
}

LLVMValueRef lower_complex_div(LLVMValueRef n, LLVMValueRef m, bool is64);

/* Complex +, -, * by the textbook formulas, as gc's ssagen does (no special handling of infinities
 * in *); division calls lower_compare.c's port of runtime/complex.go complex128div. */
static LLVMValueRef lower_complex_op(TokenKind op, Type *t, LLVMValueRef x, LLVMValueRef y)
{
	LLVMTypeRef ct = lower_type(t);
	LLVMValueRef a, b, c, d;
	a = complex_parts(x, &b);
	c = complex_parts(y, &d);
	switch (op) {
	case TOK_ADD:
		return complex_make(ct, LLVMBuildFAdd(L.b, a, c, ""), LLVMBuildFAdd(L.b, b, d, ""));
	case TOK_SUB:
		return complex_make(ct, LLVMBuildFSub(L.b, a, c, ""), LLVMBuildFSub(L.b, b, d, ""));
	case TOK_MUL: {
		LLVMValueRef re = LLVMBuildFSub(L.b, LLVMBuildFMul(L.b, a, c, ""), LLVMBuildFMul(L.b, b, d, ""), "");
		LLVMValueRef im = LLVMBuildFAdd(L.b, LLVMBuildFMul(L.b, a, d, ""), LLVMBuildFMul(L.b, b, c, ""), "");
		return complex_make(ct, re, im);
	}
	case TOK_QUO:
		return lower_complex_div(x, y, type_underlying(t)->kind == TY_COMPLEX64);
	default:
		internal_error("complex operator %d", op);
	}
}

/* x op y for arithmetic and bitwise operators on already-lowered operands of type t. Integer ops
 * carry no nsw/nuw (Go wraps); / and % go through lower_divmod for gc's divide checks; x &^ y is
 * x & ~y; string + calls concatstring2. */
LLVMValueRef lower_binary_values(TokenKind op, Type *t, LLVMValueRef x, LLVMValueRef y)
{
	Type *u = type_underlying(t);
	if (type_is_complex(u))
		return lower_complex_op(op, t, x, y);
	if (type_is_float(u)) {
		switch (op) {
		case TOK_ADD: return LLVMBuildFAdd(L.b, x, y, "");
		case TOK_SUB: return LLVMBuildFSub(L.b, x, y, "");
		case TOK_MUL: return LLVMBuildFMul(L.b, x, y, "");
		case TOK_QUO: return LLVMBuildFDiv(L.b, x, y, "");
		default: internal_error("float operator %d", op);
		}
	}
	if (type_is_string(u)) {
		LLVMValueRef args[2] = {x, y};
		return lower_call_runtime(RT_concatstring2, args, 2);
	}
	switch (op) {
	case TOK_ADD: return LLVMBuildAdd(L.b, x, y, "");
	case TOK_SUB: return LLVMBuildSub(L.b, x, y, "");
	case TOK_MUL: return LLVMBuildMul(L.b, x, y, "");
	case TOK_QUO: case TOK_REM:
		return lower_divmod(op, t, x, y);
	case TOK_AND: return LLVMBuildAnd(L.b, x, y, "");
	case TOK_OR: return LLVMBuildOr(L.b, x, y, "");
	case TOK_XOR: return LLVMBuildXor(L.b, x, y, "");
	case TOK_AND_NOT: return LLVMBuildAnd(L.b, x, LLVMBuildNot(L.b, y, ""), "");
	default: internal_error("integer operator %d", op);
	}
}

static LLVMIntPredicate int_pred(TokenKind op, bool is_unsigned)
{
	switch (op) {
	case TOK_EQL: return LLVMIntEQ;
	case TOK_NEQ: return LLVMIntNE;
	case TOK_LSS: return is_unsigned ? LLVMIntULT : LLVMIntSLT;
	case TOK_LEQ: return is_unsigned ? LLVMIntULE : LLVMIntSLE;
	case TOK_GTR: return is_unsigned ? LLVMIntUGT : LLVMIntSGT;
	case TOK_GEQ: return is_unsigned ? LLVMIntUGE : LLVMIntSGE;
	default: internal_error("comparison operator %d", op);
	}
}

/* Ordered predicates, except != which is unordered: every comparison with NaN is false but
 * NaN != NaN is true, as Go (IEEE 754) requires. */
static LLVMRealPredicate real_pred(TokenKind op)
{
	switch (op) {
	case TOK_EQL: return LLVMRealOEQ;
	case TOK_NEQ: return LLVMRealUNE;
	case TOK_LSS: return LLVMRealOLT;
	case TOK_LEQ: return LLVMRealOLE;
	case TOK_GTR: return LLVMRealOGT;
	case TOK_GEQ: return LLVMRealOGE;
	default: internal_error("comparison operator %d", op);
	}
}

/* x op y for operands of type t (both already of t's representation). Returns an i1. Complex
 * numbers are equal when both parts are; slices, funcs and maps only compare with nil (the
 * checker ensures it), which compares the pointer word; pointers compare as unsigned. Returns NULL
 * for two non-nil interfaces, which gocc does not lower yet. */
LLVMValueRef lower_compare(TokenKind op, Type *t, LLVMValueRef x, LLVMValueRef y)
{
	Type *u = type_underlying(t);
	switch (u->kind) {
	case TY_FLOAT32: case TY_FLOAT64:
		return LLVMBuildFCmp(L.b, real_pred(op), x, y, "");
	case TY_COMPLEX64: case TY_COMPLEX128: {
		LLVMValueRef a, b, c, d;
		a = complex_parts(x, &b);
		c = complex_parts(y, &d);
		LLVMValueRef re = LLVMBuildFCmp(L.b, real_pred(op), a, c, "");
		LLVMValueRef im = LLVMBuildFCmp(L.b, real_pred(op), b, d, "");
		return op == TOK_EQL ? LLVMBuildAnd(L.b, re, im, "") : LLVMBuildOr(L.b, re, im, "");
	}
	case TY_STRING:
		return lower_string_compare(op, x, y);
	case TY_SLICE: {
		LLVMValueRef px = LLVMBuildExtractValue(L.b, x, 0, ""), py = LLVMBuildExtractValue(L.b, y, 0, "");
		return LLVMBuildICmp(L.b, int_pred(op, true), px, py, "");
	}
	case TY_INTERFACE: {
		/* with nil the type word decides; otherwise lower_iface.c */
		LLVMValueRef tx = LLVMBuildExtractValue(L.b, x, 0, ""), ty = LLVMBuildExtractValue(L.b, y, 0, "");
		if (LLVMIsNull(ty) || LLVMIsNull(tx))
			return LLVMBuildICmp(L.b, int_pred(op, true), tx, ty, "");
		LLVMValueRef eq = lower_iface_equal(t, x, y);
		return op == TOK_EQL ? eq : LLVMBuildNot(L.b, eq, "");
	}
	case TY_STRUCT: case TY_ARRAY: {
		LLVMValueRef eq = lower_equal_mem(t, x, y);
		return op == TOK_EQL ? eq : LLVMBuildNot(L.b, eq, "");
	}
	default:
		return LLVMBuildICmp(L.b, int_pred(op, type_is_unsigned(u) || u->kind == TY_POINTER ||
		                     u->kind == TY_UNSAFE_POINTER), x, y, "");
	}
}

/* A comparison expression: both operands are converted to one type first: the non-nil side's,
 * the interface side's for `iface == concrete` (the concrete value is boxed), int for untyped. */
static LLVMValueRef lower_comparison(Node *e)
{
	Node *x = e->binary.x, *y = e->binary.y;
	Type *t = is_nil(x) ? lower_type_of(y) : lower_type_of(x);
	if (type_underlying(lower_type_of(y))->kind == TY_INTERFACE && !is_nil(y))
		t = lower_type_of(y); /* mixed interface/concrete comparison: compare as interfaces */
	if (type_underlying(lower_type_of(x))->kind == TY_INTERFACE && type_underlying(lower_type_of(y))->kind == TY_INTERFACE &&
	    !is_nil(x) && type_is_empty_iface(lower_type_of(x)))
		t = lower_type_of(x); /* interface{} vs a non-empty interface: compare as interface{} */
	if (type_is_untyped(t))
		t = type_default(t);
	LLVMValueRef vx = lower_expr_as(x, t), vy = lower_expr_as(y, t);
	LLVMValueRef r = lower_compare(e->binary.op, t, vx, vy);
	if (!r)
		lower_unsupported(e->pos, "interface comparison");
	return r;
}

/* a && b, a || b as a value: short circuit with a phi. For a && b:
 *     %x = <a>;  br %x, %and.rhs, %and.end
 *   and.rhs:  %y = <b>;  br %and.end
 *   and.end:  %r = phi i1 [false, %from], [%y, %rhs_end]
 * b's calls are hoisted only inside and.rhs, so they run only when b is evaluated. */
static LLVMValueRef lower_logical(Node *e)
{
	bool is_and = e->binary.op == TOK_LAND;
	lower_hoist(e->binary.x);
	LLVMValueRef x = lower_expr(e->binary.x);
	LLVMBasicBlockRef from = LLVMGetInsertBlock(L.b);
	LLVMBasicBlockRef rhs = lower_block(is_and ? "and.rhs" : "or.rhs");
	LLVMBasicBlockRef done = lower_block(is_and ? "and.end" : "or.end");
	if (is_and)
		LLVMBuildCondBr(L.b, x, rhs, done);
	else
		LLVMBuildCondBr(L.b, x, done, rhs);
	lower_position_at_end(rhs);
	lower_hoist(e->binary.y);
	LLVMValueRef y = lower_expr(e->binary.y);
	LLVMBasicBlockRef rhs_end = LLVMGetInsertBlock(L.b);
	LLVMBuildBr(L.b, done);
	lower_position_at_end(done);
	LLVMValueRef phi = LLVMBuildPhi(L.b, L.t_i1, "");
	LLVMValueRef vals[2] = {LLVMConstInt(L.t_i1, is_and ? 0 : 1, false), y};
	LLVMBasicBlockRef blocks[2] = {from, rhs_end};
	LLVMAddIncoming(phi, vals, blocks, 2);
	return phi;
}

static bool is_shift(TokenKind op)
{
	return op == TOK_SHL || op == TOK_SHR;
}

static bool is_comparison(TokenKind op)
{
	return op == TOK_EQL || op == TOK_NEQ || op == TOK_LSS || op == TOK_LEQ || op == TOK_GTR || op == TOK_GEQ;
}

/* Binary expressions. Operands are converted to the result type (an untyped constant operand
 * takes it), except for shifts, whose count keeps its own type (uint for an untyped constant). */
static LLVMValueRef lower_binary(Node *e)
{
	TokenKind op = e->binary.op;
	if (op == TOK_LAND || op == TOK_LOR)
		return lower_logical(e);
	if (is_comparison(op))
		return lower_comparison(e);
	if (is_shift(op)) {
		Node *y = e->binary.y;
		LLVMValueRef x = lower_expr_as(e->binary.x, lower_type_of(e));
		Type *st = lower_shift_count_type(y);
		LLVMValueRef s = y->mode == MODE_CONST ? lower_const(y->cval, st) : lower_expr(y);
		return lower_shift(op, lower_type_of(e), x, s, st);
	}
	if (op == TOK_ADD && type_is_string(lower_type_of(e)))
		return lower_string_concat(e);
	LLVMValueRef x = lower_expr_as(e->binary.x, lower_type_of(e));
	LLVMValueRef y = lower_expr_as(e->binary.y, lower_type_of(e));
	return lower_binary_values(op, lower_type_of(e), x, y);
}

/* ---- the dispatch ---------------------------------------------------------------------------- */

static LLVMValueRef lower_call_node(Node *e)
{
	switch (e->call.call_kind) {
	case CALL_CONVERSION:
		return lower_conversion(e);
	case CALL_BUILTIN:
		return lower_builtin_call(e);
	case CALL_FUNC: case CALL_METHOD: case CALL_CLOSURE: case CALL_INTERFACE:
		return lower_call_expr(e);
	default:
		internal_error("call kind %d", e->call.call_kind);
	}
}

/* The value of e. A value hoisted earlier in this statement (a call, lower_order.c) is reused;
 * constant expressions become LLVM constants; everything else dispatches on the node kind. */
LLVMValueRef lower_expr(Node *e)
{
	LLVMValueRef early = lower_hoisted(e);
	if (early)
		return early;
	lower_set_pos(e->pos);
	if (e->mode == MODE_CONST && e->cval)
		return lower_const(e->cval, lower_type_of(e));
	switch (e->kind) {
	case ND_IDENT: return lower_ident(e);
	case ND_PAREN: return lower_expr(e->paren.x);
	case ND_COMPOSITE_LIT: return lower_composite(e);
	case ND_FUNC_LIT: return lower_func_lit(e);
	case ND_SELECTOR: return lower_selector(e);
	case ND_INDEX: return lower_index_expr(e);
	case ND_SLICE: return lower_slice_expr(e);
	case ND_CALL: return lower_call_node(e);
	case ND_STAR: {
		LLVMValueRef p = lower_expr(e->star.x);
		lower_check_nil(p);
		return lower_load(lower_type_of(e), p);
	}
	case ND_UNARY: return lower_unary(e);
	case ND_BINARY: return lower_binary(e);
	case ND_TYPE_ASSERT:
		return lower_type_assert(e);
	default:
		lower_unsupported(e->pos, xsprintf("expression %s", node_kind_name(e->kind)));
	}
}

/* The address of an addressable expression (or of a composite literal, for &T{...}). */
LLVMValueRef lower_addr(Node *e)
{
	lower_set_pos(e->pos);
	switch (e->kind) {
	case ND_IDENT:
		if (e->ident.obj && e->ident.obj->kind == OBJ_VAR)
			return lower_var_addr(e->ident.obj);
		break;
	case ND_PAREN:
		return lower_addr(e->paren.x);
	case ND_SELECTOR:
		if (e->selector.sel_kind == SEL_FIELD)
			return lower_field_addr(e);
		if (e->selector.sel_kind == SEL_QUALIFIED && e->selector.obj && e->selector.obj->kind == OBJ_VAR)
			return lower_var_addr(e->selector.obj); /* pkg.V */
		break;
	case ND_INDEX:
		return lower_index_addr_expr(e);
	case ND_STAR: {
		LLVMValueRef p = lower_expr(e->star.x);
		lower_check_nil(p);
		return p;
	}
	case ND_COMPOSITE_LIT: {
		LLVMValueRef p = e->composite.stack_alloc ? lower_alloca(lower_type_of(e), "lit")
		                                          : lower_new(lower_type_of(e));
		lower_composite_into(e, p);
		return p;
	}
	default:
		break;
	}
	/* not addressable: materialise (e.g. a method call with pointer receiver on a value result) */
	LLVMValueRef v = lower_expr(e);
	if (type_is_aggregate(lower_type_of(e)))
		return v;
	LLVMValueRef tmp = lower_alloca(lower_type_of(e), "tmp");
	lower_store(lower_type_of(e), tmp, v);
	return tmp;
}

/* An eface {type, data} holding v of concrete type t (gc's convT*, walk/convert.go): pointer-shaped
 * values go in the data word directly (a one-pointer struct's word is loaded from its memory);
 * anything else is copied to a fresh heap object and data points to it, so the interface never
 * aliases a variable. */
LLVMValueRef lower_eface(LLVMValueRef v, Type *t)
{
	if (type_is_untyped(t))
		t = type_default(t);
	LLVMValueRef data;
	if (type_is_direct_iface(t)) {
		if (type_is_aggregate(t)) {
			data = LLVMBuildLoad2(L.b, L.t_ptr, v, "");
			LLVMSetAlignment(data, 8);
		} else {
			data = v;
		}
	} else {
		data = lower_new(t);
		lower_store(t, data, v);
	}
	LLVMValueRef e = LLVMGetUndef(L.t_eface);
	e = LLVMBuildInsertValue(L.b, e, lower_typedesc(t), 0, "");
	return LLVMBuildInsertValue(L.b, e, data, 1, "");
}

/* The value of e, implicitly converted to t: nil gets t's zero value; a concrete value assigned to
 * an empty interface is boxed. */
LLVMValueRef lower_expr_as(Node *e, Type *t)
{
	if (!t || type_is_untyped(t))
		return lower_expr(e);
	if (is_nil(e))
		return lower_zero_value(t);
	Type *tu = type_underlying(t);
	if (tu->kind == TY_INTERFACE) {
		Type *et = type_is_untyped(lower_type_of(e)) ? type_default(lower_type_of(e)) : lower_type_of(e);
		LLVMValueRef v = e->mode == MODE_CONST ? lower_const(e->cval, et) : lower_expr(e);
		return lower_to_iface(v, et, t);
	}
	if (e->mode == MODE_CONST && e->cval && type_is_untyped(lower_type_of(e)))
		return lower_const(e->cval, t);
	return lower_expr(e);
}

/* Conditional branch on a boolean expression, short-circuiting && and || without phis: each
 * operand branches straight to the final target, and !x swaps the targets. `if a && b` becomes
 *     br <a>, %and.rhs, %no;   and.rhs: br <b>, %yes, %no */
void lower_cond_br(Node *cond, LLVMBasicBlockRef yes, LLVMBasicBlockRef no)
{
	Node *c = unparen(cond);
	if (c->kind == ND_BINARY && c->mode != MODE_CONST && (c->binary.op == TOK_LAND || c->binary.op == TOK_LOR)) {
		LLVMBasicBlockRef mid = lower_block(c->binary.op == TOK_LAND ? "and.rhs" : "or.rhs");
		if (c->binary.op == TOK_LAND)
			lower_cond_br(c->binary.x, mid, no);
		else
			lower_cond_br(c->binary.x, yes, mid);
		lower_position_at_end(mid);
		lower_cond_br(c->binary.y, yes, no);
		return;
	}
	if (c->kind == ND_UNARY && c->unary.op == TOK_NOT && c->mode != MODE_CONST) {
		lower_cond_br(c->unary.x, no, yes);
		return;
	}
	lower_hoist(cond);
	LLVMValueRef v = lower_expr(cond);
	LLVMBuildCondBr(L.b, v, yes, no);
}
