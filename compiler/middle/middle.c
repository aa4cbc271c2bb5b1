/*
 * middle.c: the middle stage, between the checker and the LLVM lowering (gc's order/escape passes,
 * what TinyGo does on go/ssa before LLVM).
 *
 * What comes in: the checked package: every Node has its mode and type, every identifier its
 * Object, every call its CallKind, every selector its path; function literals have the checker's
 * objects and names (but no capture lists: those are this stage's).
 *
 * What goes out: the same tree, annotated with the decisions the LLVM lowering must not make on its
 * own, so that lowering stays a translation of what it reads:
 *   - closure.c: per function literal, the captured variables in closure-word order
 *     (func_lit.captures), per variable whether any literal captures it (Object.captured), and
 *     the literal's link name (`main.f.func1`);
 *   - escape.c: per variable, whether it lives in a heap cell (Object.boxed, middle_needs_cell),
 *     whether its value leaves the frame (Object.leaks), whether it is ever reassigned
 *     (Object.assigned, middle_is_const_nil); per []byte(s)/[]rune(s) conversion whether its
 *     result stays in the frame (call.stack_buf); per function literal whether its closure
 *     object stays in the frame (func_lit.stack_alloc);
 *   - order.c: per expression, whether gc evaluates it early into a temporary (Node.early).
 *  *
 * Invariants: the stage runs once per package, after a check without errors and before any IR is
 * built; it never changes the tree's shape, only the fields marked "middle:" (ast.h, types.h);
 * closures run first (escape reads the capture lists); every decision is a pure function of the
 * checked tree, so the stage is tested without LLVM (middle_test.c). Desugaring (range, switch,
 * defer) and rewrites into explicit temporaries are to come here too; today the lowering still
 * expands those constructs itself.
 */
#include "middle.h"

void middle_package(Package *pkg)
{
	middle_closures(pkg);
	middle_escape(pkg);
	middle_order(pkg);
}

Node *middle_unparen(Node *e)
{
	while (e && e->kind == ND_PAREN)
		e = e->paren.x;
	return e;
}

bool middle_is_local_var(Object *o)
{
	return o && o->kind == OBJ_VAR && !o->is_global && !o->is_field;
}

void middle_walk_code(Package *pkg, const AstVisitor *v)
{
	for (int i = 0; i < pkg->funcs.len; i++)
		ast_walk(middle_func_body(pkg->funcs.data[i]), v);
	for (int i = 0; i < pkg->var_inits.len; i++)
		ast_walk(((Initializer *)pkg->var_inits.data[i])->rhs, v);
}

Node *middle_func_body(Object *fn)
{
	if (fn->body)
		return fn->body;
	return fn->decl && fn->decl->kind == ND_FUNC_DECL ? fn->decl->func_decl.body : NULL;
}
