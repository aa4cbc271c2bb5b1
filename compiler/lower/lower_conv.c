/*
 * lower_conv.c: conversions T(x) between numeric types, strings, byte/rune slices and pointers.
 *
 * In: a value of type `from` and the target type `to`. Out: the converted value. Conversions that
 * only change the name of a type (named <-> underlying, pointer <-> pointer) change nothing.
 *
 * The key point is float -> integer: Go leaves out-of-range results implementation-defined, and gc
 * on amd64 produces whatever CVTTSD2SQ/CVTTSD2SL produce (0x8000... on overflow and NaN), widening
 * through int32 or int64 exactly as ssagen's fpConvOpToSSA table says. LLVM's fptosi would be poison
 * there, so gocc calls the same x86 instructions through their LLVM intrinsics and gets gc's bits.
 */
#include "lower.h"

static int int_bits(Type *u)
{
	return (int)type_size(u) * 8;
}

/* cvttsd2si / cvttss2si (32- or 64-bit result) on a scalar float. */
static LLVMValueRef x86_cvtt(LLVMValueRef f, bool is_f32, bool to64)
{
	const char *name = is_f32 ? (to64 ? "llvm.x86.sse.cvttss2si64" : "llvm.x86.sse.cvttss2si")
	                          : (to64 ? "llvm.x86.sse2.cvttsd2si64" : "llvm.x86.sse2.cvttsd2si");
	LLVMTypeRef fnty;
	LLVMValueRef fn = lower_intrinsic(name, NULL, 0, &fnty);
	LLVMTypeRef vt = LLVMVectorType(is_f32 ? L.t_f32 : L.t_f64, is_f32 ? 4 : 2);
	LLVMValueRef vec = LLVMBuildInsertElement(L.b, LLVMGetPoison(vt), f, LLVMConstInt(L.t_i32, 0, false), "");
	return LLVMBuildCall2(L.b, fnty, fn, &vec, 1, "");
}

/* float -> uint64, gc's floatToUint: below 2^63 convert directly, else subtract 2^63 and set the top bit. */
static LLVMValueRef float_to_uint64(LLVMValueRef f, bool is_f32)
{
	LLVMTypeRef ft = is_f32 ? L.t_f32 : L.t_f64;
	LLVMValueRef cutoff = LLVMConstReal(ft, 9223372036854775808.0);
	LLVMValueRef small = LLVMBuildFCmp(L.b, LLVMRealOLT, f, cutoff, "");
	LLVMValueRef direct = x86_cvtt(f, is_f32, true);
	LLVMValueRef big = x86_cvtt(LLVMBuildFSub(L.b, f, cutoff, ""), is_f32, true);
	big = LLVMBuildOr(L.b, big, LLVMConstInt(L.t_i64, 1ull << 63, false), "");
	return LLVMBuildSelect(L.b, small, direct, big, "");
}

static LLVMValueRef float_to_int(LLVMValueRef v, Type *fu, Type *tu)
{
	bool is_f32 = fu->kind == TY_FLOAT32;
	LLVMTypeRef to = lower_type(tu);
	switch (tu->kind) {
	case TY_INT8: case TY_INT16: case TY_INT32: case TY_UINT8: case TY_UINT16: {
		LLVMValueRef r = x86_cvtt(v, is_f32, false);
		return tu->kind == TY_INT32 ? r : LLVMBuildTrunc(L.b, r, to, "");
	}
	case TY_INT: case TY_INT64: case TY_UINT32: {
		LLVMValueRef r = x86_cvtt(v, is_f32, true);
		return tu->kind == TY_UINT32 ? LLVMBuildTrunc(L.b, r, to, "") : r;
	}
	default: /* uint, uint64, uintptr */
		return float_to_uint64(v, is_f32);
	}
}

static LLVMValueRef int_to_int(LLVMValueRef v, Type *fu, Type *tu)
{
	int fb = int_bits(fu), tb = int_bits(tu);
	LLVMTypeRef to = lower_type(tu);
	if (fb == tb)
		return v;
	if (fb > tb)
		return LLVMBuildTrunc(L.b, v, to, "");
	return type_is_unsigned(fu) ? LLVMBuildZExt(L.b, v, to, "") : LLVMBuildSExt(L.b, v, to, "");
}

static LLVMValueRef complex_to_complex(LLVMValueRef v, Type *fu, Type *tu)
{
	if (fu->kind == tu->kind)
		return v;
	LLVMTypeRef et = tu->kind == TY_COMPLEX64 ? L.t_f32 : L.t_f64;
	LLVMValueRef re = LLVMBuildExtractValue(L.b, v, 0, ""), im = LLVMBuildExtractValue(L.b, v, 1, "");
	re = LLVMBuildFPCast(L.b, re, et, "");
	im = LLVMBuildFPCast(L.b, im, et, "");
	LLVMValueRef c = LLVMGetUndef(lower_type(tu));
	c = LLVMBuildInsertValue(L.b, c, re, 0, "");
	return LLVMBuildInsertValue(L.b, c, im, 1, "");
}

static bool is_slice_of(Type *u, TypeKind elem)
{
	return u->kind == TY_SLICE && type_underlying(u->array.elem)->kind == elem;
}

/* string(x) for integer x: the UTF-8 encoding of rune x, or "\uFFFD" if invalid. */
static LLVMValueRef int_to_string(LLVMValueRef v, Type *fu)
{
	LLVMValueRef r = int_bits(fu) == 64 ? v
	                 : type_is_unsigned(fu) ? LLVMBuildZExt(L.b, v, L.t_i64, "")
	                                        : LLVMBuildSExt(L.b, v, L.t_i64, "");
	return lower_call_runtime(RT_intstring, &r, 1);
}

/* []byte(s) / []rune(s) as gc lowers them (walkStringToBytes/Runes; typecheck turns []rune of a
 * constant into a slice literal): a constant string becomes an exactly sized copy (cap = len); otherwise the runtime converts, into a 32-element
 * buffer in this frame when the escape analysis says the result stays here (conv may use a stack
 * buffer; one buffer per conversion site, reused by every execution as gc's is), so cap() and
 * append behave as with gc. conv is NULL when unknown (then the result is taken to escape). */
static LLVMValueRef string_to_slice(LLVMValueRef s, TypeKind elem, Node *conv, bool is_const)
{
	Type *st = type_slice(type_basic(elem));
	LLVMValueRef out = lower_alloca(st, "conv");
	LLVMValueRef buf = LLVMConstNull(L.t_ptr);
	if (conv && !is_const && conv->call.stack_buf) {
		LLVMTypeRef et = elem == TY_UINT8 ? L.t_i8 : L.t_i32;
		buf = LLVMBuildAlloca(L.fn->alloca_builder, LLVMArrayType(et, 32), "tmpbuf");
		LLVMSetAlignment(buf, 8);
	}
	LLVMValueRef args[3] = {out, buf, s};
	lower_call_runtime(elem == TY_UINT8 ? RT_stringtoslicebyte : RT_stringtoslicerune, args, 3);
	LLVMValueRef v = lower_load(st, out);
	if (is_const) /* cap = len */
		v = LLVMBuildInsertValue(L.b, v, LLVMBuildExtractValue(L.b, v, 1, ""), 2, "");
	return v;
}

static LLVMValueRef slice_to_string(LLVMValueRef sl, TypeKind elem)
{
	LLVMValueRef args[2] = {LLVMBuildExtractValue(L.b, sl, 0, ""), LLVMBuildExtractValue(L.b, sl, 1, "")};
	return lower_call_runtime(elem == TY_UINT8 ? RT_slicebytetostring : RT_slicerunetostring, args, 2);
}

/* (*[N]T)(s): panics unless len(s) >= N. */
static LLVMValueRef slice_to_array_ptr(LLVMValueRef sl, Type *tu)
{
	int64_t n = type_underlying(tu->pointer.elem)->array.len;
	LLVMValueRef len = LLVMBuildExtractValue(L.b, sl, 1, "");
	LLVMValueRef args[2] = {i64c(n), len};
	lower_panic_if(LLVMBuildICmp(L.b, LLVMIntSLT, len, i64c(n), ""), RT_goPanicSliceConvert, args, 2);
	return LLVMBuildExtractValue(L.b, sl, 0, "");
}

LLVMValueRef lower_convert_value(LLVMValueRef v, Type *from, Type *to, Node *where)
{
	if (type_is_untyped(from))
		from = type_default(from);
	Type *fu = type_underlying(from), *tu = type_underlying(to);
	(void)where;
	if (tu->kind == TY_INTERFACE)
		return lower_to_iface(v, from, to);
	if (type_is_integer(fu) && type_is_integer(tu))
		return int_to_int(v, fu, tu);
	if (type_is_integer(fu) && type_is_float(tu))
		return type_is_unsigned(fu) ? LLVMBuildUIToFP(L.b, v, lower_type(tu), "") : LLVMBuildSIToFP(L.b, v, lower_type(tu), "");
	if (type_is_float(fu) && type_is_integer(tu))
		return float_to_int(v, fu, tu);
	if (type_is_float(fu) && type_is_float(tu))
		return fu->kind == tu->kind ? v : LLVMBuildFPCast(L.b, v, lower_type(tu), "");
	if (type_is_complex(fu) && type_is_complex(tu))
		return complex_to_complex(v, fu, tu);
	if (type_is_integer(fu) && tu->kind == TY_STRING)
		return int_to_string(v, fu);
	if (fu->kind == TY_STRING && (is_slice_of(tu, TY_UINT8) || is_slice_of(tu, TY_INT32)))
		return string_to_slice(v, type_underlying(tu->array.elem)->kind, NULL, false);
	if ((is_slice_of(fu, TY_UINT8) || is_slice_of(fu, TY_INT32)) && tu->kind == TY_STRING)
		return slice_to_string(v, type_underlying(fu->array.elem)->kind);
	if (fu->kind == TY_UNSAFE_POINTER && tu->kind == TY_UINTPTR)
		return LLVMBuildPtrToInt(L.b, v, L.t_i64, "");
	if (fu->kind == TY_UINTPTR && tu->kind == TY_UNSAFE_POINTER)
		return LLVMBuildIntToPtr(L.b, v, L.t_ptr, "");
	if (fu->kind == TY_SLICE && tu->kind == TY_POINTER)
		return slice_to_array_ptr(v, tu);
	return v; /* same representation */
}

/* The conversion call T(x). */
LLVMValueRef lower_conversion(Node *call)
{
	Node *x = call->call.args.data[0];
	Type *fu = type_underlying(type_is_untyped(lower_type_of(x)) ? type_default(lower_type_of(x)) : lower_type_of(x));
	Type *tu = type_underlying(lower_type_of(call));
	if (fu->kind == TY_STRING && (is_slice_of(tu, TY_UINT8) || is_slice_of(tu, TY_INT32))) {
		bool is_const = x->mode == MODE_CONST && x->cval;
		LLVMValueRef s = is_const ? lower_const(x->cval, type_basic(TY_STRING)) : lower_expr(x);
		return string_to_slice(s, type_underlying(tu->array.elem)->kind, call, is_const);
	}
	return lower_convert(x, lower_type_of(call));
}

LLVMValueRef lower_convert(Node *e, Type *to)
{
	Type *from = type_is_untyped(lower_type_of(e)) ? type_default(lower_type_of(e)) : lower_type_of(e);
	LLVMValueRef v;
	if (e->mode == MODE_CONST && e->cval && type_is_untyped(lower_type_of(e)) &&
	    !(type_underlying(to)->kind == TY_STRING && type_is_integer(from))) {
		/* an untyped constant converted to a non-constant type, e.g. []byte("abc") */
		v = lower_const(e->cval, from);
	} else {
		v = lower_expr(e);
	}
	return lower_convert_value(v, from, to, e);
}
