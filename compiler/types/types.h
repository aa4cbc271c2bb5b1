/*
 * types.h: Go types, declared objects and scopes: the checker's output model, read by lowering.
 *
 * Types are built by types.c and the checker and are compared structurally with type_identical
 * (named types are identical only to themselves). Sizes and alignments are linux/amd64's and match
 * gc (unsafe.Sizeof agrees). type_string spells a type as gc's runtime does in panics and as gc does
 * in diagnostics ("main.T", "*main.T", "[]int", "map[string][]int", "interface {}", "func(int) string").
 *
 * Every declared name is an Object living in a Scope. Objects carry the facts lowering needs
 * (global or local, address taken, link name; and, filled by the middle stage, captured by a
 * closure, heap cell or frame) so that lowering never has to re-derive them from the tree.
 */
#ifndef GOCC_TYPES_H
#define GOCC_TYPES_H

#include "ast.h"
#include "common.h"
#include "constant.h"

typedef enum TypeKind {
	TY_INVALID,
	/* basic types, in go/types order */
	TY_BOOL,
	TY_INT, TY_INT8, TY_INT16, TY_INT32, TY_INT64,
	TY_UINT, TY_UINT8, TY_UINT16, TY_UINT32, TY_UINT64, TY_UINTPTR,
	TY_FLOAT32, TY_FLOAT64,
	TY_COMPLEX64, TY_COMPLEX128,
	TY_STRING,
	TY_UNSAFE_POINTER,
	/* the types of untyped constants and nil */
	TY_UNTYPED_BOOL, TY_UNTYPED_INT, TY_UNTYPED_RUNE, TY_UNTYPED_FLOAT, TY_UNTYPED_COMPLEX,
	TY_UNTYPED_STRING, TY_UNTYPED_NIL,
	/* composite types */
	TY_ARRAY,
	TY_SLICE,
	TY_STRUCT,
	TY_POINTER,
	TY_FUNC,      /* a signature */
	TY_INTERFACE,
	TY_MAP,
	TY_CHAN,
	TY_NAMED,     /* a defined type: has an Object and an underlying type */
	TY_TUPLE,     /* results of a multi-value call; never the type of a variable */
	TY_TYPEPARAM, /* later issue: generics */
	TY_KIND_COUNT
} TypeKind;

typedef struct Package Package;

typedef struct Field {
	const char *name;  /* interned; for embedded fields the type's name */
	Package *pkg;      /* the package that declared it (unexported names differ across packages) */
	Type *type;
	bool embedded;
	const char *tag;   /* decoded tag string or NULL */
	int64_t offset;    /* byte offset, set by type_layout */
	Object *obj;       /* the OBJ_VAR with is_field, for positions and selector results */
} Field;

struct Type {
	TypeKind kind;
	int64_t size, align; /* valid after type_layout (types.c computes on demand) */
	bool laid_out;
	union {
		struct { Type *elem; int64_t len; } array;         /* TY_ARRAY; TY_SLICE uses elem only */
		struct { Type *elem; } pointer;
		struct { Field **fields; int nfields; } strct;
		struct {
			Type **params; int nparams;   /* the last is []T when variadic */
			Type **results; int nresults;
			bool variadic;
			Type *recv;                   /* receiver type for method signatures, else NULL */
			/* Parameter and result names for diagnostics only (may be NULL; "" = unnamed).
			   Identity ignores them. */
			const char **param_names, **result_names;
		} func;
		struct {
			Object **methods; int nmethods; /* sorted by name, embedded interfaces flattened */
			Vec embeddeds;                  /* Type*, before flattening (for type_string) */
			bool complete;
			Object **explicit_methods;      /* the methods written in this interface, source order */
			int nexplicit;
			bool completing;                /* cycle guard while flattening */
		} iface;
		struct { Type *key, *value; } map;
		struct { ChanDir dir; Type *elem; } chan;
		struct {
			Object *obj;        /* the OBJ_TYPE that declared it */
			Type *underlying;   /* never TY_NAMED; NULL while being resolved */
			Vec methods;        /* Object* OBJ_FUNC, declared with receiver T or *T, in source order */
			int vargen;         /* declared in a function: 1, 2 ... per package in declaration order
			                       (gc's vargen), spelled "main.T·1" by type_link_string; else 0 */
		} named;
		struct {
			Type **types; int n;
			const char **names; /* result names for diagnostics ("(a int, b int)"), may be NULL */
		} tuple;
	};
};

typedef enum ObjKind {
	OBJ_BAD,
	OBJ_CONST,
	OBJ_TYPE,    /* type name (defined or alias) */
	OBJ_VAR,     /* variable, parameter, result or struct field */
	OBJ_FUNC,    /* declared function, method, or function literal */
	OBJ_PACKAGE, /* imported package name */
	OBJ_BUILTIN, /* predeclared function */
	OBJ_NIL,     /* predeclared nil */
	OBJ_LABEL,
} ObjKind;

struct Object {
	ObjKind kind;
	const char *name; /* interned */
	Package *pkg;     /* the package that declared it; NULL for the universe (and unsafe) */
	Pos pos;
	Type *type;
	Node *decl;       /* declaring node: ND_VALUE_SPEC, ND_TYPE_SPEC, ND_FUNC_DECL, ND_FUNC_LIT,
	                     ND_FIELD (params/results/fields), ND_ASSIGN_STMT (:=), ND_RANGE_STMT ... */
	Scope *scope;     /* scope declaring it */
	bool used;

	ConstValue *cval; /* OBJ_CONST */
	BuiltinId builtin;/* OBJ_BUILTIN */

	/* OBJ_VAR */
	bool is_global;
	bool is_param;    /* parameter or receiver */
	bool is_result;   /* named or unnamed result */
	bool is_field;
	bool addr_taken;  /* &x, x.m() with pointer receiver, x[:] of an array ... : must live in memory */
	Object *owner;    /* OBJ_VAR local/param: its function (OBJ_FUNC) */
	/* middle (compiler/middle/closure.c): */
	bool captured;    /* referenced from a function literal nested in its declaring function */
	/* middle (compiler/middle/escape.c), read by lowering: */
	bool boxed;       /* its address may outlive the frame, or it is captured: a heap cell */
	bool leaks;       /* its value may leave the frame (parameter and local summaries) */
	bool assigned;    /* assigned somewhere after its declaration */
	bool depth_known; /* flow_depth has been set (at its declaration, or by a flow) */
	int flow_depth;   /* the smallest loop depth of a declaration its value may reach: a heap
	                     allocation kept in the frame must not be reached from a shallower one */

	/* OBJ_FUNC */
	const char *link_name; /* prefix.f, prefix.T.M, prefix.(*T).M, prefix.f.func1, prefix.init.0 */
	bool generic;          /* a generic function or type, a method of a generic type: declared,
	                          never instantiated (a use is "not supported yet"), no code */
	bool linkname;         /* functions and package variables: link_name is from //go:linkname, a
	                          symbol other objects (and C) see under that name */
	Node *body;            /* ND_BLOCK or NULL */
	Node *func_type;       /* ND_FUNC_TYPE */
	Object *recv;          /* receiver OBJ_VAR, or NULL */
	bool ptr_recv;         /* method declared with a pointer receiver (*T) */
	Vec params, results;   /* OBJ_VAR in order (unnamed ones get name "_" or "~r0") */
	Object *outer;         /* function literals: the enclosing function */
	int nlits;             /* number of function literals so far (for .funcN names) */
	bool has_defer, has_recover;

	/* OBJ_PACKAGE: the imported package (only "unsafe" for now) */
	const char *pkg_path;
	Scope *pkg_scope;

	void *checker;    /* checker-private bookkeeping (declaration info, cycle colour) */
};

struct Scope {
	Scope *parent;
	Vec objects;      /* Object*, in declaration order */
	HashMap *index;   /* types.c: objects by name once the scope grows */
	bool is_func;     /* function scope: parameters and results live here */
	Object *func;     /* enclosing function object (NULL at package and universe level) */
	Pos pos;
};

typedef struct Initializer {
	Vec lhs;  /* Object* (NULL entries for `_`) */
	Node *rhs; /* one expression: a multi-value call when lhs.len > 1, else the value */
} Initializer;

/* A package: the unit of compilation. The driver (later the loader) makes it from its import path
 * with package_new; check_package fills in the rest. The path names the package; the link prefix,
 * computed from the path as gc's objabi.PathToPrefix does, starts every symbol it defines
 * ("main.f", "strings.Index", "fmt.(*pp).printArg"); the name (from the package clauses) qualifies
 * its types in type strings ("main.T", "strings.Builder"). */
struct Package {
	const char *path;   /* import path: "main", "strings", "example.com/m/v2" */
	const char *prefix; /* link-name prefix: the path with '.' after the last '/' (and '%', '"',
	                       control and non-ASCII bytes) escaped as %xx */
	const char *name;   /* package name from the package clause */
	Vec files;          /* ND_FILE */
	Scope *scope;       /* package scope (parent: universe) */
	Vec funcs;        /* OBJ_FUNC with bodies to lower: declared functions and methods, source order;
	                     function literals are reached through their ND_FUNC_LIT nodes */
	Vec globals;      /* OBJ_VAR package-level variables, source order */
	Vec var_inits;    /* Initializer*, in the spec's dependency order */
	Vec init_funcs;   /* OBJ_FUNC `init` functions in source order (link names prefix.init.0 ...) */
	Object *main_func;/* `main` of the main package, or NULL */
	Vec deps;         /* Package*: checked packages its imports may name (set by the driver) */
	Vec imports;      /* Package*: those it imports, in order of first import (check_package);
	                     their initialization runs first, in this order */
	bool standard;    /* a standard-library package (set by the driver): functions may be declared
	                     without a body (assembly or C supplies them), and generic declarations
	                     are kept unchecked until a use (gc has checked the library) */};

Package *package_new(const char *path);
bool package_is_main(Package *pkg);             /* the spec's `package main` (a command) */
const char *package_symbol(Package *pkg, const char *name); /* "prefix.name" */
bool types_is_exported(const char *name);        /* go/token.IsExported */
bool object_same_id(Object *a, Object *b);      /* same name, and same package unless exported */
bool field_same_id(Field *a, Field *b);

/* ---- the universe ---------------------------------------------------------------------------- */

void types_init(void);          /* builds the universe scope; call once */
Scope *scope_universe(void);
Type *type_basic(TypeKind kind);/* predeclared basic and untyped types */
extern Type *ty_invalid;
Type *type_error(void);         /* the `error` interface (later issue; present in the universe) */
Type *type_byte(void);          /* alias of uint8, spelled "uint8" by type_string as gc does */
Type *type_rune(void);          /* alias of int32 */

/* ---- constructing types ---------------------------------------------------------------------- */

Type *type_new(TypeKind kind);
Type *type_pointer(Type *elem);   /* canonicalised: same elem -> same Type* */
Type *type_slice(Type *elem);     /* canonicalised */
Type *type_array(Type *elem, int64_t len);
Type *type_map(Type *key, Type *value);
Type *type_chan(ChanDir dir, Type *elem);
Type *type_tuple(Type **types, int n);
Type *type_named(Object *obj, Type *underlying);

/* ---- predicates and queries ------------------------------------------------------------------ */

Type *type_underlying(Type *t);
bool type_identical(Type *a, Type *b);
bool type_identical_ignore_tags(Type *a, Type *b); /* conversions: struct tags ignored */
uint64_t type_hash(Type *t);  /* identical types (with or without tags) hash alike */
HashMap type_identity_map(void); /* a HashMap keyed by Type* under type identity: O(1) dedup */
bool type_is_untyped(Type *t);
bool type_is_integer(Type *t);   /* on the underlying type; includes untyped int and rune */
bool type_is_unsigned(Type *t);
bool type_is_float(Type *t);
bool type_is_complex(Type *t);
bool type_is_numeric(Type *t);
bool type_is_string(Type *t);
bool type_is_boolean(Type *t);
bool type_is_comparable(Type *t);
bool type_is_ordered(Type *t);
bool type_has_pointers(Type *t); /* does a value hold any pointer the GC must see? */
Type *type_default(Type *t);     /* untyped -> default type (int, rune=int32, float64 ...) */

int64_t type_size(Type *t);
int64_t type_align(Type *t);
/* Byte offset of field i of a struct type (lays it out if needed). */
int64_t type_field_offset(Type *t, int i);

/* gc's spelling: "int", "main.T", "*main.T", "[]int", "[3]int", "map[string]int",
 * "struct { x int }", "func(int) (string, error)", "interface {}", "chan<- int", "untyped int". */
const char *type_string(Type *t);
/* The spelling that names a type's identity in symbols ("type:<link string>"): type_string, except
 * that types declared inside functions carry their number ("main.T·2") and nothing is abbreviated,
 * so two types have the same link string exactly when they are identical. */
const char *type_link_string(Type *t);
/* gc's diagnostic spelling (types2): package-local names unqualified ("T"), byte/rune/any kept,
 * "struct{a int}", "interface{M()}", parameter names shown: "func(x int) string". */
const char *type_diag_string(Type *t);
/* The same, as seen from package `local`: other packages' names qualified ("a.T"), as types2's
 * qualifier does relative to the package being checked. */
const char *type_diag_string_in(Type *t, Package *local);

/* Methods: the method set lookup used by selectors; returns the OBJ_FUNC or NULL.
 * *pointer_recv is set when the method has a pointer receiver. */
Object *type_lookup_method(Type *t, const char *name, bool *pointer_recv);

/* The general selector lookup (go/types LookupFieldOrMethod): finds field or method `name` of t
 * (or of *t's base), through embedded fields, at the shallowest depth. `path` holds the embedded
 * field indices followed by the index of the field (or of the method in its named type's / interface's
 * method list). obj == NULL with collision set: ambiguous selector; obj == NULL with needs_pointer set:
 * the method has a pointer receiver but t is not addressable. */
typedef struct Lookup {
	Object *obj;
	int *path;
	int path_len;
	bool indirect;      /* a pointer was dereferenced on the way */
	bool collision;
	bool needs_pointer;
} Lookup;
Lookup type_lookup(Type *t, bool addressable, const char *name);
/* The same, as seen from package `from`: unexported fields and methods of other packages are
 * invisible (a selector in `from` cannot reach them). */
Lookup type_lookup_from(Type *t, bool addressable, Package *from, const char *name);
/* Completes (flattens and sorts) an interface's method set; safe to call repeatedly. */
void type_iface_complete(Type *t);
/* Whether t's underlying type is an interface with no methods (interface{}, any), or with some
 * (represented with an itab rather than a bare type word). Both are false for a non-interface. */
bool type_is_empty_iface(Type *t);
bool type_is_nonempty_iface(Type *t);
/* The empty interface spelled `any` in the universe (diagnostics print it as "any"). */
Type *type_any(void);

/* ---- objects and scopes ---------------------------------------------------------------------- */

Object *object_new(Package *pkg, ObjKind kind, const char *name, Pos pos, Type *type);
Scope *scope_new(Scope *parent, Object *func);
Object *scope_lookup_local(Scope *s, const char *name);
Object *scope_lookup(Scope *s, const char *name); /* walks parents to the universe */
/* Inserts obj; returns the previous object of that name in s (and does not insert) or NULL. */
Object *scope_insert(Scope *s, Object *obj);

/* ---- the checker ----------------------------------------------------------------------------- */

/* Type-checks the package pkg (from package_new) made of `files` (ND_FILE), filling in its name,
 * scope, objects, functions and initialization order. Reports errors with error_at, gc's wording,
 * several per run; use pkg only if error_count() == 0. Objects, fields and link names belong to
 * pkg, so two packages checked in one process keep their unexported names apart. */
void check_package(Package *pkg, Vec *files);

/* Is path a valid import path by go/types' rule? (The checker reports the invalid ones with gc's
 * message; the driver does not ask the loader to find them.) */
bool check_import_path_ok(const char *path);

/* Debug dump of the package's objects and types (gocc -d T). */
void types_dump(Package *pkg);

#endif
