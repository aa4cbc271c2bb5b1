/*
 * closure.c: what each function literal captures, and the literals' link names.
 *
 * In: the checked package. Out: for every ND_FUNC_LIT, func_lit.captures (the variables it uses but
 * does not declare, in first-use order: the order of the words of its closure object) and a
 * func_lit.obj with a link name (`main.f.func1`, as gc names them); Object.captured on every
 * variable some literal captures. This file is the only place that computes captures: the checker
 * only resolves identifiers. Lowering and escape.c read the results.
 *
 * The one idea: free variables are found syntactically, with one ast_walk over the literal that
 * collects the local variables referenced and those declared inside it (parameters and results of
 * nested literals, var, :=, range :=, type switch clause variables); the captures are the
 * difference. A capture of a nested literal is a capture of the outer one too, since the outer
 * closure must carry the cell for the inner one to find. Capture is by reference (escape.c gives
 * every captured variable a heap cell).
 */
#include "middle.h"

static bool vec_has(Vec *v, void *x)
{
	for (int i = 0; i < v->len; i++)
		if (v->data[i] == x)
			return true;
	return false;
}

typedef struct FreeVars {
	Vec declared;   /* objects declared inside the literal (including nested literals) */
	Vec referenced; /* local variables referenced, in first-use order */
} FreeVars;

static void declare_fields(Vec *fields, Vec *out)
{
	for (int i = 0; i < fields->len; i++) {
		Node *f = fields->data[i];
		for (int j = 0; j < f->field.names.len; j++) {
			Node *id = f->field.names.data[j];
			if (id->ident.obj)
				vec_push(out, id->ident.obj);
		}
	}
}

static void declare_ident(Node *id, Vec *out)
{
	if (id && id->kind == ND_IDENT && id->ident.obj)
		vec_push(out, id->ident.obj);
}

static void declare_func_lit(Node *n, FreeVars *fv)
{
	Node *ft = n->func_lit.type;
	declare_fields(&ft->func_type.params, &fv->declared);
	declare_fields(&ft->func_type.results, &fv->declared);
	if (n->func_lit.obj) {
		for (int i = 0; i < n->func_lit.obj->params.len; i++)
			vec_push(&fv->declared, n->func_lit.obj->params.data[i]);
		for (int i = 0; i < n->func_lit.obj->results.len; i++)
			vec_push(&fv->declared, n->func_lit.obj->results.data[i]);
	}
}

static bool collect_free(Node *n, void *arg);

/* Struct literal keys name fields, not variables: only the values are walked. */
static void walk_struct_values(Node *n, FreeVars *fv)
{
	AstVisitor v = {collect_free, NULL, fv};
	for (int i = 0; i < n->composite.elts.len; i++) {
		Node *e = n->composite.elts.data[i];
		ast_walk(e->kind == ND_KEY_VALUE ? e->key_value.value : e, &v);
	}
}

/* Visitor: records every local variable used and every variable declared. Types and constant
 * declarations hold no variable uses and are skipped. */
static bool collect_free(Node *n, void *arg)
{
	FreeVars *fv = arg;
	if (n->mode == MODE_TYPE || (n->kind >= ND_ARRAY_TYPE && n->kind <= ND_FIELD))
		return false;
	switch (n->kind) {
	case ND_IDENT:
		if (middle_is_local_var(n->ident.obj) && !vec_has(&fv->referenced, n->ident.obj))
			vec_push(&fv->referenced, n->ident.obj);
		break;
	case ND_COMPOSITE_LIT:
		if (n->type && type_underlying(n->type)->kind == TY_STRUCT) {
			walk_struct_values(n, fv);
			return false;
		}
		break;
	case ND_FUNC_LIT: declare_func_lit(n, fv); break;
	case ND_GEN_DECL: return n->gen_decl.tok == TOK_VAR;
	case ND_VALUE_SPEC:
		for (int i = 0; i < n->value_spec.names.len; i++)
			declare_ident(n->value_spec.names.data[i], &fv->declared);
		break;
	case ND_ASSIGN_STMT:
		if (n->assign.tok == TOK_DEFINE)
			for (int i = 0; i < n->assign.lhs.len; i++)
				declare_ident(n->assign.lhs.data[i], &fv->declared);
		break;
	case ND_RANGE_STMT:
		if (n->range_stmt.tok == TOK_DEFINE) {
			declare_ident(n->range_stmt.key, &fv->declared);
			declare_ident(n->range_stmt.value, &fv->declared);
		}
		break;
	case ND_TYPE_SWITCH_STMT:
		for (int i = 0; i < n->type_switch.clause_objs.len; i++)
			if (n->type_switch.clause_objs.data[i])
				vec_push(&fv->declared, n->type_switch.clause_objs.data[i]);
		break;
	default:
		break;
	}
	return true;
}

/* The variables a function literal uses but does not declare, in first-use order. */
static void find_captures(Node *lit, Vec *out)
{
	FreeVars fv = {0};
	ast_walk(lit, &(AstVisitor){collect_free, NULL, &fv});
	*out = (Vec){0};
	for (int i = 0; i < fv.referenced.len; i++) {
		Object *o = fv.referenced.data[i];
		if (!vec_has(&fv.declared, o)) {
			vec_push(out, o);
			o->captured = true;
		}
	}
}

/* The literal's FUNC object, named outer.funcN when the checker did not name it. */
static void name_lit(Package *pkg, Node *e, Object *outer)
{
	Object *obj = e->func_lit.obj;
	if (obj && obj->link_name) {
		if (!obj->decl)
			obj->decl = e;
		return;
	}
	if (!obj) {
		obj = object_new(pkg, OBJ_FUNC, intern("func", 4), e->pos, e->type);
		e->func_lit.obj = obj;
	}
	if (!obj->type)
		obj->type = e->type;
	int n = outer ? ++outer->nlits : 1;
	obj->link_name = xsprintf("%s.func%d", outer && outer->link_name ? outer->link_name : package_symbol(pkg, "glob."), n);
	obj->decl = e;
}

typedef struct LitWalk {
	Package *pkg;
	Vec outer; /* Object*: the enclosing function, then each enclosing literal */
} LitWalk;

static bool lit_enter(Node *n, void *arg)
{
	LitWalk *w = arg;
	if (n->kind != ND_FUNC_LIT)
		return true;
	name_lit(w->pkg, n, w->outer.len ? w->outer.data[w->outer.len - 1] : NULL);
	find_captures(n, &n->func_lit.captures);
	vec_push(&w->outer, n->func_lit.obj);
	return true;
}

static void lit_leave(Node *n, void *arg)
{
	LitWalk *w = arg;
	if (n->kind == ND_FUNC_LIT)
		vec_pop(&w->outer);
}

static void closures_in(Package *pkg, Node *body, Object *fn)
{
	LitWalk w = {.pkg = pkg};
	vec_push(&w.outer, fn);
	ast_walk(body, &(AstVisitor){lit_enter, lit_leave, &w});
}

void middle_closures(Package *pkg)
{
	for (int i = 0; i < pkg->funcs.len; i++) {
		Object *fn = pkg->funcs.data[i];
		closures_in(pkg, middle_func_body(fn), fn);
	}
	for (int i = 0; i < pkg->var_inits.len; i++) {
		Initializer *in = pkg->var_inits.data[i];
		closures_in(pkg, in->rhs, NULL);
	}
}
