/*
 * lower_type.c: Go types as LLVM types, and the loads, stores and copies that move values between
 * registers and memory.
 *
 * Takes a Type, gives its register type (how a value travels in SSA form) and its memory type (how it
 * sits in memory). The key idea is that memory layout never relies on LLVM struct layout: aggregates
 * are [size x i8] blobs whose fields are reached by byte offsets computed by types.c, so gocc's layout
 * is gc's by construction, and every load/store carries Go's alignment explicitly.
 */
#include "lower.h"

/* Structs and arrays are "aggregates": never an LLVM value, always a pointer to memory holding
 * them. This keeps big values out of SSA registers (LLVM handles first-class aggregates poorly)
 * and makes a field of a value and a field of a variable the same byte-offset GEP. */
bool type_is_aggregate(Type *t)
{
	Type *u = type_underlying(t);
	return u->kind == TY_STRUCT || u->kind == TY_ARRAY;
}

/* Pointer-shaped types live directly in an interface's data word (gc's kindDirectIface). */
bool type_is_direct_iface(Type *t)
{
	Type *u = type_underlying(t);
	switch (u->kind) {
	case TY_POINTER: case TY_UNSAFE_POINTER: case TY_FUNC: case TY_MAP: case TY_CHAN:
		return true;
	case TY_STRUCT:
		return u->strct.nfields == 1 && type_is_direct_iface(u->strct.fields[0]->type);
	case TY_ARRAY:
		return u->array.len == 1 && type_is_direct_iface(u->array.elem);
	default:
		return false;
	}
}

/* The register type of t: how a value of t travels between instructions. Untyped constant types
 * map to their default types; aggregates to ptr (the address of the memory holding them). */
LLVMTypeRef lower_type(Type *t)
{
	Type *u = type_underlying(t);
	switch (u->kind) {
	case TY_BOOL: case TY_UNTYPED_BOOL:
		return L.t_i1;
	case TY_INT8: case TY_UINT8:
		return L.t_i8;
	case TY_INT16: case TY_UINT16:
		return L.t_i16;
	case TY_INT32: case TY_UINT32: case TY_UNTYPED_RUNE:
		return L.t_i32;
	case TY_INT: case TY_INT64: case TY_UINT: case TY_UINT64: case TY_UINTPTR: case TY_UNTYPED_INT:
		return L.t_i64;
	case TY_FLOAT32:
		return L.t_f32;
	case TY_FLOAT64: case TY_UNTYPED_FLOAT:
		return L.t_f64;
	case TY_COMPLEX64:
		return L.t_c64;
	case TY_COMPLEX128: case TY_UNTYPED_COMPLEX:
		return L.t_c128;
	case TY_STRING: case TY_UNTYPED_STRING:
		return L.t_string;
	case TY_SLICE:
		return L.t_slice;
	case TY_INTERFACE:
		return L.t_eface;
	case TY_UNSAFE_POINTER: case TY_POINTER: case TY_FUNC: case TY_MAP: case TY_CHAN:
	case TY_UNTYPED_NIL:
		return L.t_ptr;
	case TY_STRUCT: case TY_ARRAY:
		return L.t_ptr;
	default:
		internal_error("lower_type: unexpected type %s", type_string(t));
	}
}

/* The memory type of t: what an alloca or global of t holds. Differs from the register type for
 * bool (an i8 byte, as in gc) and aggregates ([size x i8], gc's size; fields at types.c offsets). */
LLVMTypeRef lower_mem_type(Type *t)
{
	Type *u = type_underlying(t);
	if (u->kind == TY_BOOL)
		return L.t_i8;
	if (u->kind == TY_STRUCT || u->kind == TY_ARRAY)
		return LLVMArrayType2(L.t_i8, (uint64_t)type_size(t));
	return lower_type(t);
}

LLVMValueRef i64c(int64_t v)
{
	return LLVMConstInt(L.t_i64, (unsigned long long)v, true);
}

LLVMValueRef intc(LLVMTypeRef t, int64_t v)
{
	return LLVMConstInt(t, (unsigned long long)v, true);
}

LLVMValueRef lower_bool_to_mem(LLVMValueRef v)
{
	return LLVMBuildZExt(L.b, v, L.t_i8, "");
}

static unsigned align_of(Type *t)
{
	int64_t a = type_align(t);
	return a > 0 ? (unsigned)a : 1;
}

/* The value of type t stored at addr. For an aggregate the "value" is addr itself: callers that
 * need a snapshot (assignment of several values, arguments) take lower_copy_to_temp. */
LLVMValueRef lower_load(Type *t, LLVMValueRef addr)
{
	if (type_is_aggregate(t))
		return addr;
	Type *u = type_underlying(t);
	LLVMValueRef v = LLVMBuildLoad2(L.b, lower_mem_type(t), addr, "");
	LLVMSetAlignment(v, align_of(t));
	if (u->kind == TY_BOOL) {
		/* bools in memory are 0 or 1; tell LLVM so it can drop the compare */
		v = LLVMBuildTrunc(L.b, v, L.t_i1, "");
	}
	return v;
}

/* Stores v of type t at addr. Aggregates are copied with llvm.memmove, not memcpy: in `a = a`
 * or `s.inner = s.inner2` source and destination may overlap. */
void lower_store(Type *t, LLVMValueRef addr, LLVMValueRef v)
{
	if (type_is_aggregate(t)) {
		if (v != addr)
			lower_memmove(addr, v, i64c(type_size(t)), type_align(t));
		return;
	}
	if (type_underlying(t)->kind == TY_BOOL)
		v = lower_bool_to_mem(v);
	LLVMValueRef st = LLVMBuildStore(L.b, v, addr);
	LLVMSetAlignment(st, align_of(t));
}

void lower_zero(Type *t, LLVMValueRef addr)
{
	if (type_is_aggregate(t)) {
		if (type_size(t) > 0)
			lower_memset0(addr, i64c(type_size(t)), type_align(t));
		return;
	}
	LLVMValueRef st = LLVMBuildStore(L.b, LLVMConstNull(lower_mem_type(t)), addr);
	LLVMSetAlignment(st, align_of(t));
}

/* The zero value of t: a constant, or for an aggregate a fresh zeroed temporary. */
LLVMValueRef lower_zero_value(Type *t)
{
	if (type_is_aggregate(t)) {
		LLVMValueRef tmp = lower_alloca(t, "zero");
		lower_zero(t, tmp);
		return tmp;
	}
	return LLVMConstNull(lower_type(t));
}

/* A private copy of v: needed when an aggregate value must not change under later stores (the
 * right-hand sides of a, b = b, a; arguments, which the callee owns). Register values are
 * immutable already. */
LLVMValueRef lower_copy_to_temp(Type *t, LLVMValueRef v)
{
	if (!type_is_aggregate(t))
		return v;
	LLVMValueRef tmp = lower_alloca(t, "copy");
	if (type_size(t) > 0)
		lower_memmove(tmp, v, i64c(type_size(t)), type_align(t));
	return tmp;
}

void lower_memmove(LLVMValueRef dst, LLVMValueRef src, LLVMValueRef size, int64_t align)
{
	LLVMValueRef call = LLVMBuildMemMove(L.b, dst, (unsigned)align, src, (unsigned)align, size);
	(void)call;
}

void lower_memset0(LLVMValueRef dst, LLVMValueRef size, int64_t align)
{
	LLVMBuildMemSet(L.b, dst, LLVMConstInt(L.t_i8, 0, false), size, (unsigned)align);
}

/* base + offset bytes: how fields are reached (gc's offsets, never LLVM struct indexes). */
LLVMValueRef lower_gep(LLVMValueRef base, int64_t offset)
{
	if (offset == 0)
		return base;
	LLVMValueRef idx = i64c(offset);
	return LLVMBuildInBoundsGEP2(L.b, L.t_i8, base, &idx, 1, "");
}

/* &base[idx] for elements of type elem; idx is an i64 already checked. */
LLVMValueRef lower_index_addr(Type *elem, LLVMValueRef base, LLVMValueRef idx)
{
	int64_t size = type_size(elem);
	if (size == 0)
		return base;
	LLVMTypeRef et = type_is_aggregate(elem) || type_underlying(elem)->kind == TY_BOOL
	                     ? LLVMArrayType2(L.t_i8, (uint64_t)size)
	                     : lower_mem_type(elem);
	return LLVMBuildInBoundsGEP2(L.b, et, base, &idx, 1, "");
}
