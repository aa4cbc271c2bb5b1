/*
 * check_stmt.c: function bodies and statements (go/types stmt.go, return.go).
 *
 * A body is checked in its function's scope (parameters and results live there, so redeclaring a
 * parameter at the top level of the body is an error); each block, if/for/switch statement and
 * case clause opens a scope. Function literals met inside a statement are checked at the end of
 * that statement (check_process_delayed), before later declarations can change the scopes they see.
 * After the body: a function with results must end in a terminating statement, and locals never
 * used are reported. (Labels and branch targets were resolved by the parser: parse_branches.c.)
 */
#include "check.h"

#include <stdlib.h>
#include <string.h>

static void check_stmt(Node *s);

/* ---- scopes ---------------------------------------------------------------------------------- */

static Scope *check_open_scope(void)
{
	Scope *s = scope_new(ck->env.scope, ck->env.func);
	ck->env.scope = s;
	return s;
}

static void check_close_scope(void)
{
	ck->env.scope = ck->env.scope->parent;
}

static void check_note_local(Object *v)
{
	if (ck->env.func && strcmp(v->name, "_") != 0)
		vec_push(&check_obj_info(ck->env.func)->locals, v);
}

static Object *check_new_local_var(const char *name, Pos pos, Type *type, Node *decl)
{
	Object *v = object_new(ck->pkg, OBJ_VAR, name, pos, type);
	v->owner = ck->env.func;
	v->decl = decl;
	return v;
}

/* ---- simple statements ----------------------------------------------------------------------- */

static void check_expr_stmt(Node *s)
{
	Operand x;
	ExprKind kind = check_raw_expr(&x, s->expr_stmt.x, NULL);
	const char *msg;
	switch (x.mode) {
	case MODE_BUILTIN: msg = "must be called"; break;
	case MODE_TYPE: msg = "is not an expression"; break;
	default:
		if (kind == EK_STATEMENT)
			return;
		msg = "is not used";
		break;
	}
	check_errorf(check_op_pos(&x), "%s %s", check_op_str(&x), msg);
}

static void check_send_stmt(Node *s)
{
	Operand ch, val;
	check_expr(&ch, s->send.chan);
	check_expr(&val, s->send.value);
	if (ch.mode == MODE_INVALID || val.mode == MODE_INVALID)
		return;
	Type *u = check_under(ch.type);
	Pos at = check_expr_start(s->send.chan);
	if (u->kind != TY_CHAN) {
		check_errorf(at, "invalid operation: cannot send to non-channel %s", check_op_str(&ch));
		return;
	}
	if (u->chan.dir == CHAN_RECV) {
		check_errorf(at, "invalid operation: cannot send to receive-only channel %s", check_op_str(&ch));
		return;
	}
	check_assignment(&val, u->chan.elem, "send");
}

static void check_incdec_stmt(Node *s)
{
	Operand x;
	Node *lhs = s->incdec.x;
	check_expr(&x, lhs);
	if (x.mode == MODE_INVALID)
		return;
	if (!type_is_numeric(x.type)) {
		const char *op = s->incdec.tok == TOK_INC ? "+" : "-";
		check_errorf(check_expr_start(lhs), "invalid operation: %s%s%s (non-numeric type %s)", check_ex_str(lhs), op, op,
			     check_ty_str(x.type));
		return;
	}
	check_assign_var(lhs, &x);
}

static TokenKind check_binary_op_of(TokenKind assign_op)
{
	switch (assign_op) {
	case TOK_ADD_ASSIGN: return TOK_ADD;
	case TOK_SUB_ASSIGN: return TOK_SUB;
	case TOK_MUL_ASSIGN: return TOK_MUL;
	case TOK_QUO_ASSIGN: return TOK_QUO;
	case TOK_REM_ASSIGN: return TOK_REM;
	case TOK_AND_ASSIGN: return TOK_AND;
	case TOK_OR_ASSIGN: return TOK_OR;
	case TOK_XOR_ASSIGN: return TOK_XOR;
	case TOK_SHL_ASSIGN: return TOK_SHL;
	case TOK_SHR_ASSIGN: return TOK_SHR;
	case TOK_AND_NOT_ASSIGN: return TOK_AND_NOT;
	default: return TOK_EOF;
	}
}

static void check_assign_stmt(Node *s)
{
	Vec *lhs = &s->assign.lhs, *rhs = &s->assign.rhs;
	switch (s->assign.tok) {
	case TOK_ASSIGN:
		check_assign_vars(lhs, rhs);
		return;
	case TOK_DEFINE:
		check_short_var_decl(s, lhs, rhs);
		return;
	default:
		break;
	}
	TokenKind op = check_binary_op_of(s->assign.tok);
	if (lhs->len != 1 || rhs->len != 1) {
		check_errorf(check_stmt_op_pos(s), "assignment operation %s requires single-valued expressions",
			     token_spelling(s->assign.tok));
		return;
	}
	Operand x;
	check_binary(&x, NULL, lhs->data[0], rhs->data[0], op);
	check_assign_var(lhs->data[0], &x);
}

static void check_go_defer_stmt(Node *s)
{
	const char *keyword = s->kind == ND_GO_STMT ? "go" : "defer";
	if (s->kind == ND_DEFER_STMT && ck->env.func)
		ck->env.func->has_defer = true;
	Node *call = s->go_defer.call;
	if (!call)
		return;
	Operand x;
	ExprKind kind = check_raw_expr(&x, call, NULL);
	const char *msg;
	if (check_unparen(call)->kind != ND_CALL) {
		if (x.mode != MODE_INVALID)
			check_errorf(check_expr_start(call), "expression in %s must be function call", keyword);
		return;
	}
	switch (kind) {
	case EK_CONVERSION: msg = "requires function call, not conversion"; break;
	case EK_EXPRESSION: msg = "discards result of"; break;
	default: return;
	}
	check_errorf(check_op_pos(&x), "%s %s %s", keyword, msg, check_op_str(&x));
}

static bool check_results_named(Object *fn)
{
	if (!fn || fn->results.len == 0)
		return false;
	Object *r = fn->results.data[0];
	return strncmp(r->name, "~r", 2) != 0;
}

static void check_return_stmt(Node *s)
{
	Object *fn = ck->env.func;
	Vec *results = &s->return_stmt.results;
	int nres = fn ? fn->results.len : 0;
	if (results->len == 0 && nres > 0 && check_results_named(fn)) {
		for (int i = 0; i < nres; i++) {
			Object *r = fn->results.data[i];
			Object *alt = check_lookup(r->name);
			if (alt && alt != r)
				check_errorf(s->pos, "result parameter %s not in scope at return\n\t%s: inner declaration of %s %s %s",
					     r->name, pos_string(alt->pos), check_obj_kind_str(alt), alt->name, alt->type ? check_ty_str(alt->type) : "");
		}
		return;
	}
	Object **lhs = fn ? (Object **)fn->results.data : NULL;
	check_init_vars(lhs, nres, results, s);
}

/* ---- if, for, blocks ------------------------------------------------------------------------- */

static void check_cond_expr(Node *cond, const char *what)
{
	if (!cond)
		return;
	Operand x;
	check_expr(&x, cond);
	if (x.mode != MODE_INVALID && !type_is_boolean(x.type))
		check_errorf(check_expr_start(cond), "non-boolean condition in %s statement", what);
}

static void check_block_stmt(Node *s)
{
	s->block.scope = check_open_scope();
	check_stmt_list(0, &s->block.stmts);
	check_close_scope();
}

static void check_if_stmt(Node *s)
{
	check_open_scope();
	if (s->if_stmt.init)
		check_stmt(s->if_stmt.init);
	check_cond_expr(s->if_stmt.cond, "if");
	if (s->if_stmt.then)
		check_stmt(s->if_stmt.then);
	if (s->if_stmt.els)
		check_stmt(s->if_stmt.els);
	check_close_scope();
}

static void check_for_stmt(Node *s)
{
	check_open_scope();
	if (s->for_stmt.init)
		check_stmt(s->for_stmt.init);
	check_cond_expr(s->for_stmt.cond, "for");
	Node *post = s->for_stmt.post;
	if (post)
		check_stmt(post);
	if (s->for_stmt.body)
		check_stmt(s->for_stmt.body);
	check_close_scope();
}

/* ---- switch ---------------------------------------------------------------------------------- */

typedef struct CaseSeen {
	ConstValue *val;
	Type *type;
	Pos pos;
} CaseSeen;

/* HashMap equality of two CaseSeen: the same type and equal values. */
static bool check_dup_value(const void *key, const void *probe)
{
	const CaseSeen *c = key, *v = probe;
	if (!type_identical(c->type, v->type))
		return false;
	ConstKind a = const_kind(c->val), b = const_kind(v->val);
	if (a == CONST_STRING || b == CONST_STRING)
		return a == b && const_compare(TOK_EQL, c->val, v->val);
	if ((a != CONST_INT && a != CONST_FLOAT) || (b != CONST_INT && b != CONST_FLOAT))
		return false;
	ConstValue *x = c->val, *y = v->val;
	const_match(&x, &y);
	return const_compare(TOK_EQL, x, y);
}

static uint64_t check_case_hash(const void *c)
{
	return check_const_hash(((const CaseSeen *)c)->val);
}

/* seen: the constant case values so far (CaseSeen keys). */
static void check_case_values(Operand *x, Vec *values, HashMap *seen)
{
	for (int i = 0; i < values->len; i++) {
		Operand v;
		check_expr(&v, values->data[i]);
		if (x->mode == MODE_INVALID || v.mode == MODE_INVALID)
			continue;
		check_convert_untyped(&v, x->type);
		if (v.mode == MODE_INVALID)
			continue;
		Operand res = v;
		check_comparison(&res, x, TOK_EQL, true);
		if (res.mode == MODE_INVALID || v.mode != MODE_CONST || !v.val)
			continue;
		ConstKind k = const_kind(v.val);
		if (k != CONST_INT && k != CONST_FLOAT && k != CONST_STRING)
			continue;
		CaseSeen probe = {v.val, v.type, check_syntax_pos(v.expr)};
		CaseSeen *c = hashmap_get(seen, &probe);
		if (c) {
			check_errorf(check_op_pos(&v), "duplicate case %s in expression switch\n\t%s: previous case", check_op_str(&v),
				     pos_string(c->pos));
			continue;
		}
		c = xnew(CaseSeen);
		*c = probe;
		hashmap_put(seen, c, c);
	}
}

static void check_multiple_defaults(Node *body, bool comm)
{
	Node *first = NULL;
	for (int i = 0; body && i < body->block.stmts.len; i++) {
		Node *c = body->block.stmts.data[i];
		bool is_default = comm ? (c->kind == ND_COMM_CLAUSE && !c->comm_clause.comm)
				       : (c->kind == ND_CASE_CLAUSE && c->case_clause.list.len == 0);
		if (!is_default)
			continue;
		if (first)
			check_errorf(c->pos, "multiple defaults (first at %s)", pos_string(first->pos));
		else
			first = c;
	}
}

static void check_switch_stmt(Node *s)
{
	check_open_scope();
	if (s->switch_stmt.init)
		check_stmt(s->switch_stmt.init);
	Operand x;
	Node *body = s->switch_stmt.body;
	if (s->switch_stmt.tag) {
		check_expr(&x, s->switch_stmt.tag);
		check_assignment(&x, NULL, "switch expression");
		if (x.mode != MODE_INVALID && !type_is_comparable(x.type) && !check_has_nil(x.type)) {
			check_errorf(check_op_pos(&x), "cannot switch on %s (%s is not comparable)", check_op_str(&x), check_ty_str(x.type));
			x.mode = MODE_INVALID;
		}
	} else {
		Pos pos = body && body->block.stmts.len ? ((Node *)body->block.stmts.data[0])->pos :
			  body ? body->block.rbrace : s->pos;
		Node *t = node_new(ND_IDENT, pos);
		t->ident.name = intern("true", 4);
		x = (Operand){MODE_CONST, t, type_basic(TY_BOOL), const_bool(true), BI_NONE};
	}
	check_multiple_defaults(body, false);
	HashMap seen = hashmap_custom(check_case_hash, check_dup_value);
	for (int i = 0; body && i < body->block.stmts.len; i++) {
		Node *clause = body->block.stmts.data[i];
		if (clause->kind != ND_CASE_CLAUSE)
			continue;
		check_case_values(&x, &clause->case_clause.list, &seen);
		clause->case_clause.scope = check_open_scope();
		check_stmt_list(0, &clause->case_clause.body);
		check_close_scope();
	}
	check_close_scope();
}

/* ---- type switch ----------------------------------------------------------------------------- */

static bool check_is_nil_expr(Node *e)
{
	e = check_unparen(e);
	if (!e || e->kind != ND_IDENT)
		return false;
	Object *o = check_lookup(e->ident.name);
	return o && o->kind == OBJ_NIL;
}

static Type *check_case_types(Operand *x, Vec *types, Vec *seen_types, Vec *seen_nodes)
{
	Type *T = NULL;
	for (int i = 0; i < types->len; i++) {
		Node *e = types->data[i];
		if (check_is_nil_expr(e)) {
			T = NULL;
			Operand dummy;
			check_expr(&dummy, e);
		} else {
			T = check_var_type(e);
			if (T == ty_invalid)
				continue;
		}
		bool dup = false;
		for (int j = 0; j < seen_types->len && !dup; j++) {
			Type *t = seen_types->data[j];
			if ((!T && !t) || (T && t && type_identical(T, t))) {
				check_errorf(check_expr_start(e), "duplicate case %s in type switch\n\t%s: previous case",
					     T ? check_ty_str(T) : "nil", pos_string(check_expr_start(seen_nodes->data[j])));
				dup = true;
			}
		}
		if (dup)
			continue;
		vec_push(seen_types, T);
		vec_push(seen_nodes, e);
		if (x && T)
			check_type_assertion(e, x, T, true);
	}
	return T;
}

static void check_type_switch_stmt(Node *s)
{
	check_open_scope();
	if (s->type_switch.init)
		check_stmt(s->type_switch.init);
	Node *guard = s->type_switch.assign;
	Node *lhs = NULL, *assert_node = NULL;
	if (guard && guard->kind == ND_ASSIGN_STMT && guard->assign.lhs.len == 1 && guard->assign.rhs.len == 1) {
		lhs = guard->assign.lhs.data[0];
		assert_node = guard->assign.rhs.data[0];
	} else if (guard && guard->kind == ND_EXPR_STMT) {
		assert_node = guard->expr_stmt.x;
	}
	assert_node = check_unparen(assert_node);
	if (!assert_node || assert_node->kind != ND_TYPE_ASSERT) {
		check_close_scope();
		return;
	}
	if (lhs && (lhs->kind != ND_IDENT || strcmp(lhs->ident.name, "_") == 0)) {
		if (lhs->kind == ND_IDENT)
			check_errorf(lhs->pos, "no new variable on left side of :=");
		lhs = NULL;
	}
	Operand x;
	check_expr(&x, assert_node->type_assert.x);
	if (x.mode == MODE_INVALID) {
		check_close_scope();
		return;
	}
	assert_node->mode = MODE_VALUE;
	assert_node->type = x.type;
	Operand *sx = NULL;
	if (check_is_interface(x.type))
		sx = &x;
	else
		check_errorf(check_op_pos(&x), "%s is not an interface", check_op_str(&x));
	Node *body = s->type_switch.body;
	check_multiple_defaults(body, false);
	Vec lhs_vars = {0}, seen_types = {0}, seen_nodes = {0};
	for (int i = 0; body && i < body->block.stmts.len; i++) {
		Node *clause = body->block.stmts.data[i];
		if (clause->kind != ND_CASE_CLAUSE)
			continue;
		Vec *cases = &clause->case_clause.list;
		Type *T = check_case_types(sx, cases, &seen_types, &seen_nodes);
		clause->case_clause.scope = check_open_scope();
		Object *obj = NULL;
		if (lhs) {
			if (cases->len != 1 || !T)
				T = x.type;
			obj = check_new_local_var(lhs->ident.name, lhs->pos, T, s);
			check_declare(ck->env.scope, NULL, obj);
			vec_push(&lhs_vars, obj);
		}
		vec_push(&s->type_switch.clause_objs, obj);
		check_stmt_list(0, &clause->case_clause.body);
		check_close_scope();
	}
	if (lhs) {
		lhs->ident.obj = NULL;
		bool used = false;
		for (int i = 0; i < lhs_vars.len; i++) {
			Object *v = lhs_vars.data[i];
			used |= v->used;
			v->used = true;
		}
		if (!used)
			check_errorf(lhs->pos, "%s declared but not used", lhs->ident.name);
	}
	check_close_scope();
}

/* ---- select ---------------------------------------------------------------------------------- */

static bool check_is_recv(Node *e)
{
	e = check_unparen(e);
	return e && e->kind == ND_UNARY && e->unary.op == TOK_ARROW;
}

static void check_select_stmt(Node *s)
{
	Node *body = s->select_stmt.body;
	check_multiple_defaults(body, true);
	for (int i = 0; body && i < body->block.stmts.len; i++) {
		Node *clause = body->block.stmts.data[i];
		if (clause->kind != ND_COMM_CLAUSE)
			continue;
		Node *comm = clause->comm_clause.comm;
		bool valid = !comm || comm->kind == ND_SEND_STMT ||
			     (comm->kind == ND_ASSIGN_STMT && comm->assign.rhs.len == 1 && check_is_recv(comm->assign.rhs.data[0]) &&
			      (comm->assign.tok == TOK_ASSIGN || comm->assign.tok == TOK_DEFINE)) ||
			     (comm->kind == ND_EXPR_STMT && check_is_recv(comm->expr_stmt.x));
		if (!valid) {
			Pos at = comm->kind == ND_EXPR_STMT ? check_syntax_pos(comm->expr_stmt.x) : check_expr_start(comm);
			check_errorf(at, "select case must be send or receive (possibly with assignment)");
			continue;
		}
		check_open_scope();
		if (comm)
			check_stmt(comm);
		check_stmt_list(0, &clause->comm_clause.body);
		check_close_scope();
	}
}

/* ---- range ----------------------------------------------------------------------------------- */

static void check_range_key_val(Type *t, Type **key, Type **val)
{
	*key = *val = NULL;
	Type *u = check_under(t);
	if (u->kind == TY_POINTER && check_under(u->pointer.elem)->kind == TY_ARRAY)
		u = check_under(u->pointer.elem);
	switch (u->kind) {
	case TY_STRING: case TY_UNTYPED_STRING:
		*key = type_basic(TY_INT);
		*val = type_rune();
		break;
	case TY_ARRAY: case TY_SLICE:
		*key = type_basic(TY_INT);
		*val = u->array.elem;
		break;
	case TY_MAP:
		*key = u->map.key;
		*val = u->map.value;
		break;
	case TY_CHAN:
		*key = u->chan.elem;
		*val = ty_invalid;
		break;
	default:
		break;
	}
}

static void check_range_define(Node *s, Node **lhs, Type **rhs)
{
	Vec vars = {0};
	for (int i = 0; i < 2; i++) {
		Node *e = lhs[i];
		if (!e)
			continue;
		Object *obj;
		if (e->kind == ND_IDENT) {
			obj = check_new_local_var(e->ident.name, e->pos, NULL, s);
			e->ident.obj = strcmp(e->ident.name, "_") ? obj : NULL;
			if (strcmp(e->ident.name, "_") != 0)
				vec_push(&vars, obj);
		} else {
			check_errorf(check_expr_start(e), "cannot declare %s", check_ex_str(e));
			obj = check_new_local_var(intern("_", 1), e->pos, NULL, s);
		}
		if (rhs[i]) {
			Operand x = {MODE_VALUE, e, rhs[i], NULL, BI_NONE};
			check_init_var(obj, &x, "range clause");
			e->mode = MODE_VARIABLE;
			e->type = obj->type;
		} else {
			obj->type = ty_invalid;
			obj->used = true;
		}
	}
	if (vars.len == 0) {
		check_errorf(s->pos, "no new variables on left side of :=");
		return;
	}
	for (int i = 0; i < vars.len; i++) {
		check_declare(ck->env.scope, NULL, vars.data[i]);
		check_note_local(vars.data[i]);
	}
}

static void check_range_stmt(Node *s)
{
	Node *skey = s->range_stmt.key, *sval = s->range_stmt.value;
	Operand x;
	check_expr(&x, s->range_stmt.x);
	Type *key = NULL, *val = NULL;
	if (x.mode != MODE_INVALID) {
		const char *cause = NULL;
		Type *u = check_under(x.type);
		if (u->kind == TY_CHAN) {
			if (sval)
				check_errorf(check_expr_start(sval), "range over %s permits only one iteration variable", check_op_str(&x));
			if (u->chan.dir == CHAN_SEND)
				cause = "receive from send-only channel";
		} else if (s->range_stmt.extra) {
			check_errorf(check_expr_start(s->range_stmt.extra),
					  "range clause permits at most two iteration variables");
		}
		check_range_key_val(x.type, &key, &val);
		if (!key || cause) {
			if (!cause)
				check_errorf(check_op_pos(&x), "cannot range over %s", check_op_str(&x));
			else
				check_errorf(check_op_pos(&x), "cannot range over %s (%s)", check_op_str(&x), cause);
		}
		if (type_is_untyped(x.type))
			check_update_expr_type(x.expr, type_default(x.type), true);
	}
	check_open_scope();
	Node *lhs[2] = {skey, sval};
	Type *rhs[2] = {key, val};
	if (s->range_stmt.tok == TOK_DEFINE) {
		check_range_define(s, lhs, rhs);
	} else if (s->range_stmt.tok == TOK_ASSIGN) {
		for (int i = 0; i < 2; i++) {
			if (!lhs[i] || !rhs[i])
				continue;
			Operand v = {MODE_VALUE, lhs[i], rhs[i], NULL, BI_NONE};
			check_assign_var(lhs[i], &v);
		}
	}
	if (s->range_stmt.body)
		check_stmt(s->range_stmt.body);
	check_close_scope();
}

/* ---- the dispatch ---------------------------------------------------------------------------- */

static void check_stmt(Node *s)
{
	if (!s)
		return;
	int top = ck->delayed.len;
	diag_set_current(s->pos);
	switch (s->kind) {
	case ND_EMPTY_STMT: case ND_BAD: break;
	case ND_DECL_STMT: check_decl_stmt(s->decl_stmt.decl); break;
	case ND_LABELED_STMT:
		ck->env.has_label = true;
		check_stmt(s->labeled.stmt);
		break;
	case ND_EXPR_STMT: check_expr_stmt(s); break;
	case ND_SEND_STMT: check_send_stmt(s); break;
	case ND_INCDEC_STMT: check_incdec_stmt(s); break;
	case ND_ASSIGN_STMT: check_assign_stmt(s); break;
	case ND_GO_STMT: case ND_DEFER_STMT: check_go_defer_stmt(s); break;
	case ND_RETURN_STMT: check_return_stmt(s); break;
	case ND_BRANCH_STMT:
		if (s->branch.label)
			ck->env.has_label = true;
		break;
	case ND_BLOCK: check_block_stmt(s); break;
	case ND_IF_STMT: check_if_stmt(s); break;
	case ND_SWITCH_STMT: check_switch_stmt(s); break;
	case ND_TYPE_SWITCH_STMT: check_type_switch_stmt(s); break;
	case ND_SELECT_STMT: check_select_stmt(s); break;
	case ND_FOR_STMT: check_for_stmt(s); break;
	case ND_RANGE_STMT: check_range_stmt(s); break;
	default:
		check_errorf(s->pos, "invalid statement");
		break;
	}
	check_process_delayed(top);
}

void check_stmt_list(int ctxt, Vec *list)
{
	(void)ctxt;
	for (int i = 0; list && i < list->len; i++)
		check_stmt(list->data[i]);
}

/* ---- terminating statements (go/types return.go) ---------------------------------------------- */

static bool check_has_break(Node *s, const char *label, bool implicit);

static bool check_has_break_list(Vec *list, const char *label, bool implicit)
{
	for (int i = 0; list && i < list->len; i++)
		if (check_has_break(list->data[i], label, implicit))
			return true;
	return false;
}

static bool check_has_break_clauses(Node *body, const char *label, bool implicit)
{
	for (int i = 0; body && i < body->block.stmts.len; i++) {
		Node *c = body->block.stmts.data[i];
		Vec *b = c->kind == ND_CASE_CLAUSE ? &c->case_clause.body : &c->comm_clause.body;
		if (check_has_break_list(b, label, implicit))
			return true;
	}
	return false;
}

static bool check_has_break(Node *s, const char *label, bool implicit)
{
	if (!s)
		return false;
	switch (s->kind) {
	case ND_LABELED_STMT: return check_has_break(s->labeled.stmt, label, implicit);
	case ND_BRANCH_STMT:
		if (s->branch.tok == TOK_BREAK) {
			if (!s->branch.label)
				return implicit;
			if (label && s->branch.label->ident.name == label)
				return true;
		}
		return false;
	case ND_BLOCK: return check_has_break_list(&s->block.stmts, label, implicit);
	case ND_IF_STMT:
		return check_has_break(s->if_stmt.then, label, implicit) || check_has_break(s->if_stmt.els, label, implicit);
	case ND_SWITCH_STMT:
		return label && check_has_break_clauses(s->switch_stmt.body, label, false);
	case ND_TYPE_SWITCH_STMT:
		return label && check_has_break_clauses(s->type_switch.body, label, false);
	case ND_SELECT_STMT:
		return label && check_has_break_clauses(s->select_stmt.body, label, false);
	case ND_FOR_STMT:
		return label && check_has_break(s->for_stmt.body, label, false);
	case ND_RANGE_STMT:
		return label && check_has_break(s->range_stmt.body, label, false);
	default:
		return false;
	}
}

static bool check_is_terminating_list(Vec *list, const char *label)
{
	for (int i = list ? list->len - 1 : -1; i >= 0; i--) {
		Node *s = list->data[i];
		if (s->kind != ND_EMPTY_STMT)
			return check_is_terminating(s, label);
	}
	return false;
}

static bool check_is_terminating_switch(Node *body, const char *label)
{
	bool has_default = false;
	for (int i = 0; body && i < body->block.stmts.len; i++) {
		Node *cc = body->block.stmts.data[i];
		if (cc->kind != ND_CASE_CLAUSE)
			continue;
		if (cc->case_clause.list.len == 0)
			has_default = true;
		if (!check_is_terminating_list(&cc->case_clause.body, NULL) || check_has_break_list(&cc->case_clause.body, label, true))
			return false;
	}
	return has_default;
}

bool check_is_terminating(Node *s, const char *label)
{
	if (!s)
		return false;
	switch (s->kind) {
	case ND_LABELED_STMT:
		return check_is_terminating(s->labeled.stmt, s->labeled.label ? s->labeled.label->ident.name : NULL);
	case ND_EXPR_STMT: {
		Node *call = check_unparen(s->expr_stmt.x);
		return call && call->kind == ND_CALL && call->call.call_kind == CALL_BUILTIN &&
		       call->call.builtin == BI_PANIC;
	}
	case ND_RETURN_STMT: return true;
	case ND_BRANCH_STMT: return s->branch.tok == TOK_GOTO || s->branch.tok == TOK_FALLTHROUGH;
	case ND_BLOCK: return check_is_terminating_list(&s->block.stmts, NULL);
	case ND_IF_STMT:
		return s->if_stmt.els && check_is_terminating(s->if_stmt.then, NULL) && check_is_terminating(s->if_stmt.els, NULL);
	case ND_SWITCH_STMT: return check_is_terminating_switch(s->switch_stmt.body, label);
	case ND_TYPE_SWITCH_STMT: return check_is_terminating_switch(s->type_switch.body, label);
	case ND_SELECT_STMT: {
		Node *body = s->select_stmt.body;
		for (int i = 0; body && i < body->block.stmts.len; i++) {
			Node *cc = body->block.stmts.data[i];
			if (!check_is_terminating_list(&cc->comm_clause.body, NULL) || check_has_break_list(&cc->comm_clause.body, label, true))
				return false;
		}
		return true;
	}
	case ND_FOR_STMT:
		return !s->for_stmt.cond && !check_has_break(s->for_stmt.body, label, true);
	default:
		return false;
	}
}

/* ---- function bodies ------------------------------------------------------------------------- */

static int check_cmp_obj_pos(const void *a, const void *b)
{
	return pos_cmp((*(Object *const *)a)->pos, (*(Object *const *)b)->pos);
}

static void check_usage(Object *fn)
{
	ObjInfo *info = check_obj_info(fn);
	Vec unused = {0};
	for (int i = 0; i < info->locals.len; i++) {
		Object *v = info->locals.data[i];
		if (!v->used && v->scope) /* not redeclared (go/types looks at the scopes) */
			vec_push(&unused, v);
	}
	vec_sort(&unused, check_cmp_obj_pos);
	for (int i = 0; i < unused.len; i++) {
		Object *v = unused.data[i];
		check_errorf(v->pos, "%s declared but not used", v->name);
	}
}

void check_func_body(Object *fn, Type *sig, Node *body, ConstValue *iota)
{
	if (!body || body->kind != ND_BLOCK)
		return;
	ObjInfo *info = check_obj_info(fn);
	Scope *scope = info->fscope;
	if (!scope) {
		scope = scope_new(ck->env.scope, fn);
		scope->is_func = true;
		info->fscope = scope;
	}
	Env saved = ck->env;
	ck->env.scope = scope;
	ck->env.iota = iota;
	ck->env.errpos = nopos;
	ck->env.sig = sig;
	ck->env.func = fn;
	ck->env.has_label = false;
	ck->env.has_call_or_recv = false;
	body->block.scope = scope;
	check_stmt_list(0, &body->block.stmts); /* labels and branches: parse_check_branches */
	if (sig && sig->kind == TY_FUNC && sig->func.nresults > 0 && !check_is_terminating(body, NULL))
		check_errorf(body->block.rbrace, "missing return");
	check_usage(fn);
	ck->env = saved;
}
