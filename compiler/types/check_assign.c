/*
 * check_assign.c: assignment of values to variables and constants (go/types assignments.go).
 *
 * check_assignment is the single place where a value meets a typed destination: untyped values are
 * converted (or rejected as not representable), typed values must be assignable, and a concrete
 * value stored into an interface is marked (Node.iface_conv) for lowering. Declarations (var, :=,
 * return, range) and plain assignments share check_init_var/check_assign_var; the n:1 forms (v, ok := m[k],
 * a, b := f()) go through check_expr_list.
 */
#include "check.h"

#include <string.h>

static void check_mark_conversion(Operand *x, Type *T)
{
	Node *e = x->expr;
	if (!e || !T || !check_is_interface(T) || x->mode == MODE_NILVALUE || !x->type)
		return;
	if (e->type && e->type->kind == TY_TUPLE)
		return; /* one element of a multi-value call: lowering compares the types itself */
	if (!type_identical(x->type, T))
		e->iface_conv = T;
}

void check_assignment(Operand *x, Type *T, const char *context)
{
	check_single_value(x);
	switch ((int)x->mode) {
	case MODE_INVALID:
		return;
	case MODE_CONST: case MODE_VARIABLE: case MODE_MAPINDEX: case MODE_VALUE: case MODE_NILVALUE:
	case MODE_COMMAOK:
		break;
	default:
		check_errorf(check_op_pos(x), "cannot assign %s to %s in %s", check_op_str(x), T ? check_ty_str(T) : "_", context);
		x->mode = MODE_INVALID;
		return;
	}
	if (type_is_untyped(x->type)) {
		Type *target = T;
		if (x->mode == MODE_NILVALUE) {
			if (!T) {
				check_errorf(check_op_pos(x), "use of untyped nil in %s", context);
				x->mode = MODE_INVALID;
				return;
			}
		} else if (!T || check_is_interface(T)) {
			target = type_default(x->type);
		}
		ConstValue *val;
		int code;
		Type *nt = check_implicit_type_and_value(x, target, &val, &code);
		if (code) {
			const char *suffix = code == CODE_TRUNCATED ? " (truncated)" : code == CODE_OVERFLOW ? " (overflows)" : "";
			check_errorf(check_op_pos(x), "cannot use %s as %s value in %s%s", check_op_str(x), check_ty_str(target), context, suffix);
			x->mode = MODE_INVALID;
			return;
		}
		if (val) {
			x->val = val;
			if (x->expr && x->expr->type && type_is_untyped(x->expr->type))
				x->expr->cval = val;
		}
		if (nt != x->type) {
			x->type = nt;
			check_update_expr_type(x->expr, nt, false);
		}
	}
	if (!T)
		return;
	const char *reason = NULL;
	if (!check_assignable_to(x, T, &reason)) {
		if (reason && *reason)
			check_errorf(check_op_pos(x), "cannot use %s as type %s in %s:\n\t%s", check_op_str(x), check_ty_str(T), context, reason);
		else
			check_errorf(check_op_pos(x), "cannot use %s as type %s in %s", check_op_str(x), check_ty_str(T), context);
		x->mode = MODE_INVALID;
		return;
	}
	check_mark_conversion(x, T);
}

void check_init_const(Object *lhs, Operand *x)
{
	if (x->mode == MODE_INVALID || x->type == ty_invalid || lhs->type == ty_invalid) {
		if (!lhs->type)
			lhs->type = ty_invalid;
		return;
	}
	if (x->mode != MODE_CONST) {
		check_errorf(check_op_pos(x), "%s is not constant", check_op_str(x));
		if (!lhs->type)
			lhs->type = ty_invalid;
		return;
	}
	if (!lhs->type)
		lhs->type = x->type;
	check_assignment(x, lhs->type, "constant declaration");
	if (x->mode == MODE_INVALID)
		return;
	lhs->cval = x->val;
}

Type *check_init_var(Object *lhs, Operand *x, const char *context)
{
	if (x->mode == MODE_INVALID || x->type == ty_invalid || lhs->type == ty_invalid) {
		if (!lhs->type)
			lhs->type = ty_invalid;
		lhs->used = true;
		return NULL;
	}
	if (!lhs->type) {
		Type *typ = x->type;
		if (type_is_untyped(typ)) {
			if (typ->kind == TY_UNTYPED_NIL) {
				check_errorf(check_op_pos(x), "use of untyped nil in %s", context);
				lhs->type = ty_invalid;
				return NULL;
			}
			typ = type_default(typ);
		}
		lhs->type = typ;
	}
	check_assignment(x, lhs->type, context);
	if (x->mode == MODE_INVALID) {
		lhs->used = true;
		return NULL;
	}
	return x->type;
}

Type *check_assign_var(Node *lhs, Operand *x)
{
	if (x->mode == MODE_INVALID || x->type == ty_invalid) {
		check_use(lhs);
		return NULL;
	}
	Node *ident = check_unparen(lhs);
	if (ident->kind != ND_IDENT)
		ident = NULL;
	if (ident && strcmp(ident->ident.name, "_") == 0) {
		ident->ident.obj = NULL;
		ident->mode = MODE_VARIABLE;
		check_assignment(x, NULL, "assignment to _ identifier");
		if (x->mode == MODE_INVALID)
			return NULL;
		ident->type = x->type;
		return x->type;
	}
	Object *v = NULL;
	bool v_used = false;
	if (ident) {
		Object *obj = check_lookup(ident->ident.name);
		if (obj && obj->kind == OBJ_VAR) {
			v = obj;
			v_used = v->used;
		}
	}
	Operand z;
	check_expr(&z, lhs);
	if (v)
		v->used = v_used;
	if (z.mode == MODE_INVALID || z.type == ty_invalid)
		return NULL;
	if (z.mode != MODE_VARIABLE && z.mode != MODE_MAPINDEX) {
		Node *sel = check_unparen(z.expr);
		if (sel && sel->kind == ND_SELECTOR) {
			Node *sx = check_unparen(sel->selector.x);
			if (sx && sx->mode == MODE_MAPINDEX) {
				check_errorf(check_op_pos(&z), "cannot assign to struct field %s in map", check_ex_str(z.expr));
				return NULL;
			}
		}
		check_errorf(check_op_pos(&z), "cannot assign to %s", check_op_str(&z));
		return NULL;
	}
	check_assignment(x, z.type, "assignment");
	if (x->mode == MODE_INVALID)
		return NULL;
	return x->type;
}

static const char *check_measure(int n, const char *unit)
{
	return xsprintf("%d %s%s", n, unit, n == 1 ? "" : "s");
}

static void check_assign_error(Vec *rhs, int nvars, int nvals)
{
	const char *vars = check_measure(nvars, "variable"), *vals = check_measure(nvals, "value");
	Node *rhs0 = rhs->data[0];
	Node *call = check_unparen(rhs0);
	if (rhs->len == 1 && call->kind == ND_CALL)
		check_errorf(check_expr_start(rhs0), "assignment mismatch: %s but %s returns %s", vars,
			     check_ex_str(call->call.fun), vals);
	else
		check_errorf(check_expr_start(rhs0), "assignment mismatch: %s but %s", vars, vals);
}

static Type **check_object_types(Object **objs, int n)
{
	Type **ts = xalloc(sizeof(Type *) * (n + 1));
	for (int i = 0; i < n; i++)
		ts[i] = objs[i]->type;
	return ts;
}

static void check_return_count_error(Object **lhs, int nlhs, Operand **rhs, int nrhs, Node *ret)
{
	Pos at = ret->pos;
	const char *qualifier = "not enough";
	if (nrhs > nlhs) {
		at = check_expr_start(rhs[nlhs]->expr);
		qualifier = "too many";
	} else if (nrhs > 0) {
		at = check_expr_start(rhs[nrhs - 1]->expr);
	}
	Type **have = xalloc(sizeof(Type *) * (nrhs + 1));
	for (int i = 0; i < nrhs; i++)
		have[i] = rhs[i]->type;
	check_errorf(at, "%s return values\n\thave %s\n\twant %s", qualifier, check_types_summary(have, nrhs, false),
		     check_types_summary(check_object_types(lhs, nlhs), nlhs, false));
}

void check_init_vars(Object **lhs, int nlhs, Vec *orig_rhs, Node *return_stmt)
{
	Operand **rhs;
	bool comma_ok;
	int nrhs = check_expr_list(orig_rhs, nlhs == 2 && !return_stmt, &rhs, &comma_ok);
	if (nlhs != nrhs) {
		for (int i = 0; i < nlhs; i++) {
			lhs[i]->used = true;
			if (!lhs[i]->type)
				lhs[i]->type = ty_invalid;
		}
		for (int i = 0; i < nrhs; i++)
			if (rhs[i]->mode == MODE_INVALID)
				return;
		if (return_stmt)
			check_return_count_error(lhs, nlhs, rhs, nrhs, return_stmt);
		else
			check_assign_error(orig_rhs, nlhs, nrhs);
		return;
	}
	const char *context = return_stmt ? "return statement" : "assignment";
	bool ok = true;
	for (int i = 0; i < nlhs; i++)
		if (!check_init_var(lhs[i], rhs[i], context))
			ok = false;
	if (!ok && !comma_ok)
		for (int i = 0; i < nlhs; i++)
			lhs[i]->used = true;
}

void check_assign_vars(Vec *lhs, Vec *orig_rhs)
{
	Operand **rhs;
	bool comma_ok;
	int nrhs = check_expr_list(orig_rhs, lhs->len == 2, &rhs, &comma_ok);
	if (lhs->len != nrhs) {
		check_use_vec(lhs);
		for (int i = 0; i < nrhs; i++)
			if (rhs[i]->mode == MODE_INVALID)
				return;
		check_assign_error(orig_rhs, lhs->len, nrhs);
		return;
	}
	bool ok = true;
	for (int i = 0; i < lhs->len; i++)
		if (!check_assign_var(lhs->data[i], rhs[i]))
			ok = false;
	if (ok || comma_ok)
		return;
	for (int i = 0; i < lhs->len; i++) {
		Node *name = check_unparen(lhs->data[i]);
		if (name->kind == ND_IDENT) {
			Object *obj = check_lookup(name->ident.name);
			if (obj && obj->kind == OBJ_VAR)
				obj->used = true;
		}
	}
}

static void check_note_local(Object *v)
{
	if (ck->env.func)
		vec_push(&check_obj_info(ck->env.func)->locals, v);
}

void check_short_var_decl(Node *s, Vec *lhs, Vec *rhs)
{
	int top = ck->delayed.len;
	Scope *scope = ck->env.scope;
	int n = lhs->len;
	Object **lhs_vars = xalloc(sizeof(Object *) * (n + 1));
	Vec new_vars = {0};
	bool has_err = false;
	for (int i = 0; i < n; i++) {
		Node *e = lhs->data[i];
		if (e->kind != ND_IDENT) {
			check_use(e);
			check_errorf(check_expr_start(e), "non-name %s on left side of :=", check_ex_str(e));
			has_err = true;
			continue;
		}
		const char *name = e->ident.name;
		if (strcmp(name, "_") != 0) {
			bool seen = false;
			for (int j = 0; j < i && !seen; j++) {
				Node *f = lhs->data[j];
				seen = f->kind == ND_IDENT && f->ident.name == name;
			}
			if (seen) {
				check_errorf(e->pos, "%s repeated on left side of :=", name);
				has_err = true;
				continue;
			}
		}
		Object *alt = scope_lookup_local(scope, name);
		if (alt) {
			e->ident.obj = alt;
			if (alt->kind == OBJ_VAR)
				lhs_vars[i] = alt;
			else {
				check_errorf(e->pos, "cannot assign to %s", check_ex_str(e));
				has_err = true;
			}
			continue;
		}
		Object *obj = object_new(ck->pkg, OBJ_VAR, name, e->pos, NULL);
		obj->owner = ck->env.func;
		obj->decl = s;
		lhs_vars[i] = obj;
		if (strcmp(name, "_") != 0)
			vec_push(&new_vars, obj);
		e->ident.obj = strcmp(name, "_") ? obj : NULL;
	}
	for (int i = 0; i < n; i++)
		if (!lhs_vars[i])
			lhs_vars[i] = object_new(ck->pkg, OBJ_VAR, intern("_", 1), ((Node *)lhs->data[i])->pos, NULL);
	check_init_vars(lhs_vars, n, rhs, NULL);
	for (int i = 0; i < n; i++) {
		Node *e = lhs->data[i];
		if (e->kind == ND_IDENT && lhs_vars[i]->type) {
			e->mode = MODE_VARIABLE;
			e->type = lhs_vars[i]->type;
		}
	}
	check_process_delayed(top);
	if (new_vars.len == 0 && !has_err) {
		check_errorf(check_stmt_op_pos(s), "no new variables on left side of :=");
		return;
	}
	for (int i = 0; i < new_vars.len; i++) {
		Object *v = new_vars.data[i];
		check_declare(scope, NULL, v);
		check_note_local(v);
	}
}
