/*
 * types.c: the universe, type construction, identity, predicates, amd64 layout, type spelling,
 * field/method lookup, and scopes. It takes nothing from the tree; the checker (check*.c) builds
 * types through these functions and lowering queries them.
 *
 * The key idea is go/types' model: basic types are singletons per kind (byte and rune are aliases
 * with their own Type objects so diagnostics can say "byte" while identity compares kinds), composite
 * types are compared structurally, and a named type is identical only to itself. Sizes, alignments
 * and field offsets follow gc's rules for linux/amd64 (cmd/compile/internal/noder/sizes.go), so the
 * constants unsafe.Sizeof produces agree with the layout lowering uses.
 */
#include "types.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- basic types ----------------------------------------------------------------------------- */

static Type basic_types[TY_UNTYPED_NIL + 1];
static Type byte_type, rune_type;
Type *ty_invalid = &basic_types[TY_INVALID];

static const char *const basic_names[TY_UNTYPED_NIL + 1] = {
	[TY_INVALID] = "invalid type",
	[TY_BOOL] = "bool",
	[TY_INT] = "int", [TY_INT8] = "int8", [TY_INT16] = "int16", [TY_INT32] = "int32",
	[TY_INT64] = "int64",
	[TY_UINT] = "uint", [TY_UINT8] = "uint8", [TY_UINT16] = "uint16", [TY_UINT32] = "uint32",
	[TY_UINT64] = "uint64", [TY_UINTPTR] = "uintptr",
	[TY_FLOAT32] = "float32", [TY_FLOAT64] = "float64",
	[TY_COMPLEX64] = "complex64", [TY_COMPLEX128] = "complex128",
	[TY_STRING] = "string",
	[TY_UNSAFE_POINTER] = "unsafe.Pointer",
	[TY_UNTYPED_BOOL] = "untyped bool", [TY_UNTYPED_INT] = "untyped int",
	[TY_UNTYPED_RUNE] = "untyped rune", [TY_UNTYPED_FLOAT] = "untyped float",
	[TY_UNTYPED_COMPLEX] = "untyped complex", [TY_UNTYPED_STRING] = "untyped string",
	[TY_UNTYPED_NIL] = "untyped nil",
};

/* gc's basicSizes; 0 means "pointer-sized or special" */
static const int8_t basic_sizes[TY_UNTYPED_NIL + 1] = {
	[TY_INVALID] = 1, [TY_BOOL] = 1,
	[TY_INT8] = 1, [TY_INT16] = 2, [TY_INT32] = 4, [TY_INT64] = 8,
	[TY_UINT8] = 1, [TY_UINT16] = 2, [TY_UINT32] = 4, [TY_UINT64] = 8,
	[TY_FLOAT32] = 4, [TY_FLOAT64] = 8, [TY_COMPLEX64] = 8, [TY_COMPLEX128] = 16,
};

Type *type_basic(TypeKind kind)
{
	if (kind > TY_UNTYPED_NIL)
		internal_error("type_basic(%d)", kind);
	return &basic_types[kind];
}

Type *type_byte(void) { return &byte_type; }
Type *type_rune(void) { return &rune_type; }

/* ---- the universe ---------------------------------------------------------------------------- */

static Scope *universe_scope;
static Type *error_type, *any_type;

Scope *scope_universe(void) { return universe_scope; }
Type *type_error(void) { return error_type; }
Type *type_any(void) { return any_type; }

static Object *def(ObjKind kind, const char *name, Type *type)
{
	Object *obj = object_new(NULL, kind, intern(name, strlen(name)), nopos, type);
	scope_insert(universe_scope, obj);
	return obj;
}

static void def_builtin(const char *name, BuiltinId id)
{
	def(OBJ_BUILTIN, name, ty_invalid)->builtin = id;
}

/* `type error interface { Error() string }` */
static Type *make_error_type(void)
{
	Object *tn = def(OBJ_TYPE, "error", NULL);
	Type *named = type_named(tn, NULL);
	Type *iface = type_new(TY_INTERFACE);
	Type *sig = type_new(TY_FUNC);
	sig->func.results = xalloc(sizeof(Type *));
	sig->func.results[0] = type_basic(TY_STRING);
	sig->func.nresults = 1;
	sig->func.recv = named;
	Object *m = object_new(NULL, OBJ_FUNC, intern("Error", 5), nopos, sig);
	iface->iface.explicit_methods = xalloc(sizeof(Object *));
	iface->iface.explicit_methods[0] = m;
	iface->iface.nexplicit = 1;
	type_iface_complete(iface);
	named->named.underlying = iface;
	return named;
}

void types_init(void)
{
	if (universe_scope)
		return;
	for (int k = 0; k <= TY_UNTYPED_NIL; k++)
		basic_types[k].kind = k;
	byte_type.kind = TY_UINT8;
	rune_type.kind = TY_INT32;
	universe_scope = scope_new(NULL, NULL);

	static const TypeKind named_basics[] = {
		TY_BOOL, TY_INT, TY_INT8, TY_INT16, TY_INT32, TY_INT64, TY_UINT, TY_UINT8, TY_UINT16,
		TY_UINT32, TY_UINT64, TY_UINTPTR, TY_FLOAT32, TY_FLOAT64, TY_COMPLEX64, TY_COMPLEX128,
		TY_STRING,
	};
	for (size_t i = 0; i < sizeof named_basics / sizeof named_basics[0]; i++)
		def(OBJ_TYPE, basic_names[named_basics[i]], type_basic(named_basics[i]));
	def(OBJ_TYPE, "byte", &byte_type);
	def(OBJ_TYPE, "rune", &rune_type);
	any_type = type_new(TY_INTERFACE);
	type_iface_complete(any_type);
	def(OBJ_TYPE, "any", any_type);
	error_type = make_error_type();
	/* `comparable` is a constraint; the checker rejects it as a generics feature */
	Object *cmp = def(OBJ_TYPE, "comparable", NULL);
	Type *cmpt = type_named(cmp, type_new(TY_INTERFACE));
	type_iface_complete(cmpt->named.underlying);

	def(OBJ_CONST, "true", type_basic(TY_UNTYPED_BOOL))->cval = const_bool(true);
	def(OBJ_CONST, "false", type_basic(TY_UNTYPED_BOOL))->cval = const_bool(false);
	def(OBJ_CONST, "iota", type_basic(TY_UNTYPED_INT))->cval = const_int64(0);
	def(OBJ_NIL, "nil", type_basic(TY_UNTYPED_NIL));

	def_builtin("append", BI_APPEND);
	def_builtin("cap", BI_CAP);
	def_builtin("close", BI_CLOSE);
	def_builtin("complex", BI_COMPLEX);
	def_builtin("copy", BI_COPY);
	def_builtin("delete", BI_DELETE);
	def_builtin("imag", BI_IMAG);
	def_builtin("len", BI_LEN);
	def_builtin("make", BI_MAKE);
	def_builtin("new", BI_NEW);
	def_builtin("panic", BI_PANIC);
	def_builtin("print", BI_PRINT);
	def_builtin("println", BI_PRINTLN);
	def_builtin("real", BI_REAL);
	def_builtin("recover", BI_RECOVER);
}

/* ---- constructing types ---------------------------------------------------------------------- */

Type *type_new(TypeKind kind)
{
	Type *t = xnew(Type);
	t->kind = kind;
	return t;
}

/* The canonical *T and []T, by element type. */
static HashMap pointer_types, slice_types;

Type *type_pointer(Type *elem)
{
	Type *t = hashmap_get(&pointer_types, elem);
	if (!t) {
		t = type_new(TY_POINTER);
		t->pointer.elem = elem;
		hashmap_put(&pointer_types, elem, t);
	}
	return t;
}

Type *type_slice(Type *elem)
{
	Type *t = hashmap_get(&slice_types, elem);
	if (!t) {
		t = type_new(TY_SLICE);
		t->array.elem = elem;
		t->array.len = -1;
		hashmap_put(&slice_types, elem, t);
	}
	return t;
}

Type *type_array(Type *elem, int64_t len)
{
	Type *t = type_new(TY_ARRAY);
	t->array.elem = elem;
	t->array.len = len;
	return t;
}

Type *type_map(Type *key, Type *value)
{
	Type *t = type_new(TY_MAP);
	t->map.key = key;
	t->map.value = value;
	return t;
}

Type *type_chan(ChanDir dir, Type *elem)
{
	Type *t = type_new(TY_CHAN);
	t->chan.dir = dir;
	t->chan.elem = elem;
	return t;
}

Type *type_tuple(Type **types, int n)
{
	Type *t = type_new(TY_TUPLE);
	t->tuple.types = types;
	t->tuple.n = n;
	return t;
}

Type *type_named(Object *obj, Type *underlying)
{
	Type *t = type_new(TY_NAMED);
	t->named.obj = obj;
	t->named.underlying = underlying;
	if (obj && !obj->type)
		obj->type = t;
	return t;
}

/* ---- predicates ------------------------------------------------------------------------------ */

/* Follows chains of named types; the checker may leave a named underlying temporarily pointing at
 * another named type while declarations resolve. Unresolvable chains are invalid. A chain may be
 * as long as the program makes it (no hop limit): a cycle of named types is found by letting a
 * second pointer follow at half speed (Floyd), and once a chain ends in a real type every named
 * type on it is pointed straight at that type, as go/types' Named.under does, so the next call is
 * one hop and a long chain costs linear time overall. */
Type *type_underlying(Type *t)
{
	Type *u = t, *slow = t;
	for (bool step = false; u && u->kind == TY_NAMED; step = !step) {
		u = u->named.underlying;
		if (step)
			slow = slow->named.underlying;
		if (u == slow && u && u->kind == TY_NAMED)
			return ty_invalid; /* a cycle: only the two pointers meeting on it can be equal */
	}
	if (!u || u == ty_invalid)
		return ty_invalid;
	for (Type *n = t; n != u; n = t) {
		t = n->named.underlying;
		n->named.underlying = u;
	}
	return u;
}

static bool is_basic(Type *t) { return t->kind <= TY_UNTYPED_NIL; }

bool type_is_untyped(Type *t)
{
	return t && t->kind >= TY_UNTYPED_BOOL && t->kind <= TY_UNTYPED_NIL;
}

bool type_is_integer(Type *t)
{
	TypeKind k = type_underlying(t)->kind;
	return (k >= TY_INT && k <= TY_UINTPTR) || k == TY_UNTYPED_INT || k == TY_UNTYPED_RUNE;
}

bool type_is_unsigned(Type *t)
{
	TypeKind k = type_underlying(t)->kind;
	return k >= TY_UINT && k <= TY_UINTPTR;
}

bool type_is_float(Type *t)
{
	TypeKind k = type_underlying(t)->kind;
	return k == TY_FLOAT32 || k == TY_FLOAT64 || k == TY_UNTYPED_FLOAT;
}

bool type_is_complex(Type *t)
{
	TypeKind k = type_underlying(t)->kind;
	return k == TY_COMPLEX64 || k == TY_COMPLEX128 || k == TY_UNTYPED_COMPLEX;
}

bool type_is_numeric(Type *t)
{
	return type_is_integer(t) || type_is_float(t) || type_is_complex(t);
}

bool type_is_string(Type *t)
{
	TypeKind k = type_underlying(t)->kind;
	return k == TY_STRING || k == TY_UNTYPED_STRING;
}

bool type_is_boolean(Type *t)
{
	TypeKind k = type_underlying(t)->kind;
	return k == TY_BOOL || k == TY_UNTYPED_BOOL;
}

bool type_is_ordered(Type *t)
{
	return type_is_integer(t) || type_is_float(t) || type_is_string(t);
}

/* The recursive walks below (comparability, pointers) have no depth limit, as Go has none: a struct
 * nested 100,000 deep is as comparable as a flat one. They record each named type they enter in
 * *seen and answer for a named type seen before without entering it again: the first visit either
 * decided the walk already (the walk stops at the first incomparable or pointerful part) or found
 * nothing, which is the answer the second visit gives. That ends the walk on an invalid cyclic
 * type (type T struct{ a [1]T }, which the checker reports) and keeps it linear on types that share
 * parts (type T0 struct{ a, b T1 } ...), where a plain recursion is exponential. */
static bool type_walk_enter(HashMap *seen, Type *t)
{
	if (t->kind != TY_NAMED)
		return true;
	TypeKind k = type_underlying(t)->kind;
	if (k != TY_STRUCT && k != TY_ARRAY)
		return true; /* the walk does not recurse through t: nothing to record */
	if (hashmap_get(seen, t))
		return false;
	hashmap_put(seen, t, t);
	return true;
}

static bool comparable_rec(Type *t, HashMap *seen)
{
	if (!type_walk_enter(seen, t))
		return true;
	Type *u = type_underlying(t);
	switch (u->kind) {
	case TY_POINTER: case TY_CHAN: case TY_INTERFACE:
		return true;
	case TY_STRUCT:
		for (int i = 0; i < u->strct.nfields; i++)
			if (!comparable_rec(u->strct.fields[i]->type, seen))
				return false;
		return true;
	case TY_ARRAY:
		return comparable_rec(u->array.elem, seen);
	case TY_SLICE: case TY_FUNC: case TY_MAP: case TY_TUPLE: case TY_TYPEPARAM: case TY_NAMED:
		return false;
	default:
		return u->kind != TY_UNTYPED_NIL; /* basic types; invalid counts as comparable */
	}
}

bool type_is_comparable(Type *t)
{
	HashMap seen = {0};
	return comparable_rec(t, &seen);
}

static bool has_pointers_rec(Type *t, HashMap *seen)
{
	if (!type_walk_enter(seen, t))
		return false;
	Type *u = type_underlying(t);
	switch (u->kind) {
	case TY_STRING: case TY_UNSAFE_POINTER: case TY_SLICE: case TY_POINTER: case TY_FUNC:
	case TY_INTERFACE: case TY_MAP: case TY_CHAN: case TY_UNTYPED_STRING: case TY_UNTYPED_NIL:
		return true;
	case TY_ARRAY:
		return u->array.len > 0 && has_pointers_rec(u->array.elem, seen);
	case TY_STRUCT:
		for (int i = 0; i < u->strct.nfields; i++)
			if (has_pointers_rec(u->strct.fields[i]->type, seen))
				return true;
		return false;
	default:
		return false;
	}
}

bool type_has_pointers(Type *t)
{
	HashMap seen = {0};
	return has_pointers_rec(t, &seen);
}

Type *type_default(Type *t)
{
	if (!t)
		return t;
	switch (t->kind) {
	case TY_UNTYPED_BOOL: return type_basic(TY_BOOL);
	case TY_UNTYPED_INT: return type_basic(TY_INT);
	case TY_UNTYPED_RUNE: return type_rune();
	case TY_UNTYPED_FLOAT: return type_basic(TY_FLOAT64);
	case TY_UNTYPED_COMPLEX: return type_basic(TY_COMPLEX128);
	case TY_UNTYPED_STRING: return type_basic(TY_STRING);
	default: return t;
	}
}

/* ---- identity -------------------------------------------------------------------------------- */

static bool identical(Type *a, Type *b, bool tags);

static bool identical_list(Type **x, Type **y, int n, bool tags)
{
	for (int i = 0; i < n; i++)
		if (!identical(x[i], y[i], tags))
			return false;
	return true;
}

static bool identical_struct(Type *a, Type *b, bool tags)
{
	if (a->strct.nfields != b->strct.nfields)
		return false;
	for (int i = 0; i < a->strct.nfields; i++) {
		Field *f = a->strct.fields[i], *g = b->strct.fields[i];
		if (f->embedded != g->embedded || !field_same_id(f, g))
			return false;
		if (tags && !(f->tag == g->tag || (f->tag && g->tag && strcmp(f->tag, g->tag) == 0) ||
			      (!f->tag && g->tag && !*g->tag) || (f->tag && !*f->tag && !g->tag)))
			return false;
		if (!identical(f->type, g->type, tags))
			return false;
	}
	return true;
}

/* Interfaces being compared, innermost first: a method signature may mention the interface
 * itself, and a pair already under comparison is assumed identical (go/types ifacePair). */
typedef struct IfacePair {
	Type *x, *y;
	struct IfacePair *prev;
} IfacePair;

static IfacePair *iface_pairs;

static bool identical_iface(Type *a, Type *b, bool tags)
{
	type_iface_complete(a);
	type_iface_complete(b);
	if (a->iface.nmethods != b->iface.nmethods)
		return false;
	for (IfacePair *p = iface_pairs; p; p = p->prev)
		if ((p->x == a && p->y == b) || (p->x == b && p->y == a))
			return true;
	IfacePair pair = {a, b, iface_pairs};
	iface_pairs = &pair;
	bool same = true;
	for (int i = 0; i < a->iface.nmethods && same; i++) {
		Object *m = a->iface.methods[i], *n = b->iface.methods[i];
		if (!object_same_id(m, n) || !identical(m->type, n->type, tags))
			same = false;
	}
	iface_pairs = pair.prev;
	return same;
}

static bool identical(Type *a, Type *b, bool tags)
{
	if (a == b)
		return true;
	if (!a || !b)
		return false;
	if (is_basic(a) || is_basic(b))
		return is_basic(a) && is_basic(b) && a->kind == b->kind;
	if (a->kind != b->kind)
		return false;
	switch (a->kind) {
	case TY_ARRAY:
		return a->array.len == b->array.len && identical(a->array.elem, b->array.elem, tags);
	case TY_SLICE:
		return identical(a->array.elem, b->array.elem, tags);
	case TY_POINTER:
		return identical(a->pointer.elem, b->pointer.elem, tags);
	case TY_STRUCT:
		return identical_struct(a, b, tags);
	case TY_FUNC:
		return a->func.variadic == b->func.variadic && a->func.nparams == b->func.nparams &&
		       a->func.nresults == b->func.nresults &&
		       identical_list(a->func.params, b->func.params, a->func.nparams, tags) &&
		       identical_list(a->func.results, b->func.results, a->func.nresults, tags);
	case TY_INTERFACE:
		return identical_iface(a, b, tags);
	case TY_MAP:
		return identical(a->map.key, b->map.key, tags) && identical(a->map.value, b->map.value, tags);
	case TY_CHAN:
		return a->chan.dir == b->chan.dir && identical(a->chan.elem, b->chan.elem, tags);
	case TY_TUPLE:
		return a->tuple.n == b->tuple.n && identical_list(a->tuple.types, b->tuple.types, a->tuple.n, tags);
	default:
		return false; /* named types and type parameters: only identical to themselves */
	}
}

bool type_identical(Type *a, Type *b) { return identical(a, b, true); }
bool type_identical_ignore_tags(Type *a, Type *b) { return identical(a, b, false); }

/* A hash consistent with identity (with or without tags): identical types hash alike. It follows
 * the structure `identical` compares, minus what may differ between identical types (tags: "" and
 * none are the same) or recurse without end (interface method types: only their names count).
 * Below HASH_DEPTH levels only the kind counts, which bounds the cost on deep types. */
enum { HASH_DEPTH = 6 };

static uint64_t hash_type(Type *t, int depth);

static uint64_t hash_list(uint64_t h, Type **ts, int n, int depth)
{
	for (int i = 0; i < n; i++)
		h = hash_mix(h, hash_type(ts[i], depth));
	return h;
}

static uint64_t hash_type(Type *t, int depth)
{
	if (!t)
		return 0;
	if (!is_basic(t) && (t->kind == TY_NAMED || t->kind == TY_TYPEPARAM))
		return hash_pointer(t); /* only identical to itself */
	uint64_t h = hash_mix(0, (uint64_t)t->kind);
	if (is_basic(t) || depth >= HASH_DEPTH)
		return h;
	depth++;
	switch (t->kind) {
	case TY_ARRAY: return hash_mix(hash_mix(h, (uint64_t)t->array.len), hash_type(t->array.elem, depth));
	case TY_SLICE: return hash_mix(h, hash_type(t->array.elem, depth));
	case TY_POINTER: return hash_mix(h, hash_type(t->pointer.elem, depth));
	case TY_STRUCT:
		h = hash_mix(h, (uint64_t)t->strct.nfields);
		for (int i = 0; i < t->strct.nfields; i++) {
			Field *f = t->strct.fields[i];
			h = hash_mix(hash_mix(h, hash_pointer(f->name) + f->embedded), hash_type(f->type, depth));
		}
		return h;
	case TY_FUNC:
		h = hash_mix(h, (uint64_t)t->func.variadic * 2 + (uint64_t)t->func.nparams * 65536 + (uint64_t)t->func.nresults);
		return hash_list(hash_list(h, t->func.params, t->func.nparams, depth), t->func.results, t->func.nresults, depth);
	case TY_INTERFACE:
		type_iface_complete(t);
		h = hash_mix(h, (uint64_t)t->iface.nmethods);
		for (int i = 0; i < t->iface.nmethods; i++)
			h = hash_mix(h, hash_pointer(t->iface.methods[i]->name));
		return h;
	case TY_MAP: return hash_mix(hash_mix(h, hash_type(t->map.key, depth)), hash_type(t->map.value, depth));
	case TY_CHAN: return hash_mix(hash_mix(h, (uint64_t)t->chan.dir), hash_type(t->chan.elem, depth));
	case TY_TUPLE: return hash_list(hash_mix(h, (uint64_t)t->tuple.n), t->tuple.types, t->tuple.n, depth);
	default: return hash_pointer(t);
	}
}

uint64_t type_hash(Type *t) { return hash_type(t, 0); }

static uint64_t identity_hash(const void *t) { return type_hash((Type *)t); }
static bool identity_eq(const void *a, const void *b) { return type_identical((Type *)a, (Type *)b); }

HashMap type_identity_map(void)
{
	return hashmap_custom(identity_hash, identity_eq);
}

/* ---- interfaces ------------------------------------------------------------------------------ */

static int cmp_method(const void *a, const void *b)
{
	const Object *x = *(Object *const *)a, *y = *(Object *const *)b;
	return strcmp(x->name, y->name);
}

static void add_method(Vec *v, Object *m)
{
	for (int i = 0; i < v->len; i++)
		if (((Object *)v->data[i])->name == m->name)
			return; /* duplicates are diagnosed by the checker */
	vec_push(v, m);
}

/* Flattens explicit methods and those of embedded interfaces into iface.methods, sorted by name.
 * Embedded non-interface elements (constraints) contribute nothing here. */
void type_iface_complete(Type *t)
{
	if (!t || t->kind != TY_INTERFACE || t->iface.complete || t->iface.completing)
		return;
	t->iface.completing = true;
	Vec all = {0};
	for (int i = 0; i < t->iface.nexplicit; i++)
		add_method(&all, t->iface.explicit_methods[i]);
	for (int i = 0; i < t->iface.embeddeds.len; i++) {
		Type *e = type_underlying(t->iface.embeddeds.data[i]);
		if (e->kind != TY_INTERFACE)
			continue;
		type_iface_complete(e);
		for (int j = 0; j < e->iface.nmethods; j++)
			add_method(&all, e->iface.methods[j]);
	}
	vec_sort(&all, cmp_method);
	t->iface.methods = (Object **)all.data;
	t->iface.nmethods = all.len;
	t->iface.completing = false;
	t->iface.complete = true;
}

/* The completed method count of t's underlying interface, or -1 when it is not an interface. */
static int iface_method_count(Type *t)
{
	Type *u = type_underlying(t);
	if (!u || u->kind != TY_INTERFACE)
		return -1;
	type_iface_complete(u);
	return u->iface.nmethods;
}

bool type_is_empty_iface(Type *t)
{
	return iface_method_count(t) == 0;
}

bool type_is_nonempty_iface(Type *t)
{
	return iface_method_count(t) > 0;
}

/* ---- sizes and alignment (gc's rules for amd64) ---------------------------------------------- */

enum { PTR_SIZE = 8, REG_SIZE = 8 };

static int64_t round_up(int64_t o, int64_t a)
{
	return a > 0 ? (o + a - 1) / a * a : o;
}

static void layout(Type *t, int depth);

static int64_t size_of(Type *t, int depth)
{
	if (!t)
		return 0;
	layout(t, depth);
	return t->size;
}

static int64_t align_of(Type *t, int depth)
{
	if (!t)
		return 1;
	layout(t, depth);
	return t->align;
}

static void layout_struct(Type *t, Type *u, int depth)
{
	int64_t off = 0, max_align = 1;
	int n = u->strct.nfields;
	for (int i = 0; i < n; i++) {
		Field *f = u->strct.fields[i];
		int64_t a = align_of(f->type, depth + 1);
		off = round_up(off, a);
		f->offset = off;
		off += size_of(f->type, depth + 1);
		if (a > max_align)
			max_align = a;
	}
	if (n > 0) {
		Field *last = u->strct.fields[n - 1];
		if (size_of(last->type, depth + 1) == 0 && last->offset > 0)
			off++; /* a pointer to the final zero-size field must not point past the object */
	}
	t->align = max_align;
	t->size = n ? round_up(off, max_align) : 0;
}

static void layout_basic(Type *t, TypeKind k)
{
	int64_t size = basic_sizes[k];
	if (k == TY_STRING || k == TY_UNTYPED_STRING)
		size = 2 * PTR_SIZE;
	else if (k == TY_INT || k == TY_UINT || k == TY_UINTPTR || k == TY_UNSAFE_POINTER ||
		 k == TY_UNTYPED_INT || k == TY_UNTYPED_NIL)
		size = PTR_SIZE;
	else if (k == TY_UNTYPED_BOOL)
		size = 1;
	else if (k == TY_UNTYPED_RUNE)
		size = 4;
	else if (k == TY_UNTYPED_FLOAT)
		size = 8;
	else if (k == TY_UNTYPED_COMPLEX)
		size = 16;
	t->size = size;
	if (k == TY_STRING || k == TY_UNTYPED_STRING)
		t->align = PTR_SIZE;
	else if (k == TY_COMPLEX64 || k == TY_COMPLEX128 || k == TY_UNTYPED_COMPLEX)
		t->align = size / 2;
	else
		t->align = size < 1 ? 1 : size > REG_SIZE ? REG_SIZE : size;
}

static void layout(Type *t, int depth)
{
	if (t->laid_out)
		return;
	if (t->align == -1) { /* an invalid recursive type; the checker reported it */
		t->size = 0;
		t->align = 1;
		t->laid_out = true;
		return;
	}
	t->align = -1; /* in progress */
	Type *u = type_underlying(t);
	switch (u->kind) {
	case TY_ARRAY: {
		int64_t n = u->array.len;
		int64_t es = size_of(u->array.elem, depth + 1);
		t->size = n <= 0 ? 0 : es * n;
		t->align = align_of(u->array.elem, depth + 1);
		break;
	}
	case TY_SLICE:
		t->size = 3 * PTR_SIZE;
		t->align = PTR_SIZE;
		break;
	case TY_STRUCT:
		layout_struct(t, u, depth);
		if (u != t && !u->laid_out) {
			u->size = t->size;
			u->align = t->align;
			u->laid_out = true;
		}
		break;
	case TY_INTERFACE:
		t->size = 2 * PTR_SIZE;
		t->align = PTR_SIZE;
		break;
	case TY_POINTER: case TY_FUNC: case TY_MAP: case TY_CHAN:
		t->size = PTR_SIZE;
		t->align = PTR_SIZE;
		break;
	case TY_TUPLE: case TY_TYPEPARAM: case TY_NAMED:
		t->size = 0;
		t->align = 1;
		break;
	default:
		layout_basic(t, u->kind);
		break;
	}
	t->laid_out = true;
}

int64_t type_size(Type *t) { return size_of(t, 0); }
int64_t type_align(Type *t) { return align_of(t, 0); }

int64_t type_field_offset(Type *t, int i)
{
	Type *u = type_underlying(t);
	if (u->kind != TY_STRUCT || i < 0 || i >= u->strct.nfields)
		internal_error("type_field_offset: not a struct field");
	layout(u, 0);
	return u->strct.fields[i]->offset;
}

/* ---- spelling -------------------------------------------------------------------------------- */

typedef struct Writer {
	StrBuf b;
	bool diag;   /* types2 diagnostic spelling instead of the runtime's */
	bool link;   /* type_link_string: local types numbered, no depth limit */
	Package *local; /* diag: names of this package unqualified, the others' qualified */
	int depth;
} Writer;

static void write_type(Writer *w, Type *t);

static void write_quoted(StrBuf *b, const char *s)
{
	sb_putc(b, '"');
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '"': sb_puts(b, "\\\""); break;
		case '\\': sb_puts(b, "\\\\"); break;
		case '\n': sb_puts(b, "\\n"); break;
		case '\t': sb_puts(b, "\\t"); break;
		default:
			if (*p < 0x20 || *p == 0x7f)
				sb_printf(b, "\\x%02x", *p);
			else
				sb_putc(b, *p);
		}
	}
	sb_putc(b, '"');
}

static void write_tuple(Writer *w, Type **types, const char **names, int n, bool variadic)
{
	sb_putc(&w->b, '(');
	for (int i = 0; i < n; i++) {
		if (i > 0)
			sb_puts(&w->b, ", ");
		if (w->diag && names && names[i] && names[i][0]) {
			sb_puts(&w->b, names[i]);
			sb_putc(&w->b, ' ');
		}
		Type *t = types[i];
		if (variadic && i == n - 1 && t && t->kind == TY_SLICE) {
			sb_puts(&w->b, "...");
			t = t->array.elem;
		}
		write_type(w, t);
	}
	sb_putc(&w->b, ')');
}

static void write_signature(Writer *w, Type *t)
{
	write_tuple(w, t->func.params, t->func.param_names, t->func.nparams, t->func.variadic);
	int n = t->func.nresults;
	if (n == 0)
		return;
	sb_putc(&w->b, ' ');
	bool named = w->diag && t->func.result_names && t->func.result_names[0] && t->func.result_names[0][0];
	if (n == 1 && !named) {
		write_type(w, t->func.results[0]);
		return;
	}
	write_tuple(w, t->func.results, t->func.result_names, n, false);
}

/* The name an embedded field of type t would get from its type: T for T and *T. Through an alias
 * the field's name may differ (`type Int = int; struct{ Int }`), and the link string must keep it. */
static const char *embedded_type_name(Type *t)
{
	if (t->kind == TY_POINTER)
		t = t->pointer.elem;
	return t->kind == TY_NAMED && t->named.obj ? t->named.obj->name : type_string(t);
}

static void write_struct(Writer *w, Type *t)
{
	int n = t->strct.nfields;
	sb_puts(&w->b, w->diag ? "struct{" : (n ? "struct { " : "struct {"));
	for (int i = 0; i < n; i++) {
		Field *f = t->strct.fields[i];
		if (i > 0)
			sb_puts(&w->b, "; ");
		if (!f->embedded) {
			sb_puts(&w->b, f->name);
			sb_putc(&w->b, ' ');
		} else if (w->link && strcmp(f->name, embedded_type_name(f->type)) != 0) {
			sb_printf(&w->b, "%s = ", f->name); /* struct{ Int } with `type Int = int`: gc's fldconv */
		}
		write_type(w, f->type);
		if (f->tag && *f->tag) {
			sb_putc(&w->b, ' ');
			write_quoted(&w->b, f->tag);
		}
	}
	sb_puts(&w->b, w->diag ? "}" : (n ? " }" : "}"));
}

static void write_iface(Writer *w, Type *t)
{
	if (w->diag && t == any_type) {
		sb_puts(&w->b, "any");
		return;
	}
	bool first = true;
	if (w->diag) {
		/* types2 prints the explicit methods, then the embedded elements */
		sb_puts(&w->b, "interface{");
		for (int i = 0; i < t->iface.nexplicit; i++, first = false) {
			Object *m = t->iface.explicit_methods[i];
			if (!first)
				sb_puts(&w->b, "; ");
			sb_puts(&w->b, m->name);
			if (m->type && m->type->kind == TY_FUNC)
				write_signature(w, m->type);
		}
		for (int i = 0; i < t->iface.embeddeds.len; i++, first = false) {
			if (!first)
				sb_puts(&w->b, "; ");
			write_type(w, t->iface.embeddeds.data[i]);
		}
		sb_putc(&w->b, '}');
		return;
	}
	/* the runtime (reflect) spelling lists the full method set, sorted */
	type_iface_complete(t);
	if (t->iface.nmethods == 0) {
		sb_puts(&w->b, "interface {}");
		return;
	}
	sb_puts(&w->b, "interface { ");
	for (int i = 0; i < t->iface.nmethods; i++) {
		Object *m = t->iface.methods[i];
		if (i > 0)
			sb_puts(&w->b, "; ");
		sb_puts(&w->b, m->name);
		if (m->type && m->type->kind == TY_FUNC)
			write_signature(w, m->type);
	}
	sb_puts(&w->b, " }");
}

static void write_chan(Writer *w, Type *t)
{
	bool parens = false;
	switch (t->chan.dir) {
	case CHAN_BOTH:
		sb_puts(&w->b, "chan ");
		parens = t->chan.elem && t->chan.elem->kind == TY_CHAN && t->chan.elem->chan.dir == CHAN_RECV;
		break;
	case CHAN_SEND: sb_puts(&w->b, "chan<- "); break;
	case CHAN_RECV: sb_puts(&w->b, "<-chan "); break;
	}
	if (parens)
		sb_putc(&w->b, '(');
	write_type(w, t->chan.elem);
	if (parens)
		sb_putc(&w->b, ')');
}

static void write_named(Writer *w, Type *t)
{
	Object *obj = t->named.obj;
	if (!obj) {
		sb_puts(&w->b, "<named>");
		return;
	}
	if (obj->pkg && (!w->diag || (w->local && obj->pkg != w->local))) {
		sb_puts(&w->b, obj->pkg->name);
		sb_putc(&w->b, '.');
	}
	sb_puts(&w->b, obj->name);
	if (w->link && t->named.vargen)
		sb_printf(&w->b, "·%d", t->named.vargen);
}

static void write_type(Writer *w, Type *t)
{
	if (!t) {
		sb_puts(&w->b, "<nil>");
		return;
	}
	if (++w->depth > 50 && !w->link) {
		sb_puts(&w->b, "...");
		w->depth--;
		return;
	}
	if (is_basic(t)) {
		if (w->diag && t == &byte_type)
			sb_puts(&w->b, "byte");
		else if (w->diag && t == &rune_type)
			sb_puts(&w->b, "rune");
		else
			sb_puts(&w->b, basic_names[t->kind]);
		w->depth--;
		return;
	}
	switch (t->kind) {
	case TY_ARRAY:
		sb_printf(&w->b, "[%lld]", (long long)t->array.len);
		write_type(w, t->array.elem);
		break;
	case TY_SLICE:
		sb_puts(&w->b, "[]");
		write_type(w, t->array.elem);
		break;
	case TY_STRUCT: write_struct(w, t); break;
	case TY_POINTER:
		sb_putc(&w->b, '*');
		write_type(w, t->pointer.elem);
		break;
	case TY_FUNC:
		sb_puts(&w->b, "func");
		write_signature(w, t);
		break;
	case TY_INTERFACE: write_iface(w, t); break;
	case TY_MAP:
		sb_puts(&w->b, "map[");
		write_type(w, t->map.key);
		sb_putc(&w->b, ']');
		write_type(w, t->map.value);
		break;
	case TY_CHAN: write_chan(w, t); break;
	case TY_NAMED: write_named(w, t); break;
	case TY_TUPLE: write_tuple(w, t->tuple.types, t->tuple.names, t->tuple.n, false); break;
	default: sb_puts(&w->b, "<type>"); break;
	}
	w->depth--;
}

const char *type_string(Type *t)
{
	Writer w = {0};
	write_type(&w, t);
	return sb_cstr(&w.b);
}

const char *type_link_string(Type *t)
{
	Writer w = {.link = true};
	write_type(&w, t);
	return sb_cstr(&w.b);
}

const char *type_diag_string(Type *t)
{
	return type_diag_string_in(t, NULL);
}

const char *type_diag_string_in(Type *t, Package *local)
{
	Writer w = {.diag = true, .local = local};
	write_type(&w, t);
	return sb_cstr(&w.b);
}

/* ---- field and method lookup ----------------------------------------------------------------- */

typedef struct Embedded {
	Type *type;
	int *path;
	int path_len;
	bool indirect, multiples;
} Embedded;

static int *path_append(const int *path, int len, int i)
{
	int *p = xalloc(sizeof(int) * (len + 1));
	if (len)
		memcpy(p, path, sizeof(int) * len);
	p[len] = i;
	return p;
}

static Type *deref(Type *t, bool *is_ptr)
{
	if (t && t->kind == TY_POINTER) {
		*is_ptr = true;
		return t->pointer.elem ? t->pointer.elem : ty_invalid;
	}
	*is_ptr = false;
	return t;
}

/* Does a field or method declared in `pkg` answer to `name` selected from package `from`? An
 * unexported name only within its own package (go/types sameId); from == NULL: any package. */
static bool lookup_same_id(Package *pkg, const char *have, Package *from, const char *name)
{
	return have == name && (!from || !pkg || pkg == from || types_is_exported(name));
}

static int named_method_index(Type *named, Package *from, const char *name)
{
	for (int i = 0; i < named->named.methods.len; i++) {
		Object *m = named->named.methods.data[i];
		if (lookup_same_id(m->pkg, m->name, from, name))
			return i;
	}
	return -1;
}

static int iface_method_index(Type *iface, Package *from, const char *name)
{
	type_iface_complete(iface);
	for (int i = 0; i < iface->iface.nmethods; i++) {
		Object *m = iface->iface.methods[i];
		if (lookup_same_id(m->pkg, m->name, from, name))
			return i;
	}
	return -1;
}

/* Records a match at the current depth; returns false on a collision (ambiguity). */
static bool found(Lookup *r, Embedded *e, Object *obj, int index)
{
	int *path = path_append(e->path, e->path_len, index);
	if (r->obj || e->multiples) {
		Lookup amb = {.path = path, .path_len = e->path_len + 1, .collision = true};
		*r = amb;
		return false;
	}
	r->obj = obj;
	r->path = path;
	r->path_len = e->path_len + 1;
	r->indirect = e->indirect;
	return true;
}

/* Drops duplicate types at one depth, marking them as appearing multiple times. */
static void consolidate(Vec *next)
{
	int n = 0;
	for (int i = 0; i < next->len; i++) {
		Embedded *e = next->data[i];
		bool dup = false;
		for (int j = 0; j < n; j++) {
			Embedded *f = next->data[j];
			if (type_identical(f->type, e->type)) {
				f->multiples = true;
				dup = true;
				break;
			}
		}
		if (!dup)
			next->data[n++] = e;
	}
	next->len = n;
}

static bool seen_named(Vec *seen, Type *t)
{
	for (int i = 0; i < seen->len; i++)
		if (seen->data[i] == t)
			return true;
	vec_push(seen, t);
	return false;
}

/* Searches one embedding depth; returns true when the search is decided (found or collision). */
static bool lookup_depth(Lookup *r, Vec *current, Vec *next, Vec *seen, Package *from, const char *name)
{
	for (int k = 0; k < current->len; k++) {
		Embedded *e = current->data[k];
		Type *t = e->type;
		if (t->kind == TY_NAMED) {
			if (seen_named(seen, t))
				continue;
			int i = named_method_index(t, from, name);
			if (i >= 0) {
				if (!found(r, e, t->named.methods.data[i], i))
					return true;
				continue;
			}
		}
		Type *u = type_underlying(t);
		if (u->kind == TY_STRUCT) {
			for (int i = 0; i < u->strct.nfields; i++) {
				Field *f = u->strct.fields[i];
				if (lookup_same_id(f->pkg, f->name, from, name)) {
					if (!found(r, e, f->obj, i))
						return true;
					continue;
				}
				if (!r->obj && f->embedded) {
					bool is_ptr;
					Embedded *n = xnew(Embedded);
					n->type = deref(f->type, &is_ptr);
					n->path = path_append(e->path, e->path_len, i);
					n->path_len = e->path_len + 1;
					n->indirect = e->indirect || is_ptr;
					n->multiples = e->multiples;
					vec_push(next, n);
				}
			}
		} else if (u->kind == TY_INTERFACE) {
			int i = iface_method_index(u, from, name);
			if (i >= 0 && !found(r, e, u->iface.methods[i], i))
				return true;
		}
	}
	return r->obj != NULL;
}

static Lookup lookup_field_or_method(Type *t, bool addressable, Package *from, const char *name)
{
	Lookup r = {0};
	if (!t || !name || strcmp(name, "_") == 0)
		return r;
	bool is_ptr;
	Type *typ = deref(t, &is_ptr);
	if (is_ptr && type_underlying(typ)->kind == TY_INTERFACE)
		return r; /* pointer to interface has no methods */
	Vec current = {0}, seen = {0};
	Embedded *start = xnew(Embedded);
	start->type = typ;
	start->indirect = is_ptr;
	vec_push(&current, start);
	while (current.len > 0) {
		Vec next = {0};
		if (lookup_depth(&r, &current, &next, &seen, from, name)) {
			if (r.obj && r.obj->kind == OBJ_FUNC && r.obj->ptr_recv && !r.indirect && !addressable) {
				Lookup np = {.needs_pointer = true};
				return np;
			}
			return r;
		}
		consolidate(&next);
		current = next;
	}
	return r;
}

Lookup type_lookup(Type *t, bool addressable, const char *name)
{
	return type_lookup_from(t, addressable, NULL, name);
}

Lookup type_lookup_from(Type *t, bool addressable, Package *from, const char *name)
{
	if (t && t->kind == TY_NAMED && type_underlying(t)->kind == TY_POINTER) {
		/* a defined pointer type has no methods, only the fields of its base */
		Lookup r = lookup_field_or_method(type_underlying(t), false, from, name);
		if (r.obj && r.obj->kind == OBJ_FUNC) {
			Lookup none = {0};
			return none;
		}
		return r;
	}
	return lookup_field_or_method(t, addressable, from, name);
}

Object *type_lookup_method(Type *t, const char *name, bool *pointer_recv)
{
	Lookup r = type_lookup(t, true, name);
	if (!r.obj || r.obj->kind != OBJ_FUNC)
		return NULL;
	if (pointer_recv)
		*pointer_recv = r.obj->ptr_recv;
	return r.obj;
}

/* ---- packages --------------------------------------------------------------------------------- */

/* gc's objabi.PathToPrefix: bytes that would confuse the linker or the symbol syntax ("." after the
 * last "/", which separates the package from the name, and '%', '"', spaces, control characters,
 * non-ASCII) become %xx. "main" and "strings" are their own prefix. */
static bool prefix_escapes(const char *s, size_t i, const char *slash)
{
	unsigned char c = (unsigned char)s[i];
	return c <= ' ' || (c == '.' && (!slash || s + i > slash)) || c == '%' || c == '"' || c >= 0x7F;
}

static const char *path_to_prefix(const char *path)
{
	const char *slash = strrchr(path, '/');
	StrBuf b = {0};
	for (size_t i = 0; path[i]; i++) {
		if (prefix_escapes(path, i, slash))
			sb_printf(&b, "%%%02x", (unsigned char)path[i]);
		else
			sb_putc(&b, path[i]);
	}
	return sb_cstr(&b);
}

Package *package_new(const char *path)
{
	Package *pkg = xnew(Package);
	pkg->path = intern(path, strlen(path));
	pkg->prefix = path_to_prefix(path);
	pkg->name = pkg->path; /* until check_package reads the package clause */
	return pkg;
}

bool package_is_main(Package *pkg)
{
	return pkg && strcmp(pkg->name, "main") == 0;
}

const char *package_symbol(Package *pkg, const char *name)
{
	return xsprintf("%s.%s", pkg->prefix, name);
}

/* Exported names start with an upper-case letter (ASCII only so far: gocc has no Unicode case
 * tables yet, so a name starting with a non-ASCII upper-case letter counts as unexported). */
bool types_is_exported(const char *name)
{
	return isupper((unsigned char)name[0]);
}

/* go/types Object.sameId: exported names are the same in every package, unexported ones only
 * within their own (a.T.x and b.T.x are different fields). */
static bool same_id(const char *a, Package *pa, const char *b, Package *pb)
{
	if (a != b)
		return false;
	return types_is_exported(a) || pa == pb;
}

bool object_same_id(Object *a, Object *b)
{
	return same_id(a->name, a->pkg, b->name, b->pkg);
}

bool field_same_id(Field *a, Field *b)
{
	return same_id(a->name, a->pkg, b->name, b->pkg);
}

/* ---- objects and scopes ---------------------------------------------------------------------- */

Object *object_new(Package *pkg, ObjKind kind, const char *name, Pos pos, Type *type)
{
	Object *obj = xnew(Object);
	obj->pkg = pkg;
	obj->kind = kind;
	obj->name = name;
	obj->pos = pos;
	obj->type = type;
	return obj;
}

Scope *scope_new(Scope *parent, Object *func)
{
	Scope *s = xnew(Scope);
	s->parent = parent;
	s->func = func;
	s->pos = nopos;
	return s;
}

/* Scopes index their objects by (interned) name in a HashMap once they hold more than a handful;
 * below that a linear search is as fast. */
enum { SCOPE_INDEX_MIN = 12 };

static void index_build(Scope *s)
{
	HashMap *ix = xnew(HashMap);
	for (int i = 0; i < s->objects.len; i++) {
		Object *o = s->objects.data[i];
		if (!hashmap_get(ix, o->name))
			hashmap_put(ix, o->name, o); /* the first of a name, as the linear search finds */
	}
	s->index = ix;
}

Object *scope_lookup_local(Scope *s, const char *name)
{
	if (!s || !name)
		return NULL;
	if (s->index)
		return hashmap_get(s->index, name);
	for (int i = 0; i < s->objects.len; i++) {
		Object *o = s->objects.data[i];
		if (o->name == name)
			return o;
	}
	return NULL;
}

Object *scope_lookup(Scope *s, const char *name)
{
	for (; s; s = s->parent) {
		Object *o = scope_lookup_local(s, name);
		if (o)
			return o;
	}
	return NULL;
}

Object *scope_insert(Scope *s, Object *obj)
{
	Object *alt = scope_lookup_local(s, obj->name);
	if (alt)
		return alt;
	vec_push(&s->objects, obj);
	if (!obj->scope)
		obj->scope = s;
	if (s->index)
		hashmap_put(s->index, obj->name, obj);
	else if (s->objects.len > SCOPE_INDEX_MIN)
		index_build(s);
	return NULL;
}

/* ---- debug dump (gocc -d T) ------------------------------------------------------------------ */

static const char *obj_kind_name(ObjKind k)
{
	static const char *const names[] = {"bad", "const", "type", "var", "func", "package", "builtin",
					    "nil", "label"};
	return k <= OBJ_LABEL ? names[k] : "?";
}

static void dump_object(Object *o, int indent)
{
	fprintf(stderr, "%*s%s %s", indent, "", obj_kind_name(o->kind), o->name);
	if (o->type)
		fprintf(stderr, " %s", type_string(o->type));
	if (o->kind == OBJ_CONST && o->cval)
		fprintf(stderr, " = %s", const_format(o->cval));
	if (o->link_name)
		fprintf(stderr, " [%s]", o->link_name);
	if (o->kind == OBJ_TYPE && o->type && o->type->kind == TY_NAMED) {
		Type *t = o->type;
		fprintf(stderr, " underlying %s size %lld align %lld", type_string(type_underlying(t)),
			(long long)type_size(t), (long long)type_align(t));
		for (int i = 0; i < t->named.methods.len; i++) {
			Object *m = t->named.methods.data[i];
			fprintf(stderr, "\n%*smethod %s [%s]", indent + 2, "", m->name, m->link_name ? m->link_name : "");
		}
	}
	if (o->kind == OBJ_VAR)
		fprintf(stderr, "%s%s%s", o->is_global ? " global" : "", o->addr_taken ? " addr_taken" : "",
			o->used ? "" : " unused");
	fputc('\n', stderr);
}

void types_dump(Package *pkg)
{
	if (!pkg)
		return;
	fprintf(stderr, "package %s\n", pkg->name);
	for (int i = 0; pkg->scope && i < pkg->scope->objects.len; i++)
		dump_object(pkg->scope->objects.data[i], 2);
	for (int i = 0; i < pkg->funcs.len; i++) {
		Object *f = pkg->funcs.data[i];
		fprintf(stderr, "func %s %s\n", f->link_name ? f->link_name : f->name, type_string(f->type));
		for (int j = 0; j < f->params.len; j++)
			dump_object(f->params.data[j], 4);
		for (int j = 0; j < f->results.len; j++)
			dump_object(f->results.data[j], 4);
	}
	fprintf(stderr, "init order:");
	for (int i = 0; i < pkg->var_inits.len; i++) {
		Initializer *in = pkg->var_inits.data[i];
		for (int j = 0; j < in->lhs.len; j++) {
			Object *o = in->lhs.data[j];
			fprintf(stderr, "%s%s", j ? "," : " ", o ? o->name : "_");
		}
	}
	fputc('\n', stderr);
}
