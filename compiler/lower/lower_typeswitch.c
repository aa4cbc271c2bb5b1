/*
 * lower_typeswitch.c: type switches, `switch init; v := x.(type) { case T1, T2: ... default: ... }`.
 *
 * In: a checked ND_TYPE_SWITCH_STMT: x has an interface type, each case lists types or `nil`, and
 * the checker made one Object per clause for the bound variable v (type_switch.clause_objs): of
 * the case's type when the clause names exactly one type, of x's type otherwise (several types,
 * `nil`, default). Out: the textbook block shape of an expression switch (lower_stmt.c): a nil test
 * first, then a chain of type tests in source order, each jumping to its clause's body, the last to
 * default or the end:
 *
 *     %dyn = e.type, or itab->type (NULL for a nil x)          ; computed once
 *     br (%dyn == NULL), <the nil case, or default, or end>, %tests
 *   case T (concrete):   br (%dyn == @"type:T"), %case.body, %case.next
 *   case I (interface):  %itab = <one-entry cache of (dyn -> itab) for this case, else getitab>
 *                        br (%itab != NULL), %case.body, %case.next      (interface{}: always)
 *
 * A nil x matches no type case, so deciding it first is the spec's first-match rule; the per-case
 * cache makes an interface case cost a load and a compare when the dynamic type repeats (a loop
 * over similar values), where a runtime call would hash into the itab table each time.
 * In a clause's body, v is declared afresh (a new heap cell when a closure captures it) and
 * initialised with the unboxed T (lower_iface_unbox), the interface value the assertion made, or x
 * itself. A single-type clause has exactly one test jumping to its body and `fallthrough` is illegal
 * in a type switch, so that test's block dominates the body and its assertion result can be used
 * there directly. Tests have no side effects, so testing one at a time in source order gives the
 * first match, as the spec asks; gc's binary search over type hashes is an optimisation with the same
 * result (a later one here, if the type_switch benchmark asks for it).
 *
 * Why here and not as a desugaring in the middle stage (issue 9 would have it there): the middle stage
 * today only annotates the checked tree (closures, escape, order); it never builds nodes, and a
 * desugaring into `if tmp, ok := x.(T); ok { v := tmp; ... }` chains would need synthetic nodes,
 * objects and checker types, a goto-free encoding of `break` out of the switch, and scopes for each
 * clause's v. Until the middle stage can build typed nodes (wanted for range and switch too), the
 * translation is this file's, built on lower_iface.c's dynamic type and unboxing; the itab cache
 * is a lowering decision either way.
 */
#include "lower.h"

/* The operand of x.(type) in the switch guard `v := x.(type)` or `x.(type)`. */
static Node *guard_operand(Node *s)
{
	Node *g = s->type_switch.assign;
	Node *e = g->kind == ND_ASSIGN_STMT ? g->assign.rhs.data[0] : g->expr_stmt.x;
	while (e->kind == ND_PAREN)
		e = e->paren.x;
	return e->type_assert.x;
}

/* Does case expression e denote the predeclared nil (not a type)? */
static bool is_nil_case(Node *e)
{
	return e->mode != MODE_TYPE;
}

/* x.(I) for a non-nil x of dynamic type dyn and a non-empty interface I, through a one-entry cache
 * per case, {dynamic type, itab or NULL} (gc does the same since go1.22): a loop over values of one
 * type asks the runtime's itab table once. Returns the itab, NULL when dyn does not implement I.
 * v0 is single-threaded; with goroutines the pair must be published atomically (one pointer to an
 * immutable pair, as go1.22's typeSwitchCache). */
static LLVMValueRef cached_itab(Type *iface, LLVMValueRef dyn)
{
	LLVMTypeRef pair = LLVMArrayType(L.t_ptr, 2);
	LLVMValueRef cache = LLVMAddGlobal(L.mod, pair, "typeswitch.cache");
	LLVMSetInitializer(cache, LLVMConstNull(pair));
	LLVMSetLinkage(cache, LLVMPrivateLinkage);
	LLVMSetAlignment(cache, 8);
	LLVMValueRef ctype = LLVMBuildLoad2(L.b, L.t_ptr, cache, "cache.type");
	LLVMSetAlignment(ctype, 8);
	LLVMBasicBlockRef hit = lower_block("cache.hit"), miss = lower_block("cache.miss"), done = lower_block("cache.done");
	LLVMBuildCondBr(L.b, LLVMBuildICmp(L.b, LLVMIntEQ, ctype, dyn, ""), hit, miss);
	lower_position_at_end(hit);
	LLVMValueRef cached = LLVMBuildLoad2(L.b, L.t_ptr, lower_gep(cache, 8), "cache.itab");
	LLVMSetAlignment(cached, 8);
	LLVMBuildBr(L.b, done);
	lower_position_at_end(miss);
	LLVMValueRef args[3] = {lower_typedesc(iface), dyn, LLVMConstInt(L.t_i1, 1, false)};
	LLVMValueRef found = lower_call_runtime(RT_getitab, args, 3);
	LLVMSetAlignment(LLVMBuildStore(L.b, found, lower_gep(cache, 8)), 8);
	LLVMSetAlignment(LLVMBuildStore(L.b, dyn, cache), 8);
	LLVMBuildBr(L.b, done);
	lower_position_at_end(done);
	return lower_phi2(cached, hit, found, miss, "itab");
}

/* One type case test, for a non-nil x (value v, dynamic type dyn): branches to `yes`
 * when x's dynamic type is e or implements e, else falls into a fresh block. Returns the interface
 * value an interface case produced. */
static LLVMValueRef case_test(Node *e, LLVMValueRef v, LLVMValueRef dyn, LLVMBasicBlockRef yes)
{
	LLVMValueRef cond, made = NULL;
	lower_set_pos(e->pos);
	Type *t = lower_type_of(e);
	Type *u = type_underlying(t);
	if (u->kind != TY_INTERFACE) {
		cond = LLVMBuildICmp(L.b, LLVMIntEQ, dyn, lower_typedesc(t), "istype");
	} else {
		LLVMValueRef word = type_is_nonempty_iface(u) ? cached_itab(t, dyn) : dyn;
		made = LLVMBuildInsertValue(L.b, v, word, 0, "");
		cond = LLVMBuildICmp(L.b, LLVMIntNE, word, LLVMConstNull(L.t_ptr), "ok");
	}
	LLVMBasicBlockRef next = lower_block("case.next");
	LLVMBuildCondBr(L.b, cond, yes, next);
	lower_position_at_end(next);
	return made;
}

/* Declares clause c's bound variable obj and stores its value: the case's type for a single-type
 * clause (made: the interface value its test built), else x itself. */
static void bind_clause_var(Object *obj, Node *c, LLVMValueRef v, Type *xt, LLVMValueRef made)
{
	if (!obj || obj->name == intern("_", 1))
		return;
	lower_declare_local(obj);
	Type *t = lower_obj_type(obj);
	LLVMValueRef val = v;
	if (c->case_clause.list.len == 1 && !is_nil_case(c->case_clause.list.data[0])) {
		if (made)
			val = made;
		else if (type_underlying(t)->kind != TY_INTERFACE)
			val = lower_iface_unbox(t, LLVMBuildExtractValue(L.b, v, 1, "data"));
	}
	lower_store(t, lower_var_addr(obj), val);
}

void lower_type_switch(Node *s)
{
	Node *label = lower_take_label();
	if (s->type_switch.init)
		lower_stmt(s->type_switch.init);
	Node *x = guard_operand(s);
	Type *xt = lower_type_of(x);
	lower_set_pos(x->pos);
	lower_hoist(x);
	LLVMValueRef v = lower_expr(x);
	LLVMValueRef dyn = lower_iface_dyntype(v, xt);

	Vec *clauses = &s->type_switch.body->block.stmts;
	int n = clauses->len;
	LLVMBasicBlockRef *bodies = xalloc(sizeof(LLVMBasicBlockRef) * (size_t)(n + 1));
	LLVMValueRef *made = lower_value_array(n + 1);
	LLVMBasicBlockRef end = lower_block("typeswitch.end"), deflt = end, on_nil = NULL;
	for (int i = 0; i < n; i++) {
		Node *c = clauses->data[i];
		bodies[i] = lower_block("case.body");
		if (c->case_clause.list.len == 0)
			deflt = bodies[i];
		for (int j = 0; j < c->case_clause.list.len; j++)
			if (is_nil_case(c->case_clause.list.data[j]))
				on_nil = bodies[i];
	}
	/* a nil x matches only the nil case: decided first, so the type tests see a non-nil x */
	LLVMBasicBlockRef tests = lower_block("typeswitch.tests");
	LLVMBuildCondBr(L.b, LLVMBuildICmp(L.b, LLVMIntEQ, dyn, LLVMConstNull(L.t_ptr), "isnil"),
	                on_nil ? on_nil : deflt, tests);
	lower_position_at_end(tests);
	for (int i = 0; i < n; i++) {
		Node *c = clauses->data[i];
		for (int j = 0; j < c->case_clause.list.len; j++)
			if (!is_nil_case(c->case_clause.list.data[j]))
				made[i] = case_test(c->case_clause.list.data[j], v, dyn, bodies[i]);
	}
	LLVMBuildBr(L.b, deflt);

	lower_push_targets(s, label, end, NULL);
	for (int i = 0; i < n; i++) {
		Node *c = clauses->data[i];
		lower_position_at_end(bodies[i]);
		lower_set_pos(c->pos);
		Object *obj = i < s->type_switch.clause_objs.len ? s->type_switch.clause_objs.data[i] : NULL;
		bind_clause_var(obj, c, v, xt, made[i]);
		lower_block_stmts(&c->case_clause.body);
		lower_br(end);
	}
	lower_pop_targets(label);
	lower_position_at_end(end);
}
