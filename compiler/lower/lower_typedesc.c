/*
 * lower_typedesc.c: type descriptors, the constant GoType records the runtime reads.
 *
 * In: a Go Type needed at run time (allocation, panic values, later interfaces and maps). Out: one
 * internal constant global per type identity, named "type:<type_string>" (LLVM adds a numeric suffix
 * when two distinct types print alike, e.g. two local `T`s), laid out field by field from runtime.def
 * TYPE_FIELD so compiler and runtime agree by construction.
 *
 * Key facts:
 *   - identity: descriptors are shared by identical types (type_identical), so the runtime may compare
 *     descriptor pointers, as gc's runtime compares *_type;
 *   - ptrdata/gcdata: gcdata is a bitmap with bit i set when word i (8 bytes) of the value holds a
 *     pointer the GC must trace; ptrdata is the length of the prefix that holds pointers;
 *   - hash: 32-bit FNV-1a of the type string;
 *   - tflag: TFLAG_NAMED for every type with a name (defined and predeclared, as gc), and
 *     TFLAG_REGULAR_MEMORY when == is memory equality (runtime.def TYPE_TFLAG).
 */
#include "lower.h"

#include <string.h>

enum {
#define TYPE_KIND(name, value) KIND_##name = value,
#include "runtime.def"
};

enum {
#define TYPE_TFLAG(name, value) TFLAG_##name = value,
#include "runtime.def"
};

/* gc sets tflagNamed on every type that has a name: defined types and the predeclared ones. */
static bool has_name(Type *t)
{
	return t->kind == TY_NAMED || (t->kind >= TY_BOOL && t->kind <= TY_UNSAFE_POINTER);
}

static uint8_t kind_of(Type *t)
{
	Type *u = type_underlying(t);
	switch (u->kind) {
	case TY_BOOL: return KIND_BOOL;
	case TY_INT: return KIND_INT;
	case TY_INT8: return KIND_INT8;
	case TY_INT16: return KIND_INT16;
	case TY_INT32: return KIND_INT32;
	case TY_INT64: return KIND_INT64;
	case TY_UINT: return KIND_UINT;
	case TY_UINT8: return KIND_UINT8;
	case TY_UINT16: return KIND_UINT16;
	case TY_UINT32: return KIND_UINT32;
	case TY_UINT64: return KIND_UINT64;
	case TY_UINTPTR: return KIND_UINTPTR;
	case TY_FLOAT32: return KIND_FLOAT32;
	case TY_FLOAT64: return KIND_FLOAT64;
	case TY_COMPLEX64: return KIND_COMPLEX64;
	case TY_COMPLEX128: return KIND_COMPLEX128;
	case TY_STRING: return KIND_STRING;
	case TY_UNSAFE_POINTER: return KIND_UNSAFE_POINTER;
	case TY_ARRAY: return KIND_ARRAY;
	case TY_SLICE: return KIND_SLICE;
	case TY_STRUCT: return KIND_STRUCT;
	case TY_POINTER: return KIND_POINTER;
	case TY_FUNC: return KIND_FUNC;
	case TY_INTERFACE: return KIND_INTERFACE;
	case TY_MAP: return KIND_MAP;
	case TY_CHAN: return KIND_CHAN;
	default: internal_error("no type descriptor kind for %s", type_string(t));
	}
}

/* Sets bit (word) for every pointer word of a value of type t placed at byte offset `off`. */
static void pointer_bits(Type *t, int64_t off, uint8_t *bits)
{
	Type *u = type_underlying(t);
	switch (u->kind) {
	case TY_POINTER: case TY_UNSAFE_POINTER: case TY_FUNC: case TY_MAP: case TY_CHAN:
	case TY_STRING: case TY_SLICE:
		bits[off / 64] |= (uint8_t)(1u << ((off / 8) % 8));
		return;
	case TY_INTERFACE:
		bits[off / 64] |= (uint8_t)(1u << ((off / 8) % 8));
		bits[(off + 8) / 64] |= (uint8_t)(1u << (((off + 8) / 8) % 8));
		return;
	case TY_ARRAY:
		if (!type_has_pointers(u->array.elem))
			return;
		for (int64_t i = 0; i < u->array.len; i++)
			pointer_bits(u->array.elem, off + i * type_size(u->array.elem), bits);
		return;
	case TY_STRUCT:
		for (int i = 0; i < u->strct.nfields; i++)
			pointer_bits(u->strct.fields[i]->type, off + type_field_offset(u, i), bits);
		return;
	default:
		return;
	}
}

/* Bytes of the prefix of t that can hold pointers: up to the end of the last pointer word. */
static int64_t ptrdata_of(Type *t, uint8_t **bitmap)
{
	*bitmap = NULL;
	if (!type_has_pointers(t))
		return 0;
	int64_t words = (type_size(t) + 7) / 8;
	uint8_t *bits = xalloc((size_t)(words + 7) / 8 + 1);
	pointer_bits(t, 0, bits);
	int64_t last = -1;
	for (int64_t w = 0; w < words; w++)
		if (bits[w / 8] & (1u << (w % 8)))
			last = w;
	*bitmap = bits;
	return (last + 1) * 8;
}

static uint32_t fnv1a(const char *s)
{
	uint32_t h = 2166136261u;
	for (; *s; s++) {
		h ^= (uint8_t)*s;
		h *= 16777619u;
	}
	return h;
}

static Type *elem_of(Type *t)
{
	Type *u = type_underlying(t);
	switch (u->kind) {
	case TY_POINTER: return u->pointer.elem;
	case TY_SLICE: case TY_ARRAY: return u->array.elem;
	case TY_CHAN: return u->chan.elem;
	case TY_MAP: return u->map.value;
	default: return NULL;
	}
}

/* The LLVM struct type of a descriptor, from TYPE_FIELD. */
static LLVMTypeRef typedesc_type(void)
{
	if (L.t_typedesc)
		return L.t_typedesc;
	LLVMTypeRef f[32];
	int n = 0;
#define UINTPTR L.t_i64
#define UINT32 L.t_i32
#define UINT8 L.t_i8
#define PTR L.t_ptr
#define TYPE L.t_ptr
#define STRING L.t_string
#define TYPE_FIELD(vocab, name) f[n++] = vocab;
#include "runtime.def"
#undef UINTPTR
#undef UINT32
#undef UINT8
#undef PTR
#undef TYPE
#undef STRING
	L.t_typedesc = LLVMStructCreateNamed(L.ctx, "GoType");
	LLVMStructSetBody(L.t_typedesc, f, (unsigned)n, false);
	return L.t_typedesc;
}

typedef struct DescInfo {
	uint64_t size, ptrdata, len, nextra, nmethods;
	uint32_t hash;
	uint8_t tflag, align, field_align, kind;
	LLVMValueRef equal, hashfn, gcdata, string, pkgpath, ptrtothis, elem, key, extra, methods;
} DescInfo;

static LLVMValueRef gcdata_global(uint8_t *bits, int64_t ptrdata)
{
	if (!bits)
		return LLVMConstNull(L.t_ptr);
	int64_t nbytes = (ptrdata / 8 + 7) / 8;
	LLVMValueRef init = LLVMConstStringInContext(L.ctx, (const char *)bits, (unsigned)nbytes, true);
	LLVMValueRef g = LLVMAddGlobal(L.mod, LLVMTypeOf(init), "gcbits");
	LLVMSetInitializer(g, init);
	LLVMSetGlobalConstant(g, true);
	LLVMSetLinkage(g, LLVMPrivateLinkage);
	LLVMSetUnnamedAddress(g, LLVMGlobalUnnamedAddr);
	return g;
}

static LLVMValueRef desc_initializer(Type *t)
{
	DescInfo d = {0};
	uint8_t *bits;
	d.size = (uint64_t)type_size(t);
	d.ptrdata = (uint64_t)ptrdata_of(t, &bits);
	const char *s = type_string(t);
	d.hash = fnv1a(s);
	d.tflag = (uint8_t)((has_name(t) ? TFLAG_NAMED : 0) | (lower_is_regular_memory(t) ? TFLAG_REGULAR_MEMORY : 0));
	d.align = (uint8_t)type_align(t);
	d.field_align = d.align;
	d.kind = kind_of(t);
	d.gcdata = gcdata_global(bits, (int64_t)d.ptrdata);
	d.string = lower_string_const(s, strlen(s));
	Type *elem = elem_of(t);
	d.elem = elem ? lower_typedesc(elem) : LLVMConstNull(L.t_ptr);
	Type *u = type_underlying(t);
	d.len = u->kind == TY_ARRAY ? (uint64_t)u->array.len : 0;
	/* ABI v1 fields not filled yet: no equality/hash functions, method tables or per-kind records */
	LLVMValueRef null = LLVMConstNull(L.t_ptr);
	d.equal = d.hashfn = d.ptrtothis = d.key = d.extra = d.methods = null;
	d.pkgpath = lower_string_const("", 0);

	LLVMValueRef v[32];
	int n = 0;
#define UINTPTR(x) LLVMConstInt(L.t_i64, (x), false)
#define UINT32(x) LLVMConstInt(L.t_i32, (x), false)
#define UINT8(x) LLVMConstInt(L.t_i8, (x), false)
#define PTR(x) (x)
#define TYPE(x) (x)
#define STRING(x) (x)
#define TYPE_FIELD(vocab, name) v[n++] = vocab(d.name);
#include "runtime.def"
#undef UINTPTR
#undef UINT32
#undef UINT8
#undef PTR
#undef TYPE
#undef STRING
	return LLVMConstNamedStruct(typedesc_type(), v, (unsigned)n);
}

static LLVMValueRef find_identical(Type *t)
{
	for (int i = 0; i < L.typedescs.len; i++) {
		Type *o = L.typedescs.data[i];
		if (type_identical(o, t))
			return varmap_get(&L.type_descs, o);
	}
	return NULL;
}

LLVMValueRef lower_typedesc(Type *t)
{
	if (type_is_untyped(t))
		t = type_default(t);
	LLVMValueRef g = varmap_get(&L.type_descs, t);
	if (g)
		return g;
	g = find_identical(t);
	if (g) {
		varmap_put(&L.type_descs, t, g);
		return g;
	}
	const char *name = xsprintf("type:%s", type_string(t));
	g = LLVMAddGlobal(L.mod, typedesc_type(), name);
	varmap_put(&L.type_descs, t, g);
	vec_push(&L.typedescs, t);
	LLVMSetGlobalConstant(g, true);
	LLVMSetLinkage(g, LLVMInternalLinkage);
	LLVMSetAlignment(g, 8);
	LLVMSetInitializer(g, desc_initializer(t)); /* after registering: recursive types */
	return g;
}

LLVMValueRef lower_alloc_desc(Type *t)
{
	if (!type_has_pointers(t))
		return LLVMConstNull(L.t_ptr);
	return lower_typedesc(t);
}

/* new(T): zeroed heap memory for one T. */
LLVMValueRef lower_new(Type *t)
{
	LLVMValueRef arg = lower_typedesc(t);
	LLVMValueRef p = lower_call_runtime(RT_newobject, &arg, 1);
	return p;
}
