/*
 * check_decl.c: constant, variable, type and function declarations, at package level (called by
 * check_obj_decl) and inside functions (check_decl_stmt). A port of go/types decl.go.
 *
 * Constants are checked with iota bound to their spec's index; a spec that repeats the previous one
 * (implicit) reports its errors at the constant's own name, as gc does. Local declarations become
 * visible only after their whole spec is checked (`x := 1; { var x = x }` sees the outer x).
 */
#include "check.h"

#include <string.h>

static bool check_is_const_type(Type *t)
{
	Type *u = check_under(t);
	return u->kind >= TY_BOOL && u->kind <= TY_STRING ? true :
	       (u->kind >= TY_UNTYPED_BOOL && u->kind <= TY_UNTYPED_STRING);
}

void check_const_decl(Object *obj, Node *typ, Node *init, bool inherited)
{
	ConstValue *saved_iota = ck->env.iota;
	Pos saved_errpos = ck->env.errpos;
	ck->env.iota = check_obj_info(obj)->iota;
	ck->env.errpos = nopos;
	obj->cval = const_unknown();
	if (typ) {
		Type *t = check_typ(typ);
		if (!check_is_const_type(t)) {
			if (check_under(t) != ty_invalid)
				check_errorf(check_expr_start(typ), "invalid constant type %s", check_ty_str(t));
			obj->type = ty_invalid;
			goto done;
		}
		obj->type = t;
	}
	Operand x = {MODE_INVALID};
	if (init) {
		if (inherited)
			ck->env.errpos = obj->pos;
		check_expr(&x, init);
	}
	check_init_const(obj, &x);
done:
	ck->env.iota = saved_iota;
	ck->env.errpos = saved_errpos;
}

void check_var_decl(Object *obj, Object **lhs, int nlhs, Node *typ, Node *init)
{
	if (typ)
		obj->type = check_var_type(typ);
	if (!init) {
		if (!typ)
			obj->type = ty_invalid;
		goto done;
	}
	if (!lhs || nlhs == 1) {
		Operand x;
		check_expr(&x, init);
		check_init_var(obj, &x, "variable declaration");
		goto done;
	}
	if (typ)
		for (int i = 0; i < nlhs; i++)
			lhs[i]->type = obj->type;
	Vec rhs = {0};
	vec_push(&rhs, init);
	check_init_vars(lhs, nlhs, &rhs, NULL);
done:
	if (obj->type == ty_invalid)
		obj->used = true;
	for (int i = 0; lhs && i < nlhs; i++)
		if (lhs[i]->type == ty_invalid)
			lhs[i]->used = true;
}

void check_type_decl(Object *obj, Node *tdecl, Type *def)
{
	ObjInfo *info = check_obj_info(obj);
	if (tdecl->type_spec.tparams.len) {
		if (tdecl->type_spec.assign) /* the parser lets it through, as gc's does */
			check_errorf(tdecl->type_spec.name->pos, "generic type cannot be alias");
		else
			obj->generic = check_generic_decl(((Node *)tdecl->type_spec.tparams.data[0])->pos);
		info->generic = true;
		obj->type = ty_invalid;
		return;
	}
	if (tdecl->type_spec.assign) {
		info->alias = true;
		Type *rhs = check_typ(tdecl->type_spec.type);
		obj->type = rhs;
		return;
	}
	Type *named = type_named(obj, NULL);
	obj->type = named;
	vec_push(&ck->named_types, named);
	if (def && def->kind == TY_NAMED)
		def->named.underlying = named;
	check_later(LATER_VALID_TYPE, NULL, named, obj, obj->pos);
	Type *rhs = check_defined_type(tdecl->type_spec.type, named);
	info->from_rhs = rhs;
	if (!named->named.underlying)
		named->named.underlying = ty_invalid;
}

/* Adds the methods declared for a type name to its named type (go/types collectMethods). */
void check_collect_methods(Object *tn)
{
	ObjInfo *info = check_obj_info(tn);
	if (info->methods.len == 0)
		return;
	Vec methods = info->methods;
	info->methods = (Vec){0};
	Type *base = tn->type && tn->type->kind == TY_NAMED ? tn->type : NULL;
	if (base)
		check_later(LATER_FIELDS, NULL, base, NULL, tn->pos);
	for (int i = 0; i < methods.len; i++) {
		Object *m = methods.data[i];
		Object *alt = NULL;
		for (int j = 0; base && j < base->named.methods.len && !alt; j++)
			if (((Object *)base->named.methods.data[j])->name == m->name)
				alt = base->named.methods.data[j];
		if (alt) {
			check_errorf(m->pos, "%s.%s redeclared in this block\n\t%s: other declaration of %s",
				     tn->name, m->name, pos_string(alt->pos), m->name);
			continue;
		}
		if (base)
			vec_push(&base->named.methods, m);
	}
}

void check_func_decl(Object *obj, DeclInfo *d)
{
	if (check_obj_info(obj)->generic) {
		obj->type = ty_invalid;
		return;
	}
	Type *sig = type_new(TY_FUNC);
	obj->type = sig;
	ObjInfo *info = check_obj_info(obj);
	int saved = info->color;
	info->color = 1; /* black: a reference to obj while its signature is checked is no cycle */
	Node *fd = d->fdecl;
	Scope *scope = scope_new(ck->env.scope, obj);
	scope->is_func = true;
	check_func_type(obj, sig, fd->func_decl.recv, fd->func_decl.type, scope);
	info->color = saved;
	if (fd->func_decl.body)
		check_later(LATER_FUNC_BODY, NULL, NULL, obj, obj->pos);
}

/* ---- declarations inside functions ------------------------------------------------------------ */

static Object *check_local_object(ObjKind kind, Node *ident, Node *decl)
{
	Object *obj = object_new(ck->pkg, kind, ident->ident.name, ident->pos, NULL);
	obj->decl = decl;
	obj->owner = ck->env.func;
	return obj;
}

static void check_note_local(Object *v)
{
	if (ck->env.func && strcmp(v->name, "_") != 0)
		vec_push(&check_obj_info(ck->env.func)->locals, v);
}

static void check_local_const_spec(Node *spec)
{
	int top = ck->delayed.len;
	Vec *names = &spec->value_spec.names, *values = &spec->value_spec.values;
	Object **lhs = xalloc(sizeof(Object *) * (names->len + 1));
	for (int i = 0; i < names->len; i++) {
		Object *obj = check_local_object(OBJ_CONST, names->data[i], spec);
		check_obj_info(obj)->iota = const_int64(spec->value_spec.iota);
		lhs[i] = obj;
		Node *init = i < values->len ? values->data[i] : NULL;
		check_const_decl(obj, spec->value_spec.type, init, spec->value_spec.implicit);
	}
	check_arity(spec->pos, names, values, true, spec->value_spec.implicit);
	check_process_delayed(top);
	for (int i = 0; i < names->len; i++)
		check_declare(ck->env.scope, names->data[i], lhs[i]);
}

static void check_local_var_spec(Node *spec)
{
	int top = ck->delayed.len;
	Vec *names = &spec->value_spec.names, *values = &spec->value_spec.values;
	Object **lhs0 = xalloc(sizeof(Object *) * (names->len + 1));
	for (int i = 0; i < names->len; i++)
		lhs0[i] = check_local_object(OBJ_VAR, names->data[i], spec);
	for (int i = 0; i < names->len; i++) {
		Object **lhs = NULL;
		int nlhs = 0;
		Node *init = NULL;
		if (values->len == names->len) {
			init = values->data[i];
		} else if (values->len == 1) {
			lhs = lhs0;
			nlhs = names->len;
			init = values->data[0];
		} else if (i < values->len) {
			init = values->data[i];
		}
		check_var_decl(lhs0[i], lhs, nlhs, spec->value_spec.type, init);
		if (values->len == 1)
			break;
	}
	if (!spec->value_spec.type || values->len)
		check_arity(spec->pos, names, values, false, false);
	check_process_delayed(top);
	for (int i = 0; i < names->len; i++) {
		if (!lhs0[i]->type)
			lhs0[i]->type = ty_invalid;
		check_declare(ck->env.scope, names->data[i], lhs0[i]);
		check_note_local(lhs0[i]);
	}
}

static void check_local_type_spec(Node *spec)
{
	Node *name = spec->type_spec.name;
	Object *obj = check_local_object(OBJ_TYPE, name, spec);
	check_declare(ck->env.scope, name, obj);
	ObjInfo *info = check_obj_info(obj);
	vec_push(&ck->obj_path, obj);
	info->color = 2 + ck->obj_path.len - 1;
	check_type_decl(obj, spec, NULL);
	ck->obj_path.len--;
	info->color = 1;
	if (obj->type && obj->type->kind == TY_NAMED && obj->type->named.obj == obj)
		obj->type->named.vargen = ++ck->nlocal_types;
}

void check_decl_stmt(Node *decl)
{
	if (!decl || decl->kind != ND_GEN_DECL)
		return;
	for (int i = 0; i < decl->gen_decl.specs.len; i++) {
		Node *spec = decl->gen_decl.specs.data[i];
		if (spec->kind == ND_TYPE_SPEC)
			check_local_type_spec(spec);
		else if (spec->kind == ND_VALUE_SPEC && decl->gen_decl.tok == TOK_CONST)
			check_local_const_spec(spec);
		else if (spec->kind == ND_VALUE_SPEC)
			check_local_var_spec(spec);
	}
}
