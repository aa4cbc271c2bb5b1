/*
 * check_format.c: how the checker prints expressions, operands, types and positions in messages.
 *
 * Expressions print through the one expression printer (syntax/ast_print.c, gc's syntax.String
 * short form). Operands print as types2's operandString:
 * "x (variable of type int)", "1 (untyped int constant)", "f() (value of type (int, string))".
 */
#include "check.h"

#include <string.h>

const char *check_ex_str(Node *e)
{
	return ast_expr_string(e, 0);
}

const char *check_ty_str(Type *t)
{
	return type_diag_string_in(t, ck ? ck->pkg : NULL);
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
