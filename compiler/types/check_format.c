/*
 * check_format.c: how the checker prints expressions, operands, types and positions in messages.
 *
 * Expressions print as gc's syntax.String does in its short form (cmd/compile/internal/syntax
 * printer.go, ShortForm): binary operations without added parentheses, function literal and composite
 * literal bodies abbreviated to "{…}". Operands print as types2's operandString:
 * "x (variable of type int)", "1 (untyped int constant)", "f() (value of type (int, string))".
 */
#include "check.h"

#include <string.h>

static void check_write_expr(StrBuf *b, Node *e);

static void check_write_list(StrBuf *b, Vec *v)
{
	for (int i = 0; i < v->len; i++) {
		if (i > 0)
			sb_puts(b, ", ");
		check_write_expr(b, v->data[i]);
	}
}

/* One parameter group: "a, b int" or "int" or "...int". */
static void check_write_field(StrBuf *b, Node *f)
{
	if (!f || f->kind != ND_FIELD) {
		check_write_expr(b, f);
		return;
	}
	for (int i = 0; i < f->field.names.len; i++) {
		if (i > 0)
			sb_puts(b, ", ");
		check_write_expr(b, f->field.names.data[i]);
	}
	if (f->field.names.len > 0)
		sb_putc(b, ' ');
	check_write_expr(b, f->field.type);
}

static void check_write_fields(StrBuf *b, Vec *fields, const char *sep)
{
	for (int i = 0; i < fields->len; i++) {
		if (i > 0)
			sb_puts(b, sep);
		check_write_field(b, fields->data[i]);
	}
}

static void check_write_signature(StrBuf *b, Node *ft)
{
	sb_putc(b, '(');
	check_write_fields(b, &ft->func_type.params, ", ");
	sb_putc(b, ')');
	Vec *res = &ft->func_type.results;
	if (res->len == 0)
		return;
	sb_putc(b, ' ');
	Node *f0 = res->data[0];
	if (res->len == 1 && f0->kind == ND_FIELD && f0->field.names.len == 0) {
		check_write_expr(b, f0->field.type);
		return;
	}
	sb_putc(b, '(');
	check_write_fields(b, res, ", ");
	sb_putc(b, ')');
}

static void check_write_iface_type(StrBuf *b, Node *e)
{
	sb_puts(b, "interface{");
	Vec *m = &e->interface_type.methods;
	for (int i = 0; i < m->len; i++) {
		Node *f = m->data[i];
		if (i > 0)
			sb_puts(b, "; ");
		if (f->kind == ND_FIELD && f->field.names.len == 1 && f->field.type &&
		    f->field.type->kind == ND_FUNC_TYPE) {
			check_write_expr(b, f->field.names.data[0]);
			check_write_signature(b, f->field.type);
		} else {
			check_write_field(b, f);
		}
	}
	sb_putc(b, '}');
}

static void check_write_chan_type(StrBuf *b, Node *e)
{
	if (e->chan_type.dir == CHAN_RECV)
		sb_puts(b, "<-");
	sb_puts(b, "chan");
	if (e->chan_type.dir == CHAN_SEND)
		sb_puts(b, "<-");
	sb_putc(b, ' ');
	Node *el = e->chan_type.value;
	bool parens = e->chan_type.dir == CHAN_BOTH && el && el->kind == ND_CHAN_TYPE &&
		      el->chan_type.dir == CHAN_RECV;
	if (parens)
		sb_putc(b, '(');
	check_write_expr(b, el);
	if (parens)
		sb_putc(b, ')');
}

static void check_write_slice_expr(StrBuf *b, Node *e)
{
	check_write_expr(b, e->slice.x);
	sb_putc(b, '[');
	if (e->slice.lo)
		check_write_expr(b, e->slice.lo);
	sb_putc(b, ':');
	if (e->slice.hi)
		check_write_expr(b, e->slice.hi);
	if (e->slice.max) {
		sb_putc(b, ':');
		check_write_expr(b, e->slice.max);
	}
	sb_putc(b, ']');
}

static void check_write_expr(StrBuf *b, Node *e)
{
	if (!e)
		return;
	switch (e->kind) {
	case ND_BAD: sb_puts(b, "<bad expr>"); break;
	case ND_IDENT: sb_puts(b, e->ident.name); break;
	case ND_BASIC_LIT: sb_put(b, e->lit.text, e->lit.len); break;
	case ND_FUNC_LIT:
		check_write_expr(b, e->func_lit.type);
		sb_puts(b, e->func_lit.body && e->func_lit.body->block.stmts.len ? " {…}" : " {}");
		break;
	case ND_COMPOSITE_LIT:
		check_write_expr(b, e->composite.type);
		sb_puts(b, e->composite.elts.len ? "{…}" : "{}");
		break;
	case ND_PAREN:
		sb_putc(b, '(');
		check_write_expr(b, e->paren.x);
		sb_putc(b, ')');
		break;
	case ND_SELECTOR:
		check_write_expr(b, e->selector.x);
		sb_putc(b, '.');
		check_write_expr(b, e->selector.sel);
		break;
	case ND_INDEX:
		check_write_expr(b, e->index.x);
		sb_putc(b, '[');
		check_write_list(b, &e->index.indices);
		sb_putc(b, ']');
		break;
	case ND_SLICE: check_write_slice_expr(b, e); break;
	case ND_TYPE_ASSERT:
		check_write_expr(b, e->type_assert.x);
		sb_puts(b, ".(");
		if (e->type_assert.type)
			check_write_expr(b, e->type_assert.type);
		else
			sb_puts(b, "type");
		sb_putc(b, ')');
		break;
	case ND_CALL:
		check_write_expr(b, e->call.fun);
		sb_putc(b, '(');
		check_write_list(b, &e->call.args);
		if (e->call.has_ellipsis)
			sb_puts(b, "...");
		sb_putc(b, ')');
		break;
	case ND_STAR:
		sb_putc(b, '*');
		check_write_expr(b, e->star.x);
		break;
	case ND_UNARY:
		sb_puts(b, token_spelling(e->unary.op));
		check_write_expr(b, e->unary.x);
		break;
	case ND_BINARY:
		check_write_expr(b, e->binary.x);
		sb_printf(b, " %s ", token_spelling(e->binary.op));
		check_write_expr(b, e->binary.y);
		break;
	case ND_KEY_VALUE:
		check_write_expr(b, e->key_value.key);
		sb_puts(b, ": ");
		check_write_expr(b, e->key_value.value);
		break;
	case ND_ELLIPSIS:
		sb_puts(b, "...");
		check_write_expr(b, e->ellipsis.elt);
		break;
	case ND_ARRAY_TYPE:
		sb_putc(b, '[');
		if (e->array_type.len && e->array_type.len->kind == ND_ELLIPSIS)
			sb_puts(b, "...");
		else
			check_write_expr(b, e->array_type.len);
		sb_putc(b, ']');
		check_write_expr(b, e->array_type.elt);
		break;
	case ND_STRUCT_TYPE:
		sb_puts(b, "struct{");
		check_write_fields(b, &e->struct_type.fields, "; ");
		sb_putc(b, '}');
		break;
	case ND_FUNC_TYPE:
		sb_puts(b, "func");
		check_write_signature(b, e);
		break;
	case ND_INTERFACE_TYPE: check_write_iface_type(b, e); break;
	case ND_MAP_TYPE:
		sb_puts(b, "map[");
		check_write_expr(b, e->map_type.key);
		sb_putc(b, ']');
		check_write_expr(b, e->map_type.value);
		break;
	case ND_CHAN_TYPE: check_write_chan_type(b, e); break;
	case ND_FIELD: check_write_field(b, e); break;
	default: sb_printf(b, "<%s>", node_kind_name(e->kind)); break;
	}
}

const char *check_ex_str(Node *e)
{
	StrBuf b = {0};
	check_write_expr(&b, e);
	return sb_cstr(&b);
}

const char *check_ty_str(Type *t)
{
	return type_diag_string(t);
}

const char *check_pos_str(Pos p)
{
	SourceFile *f = source_file(p.file);
	if (!f)
		return "?";
	return xsprintf("%s:%d:%d", f->name, p.line, p.col);
}

static const char *const mode_names[] = {
	[MODE_INVALID] = "invalid operand", [MODE_NOVALUE] = "no value", [MODE_BUILTIN] = "built-in",
	[MODE_TYPE] = "type", [MODE_CONST] = "constant", [MODE_VARIABLE] = "variable",
	[MODE_MAPINDEX] = "map index expression", [MODE_VALUE] = "value",
	[MODE_COMMAOK] = "comma, ok expression", [MODE_PACKAGE] = "package", [MODE_NILVALUE] = "nil",
};

/* types2 operandString */
const char *check_op_str(Operand *x)
{
	if (x->mode == MODE_NILVALUE) {
		if (!x->type || x->type == ty_invalid)
			return "nil (with invalid type)";
		if (x->type->kind == TY_UNTYPED_NIL)
			return "nil";
		return xsprintf("nil (of type %s)", check_ty_str(x->type));
	}
	StrBuf b = {0};
	const char *expr = NULL;
	if (x->expr)
		expr = check_ex_str(x->expr);
	else if (x->mode == MODE_BUILTIN)
		expr = check_builtin_name(x->id);
	else if (x->mode == MODE_TYPE)
		expr = check_ty_str(x->type);
	else if (x->mode == MODE_CONST && x->val)
		expr = const_format(x->val);
	if (expr && *expr) {
		sb_puts(&b, expr);
		sb_puts(&b, " (");
	}
	bool has_type = false;
	switch (x->mode) {
	case MODE_INVALID: case MODE_NOVALUE: case MODE_BUILTIN: case MODE_TYPE:
		break;
	default:
		if (x->type) {
			if (type_is_untyped(x->type)) {
				sb_puts(&b, check_ty_str(x->type));
				sb_putc(&b, ' ');
				break;
			}
			has_type = true;
		}
	}
	sb_puts(&b, mode_names[x->mode]);
	if (x->mode == MODE_CONST && x->val) {
		const char *s = const_format(x->val);
		if (!expr || strcmp(s, expr) != 0) {
			sb_putc(&b, ' ');
			sb_puts(&b, s);
		}
	}
	if (has_type) {
		if (x->type != ty_invalid) {
			sb_puts(&b, " of type ");
			sb_puts(&b, check_ty_str(x->type));
		} else {
			sb_puts(&b, " with invalid type");
		}
	}
	if (expr && *expr)
		sb_putc(&b, ')');
	return sb_cstr(&b);
}

const char *check_obj_kind_str(Object *obj)
{
	switch (obj->kind) {
	case OBJ_CONST: return "const";
	case OBJ_TYPE: return "type";
	case OBJ_VAR: return obj->is_field ? "field" : "var";
	case OBJ_FUNC: return "func";
	case OBJ_PACKAGE: return "package";
	case OBJ_BUILTIN: return "builtin";
	case OBJ_NIL: return "nil";
	case OBJ_LABEL: return "label";
	default: return "object";
	}
}
