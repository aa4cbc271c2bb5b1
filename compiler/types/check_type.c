/*
 * check_type.c: type expressions (go/types typexpr.go, struct.go, signature.go, interface.go,
 * validtype.go).
 *
 * In: a type expression node. Out: the Type it denotes, recorded on the node (MODE_TYPE). When a
 * defined type's right-hand side is checked, `def` is that named type and receives its underlying
 * type before the components are checked, so `type List struct { next *List }` closes the loop.
 * Restrictions that need complete types (map keys comparable, embedded field kinds, receiver base
 * types, recursive type validity) are queued with check_later.
 */
#include "check.h"

#include <stdlib.h>
#include <string.h>

static void check_set_underlying(Type *def, Type *typ)
{
	if (def && def->kind == TY_NAMED)
		def->named.underlying = typ;
}

static void check_record_type(Node *e, Type *t)
{
	if (!e)
		return;
	e->mode = MODE_TYPE;
	e->type = t;
}

Type *check_typ(Node *e)
{
	return check_defined_type(e, NULL);
}

Type *check_var_type(Node *e)
{
	Type *t = check_defined_type(e, NULL);
	/* interfaces with type constraints cannot be variable types; gocc rejects those interfaces
	 * when they are built, so nothing more to check here */
	return t;
}

bool check_is_type_expr_node(Node *e)
{
	switch (e->kind) {
	case ND_ARRAY_TYPE: case ND_STRUCT_TYPE: case ND_FUNC_TYPE: case ND_INTERFACE_TYPE:
	case ND_MAP_TYPE: case ND_CHAN_TYPE:
		return true;
	default:
		return false;
	}
}

/* ---- structs --------------------------------------------------------------------------------- */

/* The name an embedded field gets from its type: T, *T, pkg.T, T[...]. */
static Node *check_embedded_field_ident(Node *e)
{
	switch (e ? e->kind : ND_BAD) {
	case ND_IDENT: return e;
	case ND_STAR:
		if (e->star.x && e->star.x->kind != ND_STAR)
			return check_embedded_field_ident(e->star.x);
		return NULL;
	case ND_SELECTOR: return e->selector.sel;
	case ND_INDEX: return check_embedded_field_ident(e->index.x);
	default: return NULL;
	}
}

/* names: the fields by (interned) name, for the redeclaration check. */
static void check_add_field(Vec *fields, HashMap *names, Node *ident, const char *name, Type *typ, bool embedded,
		      const char *tag, Pos pos)
{
	Object *obj = object_new(ck->pkg, OBJ_VAR, name, pos, typ);
	obj->is_field = true;
	obj->used = true;
	if (strcmp(name, "_") != 0) {
		Field *g = hashmap_get(names, name);
		if (g) {
			check_errorf(pos, "%s redeclared\n\t%s: other declaration of %s", name,
				     pos_string(g->obj->pos), name);
			return;
		}
	}
	if (ident)
		ident->ident.obj = obj;
	Field *f = xnew(Field);
	f->name = name;
	f->pkg = ck->pkg;
	f->type = typ;
	f->embedded = embedded;
	f->tag = tag;
	f->obj = obj;
	vec_push(fields, f);
	if (strcmp(name, "_") != 0)
		hashmap_put(names, name, f);
}

static void check_struct_type(Type *styp, Node *e)
{
	Vec fields = {0};
	HashMap names = {0}; /* interned name -> Field* */
	for (int i = 0; i < e->struct_type.fields.len; i++) {
		Node *f = e->struct_type.fields.data[i];
		if (f->kind != ND_FIELD)
			continue;
		Type *typ = check_var_type(f->field.type);
		const char *tag = NULL;
		Node *t = f->field.tag;
		if (t && t->kind == ND_BASIC_LIT && t->lit.tok == TOK_STRING)
			tag = xstrndup(t->lit.str ? t->lit.str : "", t->lit.str_len);
		if (f->field.names.len > 0) {
			for (int j = 0; j < f->field.names.len; j++) {
				Node *name = f->field.names.data[j];
				check_add_field(&fields, &names, name, name->ident.name, typ, false, tag, name->pos);
			}
			continue;
		}
		Pos pos = check_expr_start(f->field.type);
		Node *name = check_embedded_field_ident(f->field.type);
		if (!name) {
			check_errorf(pos, "invalid embedded field type %s", check_ex_str(f->field.type));
			check_add_field(&fields, &names, NULL, intern("_", 1), ty_invalid, true, NULL, pos);
			continue;
		}
		check_add_field(&fields, &names, NULL, name->ident.name, typ, true, tag, pos);
		check_later(LATER_EMBEDDED, NULL, typ, NULL, pos);
	}
	styp->strct.fields = (Field **)fields.data;
	styp->strct.nfields = fields.len;
}

void check_embedded(Type *t, Pos pos)
{
	bool is_ptr = false;
	if (t->kind == TY_POINTER) {
		is_ptr = true;
		t = t->pointer.elem;
	}
	Type *u = check_under(t);
	if (t == ty_invalid)
		return;
	if (u->kind == TY_UNSAFE_POINTER)
		check_errorf(pos, "embedded field type cannot be unsafe.Pointer");
	else if (u->kind == TY_POINTER)
		check_errorf(pos, "embedded field type cannot be a pointer");
	else if (u->kind == TY_INTERFACE && is_ptr)
		check_errorf(pos, "embedded field type cannot be a pointer to an interface");
}

/* ---- signatures ------------------------------------------------------------------------------ */

static Vec check_collect_params(Scope *scope, Vec *list, bool variadic_ok, bool results, Object *fn,
			  bool *variadic, Vec *names)
{
	Vec params = {0};
	*variadic = false;
	int index = 0;
	for (int i = 0; list && i < list->len; i++) {
		Node *field = list->data[i];
		if (field->kind != ND_FIELD)
			continue;
		Node *ftype = field->field.type;
		bool dots = false;
		if (ftype && ftype->kind == ND_ELLIPSIS) {
			Node *ell = ftype;
			ftype = ell->ellipsis.elt;
			if (variadic_ok && i == list->len - 1 && field->field.names.len <= 1)
				dots = *variadic = true;
			else
				check_errorf(ell->pos, "can only use ... with final parameter in list");
		}
		Type *typ = ftype ? check_var_type(ftype) : ty_invalid;
		if (dots)
			typ = type_slice(typ);
		int nnames = field->field.names.len;
		for (int j = 0; j < (nnames ? nnames : 1); j++, index++) {
			Node *name = nnames ? field->field.names.data[j] : NULL;
			const char *n = name ? name->ident.name : NULL;
			const char *objname = n;
			if (results && (!n || strcmp(n, "_") == 0))
				objname = xsprintf(n ? "~b%d" : "~r%d", index);
			else if (!n)
				objname = intern("_", 1);
			Object *par = object_new(ck->pkg, OBJ_VAR, objname, name ? name->pos : field->pos, typ);
			par->is_param = !results;
			par->is_result = results;
			par->used = true;
			par->owner = fn;
			par->decl = field;
			if (name && strcmp(n, "_") != 0)
				check_declare(scope, name, par);
			else if (name)
				name->ident.obj = NULL;
			if (!par->scope)
				par->scope = scope;
			/* diagnostics keep the written name ("" when unnamed) */
			vec_push(names, (void *)(n ? n : ""));
			vec_push(&params, par);
		}
	}
	return params;
}

static void check_fill_sig(Type *sig, Vec *params, Vec *pnames, Vec *results, Vec *rnames)
{
	sig->func.nparams = params->len;
	sig->func.params = xalloc(sizeof(Type *) * (params->len + 1));
	sig->func.param_names = xalloc(sizeof(char *) * (params->len + 1));
	for (int i = 0; i < params->len; i++) {
		Object *p = params->data[i];
		sig->func.params[i] = p->type;
		sig->func.param_names[i] = pnames->data[i];
	}
	sig->func.nresults = results->len;
	sig->func.results = xalloc(sizeof(Type *) * (results->len + 1));
	sig->func.result_names = xalloc(sizeof(char *) * (results->len + 1));
	for (int i = 0; i < results->len; i++) {
		Object *r = results->data[i];
		sig->func.results[i] = r->type;
		sig->func.result_names[i] = rnames->data[i];
	}
}

void check_func_type(Object *fn, Type *sig, Node *recv, Node *ftype, Scope *scope)
{
	if (!scope) {
		scope = scope_new(ck->env.scope, fn);
		scope->is_func = true;
	}
	Scope *saved = ck->env.scope;
	ck->env.scope = scope;
	if (ftype && ftype->func_type.tparams.len) {
		Node *tp = ftype->func_type.tparams.data[0];
		if (!fn) { /* declared generic functions were reported when collected */
			unsupported_at(tp->pos, "generic type parameters");
			ck->nerrors++;
		}
	}
	Object *recv_obj = NULL;
	bool variadic = false;
	if (recv && recv->kind == ND_FUNC_TYPE) {
		Vec rnames = {0};
		Vec rl = check_collect_params(scope, &recv->func_type.params, false, false, fn, &variadic, &rnames);
		if (rl.len == 0) {
			recv_obj = object_new(ck->pkg, OBJ_VAR, intern("_", 1), nopos, ty_invalid);
		} else {
			if (rl.len > 1)
				check_errorf(((Object *)vec_last(&rl))->pos, "method must have exactly one receiver");
			recv_obj = rl.data[0];
		}
		recv_obj->is_param = true;
		recv_obj->owner = fn;
		sig->func.recv = recv_obj->type;
	}
	Vec params = {0}, results = {0}, pnames = {0}, rnames = {0};
	if (ftype && ftype->kind == ND_FUNC_TYPE) {
		params = check_collect_params(scope, &ftype->func_type.params, true, false, fn, &variadic, &pnames);
		bool dummy;
		results = check_collect_params(scope, &ftype->func_type.results, false, true, fn, &dummy, &rnames);
	}
	sig->func.variadic = variadic;
	if (fn) {
		fn->recv = recv_obj;
		fn->params = params;
		fn->results = results;
		check_obj_info(fn)->fscope = scope;
	}
	check_fill_sig(sig, &params, &pnames, &results, &rnames);
	if (recv_obj && fn)
		check_later(LATER_RECV, NULL, NULL, fn, recv_obj->pos);
	ck->env.scope = saved;
}

void check_recv(Object *m)
{
	Object *recv = m->recv;
	if (!recv || !recv->type)
		return;
	Type *rtyp = recv->type;
	if (rtyp->kind == TY_POINTER)
		rtyp = rtyp->pointer.elem;
	if (rtyp == ty_invalid)
		return;
	if (rtyp->kind == TY_NAMED) {
		Object *tn = rtyp->named.obj;
		if (tn->scope == scope_universe() || !tn->checker || !check_obj_info(tn)->decl) {
			check_errorf(recv->pos, "cannot define new methods on non-local type %s", check_ty_str(rtyp));
			return;
		}
		Type *u = check_under(rtyp);
		const char *cause = NULL;
		if (u->kind == TY_UNSAFE_POINTER)
			cause = "unsafe.Pointer";
		else if (u->kind == TY_POINTER || u->kind == TY_INTERFACE)
			cause = "pointer or interface type";
		if (cause)
			check_errorf(recv->pos, "invalid receiver type %s (%s)", check_ty_str(rtyp), cause);
	} else if (rtyp->kind <= TY_UNTYPED_NIL) {
		check_errorf(recv->pos, "cannot define new methods on non-local type %s", check_ty_str(rtyp));
	} else {
		check_errorf(recv->pos, "invalid receiver type %s", check_ty_str(recv->type));
	}
}

/* ---- interfaces ------------------------------------------------------------------------------ */

static int check_cmp_obj_name(const void *a, const void *b)
{
	return strcmp((*(Object *const *)a)->name, (*(Object *const *)b)->name);
}

static bool check_is_constraint_syntax(Node *e)
{
	return e && ((e->kind == ND_BINARY && e->binary.op == TOK_OR) ||
		     (e->kind == ND_UNARY && e->unary.op == TOK_TILDE));
}

static void check_interface_type(Type *ityp, Node *e, Type *def)
{
	Vec methods = {0};
	ityp->iface.completing = true; /* no premature method set while the methods are checked */
	for (int i = 0; i < e->interface_type.methods.len; i++) {
		Node *f = e->interface_type.methods.data[i];
		if (f->kind != ND_FIELD)
			continue;
		if (f->field.names.len == 0) {
			Node *te = f->field.type;
			if (check_is_constraint_syntax(te)) {
				unsupported_at(check_expr_start(te), "generic type constraints");
				ck->nerrors++;
				continue;
			}
			Type *t = check_typ(te);
			if (t != ty_invalid && check_under(t)->kind != TY_INTERFACE && check_under(t) != ty_invalid) {
				unsupported_at(check_expr_start(te), "generic type constraints");
				ck->nerrors++;
				continue;
			}
			if (t->kind == TY_NAMED && t->named.obj && t->named.obj->scope == scope_universe() &&
			    strcmp(t->named.obj->name, "comparable") == 0) {
				unsupported_at(check_expr_start(te), "generic type constraints");
				ck->nerrors++;
				continue;
			}
			vec_push(&ityp->iface.embeddeds, t);
			continue;
		}
		Node *name = f->field.names.data[0];
		if (strcmp(name->ident.name, "_") == 0) {
			check_errorf(name->pos, "methods must have a unique non-blank name");
			continue;
		}
		Type *sig = check_typ(f->field.type);
		if (sig->kind != TY_FUNC)
			continue;
		Type *recv_type = def ? def : ityp;
		sig->func.recv = recv_type;
		Object *m = object_new(ck->pkg, OBJ_FUNC, name->ident.name, name->pos, sig);
		m->recv = object_new(ck->pkg, OBJ_VAR, intern("_", 1), name->pos, recv_type);
		m->recv->is_param = true;
		m->func_type = f->field.type;
		name->ident.obj = m;
		vec_push(&methods, m);
	}
	vec_sort(&methods, check_cmp_obj_name);
	ityp->iface.explicit_methods = (Object **)methods.data;
	ityp->iface.nexplicit = methods.len;
	ityp->iface.completing = false;
	if (methods.len || ityp->iface.embeddeds.len)
		check_later(LATER_IFACE, e, ityp, NULL, e->pos);
	else
		type_iface_complete(ityp);
}

/* Forgets method sets computed while embedded interfaces were still being declared. */
static void check_iface_reset(Type *t, Vec *seen)
{
	if (t->kind != TY_INTERFACE)
		return;
	for (int i = 0; i < seen->len; i++)
		if (seen->data[i] == t)
			return;
	vec_push(seen, t);
	t->iface.complete = false;
	for (int i = 0; i < t->iface.embeddeds.len; i++)
		check_iface_reset(check_under(t->iface.embeddeds.data[i]), seen);
}

typedef struct MethodPos {
	Object *m;
	Pos pos; /* where the method was declared or its interface embedded */
} MethodPos;

static MethodPos *check_find_method(Vec *seen, const char *name)
{
	for (int i = 0; i < seen->len; i++) {
		MethodPos *mp = seen->data[i];
		if (mp->m->name == name)
			return mp;
	}
	return NULL;
}

static void check_add_method_pos(Vec *seen, Object *m, Pos pos, bool is_explicit)
{
	MethodPos *other = check_find_method(seen, m->name);
	if (!other) {
		MethodPos *mp = xnew(MethodPos);
		mp->m = m;
		mp->pos = pos;
		vec_push(seen, mp);
		return;
	}
	if (is_explicit || (other->m != m && !type_identical(other->m->type, m->type)))
		check_errorf(pos, "duplicate method %s\n\t%s: other declaration of %s", m->name, pos_string(other->pos),
			     m->name);
}

/* Duplicate methods, explicit or through embedding (go/types computeInterfaceTypeSet): explicit
 * methods first, then those of each embedded interface, reported at the embedding. */
void check_iface_dups(Type *t, Node *e)
{
	Vec reset = {0};
	check_iface_reset(t, &reset);
	Vec seen = {0};
	for (int i = 0; i < t->iface.nexplicit; i++)
		check_add_method_pos(&seen, t->iface.explicit_methods[i], t->iface.explicit_methods[i]->pos, true);
	for (int i = 0; e && i < e->interface_type.methods.len; i++) {
		Node *f = e->interface_type.methods.data[i];
		if (f->kind != ND_FIELD || f->field.names.len || !f->field.type || !f->field.type->type)
			continue;
		Type *et = check_under(f->field.type->type);
		if (et->kind != TY_INTERFACE)
			continue;
		type_iface_complete(et);
		Pos pos = check_expr_start(f->field.type);
		for (int k = 0; k < et->iface.nmethods; k++)
			check_add_method_pos(&seen, et->iface.methods[k], pos, false);
	}
	type_iface_complete(t);
}

/* ---- arrays, maps ---------------------------------------------------------------------------- */

int64_t check_array_length(Node *e)
{
	if (e->kind == ND_IDENT) {
		Object *obj = check_lookup(e->ident.name);
		if (!obj) {
			check_errorf(e->pos, "undeclared name %s for array length", e->ident.name);
			return -1;
		}
		if (obj->kind != OBJ_CONST) {
			check_errorf(e->pos, "invalid array length %s", e->ident.name);
			return -1;
		}
	}
	Operand x;
	check_expr(&x, e);
	if (x.mode != MODE_CONST) {
		if (x.mode != MODE_INVALID)
			check_errorf(check_op_pos(&x), "array length %s must be constant", check_op_str(&x));
		return -1;
	}
	if (type_is_untyped(x.type) || type_is_integer(x.type)) {
		ConstValue *v = const_to_int(x.val);
		if (v && const_kind(v) == CONST_INT) {
			if (check_representable_const(v, type_basic(TY_INT), NULL)) {
				int64_t n;
				if (const_to_int64(v, &n) && n >= 0)
					return n;
				check_errorf(check_op_pos(&x), "invalid array length %s", check_op_str(&x));
				return -1;
			}
		}
	}
	check_errorf(check_op_pos(&x), "array length %s must be integer", check_op_str(&x));
	return -1;
}

void check_map_key(Type *map, Node *key)
{
	Type *k = map->map.key;
	if (!type_is_comparable(k))
		check_errorf(check_expr_start(key), "invalid map key type %s", check_ty_str(k));
}

/* ---- the dispatch ---------------------------------------------------------------------------- */

static Type *check_named_or_selector_type(Node *e, Type *def)
{
	Operand x;
	if (e->kind == ND_IDENT)
		check_ident(&x, e, def, true);
	else
		check_selector(&x, e, def);
	switch (x.mode) {
	case MODE_TYPE:
		check_set_underlying(def, x.type);
		return x.type;
	case MODE_INVALID:
		break;
	case MODE_NOVALUE:
		check_errorf(check_op_pos(&x), "%s used as type", check_op_str(&x));
		break;
	default:
		check_errorf(check_op_pos(&x), "%s is not a type", check_op_str(&x));
		break;
	}
	return NULL;
}

static Type *check_array_type(Node *e, Type *def)
{
	if (!e->array_type.len) {
		Type *elem = check_var_type(e->array_type.elt);
		Type *t = type_slice(elem);
		check_set_underlying(def, t);
		return t;
	}
	Type *t = type_new(TY_ARRAY);
	check_set_underlying(def, t);
	if (e->array_type.len->kind == ND_ELLIPSIS) {
		check_errorf(check_tok_before(e->array_type.len->pos), "invalid use of [...] array (outside a composite literal)");
		t->array.len = -1;
	} else {
		t->array.len = check_array_length(e->array_type.len);
	}
	t->array.elem = check_var_type(e->array_type.elt);
	return t->array.len >= 0 ? t : NULL;
}

static Type *check_typ_internal(Node *e, Type *def)
{
	switch (e->kind) {
	case ND_BAD:
		break;
	case ND_IDENT: case ND_SELECTOR: {
		Type *t = check_named_or_selector_type(e, def);
		if (t)
			return t;
		break;
	}
	case ND_INDEX:
		if (check_typ(e->index.x) != ty_invalid) {
			unsupported_at(e->pos, "generic type parameters");
			ck->nerrors++;
		}
		break;
	case ND_PAREN:
		return check_defined_type(e->paren.x, def);
	case ND_ARRAY_TYPE: {
		Type *t = check_array_type(e, def);
		if (t)
			return t;
		break;
	}
	case ND_ELLIPSIS:
		check_errorf(e->pos, "invalid use of '...'");
		check_use(e->ellipsis.elt);
		break;
	case ND_STRUCT_TYPE: {
		Type *t = type_new(TY_STRUCT);
		check_set_underlying(def, t);
		check_struct_type(t, e);
		return t;
	}
	case ND_STAR: {
		Type *base = check_var_type(e->star.x);
		if (base == ty_invalid)
			break;
		Type *t = type_pointer(base);
		check_set_underlying(def, t);
		return t;
	}
	case ND_FUNC_TYPE: {
		Type *t = type_new(TY_FUNC);
		check_set_underlying(def, t);
		check_func_type(NULL, t, NULL, e, NULL);
		return t;
	}
	case ND_INTERFACE_TYPE: {
		Type *t = type_new(TY_INTERFACE);
		check_set_underlying(def, t);
		check_interface_type(t, e, def);
		return t;
	}
	case ND_MAP_TYPE: {
		Type *t = type_new(TY_MAP);
		check_set_underlying(def, t);
		t->map.key = check_var_type(e->map_type.key);
		t->map.value = check_var_type(e->map_type.value);
		check_later(LATER_MAP_KEY, e->map_type.key, t, NULL, e->pos);
		return t;
	}
	case ND_CHAN_TYPE: {
		Type *t = type_new(TY_CHAN);
		check_set_underlying(def, t);
		t->chan.dir = e->chan_type.dir;
		t->chan.elem = check_var_type(e->chan_type.value);
		return t;
	}
	default:
		check_errorf(check_expr_start(e), "%s is not a type", check_ex_str(e));
		check_use(e);
		break;
	}
	check_set_underlying(def, ty_invalid);
	return ty_invalid;
}

Type *check_defined_type(Node *e, Type *def)
{
	if (!e) {
		check_set_underlying(def, ty_invalid);
		return ty_invalid;
	}
	Type *t = check_typ_internal(e, def);
	if (!t)
		t = ty_invalid;
	check_record_type(e, t);
	return t;
}

/* ---- recursive type validity (go/types validtype.go) ------------------------------------------ */

/* go/types' validType: a defined type may not contain itself (through arrays and struct fields).
 * Each defined type is walked once (vt_state remembers the verdict), so a long chain or cycle of
 * types costs linear time. */
enum { VT_UNKNOWN, VT_MARKED, VT_VALID, VT_INVALID };

static bool check_valid_type0(Type *t, Vec *path)
{
	if (!t)
		return true;
	switch (t->kind) {
	case TY_ARRAY:
		return check_valid_type0(t->array.elem, path);
	case TY_STRUCT:
		for (int i = 0; i < t->strct.nfields; i++)
			if (!check_valid_type0(t->strct.fields[i]->type, path))
				return false;
		return true;
	case TY_INTERFACE:
		for (int i = 0; i < t->iface.embeddeds.len; i++)
			if (!check_valid_type0(t->iface.embeddeds.data[i], path))
				return false;
		return true;
	case TY_NAMED: {
		Object *tn = t->named.obj;
		if (!tn || !tn->checker)
			return true;
		ObjInfo *info = check_obj_info(tn);
		if (info->valid)
			return true;
		if (t->named.underlying == ty_invalid)
			info->vt_state = VT_INVALID;
		switch (info->vt_state) {
		case VT_UNKNOWN:
			info->vt_state = VT_MARKED;
			vec_push(path, t);
			bool ok = check_valid_type0(info->from_rhs, path);
			path->len--;
			info->vt_state = ok ? VT_VALID : VT_INVALID;
			info->valid = ok;
			return ok;
		case VT_MARKED: /* seen on the path: a cycle */
			info->vt_state = VT_INVALID;
			t->named.underlying = ty_invalid;
			for (int i = 0; i < path->len; i++) {
				if (path->data[i] == t) {
					Vec cycle = {0};
					for (int j = i; j < path->len; j++)
						vec_push(&cycle, ((Type *)path->data[j])->named.obj);
					check_cycle_error(&cycle);
					break;
				}
			}
			return false;
		default:
			return info->vt_state == VT_VALID;
		}
	}
	default:
		return true;
	}
}

void check_valid_type(Type *named)
{
	Vec path = {0};
	check_valid_type0(named, &path);
}

/* Fields and methods share a namespace (go/types checkFieldUniqueness). */
void check_field_uniqueness(Type *named)
{
	Type *u = check_under(named);
	if (u->kind != TY_STRUCT)
		return;
	for (int i = 0; i < u->strct.nfields; i++) {
		Field *f = u->strct.fields[i];
		if (strcmp(f->name, "_") == 0)
			continue;
		for (int j = 0; j < named->named.methods.len; j++) {
			Object *m = named->named.methods.data[j];
			if (m->name == f->name)
				check_errorf(m->pos, "field and method with the same name %s\n\t%s: other declaration of %s",
					     f->name, pos_string(f->obj->pos), f->name);
		}
	}
}
