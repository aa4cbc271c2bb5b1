/*
 * lower_const.c: constant values as LLVM constants.
 *
 * In: an exact ConstValue (constant.h) and the Go type the checker gave the expression. Out: an LLVM
 * constant of that type's register representation. Integer constants are converted with wrap-around
 * (the checker has already rejected overflow, so this only reinterprets, e.g. uint64 max as i64 -1);
 * float constants are rounded once, to the target precision; strings become private unnamed_addr
 * byte arrays shared by identical contents.
 */
#include "lower.h"

#include <string.h>

/* A pointer to `len` constant bytes (deduplicated within the module). */
LLVMValueRef lower_cstring_ptr(const char *s, size_t len)
{
	const char *key = intern(s, len); /* identical bytes -> identical pointer */
	LLVMValueRef known = hashmap_get(&L.strings, key);
	if (known)
		return known;
	LLVMValueRef init = LLVMConstStringInContext(L.ctx, s, (unsigned)len, true);
	LLVMValueRef g = LLVMAddGlobal(L.mod, LLVMTypeOf(init), "go.string");
	LLVMSetInitializer(g, init);
	LLVMSetGlobalConstant(g, true);
	LLVMSetLinkage(g, LLVMPrivateLinkage);
	LLVMSetUnnamedAddress(g, LLVMGlobalUnnamedAddr);
	LLVMSetAlignment(g, 1);
	hashmap_put(&L.strings, key, g);
	return g;
}

LLVMValueRef lower_string_const(const char *s, size_t len)
{
	LLVMValueRef f[2] = {
		len ? lower_cstring_ptr(s, len) : LLVMConstNull(L.t_ptr),
		LLVMConstInt(L.t_i64, len, false),
	};
	return LLVMConstStructInContext(L.ctx, f, 2, false);
}

static LLVMValueRef int_const(ConstValue *v, LLVMTypeRef ty)
{
	int64_t i;
	uint64_t u;
	if (const_to_int64(v, &i))
		return LLVMConstInt(ty, (unsigned long long)i, true);
	if (const_to_uint64(v, &u))
		return LLVMConstInt(ty, u, false);
	ConstValue *iv = const_to_int(v);
	if (iv && const_to_int64(iv, &i))
		return LLVMConstInt(ty, (unsigned long long)i, true);
	if (iv && const_to_uint64(iv, &u))
		return LLVMConstInt(ty, u, false);
	internal_error("integer constant %s does not fit in 64 bits", const_format(v));
}

static LLVMValueRef complex_const(ConstValue *v, bool is64)
{
	double re = const_real64(v), im = const_imag64(v);
	if (const_kind(v) != CONST_COMPLEX) {
		re = const_to_float64(v);
		im = 0;
	}
	LLVMTypeRef ft = is64 ? L.t_f32 : L.t_f64;
	if (is64) {
		re = (float)re;
		im = (float)im;
	}
	LLVMValueRef f[2] = {LLVMConstReal(ft, re), LLVMConstReal(ft, im)};
	return LLVMConstStructInContext(L.ctx, f, 2, false);
}

LLVMValueRef lower_const(ConstValue *v, Type *t)
{
	if (type_is_untyped(t))
		t = type_default(t);
	Type *u = type_underlying(t);
	switch (u->kind) {
	case TY_BOOL:
		return LLVMConstInt(L.t_i1, const_bool_val(v), false);
	case TY_INT: case TY_INT8: case TY_INT16: case TY_INT32: case TY_INT64:
	case TY_UINT: case TY_UINT8: case TY_UINT16: case TY_UINT32: case TY_UINT64: case TY_UINTPTR:
		return int_const(v, lower_type(t));
	case TY_FLOAT32:
		return LLVMConstReal(L.t_f32, (double)const_to_float32(v));
	case TY_FLOAT64:
		return LLVMConstReal(L.t_f64, const_to_float64(v));
	case TY_COMPLEX64:
		return complex_const(v, true);
	case TY_COMPLEX128:
		return complex_const(v, false);
	case TY_STRING: {
		size_t len;
		const char *s = const_string_val(v, &len);
		return lower_string_const(s, len);
	}
	case TY_UNSAFE_POINTER: case TY_POINTER:
		/* only uintptr-valued constants converted to unsafe.Pointer reach here */
		return LLVMConstIntToPtr(int_const(v, L.t_i64), L.t_ptr);
	default:
		internal_error("constant of type %s", type_string(t));
	}
}
