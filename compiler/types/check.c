/*
 * check.c: the checker's package level (go/types check.go, resolver.go, decl.go's objDecl).
 *
 * In: the parsed files of package main. Out: a Package whose objects, types and expression
 * annotations lowering reads. The run is go/types':
 *   1. check_collect_objects: declare every package-level name (imports into file scopes), with a DeclInfo
 *      telling where its type and initializer come from; gather methods per receiver base type;
 *   2. check_package_objects: check_obj_decl each object; check_obj_decl checks declarations on demand (an identifier
 *      referring to an undeclared package-level object declares it first), detecting cycles by
 *      colouring objects grey while their declaration is on the path;
 *   3. check_process_delayed: function bodies and other deferred checks;
 *   4. init order, unused imports, untyped leftovers, closure names, and the Package summary.
 * This file also holds the helpers every check*.c file shares: error reporting, positions, scopes.
 * What a function literal captures is not the checker's business: the middle stage finds it
 * (compiler/middle/closure.c) from the identifiers the checker resolved.
 */
#include "check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

Checker *ck;

/* ---- errors ---------------------------------------------------------------------------------- */

static void check_report(Pos pos, const char *msg)
{
	/* types2's cheap trick: "invalid operand"/"invalid type" deep in a message is a follow-on error */
	if (ck->nerrors > 0) {
		const char *a = strstr(msg, "invalid operand"), *b = strstr(msg, "invalid type");
		if ((a && a != msg) || (b && b != msg))
			return;
	}
	if (pos_valid(ck->env.errpos))
		pos = ck->env.errpos;
	ck->nerrors++;
	error_at(pos, "%s", msg);
}

void check_errorf(Pos pos, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *msg = xvsprintf(fmt, ap);
	va_end(ap);
	check_report(pos, msg);
}


/* ---- hashing constants ------------------------------------------------------------------------ */

static uint64_t check_mix64(uint64_t x)
{
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdull;
	x ^= x >> 33;
	return x;
}

static uint64_t check_double_hash(double d)
{
	uint64_t bits;
	if (d == 0)
		d = 0; /* -0 == 0 */
	memcpy(&bits, &d, sizeof bits);
	return check_mix64(bits);
}

uint64_t check_const_hash(ConstValue *v)
{
	switch (const_kind(v)) {
	case CONST_STRING: {
		size_t n;
		const char *s = const_string_val(v, &n);
		uint64_t h = 1469598103934665603ull; /* FNV-1a */
		for (size_t i = 0; i < n; i++)
			h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
		return h;
	}
	case CONST_BOOL: return const_bool_val(v) ? 1 : 2;
	case CONST_INT: case CONST_FLOAT: return check_double_hash(const_to_float64(v));
	case CONST_COMPLEX: /* with no imaginary part, equal to the int or float of its real part */
		return check_double_hash(const_real64(v)) ^ (const_imag64(v) != 0 ? check_double_hash(const_imag64(v)) << 1 : 0);
	default: return 0;
	}
}

/* ---- positions ------------------------------------------------------------------------------- */

/* ---- token positions ------------------------------------------------------------------------- */

static Node *check_file_of(int index);

/* The token list of p's file and the index of the first token at or after p (-1 if none). */
static TokenList *check_tokens_at(Pos p, int *idx)
{
	Node *file = check_file_of(p.file);
	TokenList *tl = file ? file->file.tokens : NULL;
	if (!tl || !tl->toks || !pos_valid(p))
		return NULL;
	int lo = 0, hi = tl->len;
	while (lo < hi) {
		int mid = (lo + hi) / 2;
		if (pos_cmp(tl->toks[mid].pos, p) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo >= tl->len)
		return NULL;
	*idx = lo;
	return tl;
}

/* The position of the token after the one at p (p itself if unknown). */
static Pos check_tok_after(Pos p)
{
	int i;
	TokenList *tl = check_tokens_at(p, &i);
	return tl && i + 1 < tl->len ? tl->toks[i + 1].pos : p;
}

/* The position of the token before the one at p. */
Pos check_tok_before(Pos p)
{
	int i;
	TokenList *tl = check_tokens_at(p, &i);
	return tl && i > 0 ? tl->toks[i - 1].pos : p;
}

/* The ':' of a key:value element. */
static Pos check_kv_colon(Node *kv)
{
	int i;
	Pos start = kv->key_value.key ? kv->key_value.key->pos : kv->pos;
	TokenList *tl = check_tokens_at(start, &i);
	if (!tl)
		return kv->pos;
	for (int depth = 0; i < tl->len; i++) {
		TokenKind k = tl->toks[i].kind;
		if (k == TOK_LPAREN || k == TOK_LBRACK || k == TOK_LBRACE)
			depth++;
		else if (k == TOK_RPAREN || k == TOK_RBRACK || k == TOK_RBRACE) {
			if (--depth < 0)
				break;
		} else if (k == TOK_COLON && depth == 0)
			return tl->toks[i].pos;
	}
	return kv->pos;
}

/* The position gc reports an expression at (syntax.StartPos): the leftmost token, except that
 * slice expressions start at their '[', key:value pairs at the ':', function types after `func`. */
Pos check_expr_start(Node *e)
{
	while (e) {
		switch (e->kind) {
		case ND_BINARY: e = e->binary.x; continue;
		case ND_SELECTOR: e = e->selector.x; continue;
		case ND_INDEX: e = e->index.x; continue;
		case ND_TYPE_ASSERT: e = e->type_assert.x; continue;
		case ND_CALL: e = e->call.fun; continue;
		case ND_SLICE: return e->slice.lbrack;
		case ND_KEY_VALUE: return check_kv_colon(e);
		case ND_FUNC_TYPE: return check_tok_after(e->pos);
		case ND_COMPOSITE_LIT:
			if (e->composite.type) {
				e = e->composite.type;
				continue;
			}
			return e->pos;
		default: return e->pos;
		}
	}
	return nopos;
}

/* The position gc's syntax tree gives a node (syntax.Node.Pos): operators for binary operations,
 * '(' for calls, '[' for index and slice expressions, '.' for selectors and assertions. */
Pos check_syntax_pos(Node *e)
{
	if (!e)
		return nopos;
	switch (e->kind) {
	case ND_CALL: return pos_valid(e->call.lparen) ? e->call.lparen : e->pos;
	case ND_INDEX: return e->index.lbrack;
	case ND_SLICE: return e->slice.lbrack;
	case ND_SELECTOR: return check_tok_before(e->selector.sel->pos);
	case ND_COMPOSITE_LIT: return pos_valid(e->composite.lbrace) ? e->composite.lbrace : e->pos;
	case ND_KEY_VALUE: return check_kv_colon(e);
	case ND_FUNC_TYPE: return check_tok_after(e->pos);
	default: return e->pos;
	}
}

Pos check_op_pos(Operand *x)
{
	return x->expr ? check_expr_start(x->expr) : nopos;
}

static Node *check_file_of(int index)
{
	for (int i = 0; i < ck->files.len; i++) {
		Node *f = ck->files.data[i];
		if (f->file.source && f->file.source->index == index)
			return f;
	}
	return NULL;
}

static bool check_is_operand_end(TokenKind k)
{
	return k == TOK_IDENT || (k >= TOK_INT && k <= TOK_STRING) || k == TOK_RPAREN ||
	       k == TOK_RBRACK || k == TOK_RBRACE;
}

static bool check_wanted_op(Node *s, Token *t, Token *prev)
{
	switch (s->kind) {
	case ND_ASSIGN_STMT: return t->kind == s->assign.tok;
	case ND_INCDEC_STMT: return t->kind == TOK_INC || t->kind == TOK_DEC;
	case ND_SEND_STMT: return t->kind == TOK_ARROW && prev && check_is_operand_end(prev->kind);
	default: return false;
	}
}

/* gc positions simple statements at their operator; the tree has only the start, so find the
 * operator in the token stream at bracket depth 0. */
Pos check_stmt_op_pos(Node *s)
{
	if (s->kind == ND_ASSIGN_STMT && pos_valid(s->assign.tok_pos))
		return s->assign.tok_pos;
	int lo;
	TokenList *tl = check_tokens_at(s->pos, &lo);
	if (!tl)
		return s->pos;
	int depth = 0;
	for (int i = lo; i < tl->len; i++) {
		Token *t = &tl->toks[i];
		switch (t->kind) {
		case TOK_LPAREN: case TOK_LBRACK: case TOK_LBRACE: depth++; continue;
		case TOK_RPAREN: case TOK_RBRACK: case TOK_RBRACE:
			if (--depth < 0)
				return s->pos;
			continue;
		case TOK_SEMICOLON: case TOK_EOF:
			if (depth == 0)
				return s->pos;
			continue;
		default:
			if (depth == 0 && check_wanted_op(s, t, i > lo ? &tl->toks[i - 1] : NULL))
				return t->pos;
		}
	}
	return s->pos;
}

/* ---- small shared helpers -------------------------------------------------------------------- */

ObjInfo *check_obj_info(Object *obj)
{
	if (!obj->checker)
		obj->checker = xnew(ObjInfo);
	return obj->checker;
}

Node *check_unparen(Node *e)
{
	while (e && e->kind == ND_PAREN)
		e = e->paren.x;
	return e;
}

/* go/types under(): the underlying type, never a named type, invalid for unresolved chains. */
Type *check_under(Type *t)
{
	if (!t)
		return ty_invalid;
	return type_underlying(t);
}

Object *check_lookup(const char *name)
{
	return scope_lookup(ck->env.scope, name);
}

static const char *blank_name;

void check_declare(Scope *scope, Node *id, Object *obj)
{
	if (id && id->kind == ND_IDENT)
		id->ident.obj = obj->name == blank_name ? NULL : obj;
	if (obj->name == blank_name) {
		if (!obj->scope)
			obj->scope = scope;
		return;
	}
	Object *alt = scope_insert(scope, obj);
	if (alt) {
		if (pos_valid(alt->pos))
			check_errorf(obj->pos, "%s redeclared in this block\n\t%s: other declaration of %s",
				     obj->name, pos_string(alt->pos), alt->name);
		else
			check_errorf(obj->pos, "%s redeclared in this block", obj->name);
	}
}

void check_add_decl_dep(Object *to)
{
	DeclInfo *from = ck->env.decl;
	if (!from || !to->checker || !((ObjInfo *)to->checker)->decl)
		return;
	for (int i = 0; i < from->deps.len; i++)
		if (from->deps.data[i] == to)
			return;
	vec_push(&from->deps, to);
}

/* &x, x.f (x a struct variable), a[i] (a an array variable): the root variable lives in memory. */
void check_mark_addr_taken(Node *e)
{
	for (e = check_unparen(e); e;) {
		switch (e->kind) {
		case ND_IDENT:
			if (e->ident.obj && e->ident.obj->kind == OBJ_VAR)
				e->ident.obj->addr_taken = true;
			return;
		case ND_SELECTOR:
			if (e->selector.sel_kind != SEL_FIELD || e->selector.indirect)
				return;
			e = check_unparen(e->selector.x);
			continue;
		case ND_INDEX: {
			Node *x = check_unparen(e->index.x);
			if (!x->type || check_under(x->type)->kind != TY_ARRAY)
				return;
			e = x;
			continue;
		}
		case ND_COMPOSITE_LIT:
		default:
			return;
		}
	}
}

/* ---- delayed actions ------------------------------------------------------------------------- */

void check_later(LaterKind kind, Node *node, Type *type, Object *obj, Pos pos)
{
	Later *l = xnew(Later);
	l->kind = kind;
	l->node = node;
	l->type = type;
	l->obj = obj;
	l->pos = pos;
	l->env = ck->env;
	vec_push(&ck->delayed, l);
}

static void check_run_later(Later *l)
{
	Env saved = ck->env;
	switch (l->kind) {
	case LATER_FUNC_BODY: {
		ObjInfo *info = check_obj_info(l->obj);
		ck->env = (Env){.decl = info->decl};
		Node *fd = info->decl->fdecl;
		check_func_body(l->obj, l->obj->type, fd->func_decl.body, NULL);
		break;
	}
	case LATER_FUNC_LIT:
		ck->env = (Env){.decl = l->env.decl, .scope = l->env.scope};
		check_func_body(l->obj, l->obj->type, l->node->func_lit.body, l->env.iota);
		break;
	case LATER_VALID_TYPE: check_valid_type(l->type); break;
	case LATER_MAP_KEY: check_map_key(l->type, l->node); break;
	case LATER_EMBEDDED: check_embedded(l->type, l->pos); break;
	case LATER_RECV: check_recv(l->obj); break;
	case LATER_IFACE: check_iface_dups(l->type, l->node); break;
	case LATER_FIELDS: check_field_uniqueness(l->type); break;
	}
	ck->env = saved;
}

void check_process_delayed(int top)
{
	for (int i = top; i < ck->delayed.len; i++)
		check_run_later(ck->delayed.data[i]);
	if (ck->delayed.len > top)
		ck->delayed.len = top;
}

/* ---- declaration cycles (go/types objDecl, validCycle, cycleError) --------------------------- */

enum { WHITE = 0, BLACK = 1, GREY = 2 };

static int check_push_path(Object *obj)
{
	vec_push(&ck->obj_path, obj);
	return ck->obj_path.len - 1;
}

static int check_first_in_src(Vec *cycle)
{
	int fst = 0;
	for (int i = 1; i < cycle->len; i++)
		if (pos_cmp(((Object *)cycle->data[i])->pos, ((Object *)cycle->data[fst])->pos) < 0)
			fst = i;
	return fst;
}

void check_cycle_error(Vec *cycle)
{
	int i = check_first_in_src(cycle);
	Object *obj = cycle->data[i];
	StrBuf b = {0};
	if (obj->kind == OBJ_TYPE)
		sb_printf(&b, "invalid recursive type %s", obj->name);
	else
		sb_printf(&b, "illegal cycle in declaration of %s", obj->name);
	Pos at = obj->pos;
	for (int k = 0; k < cycle->len; k++) {
		sb_printf(&b, "\n\t%s: %s refers to", pos_string(obj->pos), obj->name);
		if (++i >= cycle->len)
			i = 0;
		obj = cycle->data[i];
	}
	sb_printf(&b, "\n\t%s: %s", pos_string(obj->pos), obj->name);
	check_errorf(at, "%s", sb_cstr(&b));
}

static bool check_valid_cycle(Object *obj)
{
	int start = check_obj_info(obj)->color - GREY;
	int nval = 0, ndef = 0, len = ck->obj_path.len - start;
	for (int i = start; i < ck->obj_path.len; i++) {
		Object *o = ck->obj_path.data[i];
		if (o->kind == OBJ_CONST || o->kind == OBJ_VAR)
			nval++;
		else if (o->kind == OBJ_TYPE && !check_obj_info(o)->alias)
			ndef++;
	}
	if (nval == len)
		return true;
	if (nval == 0 && ndef > 0)
		return true;
	Vec cycle = {0};
	for (int i = start; i < ck->obj_path.len; i++)
		vec_push(&cycle, ck->obj_path.data[i]);
	check_cycle_error(&cycle);
	return false;
}

static void check_obj_decl_grey(Object *obj)
{
	switch (obj->kind) {
	case OBJ_CONST: case OBJ_VAR:
		if (!check_valid_cycle(obj) || !obj->type)
			obj->type = ty_invalid;
		break;
	case OBJ_TYPE:
		if (!check_valid_cycle(obj))
			obj->type = ty_invalid;
		break;
	case OBJ_FUNC:
		check_valid_cycle(obj);
		break;
	default:
		break;
	}
	if (!obj->type)
		obj->type = ty_invalid;
}

void check_obj_decl(Object *obj, Type *def)
{
	ObjInfo *info = check_obj_info(obj);
	if (info->color == WHITE && obj->type) {
		info->color = BLACK;
		return;
	}
	if (info->color == BLACK)
		return;
	if (info->color >= GREY) {
		check_obj_decl_grey(obj);
		return;
	}
	DeclInfo *d = info->decl;
	if (!d) { /* a local object still being declared; should not happen */
		if (!obj->type)
			obj->type = ty_invalid;
		return;
	}
	info->color = GREY + check_push_path(obj);
	Env saved = ck->env;
	ck->env = (Env){.scope = d->file};
	switch (obj->kind) {
	case OBJ_CONST:
		ck->env.decl = d;
		check_const_decl(obj, d->vtyp, d->init, d->inherited);
		break;
	case OBJ_VAR:
		ck->env.decl = d;
		check_var_decl(obj, d->lhs, d->nlhs, d->vtyp, d->init);
		break;
	case OBJ_TYPE:
		check_type_decl(obj, d->tdecl, def);
		check_collect_methods(obj);
		break;
	case OBJ_FUNC:
		check_func_decl(obj, d);
		break;
	default:
		break;
	}
	ck->env = saved;
	ck->obj_path.len--;
	info->color = BLACK;
}

/* ---- collecting package-level objects (go/types resolver.go) --------------------------------- */

static void check_declare_pkg_obj(Node *ident, Object *obj, DeclInfo *d)
{
	if (strcmp(obj->name, "init") == 0) {
		check_errorf(ident->pos, "cannot declare init - must be func");
		return;
	}
	if (strcmp(obj->name, "main") == 0 && package_is_main(ck->pkg)) {
		check_errorf(ident->pos, "cannot declare main - must be func");
		return;
	}
	check_declare(ck->pkg->scope, ident, obj);
	ObjInfo *info = check_obj_info(obj);
	info->decl = d;
	info->order = ck->objlist.len + 1;
	vec_push(&ck->objlist, obj);
}

void check_arity(Pos pos, Vec *names, Vec *inits, bool const_decl, bool inherited)
{
	int l = names->len, r = inits ? inits->len : 0;
	if (l < r) {
		Node *n = inits->data[l];
		if (inherited)
			check_errorf(pos, "extra init expr at %s", pos_string(check_expr_start(n)));
		else
			check_errorf(check_expr_start(n), "extra init expr %s", check_ex_str(n));
	} else if (l > r && (const_decl || r != 1)) {
		Node *n = names->data[r];
		check_errorf(n->pos, "missing init expr for %s", n->ident.name);
	}
}

static Object *check_new_object(ObjKind kind, Node *ident, Type *type)
{
	return object_new(ck->pkg, kind, ident->ident.name, ident->pos, type);
}

/* go/types' validatedImportPath: why the import path is invalid, or NULL. */
static const char *check_import_path_error(const char *path, size_t n)
{
	if (n == 0)
		return "empty string";
	const unsigned char *s = (const unsigned char *)path;
	for (size_t i = 0; i < n;) {
		int w;
		uint32_t r = (uint32_t)utf8_decode(s + i, n - i, &w);
		if (!utf8_import_path_rune(r)) {
			/* %#U: the character itself too when it is printable */
			char buf[UTF8_MAX_LEN];
			if ((r >= ' ' && r < 0x7f) || r == UTF8_RUNE_ERROR)
				return xsprintf("invalid character U+%04X '%.*s'", r, utf8_encode(buf, r), buf);
			return xsprintf("invalid character U+%04X", r);
		}
		i += (size_t)w;
	}
	return NULL;
}

bool check_import_path_ok(const char *path)
{
	return check_import_path_error(path, strlen(path)) == NULL;
}

/* The checked package the import path names, among those the driver made available. */
static Package *check_imported(const char *path)
{
	for (int i = 0; i < ck->pkg->deps.len; i++) {
		Package *p = ck->pkg->deps.data[i];
		if (strcmp(p->path, path) == 0)
			return p;
	}
	return NULL;
}

/* Package.imports: the imported packages in the order of their first import declaration (the
 * order gc lists them in the package's init task, which fixes the initialization order). */
static void check_record_import(Package *imported)
{
	for (int i = 0; i < ck->pkg->imports.len; i++)
		if (ck->pkg->imports.data[i] == imported)
			return;
	vec_push(&ck->pkg->imports, imported);
}

static void check_collect_import(Node *spec, Scope *file_scope)
{
	Node *path = spec->import_spec.path;
	if (!path || path->kind != ND_BASIC_LIT || path->lit.tok != TOK_STRING || path->lit.bad)
		return;
	const char *bad = check_import_path_error(path->lit.str, path->lit.str_len);
	if (bad) {
		check_errorf(path->pos, "invalid import path (%s)", bad);
		return;
	}
	const char *p = path->lit.str ? xstrndup(path->lit.str, path->lit.str_len) : "";
	Node *local = spec->import_spec.name;
	Object *pkg = NULL;
	Package *imported = check_imported(p);
	if (strcmp(p, "unsafe") == 0) {
		const char *name = local ? local->ident.name : intern("unsafe", 6);
		pkg = object_new(ck->pkg, OBJ_PACKAGE, name, spec->pos, ty_invalid);
		pkg->pkg_path = "unsafe";
		pkg->pkg_scope = ck->unsafe_scope;
	} else if (imported) {
		pkg = object_new(ck->pkg, OBJ_PACKAGE, local ? local->ident.name : imported->name, spec->pos, ty_invalid);
		pkg->pkg_path = imported->path;
		pkg->pkg_scope = imported->scope;
		check_record_import(imported);
	} else {
		/* the driver hands the checker every package the loader resolved; a checker run without
		 * them (unit tests, a bare check_package) still refuses the import clearly */
		unsupported_at(path->pos, xsprintf("importing package %s", xstrndup(path->lit.text, path->lit.len)));
		ck->nerrors++;
		const char *base = strrchr(p, '/');
		base = base ? base + 1 : p;
		const char *name = local ? local->ident.name : intern(base, strlen(base));
		pkg = object_new(ck->pkg, OBJ_PACKAGE, name, spec->pos, ty_invalid);
		pkg->pkg_path = p;
		pkg->used = true; /* a fake package: no follow-on errors */
	}
	if (strcmp(pkg->name, "init") == 0) {
		check_errorf(spec->pos, "cannot import package as init - init must be a func");
		return;
	}
	if (local)
		local->ident.obj = pkg;
	vec_push(&ck->imports, pkg);
	if (strcmp(pkg->name, ".") == 0) {
		Scope *s = pkg->pkg_scope;
		for (int i = 0; s && i < s->objects.len; i++) {
			Object *o = s->objects.data[i];
			if (o->name[0] >= 'A' && o->name[0] <= 'Z')
				scope_insert(file_scope, o);
		}
		return; /* marked used when one of its members is (check_ident) */
	}
	check_declare(file_scope, NULL, pkg);
}

static void check_collect_const_spec(Node *spec, Scope *file_scope)
{
	Vec *values = &spec->value_spec.values;
	for (int i = 0; i < spec->value_spec.names.len; i++) {
		Node *name = spec->value_spec.names.data[i];
		Object *obj = check_new_object(OBJ_CONST, name, NULL);
		obj->decl = spec;
		check_obj_info(obj)->iota = const_int64(spec->value_spec.iota);
		DeclInfo *d = xnew(DeclInfo);
		d->file = file_scope;
		d->vtyp = spec->value_spec.type;
		d->init = i < values->len ? values->data[i] : NULL;
		d->inherited = spec->value_spec.implicit;
		check_declare_pkg_obj(name, obj, d);
	}
	check_arity(spec->pos, &spec->value_spec.names, values, true, spec->value_spec.implicit);
}

static void check_collect_var_spec(Node *spec, Scope *file_scope)
{
	Vec *names = &spec->value_spec.names, *values = &spec->value_spec.values;
	Object **lhs = xalloc(sizeof(Object *) * (names->len + 1));
	DeclInfo *d1 = NULL;
	if (values->len <= 1) {
		d1 = xnew(DeclInfo);
		d1->file = file_scope;
		d1->lhs = lhs;
		d1->nlhs = names->len;
		d1->vtyp = spec->value_spec.type;
		d1->init = values->len ? values->data[0] : NULL;
	}
	for (int i = 0; i < names->len; i++) {
		Node *name = names->data[i];
		Object *obj = check_new_object(OBJ_VAR, name, NULL);
		obj->decl = spec;
		obj->is_global = true;
		lhs[i] = obj;
		DeclInfo *d = d1;
		if (!d) {
			d = xnew(DeclInfo);
			d->file = file_scope;
			d->vtyp = spec->value_spec.type;
			d->init = i < values->len ? values->data[i] : NULL;
		}
		check_declare_pkg_obj(name, obj, d);
	}
	if (!spec->value_spec.type || values->len)
		check_arity(spec->pos, names, values, false, false);
}

static void check_collect_type_spec(Node *spec, Scope *file_scope)
{
	Node *name = spec->type_spec.name;
	Object *obj = check_new_object(OBJ_TYPE, name, NULL);
	obj->decl = spec;
	DeclInfo *d = xnew(DeclInfo);
	d->file = file_scope;
	d->tdecl = spec;
	check_declare_pkg_obj(name, obj, d);
}

/* Receiver type `T`, `*T`, `(T)`, `T[P]`: the base type name and whether it is a pointer. */
static Node *check_recv_base_name(Node *rtyp, bool *ptr)
{
	*ptr = false;
	for (;;) {
		if (!rtyp)
			return NULL;
		if (rtyp->kind == ND_PAREN)
			rtyp = rtyp->paren.x;
		else if (rtyp->kind == ND_STAR) {
			*ptr = true;
			rtyp = rtyp->star.x;
		} else
			break;
	}
	if (rtyp->kind == ND_INDEX)
		rtyp = rtyp->index.x;
	return rtyp->kind == ND_IDENT ? rtyp : NULL;
}

static Node *check_recv_field(Node *fd)
{
	Node *recv = fd->func_decl.recv;
	if (!recv || recv->kind != ND_FUNC_TYPE || recv->func_type.params.len == 0)
		return NULL;
	return recv->func_type.params.data[0];
}

typedef struct MethodInfo {
	Object *obj;
	bool ptr;
	Node *recv; /* base type name */
} MethodInfo;

static void check_collect_func_decl(Node *fd, Scope *file_scope, Vec *methods)
{
	Node *name = fd->func_decl.name;
	Object *obj = check_new_object(OBJ_FUNC, name, NULL);
	obj->decl = fd;
	obj->body = fd->func_decl.body;
	obj->func_type = fd->func_decl.type;
	fd->func_decl.obj = obj;
	name->ident.obj = obj;
	Node *ft = fd->func_decl.type;
	bool generic = false;
	if (ft && ft->func_type.tparams.len) {
		generic = true;
		check_generic_decl(((Node *)ft->func_type.tparams.data[0])->pos);
	}
	if (fd->func_decl.recv) {
		Node *f = check_recv_field(fd);
		Node *rt = f ? check_unparen(f->field.type) : NULL;
		if (rt && rt->kind == ND_STAR)
			rt = check_unparen(rt->star.x);
		generic |= rt && rt->kind == ND_INDEX; /* a method of a generic type */
	}
	check_obj_info(obj)->generic = generic;
	obj->generic = generic && ck->pkg->standard; /* kept (check_generic_decl) */
	if (!fd->func_decl.recv) {
		const char *n = obj->name;
		bool is_init = strcmp(n, "init") == 0;
		bool is_main = strcmp(n, "main") == 0 && package_is_main(ck->pkg);
		if ((is_init || is_main) && ft && (ft->func_type.params.len || ft->func_type.results.len))
			check_errorf(name->pos, "func %s must have no arguments and no return values", n);
		if (is_init) {
			obj->scope = ck->pkg->scope;
			if (!fd->func_decl.body)
				check_errorf(name->pos, "missing function body");
		} else {
			check_declare(ck->pkg->scope, name, obj);
			obj->link_name = strcmp(n, "_") ? package_symbol(ck->pkg, n) : NULL;
		}
	} else {
		bool ptr;
		Node *f = check_recv_field(fd);
		Node *base = f ? check_recv_base_name(f->field.type, &ptr) : NULL;
		obj->ptr_recv = base && ptr;
		if (base && strcmp(obj->name, "_") != 0) {
			MethodInfo *m = xnew(MethodInfo);
			m->obj = obj;
			m->ptr = ptr;
			m->recv = base;
			vec_push(methods, m);
		}
		if (base)
			obj->link_name = ptr ? xsprintf("%s.(*%s).%s", ck->pkg->prefix, base->ident.name, obj->name)
					     : xsprintf("%s.%s.%s", ck->pkg->prefix, base->ident.name, obj->name);
	}
	DeclInfo *d = xnew(DeclInfo);
	d->file = file_scope;
	d->fdecl = fd;
	ObjInfo *info = check_obj_info(obj);
	info->decl = d;
	info->order = ck->objlist.len + 1;
	vec_push(&ck->objlist, obj);
}

static void check_collect_gen_decl(Node *decl, Scope *file_scope)
{
	for (int i = 0; i < decl->gen_decl.specs.len; i++) {
		Node *spec = decl->gen_decl.specs.data[i];
		switch (spec->kind) {
		case ND_VALUE_SPEC:
			if (decl->gen_decl.tok == TOK_CONST)
				check_collect_const_spec(spec, file_scope);
			else
				check_collect_var_spec(spec, file_scope);
			break;
		case ND_TYPE_SPEC: check_collect_type_spec(spec, file_scope); break;
		case ND_IMPORT_SPEC: check_collect_import(spec, file_scope); break;
		default: break;
		}
	}
}

/* The base type of a method receiver, following aliases (go/types resolveBaseTypeName): chains of
 * any length, and a cycle of aliases (reported elsewhere) gives NULL. */
static Object *check_resolve_base_type_name(bool ptr, Node *typ, bool *out_ptr)
{
	HashMap seen = {0}; /* the aliases followed */
	while (typ) {
		typ = check_unparen(typ);
		if (typ->kind == ND_STAR) {
			if (ptr)
				return NULL;
			ptr = true;
			typ = check_unparen(typ->star.x);
		}
		if (!typ || typ->kind != ND_IDENT)
			return NULL;
		Object *obj = scope_lookup_local(ck->pkg->scope, typ->ident.name);
		if (!obj || obj->kind != OBJ_TYPE || !obj->checker)
			return NULL;
		DeclInfo *d = check_obj_info(obj)->decl;
		if (!d || !d->tdecl)
			return NULL;
		if (!d->tdecl->type_spec.assign) {
			*out_ptr = ptr;
			return obj;
		}
		if (hashmap_get(&seen, obj))
			return NULL;
		hashmap_put(&seen, obj, obj);
		typ = d->tdecl->type_spec.type;
	}
	return NULL;
}

static void check_collect_objects(void)
{
	Vec methods = {0};
	Vec file_scopes = {0};
	for (int fi = 0; fi < ck->files.len; fi++) {
		Node *file = ck->files.data[fi];
		Scope *fs = scope_new(ck->pkg->scope, NULL);
		vec_push(&file_scopes, fs);
		for (int i = 0; i < file->file.imports.len; i++)
			check_collect_import(file->file.imports.data[i], fs);
		for (int i = 0; i < file->file.decls.len; i++) {
			Node *d = file->file.decls.data[i];
			if (d->kind == ND_FUNC_DECL)
				check_collect_func_decl(d, fs, &methods);
			else if (d->kind == ND_GEN_DECL && d->gen_decl.tok != TOK_IMPORT)
				check_collect_gen_decl(d, fs);
		}
	}
	for (int i = 0; i < file_scopes.len; i++) {
		Scope *fs = file_scopes.data[i];
		for (int j = 0; j < fs->objects.len; j++) {
			Object *o = fs->objects.data[j];
			Object *alt = scope_lookup_local(ck->pkg->scope, o->name);
			if (alt && o->kind == OBJ_PACKAGE)
				check_errorf(alt->pos, "%s already declared through import of %s\n\t%s: other declaration of %s",
					     alt->name, o->pkg_path ? xsprintf("package %s (\"%s\")", o->name, o->pkg_path) : o->name,
					     pos_string(o->pos), o->name);
			else if (alt && o->pkg && o->pkg != ck->pkg) /* a dot-imported name */
				check_errorf(alt->pos, "%s already declared through dot-import of package %s (\"%s\")\n\t%s: other declaration of %s",
					     alt->name, o->pkg->name, o->pkg->path, pos_string(o->pos), o->name);
		}
	}
	for (int i = 0; i < methods.len; i++) {
		MethodInfo *m = methods.data[i];
		bool ptr = false;
		Object *base = check_resolve_base_type_name(m->ptr, m->recv, &ptr);
		if (base) {
			m->obj->ptr_recv = ptr;
			vec_push(&check_obj_info(base)->methods, m->obj);
		}
	}
}

static void check_package_objects(void)
{
	Vec others = {0}, aliases = {0};
	for (int i = 0; i < ck->objlist.len; i++) {
		Object *obj = ck->objlist.data[i];
		if (obj->kind == OBJ_TYPE) {
			if (check_obj_info(obj)->decl->tdecl->type_spec.assign)
				vec_push(&aliases, obj);
			else
				check_obj_decl(obj, NULL);
		} else {
			vec_push(&others, obj);
		}
	}
	for (int i = 0; i < aliases.len; i++)
		check_obj_decl(aliases.data[i], NULL);
	for (int i = 0; i < others.len; i++)
		check_obj_decl(others.data[i], NULL);
}

/* A member of a dot-imported package was used: so was the import. */
void check_mark_dot_imports_used(Scope *members)
{
	for (int i = 0; i < ck->imports.len; i++) {
		Object *p = ck->imports.data[i];
		if (p->pkg_scope == members && strcmp(p->name, ".") == 0)
			p->used = true;
	}
}

/* gocc does not check the bodies of generic declarations (they are never instantiated), but the
 * imports they name are used, as gc sees them: any `pkg.X` in them marks the file's import pkg. */
static bool check_mark_generic_import(Node *n, void *arg)
{
	(void)arg;
	if (n->kind != ND_SELECTOR || !n->selector.x || n->selector.x->kind != ND_IDENT)
		return true;
	for (int i = 0; i < ck->imports.len; i++) {
		Object *p = ck->imports.data[i];
		if (p->name == n->selector.x->ident.name && p->pos.file == n->pos.file)
			p->used = true;
	}
	return true;
}

static void check_generic_imports(void)
{
	if (!ck->pkg->standard)
		return; /* the generic declarations were refused */
	AstVisitor v = {check_mark_generic_import, NULL, NULL};
	for (int fi = 0; fi < ck->files.len; fi++) {
		Node *file = ck->files.data[fi];
		for (int i = 0; i < file->file.decls.len; i++) {
			Node *d = file->file.decls.data[i];
			if (d->kind == ND_FUNC_DECL && d->func_decl.obj && d->func_decl.obj->generic)
				ast_walk(d, &v);
			if (d->kind != ND_GEN_DECL || d->gen_decl.tok != TOK_TYPE)
				continue;
			for (int j = 0; j < d->gen_decl.specs.len; j++) {
				Node *spec = d->gen_decl.specs.data[j];
				if (spec->kind == ND_TYPE_SPEC && spec->type_spec.tparams.len)
					ast_walk(spec, &v);
			}
		}
	}
}

static void check_unused_imports(void)
{
	check_generic_imports();
	for (int i = 0; i < ck->imports.len; i++) {
		Object *p = ck->imports.data[i];
		if (p->used || strcmp(p->name, "_") == 0)
			continue;
		const char *path = p->pkg_path;
		const char *elem = strrchr(path, '/');
		elem = elem ? elem + 1 : path;
		if (strcmp(p->name, ".") == 0 || strcmp(p->name, elem) == 0)
			check_errorf(p->pos, "imported and not used: \"%s\"", path);
		else
			check_errorf(p->pos, "imported and not used: \"%s\" as %s", path, p->name);
	}
}

/* ---- the unsafe package ---------------------------------------------------------------------- */

static Scope *check_make_unsafe_scope(void)
{
	Scope *s = scope_new(NULL, NULL);
	Object *ptr = object_new(NULL, OBJ_TYPE, intern("Pointer", 7), nopos, type_basic(TY_UNSAFE_POINTER));
	scope_insert(s, ptr);
	static const struct { const char *name; BuiltinId id; } fns[] = {
		{"Add", BI_UNSAFE_ADD}, {"Alignof", BI_UNSAFE_ALIGNOF}, {"Offsetof", BI_UNSAFE_OFFSETOF},
		{"Sizeof", BI_UNSAFE_SIZEOF}, {"Slice", BI_UNSAFE_SLICE},
	};
	for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++) {
		Object *o = object_new(NULL, OBJ_BUILTIN, intern(fns[i].name, strlen(fns[i].name)), nopos, ty_invalid);
		o->builtin = fns[i].id;
		scope_insert(s, o);
	}
	return s;
}

/* ---- closure names --------------------------------------------------------------------------- */

static int check_cmp_lit_pos(const void *a, const void *b)
{
	Node *x = *(Node *const *)a, *y = *(Node *const *)b;
	return pos_cmp(x->pos, y->pos);
}

/* gc names closures by source position: main.f.func1, main.f.func1.1, main.glob..func1. */
static void check_name_lits(Vec *lits, const char *base, bool top)
{
	vec_sort(lits, check_cmp_lit_pos);
	for (int i = 0; i < lits->len; i++) {
		Node *lit = lits->data[i];
		Object *fn = lit->func_lit.obj;
		if (!fn)
			continue;
		fn->link_name = top ? xsprintf("%s.func%d", base, i + 1) : xsprintf("%s.%d", base, i + 1);
		ObjInfo *info = check_obj_info(fn);
		fn->nlits = info->lits.len;
		check_name_lits(&info->lits, fn->link_name, false);
	}
}

/* ---- the Package summary --------------------------------------------------------------------- */

static void check_fill_package(void)
{
	Package *pkg = ck->pkg;
	int ninit = 0;
	for (int fi = 0; fi < ck->files.len; fi++) {
		Node *file = ck->files.data[fi];
		for (int i = 0; i < file->file.decls.len; i++) {
			Node *d = file->file.decls.data[i];
			if (d->kind != ND_FUNC_DECL || !d->func_decl.obj)
				continue;
			Object *fn = d->func_decl.obj;
			bool is_init = !d->func_decl.recv && strcmp(fn->name, "init") == 0;
			if (is_init) {
				fn->link_name = xsprintf("%s.init.%d", pkg->prefix, ninit++);
				vec_push(&pkg->init_funcs, fn);
			}
			if (!d->func_decl.recv && strcmp(fn->name, "main") == 0 && package_is_main(pkg))
				pkg->main_func = fn;
			ObjInfo *info = check_obj_info(fn);
			if (fn->link_name) {
				fn->nlits = info->lits.len;
				check_name_lits(&info->lits, fn->link_name, true);
			}
			if (d->func_decl.body && strcmp(fn->name, "_") != 0 && fn->link_name && !info->generic)
				vec_push(&pkg->funcs, fn);
		}
	}
	check_name_lits(&ck->glob_lits, package_symbol(pkg, "glob."), true);
	for (int i = 0; i < ck->objlist.len; i++) {
		Object *o = ck->objlist.data[i];
		if (o->kind == OBJ_VAR && strcmp(o->name, "_") != 0) {
			o->link_name = package_symbol(pkg, o->name);
			vec_push(&pkg->globals, o);
		}
	}
}

/* ---- leftover untyped expressions ------------------------------------------------------------ */

static void check_finalize_vec(Vec *v)
{
	for (int i = 0; i < v->len; i++)
		check_finalize_untyped(v->data[i]);
}

static void check_finalize_files(void)
{
	for (int fi = 0; fi < ck->files.len; fi++)
		check_finalize_vec(&((Node *)ck->files.data[fi])->file.decls);
}

/* ---- compiler directives -------------------------------------------------------------------- */

static bool check_file_imports_unsafe(Node *file)
{
	for (int i = 0; i < file->file.imports.len; i++) {
		Node *path = ((Node *)file->file.imports.data[i])->import_spec.path;
		if (path && path->kind == ND_BASIC_LIT && path->lit.str && path->lit.str_len == 6 &&
		    memcmp(path->lit.str, "unsafe", 6) == 0)
			return true;
	}
	return false;
}

/* `//go:linkname local [remote]` as gc's noder (processPragmas), after type checking: local is a
 * function or variable of the package scope, and its symbol becomes remote (default: its own
 * symbol, only made visible). A body-less local is then a reference to remote, a local with a
 * body or a variable with a value defines it. */
static void check_linkname(Node *file, Directive *d)
{
	Pos pos = d->pos;
	pos.col += 2; /* gc's pragma position: the text after the comment's slashes */
	const char *field[3];
	size_t len[3];
	int n = 0;
	for (const char *t = d->text + strlen("go:linkname"); n < 3;) {
		t += strspn(t, " \t");
		if (!*t)
			break;
		len[n] = strcspn(t, " \t");
		field[n++] = t;
		t += len[n - 1];
	}
	if (n < 1 || n > 2) {
		error_at(pos, "usage: //go:linkname localname [linkname]");
		return;
	}
	if (!check_file_imports_unsafe(file)) {
		error_at(pos, "//go:linkname only allowed in Go files that import \"unsafe\"");
		return;
	}
	const char *local = intern(field[0], len[0]);
	Object *o = scope_lookup_local(ck->pkg->scope, local);
	if (!o || (o->kind != OBJ_FUNC && o->kind != OBJ_VAR)) {
		error_at(pos, "//go:linkname must refer to declared function or variable");
		return;
	}
	if (o->linkname) {
		error_at(pos, "duplicate //go:linkname for %s", local);
		return;
	}
	o->linkname = true;
	o->link_name = n == 2 ? xstrndup(field[1], len[1]) : package_symbol(ck->pkg, o->name);
}

/* The parser's findings about where directives stand (syntax/parse.c), gc's errors: the early
 * ones are gc's parser's, the late ones its irgen's, reported only for a package that checks. The
 * standard library is gc-clean and also uses runtime-only directives in gocc's own runtime. */
static void check_pragma_errors(bool late)
{
	if (ck->pkg->standard)
		return;
	for (int fi = 0; fi < ck->files.len; fi++) {
		Vec *errs = &((Node *)ck->files.data[fi])->file.pragma_errors;
		for (int i = 0; i < errs->len; i++) {
			PragmaError *e = errs->data[i];
			if (e->late == late)
				error_at(e->pos, "%s", e->msg);
		}
	}
}

/* The //go: directives gc knows and gocc does not need (go:noescape, go:nosplit, go:norace,
 * go:nowritebarrier ... are hints to gc's back end) are accepted and ignored; go:linkname is
 * applied; go:embed is refused. */
static void check_directives(void)
{
	for (int fi = 0; fi < ck->files.len; fi++) {
		Node *file = ck->files.data[fi];
		if (!file->file.tokens)
			continue;
		Vec *dirs = &file->file.tokens->directives;
		for (int i = 0; i < dirs->len; i++) {
			Directive *d = dirs->data[i];
			if (strncmp(d->text, "go:linkname ", 12) == 0)
				check_linkname(file, d);
			else if (strcmp(d->text, "go:embed") == 0 || strncmp(d->text, "go:embed ", 9) == 0)
				unsupported_at((Pos){d->pos.file, d->pos.line, d->pos.col + 2}, "//go:embed");
		}
	}
}

/* gc's back end (not its type checker) rejects functions declared without a body in a package
 * that has nothing else to supply them (go build's -complete), unless //go:linkname names them. In a standard package they are
 * declarations: gocc's runtime defines them in C under their link names (docs/architecture.md,
 * "Body-less functions"). */
static void check_missing_bodies(void)
{
	if (ck->pkg->standard)
		return;
	for (int fi = 0; fi < ck->files.len; fi++) {
		Node *file = ck->files.data[fi];
		for (int i = 0; i < file->file.decls.len; i++) {
			Node *d = file->file.decls.data[i];
			if (d->kind == ND_FUNC_DECL && !d->func_decl.body && d->func_decl.name &&
			    strcmp(d->func_decl.name->ident.name, "init") != 0 &&
			    !(d->func_decl.obj && d->func_decl.obj->linkname))
				/* gc's position: the token after `func`, a method's receiver list */
				error_at(d->func_decl.recv ? d->func_decl.recv->pos : d->func_decl.name->pos,
				         "missing function body");
		}
	}
}

/* Another package's checker will see this package's objects (qualified identifiers, dot imports,
 * methods found through its types) as finished: it must not take them for undeclared objects of
 * its own, so the bookkeeping of this run is dropped. */
static void check_forget_package(void)
{
	for (int i = 0; i < ck->objlist.len; i++) {
		Object *o = ck->objlist.data[i];
		if (o->kind == OBJ_TYPE && o->type && o->type->kind == TY_NAMED)
			for (int j = 0; j < o->type->named.methods.len; j++)
				((Object *)o->type->named.methods.data[j])->checker = NULL;
		o->checker = NULL;
	}
}

/* ---- entry point ----------------------------------------------------------------------------- */

typedef struct CheckRun {
	Package *pkg;
	Vec *files;
} CheckRun;

static void check_package_run(void *arg);

/* On a large stack: check_obj_decl, valid_type and friends recurse along chains of declarations that
 * depend on each other, and nothing bounds their length as the parser bounds expression depth. */
void check_package(Package *pkg, Vec *files)
{
	CheckRun run = {pkg, files};
	run_on_big_stack(check_package_run, &run);
}

static void check_package_run(void *arg)
{
	Vec *files = ((CheckRun *)arg)->files;
	Package *pkg = ((CheckRun *)arg)->pkg;
	types_init();
	blank_name = intern("_", 1);
	ck = xnew(Checker);
	ck->pkg = pkg;
	pkg->scope = scope_new(scope_universe(), NULL);
	ck->unsafe_scope = check_make_unsafe_scope();
	for (int i = 0; i < files->len; i++) {
		vec_push(&pkg->files, files->data[i]);
		vec_push(&ck->files, files->data[i]);
	}
	for (int i = 0; i < files->len; i++) {
		Node *pn = ((Node *)files->data[i])->file.package_name;
		if (!pn)
			continue;
		if (i == 0)
			pkg->name = pn->ident.name;
		if (strcmp(pn->ident.name, "_") == 0)
			check_errorf(pn->pos, "invalid package name _");
	}
	check_pragma_errors(false);
	check_collect_objects();
	check_package_objects();
	check_process_delayed(0);
	check_init_order();
	check_unused_imports();
	check_finalize_files();
	check_fill_package();
	if (error_count() == 0)
		check_sizes(pkg);
	if (error_count() == 0)
		check_pragma_errors(true);
	if (error_count() == 0)
		check_directives();
	if (error_count() == 0)
		check_missing_bodies();
	if (error_count() == 0 && !pkg->main_func && package_is_main(pkg))
		error_at(nopos, "runtime.main_main·f: function main is undeclared in the main package");
	check_forget_package();
}
