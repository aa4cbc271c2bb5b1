/*
 * lower.h: the state and helpers shared by the lowering files (lower*.c, debuginfo.c, emit.c).
 *
 * Lowering walks the checked tree once and builds LLVM IR with the C API. The package is the unit:
 * everything one package's lowering knows (its module, builder, caches, what each Object became)
 * lives in one Lower value, reached as `L` (lower_current); lower_package makes a fresh one per
 * package, so packages can be lowered in turn in one process without seeing each other's state.
 * The function being built lives in `L.fn`. Only one function is under construction at a time:
 * function literals are queued and lowered after their enclosing function is finished.
 *
 * Value representation (docs/architecture.md has the full story):
 *   - "register" types are first-class LLVM values: bool i1, integers iN, floats, complex
 *     {f,f}, string {ptr,i64}, slice {ptr,i64,i64}, pointers/funcs/maps/chans ptr, eface {ptr,ptr};
 *   - aggregates (structs and arrays) are never LLVM values: an aggregate "value" is a pointer to
 *     memory holding it (a variable, a field, or a fresh temporary); consumers copy it with memmove.
 *   - in memory every type has its Go size and alignment: bool is i8, aggregates are [size x i8]
 *     blobs addressed by byte offsets (GEP i8), so the LLVM layout is exactly gc's.
 */
#ifndef GOCC_LOWER_H
#define GOCC_LOWER_H

#include "backend.h"
#include "middle.h"
#include "types.h"

#include <setjmp.h>

#include <llvm-c/Core.h>
#include <llvm-c/DebugInfo.h>
#include <llvm-c/TargetMachine.h>

struct Module {
	LLVMContextRef ctx;
	LLVMModuleRef mod;
};

/* ---- runtime entry points (runtime.def) ------------------------------------------------------ */

typedef enum RuntimeFn {
#define RUNTIME_FUNC(name, result, ...) RT_##name,
#define RUNTIME_NORETURN(name, ...) RT_##name,
#define MAP_FUNC(name, result, ...) RT_##name,
#define RUNTIME_FUNC_EXT(name, result, ...) RT_##name,
#define RUNTIME_NORETURN_EXT(name, ...) RT_##name,
#define RUNTIME_RETURNS_TWICE(name, result, ...) RT_##name,
#include "runtime.def"
	RT_COUNT
} RuntimeFn;

enum { /* runtime.def's sizes (RT_DEFER_FRAME_SIZE ...) */
#define RUNTIME_CONST(name, value) RT_##name = (value),
#include "runtime.def"
};

/* ---- per-function state ---------------------------------------------------------------------- */

/* How a Go signature maps onto an LLVM function type (the calling convention):
 *   ret fn(ptr ctx, ptr out_0 ... ptr out_k, param_0 ... param_n)
 * ctx is the closure context (a pointer to the closure object; poison for direct calls); aggregate
 * results are written through out pointers; register results come back as the LLVM return value
 * (void, the single value, or a literal struct of all of them); aggregate params are passed as a
 * pointer to a copy the callee owns. A method's receiver is param 0. */
typedef struct Sig {
	Type *type;          /* TY_FUNC */
	LLVMTypeRef fnty;
	LLVMTypeRef ret;     /* void, T, or {T...} */
	int nparams;         /* Go params including the receiver */
	Type **params;
	int nresults;
	Type **results;
	int *result_index;   /* per result: index in the return struct, or LLVM param index (indirect) */
	bool *result_indirect;
	int nret;            /* number of results returned in registers */
	int first_param;     /* LLVM index of Go param 0 */
} Sig;

/* Pointer-keyed map to LLVM values (locals to their storage, memo tables): the one HashMap. */
typedef HashMap VarMap;

/* A statement that break/continue can name: loops, switches (and labeled blocks for goto). */
typedef struct Target {
	Node *stmt;
	LLVMBasicBlockRef brk, cont;
} Target;

typedef struct FuncState {
	Object *obj;                /* OBJ_FUNC (declared function, method, or literal) */
	Node *decl;                 /* ND_FUNC_DECL or ND_FUNC_LIT */
	LLVMValueRef fn;
	Sig *sig;
	LLVMValueRef ctx;           /* closure context parameter */
	LLVMBuilderRef alloca_builder; /* positioned in the entry block, before its first instruction */
	VarMap vars;                /* local Object -> address (alloca, heap cell, or closure slot) */
	Vec captures;               /* Object*: variables reached through ctx (func literals) */
	LLVMValueRef *result_addrs; /* per result: where the result variable lives */
	Vec targets;                /* Target* */
	Vec labels;                 /* pairs: Node* labeled stmt, LLVMBasicBlockRef */
	LLVMMetadataRef di_scope;   /* DISubprogram */
	VarMap hoisted;             /* Node -> value evaluated early in gc order (lower_order.c) */
	jmp_buf bail;               /* lower_unsupported abandons the function being built */
	bool can_bail;
	Node *current_label;        /* lower_stmt.c: the ND_LABELED_STMT wrapping the next loop/switch */
	LLVMBasicBlockRef fallthrough_block; /* lower_stmt.c: body of the next switch clause */
	LLVMValueRef defer_frame;   /* lower_defer.c: the frame record of a deferring function, or NULL
	                               (with open-coded defers: its OpenDefer record) */
	struct OpenDefers *open_defers; /* lower_defer.c: the open-coded defers' state, or NULL */
	LLVMValueRef recover_fp;    /* lower_defer.c: in a `defer recover()` thunk, the captured frame */
	int nthunks;                /* lower_defer.c: defer thunks made for this function so far */
} FuncState;

/* ---- package state --------------------------------------------------------------------------- */

/* Everything the lowering of one package knows. The LLVM context is shared by every package of the
 * process (lower_llvm_context), so that their modules can be linked together; all the rest is this
 * package's alone. */
typedef struct Lower {
	LLVMContextRef ctx;
	LLVMModuleRef mod;
	LLVMBuilderRef b;
	LLVMTargetDataRef td;
	Package *pkg;
	const Options *opts;
	FuncState *fn;

	/* common LLVM types */
	LLVMTypeRef t_void, t_i1, t_i8, t_i16, t_i32, t_i64, t_f32, t_f64, t_ptr;
	LLVMTypeRef t_string, t_slice, t_eface, t_c64, t_c128, t_typedesc;

	LLVMValueRef rt[RT_COUNT];  /* runtime declarations, made on first use */
	LLVMTypeRef rt_type[RT_COUNT];

	Vec pending_lits;           /* ND_FUNC_LIT nodes whose bodies are still to be lowered */
	Vec func_lits;              /* (FuncState-free) record of literal Object -> its outer state */
	VarMap typedesc_of;         /* Type* -> its descriptor global (lower_typedesc.c) */
	VarMap typedesc_named;      /* interned link string -> descriptor: one per type identity */
	Vec typedesc_list;          /* the descriptors this package defines that reflect could make (its
	                               package record's types) */
	HashMap strings;            /* interned string contents -> its private constant global */
	VarMap values;              /* package-level Object -> its LLVM function or global */
	VarMap func_values;         /* function Object -> its static closure {code} */

	/* lower_expr.c: during one lower_access_addr, what a nil field access faults on */
	int64_t access_extra;       /* >= 0: bytes past the field's address the access reaches */
	bool access_store;          /* ... and the access is a store */
	bool const_nil_base;        /* the selector's base is a pointer gc knows to be nil */

	/* debug info (debuginfo.c) */
	LLVMDIBuilderRef dib;
	LLVMMetadataRef di_cu;
	LLVMMetadataRef *di_files; /* by SourceFile index */
	int di_nfiles;
	Vec di_named;              /* name, DIFile, ...: the files line directives name */
	LLVMMetadataRef di_subroutine_type;
	HashMap di_types;           /* Type* -> its DIType */

	HashMap sigs;               /* func Type* (underlying) -> Sig* (lower_sig) */
} Lower;

extern Lower *lower_current;   /* the package being lowered */
#define L (*lower_current)

/* ---- types ----------------------------------------------------------------------------------- */

/* The one accessor through which lowering reads the Go type of an expression or an object. Today
 * it is the checker's type; a generic instance will substitute its type arguments here, so no
 * lowering file reads Node.type or Object.type directly. */
static inline Type *lower_type_of(Node *e)
{
	return e->type;
}

static inline Type *lower_obj_type(Object *o)
{
	return o->type;
}

/* ---- lower.c: driver, functions, variables --------------------------------------------------- */

/* Reports `WHAT is not supported yet` at pos and abandons the function being lowered (its body is
 * replaced by `unreachable`; lowering continues with the next function to report more). */
noreturn void lower_unsupported(Pos pos, const char *what);

LLVMTargetMachineRef emit_target_machine(int opt_level);
LLVMContextRef lower_llvm_context(void);          /* the one LLVM context of the process */
Sig *lower_sig(Type *fntype);                     /* cached on the Type */
LLVMValueRef lower_func_decl(Object *fn);         /* declaration of a function/method by object */
bool lower_is_bodyless(Object *fn);               /* declared without a body: defined in C */
void lower_atomic_bodies(Package *pkg);           /* lower_atomic.c: sync/atomic, internal/abi.FuncPC* */
void lower_add_sig_attrs(LLVMValueRef fn, Sig *sig); /* noalias/nonnull on aggregate params, outs */
void lower_function_body(Object *obj, Node *decl, Node *body, Vec *captures);
bool lower_is_foreign(Object *obj); /* defined by another package: declared here, not defined */
void lower_set_package_linkage(LLVMValueRef v); /* internal in the command, else hidden external */
LLVMValueRef lower_var_addr(Object *obj);         /* address of a variable (local, captured, global) */
bool lower_static_init(Object *g, Node *rhs); /* `var g = rhs` as data, if rhs is static (lower_staticinit.c) */
void lower_declare_local(Object *obj);            /* allocate storage for a newly declared local */
void varmap_put(VarMap *m, const void *k, LLVMValueRef v); /* pointer-keyed map (objects, nodes) */
LLVMValueRef varmap_get(VarMap *m, const void *k);
bool lower_is_boxed(Object *obj);                  /* the middle stage's decision: a heap cell */
LLVMValueRef lower_alloca(Type *t, const char *name); /* entry-block temporary of Go type t */
LLVMBasicBlockRef lower_block(const char *name);     /* new block in the current function */
void lower_position_at_end(LLVMBasicBlockRef bb);
/* phi of a (reaching from from_a) and b (from from_b), at the builder's position */
LLVMValueRef lower_phi2(LLVMValueRef a, LLVMBasicBlockRef from_a, LLVMValueRef b, LLVMBasicBlockRef from_b,
                        const char *name);
bool lower_block_terminated(void);
void lower_br(LLVMBasicBlockRef bb);                  /* branch unless already terminated */
void lower_dead_block(void);                          /* continue in an unreachable block */
LLVMValueRef lower_runtime(RuntimeFn f);              /* declaration of a runtime entry point */
LLVMValueRef lower_call_runtime(RuntimeFn f, LLVMValueRef *args, int n);
LLVMValueRef lower_intrinsic(const char *name, LLVMTypeRef *types, int ntypes, LLVMTypeRef *fnty);
void lower_add_attr(LLVMValueRef fn, int index, const char *attr);
void lower_add_go_func_attrs(LLVMValueRef fn);         /* frame pointers, no tail calls ... */
LLVMValueRef lower_func_value_of(Object *fn);         /* static closure {code} for a declared func */

/* ---- lower_type.c: Go types to LLVM types ---------------------------------------------------- */

bool type_is_aggregate(Type *t);  /* struct or array: handled in memory */
LLVMTypeRef lower_type(Type *t);  /* register type (ptr for aggregates) */
LLVMTypeRef lower_mem_type(Type *t); /* in-memory type: bool i8, aggregates [size x i8] */
LLVMValueRef lower_load(Type *t, LLVMValueRef addr);  /* aggregates: returns addr itself */
void lower_store(Type *t, LLVMValueRef addr, LLVMValueRef v);
void lower_zero(Type *t, LLVMValueRef addr);          /* store the zero value */
LLVMValueRef lower_zero_value(Type *t);               /* zero register value (aggregates: a temp) */
LLVMValueRef lower_copy_to_temp(Type *t, LLVMValueRef v); /* aggregates: fresh copy */
void lower_memmove(LLVMValueRef dst, LLVMValueRef src, LLVMValueRef size, int64_t align);
void lower_memset0(LLVMValueRef dst, LLVMValueRef size, int64_t align);
LLVMValueRef lower_gep(LLVMValueRef base, int64_t offset); /* byte offset */
LLVMValueRef lower_index_addr(Type *elem, LLVMValueRef base, LLVMValueRef idx);
LLVMValueRef i64c(int64_t v);
LLVMValueRef intc(LLVMTypeRef t, int64_t v);
LLVMValueRef lower_bool_to_mem(LLVMValueRef v);
bool type_is_direct_iface(Type *t);   /* stored directly in an interface's data word */

/* ---- lower_typedesc.c ------------------------------------------------------------------------ */

/* The records of runtime ABI v1 (runtime.def), as named LLVM struct types */
typedef enum RecordKind { REC_FIELD, REC_IMETHOD, REC_METHOD, REC_PACKAGE, REC_GLOBAL } RecordKind;

LLVMValueRef lower_typedesc(Type *t);  /* the constant GoType global for t */
LLVMTypeRef lower_record_type(RecordKind k);
LLVMValueRef lower_const_array(LLVMTypeRef elem, LLVMValueRef *vals, int n, const char *name);
void lower_set_linkonce(LLVMValueRef g); /* linkonce_odr in a comdat of its own name */
Type *lower_func_without_recv(Type *ft); /* a method's signature as a plain func type */
const char *lower_name_pkgpath(const char *name); /* "" if exported, else this package's path */
LLVMValueRef lower_alloc_desc(Type *t);/* descriptor for allocations: NULL if t has no pointers */
LLVMValueRef lower_new(Type *t);       /* runtime newobject(t): zeroed heap memory */
LLVMValueRef lower_new_at(Type *t, bool at_frame); /* zeroed memory, in the frame if at_frame */
uint32_t lower_type_hash(Type *t);     /* GoType.hash */
LLVMValueRef lower_method_slot(const char *link, const char *name, LLVMValueRef fn);
LLVMValueRef lower_link_slot(LLVMModuleRef mod, const char *sym); /* weak hidden byte the link defines or not */
const char *lower_method_slot_name(const char *link, const char *name, LLVMValueRef fn); /* NULL: none */
void lower_itab_slots(LLVMModuleRef mod); /* after optimisation: constant itabs refer to method slots */
LLVMValueRef lower_method_ifn(Type *t, Object *im); /* lower_methods.c: T's itab entry for im */

/* ---- lower_iface.c --------------------------------------------------------------------------- */

LLVMValueRef lower_itab(Type *iface, Type *t);   /* constant itab of a statically known pair */
LLVMValueRef lower_to_iface(LLVMValueRef v, Type *from, Type *to); /* to: any interface type */
Sig *lower_imethod_sig(Object *m);               /* signature of itab->fun[k] */
void lower_mark_icall(const char *name);
LLVMValueRef lower_imethod_code(LLVMValueRef iv, Type *t, Object *m, LLVMValueRef *data);
LLVMValueRef lower_type_assert(Node *e);         /* x.(T), panicking */
int lower_type_assert_ok(Node *e, LLVMValueRef *vals, Type **types); /* v, ok := x.(T) */
LLVMValueRef lower_iface_to_eface(LLVMValueRef v, Type *t); /* t: any interface type */
LLVMValueRef lower_iface_equal(Type *t, LLVMValueRef x, LLVMValueRef y); /* i1 x == y */
bool lower_is_interface_method(Object *m);       /* a method of an interface type (no body) */
LLVMValueRef lower_iface_receiver(Node *sel, Type **t); /* lower_call.c: the x of x.M, *t its type */
/* calls method m of interface value iv (type t) with the wrapper's params from `from`, returns */
void lower_iface_forward_call(LLVMValueRef iv, Type *t, Object *m, Sig *wsig, int from);
LLVMValueRef lower_iface_method_value(Node *sel); /* x.M for an interface x: {"I.M-fm", x} */
LLVMValueRef lower_iface_method_expr(Node *sel);  /* I.M: static closure of "I.M" */
LLVMValueRef lower_iface_dyntype(LLVMValueRef v, Type *xt); /* type descriptor of v, NULL if nil */
LLVMValueRef lower_iface_unbox(Type *t, LLVMValueRef data); /* the T held in a data word */

/* ---- lower_typeswitch.c ---------------------------------------------------------------------- */

void lower_type_switch(Node *s);

/* ---- lower_symtab.c ------------------------------------------------------------------------- */

void lower_package_record(Package *pkg); /* GoPackage in section gocc_packages; call last */

/* ---- lower_expr.c ---------------------------------------------------------------------------- */

LLVMValueRef lower_expr(Node *e);      /* value (aggregates: address of a value) */
LLVMValueRef lower_addr(Node *e);      /* address of an addressable expression */
LLVMValueRef lower_expr_as(Node *e, Type *t); /* value converted implicitly to t (nil, untyped) */
void lower_cond_br(Node *cond, LLVMBasicBlockRef yes, LLVMBasicBlockRef no);
LLVMValueRef lower_binary_values(TokenKind op, Type *t, LLVMValueRef x, LLVMValueRef y);
LLVMValueRef lower_compare(TokenKind op, Type *t, LLVMValueRef x, LLVMValueRef y);
LLVMValueRef lower_deref_check(LLVMValueRef p);  /* nil check, returns p */
LLVMValueRef lower_field_addr(Node *sel);        /* address of x.f (x addressable or pointer) */
LLVMValueRef lower_selector_path(Node *sel, LLVMValueRef base, Type *bt, Type **out);
LLVMValueRef lower_access_addr(Node *e, bool store); /* lower_addr of an operand about to be accessed */

/* ---- lower_const.c --------------------------------------------------------------------------- */

LLVMValueRef lower_const(ConstValue *v, Type *t);  /* register value of a constant of type t */
LLVMValueRef lower_string_const(const char *s, size_t len);
LLVMValueRef lower_cstring_ptr(const char *s, size_t len);

/* ---- lower_conv.c ---------------------------------------------------------------------------- */

LLVMValueRef lower_convert(Node *e, Type *to);     /* T(x) */
LLVMValueRef lower_conversion(Node *call);         /* the conversion call T(x) */
LLVMValueRef lower_convert_value(LLVMValueRef v, Type *from, Type *to, Node *where);

/* ---- lower_check.c: run-time checks ---------------------------------------------------------- */

void lower_check_nil(LLVMValueRef p);
void lower_check_nil_at(LLVMValueRef p, int64_t offset); /* reports fault address offset (< 4096) */
void lower_check_index(LLVMValueRef idx, Type *idx_type, LLVMValueRef len);
LLVMValueRef lower_index_value(Node *idx);  /* evaluate an index expression as i64 (+ its type) */
void lower_check_slice(RuntimeFn kind_signed, RuntimeFn kind_unsigned, LLVMValueRef x, Type *xt, LLVMValueRef bound);
void lower_panic_if(LLVMValueRef cond, RuntimeFn f, LLVMValueRef *args, int nargs);
void lower_loop_poll(void); /* lower_stmt.c: the preemption poll at a loop back-edge */
void lower_weight_cold(LLVMValueRef br); /* first successor (almost) never taken */
LLVMValueRef lower_divmod(TokenKind op, Type *t, LLVMValueRef x, LLVMValueRef y);
LLVMValueRef lower_shift(TokenKind op, Type *t, LLVMValueRef x, LLVMValueRef s, Type *st);
Type *lower_shift_count_type(Node *count); /* uint for untyped (or float/complex) constant counts */

/* ---- lower_order.c: gc's evaluation order within a statement -------------------------------- */

void lower_hoist(Node *e);            /* evaluate e's calls (etc.) now, in gc's order */
void lower_hoist_operands(Node *call);/* the same for the operands of a statement-level call */
LLVMValueRef lower_hoisted(Node *e);  /* the early value of e, or NULL */
void lower_hoist_reset(void);         /* at the start of each statement */

/* ---- lower_stmt.c ---------------------------------------------------------------------------- */

void lower_stmt(Node *s);
void lower_block_stmts(Vec *stmts);
/* break (and continue) targets: a loop or switch being lowered, and its ND_LABELED_STMT if any */
Node *lower_take_label(void);  /* the label wrapping the statement about to be lowered, or NULL */
void lower_push_targets(Node *stmt, Node *label, LLVMBasicBlockRef brk, LLVMBasicBlockRef cont);
void lower_pop_targets(Node *label);
void lower_assign_values(Vec *lhs, LLVMValueRef *vals, Type **types, int n);
void lower_store_to(Node *lhs, LLVMValueRef addr, LLVMValueRef v, Type *t);
bool lower_is_blank(Node *e);  /* the blank identifier `_` (in parentheses or not) */

/* ---- lower_call.c ---------------------------------------------------------------------------- */

/* Lowers a call; results: the register results (or aggregate temps) in vals[0..nresults). Returns
 * the number of results. */
int lower_call(Node *call, LLVMValueRef *vals);
LLVMValueRef lower_call_expr(Node *call); /* single-valued call */
LLVMValueRef lower_emit_call(Sig *sig, LLVMValueRef fn, LLVMValueRef ctx, LLVMValueRef *args, LLVMValueRef *results);
int lower_multi_value(Node *e, LLVMValueRef *vals, Type **types); /* f() in a, b := f() */
/* Scratch arrays for n values and their types, sized from the data (Go sets no limit on results,
 * parameters or assignment operands); arena memory, like every compiler allocation. */
LLVMValueRef *lower_value_array(int n);
Type **lower_type_array(int n);
int lower_value_count(Node *e);           /* values of e: a tuple's length, else 1 */

/* ---- lower_defer.c: defer statements, recover, the deferring function's frame record ---------- */

void lower_defer_prologue(Node *body);   /* in a deferring function: frame record, deferframe */
void lower_defer_stmt(Node *s);
/* the func() closure making s's call (a go or defer statement) later, operands evaluated now */
LLVMValueRef lower_delayed_call(Node *s, bool heap, bool may_recover, LLVMValueRef *code);
void lower_defer_return(void);           /* before every ret of a deferring function */
LLVMValueRef lower_recover(Node *call);
void lower_return_results(void);         /* lower_stmt.c: return the result variables' values */

/* ---- lower_builtin.c ------------------------------------------------------------------------- */

LLVMValueRef lower_builtin_call(Node *call);

/* ---- lower_string.c -------------------------------------------------------------------------- */

LLVMValueRef lower_string_concat(Node *e);
LLVMValueRef lower_string_compare(TokenKind op, LLVMValueRef x, LLVMValueRef y);
LLVMValueRef lower_string_make(LLVMValueRef ptr, LLVMValueRef len);
void lower_range_string(Node *s, LLVMValueRef str);
void lower_range_string_body(Node *s, LLVMBasicBlockRef brk, LLVMBasicBlockRef cont);
void lower_range_assign(Node *operand, LLVMValueRef v, Type *t);
/* an iteration's key k and value v (NULL: none) into s's operands, as one parallel assignment */
void lower_range_assign_pair(Node *s, LLVMValueRef k, Type *kt, LLVMValueRef v, Type *vt);

/* ---- lower_slice.c --------------------------------------------------------------------------- */

LLVMValueRef lower_slice_make(LLVMValueRef ptr, LLVMValueRef len, LLVMValueRef cap);
LLVMValueRef lower_slice_expr(Node *e);  /* x[lo:hi:max] */
LLVMValueRef lower_index_expr(Node *e);  /* value of x[i] */
LLVMValueRef lower_index_addr_expr(Node *e); /* address of x[i] (slices, arrays, *arrays) */
LLVMValueRef lower_append(Node *call);
LLVMValueRef lower_copy(Node *call);
LLVMValueRef lower_make_slice(Node *call);
LLVMValueRef lower_composite(Node *e);   /* composite literal value (aggregates: temp address) */
void lower_composite_into(Node *e, LLVMValueRef addr); /* build a literal in place */

/* ---- lower_closure.c ------------------------------------------------------------------------- */

LLVMValueRef lower_func_lit(Node *e);        /* closure value of a function literal */
void lower_pending_func_lits(void);
LLVMValueRef lower_method_value(Node *sel);  /* x.M as a value */
LLVMValueRef lower_method_value_at(Node *sel, bool at_frame); /* ... in the frame if at_frame */
LLVMValueRef lower_method_expr(Node *sel);   /* T.M as a value */
LLVMValueRef lower_main_thunk(Object *main_fn); /* main.main with the Go calling convention */
LLVMValueRef lower_receiver(Node *sel, Object *m); /* receiver argument of a method call */
Node *lower_find_label(Node *decl, const char *name);

/* A wrapper under construction. Wrappers are built on demand in the middle of lowering another
 * function; lower_begin_wrapper saves where that function's building was (function state, block,
 * debug location) and lower_end_wrapper resumes it there. */
typedef struct Wrapper {
	FuncState f;              /* the wrapper's own function state */
	FuncState *saved_fn;
	LLVMBasicBlockRef saved_bb;
	LLVMMetadataRef saved_loc;
} Wrapper;

/* Starts a synthetic function (a wrapper) named `name` with signature sig; returns it. */
LLVMValueRef lower_begin_wrapper(Wrapper *w, const char *name, Sig *sig, Pos pos);
/* Calls method m with receiver `recv` and the wrapper's own parameters from index `from`, and
 * returns its results. */
void lower_forward_call(Object *m, LLVMValueRef recv, Sig *wsig, int from);
void lower_forward_call_to(Sig *msig, LLVMValueRef code, LLVMValueRef recv, Sig *wsig, int from);
LLVMValueRef lower_static_closure(LLVMValueRef code); /* constant {code}, for wrappers */
void lower_end_wrapper(Wrapper *w);

/* ---- lower_methods.c: method sets and their entry points ------------------------------------ */

/* GoMethod[*n] for t's method set (value receivers for T, all for *T), or NULL when empty; the
 * private array is named "type:<link>.methods". */
LLVMValueRef lower_method_table(Type *t, const char *link, uint64_t *n);
/* (*T).M for a value method M: takes *T, nil-checks it, calls M on a copy of *p. */
LLVMValueRef lower_ptr_method_wrapper(Object *m);
/* T.M / (*T).M for method m promoted into struct type T through embedded fields path[0..path_len) */
LLVMValueRef lower_promoted_method_code(Type *t, Object *m, int *path, int path_len);

/* ---- lower_print.c / panic ------------------------------------------------------------------- */

LLVMValueRef lower_print(Node *call, bool ln);
LLVMValueRef lower_panic(Node *call);
LLVMValueRef lower_eface(LLVMValueRef v, Type *t); /* box a concrete value into an eface */

/* ---- lower_map.c: maps (runtime.def's map section) ------------------------------------------ */

typedef struct MapRef MapRef;          /* m[k] as an assignment target: map and key evaluated */
MapRef *lower_map_ref(Node *index);    /* NULL unless index is m[k]; evaluates m and k */
LLVMValueRef lower_map_ref_load(MapRef *r);   /* m[k]'s current value (mapaccess1) */
LLVMValueRef lower_map_ref_assign(MapRef *r); /* mapassign: the address to store into at once */
LLVMValueRef lower_map_index(Node *e);        /* v := m[k] */
int lower_map_index_ok(Node *e, LLVMValueRef *vals, Type **types); /* v, ok := m[k] */
LLVMValueRef lower_map_make(Node *call);
LLVMValueRef lower_map_literal(Node *e);
LLVMValueRef lower_map_len(LLVMValueRef m);
void lower_map_delete(Node *call);
void lower_map_range(Node *s);         /* after range_declare; body via lower_range_string_body */
void lower_store_element(Node *e, Type *t, LLVMValueRef addr); /* lower_slice.c: elided literals */

/* ---- lower_chan.c, lower_select.c, lower_go.c: channels, select, go (runtime.def's sections) - */

LLVMValueRef lower_chan_make(Node *call);      /* make(chan T[, n]) */
void lower_chan_send(Node *s);                 /* c <- v */
LLVMValueRef lower_chan_recv(Node *e);         /* <-c as a value */
void lower_chan_recv_discard(Node *e);         /* <-c as a statement */
int lower_chan_recv_ok(Node *e, LLVMValueRef *vals, Type **types); /* v, ok := <-c */
void lower_chan_close(Node *call);
LLVMValueRef lower_chan_len_cap(Node *call, bool is_cap);
void lower_chan_range(Node *s);                /* after range_declare; body via lower_range_string_body */
void lower_select(Node *s);
void lower_go_stmt(Node *s);

/* ---- lower_compare.c ------------------------------------------------------------------------- */

/* gc's AlgKind: how values of a type are compared and hashed */
typedef enum AlgKind {
	ALG_NOEQ, ALG_MEM, ALG_STRING, ALG_INTER, ALG_NILINTER, ALG_F32, ALG_F64, ALG_C64, ALG_C128,
	ALG_SPECIAL,
} AlgKind;

LLVMValueRef lower_equal_mem(Type *t, LLVMValueRef a, LLVMValueRef b); /* aggregates at a, b */
AlgKind lower_alg_kind(Type *t);       /* gc's types.AlgType */
bool lower_is_regular_memory(Type *t); /* == is a memory compare (gc IsRegularMemory) */
LLVMValueRef lower_memcmp_eq(LLVMValueRef a, LLVMValueRef b, LLVMValueRef n);
LLVMValueRef lower_complex_div(LLVMValueRef n, LLVMValueRef m, bool is64);

/* ---- debuginfo.c ----------------------------------------------------------------------------- */

void di_init(Package *pkg);
void di_finish(void);
LLVMMetadataRef di_function(LLVMValueRef fn, const char *name, Pos pos);
void di_set_pos(Pos pos);        /* attach pos to the instructions built from now on */
void di_declare(Object *obj, LLVMValueRef storage, int argno); /* variable info (argno > 0: param) */
void di_set_prologue(void);      /* line 0 for the entry code that binds parameters */
void di_clear(void);
void lower_set_pos(Pos pos);     /* diag_set_current + di_set_pos */

#endif
