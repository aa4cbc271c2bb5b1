/*
 * lower_staticinit.c: package variables whose initializer is known at compile time, emitted as
 * data (gc's staticinit) instead of code in the package's init function.
 *
 * In: one `var x = e` of the initialization order. Out: true, with the global's initializer set to
 * e's value, when e is built only from constants, composite literals of them (struct, array, and
 * slice literals, whose backing array becomes a global of its own), nil and &T{...} of such a
 * literal (a global of its own too); false, changing nothing, for anything else (calls,
 * conversions to interfaces, maps, other variables, closures), which stays init code. The
 * globals of their own are writable data, which the collector scans (runtime/mgc.c scans all of
 * .data and .bss, the package variables precisely and the rest conservatively), so a heap pointer
 * a program stores into a static backing array stays seen.
 *
 * The one idea: a Go value in memory is bytes at gc's offsets (lower_mem_type), so a value known at
 * compile time is a list of (offset, constant) pieces: scalars, strings' {ptr, len} and pointers
 * to other globals. The global is rebuilt with a packed LLVM struct type that places each piece at
 * its offset with zero bytes between, and every use of the old global is pointed at it. Init code
 * that builds a table stores each element with an instruction or two (strconv's
 * detailedPowersOfTen: 1,392 stores); as data the table costs its bytes, and a table no code uses
 * is dropped by the link, where its init code always ran.
 *
 * The evaluation order is unchanged: such an initializer reads no variable and calls nothing, so it
 * can run first (at load time).
 */
#include "lower.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
	int64_t off;
	LLVMValueRef c;
} Piece;

typedef struct {
	Vec pieces; /* Piece*, in no particular order */
} Image;

static bool fill(Image *im, Node *e, Type *t, int64_t off);

static Node *unparen(Node *e)
{
	while (e->kind == ND_PAREN)
		e = e->paren.x;
	return e;
}

static void put(Image *im, int64_t off, LLVMValueRef c)
{
	Piece *p = xnew(Piece);
	*p = (Piece){off, c};
	vec_push(&im->pieces, p);
}

static int piece_cmp(const void *a, const void *b)
{
	const Piece *x = *(Piece *const *)a, *y = *(Piece *const *)b;
	return x->off < y->off ? -1 : x->off > y->off;
}

/* The image as a packed constant struct of `size` bytes; NULL if pieces overlap. */
static LLVMValueRef image_const(Image *im, int64_t size)
{
	vec_sort(&im->pieces, piece_cmp);
	Vec f = {0};
	int64_t at = 0;
	for (int i = 0; i < im->pieces.len; i++) {
		Piece *p = im->pieces.data[i];
		if (p->off < at)
			return NULL;
		if (p->off > at)
			vec_push(&f, LLVMConstNull(LLVMArrayType2(L.t_i8, (uint64_t)(p->off - at))));
		vec_push(&f, p->c);
		at = p->off + (int64_t)LLVMABISizeOfType(L.td, LLVMTypeOf(p->c));
	}
	if (at > size)
		return NULL;
	if (at < size)
		vec_push(&f, LLVMConstNull(LLVMArrayType2(L.t_i8, (uint64_t)(size - at))));
	return LLVMConstStructInContext(L.ctx, (LLVMValueRef *)f.data, (unsigned)f.len, true);
}

/* A new internal, writable global holding image im of a value of type t; NULL if its pieces
 * overlap. */
static LLVMValueRef image_global(Image *im, Type *t, const char *what)
{
	LLVMValueRef init = image_const(im, type_size(t));
	if (!init)
		return NULL;
	LLVMValueRef g = LLVMAddGlobal(L.mod, LLVMTypeOf(init), what);
	LLVMSetInitializer(g, init);
	LLVMSetLinkage(g, LLVMInternalLinkage);
	int64_t al = type_align(t);
	LLVMSetAlignment(g, (unsigned)(al > 0 ? al : 1));
	return g;
}

/* A new global holding the value of literal e of type t (&T{...}'s T); NULL if e is not static. */
static LLVMValueRef global_of(Node *e, Type *t, const char *what)
{
	Image im = {0};
	return fill(&im, e, t, 0) ? image_global(&im, t, what) : NULL;
}

/* A constant of scalar or string type t at off. */
static bool fill_const(Image *im, Node *e, Type *t, int64_t off)
{
	Type *u = type_underlying(t);
	if (u->kind == TY_BOOL) {
		if (const_bool_val(e->cval))
			put(im, off, LLVMConstInt(L.t_i8, 1, false));
		return true;
	}
	if (!(type_is_integer(u) || u->kind == TY_FLOAT32 || u->kind == TY_FLOAT64 || u->kind == TY_COMPLEX64 ||
	      u->kind == TY_COMPLEX128 || u->kind == TY_STRING))
		return false;
	LLVMValueRef c = lower_const(e->cval, t);
	if ((int64_t)LLVMABISizeOfType(L.td, LLVMTypeOf(c)) != type_size(t))
		return false;
	put(im, off, c);
	return true;
}

static int field_index(Type *st, Node *key)
{
	for (int i = 0; i < st->strct.nfields; i++)
		if (st->strct.fields[i]->name == key->ident.name)
			return i;
	return -1;
}

static bool fill_struct(Image *im, Node *e, Type *st, int64_t off)
{
	Vec *elts = &e->composite.elts;
	for (int i = 0; i < elts->len; i++) {
		Node *el = elts->data[i], *v = el;
		int fi = i;
		if (el->kind == ND_KEY_VALUE) {
			fi = field_index(st, el->key_value.key);
			v = el->key_value.value;
		}
		if (fi < 0 || fi >= st->strct.nfields)
			return false;
		Field *fld = st->strct.fields[fi];
		if (fld->name == intern("_", 1)) { /* stays zero; a value that is not constant is evaluated */
			if (unparen(v)->mode != MODE_CONST)
				return false;
			continue;
		}
		if (!fill(im, v, fld->type, off + type_field_offset(st, fi)))
			return false;
	}
	return true;
}

/* Elements of an array or slice literal e into the array of elem at off. */
static bool fill_elements(Image *im, Node *e, Type *elem, int64_t off)
{
	Vec *elts = &e->composite.elts;
	int64_t idx = 0, size = type_size(elem);
	for (int i = 0; i < elts->len; i++, idx++) {
		Node *el = elts->data[i], *v = el;
		if (el->kind == ND_KEY_VALUE) {
			Node *key = el->key_value.key;
			if (!key->cval || !const_to_int64(key->cval, &idx))
				return false;
			v = el->key_value.value;
		}
		if (!fill(im, v, elem, off + idx * size))
			return false;
	}
	return true;
}

/* &T{...} (explicit, or elided in a literal of pointers): a global of its own. */
static bool fill_addr(Image *im, Node *lit, Type *base, int64_t off)
{
	LLVMValueRef g = global_of(lit, base, "go.staticptr");
	if (!g)
		return false;
	put(im, off, g);
	return true;
}

static bool fill_composite(Image *im, Node *e, Type *t, int64_t off)
{
	Type *u = type_underlying(t);
	if (u->kind == TY_POINTER) /* an elided &T{...} */
		return e->composite.implicit_addr && fill_addr(im, e, u->pointer.elem, off);
	if (!lower_type_of(e) || !type_identical(type_underlying(lower_type_of(e)), u))
		return false;
	switch (u->kind) {
	case TY_STRUCT:
		return fill_struct(im, e, u, off);
	case TY_ARRAY:
		return fill_elements(im, e, u->array.elem, off);
	case TY_SLICE: {
		int64_t n = middle_slice_lit_len(e);
		if (n <= 0) /* []T{} is a non-nil empty slice: runtime's zero-size base, init code */
			return false;
		Image arr = {0};
		LLVMValueRef g = fill_elements(&arr, e, u->array.elem, 0)
			? image_global(&arr, type_array(u->array.elem, n), "go.staticarray") : NULL;
		if (!g)
			return false;
		LLVMValueRef hdr[3] = {g, LLVMConstInt(L.t_i64, (uint64_t)n, false), LLVMConstInt(L.t_i64, (uint64_t)n, false)};
		put(im, off, LLVMConstStructInContext(L.ctx, hdr, 3, false));
		return true;
	}
	default:
		return false; /* maps: init code */
	}
}

/* Value e of type t at off; false if it is not known at compile time. */
static bool fill(Image *im, Node *e, Type *t, int64_t off)
{
	e = unparen(e);
	if (e->iface_conv || type_underlying(t)->kind == TY_INTERFACE)
		return false;
	Type *et = lower_type_of(e);
	if (et && type_underlying(et)->kind == TY_UNTYPED_NIL)
		return true; /* nil: zero bytes */
	if (e->kind == ND_IDENT && e->ident.obj && e->ident.obj->kind == OBJ_NIL)
		return true;
	if (e->mode == MODE_CONST && e->cval)
		return fill_const(im, e, t, off);
	if (e->kind == ND_COMPOSITE_LIT)
		return fill_composite(im, e, t, off);
	if (e->kind == ND_UNARY && e->unary.op == TOK_AND && unparen(e->unary.x)->kind == ND_COMPOSITE_LIT &&
	    type_underlying(t)->kind == TY_POINTER)
		return fill_addr(im, unparen(e->unary.x), type_underlying(t)->pointer.elem, off);
	return false;
}

bool lower_static_init(Object *g, Node *rhs)
{
	LLVMValueRef old = varmap_get(&L.values, g);
	if (!old || LLVMGetLinkage(old) == LLVMCommonLinkage)
		return false;
	Type *t = lower_obj_type(g);
	Image im = {0};
	if (!fill(&im, rhs, t, 0))
		return false;
	LLVMValueRef init = image_const(&im, type_size(t));
	if (!init)
		return false;
	if (LLVMTypeOf(init) == LLVMGlobalGetValueType(old)) {
		LLVMSetInitializer(old, init);
		return true;
	}
	/* the global again, with the image's type */
	size_t n;
	const char *oname = LLVMGetValueName2(old, &n);
	char *name = xstrndup(oname, n);
	LLVMValueRef gv = LLVMAddGlobal(L.mod, LLVMTypeOf(init), "");
	LLVMSetInitializer(gv, init);
	LLVMSetLinkage(gv, LLVMGetLinkage(old));
	LLVMSetVisibility(gv, LLVMGetVisibility(old));
	LLVMSetAlignment(gv, LLVMGetAlignment(old));
	LLVMReplaceAllUsesWith(old, gv);
	LLVMDeleteGlobal(old);
	LLVMSetValueName2(gv, name, n);
	varmap_put(&L.values, g, gv);
	return true;
}
