/*
 * unsupported.c: the constructs the back end cannot compile yet, refused before any IR is built.
 *
 * In: the checked package. Out: one `file:line:col: gocc: X is not supported yet` diagnostic per
 * occurrence of a construct that needs the scheduler (and so the runtime's channels, which block):
 *   - `go f()`                                   goroutines
 *   - `select {...}`                             select
 *   - `c <- v`, `<-c`, `for range c`, `make(chan T)`, `close(c)`, `len(c)`, `cap(c)`   channels
 * Channel types themselves are not refused: a nil channel is a pointer-shaped value that the
 * lowering stores, compares, prints and puts in interfaces (test/deferprint.go prints one), and
 * nothing about it can block. The checker already refuses the other constructs of the roadmap,
 * imports (check.c) and type parameters (check_type.c, check_decl.c), in the same words.
 *
 * The one idea: refusal is a property of the checked tree, decided by one walk here, so the
 * lowering never meets these nodes (it treats them as internal errors) and a program that uses them
 * gets every diagnostic, not one per function as when the emitter gave up half-way through a body.
 */
#include "middle.h"

/* Is x an operand of channel type? */
static bool is_chan(Node *x)
{
	return x && x->type && type_underlying(x->type)->kind == TY_CHAN;
}

/* make(chan T), close(c), len(c), cap(c). */
static bool is_chan_builtin(Node *call)
{
	if (call->call.call_kind != CALL_BUILTIN)
		return false;
	Node *a0 = call->call.args.len ? middle_unparen(call->call.args.data[0]) : NULL;
	switch (call->call.builtin) {
	case BI_CLOSE: return true;
	case BI_MAKE: return call->type && type_underlying(call->type)->kind == TY_CHAN;
	case BI_LEN: case BI_CAP: return is_chan(a0);
	default: return false;
	}
}

/* What n needs that gocc does not have yet, or NULL. */
static const char *unsupported_what(Node *n)
{
	switch (n->kind) {
	case ND_GO_STMT: return "goroutines";
	case ND_SELECT_STMT: return "select";
	case ND_SEND_STMT: return "channels";
	case ND_UNARY: return n->unary.op == TOK_ARROW ? "channels" : NULL;
	case ND_RANGE_STMT: return is_chan(n->range_stmt.x) ? "channels" : NULL;
	case ND_CALL: return is_chan_builtin(n) ? "channels" : NULL;
	default: return NULL;
	}
}

static bool report(Node *n, void *arg)
{
	const char *what = unsupported_what(n);
	if (what) {
		unsupported_at(n->pos, what);
		(*(int *)arg)++;
	}
	return true;
}

int middle_unsupported(Package *pkg)
{
	int n = 0;
	middle_walk_code(pkg, &(AstVisitor){report, NULL, &n});
	return n;
}
