/*
 * iface.c: interfaces at run time (Go's runtime/iface.go): itabs, conversions, assertions,
 * comparison and printing of interface values.
 *
 * Itabs. A non-empty interface value is {itab, data}; itab(I, T) lists, in I's method order, the
 * code of T's methods (runtime.def). The compiler emits itabs it can build statically; everything
 * else comes from getitab(I, T), which looks the pair up in one global open-addressing hash table
 * keyed by the two descriptor addresses and, on a miss, builds the itab by walking I's methods and
 * T's method set in lock step (both sorted by name then package path: O(ni + nt), gc's itab.init).
 * A method matches when name, package path ("" for exported names) and method type are the same;
 * the first interface method without a match makes a negative entry (fun[0] == NULL) whose missing
 * name a panicking caller reports. Entries are never removed, so the table only grows (doubling at
 * 3/4 load); lookups after the first are one probe sequence.
 *
 * Type identity is descriptor identity (one descriptor per type per binary), except that copies of
 * unnamed types (func() string exists in the runtime's C and in compiled code) and of predeclared
 * types are compared by kind, type string and components: iface_types_identical.
 *
 * Assertions and conversions follow gc's entry points one for one (convT*, convI2I, assertE2I(2),
 * assertI2I(2), panicdottypeE/I, panicnildottype); comma-ok forms return a zero interface on failure.
 * Failures panic with *runtime.TypeAssertionError values (error.c) whose text is go1.19's.
 * efaceeq/ifaceeq compare data words once the dynamic types are known equal, panicking with
 * `comparing uncomparable type T` for types without an equality function.
 *
 * Invariants: an itab is built once per (I, T) pair and never changes or moves, so compiled code
 * may cache its address (type switches do, lower_typeswitch.c); fun[0] == NULL iff T does not
 * implement I; the table's load stays below 3/4.
 *
 * Rejected alternatives: a per-interface linear list of itabs (quadratic with many types, and type
 * switches over many interfaces hit it hard); building all itabs eagerly at start-up from the
 * packages' type lists (pays for pairs never used; gc builds only the statically known ones).
 * Threads (as gc's): lookups are lock-free on an atomically published table, inserts take itab_lock
 * (gc's itabLock) and re-check, so each pair still gets one itab. Later: the GC must treat the table
 * and its itabs as roots.
 */
#include "iface.h"

#include "malloc.h"
#include "map.h"
#include "panic.h"
#include "print.h"
#include "scheduler.h"

/* ---- type identity ---- */

static bool same_string(GoString a, GoString b)
{
	return a.len == b.len && __builtin_memcmp(a.str, b.str, (size_t)a.len) == 0;
}

/* Predeclared types (int, string, error ...) are named and their type string has no package. */
static bool is_predeclared(const GoType *t)
{
	return (t->tflag & TFLAG_NAMED) && __builtin_memchr(t->string.str, '.', (size_t)t->string.len) == NULL;
}

static bool components_identical(const GoType *a, const GoType *b)
{
	if (a->len != b->len || a->nextra != b->nextra || !iface_types_identical(a->elem, b->elem) ||
	    !iface_types_identical(a->key, b->key))
		return false;
	for (uintptr_t i = 0; i < a->nextra; i++) {
		const GoType *x, *y;
		switch (type_kind(a)) {
		case KIND_FUNC: x = ((const GoType *const *)a->extra)[i]; y = ((const GoType *const *)b->extra)[i]; break;
		case KIND_STRUCT: x = ((const GoField *)a->extra)[i].typ; y = ((const GoField *)b->extra)[i].typ; break;
		case KIND_INTERFACE: x = ((const GoIMethod *)a->extra)[i].typ; y = ((const GoIMethod *)b->extra)[i].typ; break;
		default: return true;
		}
		if (!iface_types_identical(x, y))
			return false;
	}
	return true;
}

bool iface_types_identical(const GoType *a, const GoType *b)
{
	if (a == b)
		return true;
	if (a == NULL || b == NULL || type_kind(a) != type_kind(b) || !same_string(a->string, b->string))
		return false;
	if ((a->tflag | b->tflag) & TFLAG_NAMED)
		return is_predeclared(a) && is_predeclared(b);
	return components_identical(a, b);
}

/* ---- the itab table ---- */

/* Descriptors are aligned and laid out at regular strides, so their addresses' low bits carry little:
 * multiply (which moves entropy only upwards), then fold the well-mixed high half down into the low
 * bits the table index uses (murmur3's finaliser, one round). A weaker fold clustered the few itabs
 * of a type switch into long probe chains (assertE2I2 was a third of testdata/bench/type_switch). */
static uintptr_t itab_hash(const GoType *inter, const GoType *type)
{
	uint64_t h = (uint64_t)(uintptr_t)inter * 0x9e3779b97f4a7c15u ^ (uint64_t)(uintptr_t)type;
	h *= 0xff51afd7ed558ccdu;
	return (uintptr_t)(h ^ (h >> 32));
}

/* The table (gc's itabTable): size slots, a power of two; a NULL slot is empty. A table is
 * published whole and never changes size; growing makes a new one. */
typedef struct ItabTable {
	uintptr_t size;
	uintptr_t count;  /* guarded by itab_lock */
	AO_t entries[];   /* (GoItab *), written once under itab_lock (release), read with acquire */
} ItabTable;

/* Guarded by: itab_lock for writers; readers take no lock: they load the table pointer (acquire)
 * and probe it with atomic loads. An itab is fully built before the release store that publishes
 * it, and a full table is replaced, not freed (no collector yet; with one, the old tables die when
 * no reader holds them), so a reader with an old table sees a subset of the itabs, never garbage. */
static AO_t itab_table; /* (ItabTable *), NULL before the first insert */
static RtLock itab_lock;

static GoItab *itab_find(ItabTable *t, const GoType *inter, const GoType *type)
{
	if (t == NULL)
		return NULL;
	uintptr_t i = itab_hash(inter, type) & (t->size - 1);
	for (;; i = (i + 1) & (t->size - 1)) {
		GoItab *m = (GoItab *)AO_load_acquire(&t->entries[i]);
		if (m == NULL || (m->inter == inter && m->type == type))
			return m;
	}
}

/* Under itab_lock. */
static void itab_put(ItabTable *t, GoItab *m)
{
	uintptr_t i = itab_hash(m->inter, m->type) & (t->size - 1);
	while (AO_load(&t->entries[i]) != 0)
		i = (i + 1) & (t->size - 1);
	AO_store_release(&t->entries[i], (AO_t)m);
	t->count++;
}

/* Adds m unless another thread added the same pair first; returns the one in the table. A grown
 * table is allocated with itab_lock released (RtLocks are held without allocating), then filled and
 * published under it, unless another thread grew the table meanwhile (then: again). */
static GoItab *itab_add(GoItab *m)
{
	ItabTable *grown = NULL;
	for (;;) {
		lock_acquire(&itab_lock);
		ItabTable *t = (ItabTable *)AO_load(&itab_table);
		GoItab *old = itab_find(t, m->inter, m->type);
		if (old) {
			lock_release(&itab_lock);
			return old;
		}
		uintptr_t want = t ? t->size * 2 : 64;
		if ((t == NULL || 4 * (t->count + 1) > 3 * t->size) && grown && grown->size == want) {
			for (uintptr_t i = 0; t && i < t->size; i++)
				if (t->entries[i])
					itab_put(grown, (GoItab *)t->entries[i]);
			AO_store_release(&itab_table, (AO_t)grown);
			t = grown;
		}
		if (t && 4 * (t->count + 1) <= 3 * t->size) {
			itab_put(t, m);
			lock_release(&itab_lock);
			return m;
		}
		lock_release(&itab_lock);
		grown = runtime_mallocgc(sizeof *grown + want * sizeof grown->entries[0], NULL, true);
		grown->size = want;
	}
}

/* The code of a method the link dropped (its GoMethod.ifn is NULL: compiler/driver/deadmethod.c
 * keeps the code of every method the program can call through an interface). An itab gets this
 * instead of NULL, since fun[0] == NULL means "does not implement"; no call reaches it. */
static void method_dropped(void)
{
	panic_throw("gocc: call of a method the link dropped");
}

/* Fills m->fun (Go's itab.init); returns the name of the first missing method, or "". */
static GoString itab_init(GoItab *m)
{
	const GoIMethod *im = m->inter->extra;
	const GoMethod *tm = m->type->methods;
	uintptr_t ni = m->inter->nextra, nt = m->type->nmethods, j = 0;
	void *fun0 = NULL;
	for (uintptr_t k = 0; k < ni; k++) {
		for (; j < nt; j++)
			if (same_string(method_name(&tm[j]), im[k].name) &&
			    same_string(method_pkgpath(&tm[j]), im[k].pkgpath) &&
			    iface_types_identical(tm[j].mtyp, im[k].typ))
				break;
		if (j == nt) {
			m->fun[0] = NULL;
			return im[k].name;
		}
		void *fn = tm[j].ifn ? tm[j].ifn : (void *)method_dropped;
		if (k == 0)
			fun0 = fn;
		else
			m->fun[k] = fn;
	}
	m->fun[0] = fun0;
	return (GoString){0};
}

GoItab *iface_getitab(const GoType *inter, const GoType *type, bool canfail)
{
	if (inter->nextra == 0)
		panic_throw("internal error - misuse of itab");
	GoItab *m = itab_find((ItabTable *)AO_load_acquire(&itab_table), inter, type);
	if (m == NULL) {
		/* built outside the lock; if another thread wins the race, this copy is dropped */
		m = runtime_mallocgc(sizeof *m + inter->nextra * sizeof m->fun[0], NULL, true);
		m->inter = inter;
		m->type = type;
		m->hash = type->hash;
		itab_init(m);
		m = itab_add(m);
	}
	if (m->fun[0] != NULL)
		return m;
	if (canfail)
		return NULL;
	panic_raise(error_type_assertion(NULL, type, inter, itab_init(m) /* again: the missing name */), NULL);
}

void *runtime_getitab(const GoType *inter, const GoType *type, _Bool canfail)
{
	return iface_getitab(inter, type, canfail);
}

/* ---- conversions to interfaces (Go's convT*) ---- */

/* Small integers box to a shared constant, as gc's staticuint64s (the value is immutable). */
const uint64_t iface_staticuint64s[256] = {
#define R4(i) i, i + 1, i + 2, i + 3
#define R16(i) R4(i), R4(i + 4), R4(i + 8), R4(i + 12)
#define R64(i) R16(i), R16(i + 16), R16(i + 32), R16(i + 48)
	R64(0), R64(64), R64(128), R64(192),
#undef R4
#undef R16
#undef R64
};

void *runtime_convT(const GoType *t, void *v)
{
	void *x = runtime_mallocgc(t->size, t->ptrdata ? t : NULL, false);
	__builtin_memcpy(x, v, t->size);
	return x;
}

void *runtime_convTnoptr(const GoType *t, void *v)
{
	void *x = runtime_mallocgc(t->size, NULL, false);
	__builtin_memcpy(x, v, t->size);
	return x;
}

void *runtime_convT16(uint32_t v)
{
	uint16_t val = (uint16_t)v;
	if (val < 256)
		return (void *)&iface_staticuint64s[val]; /* little-endian: the low bytes come first */
	uint16_t *x = runtime_mallocgc(2, NULL, false);
	*x = val;
	return x;
}

void *runtime_convT32(uint32_t v)
{
	if (v < 256)
		return (void *)&iface_staticuint64s[v];
	uint32_t *x = runtime_mallocgc(4, NULL, false);
	*x = v;
	return x;
}

void *runtime_convT64(uintgo v)
{
	if (v < 256)
		return (void *)&iface_staticuint64s[v];
	uint64_t *x = runtime_mallocgc(8, NULL, false);
	*x = v;
	return x;
}

void *runtime_convTstring(GoString s)
{
	if (s.len == 0)
		return (void *)runtime_zeroVal;
	GoString *x = runtime_mallocgc(sizeof *x, &iface_type_string, false);
	*x = s;
	return x;
}

void *runtime_convTslice(void *v)
{
	const GoSlice *s = v;
	if (s->array == NULL)
		return (void *)runtime_zeroVal;
	GoSlice *x = runtime_mallocgc(sizeof *x, NULL, false); /* GC (later): a []T descriptor */
	*x = *s;
	return x;
}

/* ---- conversions and assertions to interface types ---- */

void *runtime_convI2I(const GoType *inter, void *tab)
{
	GoItab *m = tab;
	if (m == NULL)
		return NULL;
	if (m->inter == inter)
		return m;
	return iface_getitab(inter, m->type, false);
}

void *runtime_assertE2I(const GoType *inter, const GoType *t)
{
	if (t == NULL) /* explicit conversions require non-nil interface value */
		panic_raise(error_type_assertion(NULL, NULL, inter, (GoString){0}), NULL);
	return iface_getitab(inter, t, false);
}

GoIface runtime_assertE2I2(const GoType *inter, GoEface e)
{
	if (e.type == NULL)
		return (GoIface){0};
	GoItab *m = iface_getitab(inter, e.type, true);
	return m ? (GoIface){m, e.data} : (GoIface){0};
}

void *runtime_assertI2I(const GoType *inter, void *tab)
{
	GoItab *m = tab;
	if (m == NULL)
		panic_raise(error_type_assertion(NULL, NULL, inter, (GoString){0}), NULL);
	if (m->inter == inter)
		return m;
	return iface_getitab(inter, m->type, false);
}

GoIface runtime_assertI2I2(const GoType *inter, GoIface i)
{
	if (i.itab == NULL)
		return (GoIface){0};
	if (i.itab->inter == inter)
		return i;
	GoItab *m = iface_getitab(inter, i.itab->type, true);
	return m ? (GoIface){m, i.data} : (GoIface){0};
}

/* ---- failed assertions to concrete types ---- */

void runtime_panicdottypeE(const GoType *have, const GoType *want, const GoType *iface)
{
	panic_raise(error_type_assertion(iface, have, want, (GoString){0}), NULL);
}

void runtime_panicdottypeI(void *have, const GoType *want, const GoType *iface)
{
	const GoItab *m = have;
	runtime_panicdottypeE(m ? m->type : NULL, want, iface);
}

void runtime_panicnildottype(const GoType *want)
{
	panic_raise(error_type_assertion(NULL, NULL, want, (GoString){0}), NULL);
}

/* ---- (*T).M wrappers ---- */

void runtime_panicwrap(GoString msg)
{
	GoString *s = runtime_mallocgc(sizeof *s, NULL, false); /* msg is a constant of the binary */
	*s = msg;
	panic_raise((GoEface){&error_type_plainError, s}, NULL);
}

/* ---- comparison ---- */

/* Go's efaceeq: alg.c's interface equality does the work (direct data words, the type's equal,
 * `comparing uncomparable type T`). */
_Bool runtime_efaceeq(const GoType *t, void *x, void *y)
{
	GoEface a = {t, x}, b = {t, y};
	return runtime_nilinterequal(&a, &b, NULL);
}

_Bool runtime_ifaceeq(void *tab, void *x, void *y)
{
	return runtime_efaceeq(((const GoItab *)tab)->type, x, y);
}

/* ---- printing and calling methods ---- */

void runtime_printiface(GoIface i)
{
	runtime_printeface((GoEface){(const GoType *)i.itab, i.data});
}

bool iface_call_string_method(const GoType *inter, GoEface e, GoString *out)
{
	if (e.type == NULL)
		return false;
	GoItab *m = iface_getitab(inter, e.type, true);
	if (m == NULL)
		return false;
	GoString (*method)(void *ctx, void *data) = (GoString(*)(void *, void *))m->fun[0];
	*out = method(NULL, e.data);
	return true;
}

/* ---- descriptors (symbol names as compiled code's, runtime.def) ---- */

static const uint8_t gc_one_pointer[] = {0x01};
static const uint8_t gc_two_pointers[] = {0x03};

const GoType iface_type_string TYPE_SYMBOL(iface_type_string, "string") = {
	.size = 16, .ptrdata = 8, .hash = 0x17c16538u, .tflag = TFLAG_NAMED, .align = 8, .field_align = 8,
	.kind = KIND_STRING, .gcdata = (void *)gc_one_pointer, .string = GOSTR("string"),
	ALG(strequal, strhash),
};

#define BASIC(sym, name, sz, k, h)                                                                  \
	const GoType sym TYPE_SYMBOL(sym, name) = {                                                      \
		.size = (sz), .hash = (h), .tflag = TFLAG_NAMED | TFLAG_REGULAR_MEMORY, .align = (sz), \
		.field_align = (sz), .kind = (k), .string = GOSTR(name), ALG(memequal_t, memhash_t), \
	}

BASIC(iface_type_int, "int", 8, KIND_INT, 0x95e97e5eu);
BASIC(iface_type_int64, "int64", 8, KIND_INT64, 0x03d22364u);
BASIC(iface_type_bool, "bool", 1, KIND_BOOL, 0xc894953du);
BASIC(iface_type_uint8, "uint8", 1, KIND_UINT8, 0x199df2dbu);

const GoType iface_type_func TYPE_SYMBOL(iface_type_func, "func()") = {
	.size = 8, .ptrdata = 8, .hash = 0x818fc0bcu, .align = 8, .field_align = 8,
	.kind = KIND_FUNC | KIND_DIRECT_IFACE, .gcdata = (void *)gc_one_pointer, .string = GOSTR("func()"),
};

static const GoType *const func_string_params[] = {&iface_type_string};

const GoType iface_type_func_string TYPE_SYMBOL(iface_type_func_string, "func() string") = {
	.size = 8, .ptrdata = 8, .hash = 0x319077b5u, .align = 8, .field_align = 8,
	.kind = KIND_FUNC | KIND_DIRECT_IFACE, .gcdata = (void *)gc_one_pointer,
	.string = GOSTR("func() string"), .extra = (void *)func_string_params, .nextra = 1,
};

static const GoIMethod error_imethods[] = {{GOSTR("Error"), GOSTR(""), &iface_type_func_string}};
static const GoIMethod stringer_imethods[] = {{GOSTR("String"), GOSTR(""), &iface_type_func_string}};
static const GoIMethod runtime_Error_imethods[] = {
	{GOSTR("Error"), GOSTR(""), &iface_type_func_string},
	{GOSTR("RuntimeError"), GOSTR(""), &iface_type_func},
};

#define INTERFACE(sym, name, flags, pkg, h, im)                                                     \
	const GoType sym TYPE_SYMBOL(sym, name) = {                                                      \
		.size = 16, .ptrdata = 16, .hash = (h), .tflag = (flags), .align = 8, .field_align = 8, \
		.kind = KIND_INTERFACE, .gcdata = (void *)gc_two_pointers, .string = GOSTR(name),   \
		.pkgpath = (pkg),       .extra = (void *)(im), .nextra = sizeof(im) / sizeof((im)[0]), \
		ALG(interequal, interhash),                                                        \
	}

INTERFACE(iface_type_error, "error", TFLAG_NAMED, "", 0x21918751u, error_imethods);
INTERFACE(iface_type_stringer, "interface { String() string }", 0, "", 0x46f9bf45u, stringer_imethods);
INTERFACE(iface_type_runtime_Error, "runtime.Error", TFLAG_NAMED, "runtime", 0x6e50396fu,
	  runtime_Error_imethods);
