/*
 * check_size.c: values larger than the address space are errors, as in gc's backend.
 *
 * In: the checked package (defined types, package variables, the locals of every function).
 * Out: gc's diagnostics for types whose size does not fit: `type [N]T larger than address space`
 * for an array of more than (MAXWIDTH-1)/sizeof(T) elements and `type S too large` for a struct
 * whose fields reach MAXWIDTH, where MAXWIDTH is amd64's 1<<50 (cmd/compile/internal/types
 * CalcSize). Without this check such a type would be laid out with a wrapped-around size.
 *
 * The one idea: every type literal that needs a size belongs to exactly one declaration, a defined
 * type or a variable, so walking each declaration's type down through arrays and struct fields,
 * and stopping at named types (checked at their own declaration), finds each oversized type once
 * and reports it at that declaration's name, where gc reports it. Runs only on a package without
 * other errors, as gc's backend does.
 */
#include "check.h"

enum { MAX_WIDTH_BITS = 50 };
#define MAX_WIDTH ((int64_t)1 << MAX_WIDTH_BITS)

/* Is every array and struct inside t (down to named types) small enough? Reports the first one
 * that is not. */
static bool size_fits(Type *t, Pos pos)
{
	if (!t || t->kind == TY_NAMED)
		return true;
	if (t->kind == TY_ARRAY) {
		if (!size_fits(t->array.elem, pos))
			return false;
		int64_t es = type_size(t->array.elem);
		if (es != 0 && t->array.len > (MAX_WIDTH - 1) / es) {
			check_errorf(pos, "type %s larger than address space", type_diag_string(t));
			return false;
		}
		return true;
	}
	if (t->kind != TY_STRUCT)
		return true;
	int64_t end = 0;
	for (int i = 0; i < t->strct.nfields; i++) {
		Type *ft = t->strct.fields[i]->type;
		if (!size_fits(ft, pos))
			return false;
		end += type_size(ft) + type_align(ft); /* an upper bound of the offset after the field */
		if (end >= MAX_WIDTH) {
			check_errorf(pos, "type %s too large", type_diag_string(t));
			return false;
		}
	}
	return true;
}

static void check_locals(Vec *lits, Vec *locals)
{
	for (int i = 0; i < locals->len; i++) {
		Object *v = locals->data[i];
		size_fits(v->type, v->pos);
	}
	for (int i = 0; i < lits->len; i++) {
		Object *fn = ((Node *)lits->data[i])->func_lit.obj;
		if (fn)
			check_locals(&check_obj_info(fn)->lits, &check_obj_info(fn)->locals);
	}
}

void check_sizes(Package *pkg)
{
	for (int i = 0; i < ck->named_types.len; i++) {
		Type *t = ck->named_types.data[i];
		if (t->named.obj)
			size_fits(t->named.underlying, t->named.obj->pos);
	}
	for (int i = 0; i < pkg->globals.len; i++) {
		Object *v = pkg->globals.data[i];
		size_fits(v->type, v->pos);
	}
	for (int i = 0; i < pkg->funcs.len; i++) {
		ObjInfo *info = check_obj_info(pkg->funcs.data[i]);
		check_locals(&info->lits, &info->locals);
	}
}
