/*
 * runtime.h: the C view of Go values and the prototypes of every runtime entry point.
 *
 * What is here. The core value types the compiler and the runtime share (intgo, GoString, GoSlice,
 * GoEface), the type descriptor struct GoType, the KIND_* and TFLAG_* constants, and one prototype per
 * RUNTIME_FUNC / RUNTIME_NORETURN / GO_ENTRY line of runtime.def. Nothing in this file is written by
 * hand twice: the descriptor layout, the kind numbers and every prototype are expanded from
 * runtime.def, the single list the compiler's lowering also reads. A runtime function whose
 * definition disagrees with its runtime.def line is a compile error here, not a crash in a program.
 *
 * Invariants.
 *  - Every vocabulary type of runtime.def is a scalar or a two-word struct, so the C ABI and LLVM pass
 *    it identically in registers; GoSlice (three words) never crosses the boundary by value.
 *  - A GoString is never NUL-terminated and its bytes are immutable; len == 0 allows str == NULL.
 *  - A GoEface with type == NULL is the nil interface; its data word is then meaningless.
 *  - GoType descriptors are constants emitted by the compiler; the runtime never writes to them.
 *
 * Rejected alternative: a hand-written header mirrored by a hand-written table in the compiler. Two
 * copies of an ABI drift (HOUSE-STYLE anti-pattern 5); the X-macro keeps one.
 *
 * Naming tiers (as Lua's luaV_/luaC_): entry points are runtime_<go name> with default visibility
 * (RUNTIME_API); cross-file internals carry a module prefix (malloc_, print_, panic_, error_,
 * signal_, proc_) and the library's default hidden visibility; file-local helpers are static.
 */
#ifndef GOCC_RUNTIME_H
#define GOCC_RUNTIME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- Go's basic word types (linux/amd64: int is 64 bits) ---- */
typedef int64_t intgo;
typedef uint64_t uintgo;

typedef struct GoType GoType;

/* string: immutable bytes, not NUL-terminated. */
typedef struct GoString {
	const uint8_t *str;
	intgo len;
} GoString;

/* []T: the runtime's slice header. Only ever passed by pointer or as separate words. */
typedef struct GoSlice {
	void *array;
	intgo len, cap;
} GoSlice;

/* interface{}: dynamic type (NULL = nil interface) and a pointer to the boxed value. */
typedef struct GoEface {
	const GoType *type;
	void *data;
} GoEface;

/* A non-empty interface: its itab (NULL = nil interface) and the data word, as in GoEface. */
typedef struct GoIface {
	const struct GoItab *itab;
	void *data;
} GoIface;

/* The two-value results of runtime.def (returned in rax:rdx). */
typedef struct GoRuneInt {
	int32_t rune;
	intgo next;
} GoRuneInt;

typedef struct GoPtrBool {
	void *p;
	_Bool ok;
} GoPtrBool;

/* Entry points the compiled program links against. The library is built with -fvisibility=hidden,
 * which does not stop static linking, but the entry points say what they are. */
#define RUNTIME_API __attribute__((visibility("default")))
#define RUNTIME_NORET __attribute__((noreturn))

/* GO_LINKNAME(c_function, "internal/cpu.cpuid"): the C function defines the Go symbol, a standard
 * package's function declared without a body (docs/architecture.md, "Body-less functions", says how
 * its parameters and results map to C). An assembler alias, not an asm label: GCC writes labels
 * unquoted, and the assembler rejects the '/', '(' and '*' of Go link names. */
#define GO_LINKNAME(cname, goname) __asm__(".globl \"" goname "\"\n\t.set \"" goname "\", " #cname)

/* ---- runtime.def vocabulary -> C types ---- */
#define RT_C_VOID void
#define RT_C_BOOL _Bool
#define RT_C_INT intgo
#define RT_C_UINT uintgo
#define RT_C_INT32 int32_t
#define RT_C_F64 double
#define RT_C_UINTPTR uintptr_t
#define RT_C_PTR void *
#define RT_C_TYPE const GoType *
#define RT_C_STRING GoString
#define RT_C_EFACE GoEface
#define RT_C_UINT8 uint8_t
#define RT_C_UINT32 uint32_t
#define RT_C_IFACE GoIface
#define RT_C_RUNE_INT GoRuneInt
#define RT_C_PTR_BOOL GoPtrBool

/* RT_PARAMS(A, B, C) -> RT_C_A, RT_C_B, RT_C_C: unnamed parameter lists of up to 8 entries. A lone
 * VOID becomes `void`, i.e. no parameters. */
#define RT_NARGS(...) RT_NARGS_(__VA_ARGS__, 8, 7, 6, 5, 4, 3, 2, 1, 0)
#define RT_NARGS_(a1, a2, a3, a4, a5, a6, a7, a8, n, ...) n
#define RT_CAT(a, b) RT_CAT_(a, b)
#define RT_CAT_(a, b) a##b
#define RT_PARAMS(...) RT_CAT(RT_P, RT_NARGS(__VA_ARGS__))(__VA_ARGS__)
#define RT_P1(a) RT_C_##a
#define RT_P2(a, b) RT_C_##a, RT_C_##b
#define RT_P3(a, b, c) RT_C_##a, RT_C_##b, RT_C_##c
#define RT_P4(a, b, c, d) RT_P2(a, b), RT_P2(c, d)
#define RT_P5(a, b, c, d, e) RT_P2(a, b), RT_P3(c, d, e)
#define RT_P6(a, b, c, d, e, f) RT_P3(a, b, c), RT_P3(d, e, f)
#define RT_P7(a, b, c, d, e, f, g) RT_P3(a, b, c), RT_P4(d, e, f, g)
#define RT_P8(a, b, c, d, e, f, g, h) RT_P4(a, b, c, d), RT_P4(e, f, g, h)

/* ---- type descriptors ---- */

/* struct GoType: one per Go type, emitted by the compiler as a constant; field order is runtime.def's. */
struct GoType {
#define TYPE_FIELD(vocab, name) RT_C_##vocab name;
#include "runtime.def"
};

/* reflect.Kind numbering. The kind byte's upper bits are reserved for flags (Go keeps
 * kindDirectIface and kindGCProg there); the runtime always masks with KIND_MASK. */
enum {
#define TYPE_KIND(name, value) KIND_##name = value,
#include "runtime.def"
	KIND_MASK = (1 << 5) - 1,
};

enum {
#define TYPE_TFLAG(name, value) TFLAG_##name = value,
#include "runtime.def"
};

/* The records of runtime ABI v1 that hang off descriptors (runtime.def has the meaning of each). */
typedef struct GoField {
#define FIELD_FIELD(vocab, name) RT_C_##vocab name;
#include "runtime.def"
} GoField;

typedef struct GoIMethod {
#define IMETHOD_FIELD(vocab, name) RT_C_##vocab name;
#include "runtime.def"
} GoIMethod;

typedef struct GoMethod {
#define METHOD_FIELD(vocab, name) RT_C_##vocab name;
#include "runtime.def"
} GoMethod;

/* A descriptor's package path (GoType.pkgpath: NUL-terminated, or NULL for none). */
static inline GoString type_pkgpath(const GoType *t)
{
	const char *s = t->pkgpath;
	return s ? (GoString){(const uint8_t *)s, (intgo)__builtin_strlen(s)} : (GoString){0};
}

/* A GoMethod's name and package path, read from its "NAME\0PKGPATH\0" record (runtime.def). */
static inline GoString method_name(const GoMethod *m)
{
	const char *s = m->name;
	return (GoString){(const uint8_t *)s, (intgo)__builtin_strlen(s)};
}

static inline GoString method_pkgpath(const GoMethod *m)
{
	const char *s = m->name;
	s += __builtin_strlen(s) + 1;
	return (GoString){(const uint8_t *)s, (intgo)__builtin_strlen(s)};
}

typedef struct GoItab {
#define ITAB_FIELD(vocab, name) RT_C_##vocab name;
#include "runtime.def"
	void *fun[]; /* one per interface method, in GoIMethod order */
} GoItab;

typedef struct GoPackage {
#define PKG_FIELD(vocab, name) RT_C_##vocab name;
#include "runtime.def"
} GoPackage;

typedef struct GoGlobal {
#define GLOBAL_FIELD(vocab, name) RT_C_##vocab name;
#include "runtime.def"
} GoGlobal;

/* The signatures of GoType.equal and GoType.hashfn. */
typedef _Bool (*GoEqualFn)(const void *p, const void *q, const GoType *t);
typedef uintptr_t (*GoHashFn)(const void *p, uintptr_t seed, const GoType *t);

static inline int type_kind(const GoType *t)
{
	return t->kind & KIND_MASK;
}

/* ---- entry points (runtime_<name>) and the functions the compiler emits for us ---- */
#define RUNTIME_FUNC(name, result, ...) RUNTIME_API RT_C_##result runtime_##name(RT_PARAMS(__VA_ARGS__));
#define RUNTIME_NORETURN(name, ...) RUNTIME_API RUNTIME_NORET void runtime_##name(RT_PARAMS(__VA_ARGS__));
#define GO_ENTRY(cname, symbol) extern void cname(void) __asm__(symbol);
#include "runtime.def"
#define RUNTIME_FUNC_EXT(name, result, ...) RUNTIME_API RT_C_##result runtime_##name(RT_PARAMS(__VA_ARGS__));
#define RUNTIME_NORETURN_EXT(name, ...) RUNTIME_API RUNTIME_NORET void runtime_##name(RT_PARAMS(__VA_ARGS__));
#define RUNTIME_RETURNS_TWICE(name, result, ...)                                                   \
	RUNTIME_API __attribute__((returns_twice)) RT_C_##result runtime_##name(RT_PARAMS(__VA_ARGS__));
#define RUNTIME_CONST(name, value) enum { RT_##name = (value) };
#define TYPE_KIND_FLAG(name, value) enum { KIND_##name = (value) };
#include "runtime.def"

/* Build a GoString from a C string literal (no allocation, the literal is static). */
#define GOSTR(lit) ((GoString){(const uint8_t *)(lit), (intgo)(sizeof(lit) - 1)})

#endif
