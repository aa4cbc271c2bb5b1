/*
 * check_stmt.c: function bodies and statements (go/types stmt.go, return.go).
 *
 * A body is checked in its function's scope (parameters and results live there, so redeclaring a
 * parameter at the top level of the body is an error); each block, if/for/switch statement and
 * case clause opens a scope. Function literals met inside a statement are checked at the end of
 * that statement (process_delayed), before later declarations can change the scopes they see.
 * After the body: a function with results must end in a terminating statement, and locals never
 * used are reported. (Labels and branch targets were resolved by the parser: parse_branches.c.)
 */
#include "check.h"

#include <stdlib.h>
#include <string.h>

static void stmt(Node *s);

/* ---- scopes ---------------------------------------------------------------------------------- */

static Scope *open_scope(void)
{
	Scope *s = scope_new(ck->env.scope, ck->env.func);
	ck->env.scope = s;
	return s;
}

static void close_scope(void)
{
	ck->env.scope = ck->env.scope->parent;
}

static void note_local(Object *v)
{
	if (ck->env.func && strcmp(v->name, "_") != 0)
		vec_push(&obj_info(ck->env.func)->locals, v);
}

static Object *new_local_var(const char *name, Pos pos, Type *type, Node *decl)
{
	Object *v = object_new(OBJ_VAR, name, pos, type);
	v->owner = ck->env.func;
	v->decl = decl;
	return v;
}

/* ---- simple statements ----------------------------------------------------------------------- */

static void expr_stmt(Node *s)
{
	Operand x;
	ExprKind kind = raw_expr(&x, s->expr_stmt.x, NULL);
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
	check_errorf(op_pos(&x), "%s %s", op_str(&x), msg);
}

static void send_stmt(Node *s)
{
	Operand ch, val;
	check_expr(&ch, s->send.chan);
	check_expr(&val, s->send.value);
	if (ch.mode == MODE_INVALID || val.mode == MODE_INVALID)
		return;
	Type *u = under(ch.type);
	Pos at = expr_start(s->send.chan);
	if (u->kind != TY_CHAN) {
		check_errorf(at, "invalid operation: cannot send to non-channel %s", op_str(&ch));
		return;
	}
	if (u->chan.dir == CHAN_RECV) {
		check_errorf(at, "invalid operation: cannot send to receive-only channel %s", op_str(&ch));
		return;
	}
	check_assignment(&val, u->chan.elem, "send");
}

static void incdec_stmt(Node *s)
{
	Operand x;
	Node *lhs = s->incdec.x;
	check_expr(&x, lhs);
	if (x.mode == MODE_INVALID)
		return;
	if (!type_is_numeric(x.type)) {
		const char *op = s->incdec.tok == TOK_INC ? "+" : "-";
		check_errorf(expr_start(lhs), "invalid operation: %s%s%s (non-numeric type %s)", ex_str(lhs), op, op,
			     ty_str(x.type));
		return;
	}
	assign_var(lhs, &x);
}

static TokenKind binary_op_of(TokenKind assign_op)
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

static void assign_stmt(Node *s)
{
	Vec *lhs = &s->assign.lhs, *rhs = &s->assign.rhs;
	switch (s->assign.tok) {
	case TOK_ASSIGN:
		assign_vars(lhs, rhs);
		return;
	case TOK_DEFINE:
		short_var_decl(s, lhs, rhs);
		return;
	default:
		break;
	}
	TokenKind op = binary_op_of(s->assign.tok);
	if (lhs->len != 1 || rhs->len != 1) {
		check_errorf(stmt_op_pos(s), "assignment operation %s requires single-valued expressions",
			     token_spelling(s->assign.tok));
		return;
	}
	Operand x;
	check_binary(&x, NULL, lhs->data[0], rhs->data[0], op);
	assign_var(lhs->data[0], &x);
}

static void go_defer_stmt(Node *s)
{
	const char *keyword = s->kind == ND_GO_STMT ? "go" : "defer";
	if (s->kind == ND_DEFER_STMT && ck->env.func)
		ck->env.func->has_defer = true;
	Node *call = s->go_defer.call;
	if (!call)
		return;
	Operand x;
	ExprKind kind = raw_expr(&x, call, NULL);
	const char *msg;
	if (unparen(call)->kind != ND_CALL) {
		if (x.mode != MODE_INVALID)
			check_errorf(expr_start(call), "expression in %s must be function call", keyword);
		return;
	}
	switch (kind) {
	case EK_CONVERSION: msg = "requires function call, not conversion"; break;
	case EK_EXPRESSION: msg = "discards result of"; break;
	default: return;
	}
	check_errorf(op_pos(&x), "%s %s %s", keyword, msg, op_str(&x));
}

static bool results_named(Object *fn)
{
	if (!fn || fn->results.len == 0)
		return false;
	Object *r = fn->results.data[0];
	return strncmp(r->name, "~r", 2) != 0;
}

static void return_stmt(Node *s)
{
	Object *fn = ck->env.func;
	Vec *results = &s->return_stmt.results;
	int nres = fn ? fn->results.len : 0;
	if (results->len == 0 && nres > 0 && results_named(fn)) {
		for (int i = 0; i < nres; i++) {
			Object *r = fn->results.data[i];
			Object *alt = lookup(r->name);
			if (alt && alt != r)
				check_errorf(s->pos, "result parameter %s not in scope at return\n\t%s: inner declaration of %s %s %s",
					     r->name, pos_str(alt->pos), obj_kind_str(alt), alt->name, alt->type ? ty_str(alt->type) : "");
		}
		return;
	}
	Object **lhs = fn ? (Object **)fn->results.data : NULL;
	init_vars(lhs, nres, results, s);
}

/* ---- if, for, blocks ------------------------------------------------------------------------- */

static void cond_expr(Node *cond, const char *what)
{
	if (!cond)
		return;
	Operand x;
	check_expr(&x, cond);
	if (x.mode != MODE_INVALID && !type_is_boolean(x.type))
		check_errorf(expr_start(cond), "non-boolean condition in %s statement", what);
}

static void block_stmt(Node *s)
{
	s->block.scope = open_scope();
	check_stmt_list(0, &s->block.stmts);
	close_scope();
}

static void if_stmt(Node *s)
{
	open_scope();
	if (s->if_stmt.init)
		stmt(s->if_stmt.init);
	cond_expr(s->if_stmt.cond, "if");
	if (s->if_stmt.then)
		stmt(s->if_stmt.then);
	if (s->if_stmt.els)
		stmt(s->if_stmt.els);
	close_scope();
}

static void for_stmt(Node *s)
{
	open_scope();
	if (s->for_stmt.init)
		stmt(s->for_stmt.init);
	cond_expr(s->for_stmt.cond, "for");
	Node *post = s->for_stmt.post;
	if (post)
		stmt(post);
	if (s->for_stmt.body)
		stmt(s->for_stmt.body);
	close_scope();
}

/* ---- switch ---------------------------------------------------------------------------------- */

typedef struct CaseSeen {
	ConstValue *val;
	Type *type;
	Pos pos;
} CaseSeen;

static bool dup_value(CaseSeen *c, Operand *v)
{
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

static void case_values(Operand *x, Vec *values, HashIndex *seen)
{
	for (int i = 0; i < values->len; i++) {
		Operand v;
		check_expr(&v, values->data[i]);
		if (x->mode == MODE_INVALID || v.mode == MODE_INVALID)
			continue;
		convert_untyped(&v, x->type);
		if (v.mode == MODE_INVALID)
			continue;
		Operand res = v;
		check_comparison(&res, x, TOK_EQL, true);
		if (res.mode == MODE_INVALID || v.mode != MODE_CONST || !v.val)
			continue;
		ConstKind k = const_kind(v.val);
		if (k != CONST_INT && k != CONST_FLOAT && k != CONST_STRING)
			continue;
		bool dup = false;
		uint64_t h = const_hash(v.val);
		CaseSeen *c;
		for (int cur = -1; !dup && (c = hash_index_next(seen, h, &cur));) {
			if (dup_value(c, &v)) {
				check_errorf(op_pos(&v), "duplicate case %s in expression switch\n\t%s: previous case", op_str(&v),
					     pos_str(c->pos));
				dup = true;
			}
		}
		if (dup)
			continue;
		c = xnew(CaseSeen);
		c->val = v.val;
		c->type = v.type;
		c->pos = syntax_pos(v.expr);
		hash_index_add(seen, h, c);
	}
}

static void multiple_defaults(Node *body, bool comm)
{
	Node *first = NULL;
	for (int i = 0; body && i < body->block.stmts.len; i++) {
		Node *c = body->block.stmts.data[i];
		bool is_default = comm ? (c->kind == ND_COMM_CLAUSE && !c->comm_clause.comm)
				       : (c->kind == ND_CASE_CLAUSE && c->case_clause.list.len == 0);
		if (!is_default)
			continue;
		if (first)
			check_errorf(c->pos, "multiple defaults (first at %s)", pos_str(first->pos));
		else
			first = c;
	}
}

static void switch_stmt(Node *s)
{
	open_scope();
	if (s->switch_stmt.init)
		stmt(s->switch_stmt.init);
	Operand x;
	Node *body = s->switch_stmt.body;
	if (s->switch_stmt.tag) {
		check_expr(&x, s->switch_stmt.tag);
		check_assignment(&x, NULL, "switch expression");
		if (x.mode != MODE_INVALID && !type_is_comparable(x.type) && !has_nil(x.type)) {
			check_errorf(op_pos(&x), "cannot switch on %s (%s is not comparable)", op_str(&x), ty_str(x.type));
			x.mode = MODE_INVALID;
		}
	} else {
		Pos pos = body && body->block.stmts.len ? ((Node *)body->block.stmts.data[0])->pos :
			  body ? body->block.rbrace : s->pos;
		Node *t = node_new(ND_IDENT, pos);
		t->ident.name = intern("true", 4);
		x = (Operand){MODE_CONST, t, type_basic(TY_BOOL), const_bool(true), BI_NONE};
	}
	multiple_defaults(body, false);
	HashIndex seen = {0}; /* CaseSeen* */
	for (int i = 0; body && i < body->block.stmts.len; i++) {
		Node *clause = body->block.stmts.data[i];
		if (clause->kind != ND_CASE_CLAUSE)
			continue;
		case_values(&x, &clause->case_clause.list, &seen);
		clause->case_clause.scope = open_scope();
		check_stmt_list(0, &clause->case_clause.body);
		close_scope();
	}
	close_scope();
}

/* ---- type switch ----------------------------------------------------------------------------- */

static bool is_nil_expr(Node *e)
{
	e = unparen(e);
	if (!e || e->kind != ND_IDENT)
		return false;
	Object *o = lookup(e->ident.name);
	return o && o->kind == OBJ_NIL;
}

static Type *case_types(Operand *x, Vec *types, Vec *seen_types, Vec *seen_nodes)
{
	Type *T = NULL;
	for (int i = 0; i < types->len; i++) {
		Node *e = types->data[i];
		if (is_nil_expr(e)) {
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
				check_errorf(expr_start(e), "duplicate case %s in type switch\n\t%s: previous case",
					     T ? ty_str(T) : "nil", pos_str(expr_start(seen_nodes->data[j])));
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

static void type_switch_stmt(Node *s)
{
	open_scope();
	if (s->type_switch.init)
		stmt(s->type_switch.init);
	Node *guard = s->type_switch.assign;
	Node *lhs = NULL, *assert_node = NULL;
	if (guard && guard->kind == ND_ASSIGN_STMT && guard->assign.lhs.len == 1 && guard->assign.rhs.len == 1) {
		lhs = guard->assign.lhs.data[0];
		assert_node = guard->assign.rhs.data[0];
	} else if (guard && guard->kind == ND_EXPR_STMT) {
		assert_node = guard->expr_stmt.x;
	}
	assert_node = unparen(assert_node);
	if (!assert_node || assert_node->kind != ND_TYPE_ASSERT) {
		close_scope();
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
		close_scope();
		return;
	}
	assert_node->mode = MODE_VALUE;
	assert_node->type = x.type;
	Operand *sx = NULL;
	if (is_interface(x.type))
		sx = &x;
	else
		check_errorf(op_pos(&x), "%s is not an interface", op_str(&x));
	Node *body = s->type_switch.body;
	multiple_defaults(body, false);
	Vec lhs_vars = {0}, seen_types = {0}, seen_nodes = {0};
	for (int i = 0; body && i < body->block.stmts.len; i++) {
		Node *clause = body->block.stmts.data[i];
		if (clause->kind != ND_CASE_CLAUSE)
			continue;
		Vec *cases = &clause->case_clause.list;
		Type *T = case_types(sx, cases, &seen_types, &seen_nodes);
		clause->case_clause.scope = open_scope();
		Object *obj = NULL;
		if (lhs) {
			if (cases->len != 1 || !T)
				T = x.type;
			obj = new_local_var(lhs->ident.name, lhs->pos, T, s);
			declare(ck->env.scope, NULL, obj);
			vec_push(&lhs_vars, obj);
		}
		vec_push(&s->type_switch.clause_objs, obj);
		check_stmt_list(0, &clause->case_clause.body);
		close_scope();
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
	close_scope();
}

/* ---- select ---------------------------------------------------------------------------------- */

static bool is_recv(Node *e)
{
	e = unparen(e);
	return e && e->kind == ND_UNARY && e->unary.op == TOK_ARROW;
}

static void select_stmt(Node *s)
{
	Node *body = s->select_stmt.body;
	multiple_defaults(body, true);
	for (int i = 0; body && i < body->block.stmts.len; i++) {
		Node *clause = body->block.stmts.data[i];
		if (clause->kind != ND_COMM_CLAUSE)
			continue;
		Node *comm = clause->comm_clause.comm;
		bool valid = !comm || comm->kind == ND_SEND_STMT ||
			     (comm->kind == ND_ASSIGN_STMT && comm->assign.rhs.len == 1 && is_recv(comm->assign.rhs.data[0]) &&
			      (comm->assign.tok == TOK_ASSIGN || comm->assign.tok == TOK_DEFINE)) ||
			     (comm->kind == ND_EXPR_STMT && is_recv(comm->expr_stmt.x));
		if (!valid) {
			Pos at = comm->kind == ND_EXPR_STMT ? syntax_pos(comm->expr_stmt.x) : expr_start(comm);
			check_errorf(at, "select case must be send or receive (possibly with assignment)");
			continue;
		}
		open_scope();
		if (comm)
			stmt(comm);
		check_stmt_list(0, &clause->comm_clause.body);
		close_scope();
	}
}

/* ---- range ----------------------------------------------------------------------------------- */

static void range_key_val(Type *t, Type **key, Type **val)
{
	*key = *val = NULL;
	Type *u = under(t);
	if (u->kind == TY_POINTER && under(u->pointer.elem)->kind == TY_ARRAY)
		u = under(u->pointer.elem);
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

static void range_define(Node *s, Node **lhs, Type **rhs)
{
	Vec vars = {0};
	for (int i = 0; i < 2; i++) {
		Node *e = lhs[i];
		if (!e)
			continue;
		Object *obj;
		if (e->kind == ND_IDENT) {
			obj = new_local_var(e->ident.name, e->pos, NULL, s);
			e->ident.obj = strcmp(e->ident.name, "_") ? obj : NULL;
			if (strcmp(e->ident.name, "_") != 0)
				vec_push(&vars, obj);
		} else {
			check_errorf(expr_start(e), "cannot declare %s", ex_str(e));
			obj = new_local_var(intern("_", 1), e->pos, NULL, s);
		}
		if (rhs[i]) {
			Operand x = {MODE_VALUE, e, rhs[i], NULL, BI_NONE};
			init_var(obj, &x, "range clause");
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
		declare(ck->env.scope, NULL, vars.data[i]);
		note_local(vars.data[i]);
	}
}

static void range_stmt(Node *s)
{
	Node *skey = s->range_stmt.key, *sval = s->range_stmt.value;
	Operand x;
	check_expr(&x, s->range_stmt.x);
	Type *key = NULL, *val = NULL;
	if (x.mode != MODE_INVALID) {
		const char *cause = NULL;
		Type *u = under(x.type);
		if (u->kind == TY_CHAN) {
			if (sval)
				check_errorf(expr_start(sval), "range over %s permits only one iteration variable", op_str(&x));
			if (u->chan.dir == CHAN_SEND)
				cause = "receive from send-only channel";
		} else if (s->range_stmt.extra) {
			check_errorf(expr_start(s->range_stmt.extra),
					  "range clause permits at most two iteration variables");
		}
		range_key_val(x.type, &key, &val);
		if (!key || cause) {
			if (!cause)
				check_errorf(op_pos(&x), "cannot range over %s", op_str(&x));
			else
				check_errorf(op_pos(&x), "cannot range over %s (%s)", op_str(&x), cause);
		}
		if (type_is_untyped(x.type))
			update_expr_type(x.expr, type_default(x.type), true);
	}
	open_scope();
	Node *lhs[2] = {skey, sval};
	Type *rhs[2] = {key, val};
	if (s->range_stmt.tok == TOK_DEFINE) {
		range_define(s, lhs, rhs);
	} else if (s->range_stmt.tok == TOK_ASSIGN) {
		for (int i = 0; i < 2; i++) {
			if (!lhs[i] || !rhs[i])
				continue;
			Operand v = {MODE_VALUE, lhs[i], rhs[i], NULL, BI_NONE};
			assign_var(lhs[i], &v);
		}
	}
	if (s->range_stmt.body)
		stmt(s->range_stmt.body);
	close_scope();
}

/* ---- the dispatch ---------------------------------------------------------------------------- */

static void stmt(Node *s)
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
		stmt(s->labeled.stmt);
		break;
	case ND_EXPR_STMT: expr_stmt(s); break;
	case ND_SEND_STMT: send_stmt(s); break;
	case ND_INCDEC_STMT: incdec_stmt(s); break;
	case ND_ASSIGN_STMT: assign_stmt(s); break;
	case ND_GO_STMT: case ND_DEFER_STMT: go_defer_stmt(s); break;
	case ND_RETURN_STMT: return_stmt(s); break;
	case ND_BRANCH_STMT:
		if (s->branch.label)
			ck->env.has_label = true;
		break;
	case ND_BLOCK: block_stmt(s); break;
	case ND_IF_STMT: if_stmt(s); break;
	case ND_SWITCH_STMT: switch_stmt(s); break;
	case ND_TYPE_SWITCH_STMT: type_switch_stmt(s); break;
	case ND_SELECT_STMT: select_stmt(s); break;
	case ND_FOR_STMT: for_stmt(s); break;
	case ND_RANGE_STMT: range_stmt(s); break;
	default:
		check_errorf(s->pos, "invalid statement");
		break;
	}
	process_delayed(top);
}

void check_stmt_list(int ctxt, Vec *list)
{
	(void)ctxt;
	for (int i = 0; list && i < list->len; i++)
		stmt(list->data[i]);
}

/* ---- terminating statements (go/types return.go) ---------------------------------------------- */

static bool has_break(Node *s, const char *label, bool implicit);

static bool has_break_list(Vec *list, const char *label, bool implicit)
{
	for (int i = 0; list && i < list->len; i++)
		if (has_break(list->data[i], label, implicit))
			return true;
	return false;
}

static bool has_break_clauses(Node *body, const char *label, bool implicit)
{
	for (int i = 0; body && i < body->block.stmts.len; i++) {
		Node *c = body->block.stmts.data[i];
		Vec *b = c->kind == ND_CASE_CLAUSE ? &c->case_clause.body : &c->comm_clause.body;
		if (has_break_list(b, label, implicit))
			return true;
	}
	return false;
}

static bool has_break(Node *s, const char *label, bool implicit)
{
	if (!s)
		return false;
	switch (s->kind) {
	case ND_LABELED_STMT: return has_break(s->labeled.stmt, label, implicit);
	case ND_BRANCH_STMT:
		if (s->branch.tok == TOK_BREAK) {
			if (!s->branch.label)
				return implicit;
			if (label && s->branch.label->ident.name == label)
				return true;
		}
		return false;
	case ND_BLOCK: return has_break_list(&s->block.stmts, label, implicit);
	case ND_IF_STMT:
		return has_break(s->if_stmt.then, label, implicit) || has_break(s->if_stmt.els, label, implicit);
	case ND_SWITCH_STMT:
		return label && has_break_clauses(s->switch_stmt.body, label, false);
	case ND_TYPE_SWITCH_STMT:
		return label && has_break_clauses(s->type_switch.body, label, false);
	case ND_SELECT_STMT:
		return label && has_break_clauses(s->select_stmt.body, label, false);
	case ND_FOR_STMT:
		return label && has_break(s->for_stmt.body, label, false);
	case ND_RANGE_STMT:
		return label && has_break(s->range_stmt.body, label, false);
	default:
		return false;
	}
}

static bool is_terminating_list(Vec *list, const char *label)
{
	for (int i = list ? list->len - 1 : -1; i >= 0; i--) {
		Node *s = list->data[i];
		if (s->kind != ND_EMPTY_STMT)
			return is_terminating(s, label);
	}
	return false;
}

static bool is_terminating_switch(Node *body, const char *label)
{
	bool has_default = false;
	for (int i = 0; body && i < body->block.stmts.len; i++) {
		Node *cc = body->block.stmts.data[i];
		if (cc->kind != ND_CASE_CLAUSE)
			continue;
		if (cc->case_clause.list.len == 0)
			has_default = true;
		if (!is_terminating_list(&cc->case_clause.body, NULL) || has_break_list(&cc->case_clause.body, label, true))
			return false;
	}
	return has_default;
}

bool is_terminating(Node *s, const char *label)
{
	if (!s)
		return false;
	switch (s->kind) {
	case ND_LABELED_STMT:
		return is_terminating(s->labeled.stmt, s->labeled.label ? s->labeled.label->ident.name : NULL);
	case ND_EXPR_STMT: {
		Node *call = unparen(s->expr_stmt.x);
		return call && call->kind == ND_CALL && call->call.call_kind == CALL_BUILTIN &&
		       call->call.builtin == BI_PANIC;
	}
	case ND_RETURN_STMT: return true;
	case ND_BRANCH_STMT: return s->branch.tok == TOK_GOTO || s->branch.tok == TOK_FALLTHROUGH;
	case ND_BLOCK: return is_terminating_list(&s->block.stmts, NULL);
	case ND_IF_STMT:
		return s->if_stmt.els && is_terminating(s->if_stmt.then, NULL) && is_terminating(s->if_stmt.els, NULL);
	case ND_SWITCH_STMT: return is_terminating_switch(s->switch_stmt.body, label);
	case ND_TYPE_SWITCH_STMT: return is_terminating_switch(s->type_switch.body, label);
	case ND_SELECT_STMT: {
		Node *body = s->select_stmt.body;
		for (int i = 0; body && i < body->block.stmts.len; i++) {
			Node *cc = body->block.stmts.data[i];
			if (!is_terminating_list(&cc->comm_clause.body, NULL) || has_break_list(&cc->comm_clause.body, label, true))
				return false;
		}
		return true;
	}
	case ND_FOR_STMT:
		return !s->for_stmt.cond && !has_break(s->for_stmt.body, label, true);
	default:
		return false;
	}
}

/* ---- function bodies ------------------------------------------------------------------------- */

static int cmp_obj_pos(const void *a, const void *b)
{
	return pos_cmp((*(Object *const *)a)->pos, (*(Object *const *)b)->pos);
}

static void usage(Object *fn)
{
	ObjInfo *info = obj_info(fn);
	Vec unused = {0};
	for (int i = 0; i < info->locals.len; i++) {
		Object *v = info->locals.data[i];
		if (!v->used && v->scope) /* not redeclared (go/types looks at the scopes) */
			vec_push(&unused, v);
	}
	if (unused.len > 1)
		qsort(unused.data, unused.len, sizeof(void *), cmp_obj_pos);
	for (int i = 0; i < unused.len; i++) {
		Object *v = unused.data[i];
		check_errorf(v->pos, "%s declared but not used", v->name);
	}
}

void check_func_body(Object *fn, Type *sig, Node *body, ConstValue *iota)
{
	if (!body || body->kind != ND_BLOCK)
		return;
	ObjInfo *info = obj_info(fn);
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
	if (sig && sig->kind == TY_FUNC && sig->func.nresults > 0 && !is_terminating(body, NULL))
		check_errorf(body->block.rbrace, "missing return");
	usage(fn);
	ck->env = saved;
}
