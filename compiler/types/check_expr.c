/*
 * check_expr.c: expressions (go/types expr.go, index.go and the composite-literal and function-literal
 * parts of exprInternal).
 *
 * In: an expression node. Out: an Operand, also recorded on the node. Untyped operands keep their
 * untyped type on the node until the context decides their type: check_update_expr_type walks down the
 * tree then, converting constants (checking they are representable) and giving the untyped left
 * operand of a non-constant shift its final type, which must be an integer type. Constant
 * arithmetic is exact (constant.h); typed constants must stay representable in their type after every
 * operation, untyped integers may not exceed 512 bits.
 */
#include "check.h"

#include <string.h>

/* ---- recording ------------------------------------------------------------------------------- */

static bool check_is_shift_lhs(Node *e)
{
	for (int i = 0; i < ck->shift_lhs.len; i++)
		if (ck->shift_lhs.data[i] == e)
			return true;
	return false;
}

void check_record_operand(Operand *x)
{
	Node *e = x->expr;
	if (!e)
		return;
	switch ((int)x->mode) {
	case MODE_INVALID:
		e->mode = MODE_INVALID;
		e->type = ty_invalid;
		e->cval = NULL;
		return;
	case MODE_NILVALUE:
		e->mode = MODE_VALUE;
		break;
	default:
		e->mode = x->mode;
		break;
	}
	e->type = x->type;
	e->cval = x->mode == MODE_CONST ? x->val : NULL;
	if (e->kind == ND_COMPOSITE_LIT && e->composite.implicit_addr && check_under(x->type)->kind == TY_POINTER)
		e->type = check_under(x->type)->pointer.elem;
}

static void check_update_expr_val(Node *e, ConstValue *val)
{
	if (e && e->type && type_is_untyped(e->type))
		e->cval = val;
}

/* ---- predicates ------------------------------------------------------------------------------ */

bool check_is_interface(Type *t)
{
	return check_under(t)->kind == TY_INTERFACE;
}

bool check_has_nil(Type *t)
{
	switch (check_under(t)->kind) {
	case TY_UNSAFE_POINTER: case TY_SLICE: case TY_POINTER: case TY_FUNC: case TY_MAP: case TY_CHAN:
	case TY_INTERFACE:
		return true;
	default:
		return false;
	}
}

const char *check_kind_string(Type *t)
{
	switch (check_under(t)->kind) {
	case TY_ARRAY: return "array";
	case TY_SLICE: return "slice";
	case TY_STRUCT: return "struct";
	case TY_POINTER: return "pointer";
	case TY_FUNC: return "func";
	case TY_INTERFACE: return "interface";
	case TY_MAP: return "map";
	case TY_CHAN: return "chan";
	default: return check_ty_str(t);
	}
}

static bool check_is_const_unknown(ConstValue *v)
{
	return !v || const_kind(v) == CONST_UNKNOWN;
}

/* ---- constants: representability and overflow --------------------------------------------------- */

static bool check_repr_of(TypeKind k, ConstRepr *r)
{
	switch (k) {
	case TY_INT: case TY_INT64: *r = REPR_INT64; return true;
	case TY_INT8: *r = REPR_INT8; return true;
	case TY_INT16: *r = REPR_INT16; return true;
	case TY_INT32: *r = REPR_INT32; return true;
	case TY_UINT: case TY_UINT64: case TY_UINTPTR: *r = REPR_UINT64; return true;
	case TY_UINT8: *r = REPR_UINT8; return true;
	case TY_UINT16: *r = REPR_UINT16; return true;
	case TY_UINT32: *r = REPR_UINT32; return true;
	case TY_FLOAT32: *r = REPR_FLOAT32; return true;
	case TY_FLOAT64: *r = REPR_FLOAT64; return true;
	case TY_COMPLEX64: *r = REPR_COMPLEX64; return true;
	case TY_COMPLEX128: *r = REPR_COMPLEX128; return true;
	default: return false;
	}
}

/* The float and complex cases of check_representable_const: cv is v converted to the right kind (or NULL
 * if it cannot be); untyped targets keep it exactly, sized ones round it (const_representable). */
static bool check_representable_rounded(ConstValue *cv, ConstKind want, bool untyped, TypeKind k,
				  ConstValue **rounded)
{
	ConstRepr r;
	ConstValue *rv = NULL;
	if (!cv || const_kind(cv) != want)
		return false;
	if (!untyped && (!check_repr_of(k, &r) || !const_representable(cv, r, &rv)))
		return false;
	if (rounded)
		*rounded = rv ? rv : cv;
	return true;
}

/* go/types representableConst: can v be a value of basic type typ? *rounded gets the value in typ. */
bool check_representable_const(ConstValue *v, Type *typ, ConstValue **rounded)
{
	if (check_is_const_unknown(v))
		return true;
	Type *u = check_under(typ);
	TypeKind k = u->kind;
	ConstRepr r;
	if (type_is_integer(u)) {
		ConstValue *iv = const_to_int(v);
		if (!iv || const_kind(iv) != CONST_INT)
			return false;
		if (rounded)
			*rounded = iv;
		if (k == TY_UNTYPED_INT || k == TY_UNTYPED_RUNE)
			return true;
		return check_repr_of(k, &r) && const_representable(iv, r, NULL);
	}
	if (type_is_float(u))
		return check_representable_rounded(const_to_float(v), CONST_FLOAT, k == TY_UNTYPED_FLOAT, k, rounded);
	if (type_is_complex(u))
		return check_representable_rounded(const_to_complex(v), CONST_COMPLEX, k == TY_UNTYPED_COMPLEX, k,
					     rounded);
	if (type_is_string(u))
		return const_kind(v) == CONST_STRING;
	if (type_is_boolean(u))
		return const_kind(v) == CONST_BOOL;
	return false;
}

/* go/types representation: the value of constant x in type typ, or an error code. */
static ConstValue *check_representation(Operand *x, Type *typ, int *code)
{
	ConstValue *v = x->val;
	*code = CODE_OK;
	if (!check_representable_const(x->val, typ, &v)) {
		if (type_is_numeric(x->type) && type_is_numeric(typ)) {
			if (!type_is_integer(x->type) && type_is_integer(typ))
				*code = CODE_TRUNCATED;
			else
				*code = CODE_OVERFLOW;
		} else {
			*code = CODE_INVALID_CONST;
		}
		return NULL;
	}
	return v;
}

static void check_invalid_conversion(int code, Operand *x, Type *target)
{
	const char *fmt = "cannot convert %s to %s";
	if (code == CODE_TRUNCATED)
		fmt = "%s truncated to %s";
	else if (code == CODE_OVERFLOW)
		fmt = "%s overflows %s";
	check_errorf(check_op_pos(x), fmt, check_op_str(x), check_ty_str(target));
}

void check_representable(Operand *x, Type *typ)
{
	int code;
	ConstValue *v = check_representation(x, typ, &code);
	if (code) {
		check_invalid_conversion(code, x, typ);
		x->mode = MODE_INVALID;
		return;
	}
	x->val = v;
}

/* Position of the operator of an operation, else the start of the expression (go/types opPos). */
static Pos check_operator_pos(Node *e)
{
	if (e && (e->kind == ND_BINARY || e->kind == ND_UNARY))
		return e->pos;
	return check_expr_start(e);
}

static const char *check_op_name(Node *e)
{
	if (e && e->kind == ND_UNARY && e->unary.op == TOK_XOR)
		return "bitwise complement";
	if (e && e->kind == ND_BINARY) {
		switch (e->binary.op) {
		case TOK_ADD: return "addition";
		case TOK_SUB: return "subtraction";
		case TOK_XOR: return "bitwise XOR";
		case TOK_MUL: return "multiplication";
		case TOK_SHL: return "shift";
		default: break;
		}
	}
	return "";
}

static void check_overflow(Operand *x)
{
	if (check_is_const_unknown(x->val)) {
		check_errorf(check_operator_pos(x->expr), "constant result is not representable");
		return;
	}
	if (!type_is_untyped(x->type)) {
		check_representable(x, check_under(x->type));
		return;
	}
	if (const_kind(x->val) == CONST_INT && const_bitlen(x->val) > 512) {
		const char *name = check_op_name(x->expr);
		check_errorf(check_operator_pos(x->expr), "constant %s%soverflow", name, *name ? " " : "");
		x->val = const_unknown();
	}
}

/* ---- untyped operands ------------------------------------------------------------------------ */

Type *check_implicit_type_and_value(Operand *x, Type *target, ConstValue **val, int *code)
{
	*val = NULL;
	*code = CODE_OK;
	if (x->mode == MODE_INVALID || !type_is_untyped(x->type) || target == ty_invalid)
		return x->type;
	if (type_is_untyped(target)) {
		TypeKind xk = x->type->kind, tk = target->kind;
		if (type_is_numeric(x->type) && type_is_numeric(target)) {
			if (xk < tk)
				return target;
		} else if (xk != tk) {
			*code = CODE_INVALID_UNTYPED;
			return NULL;
		}
		return x->type;
	}
	if (x->mode == MODE_NILVALUE) {
		if (check_has_nil(target))
			return target;
		*code = CODE_INVALID_UNTYPED;
		return NULL;
	}
	Type *u = check_under(target);
	if (u->kind <= TY_UNTYPED_NIL) {
		if (x->mode == MODE_CONST) {
			ConstValue *v = check_representation(x, u, code);
			if (*code)
				return NULL;
			*val = v;
			return target;
		}
		bool ok;
		switch (x->type->kind) {
		case TY_UNTYPED_BOOL: ok = type_is_boolean(target); break;
		case TY_UNTYPED_INT: case TY_UNTYPED_RUNE: case TY_UNTYPED_FLOAT: case TY_UNTYPED_COMPLEX:
			ok = type_is_numeric(target);
			break;
		case TY_UNTYPED_STRING: ok = type_is_string(target); break;
		default: ok = false; break;
		}
		if (!ok) {
			*code = CODE_INVALID_UNTYPED;
			return NULL;
		}
		return target;
	}
	if (u->kind == TY_INTERFACE) {
		if (!type_is_empty_iface(u)) {
			*code = CODE_INVALID_UNTYPED;
			return NULL;
		}
		return type_default(x->type);
	}
	*code = CODE_INVALID_UNTYPED;
	return NULL;
}

void check_convert_untyped(Operand *x, Type *target)
{
	ConstValue *val;
	int code;
	Type *t = check_implicit_type_and_value(x, target, &val, &code);
	if (code) {
		check_invalid_conversion(code, x, check_under(target));
		x->mode = MODE_INVALID;
		return;
	}
	if (val) {
		x->val = val;
		check_update_expr_val(x->expr, val);
	}
	if (t != x->type) {
		x->type = t;
		check_update_expr_type(x->expr, t, false);
	}
}

static bool check_is_comparison(TokenKind op)
{
	return op == TOK_EQL || op == TOK_NEQ || op == TOK_LSS || op == TOK_LEQ || op == TOK_GTR ||
	       op == TOK_GEQ;
}

static bool check_is_shift(TokenKind op)
{
	return op == TOK_SHL || op == TOK_SHR;
}

static void check_update_expr_type0(Node *parent, Node *x, Type *typ, bool final)
{
	if (!x || !x->type || !type_is_untyped(x->type))
		return; /* not (or no longer) an untyped expression */
	switch (x->kind) {
	case ND_PAREN:
		check_update_expr_type0(x, x->paren.x, typ, final);
		break;
	case ND_UNARY:
		if (x->mode != MODE_CONST)
			check_update_expr_type0(x, x->unary.x, typ, final);
		break;
	case ND_BINARY:
		if (x->mode == MODE_CONST)
			break;
		if (check_is_comparison(x->binary.op)) {
			/* the operands already have their final types */
		} else if (check_is_shift(x->binary.op)) {
			check_update_expr_type0(x, x->binary.x, typ, final);
		} else {
			check_update_expr_type0(x, x->binary.x, typ, final);
			check_update_expr_type0(x, x->binary.y, typ, final);
		}
		break;
	case ND_IDENT: case ND_BASIC_LIT: case ND_SELECTOR: case ND_CALL:
		break;
	default:
		return; /* never untyped */
	}
	if (!final && type_is_untyped(typ)) {
		x->type = check_under(typ);
		return;
	}
	Type *old_type = x->type;
	ExprMode old_mode = x->mode;
	ConstValue *old_val = x->cval;
	x->type = typ; /* final: no longer untyped */
	if (check_is_shift_lhs(x) && !type_is_integer(typ)) {
		check_errorf(check_expr_start(x), "invalid operation: %s (shift of type %s)",
			     check_ex_str(parent ? parent : x), check_ty_str(typ));
		return;
	}
	if (old_mode == MODE_CONST && old_val) {
		Operand c = {old_mode, x, old_type, old_val, BI_NONE};
		check_convert_untyped(&c, typ);
		if (c.mode == MODE_INVALID) {
			x->type = old_type;
			return;
		}
		x->cval = c.val;
	}
}

void check_update_expr_type(Node *x, Type *typ, bool final)
{
	check_update_expr_type0(NULL, x, typ, final);
}

/* ---- identifiers ----------------------------------------------------------------------------- */

/* Generics are not instantiated yet. A standard package's generic functions and types (the
 * library has a few: sync/atomic.Pointer[T]) are declared and left unchecked, and each use is
 * refused; elsewhere the declaration itself is, since an unchecked body could hide an error gc
 * reports. True if the declaration is kept. */
void check_generic_use(Pos pos)
{
	unsupported_at(pos, "generic type parameters");
	ck->nerrors++;
}

bool check_generic_decl(Pos tparam)
{
	if (ck->pkg->standard)
		return true;
	check_generic_use(tparam);
	return false;
}

void check_ident(Operand *x, Node *e, Type *def, bool want_type)
{
	x->mode = MODE_INVALID;
	x->expr = e;
	x->type = ty_invalid;
	x->val = NULL;
	const char *name = e->ident.name;
	Object *obj = check_lookup(name);
	if (!obj) {
		if (strcmp(name, "_") == 0)
			check_errorf(e->pos, "cannot use _ as value or type");
		else
			check_errorf(e->pos, "undefined: %s", name);
		return;
	}
	e->ident.obj = obj;
	if (obj->scope && (obj->scope == ck->unsafe_scope || (obj->pkg && obj->pkg != ck->pkg)))
		check_mark_dot_imports_used(obj->scope); /* reached through a dot import */
	if (obj->kind == OBJ_TYPE && obj->scope == scope_universe() && strcmp(obj->name, "comparable") == 0) {
		unsupported_at(e->pos, "generic type constraints");
		ck->nerrors++;
		return;
	}
	Type *typ = obj->type;
	if (!typ || (obj->kind == OBJ_TYPE && want_type && obj->checker)) {
		check_obj_decl(obj, def);
		typ = obj->type;
	}
	if (!typ)
		typ = ty_invalid;
	if (obj->generic) {
		check_generic_use(e->pos);
		return;
	}
	switch (obj->kind) {
	case OBJ_PACKAGE:
		check_errorf(e->pos, "use of package %s not in selector", obj->name);
		return;
	case OBJ_CONST:
		check_add_decl_dep(obj);
		if (typ == ty_invalid)
			return;
		if (obj->scope == scope_universe() && strcmp(obj->name, "iota") == 0) {
			if (!ck->env.iota) {
				check_errorf(e->pos, "cannot use iota outside constant declaration");
				return;
			}
			x->val = ck->env.iota;
		} else {
			x->val = obj->cval ? obj->cval : const_unknown();
		}
		x->mode = MODE_CONST;
		break;
	case OBJ_TYPE:
		x->mode = MODE_TYPE;
		break;
	case OBJ_VAR:
		obj->used = true;
		check_add_decl_dep(obj);
		if (typ == ty_invalid)
			return;
		x->mode = MODE_VARIABLE;
		break;
	case OBJ_FUNC:
		check_add_decl_dep(obj);
		x->mode = MODE_VALUE;
		break;
	case OBJ_BUILTIN:
		x->id = obj->builtin;
		x->mode = MODE_BUILTIN;
		break;
	case OBJ_NIL:
		x->mode = MODE_NILVALUE;
		break;
	default:
		return;
	}
	x->type = typ;
}

/* ---- unary and binary operations -------------------------------------------------------------- */

static bool check_all_numeric(Type *t) { return type_is_numeric(t); }
static bool check_all_integer(Type *t) { return type_is_integer(t); }
static bool check_all_boolean(Type *t) { return type_is_boolean(t); }
static bool check_all_numeric_or_string(Type *t) { return type_is_numeric(t) || type_is_string(t); }

static bool check_op_allowed(TokenKind op, Type *t, bool unary)
{
	switch (op) {
	case TOK_ADD: return unary ? check_all_numeric(t) : check_all_numeric_or_string(t);
	case TOK_SUB: case TOK_MUL: case TOK_QUO: return check_all_numeric(t);
	case TOK_XOR: case TOK_REM: case TOK_AND: case TOK_OR: case TOK_AND_NOT: return check_all_integer(t);
	case TOK_NOT: case TOK_LAND: case TOK_LOR: return check_all_boolean(t);
	default: return false;
	}
}

static bool check_op(TokenKind op, Operand *x, bool unary)
{
	if (!check_op_allowed(op, x->type, unary)) {
		check_errorf(check_op_pos(x), "invalid operation: operator %s not defined on %s", token_spelling(op),
			     check_op_str(x));
		return false;
	}
	return true;
}

static void check_unary(Operand *x, Node *e)
{
	check_expr(x, e->unary.x);
	if (x->mode == MODE_INVALID)
		return;
	TokenKind op = e->unary.op;
	switch (op) {
	case TOK_AND: {
		Node *inner = check_unparen(e->unary.x);
		if ((!inner || inner->kind != ND_COMPOSITE_LIT) && x->mode != MODE_VARIABLE) {
			check_errorf(check_op_pos(x), "invalid operation: cannot take address of %s", check_op_str(x));
			x->mode = MODE_INVALID;
			return;
		}
		check_mark_addr_taken(e->unary.x);
		x->mode = MODE_VALUE;
		x->type = type_pointer(x->type);
		return;
	}
	case TOK_ARROW: {
		Type *u = check_under(x->type);
		if (u->kind != TY_CHAN) {
			check_errorf(check_op_pos(x), "invalid operation: cannot receive from non-channel %s", check_op_str(x));
			x->mode = MODE_INVALID;
			return;
		}
		if (u->chan.dir == CHAN_SEND) {
			check_errorf(check_op_pos(x), "invalid operation: cannot receive from send-only channel %s", check_op_str(x));
			x->mode = MODE_INVALID;
			return;
		}
		x->mode = MODE_COMMAOK;
		x->type = u->chan.elem;
		ck->env.has_call_or_recv = true;
		return;
	}
	case TOK_TILDE:
		check_errorf(e->pos, "cannot use ~ outside of interface or type constraint");
		x->mode = MODE_INVALID;
		return;
	default:
		break;
	}
	if (!check_op(op, x, true)) {
		x->mode = MODE_INVALID;
		return;
	}
	if (x->mode == MODE_CONST) {
		if (check_is_const_unknown(x->val))
			return;
		int bits = type_is_unsigned(x->type) ? (int)type_size(x->type) * 8 : 0;
		x->val = const_unary(op, x->val, bits);
		x->expr = e;
		check_overflow(x);
		return;
	}
	x->mode = MODE_VALUE;
}

static void check_shift(Operand *x, Operand *y, Node *e, TokenKind op)
{
	ConstValue *xval = NULL;
	if (x->mode == MODE_CONST)
		xval = const_to_int(x->val);
	if (!type_is_integer(x->type) &&
	    !(type_is_untyped(x->type) && xval && const_kind(xval) == CONST_INT)) {
		check_errorf(check_op_pos(x), "invalid operation: shifted operand %s must be integer", check_op_str(x));
		x->mode = MODE_INVALID;
		return;
	}
	if (y->mode == MODE_CONST) {
		ConstValue *yval = const_to_int(y->val);
		if (yval && const_kind(yval) == CONST_INT && const_sign(yval) < 0) {
			check_errorf(check_op_pos(y), "invalid operation: negative shift count %s", check_op_str(y));
			x->mode = MODE_INVALID;
			return;
		}
		if (type_is_untyped(y->type)) {
			check_representable(y, type_basic(TY_UINT));
			if (y->mode == MODE_INVALID) {
				x->mode = MODE_INVALID;
				return;
			}
			/* a count of a non-constant shift is a uint (gc's noder): `x << 1.` shifts by
			 * uint(1), and `x << (M + 0.)` keeps M's exact value, not float64's rounding */
			if (x->mode != MODE_CONST)
				check_convert_untyped(y, type_basic(TY_UINT));
		}
	} else if (type_is_integer(y->type) && !type_is_untyped(y->type)) {
		/* ok: signed counts are permitted since go1.13 */
	} else if (type_is_untyped(y->type)) {
		check_convert_untyped(y, type_basic(TY_UINT));
		if (y->mode == MODE_INVALID) {
			x->mode = MODE_INVALID;
			return;
		}
	} else {
		check_errorf(check_op_pos(y), "invalid operation: shift count %s must be integer", check_op_str(y));
		x->mode = MODE_INVALID;
		return;
	}
	if (x->mode == MODE_CONST) {
		if (y->mode == MODE_CONST) {
			if (check_is_const_unknown(x->val) || check_is_const_unknown(y->val)) {
				x->val = const_unknown();
				if (!type_is_integer(x->type))
					x->type = type_basic(TY_UNTYPED_INT);
				return;
			}
			uint64_t s;
			if (!const_to_uint64(const_to_int(y->val), &s) || s > 1023 - 1 + 52) {
				check_errorf(check_op_pos(y), "invalid operation: invalid shift count %s", check_op_str(y));
				x->mode = MODE_INVALID;
				return;
			}
			if (!type_is_integer(x->type))
				x->type = type_basic(TY_UNTYPED_INT);
			x->val = const_shift(op, xval, (unsigned long)s);
			x->expr = e;
			check_overflow(x);
			return;
		}
		if (type_is_untyped(x->type)) {
			/* the constant's type is what it would be without the shift: decided by the context */
			if (x->expr && x->expr->type && type_is_untyped(x->expr->type) && !check_is_shift_lhs(x->expr))
				vec_push(&ck->shift_lhs, x->expr);
			x->mode = MODE_VALUE;
			return;
		}
	}
	if (!type_is_integer(x->type)) {
		check_errorf(check_op_pos(x), "invalid operation: shifted operand %s must be integer", check_op_str(x));
		x->mode = MODE_INVALID;
		return;
	}
	x->mode = MODE_VALUE;
}

static const char *check_incomparable_cause(Type *t)
{
	Type *u = check_under(t);
	switch (u->kind) {
	case TY_SLICE: case TY_FUNC: case TY_MAP:
		return xsprintf("%s can only be compared to nil", check_kind_string(t));
	case TY_STRUCT:
		for (int i = 0; i < u->strct.nfields; i++)
			if (!type_is_comparable(u->strct.fields[i]->type))
				return xsprintf("struct containing %s cannot be compared", check_ty_str(u->strct.fields[i]->type));
		return "";
	case TY_ARRAY:
		return xsprintf("%s cannot be compared", check_ty_str(u));
	default:
		return "";
	}
}

static void check_mark_iface_conv(Operand *x, Type *target)
{
	if (x->expr && target && check_is_interface(target) && x->mode != MODE_NILVALUE &&
	    !type_identical(x->type, target))
		x->expr->iface_conv = target;
}

void check_comparison(Operand *x, Operand *y, TokenKind op, bool switch_case)
{
	if (switch_case)
		op = TOK_EQL;
	Operand *err_op = x;
	const char *cause = "";
	bool ok = check_assignable_to(x, y->type, NULL);
	if (!ok)
		ok = check_assignable_to(y, x->type, NULL);
	if (!ok) {
		err_op = y;
		cause = xsprintf("mismatched types %s and %s", check_ty_str(x->type), check_ty_str(y->type));
		goto error;
	}
	if (op == TOK_EQL || op == TOK_NEQ) {
		if (x->mode == MODE_NILVALUE || y->mode == MODE_NILVALUE) {
			Type *typ = x->mode == MODE_NILVALUE ? y->type : x->type;
			if (!check_has_nil(typ)) {
				err_op = y;
				goto error;
			}
		} else if (!type_is_comparable(x->type)) {
			err_op = x;
			cause = check_incomparable_cause(x->type);
			goto error;
		} else if (!type_is_comparable(y->type)) {
			err_op = y;
			cause = check_incomparable_cause(y->type);
			goto error;
		}
	} else {
		if (!type_is_ordered(x->type)) {
			err_op = x;
			goto error;
		}
		if (!type_is_ordered(y->type)) {
			err_op = y;
			goto error;
		}
	}
	if (x->mode == MODE_CONST && y->mode == MODE_CONST) {
		if (check_is_const_unknown(x->val) || check_is_const_unknown(y->val)) {
			x->val = const_unknown();
		} else {
			ConstValue *a = x->val, *b = y->val;
			if (const_kind(a) != CONST_BOOL && const_kind(a) != CONST_STRING)
				const_match(&a, &b);
			x->val = const_bool(const_compare(op, a, b));
		}
	} else {
		x->mode = MODE_VALUE;
		check_update_expr_type(x->expr, type_default(x->type), true);
		check_update_expr_type(y->expr, type_default(y->type), true);
		/* mixed interface/concrete comparisons convert the concrete operand */
		if (check_is_interface(x->type) && !check_is_interface(y->type))
			check_mark_iface_conv(y, x->type);
		else if (check_is_interface(y->type) && !check_is_interface(x->type))
			check_mark_iface_conv(x, y->type);
	}
	x->type = type_basic(TY_UNTYPED_BOOL);
	return;
error:
	if (!*cause)
		cause = xsprintf("operator %s not defined on %s", token_spelling(op), check_kind_string(err_op->type));
	if (switch_case)
		check_errorf(check_op_pos(x), "invalid case %s in switch on %s (%s)", check_ex_str(x->expr), check_ex_str(y->expr), cause);
	else
		check_errorf(check_op_pos(err_op), "invalid operation: %s %s %s (%s)", check_ex_str(x->expr), token_spelling(op),
			     check_ex_str(y->expr), cause);
	x->mode = MODE_INVALID;
}

static bool check_can_mix(Operand *x, Operand *y)
{
	if (check_is_interface(x->type) || check_is_interface(y->type))
		return true;
	if (type_is_boolean(x->type) != type_is_boolean(y->type))
		return false;
	if (type_is_string(x->type) != type_is_string(y->type))
		return false;
	if (x->mode == MODE_NILVALUE && !check_has_nil(y->type))
		return false;
	if (y->mode == MODE_NILVALUE && !check_has_nil(x->type))
		return false;
	return true;
}

/* go/types: a complex divisor whose squared parts both underflow to zero is a division by zero. */
static bool check_complex_divisor_zero(ConstValue *v)
{
	ConstValue *c = const_to_complex(v);
	if (!c)
		return false;
	ConstValue *re = const_real(c), *im = const_imag(c);
	ConstValue *re2 = const_binary(TOK_MUL, re, re, false), *im2 = const_binary(TOK_MUL, im, im, false);
	return const_sign(re2) == 0 && const_sign(im2) == 0;
}

static void check_binary_const(Operand *x, Operand *y, Node *e, TokenKind op)
{
	if (check_is_const_unknown(x->val) || check_is_const_unknown(y->val)) {
		x->val = const_unknown();
		return;
	}
	if (op == TOK_LAND || op == TOK_LOR) {
		bool a = const_bool_val(x->val), b = const_bool_val(y->val);
		x->val = const_bool(op == TOK_LAND ? a && b : a || b);
	} else {
		x->val = const_binary(op, x->val, y->val, op == TOK_QUO && type_is_integer(x->type));
	}
	x->expr = e;
	check_overflow(x);
}

void check_binary(Operand *x, Node *e, Node *lhs, Node *rhs, TokenKind op)
{
	Operand y;
	check_expr(x, lhs);
	check_expr(&y, rhs);
	if (x->mode == MODE_INVALID)
		return;
	if (y.mode == MODE_INVALID) {
		x->mode = MODE_INVALID;
		x->expr = y.expr;
		return;
	}
	if (check_is_shift(op)) {
		check_shift(x, &y, e, op);
		return;
	}
	if (check_can_mix(x, &y)) {
		check_convert_untyped(x, y.type);
		if (x->mode == MODE_INVALID)
			return;
		check_convert_untyped(&y, x->type);
		if (y.mode == MODE_INVALID) {
			x->mode = MODE_INVALID;
			return;
		}
	}
	if (check_is_comparison(op)) {
		check_comparison(x, &y, op, false);
		return;
	}
	if (!type_identical(x->type, y.type)) {
		if (x->type != ty_invalid && y.type != ty_invalid) {
			if (e)
				check_errorf(check_op_pos(x), "invalid operation: %s (mismatched types %s and %s)", check_ex_str(e),
					     check_ty_str(x->type), check_ty_str(y.type));
			else
				check_errorf(check_op_pos(x), "invalid operation: %s %s= %s (mismatched types %s and %s)",
					     check_ex_str(lhs), token_spelling(op), check_ex_str(rhs), check_ty_str(x->type), check_ty_str(y.type));
		}
		x->mode = MODE_INVALID;
		return;
	}
	if (!check_op(op, x, false)) {
		x->mode = MODE_INVALID;
		return;
	}
	if (op == TOK_QUO || op == TOK_REM) {
		if ((x->mode == MODE_CONST || type_is_integer(x->type)) && y.mode == MODE_CONST &&
		    !check_is_const_unknown(y.val) && const_kind(y.val) != CONST_COMPLEX && const_sign(y.val) == 0) {
			check_errorf(check_op_pos(&y), "invalid operation: division by zero");
			x->mode = MODE_INVALID;
			return;
		}
		if (x->mode == MODE_CONST && y.mode == MODE_CONST && type_is_complex(x->type) &&
		    !check_is_const_unknown(y.val) && check_complex_divisor_zero(y.val)) {
			check_errorf(check_op_pos(&y), "invalid operation: division by zero");
			x->mode = MODE_INVALID;
			return;
		}
	}
	if (x->mode == MODE_CONST && y.mode == MODE_CONST) {
		check_binary_const(x, &y, e, op);
		return;
	}
	x->mode = MODE_VALUE;
}

/* ---- composite literals ---------------------------------------------------------------------- */

static Type *check_deref_type(Type *t, bool *is_ptr)
{
	*is_ptr = false;
	if (t && t->kind == TY_POINTER) {
		*is_ptr = true;
		return t->pointer.elem;
	}
	return t;
}

static int check_field_index(Type *st, const char *name)
{
	if (strcmp(name, "_") == 0)
		return -1;
	for (int i = 0; i < st->strct.nfields; i++)
		if (st->strct.fields[i]->name == name)
			return i;
	return -1;
}

static void check_struct_lit_keyed(Operand *x, Node *e, Type *utyp, Type *base)
{
	int n = utyp->strct.nfields;
	bool *visited = xalloc(n + 1);
	for (int i = 0; i < e->composite.elts.len; i++) {
		Node *kv = e->composite.elts.data[i];
		if (kv->kind != ND_KEY_VALUE) {
			check_errorf(check_expr_start(kv), "mixture of field:value and value elements in struct literal");
			continue;
		}
		Node *key = kv->key_value.key;
		check_expr(x, kv->key_value.value);
		if (!key || key->kind != ND_IDENT) {
			check_errorf(check_expr_start(kv), "invalid field name %s in struct literal", check_ex_str(key));
			continue;
		}
		int fi = check_field_index(utyp, key->ident.name);
		if (fi < 0) {
			check_errorf(key->pos, "unknown field '%s' in struct literal of type %s", key->ident.name,
				     check_ty_str(base));
			continue;
		}
		Field *fld = utyp->strct.fields[fi];
		key->ident.obj = fld->obj;
		key->mode = MODE_VARIABLE;
		key->type = fld->type;
		check_assignment(x, fld->type, "struct literal");
		if (visited[fi]) {
			check_errorf(check_expr_start(kv), "duplicate field name %s in struct literal", key->ident.name);
			continue;
		}
		visited[fi] = true;
	}
}

static void check_struct_lit_positional(Operand *x, Node *e, Type *utyp, Type *base)
{
	int n = utyp->strct.nfields;
	for (int i = 0; i < e->composite.elts.len; i++) {
		Node *el = e->composite.elts.data[i];
		if (el->kind == ND_KEY_VALUE) {
			check_errorf(check_expr_start(el), "mixture of field:value and value elements in struct literal");
			continue;
		}
		check_expr(x, el);
		if (i >= n) {
			check_errorf(check_op_pos(x), "too many values in %s{…}", check_ty_str(base));
			break;
		}
		check_assignment(x, utyp->strct.fields[i]->type, "struct literal");
	}
	if (e->composite.elts.len < n)
		check_errorf(e->composite.rbrace, "too few values in %s{…}", check_ty_str(base));
}

static uint64_t check_index_hash(const void *k)
{
	return hash_mix(0, (uint64_t)*(const int64_t *)k);
}

static bool check_index_eq(const void *a, const void *b)
{
	return *(const int64_t *)a == *(const int64_t *)b;
}

/* go/types indexedElts: array and slice literal elements; returns the length. */
static int64_t check_indexed_elts(Vec *elts, Type *typ, int64_t length)
{
	HashMap visited = hashmap_custom(check_index_hash, check_index_eq); /* int64_t keys */
	int64_t index = 0, max = 0;
	for (int i = 0; i < elts->len; i++) {
		Node *e = elts->data[i];
		bool valid_index = false;
		Node *eval = e;
		if (e->kind == ND_KEY_VALUE) {
			Type *t;
			int64_t k = check_index(e->key_value.key, length, &t);
			if (t != ty_invalid) {
				if (k >= 0) {
					index = k;
					valid_index = true;
				} else {
					check_errorf(check_expr_start(e), "index %s must be integer constant",
						     check_ex_str(e->key_value.key));
				}
			}
			eval = e->key_value.value;
		} else if (length >= 0 && index >= length) {
			check_errorf(check_expr_start(e), "index %lld is out of bounds (>= %lld)", (long long)index,
				     (long long)length);
		} else {
			valid_index = true;
		}
		if (valid_index && hashmap_get(&visited, &index)) {
			check_errorf(check_expr_start(e), "duplicate index %lld in array or slice literal", (long long)index);
		} else if (valid_index) {
			int64_t *k = xnew(int64_t);
			*k = index;
			hashmap_put(&visited, k, k);
		}
		index++;
		if (index > max)
			max = index;
		Operand x;
		check_expr_with_hint(&x, eval, typ);
		check_assignment(&x, typ, "array or slice literal");
	}
	return max;
}

typedef struct MapKey {
	ConstValue *val;
	Type *type;
	bool iface; /* the map's key type is an interface: keys of different types differ */
} MapKey;

/* HashMap equality of two MapKeys: the same map key (go/types' duplicate key check). */
static bool check_same_key(const void *key, const void *probe)
{
	const MapKey *p = key, *q = probe;
	ConstValue *a = p->val, *b = q->val;
	if (p->iface && !type_identical(p->type, q->type))
		return false;
	ConstKind ka = const_kind(a), kb = const_kind(b);
	if ((ka == CONST_STRING) != (kb == CONST_STRING) || (ka == CONST_BOOL) != (kb == CONST_BOOL))
		return false;
	if (ka == CONST_STRING || ka == CONST_BOOL)
		return const_compare(TOK_EQL, a, b);
	if (ka == CONST_UNKNOWN || kb == CONST_UNKNOWN)
		return false;
	ConstValue *x = a, *y = b;
	const_match(&x, &y);
	return const_compare(TOK_EQL, x, y);
}

static uint64_t check_map_key_hash(const void *k)
{
	return check_const_hash(((const MapKey *)k)->val);
}

static void check_map_lit(Operand *x, Node *e, Type *utyp)
{
	bool key_iface = check_is_interface(utyp->map.key);
	HashMap keys = hashmap_custom(check_map_key_hash, check_same_key); /* MapKey keys */
	for (int i = 0; i < e->composite.elts.len; i++) {
		Node *kv = e->composite.elts.data[i];
		if (kv->kind != ND_KEY_VALUE) {
			check_errorf(check_expr_start(kv), "missing key in map literal");
			continue;
		}
		check_expr_with_hint(x, kv->key_value.key, utyp->map.key);
		check_assignment(x, utyp->map.key, "map literal");
		if (x->mode == MODE_INVALID)
			continue;
		if (x->mode == MODE_CONST && x->val) {
			MapKey probe = {x->val, x->type, key_iface};
			if (hashmap_get(&keys, &probe)) {
				check_errorf(check_op_pos(x), "duplicate key %s in map literal", const_format(x->val));
				continue;
			}
			MapKey *k = xnew(MapKey);
			*k = probe;
			hashmap_put(&keys, k, k);
		}
		check_expr_with_hint(x, kv->key_value.value, utyp->map.value);
		check_assignment(x, utyp->map.value, "map literal");
	}
}

static bool check_composite_lit(Operand *x, Node *e, Type *hint)
{
	Type *typ, *base;
	Node *te = e->composite.type;
	if (te) {
		if (te->kind == ND_ARRAY_TYPE && te->array_type.len && te->array_type.len->kind == ND_ELLIPSIS) {
			typ = type_array(check_var_type(te->array_type.elt), -1);
			te->mode = MODE_TYPE;
			te->type = typ;
		} else {
			typ = check_typ(te);
		}
		base = typ;
	} else if (hint) {
		typ = hint;
		bool is_ptr;
		base = check_deref_type(check_under(typ), &is_ptr);
		if (is_ptr) {
			e->composite.implicit_addr = true;
			base = typ->kind == TY_POINTER ? typ->pointer.elem : base;
		}
	} else {
		check_errorf(check_expr_start(e), "missing type in composite literal");
		return false;
	}
	Type *utyp = check_under(base);
	switch (utyp->kind) {
	case TY_STRUCT:
		if (e->composite.elts.len == 0)
			break;
		if (((Node *)e->composite.elts.data[0])->kind == ND_KEY_VALUE)
			check_struct_lit_keyed(x, e, utyp, base);
		else
			check_struct_lit_positional(x, e, utyp, base);
		break;
	case TY_ARRAY: {
		if (!utyp->array.elem) {
			check_errorf(check_expr_start(e), "illegal cycle in type declaration");
			return false;
		}
		int64_t n = check_indexed_elts(&e->composite.elts, utyp->array.elem, utyp->array.len);
		if (utyp->array.len < 0)
			utyp->array.len = n;
		break;
	}
	case TY_SLICE:
		check_indexed_elts(&e->composite.elts, utyp->array.elem, -1);
		break;
	case TY_MAP:
		check_map_lit(x, e, utyp);
		break;
	default:
		for (int i = 0; i < e->composite.elts.len; i++) {
			Node *el = e->composite.elts.data[i];
			check_use(el->kind == ND_KEY_VALUE ? el->key_value.value : el);
		}
		if (utyp != ty_invalid) {
			check_errorf(check_expr_start(e), "invalid composite literal type %s", check_ty_str(typ));
			return false;
		}
		break;
	}
	x->mode = MODE_VALUE;
	x->type = typ;
	return true;
}

/* ---- function literals ----------------------------------------------------------------------- */

static void check_func_lit(Operand *x, Node *e)
{
	Object *fn = e->func_lit.obj;
	if (fn) { /* checked before (an expression evaluated twice after an error) */
		x->mode = MODE_VALUE;
		x->type = fn->type;
		return;
	}
	fn = object_new(ck->pkg, OBJ_FUNC, intern("func", 4), e->pos, NULL);
	fn->decl = e;
	fn->outer = ck->env.func;
	fn->func_type = e->func_lit.type;
	fn->body = e->func_lit.body;
	e->func_lit.obj = fn;
	Type *sig = type_new(TY_FUNC);
	fn->type = sig;
	Scope *scope = scope_new(ck->env.scope, fn);
	scope->is_func = true;
	check_func_type(fn, sig, NULL, e->func_lit.type, scope);
	if (ck->env.func)
		vec_push(&check_obj_info(ck->env.func)->lits, e);
	else
		vec_push(&ck->glob_lits, e);
	if (e->func_lit.body)
		check_later(LATER_FUNC_LIT, e, NULL, fn, e->pos);
	x->mode = MODE_VALUE;
	x->type = sig;
}

/* ---- index and slice expressions -------------------------------------------------------------- */

bool check_is_valid_index(Operand *x, const char *what, bool allow_negative)
{
	if (x->mode == MODE_INVALID)
		return false;
	check_convert_untyped(x, type_basic(TY_INT));
	if (x->mode == MODE_INVALID)
		return false;
	if (!type_is_integer(x->type)) {
		check_errorf(check_op_pos(x), "invalid argument: %s %s must be integer", what, check_op_str(x));
		return false;
	}
	if (x->mode == MODE_CONST) {
		if (!allow_negative && !check_is_const_unknown(x->val) && const_sign(x->val) < 0) {
			check_errorf(check_op_pos(x), "invalid argument: %s %s must not be negative", what, check_op_str(x));
			return false;
		}
		ConstValue *r = x->val;
		if (!check_representable_const(x->val, type_basic(TY_INT), &r)) {
			check_errorf(check_op_pos(x), "invalid argument: %s %s overflows int", what, check_op_str(x));
			return false;
		}
		x->val = r;
	}
	return true;
}

/* go/types index: checks an index expression; returns its constant value or -1. */
int64_t check_index(Node *index, int64_t max, Type **typ)
{
	*typ = ty_invalid;
	Operand x;
	check_expr(&x, index);
	if (!check_is_valid_index(&x, "index", false))
		return -1;
	if (x.mode != MODE_CONST) {
		*typ = x.type;
		return -1;
	}
	if (check_is_const_unknown(x.val))
		return -1;
	int64_t v = 0;
	const_to_int64(x.val, &v);
	if (max >= 0 && v >= max) {
		check_errorf(check_op_pos(&x), "invalid argument: index %s out of bounds [0:%lld]", const_format(x.val),
			     (long long)max);
		return -1;
	}
	*typ = x.type;
	return v;
}

static Node *check_single_index(Node *e)
{
	if (e->index.indices.len == 0) {
		check_errorf(e->pos, "invalid AST: missing index for %s", check_ex_str(e->index.x));
		return NULL;
	}
	if (e->index.indices.len > 1)
		check_errorf(check_expr_start(e->index.indices.data[1]), "invalid operation: more than one index");
	return e->index.indices.data[0];
}

static Pos check_lbrack_pos(Node *e)
{
	return e->index.lbrack;
}

static void check_index_expr(Operand *x, Node *e)
{
	check_expr_or_type(x, e->index.x);
	if (x->mode == MODE_INVALID) {
		check_use_vec(&e->index.indices);
		return;
	}
	if (x->mode == MODE_TYPE) {
		if (x->type != ty_invalid) {
			unsupported_at(e->pos, "generic type parameters");
			ck->nerrors++;
		}
		x->mode = MODE_INVALID;
		return;
	}
	bool valid = false;
	int64_t length = -1;
	Type *u = check_under(x->type);
	switch (u->kind) {
	case TY_STRING: case TY_UNTYPED_STRING:
		valid = true;
		if (x->mode == MODE_CONST && x->val) {
			size_t len;
			const_string_val(x->val, &len);
			length = (int64_t)len;
		}
		x->mode = MODE_VALUE;
		x->type = type_byte();
		break;
	case TY_ARRAY:
		valid = true;
		length = u->array.len;
		if (x->mode != MODE_VARIABLE)
			x->mode = MODE_VALUE;
		x->type = u->array.elem;
		break;
	case TY_POINTER: {
		Type *a = check_under(u->pointer.elem);
		if (a->kind == TY_ARRAY) {
			valid = true;
			length = a->array.len;
			x->mode = MODE_VARIABLE;
			x->type = a->array.elem;
		}
		break;
	}
	case TY_SLICE:
		valid = true;
		x->mode = MODE_VARIABLE;
		x->type = u->array.elem;
		break;
	case TY_MAP: {
		Node *index = check_single_index(e);
		if (!index) {
			x->mode = MODE_INVALID;
			return;
		}
		Operand key;
		check_expr(&key, index);
		check_assignment(&key, u->map.key, "map index");
		x->mode = MODE_MAPINDEX;
		x->type = u->map.value;
		x->expr = e;
		return;
	}
	default:
		break;
	}
	if (!valid) {
		check_errorf(check_lbrack_pos(e), "invalid operation: cannot index %s", check_op_str(x));
		check_use_vec(&e->index.indices);
		x->mode = MODE_INVALID;
		return;
	}
	Node *index = check_single_index(e);
	if (!index) {
		x->mode = MODE_INVALID;
		return;
	}
	Type *t;
	check_index(index, length, &t);
}

static void check_slice_expr(Operand *x, Node *e)
{
	check_expr(x, e->slice.x);
	if (x->mode == MODE_INVALID) {
		check_use(e->slice.lo);
		check_use(e->slice.hi);
		check_use(e->slice.max);
		return;
	}
	bool valid = false;
	int64_t length = -1;
	Type *u = check_under(x->type);
	switch (u->kind) {
	case TY_STRING: case TY_UNTYPED_STRING:
		if (e->slice.slice3) {
			check_errorf(e->slice.max ? check_expr_start(e->slice.max) : check_expr_start(e),
				     "invalid operation: 3-index slice of string");
			x->mode = MODE_INVALID;
			return;
		}
		valid = true;
		if (x->mode == MODE_CONST && x->val) {
			size_t len;
			const_string_val(x->val, &len);
			length = (int64_t)len;
		}
		if (type_is_untyped(x->type))
			x->type = type_basic(TY_STRING);
		break;
	case TY_ARRAY:
		valid = true;
		length = u->array.len;
		if (x->mode != MODE_VARIABLE) {
			check_errorf(check_op_pos(x), "invalid operation: %s (slice of unaddressable value)", check_op_str(x));
			x->mode = MODE_INVALID;
			return;
		}
		check_mark_addr_taken(e->slice.x);
		x->type = type_slice(u->array.elem);
		break;
	case TY_POINTER: {
		Type *a = check_under(u->pointer.elem);
		if (a->kind == TY_ARRAY) {
			valid = true;
			length = a->array.len;
			x->type = type_slice(a->array.elem);
		}
		break;
	}
	case TY_SLICE:
		valid = true;
		break;
	default:
		break;
	}
	if (!valid) {
		check_errorf(check_op_pos(x), "invalid operation: cannot slice %s", check_op_str(x));
		x->mode = MODE_INVALID;
		return;
	}
	x->mode = MODE_VALUE;
	if (e->slice.slice3 && (!e->slice.hi || !e->slice.max)) {
		check_errorf(e->pos, "middle index required in 3-index slice");
		x->mode = MODE_INVALID;
		return;
	}
	Node *idx[3] = {e->slice.lo, e->slice.hi, e->slice.max};
	int64_t ind[3];
	for (int i = 0; i < 3; i++) {
		int64_t v = -1;
		if (idx[i]) {
			int64_t max = length >= 0 ? length + 1 : -1;
			Type *t;
			int64_t c = check_index(idx[i], max, &t);
			if (c >= 0)
				v = c;
		} else if (i == 0) {
			v = 0;
		} else if (length >= 0) {
			v = length;
		}
		ind[i] = v;
	}
	for (int i = 0; i < 2; i++) {
		if (ind[i] <= 0)
			continue;
		for (int j = i + 1; j < 3; j++) {
			if (ind[j] >= 0 && ind[j] < ind[i]) {
				check_errorf(check_expr_start(idx[j]), "invalid slice indices: %lld < %lld", (long long)ind[j],
					     (long long)ind[i]);
				return;
			}
		}
	}
}

/* ---- type assertions ------------------------------------------------------------------------- */

void check_type_assertion(Node *e, Operand *x, Type *T, bool type_switch)
{
	if (check_is_interface(T))
		return;
	Object *alt = NULL;
	Object *m = check_missing_method(T, x->type, false, &alt);
	if (!m)
		return;
	const char *cause = check_missing_method_reason(T, x->type, m, alt);
	if (type_switch)
		check_errorf(check_expr_start(e), "impossible type switch case: %s\n\t%s cannot have dynamic type %s %s",
			     check_ex_str(e), check_op_str(x), check_ty_str(T), cause);
	else
		check_errorf(check_expr_start(e), "impossible type assertion: %s\n\t%s does not implement %s %s", check_ex_str(e),
			     check_ty_str(T), check_ty_str(x->type), cause);
}

static bool check_type_assert_expr(Operand *x, Node *e)
{
	if (!e->type_assert.type) { /* types2 does not look at x then: it stays unused */
		check_errorf(e->pos, "invalid AST: use of .(type) outside type switch");
		return false;
	}
	check_expr(x, e->type_assert.x);
	if (x->mode == MODE_INVALID)
		return false;
	if (!check_is_interface(x->type)) {
		check_errorf(check_op_pos(x), "invalid operation: %s is not an interface", check_op_str(x));
		return false;
	}
	Type *T = check_var_type(e->type_assert.type);
	if (T == ty_invalid)
		return false;
	check_type_assertion(e, x, T, false);
	x->mode = MODE_COMMAOK;
	x->type = T;
	return true;
}

/* ---- the dispatch ---------------------------------------------------------------------------- */

static void check_basic_lit(Operand *x, Node *e)
{
	if (e->lit.bad)
		return; /* the lexer reported it */
	switch (e->lit.tok) {
	case TOK_INT: case TOK_FLOAT: case TOK_IMAG: {
		if (e->lit.len > 10000) {
			check_errorf(e->pos, "excessively long constant: %.10s... (%d chars)", e->lit.text, e->lit.len);
			return;
		}
		ConstValue *v = const_from_literal(e->lit.tok, e->lit.text, e->lit.len);
		if (!v || const_kind(v) == CONST_UNKNOWN) { /* unknown: the exponent leaves big.Float's range */
			check_errorf(e->pos, "malformed constant: %.*s", e->lit.len, e->lit.text);
			return;
		}
		x->val = v;
		x->type = type_basic(e->lit.tok == TOK_INT ? TY_UNTYPED_INT :
				     e->lit.tok == TOK_FLOAT ? TY_UNTYPED_FLOAT : TY_UNTYPED_COMPLEX);
		break;
	}
	case TOK_CHAR:
		x->val = const_int64(e->lit.rune);
		x->type = type_basic(TY_UNTYPED_RUNE);
		break;
	case TOK_STRING:
		x->val = const_string(e->lit.str ? e->lit.str : "", e->lit.str_len);
		x->type = type_basic(TY_UNTYPED_STRING);
		break;
	default:
		return;
	}
	x->mode = MODE_CONST;
}

static void check_star_expr(Operand *x, Node *e)
{
	check_expr_or_type(x, e->star.x);
	switch (x->mode) {
	case MODE_INVALID:
		return;
	case MODE_TYPE:
		x->type = type_pointer(x->type);
		return;
	default: {
		Type *u = check_under(x->type);
		if (u->kind != TY_POINTER) {
			check_errorf(check_op_pos(x), "invalid operation: cannot indirect %s", check_op_str(x));
			x->mode = MODE_INVALID;
			return;
		}
		x->mode = MODE_VARIABLE;
		x->type = u->pointer.elem;
		return;
	}
	}
}

static ExprKind check_expr_internal(Operand *x, Node *e, Type *hint)
{
	x->mode = MODE_INVALID;
	x->type = ty_invalid;
	x->val = NULL;
	x->expr = e;
	switch (e->kind) {
	case ND_BAD:
		goto error;
	case ND_IDENT:
		check_ident(x, e, NULL, false);
		break;
	case ND_ELLIPSIS:
		check_errorf(e->pos, "invalid use of '...'");
		goto error;
	case ND_BASIC_LIT:
		check_basic_lit(x, e);
		if (x->mode == MODE_INVALID)
			goto error;
		break;
	case ND_FUNC_LIT:
		check_func_lit(x, e);
		break;
	case ND_COMPOSITE_LIT:
		if (!check_composite_lit(x, e, hint))
			goto error;
		break;
	case ND_PAREN: {
		ExprKind k = check_raw_expr(x, e->paren.x, NULL);
		x->expr = e;
		return k;
	}
	case ND_SELECTOR:
		check_selector(x, e, NULL);
		break;
	case ND_INDEX:
		check_index_expr(x, e);
		if (x->mode == MODE_INVALID)
			goto error;
		break;
	case ND_SLICE:
		check_slice_expr(x, e);
		if (x->mode == MODE_INVALID)
			goto error;
		break;
	case ND_TYPE_ASSERT:
		if (!check_type_assert_expr(x, e))
			goto error;
		break;
	case ND_CALL:
		return check_call(x, e);
	case ND_STAR:
		check_star_expr(x, e);
		if (x->mode == MODE_INVALID)
			goto error;
		break;
	case ND_UNARY:
		check_unary(x, e);
		if (x->mode == MODE_INVALID)
			goto error;
		if (e->unary.op == TOK_ARROW) {
			x->expr = e;
			return EK_STATEMENT;
		}
		break;
	case ND_BINARY:
		check_binary(x, e, e->binary.x, e->binary.y, e->binary.op);
		if (x->mode == MODE_INVALID)
			goto error;
		break;
	case ND_KEY_VALUE:
		check_errorf(check_expr_start(e), "invalid AST: no key:value expected");
		goto error;
	case ND_ARRAY_TYPE: case ND_STRUCT_TYPE: case ND_FUNC_TYPE: case ND_INTERFACE_TYPE:
	case ND_MAP_TYPE: case ND_CHAN_TYPE:
		x->mode = MODE_TYPE;
		x->type = check_typ(e);
		break;
	default:
		check_errorf(e->pos, "unexpected %s in expression", node_kind_name(e->kind));
		goto error;
	}
	x->expr = e;
	return EK_EXPRESSION;
error:
	x->mode = MODE_INVALID;
	x->expr = e;
	return EK_STATEMENT;
}

ExprKind check_raw_expr(Operand *x, Node *e, Type *hint)
{
	ExprKind k = check_expr_internal(x, e, hint);
	if (!x->type)
		x->type = ty_invalid;
	check_record_operand(x);
	return k;
}

static void check_exclude(Operand *x, bool novalue, bool builtin, bool type)
{
	const char *msg = NULL;
	if (x->mode == MODE_NOVALUE && novalue)
		msg = type ? "%s used as value" : "%s used as value or type";
	else if (x->mode == MODE_BUILTIN && builtin)
		msg = "%s must be called";
	else if (x->mode == MODE_TYPE && type)
		msg = "%s is not an expression";
	if (msg) {
		check_errorf(check_op_pos(x), msg, check_op_str(x));
		x->mode = MODE_INVALID;
	}
}

void check_single_value(Operand *x)
{
	if (x->mode == MODE_VALUE && x->type && x->type->kind == TY_TUPLE) {
		check_errorf(check_op_pos(x), "multiple-value %s in single-value context", check_op_str(x));
		x->mode = MODE_INVALID;
	}
}

void check_expr(Operand *x, Node *e)
{
	check_raw_expr(x, e, NULL);
	check_exclude(x, true, true, true);
	check_single_value(x);
}

void check_multi_expr(Operand *x, Node *e)
{
	check_raw_expr(x, e, NULL);
	check_exclude(x, true, true, true);
}

void check_expr_with_hint(Operand *x, Node *e, Type *hint)
{
	check_raw_expr(x, e, hint);
	check_exclude(x, true, true, true);
	check_single_value(x);
}

void check_expr_or_type(Operand *x, Node *e)
{
	check_raw_expr(x, e, NULL);
	check_exclude(x, true, false, false);
	check_single_value(x);
}

/* ---- the final pass: untyped leftovers get their default types ---------------------------------- */

static void check_fin_vec(Vec *v)
{
	for (int i = 0; i < v->len; i++)
		check_finalize_untyped(v->data[i]);
}

static bool check_fin_expr_node(Node *e)
{
	if (e->mode == MODE_TYPE || !e->type || !type_is_untyped(e->type) ||
	    e->type->kind == TY_UNTYPED_NIL)
		return e->mode != MODE_CONST;
	Type *d = type_default(e->type);
	if (e->mode == MODE_CONST) {
		ConstValue *r = e->cval;
		if (e->cval && check_representable_const(e->cval, d, &r)) {
			e->type = d;
			e->cval = r;
		}
		return false; /* constant operands are never materialised */
	}
	e->type = d;
	return true;
}

void check_finalize_untyped(Node *n)
{
	if (!n)
		return;
	switch (n->kind) {
	case ND_IDENT: case ND_BASIC_LIT:
		check_fin_expr_node(n);
		return;
	case ND_COMPOSITE_LIT: check_fin_vec(&n->composite.elts); return;
	case ND_FUNC_LIT: check_finalize_untyped(n->func_lit.body); return;
	case ND_PAREN: if (check_fin_expr_node(n)) check_finalize_untyped(n->paren.x); return;
	case ND_SELECTOR: check_fin_expr_node(n); check_finalize_untyped(n->selector.x); return;
	case ND_INDEX: check_finalize_untyped(n->index.x); check_fin_vec(&n->index.indices); return;
	case ND_SLICE:
		check_finalize_untyped(n->slice.x);
		check_finalize_untyped(n->slice.lo);
		check_finalize_untyped(n->slice.hi);
		check_finalize_untyped(n->slice.max);
		return;
	case ND_TYPE_ASSERT: check_finalize_untyped(n->type_assert.x); return;
	case ND_CALL:
		if (check_fin_expr_node(n)) {
			check_finalize_untyped(n->call.fun);
			check_fin_vec(&n->call.args);
		}
		return;
	case ND_STAR: check_finalize_untyped(n->star.x); return;
	case ND_UNARY: if (check_fin_expr_node(n)) check_finalize_untyped(n->unary.x); return;
	case ND_BINARY:
		if (check_fin_expr_node(n)) {
			check_finalize_untyped(n->binary.x);
			check_finalize_untyped(n->binary.y);
		}
		return;
	case ND_KEY_VALUE: check_finalize_untyped(n->key_value.key); check_finalize_untyped(n->key_value.value); return;
	case ND_DECL_STMT: check_finalize_untyped(n->decl_stmt.decl); return;
	case ND_LABELED_STMT: check_finalize_untyped(n->labeled.stmt); return;
	case ND_EXPR_STMT: check_finalize_untyped(n->expr_stmt.x); return;
	case ND_SEND_STMT: check_finalize_untyped(n->send.chan); check_finalize_untyped(n->send.value); return;
	case ND_INCDEC_STMT: check_finalize_untyped(n->incdec.x); return;
	case ND_ASSIGN_STMT: check_fin_vec(&n->assign.lhs); check_fin_vec(&n->assign.rhs); return;
	case ND_GO_STMT: case ND_DEFER_STMT: check_finalize_untyped(n->go_defer.call); return;
	case ND_RETURN_STMT: check_fin_vec(&n->return_stmt.results); return;
	case ND_BLOCK: check_fin_vec(&n->block.stmts); return;
	case ND_IF_STMT:
		check_finalize_untyped(n->if_stmt.init);
		check_finalize_untyped(n->if_stmt.cond);
		check_finalize_untyped(n->if_stmt.then);
		check_finalize_untyped(n->if_stmt.els);
		return;
	case ND_CASE_CLAUSE: check_fin_vec(&n->case_clause.list); check_fin_vec(&n->case_clause.body); return;
	case ND_SWITCH_STMT:
		check_finalize_untyped(n->switch_stmt.init);
		check_finalize_untyped(n->switch_stmt.tag);
		check_finalize_untyped(n->switch_stmt.body);
		return;
	case ND_TYPE_SWITCH_STMT:
		check_finalize_untyped(n->type_switch.init);
		check_finalize_untyped(n->type_switch.assign);
		check_finalize_untyped(n->type_switch.body);
		return;
	case ND_COMM_CLAUSE: check_finalize_untyped(n->comm_clause.comm); check_fin_vec(&n->comm_clause.body); return;
	case ND_SELECT_STMT: check_finalize_untyped(n->select_stmt.body); return;
	case ND_FOR_STMT:
		check_finalize_untyped(n->for_stmt.init);
		check_finalize_untyped(n->for_stmt.cond);
		check_finalize_untyped(n->for_stmt.post);
		check_finalize_untyped(n->for_stmt.body);
		return;
	case ND_RANGE_STMT: check_finalize_untyped(n->range_stmt.x); check_finalize_untyped(n->range_stmt.body); return;
	case ND_VALUE_SPEC: check_fin_vec(&n->value_spec.values); return;
	case ND_GEN_DECL: check_fin_vec(&n->gen_decl.specs); return;
	case ND_FUNC_DECL: check_finalize_untyped(n->func_decl.body); return;
	default:
		return;
	}
}
