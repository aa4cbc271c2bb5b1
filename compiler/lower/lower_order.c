/*
 * lower_order.c: gc's evaluation order within a statement.
 *
 * Which nodes gc evaluates early, into temporaries, before the rest of their statement (calls,
 * some builtins, []byte(s), slice expressions, whole && / ||) is decided by the middle stage
 * (compiler/middle/order.c, Node.early; its comment has gc's rules).
 *
 * Before lowering a statement's expressions, lower_hoist walks them in gc's order (left to right,
 * operands before the operation) and lowers each early node right away, caching its value in
 * L.fn->hoisted; lower_expr returns a cached value instead of lowering the node again. The cache is
 * cleared at the start of every statement, so a value is only reused where it dominates. The operands of && and || are
 * hoisted only when (and where) they are evaluated, inside the short-circuit branches.
 */
#include "lower.h"

static Node *unparen(Node *e)
{
	while (e && e->kind == ND_PAREN)
		e = e->paren.x;
	return e;
}

static void hoist_vec(Vec *v)
{
	for (int i = 0; i < v->len; i++)
		lower_hoist(v->data[i]);
}

/* The operands of e, in gc's order: left to right, the callee's function value or receiver before
 * the arguments. Only operands that may contain a hoisted node matter; visiting a plain operand
 * just finds nothing to do. */
static void hoist_children(Node *e)
{
	switch (e->kind) {
	case ND_PAREN: lower_hoist(e->paren.x); return;
	case ND_SELECTOR:
		if (e->selector.sel_kind != SEL_QUALIFIED && e->selector.sel_kind != SEL_METHOD_EXPR)
			lower_hoist(e->selector.x);
		return;
	case ND_INDEX: lower_hoist(e->index.x); hoist_vec(&e->index.indices); return;
	case ND_SLICE:
		lower_hoist(e->slice.x);
		lower_hoist(e->slice.lo);
		lower_hoist(e->slice.hi);
		lower_hoist(e->slice.max);
		return;
	case ND_STAR: lower_hoist(e->star.x); return;
	case ND_UNARY: lower_hoist(e->unary.x); return;
	case ND_BINARY:
		if (e->binary.op != TOK_LAND && e->binary.op != TOK_LOR) {
			lower_hoist(e->binary.x);
			lower_hoist(e->binary.y);
		}
		return;
	case ND_KEY_VALUE: lower_hoist(e->key_value.value); return;
	case ND_COMPOSITE_LIT: {
		/* a map literal's keys are values too, each evaluated before its element (array
		 * indexes are constants, struct keys field names) */
		bool is_map = lower_type_of(e) && type_underlying(lower_type_of(e))->kind == TY_MAP;
		for (int i = 0; i < e->composite.elts.len; i++) {
			Node *el = e->composite.elts.data[i];
			if (el->kind == ND_KEY_VALUE && is_map)
				lower_hoist(el->key_value.key);
			lower_hoist(el->kind == ND_KEY_VALUE ? el->key_value.value : el);
		}
		return;
	}
	case ND_CALL: {
		Node *fun = unparen(e->call.fun);
		if (e->call.call_kind == CALL_CLOSURE || e->call.call_kind == CALL_INTERFACE)
			lower_hoist(fun);
		else if (e->call.call_kind == CALL_METHOD && fun->kind == ND_SELECTOR)
			lower_hoist(fun->selector.x);
		hoist_vec(&e->call.args);
		return;
	}
	case ND_TYPE_ASSERT: lower_hoist(e->type_assert.x); return;
	default:
		return; /* identifiers, literals, function literals (their bodies run later) */
	}
}

/*
 * Evaluates e's hoisted nodes, operands first, and caches their values. For `a[i] = f(x) + g()`:
 *
 *     lower_hoist(a[i]):        nothing (no calls)
 *     lower_hoist(f(x) + g()):  %1 = call f(x); %2 = call g()   -- cached for f(x) and g()
 *     then the statement:       address of a[i] with i as f and g left it; store %1 + %2
 *
 * A node is lowered at most once per statement: a second lower_hoist, or the final lower_expr,
 * finds it in the cache. The values dominate their uses because the statement's remaining code
 * is built after them, in the same block or below it; the cache is cleared per statement
 * (lower_hoist_reset) so a value never leaks into code it does not dominate.
 */
void lower_hoist(Node *e)
{
	if (!e || e->mode == MODE_TYPE || e->mode == MODE_CONST)
		return;
	if (e->kind == ND_BINARY && (e->binary.op == TOK_LAND || e->binary.op == TOK_LOR)) {
		/* a unit: its operands are hoisted inside lower_logical, where they run */
	} else {
		hoist_children(e);
	}
	if (!e->early || varmap_get(&L.fn->hoisted, e))
		return;
	LLVMValueRef v = lower_expr(e);
	if (v)
		varmap_put(&L.fn->hoisted, e, v);
}

/* Only the operands of a statement-level call (its own value, if any, is not needed). */
void lower_hoist_operands(Node *call)
{
	if (call)
		hoist_children(call);
}

/* The cached value of e if it was hoisted in the current statement, else NULL. */
LLVMValueRef lower_hoisted(Node *e)
{
	return L.fn && L.fn->hoisted.len ? varmap_get(&L.fn->hoisted, e) : NULL;
}

void lower_hoist_reset(void)
{
	if (L.fn && L.fn->hoisted.len)
		L.fn->hoisted = (VarMap){0};
}
