/*
 * lower_typedesc.c: type descriptors, the constant GoType records the runtime reads (runtime ABI v1).
 *
 * In: a Go Type needed at run time (allocation, panic values, interfaces, maps, package records).
 * Out: one constant global per type identity, laid out field by field from runtime.def's TYPE_FIELD
 * list (and FIELD_FIELD / IMETHOD_FIELD for the records hanging off it), so compiler and runtime
 * agree by construction.
 *
 * The one idea: a type's identity is its link string (type_link_string: the runtime spelling, with
 * types declared in functions numbered "main.T·1"), and the descriptor is the symbol
 * "type:<link string>", linkonce_odr in a comdat of that name. Two packages that both need `[]int`
 * emit the same bytes under the same name and the linker keeps one, so there is one descriptor per
 * identity per binary and the runtime compares descriptor pointers, as gc's runtime compares *_type.
 * The cache (Lower.typedesc_of by Type*, Lower.typedesc_named by interned link string) makes each
 * lookup O(1); Lower.typedesc_list remembers what this package defines (its package record).
 *
 * Fields, as gc's reflectdata.dcommontype writes them:
 *   - size, align, field_align: gc's; ptrdata/gcdata: the bitmap with bit i set when word i (8 bytes)
 *     holds a pointer the GC must trace, ptrdata the length of the prefix that holds pointers;
 *   - hash: 32-bit FNV-1a of the link string (stable across runs and packages);
 *   - tflag: NAMED for every type with a name (defined and predeclared, as gc), UNCOMMON when it is
 *     named or has methods, REGULAR_MEMORY when == is memory equality, VARIADIC for func(...T);
 *   - kind: reflect.Kind | KIND_DIRECT_IFACE for pointer-shaped types (gc's kindDirectIface);
 *   - equal/hashfn: the runtime's TYPE_ALG function for gc's AlgKind (lower_alg_kind), NULL when
 *     the type is not comparable;
 *   - string: gc's runtime spelling; pkgpath: the defining package of a named type, for an unnamed
 *     struct the package of its unexported fields;
 *   - ptrtothis: *T for named non-pointer types (gc's strong ptrToThis), else NULL: the contents are
 *     a function of the type alone, as linkonce_odr requires;
 *   - elem, key, len (array length, func parameter count, chan direction) and extra (GoField with
 *     name, offset, embedded flag and tag / GoIMethod / parameter and result types) per kind;
 *   - methods: the method set with its itab entry points (lower_methods.c).
 */
#include "lower.h"

#include <llvm-c/Comdat.h>
#include <string.h>

enum {
#define TYPE_KIND(name, value) KIND_##name = value,
#define TYPE_KIND_FLAG(name, value) KIND_##name = value,
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

/* runtime.def vocabulary -> LLVM types, for the descriptor and the records hanging off it */
#define VT_UINTPTR L.t_i64
#define VT_UINT32 L.t_i32
#define VT_UINT8 L.t_i8
#define VT_PTR L.t_ptr
#define VT_TYPE L.t_ptr
#define VT_STRING L.t_string

/* The named LLVM struct `name` with the given fields (made once per context). */
static LLVMTypeRef record_type(const char *name, LLVMTypeRef *f, int n)
{
	LLVMTypeRef t = LLVMGetTypeByName2(L.ctx, name);
	if (t)
		return t;
	t = LLVMStructCreateNamed(L.ctx, name);
	LLVMStructSetBody(t, f, (unsigned)n, false);
	return t;
}

/* The LLVM struct type of a descriptor, from TYPE_FIELD. */
static LLVMTypeRef typedesc_type(void)
{
	LLVMTypeRef f[32];
	int n = 0;
#define TYPE_FIELD(vocab, name) f[n++] = VT_##vocab;
#include "runtime.def"
	return record_type("GoType", f, n);
}

LLVMTypeRef lower_record_type(RecordKind k)
{
	LLVMTypeRef f[16];
	int n = 0;
	switch (k) {
	case REC_FIELD:
#define FIELD_FIELD(vocab, name) f[n++] = VT_##vocab;
#include "runtime.def"
		return record_type("GoField", f, n);
	case REC_IMETHOD:
#define IMETHOD_FIELD(vocab, name) f[n++] = VT_##vocab;
#include "runtime.def"
		return record_type("GoIMethod", f, n);
	case REC_METHOD:
#define METHOD_FIELD(vocab, name) f[n++] = VT_##vocab;
#include "runtime.def"
		return record_type("GoMethod", f, n);
	case REC_PACKAGE:
#define PKG_FIELD(vocab, name) f[n++] = VT_##vocab;
#include "runtime.def"
		return record_type("GoPackage", f, n);
	case REC_GLOBAL:
#define GLOBAL_FIELD(vocab, name) f[n++] = VT_##vocab;
#include "runtime.def"
		return record_type("GoGlobal", f, n);
	}
	unreachable();
}

/* A private constant array of records (NULL when empty), for the per-kind and method slots. */
LLVMValueRef lower_const_array(LLVMTypeRef elem, LLVMValueRef *vals, int n, const char *name)
{
	if (n == 0)
		return LLVMConstNull(L.t_ptr);
	LLVMValueRef init = LLVMConstArray2(elem, vals, (uint64_t)n);
	LLVMValueRef g = LLVMAddGlobal(L.mod, LLVMTypeOf(init), name);
	LLVMSetInitializer(g, init);
	LLVMSetGlobalConstant(g, true);
	LLVMSetLinkage(g, LLVMPrivateLinkage);
	LLVMSetUnnamedAddress(g, LLVMGlobalUnnamedAddr);
	LLVMSetAlignment(g, 8);
	return g;
}

typedef struct DescInfo {
	uint64_t size, ptrdata, len, nextra, nmethods;
	uint32_t hash;
	uint8_t tflag, align, field_align, kind;
	LLVMValueRef equal, hashfn, gcdata, string, pkgpath, ptrtothis, elem, key, extra, methods;
} DescInfo;

static LLVMValueRef gcdata_global(uint8_t *bits, int64_t ptrdata, const char *link)
{
	if (!bits)
		return LLVMConstNull(L.t_ptr);
	int64_t nbytes = (ptrdata / 8 + 7) / 8;
	LLVMValueRef init = LLVMConstStringInContext(L.ctx, (const char *)bits, (unsigned)nbytes, true);
	LLVMValueRef g = LLVMAddGlobal(L.mod, LLVMTypeOf(init), xsprintf("type:%s.gcdata", link));
	LLVMSetInitializer(g, init);
	LLVMSetGlobalConstant(g, true);
	LLVMSetLinkage(g, LLVMPrivateLinkage);
	LLVMSetUnnamedAddress(g, LLVMGlobalUnnamedAddr);
	return g;
}

/* ---- equality and hash functions ------------------------------------------------------------- */

/* runtime.def's TYPE_ALG list, as an enum and as symbols: a name the runtime does not define fails
 * to compile here, as it does on the runtime side (alg.h). */
typedef enum AlgFn {
	ALG_FN_NONE,
#define TYPE_ALG(name) ALG_FN_##name,
#include "runtime.def"
#undef TYPE_ALG
} AlgFn;

static const char *const alg_fn_symbol[] = {
#define TYPE_ALG(name) [ALG_FN_##name] = "runtime_" #name,
#include "runtime.def"
#undef TYPE_ALG
};

/* The runtime's TYPE_ALG function fn (runtime/alg.c), declared with the GoType.equal /
 * GoType.hashfn signature: equal(p, q, t) -> _Bool, hash(p, seed, t) -> uintptr; NULL for none. */
static LLVMValueRef alg_func(AlgFn fn, bool is_hash)
{
	if (fn == ALG_FN_NONE)
		return LLVMConstNull(L.t_ptr);
	const char *sym = alg_fn_symbol[fn];
	LLVMValueRef f = LLVMGetNamedFunction(L.mod, sym);
	if (f)
		return f;
	LLVMTypeRef p[3] = {L.t_ptr, is_hash ? L.t_i64 : L.t_ptr, L.t_ptr};
	LLVMTypeRef fnty = LLVMFunctionType(is_hash ? L.t_i64 : L.t_i1, p, 3, false);
	f = LLVMAddFunction(L.mod, sym, fnty);
	if (!is_hash)
		lower_add_attr(f, LLVMAttributeReturnIndex, "zeroext");
	return f;
}

/* gc's geneq/genhash: the TYPE_ALG pair for t's AlgKind; NULL for incomparable types. */
static void alg_funcs(Type *t, LLVMValueRef *eq, LLVMValueRef *hash)
{
	AlgFn e = ALG_FN_NONE, h = ALG_FN_NONE;
	switch (lower_alg_kind(t)) {
	case ALG_NOEQ: break;
	case ALG_MEM: e = ALG_FN_memequal_t; h = ALG_FN_memhash_t; break;
	case ALG_STRING: e = ALG_FN_strequal; h = ALG_FN_strhash; break;
	case ALG_INTER: e = ALG_FN_interequal; h = ALG_FN_interhash; break;
	case ALG_NILINTER: e = ALG_FN_nilinterequal; h = ALG_FN_nilinterhash; break;
	case ALG_F32: e = ALG_FN_f32equal; h = ALG_FN_f32hash; break;
	case ALG_F64: e = ALG_FN_f64equal; h = ALG_FN_f64hash; break;
	case ALG_C64: e = ALG_FN_c64equal; h = ALG_FN_c64hash; break;
	case ALG_C128: e = ALG_FN_c128equal; h = ALG_FN_c128hash; break;
	case ALG_SPECIAL:
		if (type_underlying(t)->kind == TY_STRUCT) {
			e = ALG_FN_structequal;
			h = ALG_FN_structhash;
		} else {
			e = ALG_FN_arrayequal;
			h = ALG_FN_arrayhash;
		}
		break;
	}
	*eq = alg_func(e, false);
	*hash = alg_func(h, true);
}

/* GoType.hash of t (also copied into itabs). */
uint32_t lower_type_hash(Type *t)
{
	if (type_is_untyped(t))
		t = type_default(t);
	return fnv1a(type_link_string(t));
}

/* ---- per-kind data --------------------------------------------------------------------------- */

/* A method's signature as a type of its own: the func type without the receiver. */
Type *lower_func_without_recv(Type *ft)
{
	if (!ft->func.recv)
		return ft;
	Type *t = type_new(TY_FUNC);
	t->func = ft->func;
	t->func.recv = NULL;
	return t;
}

static const char *package_path(void)
{
	return L.pkg->path ? L.pkg->path : "main";
}

/* Go's token.IsExported, for ASCII initials (identifiers starting with a non-ASCII upper-case
 * letter count as unexported here). */
static bool is_exported(const char *name)
{
	return name[0] >= 'A' && name[0] <= 'Z';
}

/* The pkgpath of a method name: "" when exported, else the declaring package's path. */
const char *lower_name_pkgpath(const char *name)
{
	return is_exported(name) ? "" : package_path();
}

static LLVMValueRef str_const(const char *s)
{
	return lower_string_const(s, strlen(s));
}

static LLVMValueRef struct_fields(Type *u, const char *link, uint64_t *n)
{
	int nf = u->strct.nfields;
	LLVMValueRef *recs = xalloc(sizeof(LLVMValueRef) * (size_t)(nf + 1));
	for (int i = 0; i < nf; i++) {
		Field *f = u->strct.fields[i];
		struct { LLVMValueRef name, typ, offset, embedded, tag; } r = {
			str_const(f->name), lower_typedesc(f->type),
			i64c(type_field_offset(u, i)), i64c(f->embedded), str_const(f->tag ? f->tag : ""),
		};
		LLVMValueRef v[8];
		int k = 0;
#define FIELD_FIELD(vocab, name) v[k++] = r.name;
#include "runtime.def"
		recs[i] = LLVMConstNamedStruct(lower_record_type(REC_FIELD), v, (unsigned)k);
	}
	*n = (uint64_t)nf;
	return lower_const_array(lower_record_type(REC_FIELD), recs, nf, xsprintf("type:%s.fields", link));
}

/* An interface method's name: its bytes in "go.imname.NAME", a linkonce_odr global in a comdat of
 * its own, so that the symbol survives --gc-sections exactly when a reachable interface type has a
 * method of that name; the link then keeps the signatures of the methods that could match it
 * (lower_methods.c mtyp_slot, driver/deadmethod.c). */
static LLVMValueRef imethod_name(const char *name)
{
	const char *sym = xsprintf("go.imname.%s", name);
	LLVMValueRef g = LLVMGetNamedGlobal(L.mod, sym);
	if (!g) {
		LLVMValueRef init = LLVMConstStringInContext(L.ctx, name, (unsigned)strlen(name), true);
		g = LLVMAddGlobal(L.mod, LLVMTypeOf(init), sym);
		LLVMSetInitializer(g, init);
		LLVMSetGlobalConstant(g, true);
		LLVMSetLinkage(g, LLVMLinkOnceODRLinkage);
		LLVMSetComdat(g, LLVMGetOrInsertComdat(L.mod, sym));
		LLVMSetAlignment(g, 1);
	}
	LLVMValueRef f[2] = {g, LLVMConstInt(L.t_i64, strlen(name), false)};
	return LLVMConstStructInContext(L.ctx, f, 2, false);
}

static LLVMValueRef iface_methods(Type *u, const char *link, uint64_t *n)
{
	type_iface_complete(u);
	int nm = u->iface.nmethods;
	LLVMValueRef *recs = xalloc(sizeof(LLVMValueRef) * (size_t)(nm + 1));
	for (int i = 0; i < nm; i++) {
		Object *m = u->iface.methods[i];
		struct { LLVMValueRef name, pkgpath, typ; } r = {
			imethod_name(m->name), str_const(lower_name_pkgpath(m->name)),
			lower_typedesc(lower_func_without_recv(m->type)),
		};
		LLVMValueRef v[8];
		int k = 0;
#define IMETHOD_FIELD(vocab, name) v[k++] = r.name;
#include "runtime.def"
		recs[i] = LLVMConstNamedStruct(lower_record_type(REC_IMETHOD), v, (unsigned)k);
	}
	*n = (uint64_t)nm;
	return lower_const_array(lower_record_type(REC_IMETHOD), recs, nm, xsprintf("type:%s.imethods", link));
}

/* Parameters then results, as descriptor pointers. */
static LLVMValueRef func_types(Type *u, const char *link, uint64_t *n)
{
	int np = u->func.nparams, nr = u->func.nresults;
	LLVMValueRef *descs = xalloc(sizeof(LLVMValueRef) * (size_t)(np + nr + 1));
	for (int i = 0; i < np; i++)
		descs[i] = lower_typedesc(u->func.params[i]);
	for (int i = 0; i < nr; i++)
		descs[np + i] = lower_typedesc(u->func.results[i]);
	*n = (uint64_t)(np + nr);
	return lower_const_array(L.t_ptr, descs, np + nr, xsprintf("type:%s.params", link));
}

/* reflect.ChanDir's numbering (RecvDir 1, SendDir 2, BothDir 3), which the chan descriptor's len holds. */
static uint64_t chan_dir(ChanDir d)
{
	switch (d) {
	case CHAN_RECV: return 1;
	case CHAN_SEND: return 2;
	case CHAN_BOTH: return 3;
	}
	unreachable();
}

/* elem, key, len and extra: what each kind adds to the common header. */
static void kind_data(Type *t, const char *link, DescInfo *d)
{
	Type *u = type_underlying(t);
	Type *elem = elem_of(t);
	d->elem = elem ? lower_typedesc(elem) : LLVMConstNull(L.t_ptr);
	d->key = u->kind == TY_MAP ? lower_typedesc(u->map.key) : LLVMConstNull(L.t_ptr);
	d->extra = LLVMConstNull(L.t_ptr);
	switch (u->kind) {
	case TY_ARRAY: d->len = (uint64_t)u->array.len; break;
	case TY_CHAN: d->len = chan_dir(u->chan.dir); break;
	case TY_STRUCT: d->extra = struct_fields(u, link, &d->nextra); break;
	case TY_INTERFACE: d->extra = iface_methods(u, link, &d->nextra); break;
	case TY_FUNC:
		d->len = (uint64_t)u->func.nparams;
		d->extra = func_types(u, link, &d->nextra);
		break;
	default: break;
	}
}

/* ---- the descriptor -------------------------------------------------------------------------- */

static uint8_t tflag_of(Type *t, uint64_t nmethods)
{
	uint8_t f = 0;
	if (has_name(t))
		f |= TFLAG_NAMED;
	if (has_name(t) || nmethods > 0)
		f |= TFLAG_UNCOMMON;
	if (lower_is_regular_memory(t))
		f |= TFLAG_REGULAR_MEMORY;
	Type *u = type_underlying(t);
	if (u->kind == TY_FUNC && u->func.variadic)
		f |= TFLAG_VARIADIC;
	return f;
}

/* gc writes *T's descriptor for every named type that is not itself a pointer. */
static LLVMValueRef ptrtothis_of(Type *t)
{
	if (t->kind != TY_NAMED || type_underlying(t)->kind == TY_POINTER)
		return LLVMConstNull(L.t_ptr);
	return lower_typedesc(type_pointer(t));
}

static const char *path_of(Package *pkg)
{
	return pkg->path ? pkg->path : "main";
}

/* A named type's defining package; for an unnamed struct type, the package of its unexported
 * fields (gc's structType.pkgPath, which reflect gives unexported fields as StructField.PkgPath). */
/* GoType.pkgpath: the path's bytes and a NUL, or NULL for none (runtime.def). */
static LLVMValueRef pkgpath_cstr(const char *path)
{
	if (!*path)
		return LLVMConstNull(L.t_ptr);
	return lower_cstring_ptr(path, strlen(path) + 1);
}

static LLVMValueRef pkgpath_of(Type *t)
{
	if (t->kind == TY_NAMED)
		return pkgpath_cstr(t->named.obj->pkg ? path_of(t->named.obj->pkg) : "");
	if (t->kind == TY_STRUCT)
		for (int i = 0; i < t->strct.nfields; i++)
			if (!is_exported(t->strct.fields[i]->name) && t->strct.fields[i]->pkg)
				return pkgpath_cstr(path_of(t->strct.fields[i]->pkg));
	return LLVMConstNull(L.t_ptr);
}

static LLVMValueRef desc_initializer(Type *t, const char *link)
{
	DescInfo d = {0};
	uint8_t *bits;
	d.size = (uint64_t)type_size(t);
	d.ptrdata = (uint64_t)ptrdata_of(t, &bits);
	d.hash = fnv1a(link);
	d.align = (uint8_t)type_align(t);
	d.field_align = d.align;
	d.kind = (uint8_t)(kind_of(t) | (type_is_direct_iface(t) ? KIND_DIRECT_IFACE : 0));
	alg_funcs(t, &d.equal, &d.hashfn);
	d.gcdata = gcdata_global(bits, (int64_t)d.ptrdata, link);
	d.string = str_const(type_string(t));
	d.pkgpath = pkgpath_of(t);
	d.ptrtothis = ptrtothis_of(t);
	kind_data(t, link, &d);
	d.methods = lower_method_table(t, link, &d.nmethods);
	d.tflag = tflag_of(t, d.nmethods);

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

/* A symbol other packages may define too: linkonce_odr in a comdat of its own name, so the linker
 * keeps exactly one (descriptors, and the wrappers their method tables point to). */
void lower_set_linkonce(LLVMValueRef g)
{
	LLVMSetLinkage(g, LLVMLinkOnceODRLinkage);
	LLVMSetComdat(g, LLVMGetOrInsertComdat(L.mod, LLVMGetValueName(g)));
}

/* Can reflect make a type identical to t (PointerTo, SliceOf, MapOf, ChanOf, FuncOf)? Then the
 * package record lists t's descriptor, for reflect to find instead (runtime/reflect.c typelink):
 * unnamed pointer, slice, map, chan and func types, as gc's typelinks hold only unnamed types. */
static bool reflect_may_make(Type *t)
{
	switch (t->kind) {
	case TY_POINTER:
	case TY_SLICE:
	case TY_MAP:
	case TY_CHAN:
	case TY_FUNC:
		return true;
	default:
		return false;
	}
}

static LLVMValueRef define_typedesc(Type *t, const char *link)
{
	LLVMValueRef g = LLVMAddGlobal(L.mod, typedesc_type(), xsprintf("type:%s", link));
	varmap_put(&L.typedesc_named, link, g); /* before the initializer: recursive types */
	varmap_put(&L.typedesc_of, t, g);
	if (reflect_may_make(t))
		vec_push(&L.typedesc_list, g);
	LLVMSetGlobalConstant(g, true);
	lower_set_linkonce(g);
	LLVMSetAlignment(g, 8);
	LLVMSetInitializer(g, desc_initializer(t, link));
	return g;
}

LLVMValueRef lower_typedesc(Type *t)
{
	if (type_is_untyped(t))
		t = type_default(t);
	LLVMValueRef g = varmap_get(&L.typedesc_of, t);
	if (g)
		return g;
	const char *s = type_link_string(t);
	const char *link = intern(s, strlen(s));
	g = varmap_get(&L.typedesc_named, link);
	if (g) {
		varmap_put(&L.typedesc_of, t, g);
		return g;
	}
	return define_typedesc(t, link);
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
