/*
 * check_call.c: calls and selectors (go/types call.go).
 *
 * A call is a conversion (the function is a type), a builtin call, or an ordinary call; the last
 * is classified for lowering as a static function call, a static method call, an interface method
 * call, or a call through a func value. A selector x.f resolves through embedded fields
 * (type_lookup) to a field, a method (called, or used as a bound method value), a method
 * expression T.m, or a member of an imported package; the path of embedded field indices and
 * whether a pointer was followed are recorded on the node.
 */
#include "check.h"

#include <ctype.h>
#include <string.h>

/* ---- use: evaluate for errors and "used" marks only ---------------------------------------------- */

void check_use(Node *e)
{
	if (!e)
		return;
	if (e->kind == ND_IDENT && strcmp(e->ident.name, "_") == 0)
		return;
	Operand x;
	check_raw_expr(&x, e, NULL);
}

void check_use_vec(Vec *v)
{
	for (int i = 0; v && i < v->len; i++)
		check_use(v->data[i]);
}

void check_use_lhs(Vec *lhs)
{
	check_use_vec(lhs);
}

/* ---- argument lists ---------------------------------------------------------------------------- */

static Operand *check_new_operand(ExprMode mode, Node *e, Type *t)
{
	Operand *x = xnew(Operand);
	x->mode = mode;
	x->expr = e;
	x->type = t;
	return x;
}

/* go/types exprList: a single (possibly multi-valued or comma-ok) expression, or several. */
int check_expr_list(Vec *elist, bool allow_comma_ok, Operand ***out, bool *comma_ok)
{
	*comma_ok = false;
	Vec xs = {0};
	if (elist->len == 1) {
		Node *e = elist->data[0];
		Operand *x = xnew(Operand);
		check_multi_expr(x, e);
		if (x->mode != MODE_INVALID && x->type && x->type->kind == TY_TUPLE) {
			Type *t = x->type;
			for (int i = 0; i < t->tuple.n; i++)
				vec_push(&xs, check_new_operand(MODE_VALUE, e, t->tuple.types[i]));
		} else {
			vec_push(&xs, x);
			if (allow_comma_ok && (x->mode == MODE_MAPINDEX || x->mode == MODE_COMMAOK)) {
				x->mode = MODE_VALUE;
				vec_push(&xs, check_new_operand(MODE_VALUE, e, type_basic(TY_UNTYPED_BOOL)));
				*comma_ok = true;
			}
		}
	} else {
		for (int i = 0; i < elist->len; i++) {
			Operand *x = xnew(Operand);
			check_expr(x, elist->data[i]);
			vec_push(&xs, x);
		}
	}
	*out = (Operand **)xs.data;
	return xs.len;
}

const char *check_types_summary(Type **types, int n, bool variadic)
{
	StrBuf b = {0};
	sb_putc(&b, '(');
	for (int i = 0; i < n; i++) {
		if (i > 0)
			sb_puts(&b, ", ");
		Type *t = types[i];
		if (!t || t == ty_invalid)
			sb_puts(&b, "<T>");
		else if (type_is_untyped(t)) {
			if (type_is_numeric(t))
				sb_puts(&b, "number");
			else
				sb_puts(&b, check_ty_str(t) + strlen("untyped "));
		} else if (variadic && i == n - 1 && t->kind == TY_SLICE) {
			sb_puts(&b, "...");
			sb_puts(&b, check_ty_str(t->array.elem));
		} else {
			sb_puts(&b, check_ty_str(t));
		}
	}
	sb_putc(&b, ')');
	return sb_cstr(&b);
}

static Type **check_operand_types(Operand **args, int n)
{
	Type **ts = xalloc(sizeof(Type *) * (n + 1));
	for (int i = 0; i < n; i++)
		ts[i] = args[i]->type;
	return ts;
}

static void check_count_error(Node *call, Type *sig, Operand **args, int nargs, int npars)
{
	Pos at = check_expr_start(call);
	const char *qualifier = "not enough";
	if (nargs > npars) {
		at = check_expr_start(args[npars]->expr);
		qualifier = "too many";
	} else if (nargs > 0) {
		at = check_expr_start(args[nargs - 1]->expr);
	}
	check_errorf(at, "%s arguments in call to %s\n\thave %s\n\twant %s", qualifier, check_ex_str(call->call.fun),
		     check_types_summary(check_operand_types(args, nargs), nargs, false),
		     check_types_summary(sig->func.params, sig->func.nparams, sig->func.variadic));
}

/* go/types arguments: argument count and assignability against the signature. */
void check_arguments(Node *call, Type *sig, Operand **args, int nargs)
{
	for (int i = 0; i < nargs; i++) {
		if (args[i]->mode == MODE_TYPE) {
			check_errorf(check_op_pos(args[i]), "%s used as value", check_op_str(args[i]));
			return;
		}
		if (args[i]->mode == MODE_INVALID)
			return;
	}
	int npars = sig->func.nparams;
	bool ddd = call->call.has_ellipsis;
	Type **params = sig->func.params;
	if (sig->func.variadic) {
		if (ddd) {
			if (call->call.args.len == 1 && nargs > 1) {
				check_errorf(check_expr_start(call), "cannot use ... with %d-valued %s", nargs,
					     check_ex_str(call->call.args.data[0]));
				return;
			}
		} else if (nargs >= npars - 1) {
			Type **adj = xalloc(sizeof(Type *) * (nargs + 1));
			for (int i = 0; i < npars - 1; i++)
				adj[i] = params[i];
			Type *elem = params[npars - 1]->array.elem;
			for (int i = npars - 1; i < nargs; i++)
				adj[i] = elem;
			params = adj;
			npars = nargs;
		} else {
			npars--;
		}
	} else if (ddd) {
		check_errorf(check_expr_start(call), "cannot use ... in call to non-variadic %s", check_ex_str(call->call.fun));
		return;
	}
	if (nargs != npars) {
		check_count_error(call, sig, args, nargs, npars);
		return;
	}
	const char *context = xsprintf("argument to %s", check_ex_str(call->call.fun));
	for (int i = 0; i < nargs; i++)
		check_assignment(args[i], params[i], context);
}

/* ---- calls ----------------------------------------------------------------------------------- */

static ExprKind check_conversion_call(Operand *x, Node *call)
{
	Type *T = x->type;
	x->mode = MODE_INVALID;
	int n = call->call.args.len;
	call->call.call_kind = CALL_CONVERSION;
	if (n == 0) {
		check_errorf(check_expr_start(call), "missing argument in conversion to %s", check_ty_str(T));
	} else if (n == 1) {
		check_expr(x, call->call.args.data[0]);
		if (x->mode != MODE_INVALID) {
			if (call->call.has_ellipsis)
				check_errorf(check_expr_start(call->call.args.data[0]),
					     "invalid use of ... in type conversion to %s", check_ty_str(T));
			else
				check_conversion(x, T);
		}
	} else {
		check_use_vec(&call->call.args);
		check_errorf(check_expr_start(call->call.args.data[n - 1]), "too many arguments in conversion to %s",
			     check_ty_str(T));
	}
	x->expr = call;
	return EK_CONVERSION;
}

static bool check_builtin_is_statement(BuiltinId id)
{
	switch (id) {
	case BI_CLOSE: case BI_COPY: case BI_DELETE: case BI_PANIC: case BI_PRINT: case BI_PRINTLN:
	case BI_RECOVER:
		return true;
	default:
		return false;
	}
}

static void check_classify_call(Node *call)
{
	Node *f = check_unparen(call->call.fun);
	call->call.call_kind = CALL_CLOSURE;
	if (f->kind == ND_IDENT && f->ident.obj && f->ident.obj->kind == OBJ_FUNC) {
		call->call.call_kind = CALL_FUNC;
	} else if (f->kind == ND_SELECTOR) {
		if (f->selector.sel_kind == SEL_METHOD_VALUE) {
			f->selector.sel_kind = SEL_METHOD;
			Object *m = f->selector.obj;
			bool iface = m && m->type && m->type->kind == TY_FUNC && m->type->func.recv &&
				     check_is_interface(m->type->func.recv);
			call->call.call_kind = iface ? CALL_INTERFACE : CALL_METHOD;
		} else if (f->selector.sel_kind == SEL_QUALIFIED && f->selector.obj &&
			   f->selector.obj->kind == OBJ_FUNC) {
			call->call.call_kind = CALL_FUNC;
		} else if (f->selector.sel_kind == SEL_METHOD_EXPR && f->selector.obj && f->selector.obj->body) {
			/* T.m(x, ...): a static call of the method, the receiver passed first */
			call->call.call_kind = CALL_FUNC;
		}
	}
}

static Type *check_result_type(Type *sig)
{
	if (sig->func.nresults == 1)
		return sig->func.results[0];
	Type *t = type_tuple(sig->func.results, sig->func.nresults);
	t->tuple.names = sig->func.result_names;
	return t;
}

ExprKind check_call(Operand *x, Node *call)
{
	check_expr_or_type(x, call->call.fun);
	switch (x->mode) {
	case MODE_INVALID:
		check_use_vec(&call->call.args);
		x->expr = call;
		return EK_STATEMENT;
	case MODE_TYPE:
		return check_conversion_call(x, call);
	case MODE_BUILTIN: {
		BuiltinId id = x->id;
		call->call.call_kind = CALL_BUILTIN;
		call->call.builtin = id;
		if (!check_builtin(x, call, id))
			x->mode = MODE_INVALID;
		x->expr = call;
		if (x->mode != MODE_INVALID && x->mode != MODE_CONST)
			ck->env.has_call_or_recv = true;
		return check_builtin_is_statement(id) ? EK_STATEMENT : EK_EXPRESSION;
	}
	default:
		break;
	}
	Type *sig = check_under(x->type);
	if (sig->kind != TY_FUNC) {
		check_errorf(check_op_pos(x), "invalid operation: cannot call non-function %s", check_op_str(x));
		check_use_vec(&call->call.args);
		x->mode = MODE_INVALID;
		x->expr = call;
		return EK_STATEMENT;
	}
	Operand **args;
	bool comma_ok;
	int nargs = check_expr_list(&call->call.args, false, &args, &comma_ok);
	check_arguments(call, sig, args, nargs);
	check_classify_call(call);
	if (sig->func.nresults == 0) {
		x->mode = MODE_NOVALUE;
	} else {
		x->mode = MODE_VALUE;
		x->type = check_result_type(sig);
	}
	x->expr = call;
	ck->env.has_call_or_recv = true;
	return EK_STATEMENT;
}

/* ---- selectors ------------------------------------------------------------------------------- */

static bool check_qualified(Operand *x, Node *e)
{
	Node *id = e->selector.x;
	if (!id || id->kind != ND_IDENT)
		return false;
	Object *obj = check_lookup(id->ident.name);
	if (!obj || obj->kind != OBJ_PACKAGE)
		return false;
	id->ident.obj = obj;
	id->mode = MODE_PACKAGE;
	obj->used = true;
	const char *sel = e->selector.sel->ident.name;
	x->mode = MODE_INVALID;
	x->expr = e;
	if (!obj->pkg_scope)
		return true; /* a package gocc cannot import yet: reported at the import */
	Object *exp = scope_lookup_local(obj->pkg_scope, sel);
	/* gc reads an imported package from its export data, which holds the unexported types its
	 * API mentions but not the other unexported names: those are simply undefined. */
	if (exp && !types_is_exported(sel) && exp->kind != OBJ_TYPE)
		exp = NULL;
	if (!exp) {
		check_errorf(e->selector.sel->pos, "undefined: %s.%s", obj->name, sel);
		return true;
	}
	if (!types_is_exported(sel)) {
		check_errorf(e->selector.sel->pos, "%s not exported by package %s", sel, obj->name);
		return true;
	}
	if (exp->generic) {
		check_generic_use(e->selector.sel->pos);
		return true;
	}
	e->selector.sel->ident.obj = exp;
	e->selector.sel_kind = SEL_QUALIFIED;
	e->selector.obj = exp;
	switch (exp->kind) {
	case OBJ_CONST: x->mode = MODE_CONST; x->type = exp->type; x->val = exp->cval; break;
	case OBJ_TYPE: x->mode = MODE_TYPE; x->type = exp->type; break;
	case OBJ_VAR: x->mode = MODE_VARIABLE; x->type = exp->type; break;
	case OBJ_FUNC: x->mode = MODE_VALUE; x->type = exp->type; break;
	case OBJ_BUILTIN: x->mode = MODE_BUILTIN; x->type = exp->type; x->id = exp->builtin; break;
	default: break;
	}
	return true;
}

static const char *check_change_case(const char *s)
{
	char *c = xstrdup(s);
	c[0] = isupper((unsigned char)c[0]) ? tolower((unsigned char)c[0]) : toupper((unsigned char)c[0]);
	return intern(c, strlen(c));
}

static void check_not_found(Operand *x, Node *e, Lookup *r, const char *sel)
{
	if (check_under(x->type) == ty_invalid)
		return;
	Pos at = e->selector.sel->pos;
	if (r->collision) {
		check_errorf(at, "ambiguous selector %s.%s", check_ex_str(x->expr), sel);
		return;
	}
	if (r->needs_pointer) {
		check_errorf(at, "cannot call pointer method %s on %s", sel, check_ty_str(x->type));
		return;
	}
	const char *why;
	Type *u = check_under(x->type);
	if (u->kind == TY_POINTER && check_is_interface(u->pointer.elem)) {
		why = xsprintf("type %s is pointer to interface, not interface", check_ty_str(x->type));
	} else {
		why = xsprintf("type %s has no field or method %s", check_ty_str(x->type), sel);
		if (sel[0]) {
			const char *other = check_change_case(sel);
			Lookup r2 = type_lookup(x->type, x->mode == MODE_VARIABLE, other);
			if (r2.obj)
				why = xsprintf("%s, but does have %s", why, other);
		}
	}
	check_errorf(at, "%s.%s undefined (%s)", check_ex_str(x->expr), sel, why);
}

static void check_set_selection(Node *e, SelectorKind kind, Object *obj, Lookup *r, bool method)
{
	e->selector.sel_kind = kind;
	e->selector.obj = obj;
	e->selector.path = r->path;
	e->selector.path_len = method && r->path_len > 0 ? r->path_len - 1 : r->path_len;
	e->selector.indirect = r->indirect;
	e->selector.sel->ident.obj = obj;
}

static Type *check_method_expr_sig(Type *recv, Type *sig)
{
	Type *t = type_new(TY_FUNC);
	int n = sig->func.nparams;
	t->func.nparams = n + 1;
	t->func.params = xalloc(sizeof(Type *) * (n + 2));
	t->func.param_names = xalloc(sizeof(char *) * (n + 2));
	t->func.params[0] = recv;
	t->func.param_names[0] = "";
	for (int i = 0; i < n; i++) {
		t->func.params[i + 1] = sig->func.params[i];
		t->func.param_names[i + 1] = sig->func.param_names ? sig->func.param_names[i] : "";
	}
	if (sig->func.param_names && n > 0 && sig->func.param_names[0] && sig->func.param_names[0][0])
		t->func.param_names[0] = "_";
	t->func.results = sig->func.results;
	t->func.nresults = sig->func.nresults;
	t->func.result_names = sig->func.result_names;
	t->func.variadic = sig->func.variadic;
	return t;
}

static Type *check_method_value_sig(Type *sig)
{
	Type *t = type_new(TY_FUNC);
	*t = *sig;
	t->func.recv = NULL;
	t->laid_out = false;
	return t;
}

/* The method's receiver needs &x: mark x's variable as living in memory. */
static void check_note_pointer_receiver(Node *e, Object *m, Lookup *r)
{
	if (!m->ptr_recv || r->indirect)
		return;
	Type *t = e->selector.x->type;
	if (t && check_under(t)->kind != TY_POINTER)
		check_mark_addr_taken(e->selector.x);
}

void check_selector(Operand *x, Node *e, Type *def)
{
	if (check_qualified(x, e))
		return;
	const char *sel = e->selector.sel->ident.name;
	check_expr_or_type(x, e->selector.x);
	if (x->mode == MODE_TYPE && def && x->type == def) {
		Vec cycle = {0};
		vec_push(&cycle, def->named.obj);
		check_cycle_error(&cycle);
		goto error;
	}
	if (x->mode == MODE_BUILTIN) {
		check_errorf(check_tok_before(e->selector.sel->pos), "cannot select on %s", check_op_str(x));
		goto error;
	}
	if (x->mode == MODE_INVALID)
		goto error;
	Lookup r = type_lookup_from(x->type, x->mode == MODE_VARIABLE, ck->pkg, sel);
	if (!r.obj) {
		check_not_found(x, e, &r, sel);
		goto error;
	}
	Object *obj = r.obj;
	if (obj->kind == OBJ_FUNC && obj->checker && check_obj_info(obj)->decl)
		check_obj_decl(obj, NULL);
	if (x->mode == MODE_TYPE) {
		if (obj->kind != OBJ_FUNC) {
			check_errorf(e->selector.sel->pos, "%s.%s undefined (type %s has no method %s)",
				     check_ex_str(x->expr), sel, check_ty_str(x->type), sel);
			goto error;
		}
		if (!obj->type || obj->type->kind != TY_FUNC) {
			check_errorf(check_expr_start(e), "illegal cycle in method declaration");
			goto error;
		}
		check_set_selection(e, SEL_METHOD_EXPR, obj, &r, true);
		x->mode = MODE_VALUE;
		x->type = check_method_expr_sig(x->type, obj->type);
		check_add_decl_dep(obj);
	} else if (obj->kind == OBJ_VAR) {
		check_set_selection(e, SEL_FIELD, obj, &r, false);
		x->mode = x->mode == MODE_VARIABLE || r.indirect ? MODE_VARIABLE : MODE_VALUE;
		x->type = obj->type;
	} else {
		if (!obj->type || obj->type->kind != TY_FUNC) {
			check_errorf(check_expr_start(e), "illegal cycle in method declaration");
			goto error;
		}
		check_set_selection(e, SEL_METHOD_VALUE, obj, &r, true);
		check_note_pointer_receiver(e, obj, &r);
		x->mode = MODE_VALUE;
		x->type = check_method_value_sig(obj->type);
		check_add_decl_dep(obj);
	}
	x->expr = e;
	return;
error:
	x->mode = MODE_INVALID;
	x->expr = e;
}
