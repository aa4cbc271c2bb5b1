/*
 * order.c: which expressions gc evaluates early, before the rest of their statement.
 *
 * The spec fixes the order of calls, method calls and communication operations within a statement,
 * but not when plain operands (variable reads, field and index reads) are evaluated relative to
 * them. Programs can observe the difference (`println(x, f())` when f changes x), and gocc must
 * print what gc prints. gc decides in its `order` pass (cmd/compile/internal/walk/order.go): every
 * call, and the builtins len, cap, make, new, append, copy, complex, real, imag, recover, the
 * conversions []byte(s) and []rune(s), slice expressions, receives (`<-c`), and whole && / ||
 * expressions, are evaluated first, left to right (operands before the operation), into
 * temporaries; everything else is evaluated afterwards, reading variables as they are then.
 *
 * In: the checked package. Out: Node.early on exactly those nodes. The decision lives here; the
 * lowering (lower_order.c) walks each statement's operands in gc's order and evaluates the nodes
 * marked early into temporaries before the statement's own code. Annotations rather than a rewrite
 * into explicit temporaries: the tree keeps the go/ast shape the checker built, and the lowering's
 * "operands first, left to right" walk is the only place the order itself is written.
 * Multi-value calls, calls without a value and the comma-ok receive of `v, ok := <-c` (which
 * lower_multi_value makes, a chanrecv2 of its own) are never early: their statements consume them.
 */
#include "middle.h"

static bool is_builtin_early(BuiltinId b)
{
	switch (b) {
	case BI_LEN: case BI_CAP: case BI_MAKE: case BI_NEW: case BI_APPEND: case BI_COPY:
	case BI_COMPLEX: case BI_REAL: case BI_IMAG: case BI_RECOVER:
		return true;
	default:
		return false; /* print, println, panic ... are statements */
	}
}

/* string -> []byte / []rune (gc's OSTR2BYTES, OSTR2RUNES) */
static bool is_string_to_slice(Node *call)
{
	Type *to = call->type ? type_underlying(call->type) : NULL;
	Node *x = call->call.args.len ? call->call.args.data[0] : NULL;
	return to && to->kind == TY_SLICE && x && x->type && type_is_string(x->type);
}

static bool is_early(Node *e)
{
	if (!e->type || e->type->kind == TY_TUPLE || e->mode == MODE_NOVALUE || e->mode == MODE_CONST ||
	    e->mode == MODE_TYPE)
		return false;
	switch (e->kind) {
	case ND_CALL:
		switch (e->call.call_kind) {
		case CALL_BUILTIN: return is_builtin_early(e->call.builtin);
		case CALL_CONVERSION: return is_string_to_slice(e);
		case CALL_FUNC: case CALL_METHOD: case CALL_CLOSURE: case CALL_INTERFACE: return true;
		default: return false;
		}
	case ND_SLICE:
		return true;
	case ND_BINARY:
		return e->binary.op == TOK_LAND || e->binary.op == TOK_LOR;
	case ND_UNARY:
		return e->unary.op == TOK_ARROW; /* gc's ORECV: copyExprClear */
	default:
		return false;
	}
}

static bool mark_early(Node *n, void *arg)
{
	(void)arg;
	n->early = is_early(n);
	return true;
}

/* rhs, the single value of a two-value assignment or var declaration, is its comma-ok form. */
static void not_early(Node *rhs)
{
	for (; rhs; rhs = rhs->kind == ND_PAREN ? rhs->paren.x : NULL)
		rhs->early = false;
}

static void unmark_comma_ok(Node *n, void *arg)
{
	(void)arg;
	Node *rhs = NULL;
	if (n->kind == ND_ASSIGN_STMT && n->assign.lhs.len == 2 && n->assign.rhs.len == 1)
		rhs = n->assign.rhs.data[0];
	else if (n->kind == ND_VALUE_SPEC && n->value_spec.names.len == 2 && n->value_spec.values.len == 1)
		rhs = n->value_spec.values.data[0];
	not_early(rhs);
}

void middle_order(Package *pkg)
{
	middle_walk_code(pkg, &(AstVisitor){mark_early, unmark_comma_ok, NULL});
	for (int i = 0; i < pkg->var_inits.len; i++) { /* var v, ok = <-c at package level */
		Initializer *in = pkg->var_inits.data[i];
		if (in->lhs.len == 2)
			not_early(in->rhs);
	}
}
