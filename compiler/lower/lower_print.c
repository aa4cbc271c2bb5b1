/*
 * lower_print.c: the print and println builtins, and panic.
 *
 * In: the call's arguments. Out: calls of the runtime print functions (runtime.def), one per argument
 * by kind, bracketed by printlock/printunlock so concurrent prints do not interleave; println puts
 * printsp between arguments and printnl at the end, which gives go1.19's exact output format (the
 * runtime does the number formatting). Arguments are all evaluated before the lock is taken, as gc
 * does, so a call inside an argument may print too.
 *
 * panic(v) boxes v into an empty interface {type descriptor, data} and calls runtime gopanic, which
 * prints "panic: " + the value as gc's printpanicval does and exits with status 2.
 */
#include "lower.h"

/* The concrete type of a constant argument whose node type is an interface (defensive). */
static Type *const_type(Node *e)
{
	Type *t = lower_type_of(e);
	if (type_is_untyped(t))
		return type_default(t);
	if (type_underlying(t)->kind == TY_INTERFACE && e->mode == MODE_CONST && e->cval) {
		switch (const_kind(e->cval)) {
		case CONST_BOOL: return type_basic(TY_BOOL);
		case CONST_STRING: return type_basic(TY_STRING);
		case CONST_INT: return type_basic(TY_INT);
		case CONST_FLOAT: return type_basic(TY_FLOAT64);
		case CONST_COMPLEX: return type_basic(TY_COMPLEX128);
		default: break;
		}
	}
	return t;
}

static LLVMValueRef arg_value(Node *e, Type *t)
{
	if (e->mode == MODE_CONST && e->cval)
		return lower_const(e->cval, t);
	return lower_expr(e);
}

static void print_one(Node *e, Type *t, LLVMValueRef v)
{
	Type *u = type_underlying(t);
	LLVMValueRef a[3];
	switch (u->kind) {
	case TY_BOOL:
		lower_call_runtime(RT_printbool, &v, 1);
		return;
	case TY_INT: case TY_INT8: case TY_INT16: case TY_INT32: case TY_INT64:
		a[0] = LLVMBuildSExt(L.b, v, L.t_i64, "");
		lower_call_runtime(RT_printint, a, 1);
		return;
	case TY_UINT: case TY_UINT8: case TY_UINT16: case TY_UINT32: case TY_UINT64: case TY_UINTPTR:
		a[0] = LLVMBuildZExt(L.b, v, L.t_i64, "");
		lower_call_runtime(RT_printuint, a, 1);
		return;
	case TY_FLOAT32: case TY_FLOAT64:
		a[0] = LLVMBuildFPExt(L.b, v, L.t_f64, "");
		lower_call_runtime(RT_printfloat, a, 1);
		return;
	case TY_COMPLEX64: case TY_COMPLEX128:
		a[0] = LLVMBuildFPExt(L.b, LLVMBuildExtractValue(L.b, v, 0, ""), L.t_f64, "");
		a[1] = LLVMBuildFPExt(L.b, LLVMBuildExtractValue(L.b, v, 1, ""), L.t_f64, "");
		lower_call_runtime(RT_printcomplex, a, 2);
		return;
	case TY_STRING:
		lower_call_runtime(RT_printstring, &v, 1);
		return;
	case TY_POINTER: case TY_UNSAFE_POINTER: case TY_CHAN: case TY_MAP: case TY_FUNC:
		lower_call_runtime(RT_printpointer, &v, 1);
		return;
	case TY_SLICE:
		for (unsigned i = 0; i < 3; i++)
			a[i] = LLVMBuildExtractValue(L.b, v, i, "");
		lower_call_runtime(RT_printslice, a, 3);
		return;
	case TY_INTERFACE:
		lower_call_runtime(type_is_nonempty_iface(u) ? RT_printiface : RT_printeface, &v, 1);
		return;
	default:
		lower_unsupported(e->pos, xsprintf("printing values of type %s", type_string(t)));
	}
}

LLVMValueRef lower_print(Node *call, bool ln)
{
	Vec *args = &call->call.args;
	LLVMValueRef *vals = xalloc(sizeof(LLVMValueRef) * (size_t)(args->len + 1));
	Type **types = xalloc(sizeof(Type *) * (size_t)(args->len + 1));
	for (int i = 0; i < args->len; i++) {
		Node *e = args->data[i];
		types[i] = const_type(e);
		vals[i] = arg_value(e, types[i]);
	}
	lower_set_pos(call->pos);
	lower_call_runtime(RT_printlock, NULL, 0);
	for (int i = 0; i < args->len; i++) {
		if (ln && i > 0)
			lower_call_runtime(RT_printsp, NULL, 0);
		print_one(args->data[i], types[i], vals[i]);
	}
	if (ln)
		lower_call_runtime(RT_printnl, NULL, 0);
	lower_call_runtime(RT_printunlock, NULL, 0);
	return NULL;
}

LLVMValueRef lower_panic(Node *call)
{
	Node *e = call->call.args.data[0];
	LLVMValueRef ef;
	Type *t = const_type(e);
	if (type_underlying(t)->kind == TY_UNTYPED_NIL || (e->kind == ND_IDENT && e->ident.obj && e->ident.obj->kind == OBJ_NIL)) {
		ef = LLVMConstNull(L.t_eface);
	} else if (type_underlying(t)->kind == TY_INTERFACE) {
		ef = lower_iface_to_eface(lower_expr(e), t);
	} else {
		ef = lower_eface(arg_value(e, t), t);
	}
	lower_set_pos(call->pos);
	lower_call_runtime(RT_gopanic, &ef, 1);
	lower_dead_block();
	return NULL;
}
