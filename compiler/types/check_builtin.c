/*
 * check_builtin.c: calls of the predeclared functions and of package unsafe's
 * (go/types builtins.go).
 *
 * Each builtin checks its argument count, then its arguments; the result is a value, a constant
 * (len of a constant string or of an array without calls/receives in the argument, unsafe.Sizeof,
 * complex/real/imag of constants), or no value. The call node gets call_kind CALL_BUILTIN.
 */
#include "check.h"

#include <string.h>

static const struct {
	const char *name;
	int nargs;
	bool variadic;
} builtins[BI_COUNT] = {
	[BI_APPEND] = {"append", 1, true},   [BI_CAP] = {"cap", 1, false},
	[BI_CLOSE] = {"close", 1, false},    [BI_COMPLEX] = {"complex", 2, false},
	[BI_COPY] = {"copy", 2, false},      [BI_DELETE] = {"delete", 2, false},
	[BI_IMAG] = {"imag", 1, false},      [BI_LEN] = {"len", 1, false},
	[BI_MAKE] = {"make", 1, true},       [BI_NEW] = {"new", 1, false},
	[BI_PANIC] = {"panic", 1, false},    [BI_PRINT] = {"print", 0, true},
	[BI_PRINTLN] = {"println", 0, true}, [BI_REAL] = {"real", 1, false},
	[BI_RECOVER] = {"recover", 0, false},
	[BI_UNSAFE_ADD] = {"Add", 2, false}, [BI_UNSAFE_ALIGNOF] = {"Alignof", 1, false},
	[BI_UNSAFE_OFFSETOF] = {"Offsetof", 1, false}, [BI_UNSAFE_SIZEOF] = {"Sizeof", 1, false},
	[BI_UNSAFE_SLICE] = {"Slice", 2, false},
};

const char *check_builtin_name(BuiltinId id)
{
	return id < BI_COUNT && builtins[id].name ? builtins[id].name : "builtin";
}

static Type *check_empty_interface(void)
{
	static Type *t;
	if (!t) {
		t = type_new(TY_INTERFACE);
		type_iface_complete(t);
	}
	return t;
}

/* ---- individual builtins ----------------------------------------------------------------------- */

static bool check_b_append(Operand *x, Node *call, Operand **args, int nargs)
{
	Type *S = x->type;
	Type *su = check_under(S);
	if (su->kind != TY_SLICE) {
		const char *cause = x->mode == MODE_NILVALUE ? "have untyped nil" : xsprintf("have %s", check_op_str(x));
		check_errorf(check_op_pos(x), "first argument to append must be a slice; %s", cause);
		return false;
	}
	Type *T = su->array.elem;
	if (nargs == 2 && call->call.has_ellipsis) {
		Operand tmp = *x;
		if (check_assignable_to(&tmp, type_slice(type_byte()), NULL)) {
			Operand *y = args[1];
			if (y->mode == MODE_INVALID)
				return false;
			if (type_is_string(y->type)) {
				if (type_is_untyped(y->type))
					check_convert_untyped(y, type_basic(TY_STRING));
				x->mode = MODE_VALUE;
				x->type = S;
				return true;
			}
		}
	}
	Type *sig = type_new(TY_FUNC);
	sig->func.nparams = 2;
	sig->func.params = xalloc(sizeof(Type *) * 2);
	sig->func.params[0] = S;
	sig->func.params[1] = type_slice(T);
	sig->func.variadic = true;
	sig->func.nresults = 1;
	sig->func.results = xalloc(sizeof(Type *));
	sig->func.results[0] = S;
	check_arguments(call, sig, args, nargs);
	x->mode = MODE_VALUE;
	x->type = S;
	return true;
}

static Type *check_array_ptr_deref(Type *t)
{
	if (t->kind == TY_POINTER && check_under(t->pointer.elem)->kind == TY_ARRAY)
		return check_under(t->pointer.elem);
	return t;
}

static bool check_b_len_cap(Operand *x, BuiltinId id, bool had_call)
{
	ExprMode mode = MODE_INVALID;
	ConstValue *val = NULL;
	Type *t = check_array_ptr_deref(check_under(x->type));
	switch (t->kind) {
	case TY_STRING: case TY_UNTYPED_STRING:
		if (id == BI_LEN) {
			if (x->mode == MODE_CONST && x->val) {
				size_t len;
				const_string_val(x->val, &len);
				mode = MODE_CONST;
				val = const_int64((int64_t)len);
			} else {
				mode = MODE_VALUE;
			}
		}
		break;
	case TY_ARRAY:
		mode = MODE_VALUE;
		if (!had_call) {
			mode = MODE_CONST;
			val = t->array.len >= 0 ? const_int64(t->array.len) : const_unknown();
		}
		break;
	case TY_SLICE: case TY_CHAN:
		mode = MODE_VALUE;
		break;
	case TY_MAP:
		if (id == BI_LEN)
			mode = MODE_VALUE;
		break;
	default:
		break;
	}
	if (mode == MODE_INVALID) {
		if (check_under(x->type) != ty_invalid)
			check_errorf(check_op_pos(x), "invalid argument: %s for %s", check_op_str(x), check_builtin_name(id));
		return false;
	}
	if (x->type && type_is_untyped(x->type))
		check_update_expr_type(x->expr, type_basic(TY_STRING), true);
	x->mode = mode;
	x->type = type_basic(TY_INT);
	x->val = val;
	return true;
}

static bool check_b_close(Operand *x)
{
	Type *u = check_under(x->type);
	if (u->kind != TY_CHAN) {
		check_errorf(check_op_pos(x), "invalid operation: cannot close non-channel %s", check_op_str(x));
		return false;
	}
	if (u->chan.dir == CHAN_RECV) {
		check_errorf(check_op_pos(x), "invalid operation: cannot close receive-only channel %s", check_op_str(x));
		return false;
	}
	x->mode = MODE_NOVALUE;
	return true;
}

static Type *check_complex_of(Type *t)
{
	switch (check_under(t)->kind) {
	case TY_FLOAT32: return type_basic(TY_COMPLEX64);
	case TY_FLOAT64: return type_basic(TY_COMPLEX128);
	case TY_UNTYPED_FLOAT: return type_basic(TY_UNTYPED_COMPLEX);
	default: return NULL;
	}
}

static void check_to_untyped_float(Operand *x)
{
	if (type_is_numeric(x->type) && x->val) {
		ConstValue *c = const_to_complex(x->val);
		if (c && const_sign(const_imag(c)) == 0)
			x->type = type_basic(TY_UNTYPED_FLOAT);
	}
}

static bool check_b_complex(Operand *x, Operand *y, Node *call)
{
	if (y->mode == MODE_INVALID)
		return false;
	int d = (type_is_untyped(x->type) ? 1 : 0) | (type_is_untyped(y->type) ? 2 : 0);
	if (d == 1) {
		check_convert_untyped(x, y->type);
	} else if (d == 2) {
		check_convert_untyped(y, x->type);
	} else if (d == 3) {
		if (x->mode == MODE_CONST && y->mode == MODE_CONST) {
			check_to_untyped_float(x);
			check_to_untyped_float(y);
		} else {
			check_convert_untyped(x, type_basic(TY_FLOAT64));
			check_convert_untyped(y, type_basic(TY_FLOAT64));
		}
	}
	if (x->mode == MODE_INVALID || y->mode == MODE_INVALID)
		return false;
	if (!type_identical(x->type, y->type)) {
		check_errorf(check_op_pos(x), "invalid operation: %s (mismatched types %s and %s)", check_ex_str(call),
			     check_ty_str(x->type), check_ty_str(y->type));
		return false;
	}
	Type *res = check_complex_of(x->type);
	if (!res) {
		check_errorf(check_op_pos(x), "invalid argument: arguments have type %s, expected floating-point",
			     check_ty_str(x->type));
		return false;
	}
	if (x->mode == MODE_CONST && y->mode == MODE_CONST) {
		ConstValue *re = const_to_float(x->val), *im = const_to_float(y->val);
		x->val = re && im ? const_make_complex(re, im) : const_unknown();
	} else {
		x->mode = MODE_VALUE;
	}
	x->type = res;
	return true;
}

static bool check_b_copy(Operand *x, Operand *y)
{
	if (y->mode == MODE_INVALID)
		return false;
	Type *dst = check_under(x->type);
	Type *src = check_under(y->type);
	if (type_is_string(src))
		src = type_slice(type_byte());
	if (dst->kind != TY_SLICE || src->kind != TY_SLICE) {
		check_errorf(check_op_pos(x), "invalid argument: copy expects slice arguments; found %s and %s", check_op_str(x),
			     check_op_str(y));
		return false;
	}
	if (!type_identical(dst->array.elem, src->array.elem)) {
		check_errorf(check_op_pos(x), "invalid argument: arguments to copy %s and %s have different element types %s and %s",
			     check_op_str(x), check_op_str(y), check_ty_str(dst->array.elem), check_ty_str(src->array.elem));
		return false;
	}
	if (type_is_untyped(y->type))
		check_convert_untyped(y, type_basic(TY_STRING));
	x->mode = MODE_VALUE;
	x->type = type_basic(TY_INT);
	return true;
}

static bool check_b_delete(Operand *x, Operand *k)
{
	Type *m = check_under(x->type);
	if (m->kind != TY_MAP) {
		check_errorf(check_op_pos(x), "invalid argument: %s is not a map", check_op_str(x));
		return false;
	}
	*x = *k;
	if (x->mode == MODE_INVALID)
		return false;
	check_assignment(x, m->map.key, "argument to delete");
	if (x->mode == MODE_INVALID)
		return false;
	x->mode = MODE_NOVALUE;
	return true;
}

static Type *check_float_of(Type *t)
{
	switch (check_under(t)->kind) {
	case TY_COMPLEX64: return type_basic(TY_FLOAT32);
	case TY_COMPLEX128: return type_basic(TY_FLOAT64);
	case TY_UNTYPED_COMPLEX: return type_basic(TY_UNTYPED_FLOAT);
	default: return NULL;
	}
}

static bool check_b_real_imag(Operand *x, BuiltinId id)
{
	if (type_is_untyped(x->type)) {
		if (x->mode == MODE_CONST) {
			if (type_is_numeric(x->type))
				x->type = type_basic(TY_UNTYPED_COMPLEX);
		} else {
			check_convert_untyped(x, type_basic(TY_COMPLEX128));
			if (x->mode == MODE_INVALID)
				return false;
		}
	}
	Type *res = check_float_of(x->type);
	if (!res) {
		check_errorf(check_op_pos(x), "invalid argument: argument has type %s, expected complex type", check_ty_str(x->type));
		return false;
	}
	if (x->mode == MODE_CONST) {
		ConstValue *c = const_to_complex(x->val);
		x->val = c ? (id == BI_REAL ? const_real(c) : const_imag(c)) : const_unknown();
	} else {
		x->mode = MODE_VALUE;
	}
	x->type = res;
	return true;
}

static bool check_b_make(Operand *x, Node *call, int nargs)
{
	Node *arg0 = call->call.args.data[0];
	Type *T = check_var_type(arg0);
	if (T == ty_invalid)
		return false;
	int min;
	switch (check_under(T)->kind) {
	case TY_SLICE: min = 2; break;
	case TY_MAP: case TY_CHAN: min = 1; break;
	default:
		check_errorf(check_expr_start(arg0), "invalid argument: cannot make %s; type must be slice, map, or channel",
			     check_ex_str(arg0));
		return false;
	}
	if (nargs < min || min + 1 < nargs) {
		check_errorf(check_expr_start(call), "invalid operation: %s expects %d or %d arguments; found %d", check_ex_str(call),
			     min, min + 1, nargs);
		return false;
	}
	int64_t sizes[2];
	int nsizes = 0;
	for (int i = 1; i < call->call.args.len; i++) {
		Type *t;
		int64_t s = check_index(call->call.args.data[i], -1, &t);
		if (s >= 0 && nsizes < 2)
			sizes[nsizes++] = s;
	}
	if (nsizes == 2 && sizes[0] > sizes[1])
		check_errorf(check_expr_start(call->call.args.data[1]), "invalid argument: length and capacity swapped");
	x->mode = MODE_VALUE;
	x->type = T;
	return true;
}

static bool check_b_new(Operand *x, Node *call)
{
	Type *T = check_var_type(call->call.args.data[0]);
	if (T == ty_invalid)
		return false;
	x->mode = MODE_VALUE;
	x->type = type_pointer(T);
	return true;
}

static bool check_b_panic(Operand *x)
{
	check_assignment(x, check_empty_interface(), "argument to panic");
	if (x->mode == MODE_INVALID)
		return false;
	x->mode = MODE_NOVALUE;
	return true;
}

static bool check_b_print(Operand *x, Operand **args, int nargs, BuiltinId id)
{
	const char *context = xsprintf("argument to %s", check_builtin_name(id));
	for (int i = 0; i < nargs; i++) {
		Operand *a = i == 0 ? x : args[i];
		if (a->mode == MODE_INVALID)
			return false;
		check_assignment(a, NULL, context);
		if (a->mode == MODE_INVALID)
			return false;
	}
	x->mode = MODE_NOVALUE;
	return true;
}

static bool check_has_var_size(Type *t)
{
	(void)t;
	return false; /* only type parameters have variable size */
}

static bool check_b_sizeof_alignof(Operand *x, BuiltinId id)
{
	check_assignment(x, NULL, id == BI_UNSAFE_SIZEOF ? "argument to unsafe.Sizeof" : "argument to unsafe.Alignof");
	if (x->mode == MODE_INVALID)
		return false;
	if (check_has_var_size(x->type)) {
		x->mode = MODE_VALUE;
	} else {
		x->mode = MODE_CONST;
		x->val = const_int64(id == BI_UNSAFE_SIZEOF ? type_size(x->type) : type_align(x->type));
	}
	x->type = type_basic(TY_UINTPTR);
	return true;
}

static bool check_b_offsetof(Operand *x, Node *call)
{
	Node *arg0 = call->call.args.data[0];
	Node *selx = check_unparen(arg0);
	if (!selx || selx->kind != ND_SELECTOR) {
		check_errorf(check_expr_start(arg0), "invalid argument: %s is not a selector expression", check_ex_str(arg0));
		check_use(arg0);
		return false;
	}
	check_expr(x, selx->selector.x);
	if (x->mode == MODE_INVALID)
		return false;
	Type *base = x->type;
	Type *bu = check_under(base);
	if (bu->kind == TY_POINTER && check_under(bu->pointer.elem)->kind == TY_STRUCT)
		base = bu->pointer.elem;
	const char *sel = selx->selector.sel->ident.name;
	Lookup r = type_lookup(base, false, sel);
	if (!r.obj) {
		check_errorf(check_op_pos(x), "invalid argument: %s has no single field %s", check_ty_str(base), sel);
		return false;
	}
	if (r.obj->kind == OBJ_FUNC) {
		check_errorf(check_expr_start(arg0), "invalid argument: %s is a method value", check_ex_str(arg0));
		return false;
	}
	if (r.indirect) {
		check_errorf(check_op_pos(x), "invalid argument: field %s is embedded via a pointer in %s", sel, check_ty_str(base));
		return false;
	}
	selx->selector.sel_kind = SEL_FIELD;
	selx->selector.obj = r.obj;
	selx->selector.path = r.path;
	selx->selector.path_len = r.path_len;
	selx->selector.sel->ident.obj = r.obj;
	selx->mode = x->mode == MODE_VARIABLE ? MODE_VARIABLE : MODE_VALUE;
	selx->type = r.obj->type;
	int64_t off = 0;
	Type *t = base;
	for (int i = 0; i < r.path_len; i++) {
		off += type_field_offset(t, r.path[i]);
		t = check_under(t)->strct.fields[r.path[i]]->type;
	}
	x->mode = MODE_CONST;
	x->val = const_int64(off);
	x->type = type_basic(TY_UINTPTR);
	return true;
}

static bool check_b_unsafe_add(Operand *x, Operand *y)
{
	check_assignment(x, type_basic(TY_UNSAFE_POINTER), "argument to unsafe.Add");
	if (x->mode == MODE_INVALID)
		return false;
	if (!check_is_valid_index(y, "length", true))
		return false;
	x->mode = MODE_VALUE;
	x->type = type_basic(TY_UNSAFE_POINTER);
	return true;
}

static bool check_b_unsafe_slice(Operand *x, Operand *y)
{
	Type *u = check_under(x->type);
	if (u->kind != TY_POINTER) {
		check_errorf(check_op_pos(x), "invalid argument: %s is not a pointer", check_op_str(x));
		return false;
	}
	if (!check_is_valid_index(y, "length", false))
		return false;
	x->mode = MODE_VALUE;
	x->type = type_slice(u->pointer.elem);
	return true;
}

/* ---- the dispatch ---------------------------------------------------------------------------- */

static bool check_unevaluated_args(BuiltinId id)
{
	return id == BI_MAKE || id == BI_NEW || id == BI_UNSAFE_OFFSETOF;
}

bool check_builtin(Operand *x, Node *call, BuiltinId id)
{
	if (call->call.has_ellipsis && id != BI_APPEND) {
		check_errorf(check_expr_start(call), "invalid operation: invalid use of ... with built-in %s", check_builtin_name(id));
		check_use_vec(&call->call.args);
		return false;
	}
	bool had_call = ck->env.has_call_or_recv;
	if (id == BI_LEN || id == BI_CAP)
		ck->env.has_call_or_recv = false;
	Operand **args = NULL;
	int nargs = call->call.args.len;
	if (!check_unevaluated_args(id)) {
		bool comma_ok;
		nargs = check_expr_list(&call->call.args, false, &args, &comma_ok);
		if (nargs > 0) {
			*x = *args[0];
			if (x->mode == MODE_INVALID) {
				if (id == BI_LEN || id == BI_CAP)
					ck->env.has_call_or_recv = had_call;
				return false;
			}
		}
	}
	const char *msg = NULL;
	if (nargs < builtins[id].nargs)
		msg = "not enough";
	else if (!builtins[id].variadic && nargs > builtins[id].nargs)
		msg = "too many";
	if (msg) {
		check_errorf(check_expr_start(call), "invalid operation: %s arguments for %s (expected %d, found %d)", msg,
			     check_ex_str(call), builtins[id].nargs, nargs);
		if (id == BI_LEN || id == BI_CAP)
			ck->env.has_call_or_recv = had_call;
		return false;
	}
	bool ok = false;
	switch (id) {
	case BI_APPEND: ok = check_b_append(x, call, args, nargs); break;
	case BI_LEN: case BI_CAP:
		ok = check_b_len_cap(x, id, ck->env.has_call_or_recv);
		ck->env.has_call_or_recv = had_call;
		break;
	case BI_CLOSE: ok = check_b_close(x); break;
	case BI_COMPLEX: ok = check_b_complex(x, args[1], call); break;
	case BI_COPY: ok = check_b_copy(x, args[1]); break;
	case BI_DELETE: ok = check_b_delete(x, args[1]); break;
	case BI_IMAG: case BI_REAL: ok = check_b_real_imag(x, id); break;
	case BI_MAKE: ok = check_b_make(x, call, nargs); break;
	case BI_NEW: ok = check_b_new(x, call); break;
	case BI_PANIC:
		ok = check_b_panic(x);
		break;
	case BI_PRINT: case BI_PRINTLN: ok = check_b_print(x, args, nargs, id); break;
	case BI_RECOVER:
		x->mode = MODE_VALUE;
		x->type = check_empty_interface();
		if (ck->env.func)
			ck->env.func->has_recover = true;
		ok = true;
		break;
	case BI_UNSAFE_ADD: ok = check_b_unsafe_add(x, args[1]); break;
	case BI_UNSAFE_ALIGNOF: case BI_UNSAFE_SIZEOF: ok = check_b_sizeof_alignof(x, id); break;
	case BI_UNSAFE_OFFSETOF: ok = check_b_offsetof(x, call); break;
	case BI_UNSAFE_SLICE: ok = check_b_unsafe_slice(x, args[1]); break;
	default:
		unsupported_at(call->pos, xsprintf("builtin %s", check_builtin_name(id)));
		ck->nerrors++;
		break;
	}
	if (ok && x->mode != MODE_NOVALUE && x->mode != MODE_CONST && !x->type)
		x->type = ty_invalid;
	return ok;
}
