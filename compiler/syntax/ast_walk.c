/*
 * ast_walk.c: the one generic walk over the syntax tree.
 *
 * In: a Node and a visitor (pre and post callbacks). Out: the callbacks, called on every node of
 * the subtree in source order. The one idea: the children of each node kind are enumerated here and
 * nowhere else, so a pass that only needs "every identifier under this body" (capture analysis,
 * label search, untyped finalization) is a visitor of a few lines, and a new node kind or field is
 * added to one switch. Passes whose traversal depends on context (escape analysis, evaluation
 * order, the checker itself) keep their own recursion: the order and the context are their logic.
 *
 * Children are visited in source order: for `x[i] = f(y)` the ND_ASSIGN_STMT, then x[i], x, i, then
 * f(y), f, y. Type expressions are children like any other (a visitor that wants only values
 * returns false from pre on them). Function literal bodies are children of the literal.
 */
#include "ast.h"

static void walk_vec(Vec *v, const AstVisitor *vis)
{
	for (int i = 0; i < v->len; i++)
		ast_walk(v->data[i], vis);
}

static void walk_expr_children(Node *n, const AstVisitor *v)
{
	switch (n->kind) {
	case ND_COMPOSITE_LIT: ast_walk(n->composite.type, v); walk_vec(&n->composite.elts, v); break;
	case ND_FUNC_LIT: ast_walk(n->func_lit.type, v); ast_walk(n->func_lit.body, v); break;
	case ND_PAREN: ast_walk(n->paren.x, v); break;
	case ND_SELECTOR: ast_walk(n->selector.x, v); ast_walk(n->selector.sel, v); break;
	case ND_INDEX: ast_walk(n->index.x, v); walk_vec(&n->index.indices, v); break;
	case ND_SLICE:
		ast_walk(n->slice.x, v);
		ast_walk(n->slice.lo, v);
		ast_walk(n->slice.hi, v);
		ast_walk(n->slice.max, v);
		break;
	case ND_TYPE_ASSERT: ast_walk(n->type_assert.x, v); ast_walk(n->type_assert.type, v); break;
	case ND_CALL: ast_walk(n->call.fun, v); walk_vec(&n->call.args, v); break;
	case ND_STAR: ast_walk(n->star.x, v); break;
	case ND_UNARY: ast_walk(n->unary.x, v); break;
	case ND_BINARY: ast_walk(n->binary.x, v); ast_walk(n->binary.y, v); break;
	case ND_KEY_VALUE: ast_walk(n->key_value.key, v); ast_walk(n->key_value.value, v); break;
	case ND_ELLIPSIS: ast_walk(n->ellipsis.elt, v); break;
	default: break;
	}
}

static void walk_type_children(Node *n, const AstVisitor *v)
{
	switch (n->kind) {
	case ND_ARRAY_TYPE: ast_walk(n->array_type.len, v); ast_walk(n->array_type.elt, v); break;
	case ND_STRUCT_TYPE: walk_vec(&n->struct_type.fields, v); break;
	case ND_FUNC_TYPE:
		walk_vec(&n->func_type.tparams, v);
		walk_vec(&n->func_type.params, v);
		walk_vec(&n->func_type.results, v);
		break;
	case ND_INTERFACE_TYPE: walk_vec(&n->interface_type.methods, v); break;
	case ND_MAP_TYPE: ast_walk(n->map_type.key, v); ast_walk(n->map_type.value, v); break;
	case ND_CHAN_TYPE: ast_walk(n->chan_type.value, v); break;
	case ND_FIELD: walk_vec(&n->field.names, v); ast_walk(n->field.type, v); ast_walk(n->field.tag, v); break;
	default: break;
	}
}

static void walk_stmt_children(Node *n, const AstVisitor *v)
{
	switch (n->kind) {
	case ND_DECL_STMT: ast_walk(n->decl_stmt.decl, v); break;
	case ND_LABELED_STMT: ast_walk(n->labeled.label, v); ast_walk(n->labeled.stmt, v); break;
	case ND_EXPR_STMT: ast_walk(n->expr_stmt.x, v); break;
	case ND_SEND_STMT: ast_walk(n->send.chan, v); ast_walk(n->send.value, v); break;
	case ND_INCDEC_STMT: ast_walk(n->incdec.x, v); break;
	case ND_ASSIGN_STMT: walk_vec(&n->assign.lhs, v); walk_vec(&n->assign.rhs, v); break;
	case ND_GO_STMT: case ND_DEFER_STMT: ast_walk(n->go_defer.call, v); break;
	case ND_RETURN_STMT: walk_vec(&n->return_stmt.results, v); break;
	case ND_BRANCH_STMT: ast_walk(n->branch.label, v); break;
	case ND_BLOCK: walk_vec(&n->block.stmts, v); break;
	case ND_IF_STMT:
		ast_walk(n->if_stmt.init, v);
		ast_walk(n->if_stmt.cond, v);
		ast_walk(n->if_stmt.then, v);
		ast_walk(n->if_stmt.els, v);
		break;
	case ND_CASE_CLAUSE: walk_vec(&n->case_clause.list, v); walk_vec(&n->case_clause.body, v); break;
	case ND_SWITCH_STMT:
		ast_walk(n->switch_stmt.init, v);
		ast_walk(n->switch_stmt.tag, v);
		ast_walk(n->switch_stmt.body, v);
		break;
	case ND_TYPE_SWITCH_STMT:
		ast_walk(n->type_switch.init, v);
		ast_walk(n->type_switch.assign, v);
		ast_walk(n->type_switch.body, v);
		break;
	case ND_COMM_CLAUSE: ast_walk(n->comm_clause.comm, v); walk_vec(&n->comm_clause.body, v); break;
	case ND_SELECT_STMT: ast_walk(n->select_stmt.body, v); break;
	case ND_FOR_STMT:
		ast_walk(n->for_stmt.init, v);
		ast_walk(n->for_stmt.cond, v);
		ast_walk(n->for_stmt.post, v);
		ast_walk(n->for_stmt.body, v);
		break;
	case ND_RANGE_STMT:
		ast_walk(n->range_stmt.key, v);
		ast_walk(n->range_stmt.value, v);
		ast_walk(n->range_stmt.x, v);
		ast_walk(n->range_stmt.body, v);
		break;
	default: break;
	}
}

static void walk_decl_children(Node *n, const AstVisitor *v)
{
	switch (n->kind) {
	case ND_IMPORT_SPEC: ast_walk(n->import_spec.name, v); ast_walk(n->import_spec.path, v); break;
	case ND_VALUE_SPEC:
		walk_vec(&n->value_spec.names, v);
		if (!n->value_spec.implicit) { /* implicit specs share the previous spec's nodes */
			ast_walk(n->value_spec.type, v);
			walk_vec(&n->value_spec.values, v);
		}
		break;
	case ND_TYPE_SPEC:
		ast_walk(n->type_spec.name, v);
		walk_vec(&n->type_spec.tparams, v);
		ast_walk(n->type_spec.type, v);
		break;
	case ND_GEN_DECL: walk_vec(&n->gen_decl.specs, v); break;
	case ND_FUNC_DECL:
		ast_walk(n->func_decl.recv, v);
		ast_walk(n->func_decl.name, v);
		ast_walk(n->func_decl.type, v);
		ast_walk(n->func_decl.body, v);
		break;
	case ND_FILE:
		ast_walk(n->file.package_name, v);
		walk_vec(&n->file.imports, v);
		walk_vec(&n->file.decls, v);
		break;
	default: break;
	}
}

/* Calls v->pre(n) (when set; false skips n's subtree and its post), then walks the children in
 * source order, then calls v->post(n). NULL nodes are skipped. */
void ast_walk(Node *n, const AstVisitor *v)
{
	if (!n || (v->pre && !v->pre(n, v->arg)))
		return;
	if (n->kind <= ND_ELLIPSIS)
		walk_expr_children(n, v);
	else if (n->kind <= ND_FIELD)
		walk_type_children(n, v);
	else if (n->kind <= ND_RANGE_STMT)
		walk_stmt_children(n, v);
	else
		walk_decl_children(n, v);
	if (v->post)
		v->post(n, v->arg);
}

typedef struct FindAt {
	NodeKind kind;
	int line, col;
	Node *found;
} FindAt;

static bool find_at_visit(Node *n, void *arg)
{
	FindAt *f = arg;
	if (f->found)
		return false;
	if (n->kind == f->kind && n->pos.line == f->line && (f->col == 0 || n->pos.col == f->col)) {
		f->found = n;
		return false;
	}
	return true;
}

/* The first node of `kind` at line:col under root, in walk order (col 0: any column), or NULL. */
Node *ast_find_at(Node *root, NodeKind kind, int line, int col)
{
	FindAt f = {kind, line, col, NULL};
	ast_walk(root, &(AstVisitor){find_at_visit, NULL, &f});
	return f.found;
}
