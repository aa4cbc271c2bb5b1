/*
 * check_conv.c: assignability, conversions and interface satisfaction (go/types operand.go
 * assignableTo, conversions.go, lookup.go missingMethod, instantiate.go implements).
 *
 * Assignability is the spec's list tried in order: identical types, untyped values representable in
 * the target, identical underlying types with one side unnamed, interface implementation,
 * bidirectional channels. Conversions add the numeric, string and pointer rules; constant
 * conversions stay constant (integer -> string gives the UTF-8 encoding of the code point).
 */
#include "check.h"

#include <string.h>

static bool check_has_name(Type *t)
{
	return t->kind == TY_NAMED || t->kind <= TY_UNTYPED_NIL;
}

static bool check_is_iface_ptr(Type *t)
{
	Type *u = check_under(t);
	return u->kind == TY_POINTER && check_is_interface(u->pointer.elem);
}

/* ---- interfaces ------------------------------------------------------------------------------ */

static Object *check_iface_lookup(Type *iface, const char *name)
{
	type_iface_complete(iface);
	for (int i = 0; i < iface->iface.nmethods; i++)
		if (iface->iface.methods[i]->name == name)
			return iface->iface.methods[i];
	return NULL;
}

static const char *check_fold_lookup_name(Type *V, const char *name)
{
	/* go/types looks for the method with a different capitalisation to explain a mismatch */
	Type *t = V;
	for (int depth = 0; depth < 2; depth++) {
		Type *u = t->kind == TY_POINTER ? t->pointer.elem : t;
		if (u->kind == TY_NAMED) {
			for (int i = 0; i < u->named.methods.len; i++) {
				Object *m = u->named.methods.data[i];
				if (strcasecmp(m->name, name) == 0)
					return m->name;
			}
		}
		t = type_pointer(V);
	}
	return NULL;
}

/* Returns the first method of interface T missing from V (NULL if none); *alt is a method of V with
 * the same name but wrong type, or found only through a pointer or with other capitalisation. */
Object *check_missing_method(Type *V, Type *T, bool is_static, Object **alt)
{
	*alt = NULL;
	Type *Ti = check_under(T);
	type_iface_complete(Ti);
	if (Ti->iface.nmethods == 0)
		return NULL;
	Type *Vu = check_under(V);
	if (Vu->kind == TY_INTERFACE) {
		for (int i = 0; i < Ti->iface.nmethods; i++) {
			Object *m = Ti->iface.methods[i];
			Object *f = check_iface_lookup(Vu, m->name);
			if (!f) {
				if (!is_static)
					continue;
				return m;
			}
			if (!type_identical(f->type, m->type)) {
				*alt = f;
				return m;
			}
		}
		return NULL;
	}
	for (int i = 0; i < Ti->iface.nmethods; i++) {
		Object *m = Ti->iface.methods[i];
		Lookup r = type_lookup(V, false, m->name);
		bool found = r.obj != NULL;
		Object *obj = r.obj;
		if (!found) {
			Lookup r2 = type_lookup(type_pointer(V), false, m->name);
			obj = r2.obj;
			if (!obj) {
				const char *other = check_fold_lookup_name(V, m->name);
				if (other)
					obj = type_lookup(V, false, other).obj;
			}
		}
		if (!obj || obj->kind != OBJ_FUNC)
			return m;
		if (obj->checker && check_obj_info(obj)->decl)
			check_obj_decl(obj, NULL);
		if (!found || !type_identical(obj->type, m->type)) {
			*alt = obj;
			return m;
		}
	}
	return NULL;
}

static const char *check_func_string(Object *f)
{
	const char *sig = f->type && f->type->kind == TY_FUNC ? check_ty_str(f->type) : "func()";
	return xsprintf("%s%s", f->name, sig + 4); /* drop "func" */
}

const char *check_missing_method_reason(Type *V, Type *T, Object *m, Object *alt)
{
	const char *mname = xsprintf("%s method", m->name);
	if (alt) {
		if (m->name != alt->name)
			return xsprintf("(missing %s)\n\t\thave %s\n\t\twant %s", mname, check_func_string(alt), check_func_string(m));
		if (type_identical(m->type, alt->type))
			return xsprintf("(%s has pointer receiver)", mname);
		return xsprintf("(wrong type for %s)\n\t\thave %s\n\t\twant %s", mname, check_func_string(alt),
				check_func_string(m));
	}
	if (check_is_iface_ptr(V))
		return xsprintf("(type %s is pointer to interface, not interface)", check_ty_str(V));
	if (check_is_iface_ptr(T))
		return xsprintf("(type %s is pointer to interface, not interface)", check_ty_str(T));
	return xsprintf("(missing %s)", mname);
}

const char *check_implements(Type *V, Type *T)
{
	Type *Vu = check_under(V), *Tu = check_under(T);
	if (Vu == ty_invalid || Tu == ty_invalid)
		return NULL;
	if (Vu->kind == TY_POINTER && check_under(Vu->pointer.elem) == ty_invalid)
		return NULL;
	if (Tu->kind != TY_INTERFACE) {
		const char *cause = check_is_iface_ptr(Tu) ? xsprintf("type %s is pointer to interface, not interface", check_ty_str(T))
						     : xsprintf("%s is not an interface", check_ty_str(T));
		return xsprintf("%s does not implement %s (%s)", check_ty_str(V), check_ty_str(T), cause);
	}
	type_iface_complete(Tu);
	if (Tu->iface.nmethods == 0)
		return NULL;
	Object *alt;
	Object *m = check_missing_method(V, T, true, &alt);
	if (m)
		return xsprintf("%s does not implement %s %s", check_ty_str(V), check_ty_str(T), check_missing_method_reason(V, T, m, alt));
	return NULL;
}

/* ---- assignability --------------------------------------------------------------------------- */

bool check_assignable_to(Operand *x, Type *T, const char **reason)
{
	if (x->mode == MODE_INVALID || T == ty_invalid)
		return true;
	Type *V = x->type;
	if (type_identical(V, T))
		return true;
	Type *Vu = check_under(V), *Tu = check_under(T);
	if (type_is_untyped(Vu)) {
		ConstValue *val;
		int code;
		return check_implicit_type_and_value(x, T, &val, &code) != NULL;
	}
	if (type_identical(Vu, Tu) && (!check_has_name(V) || !check_has_name(T)))
		return true;
	if (Tu->kind == TY_INTERFACE || check_is_iface_ptr(Tu)) {
		const char *why = check_implements(V, T);
		if (why) {
			if (reason)
				*reason = why;
			return false;
		}
		return true;
	}
	if (Vu->kind == TY_INTERFACE) {
		if (!check_implements(T, V)) {
			if (reason)
				*reason = "need type assertion";
			return false;
		}
	}
	if (Vu->kind == TY_CHAN && Vu->chan.dir == CHAN_BOTH && Tu->kind == TY_CHAN &&
	    type_identical(Vu->chan.elem, Tu->chan.elem))
		return !check_has_name(V) || !check_has_name(T);
	return false;
}

/* ---- conversions ----------------------------------------------------------------------------- */

static bool check_is_bytes_or_runes(Type *t)
{
	Type *u = check_under(t);
	if (u->kind != TY_SLICE)
		return false;
	TypeKind k = check_under(u->array.elem)->kind;
	return k == TY_UINT8 || k == TY_INT32;
}

static bool check_is_integer_or_float(Type *t)
{
	return type_is_integer(t) || type_is_float(t);
}

static bool check_convertible_to(Operand *x, Type *T, const char **cause)
{
	if (check_assignable_to(x, T, cause))
		return true;
	Type *V = x->type, *Vu = check_under(V), *Tu = check_under(T);
	if (type_identical_ignore_tags(Vu, Tu))
		return true;
	if (V->kind == TY_POINTER && T->kind == TY_POINTER &&
	    type_identical_ignore_tags(check_under(V->pointer.elem), check_under(T->pointer.elem)))
		return true;
	if (check_is_integer_or_float(Vu) && check_is_integer_or_float(Tu))
		return true;
	if (type_is_complex(Vu) && type_is_complex(Tu))
		return true;
	if ((type_is_integer(Vu) || check_is_bytes_or_runes(Vu)) && type_is_string(Tu))
		return true;
	if (type_is_string(Vu) && check_is_bytes_or_runes(Tu))
		return true;
	if ((Vu->kind == TY_POINTER || Vu->kind == TY_UINTPTR) && Tu->kind == TY_UNSAFE_POINTER)
		return true;
	if (Vu->kind == TY_UNSAFE_POINTER && (Tu->kind == TY_POINTER || Tu->kind == TY_UINTPTR))
		return true;
	if (Vu->kind == TY_SLICE && Tu->kind == TY_POINTER) {
		Type *a = check_under(Tu->pointer.elem);
		if (a->kind == TY_ARRAY && type_identical(Vu->array.elem, a->array.elem))
			return true;
	}
	return false;
}

static bool check_is_const_type(Type *t)
{
	TypeKind k = check_under(t)->kind;
	return (k >= TY_BOOL && k <= TY_STRING) || (k >= TY_UNTYPED_BOOL && k <= TY_UNTYPED_STRING);
}

static bool check_const_convertible_to(Operand *x, Type *T, ConstValue **val)
{
	Type *t = check_under(T);
	if (t->kind > TY_UNTYPED_NIL)
		return false;
	if (check_representable_const(x->val, t, val))
		return true;
	if (type_is_integer(x->type) && type_is_string(t)) {
		uint64_t r = UTF8_RUNE_ERROR;
		ConstValue *iv = const_to_int(x->val);
		if (!iv || !const_to_uint64(iv, &r) || r > UTF8_MAX_RUNE)
			r = UTF8_RUNE_ERROR;
		char buf[UTF8_MAX_LEN];
		*val = const_string(buf, (size_t)utf8_encode(buf, (int64_t)r));
		return true;
	}
	return false;
}

void check_conversion(Operand *x, Type *T)
{
	bool const_arg = x->mode == MODE_CONST;
	bool ok = false;
	const char *cause = NULL;
	if (const_arg && check_is_const_type(T)) {
		ConstValue *v = x->val;
		ok = check_const_convertible_to(x, T, &v);
		x->val = v; /* as go/types: even a failed integer conversion leaves the integer value */
	} else if (check_convertible_to(x, T, &cause)) {
		ok = true;
		x->mode = MODE_VALUE;
	}
	if (!ok) {
		if (cause && *cause)
			check_errorf(check_op_pos(x), "cannot convert %s to type %s:\n\t%s", check_op_str(x), check_ty_str(T), cause);
		else
			check_errorf(check_op_pos(x), "cannot convert %s to type %s", check_op_str(x), check_ty_str(T));
		x->mode = MODE_INVALID;
		return;
	}
	if (type_is_untyped(x->type)) {
		Type *final = T;
		if (x->type->kind == TY_UNTYPED_NIL) {
			/* nil converted to a pointer, slice ... type */
		} else if (check_is_interface(T) || (const_arg && !check_is_const_type(T))) {
			final = type_default(x->type);
		} else if (x->mode == MODE_CONST && type_is_integer(x->type) && type_is_string(T)) {
			final = x->type;
		}
		check_update_expr_type(x->expr, final, true);
	}
	x->type = T;
}
