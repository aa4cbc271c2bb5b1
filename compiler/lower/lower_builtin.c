/*
 * lower_builtin.c: calls of the predeclared functions (len, cap, new, make, append, copy, complex,
 * real, imag, print, println, panic, recover) and of package unsafe's Add and Slice.
 *
 * In: an ND_CALL with call_kind CALL_BUILTIN. Out: its value. Calls the checker folded into constants
 * (len of an array, unsafe.Sizeof ...) never get here. Each builtin is a few lines or delegates to
 * the file of its feature (lower_slice.c, lower_print.c, lower_map.c, lower_chan.c).
 */
#include "lower.h"

static Node *arg(Node *call, int i)
{
	return call->call.args.data[i];
}

static LLVMValueRef lower_len_cap(Node *call, bool is_cap)
{
	Node *x = arg(call, 0);
	Type *u = type_underlying(lower_type_of(x));
	switch (u->kind) {
	case TY_STRING: case TY_UNTYPED_STRING:
		return LLVMBuildExtractValue(L.b, lower_expr(x), 1, "len");
	case TY_SLICE:
		return LLVMBuildExtractValue(L.b, lower_expr(x), is_cap ? 2 : 1, is_cap ? "cap" : "len");
	case TY_ARRAY:
		lower_expr(x); /* only reached when x has calls or receives: evaluate for effect */
		return i64c(u->array.len);
	case TY_POINTER:
		lower_expr(x);
		return i64c(type_underlying(u->pointer.elem)->array.len);
	case TY_MAP:
		return lower_map_len(lower_expr(x));
	case TY_CHAN:
		return lower_chan_len_cap(call, is_cap);
	default:
		internal_error("len/cap of %s", type_string(lower_type_of(x)));
	}
}

static LLVMValueRef lower_complex_builtin(Node *call)
{
	Type *ct = lower_type_of(call);
	if (type_is_untyped(ct))
		ct = type_default(ct);
	Type *ft = type_basic(type_underlying(ct)->kind == TY_COMPLEX64 ? TY_FLOAT32 : TY_FLOAT64);
	LLVMValueRef re = lower_expr_as(arg(call, 0), ft);
	LLVMValueRef im = lower_expr_as(arg(call, 1), ft);
	LLVMValueRef c = LLVMGetUndef(lower_type(ct));
	c = LLVMBuildInsertValue(L.b, c, re, 0, "");
	return LLVMBuildInsertValue(L.b, c, im, 1, "");
}

static LLVMValueRef lower_real_imag(Node *call, int part)
{
	Node *x = arg(call, 0);
	Type *xt = type_is_untyped(lower_type_of(x)) ? type_default(lower_type_of(x)) : lower_type_of(x);
	LLVMValueRef c = lower_expr_as(x, xt);
	return LLVMBuildExtractValue(L.b, c, (unsigned)part, "");
}

/* gc's open-coded runtime.unsafeslice (walkUnsafeSlice): len, as an int, must not be negative (a
 * uint beyond MaxInt converts to a negative int) and len*size must neither overflow nor pass the
 * end of the address space from p; if it does, p == nil gets its own message. */
static void unsafe_slice_check(LLVMValueRef p, LLVMValueRef len, int64_t size)
{
	lower_panic_if(LLVMBuildICmp(L.b, LLVMIntSLT, len, i64c(0), ""), RT_panicunsafeslicelen, NULL, 0);
	LLVMTypeRef fnty;
	LLVMValueRef mul = lower_intrinsic("llvm.umul.with.overflow", &L.t_i64, 1, &fnty);
	LLVMValueRef r = LLVMBuildCall2(L.b, fnty, mul, (LLVMValueRef[]){i64c(size), len}, 2, "");
	LLVMValueRef room = LLVMBuildNeg(L.b, LLVMBuildPtrToInt(L.b, p, L.t_i64, ""), "");
	LLVMValueRef too_big = LLVMBuildICmp(L.b, LLVMIntUGT, LLVMBuildExtractValue(L.b, r, 0, ""), room, "");
	LLVMValueRef bad = LLVMBuildOr(L.b, LLVMBuildExtractValue(L.b, r, 1, ""), too_big, "");
	LLVMBasicBlockRef fail = lower_block("unsafeslice.bad"), ok = lower_block("unsafeslice.ok");
	LLVMBuildCondBr(L.b, bad, fail, ok);
	lower_position_at_end(fail);
	lower_panic_if(LLVMBuildIsNull(L.b, p, ""), RT_panicunsafeslicenilptr, NULL, 0);
	lower_call_runtime(RT_panicunsafeslicelen, NULL, 0);
	lower_position_at_end(ok);
}

/* unsafe.Slice(p, n): {p, n, n} after gc's checks. */
static LLVMValueRef lower_unsafe_slice(Node *call)
{
	LLVMValueRef p = lower_expr(arg(call, 0));
	Node *n = arg(call, 1);
	Type *nt = type_is_untyped(lower_type_of(n)) ? type_basic(TY_INT) : lower_type_of(n);
	LLVMValueRef len = lower_expr_as(n, nt);
	len = lower_convert_value(len, nt, type_basic(TY_INT), call);
	Type *pt = type_underlying(lower_type_of(arg(call, 0)));
	unsafe_slice_check(p, len, type_size(pt->pointer.elem));
	return lower_slice_make(p, len, len);
}

static LLVMValueRef lower_unsafe_add(Node *call)
{
	LLVMValueRef p = lower_expr(arg(call, 0));
	Node *n = arg(call, 1);
	Type *nt = type_is_untyped(lower_type_of(n)) ? type_basic(TY_INT) : lower_type_of(n);
	LLVMValueRef off = lower_convert_value(lower_expr_as(n, nt), nt, type_basic(TY_INT), call);
	return LLVMBuildGEP2(L.b, L.t_i8, p, &off, 1, "");
}

/* f(g()) for a builtin f and multi-valued g: evaluates g once into temporaries and returns a copy
 * of the call whose arguments are identifiers bound to them, so each builtin sees plain arguments. */
static Node *expand_tuple_args(Node *call)
{
	Node *g = call->call.args.data[0];
	LLVMValueRef *vals = lower_value_array(lower_value_count(g));
	Type **types = lower_type_array(lower_value_count(g));
	int n = lower_multi_value(g, vals, types);
	Node *c = node_new(ND_CALL, call->pos);
	*c = *call;
	c->call.args = (Vec){0};
	for (int i = 0; i < n; i++) {
		Object *tmp = object_new(L.pkg, OBJ_VAR, intern("~tuple", 6), g->pos, types[i]);
		LLVMValueRef addr = lower_alloca(types[i], "tuple");
		lower_store(types[i], addr, vals[i]);
		varmap_put(&L.fn->vars, tmp, addr);
		Node *id = node_new(ND_IDENT, g->pos);
		id->ident.name = tmp->name;
		id->ident.obj = tmp;
		id->mode = MODE_VARIABLE;
		id->type = types[i];
		vec_push(&c->call.args, id);
	}
	return c;
}

LLVMValueRef lower_builtin_call(Node *call)
{
	if (call->call.args.len == 1) {
		Node *a0 = call->call.args.data[0];
		if (lower_type_of(a0) && lower_type_of(a0)->kind == TY_TUPLE)
			call = expand_tuple_args(call);
	}
	switch (call->call.builtin) {
	case BI_LEN: return lower_len_cap(call, false);
	case BI_CAP: return lower_len_cap(call, true);
	case BI_NEW: return lower_new_at(type_underlying(lower_type_of(call))->pointer.elem, call->call.stack_buf);
	case BI_MAKE:
		if (type_underlying(lower_type_of(call))->kind == TY_SLICE)
			return lower_make_slice(call);
		if (type_underlying(lower_type_of(call))->kind == TY_MAP)
			return lower_map_make(call);
		return lower_chan_make(call);
	case BI_APPEND: return lower_append(call);
	case BI_COPY: return lower_copy(call);
	case BI_COMPLEX: return lower_complex_builtin(call);
	case BI_REAL: return lower_real_imag(call, 0);
	case BI_IMAG: return lower_real_imag(call, 1);
	case BI_PRINT: return lower_print(call, false);
	case BI_PRINTLN: return lower_print(call, true);
	case BI_PANIC: return lower_panic(call);
	case BI_RECOVER: return lower_recover(call);
	case BI_UNSAFE_ADD: return lower_unsafe_add(call);
	case BI_UNSAFE_SLICE: return lower_unsafe_slice(call);
	case BI_DELETE:
		lower_map_delete(call);
		return NULL;
	case BI_CLOSE:
		lower_chan_close(call);
		return NULL;
	default:
		internal_error("builtin %d", call->call.builtin);
	}
}
