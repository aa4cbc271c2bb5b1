/*
 * check.h: the checker's private interface, shared by check*.c (not by other phases).
 *
 * The checker is a port of go/types as gc 1.19 uses it (cmd/compile/internal/types2, with
 * CompilerErrorMessages set), so its messages, their positions and its recovery after errors are
 * gc's. An expression is checked into an Operand (mode, type, constant value); rawExpr records the
 * operand onto the node (Node.mode/type/cval). Untyped results stay untyped on the node until the
 * context gives them their final type (check_update_expr_type walks the tree down again), exactly as
 * go/types' "untyped map" works; a final pass gives whatever is still untyped its default type.
 *
 * Package-level objects are type-checked on demand (check_obj_decl) with go/types' colour marking for
 * cycle detection; function bodies and function literals are queued (check_later) and checked
 * after the declarations they may depend on.
 */
#ifndef GOCC_CHECK_H
#define GOCC_CHECK_H

#include "types.h"

/* Operand modes: the node's ExprMode plus go/types' "nilvalue" (recorded on nodes as MODE_VALUE). */
#define MODE_NILVALUE ((ExprMode)(MODE_PACKAGE + 1))

typedef struct Operand {
	ExprMode mode;
	Node *expr;       /* the expression the operand came from (for messages and recording) */
	Type *type;
	ConstValue *val;  /* MODE_CONST */
	BuiltinId id;     /* MODE_BUILTIN */
} Operand;

/* What a checked expression may be used as (go/types exprKind). */
typedef enum ExprKind { EK_CONVERSION, EK_EXPRESSION, EK_STATEMENT } ExprKind;

/* Declaration info of a package-level object (go/types declInfo). */
typedef struct DeclInfo {
	Scope *file;       /* file scope of the declaration */
	Object **lhs;      /* n:1 variable declarations: all lhs variables */
	int nlhs;
	Node *vtyp, *init; /* const/var: declared type and init expression (either may be NULL) */
	bool inherited;    /* const: the init expression is inherited from a previous spec */
	Node *tdecl;       /* ND_TYPE_SPEC */
	Node *fdecl;       /* ND_FUNC_DECL */
	Vec deps;          /* Object*: package-level objects this declaration refers to */
	bool emitted;      /* check_init.c: its initializer is in Package.var_inits */
} DeclInfo;

/* Checker bookkeeping hung off Object.checker. */
typedef struct ObjInfo {
	DeclInfo *decl;    /* package-level objects */
	int color;         /* 0 white, 1 black, >= 2 grey (2 + index in the object path) */
	int order;         /* package-level source order, from 1 */
	ConstValue *iota;  /* constants: iota of their spec */
	bool alias;        /* type names declared with `=` */
	Type *from_rhs;    /* defined types: the type on the right-hand side (for valid_type) */
	Vec methods;       /* type names: methods collected before the type is declared */
	bool valid;        /* defined types: valid_type found no cycle */
	char vt_state;     /* defined types: valid_type's walk (go/types infoMap): VT_* */
	Vec lits;          /* functions: the function literals directly inside, for naming */
	Vec locals;        /* functions: local variables declared (for "declared but not used") */
	Scope *fscope;     /* functions: the scope of parameters, results and the body's top level */
	void *graph_node;  /* check_init.c: the object's node in the dependency graph */
	int path_seen;     /* check_init.c: the last path search that visited it */
	bool generic;      /* a generic function or type: rejected once, then treated as invalid */
} ObjInfo;

/* The context an expression or statement is checked in (go/types environment). */
typedef struct Env {
	DeclInfo *decl;        /* package-level declaration being checked (dependency recording) */
	Scope *scope;          /* current scope */
	ConstValue *iota;      /* value of iota in a constant declaration, else NULL */
	Pos errpos;            /* inherited constant declarations report errors here */
	Type *sig;             /* signature of the function being checked, else NULL */
	Object *func;          /* the function (declared or literal) being checked, else NULL */
	bool has_label;
	bool has_call_or_recv; /* len/cap of arrays are constant only without calls/receives */
} Env;

typedef enum LaterKind {
	LATER_FUNC_BODY,   /* declared function body: obj */
	LATER_FUNC_LIT,    /* function literal: node, obj */
	LATER_VALID_TYPE,  /* defined type cycle check: type */
	LATER_MAP_KEY,     /* map key comparability: type (the map), node (key expr) */
	LATER_EMBEDDED,    /* embedded field restrictions: type (field type), pos */
	LATER_RECV,        /* receiver validity: obj (the method) */
	LATER_IFACE,       /* duplicate interface methods: type */
	LATER_FIELDS,      /* field and method with the same name: type (named) */
} LaterKind;

typedef struct Later {
	LaterKind kind;
	Node *node;
	Type *type;
	Object *obj;
	Pos pos;
	Env env;
} Later;

typedef struct Checker {
	Package *pkg;
	Env env;
	Vec objlist;       /* package-level objects with DeclInfo, in source order */
	Vec obj_path;      /* objects being declared, for cycle detection */
	Vec delayed;       /* Later* */
	Vec imports;       /* OBJ_PACKAGE objects, for "imported and not used" */
	Vec shift_lhs;     /* untyped constant lhs operands of non-constant shifts (Node*) */
	Vec glob_lits;     /* function literals in package-level initializers */
	Vec files;         /* ND_FILE */
	Vec named_types;   /* every defined type, to resolve underlying chains at the end */
	Scope *unsafe_scope;
	int nlocal_types;  /* types declared in functions so far (their vargen numbers) */
	int nerrors;
	bool in_type_switch_guard;
} Checker;

extern Checker *ck;

/* ---- check.c: errors, helpers, package level --------------------------------------------------- */

void check_errorf(Pos pos, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
Pos check_expr_start(Node *e);
Pos check_op_pos(Operand *x);                /* start of x's expression */
Pos check_syntax_pos(Node *e);               /* gc's Node.Pos(): '(' of calls, operators ... */
Pos check_stmt_op_pos(Node *s);              /* position of :=, =, op=, <-, ++ in a simple statement */
Pos check_tok_before(Pos p);                 /* position of the token before the one at p */
ObjInfo *check_obj_info(Object *obj);
void check_obj_decl(Object *obj, Type *def);
void check_add_decl_dep(Object *obj);
void check_later(LaterKind kind, Node *node, Type *type, Object *obj, Pos pos);
void check_process_delayed(int top);
void check_declare(Scope *scope, Node *id, Object *obj);
Object *check_lookup(const char *name);
Node *check_unparen(Node *e);
Type *check_under(Type *t);
void check_cycle_error(Vec *cycle);
void check_mark_dot_imports_used(Scope *members);
bool check_generic_decl(Pos tparam); /* a generic declaration: kept (standard package) or refused */
void check_generic_use(Pos pos);     /* a use of a kept one: "generic type parameters is not supported yet" */
void check_mark_addr_taken(Node *e);
void check_sizes(Package *pkg); /* check_size.c: gc's "larger than address space" */

/* Duplicate detection (switch cases, literal keys and indices, field names) uses base/hashmap.h, so
 * it stays linear on generated code with thousands of entries; constants are keyed by this hash. */
uint64_t check_const_hash(ConstValue *v);  /* equal constants (after const_match) hash alike */

/* ---- check_format.c: printing for messages ------------------------------------------------------ */

const char *check_ex_str(Node *e);           /* gc's short syntax form: "f(x)", "T{…}", "func() {…}" */
const char *check_op_str(Operand *x);        /* operand: "x (variable of type int)" */
const char *check_ty_str(Type *t);           /* diagnostic type spelling */
const char *check_obj_kind_str(Object *obj);

/* ---- check_type.c: type expressions --------------------------------------------------------------- */

Type *check_typ(Node *e);
Type *check_var_type(Node *e);
Type *check_defined_type(Node *e, Type *def);
void check_func_type(Object *fn, Type *sig, Node *recv, Node *ftype, Scope *scope);
int64_t check_array_length(Node *e);
void check_valid_type(Type *named);
void check_iface_dups(Type *t, Node *e);
void check_recv(Object *m);
void check_field_uniqueness(Type *named);
void check_embedded(Type *t, Pos pos);
void check_map_key(Type *map, Node *key);
bool check_is_type_expr_node(Node *e);

/* ---- check_decl.c: declarations ----------------------------------------------------------------- */

void check_const_decl(Object *obj, Node *typ, Node *init, bool inherited);
void check_var_decl(Object *obj, Object **lhs, int nlhs, Node *typ, Node *init);
void check_type_decl(Object *obj, Node *tdecl, Type *def);
void check_func_decl(Object *obj, DeclInfo *d);
void check_decl_stmt(Node *decl);
void check_collect_methods(Object *tn);
void check_arity(Pos pos, Vec *names, Vec *inits, bool const_decl, bool inherited);

/* ---- check_expr.c: expressions ------------------------------------------------------------------ */

ExprKind check_raw_expr(Operand *x, Node *e, Type *hint);
void check_expr(Operand *x, Node *e);
void check_multi_expr(Operand *x, Node *e);
void check_expr_with_hint(Operand *x, Node *e, Type *hint);
void check_expr_or_type(Operand *x, Node *e);
void check_single_value(Operand *x);
void check_ident(Operand *x, Node *e, Type *def, bool want_type);
void check_convert_untyped(Operand *x, Type *target);
void check_update_expr_type(Node *x, Type *typ, bool final);
Type *check_implicit_type_and_value(Operand *x, Type *target, ConstValue **val, int *code);
bool check_representable_const(ConstValue *v, Type *typ, ConstValue **rounded);
void check_representable(Operand *x, Type *typ);
void check_comparison(Operand *x, Operand *y, TokenKind op, bool switch_case);
void check_binary(Operand *x, Node *e, Node *lhs, Node *rhs, TokenKind op);
void check_type_assertion(Node *e, Operand *x, Type *T, bool type_switch);
int64_t check_index(Node *index, int64_t max, Type **typ);
bool check_is_valid_index(Operand *x, const char *what, bool allow_negative);
void check_record_operand(Operand *x);
void check_finalize_untyped(Node *e);
bool check_has_nil(Type *t);
bool check_is_interface(Type *t);
const char *check_kind_string(Type *t);
enum { CODE_OK, CODE_TRUNCATED, CODE_OVERFLOW, CODE_INVALID_CONST, CODE_INVALID_UNTYPED };

/* ---- check_call.c: calls and selectors ---------------------------------------------------------- */

ExprKind check_call(Operand *x, Node *call);
void check_selector(Operand *x, Node *e, Type *def);
void check_use(Node *e);
void check_use_vec(Vec *v);
int check_expr_list(Vec *elist, bool allow_comma_ok, Operand ***out, bool *comma_ok);
void check_arguments(Node *call, Type *sig, Operand **args, int nargs);
const char *check_types_summary(Type **types, int n, bool variadic);

/* ---- check_builtin.c ---------------------------------------------------------------------------- */

bool check_builtin(Operand *x, Node *call, BuiltinId id);
const char *check_builtin_name(BuiltinId id);

/* ---- check_conv.c: conversions, assignability, interfaces --------------------------------------- */

void check_conversion(Operand *x, Type *T);
bool check_assignable_to(Operand *x, Type *T, const char **reason);
const char *check_implements(Type *V, Type *T);   /* NULL if V implements T, else the reason */
Object *check_missing_method(Type *V, Type *T, bool is_static, Object **alt);
const char *check_missing_method_reason(Type *V, Type *T, Object *m, Object *alt);

/* ---- check_assign.c ----------------------------------------------------------------------------- */

void check_assignment(Operand *x, Type *T, const char *context);
void check_init_const(Object *lhs, Operand *x);
Type *check_init_var(Object *lhs, Operand *x, const char *context);
Type *check_assign_var(Node *lhs, Operand *x);
void check_init_vars(Object **lhs, int nlhs, Vec *rhs, Node *return_stmt);
void check_assign_vars(Vec *lhs, Vec *rhs);
void check_short_var_decl(Node *s, Vec *lhs, Vec *rhs);
void check_use_lhs(Vec *lhs);

/* ---- check_stmt.c ------------------------------------------------------------------------------- */

void check_func_body(Object *fn, Type *sig, Node *body, ConstValue *iota);
void check_stmt_list(int ctxt, Vec *list);
bool check_is_terminating(Node *s, const char *label);

/* ---- check_init.c ------------------------------------------------------------------------------- */

void check_init_order(void);

#endif
