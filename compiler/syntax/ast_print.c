/*
 * ast_print.c: the one expression printer: Go syntax for a node, as gc quotes it in messages.
 *
 * In: an expression, type expression or simple statement. Out: its text in gc's short form
 * (cmd/compile/internal/syntax printer.go, ShortForm, which both gc's parser and types2 use):
 * binary operations without added parentheses, function and composite literal bodies abbreviated
 * to "{…}". The parser's and the checker's messages both print through here, so they cannot
 * disagree. A depth limit (the parser's) elides deep trees as "…".
 */
#include "ast.h"

typedef struct Printer {
	StrBuf *sb;
	int depth, max_depth; /* max_depth 0: no limit */
} Printer;

static void write_node(Printer *b, Node *e);

static void write_expr(Printer *b, Node *e);

static void write_list(Printer *b, Vec *v)
{
	for (int i = 0; i < v->len; i++) {
		if (i > 0)
			sb_puts(b->sb, ", ");
		write_expr(b, v->data[i]);
	}
}

/* One parameter group: "a, b int" or "int" or "...int". */
static void write_field(Printer *b, Node *f)
{
	if (!f || f->kind != ND_FIELD) {
		write_expr(b, f);
		return;
	}
	for (int i = 0; i < f->field.names.len; i++) {
		if (i > 0)
			sb_puts(b->sb, ", ");
		write_expr(b, f->field.names.data[i]);
	}
	if (f->field.names.len > 0)
		sb_putc(b->sb, ' ');
	write_expr(b, f->field.type);
}

static void write_fields(Printer *b, Vec *fields, const char *sep)
{
	for (int i = 0; i < fields->len; i++) {
		if (i > 0)
			sb_puts(b->sb, sep);
		write_field(b, fields->data[i]);
	}
}

static void write_signature(Printer *b, Node *ft)
{
	sb_putc(b->sb, '(');
	write_fields(b, &ft->func_type.params, ", ");
	sb_putc(b->sb, ')');
	Vec *res = &ft->func_type.results;
	if (res->len == 0)
		return;
	sb_putc(b->sb, ' ');
	Node *f0 = res->data[0];
	if (res->len == 1 && f0->kind == ND_FIELD && f0->field.names.len == 0) {
		write_expr(b, f0->field.type);
		return;
	}
	sb_putc(b->sb, '(');
	write_fields(b, res, ", ");
	sb_putc(b->sb, ')');
}

static void write_iface_type(Printer *b, Node *e)
{
	sb_puts(b->sb, "interface{");
	Vec *m = &e->interface_type.methods;
	for (int i = 0; i < m->len; i++) {
		Node *f = m->data[i];
		if (i > 0)
			sb_puts(b->sb, "; ");
		if (f->kind == ND_FIELD && f->field.names.len == 1 && f->field.type &&
		    f->field.type->kind == ND_FUNC_TYPE) {
			write_expr(b, f->field.names.data[0]);
			write_signature(b, f->field.type);
		} else {
			write_field(b, f);
		}
	}
	sb_putc(b->sb, '}');
}

static void write_chan_type(Printer *b, Node *e)
{
	if (e->chan_type.dir == CHAN_RECV)
		sb_puts(b->sb, "<-");
	sb_puts(b->sb, "chan");
	if (e->chan_type.dir == CHAN_SEND)
		sb_puts(b->sb, "<-");
	sb_putc(b->sb, ' ');
	Node *el = e->chan_type.value;
	bool parens = e->chan_type.dir == CHAN_BOTH && el && el->kind == ND_CHAN_TYPE &&
		      el->chan_type.dir == CHAN_RECV;
	if (parens)
		sb_putc(b->sb, '(');
	write_expr(b, el);
	if (parens)
		sb_putc(b->sb, ')');
}

static void write_slice_expr(Printer *b, Node *e)
{
	write_expr(b, e->slice.x);
	sb_putc(b->sb, '[');
	if (e->slice.lo)
		write_expr(b, e->slice.lo);
	sb_putc(b->sb, ':');
	if (e->slice.hi)
		write_expr(b, e->slice.hi);
	if (e->slice.max || e->slice.slice3) {
		sb_putc(b->sb, ':');
		write_expr(b, e->slice.max);
	}
	sb_putc(b->sb, ']');
}

static void write_expr(Printer *b, Node *e)
{
	if (!e)
		return;
	if (b->max_depth && b->depth >= b->max_depth) {
		sb_puts(b->sb, "…");
		return;
	}
	b->depth++;
	write_node(b, e);
	b->depth--;
}

/* One node; statements only in the simple forms gc's messages quote. */
static void write_node(Printer *b, Node *e)
{
	switch (e->kind) {
	case ND_BAD: sb_puts(b->sb, "<bad expr>"); break;
	case ND_IDENT: sb_puts(b->sb, e->ident.name); break;
	case ND_BASIC_LIT: sb_put(b->sb, e->lit.text, e->lit.len); break;
	case ND_FUNC_LIT:
		write_expr(b, e->func_lit.type);
		sb_puts(b->sb, e->func_lit.body && e->func_lit.body->block.stmts.len ? " {…}" : " {}");
		break;
	case ND_COMPOSITE_LIT:
		write_expr(b, e->composite.type);
		sb_puts(b->sb, e->composite.elts.len ? "{…}" : "{}");
		break;
	case ND_PAREN:
		sb_putc(b->sb, '(');
		write_expr(b, e->paren.x);
		sb_putc(b->sb, ')');
		break;
	case ND_SELECTOR:
		write_expr(b, e->selector.x);
		sb_putc(b->sb, '.');
		write_expr(b, e->selector.sel);
		break;
	case ND_INDEX:
		write_expr(b, e->index.x);
		sb_putc(b->sb, '[');
		write_list(b, &e->index.indices);
		sb_putc(b->sb, ']');
		break;
	case ND_SLICE: write_slice_expr(b, e); break;
	case ND_TYPE_ASSERT:
		write_expr(b, e->type_assert.x);
		sb_puts(b->sb, ".(");
		if (e->type_assert.type)
			write_expr(b, e->type_assert.type);
		else
			sb_puts(b->sb, "type");
		sb_putc(b->sb, ')');
		break;
	case ND_CALL:
		write_expr(b, e->call.fun);
		sb_putc(b->sb, '(');
		write_list(b, &e->call.args);
		if (e->call.has_ellipsis)
			sb_puts(b->sb, "...");
		sb_putc(b->sb, ')');
		break;
	case ND_STAR:
		sb_putc(b->sb, '*');
		write_expr(b, e->star.x);
		break;
	case ND_UNARY:
		sb_puts(b->sb, token_spelling(e->unary.op));
		write_expr(b, e->unary.x);
		break;
	case ND_BINARY:
		write_expr(b, e->binary.x);
		sb_printf(b->sb, " %s ", token_spelling(e->binary.op));
		write_expr(b, e->binary.y);
		break;
	case ND_KEY_VALUE:
		write_expr(b, e->key_value.key);
		sb_puts(b->sb, ": ");
		write_expr(b, e->key_value.value);
		break;
	case ND_ELLIPSIS:
		sb_puts(b->sb, "...");
		write_expr(b, e->ellipsis.elt);
		break;
	case ND_ARRAY_TYPE:
		sb_putc(b->sb, '[');
		if (e->array_type.len && e->array_type.len->kind == ND_ELLIPSIS)
			sb_puts(b->sb, "...");
		else
			write_expr(b, e->array_type.len);
		sb_putc(b->sb, ']');
		write_expr(b, e->array_type.elt);
		break;
	case ND_STRUCT_TYPE:
		sb_puts(b->sb, "struct{");
		write_fields(b, &e->struct_type.fields, "; ");
		sb_putc(b->sb, '}');
		break;
	case ND_FUNC_TYPE:
		sb_puts(b->sb, "func");
		write_signature(b, e);
		break;
	case ND_INTERFACE_TYPE: write_iface_type(b, e); break;
	case ND_MAP_TYPE:
		sb_puts(b->sb, "map[");
		write_expr(b, e->map_type.key);
		sb_putc(b->sb, ']');
		write_expr(b, e->map_type.value);
		break;
	case ND_CHAN_TYPE: write_chan_type(b, e); break;
	case ND_FIELD: write_field(b, e); break;
	case ND_EXPR_STMT: write_expr(b, e->expr_stmt.x); break;
	case ND_SEND_STMT:
		write_expr(b, e->send.chan);
		sb_puts(b->sb, " <- ");
		write_expr(b, e->send.value);
		break;
	case ND_INCDEC_STMT:
		write_expr(b, e->incdec.x);
		sb_puts(b->sb, token_spelling(e->incdec.tok));
		break;
	case ND_ASSIGN_STMT:
		write_list(b, &e->assign.lhs);
		sb_printf(b->sb, " %s ", token_spelling(e->assign.tok));
		write_list(b, &e->assign.rhs);
		break;
	default: sb_printf(b->sb, "<%s>", node_kind_name(e->kind)); break;
	}
}

/* The short form of e; nodes deeper than max_depth (0: no limit) print as "…". */
const char *ast_expr_string(Node *e, int max_depth)
{
	StrBuf sb = {0};
	Printer p = {&sb, 0, max_depth};
	write_expr(&p, e);
	return sb_cstr(&sb);
}
