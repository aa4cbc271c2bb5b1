/*
 * lower.c: the driver of lowering: from a checked Package to one LLVM module.
 *
 * In: the Package from check_package (functions, globals, initializer order). Out: a Module holding
 * one LLVM function per Go function (symbol = Go link name, e.g. "main.(*T).M"), one global per
 * package variable, and the synthesized `main.init` that runs variable initializers in dependency
 * order and then the init functions (runtime.def GO_ENTRY). Everything else is delegated by feature
 * to lower_*.c.
 *
 * Key ideas:
 *   - all functions are declared before any body is lowered, so calls need no forward references;
 *   - one function is built at a time (L.fn); function literals are queued and built afterwards;
 *   - locals live in entry-block allocas (mem2reg makes them SSA), except variables captured by an
 *     escaping closure or whose address may outlive the frame (middle/escape.c): those live in
 *     heap cells from runtime newobject;
 *   - runtime entry points are declared from runtime.def, so the signatures cannot drift.
 */
#include "lower.h"

#include <llvm-c/Target.h>
#include <string.h>

/* The lowering state of the package being lowered (module, builder, cached types, runtime
 * declarations, the function under construction): one Lower per package, made by lower_package. */
Lower *lower_current;

/* One LLVM context for the whole process: types are uniqued per context, and modules can only be
 * linked together when they share one. It lives as long as the process. */
LLVMContextRef lower_llvm_context(void)
{
	static LLVMContextRef ctx;
	if (!ctx)
		ctx = LLVMContextCreate();
	return ctx;
}

/* ---- small helpers --------------------------------------------------------------------------- */

/* Reports "gocc: WHAT is not supported yet" and abandons the function being built: the longjmp
 * lands in lower_function_body (or lower_main_init), which deletes the half-built blocks. Lowering
 * then continues with the next function, so one run reports every unsupported construct. */
noreturn void lower_unsupported(Pos pos, const char *what)
{
	unsupported_at(pos, what);
	if (L.fn && L.fn->can_bail)
		longjmp(L.fn->bail, 1);
	internal_error("unsupported construct outside a function: %s", what);
}

/* After lower_unsupported: the function's blocks are deleted and it becomes `unreachable`. */
static void abandon_body(LLVMValueRef fn)
{
	LLVMBasicBlockRef bb;
	while ((bb = LLVMGetFirstBasicBlock(fn)))
		LLVMDeleteBasicBlock(bb);
	LLVMPositionBuilderAtEnd(L.b, LLVMAppendBasicBlockInContext(L.ctx, fn, "unsupported"));
	LLVMSetCurrentDebugLocation2(L.b, NULL);
	LLVMBuildUnreachable(L.b);
}

/* Every instruction built after this carries pos: as the DILocation (gdb, tracebacks) and as the
 * position internal_error names. Invalid positions (synthesized nodes) keep the previous one. */
void lower_set_pos(Pos pos)
{
	if (!pos_valid(pos))
		return;
	diag_set_current(pos);
	di_set_pos(pos);
}

LLVMBasicBlockRef lower_block(const char *name)
{
	return LLVMAppendBasicBlockInContext(L.ctx, L.fn->fn, name);
}

void lower_position_at_end(LLVMBasicBlockRef bb)
{
	LLVMPositionBuilderAtEnd(L.b, bb);
}

LLVMValueRef lower_phi2(LLVMValueRef a, LLVMBasicBlockRef from_a, LLVMValueRef b, LLVMBasicBlockRef from_b,
                        const char *name)
{
	LLVMValueRef phi = LLVMBuildPhi(L.b, LLVMTypeOf(a), name);
	LLVMValueRef vals[2] = {a, b};
	LLVMBasicBlockRef blocks[2] = {from_a, from_b};
	LLVMAddIncoming(phi, vals, blocks, 2);
	return phi;
}

/* LLVM requires exactly one terminator per block, as its last instruction. Statement lowering
 * asks this before adding a fallthrough branch, so `return` inside an if-arm needs no special case. */
bool lower_block_terminated(void)
{
	LLVMBasicBlockRef bb = LLVMGetInsertBlock(L.b);
	return LLVMGetBasicBlockTerminator(bb) != NULL;
}

void lower_br(LLVMBasicBlockRef bb)
{
	if (!lower_block_terminated())
		LLVMBuildBr(L.b, bb);
}

/* After return/break/goto/panic, code that follows is unreachable; it goes in a block without
 * predecessors that LLVM deletes. */
void lower_dead_block(void)
{
	lower_position_at_end(lower_block("dead"));
}

void lower_add_attr(LLVMValueRef fn, int index, const char *attr)
{
	unsigned kind = LLVMGetEnumAttributeKindForName(attr, strlen(attr));
	if (!kind)
		internal_error("unknown LLVM attribute %s", attr);
	LLVMAddAttributeAtIndex(fn, (LLVMAttributeIndex)index, LLVMCreateEnumAttribute(L.ctx, kind, 0));
}

static void add_string_attr(LLVMValueRef fn, const char *k, const char *v)
{
	LLVMAddAttributeAtIndex(fn, LLVMAttributeFunctionIndex,
	                        LLVMCreateStringAttribute(L.ctx, k, strlen(k), v, strlen(v)));
}

/* Attributes every function gocc defines carries: frame pointers for tracebacks and gdb; the
 * split-stack prologue that grows goroutine stacks (runtime/stack.c); no tail
 * calls, as gc makes none: tail-recursion elimination would turn runaway recursion, which go1.19
 * stops with `fatal error: stack overflow`, into an endless loop, and a tail call would drop the
 * caller's frame from tracebacks. */
void lower_add_go_func_attrs(LLVMValueRef fn)
{
	add_string_attr(fn, "frame-pointer", "all");
	add_string_attr(fn, "split-stack", ""); /* segmented goroutine stacks (runtime/stack.c) */
	add_string_attr(fn, "disable-tail-calls", "true");
	add_string_attr(fn, "target-cpu", "x86-64");
	lower_add_attr(fn, LLVMAttributeFunctionIndex, "nounwind");
	lower_add_attr(fn, LLVMAttributeFunctionIndex, "uwtable");
}

/* Declares an overloaded LLVM intrinsic ("llvm.memmove", "llvm.x86.sse2.cvttsd2si64" ...) for the
 * given overload types; *fnty receives the type LLVMBuildCall2 needs. */
LLVMValueRef lower_intrinsic(const char *name, LLVMTypeRef *types, int ntypes, LLVMTypeRef *fnty)
{
	unsigned id = LLVMLookupIntrinsicID(name, strlen(name));
	if (!id)
		internal_error("unknown intrinsic %s", name);
	*fnty = LLVMIntrinsicGetType(L.ctx, id, types, (size_t)ntypes);
	return LLVMGetIntrinsicDeclaration(L.mod, id, types, (size_t)ntypes);
}

/* ---- runtime declarations -------------------------------------------------------------------- */

/*
 * runtime.def describes each entry point in a small type vocabulary (VOID, INT, PTR, STRING ...)
 * shared with the C side. Here the X-macros expand into one RtInfo per entry point, indexed by
 * RuntimeFn; lower_runtime() turns it into an LLVM declaration on first use, so the module only
 * declares the entry points the program calls.
 */
typedef enum Vocab { V_VOID, V_BOOL, V_INT, V_UINT, V_INT32, V_F64, V_UINTPTR, V_PTR, V_TYPE, V_STRING,
	V_EFACE, V_UINT8, V_UINT32, V_IFACE, V_RUNE_INT, V_PTR_BOOL } Vocab;

typedef struct RtInfo {
	const char *name;
	Vocab result;
	Vocab params[8];
	int nparams;
	bool no_return;
	bool returns_twice;
} RtInfo;

#define VOID V_VOID
#define BOOL V_BOOL
#define INT V_INT
#define UINT V_UINT
#define INT32 V_INT32
#define F64 V_F64
#define UINTPTR V_UINTPTR
#define PTR V_PTR
#define TYPE V_TYPE
#define STRING V_STRING
#define EFACE V_EFACE
#define UINT8 V_UINT8
#define UINT32 V_UINT32
#define IFACE V_IFACE
#define RUNE_INT V_RUNE_INT
#define PTR_BOOL V_PTR_BOOL
#define NARGS(...) (sizeof((Vocab[]){__VA_ARGS__}) / sizeof(Vocab))
static const RtInfo rt_info[RT_COUNT] = {
#define RUNTIME_FUNC(n, r, ...) [RT_##n] = {"runtime_" #n, r, {__VA_ARGS__}, (int)NARGS(__VA_ARGS__), false},
#define RUNTIME_NORETURN(n, ...) [RT_##n] = {"runtime_" #n, V_VOID, {__VA_ARGS__}, (int)NARGS(__VA_ARGS__), true},
#define MAP_FUNC(n, r, ...) [RT_##n] = {"runtime_" #n, r, {__VA_ARGS__}, (int)NARGS(__VA_ARGS__), false},
#define RUNTIME_FUNC_EXT(n, r, ...) [RT_##n] = {"runtime_" #n, r, {__VA_ARGS__}, (int)NARGS(__VA_ARGS__), false},
#define RUNTIME_NORETURN_EXT(n, ...) [RT_##n] = {"runtime_" #n, V_VOID, {__VA_ARGS__}, (int)NARGS(__VA_ARGS__), true},
#define RUNTIME_RETURNS_TWICE(n, r, ...) [RT_##n] = {"runtime_" #n, r, {__VA_ARGS__}, (int)NARGS(__VA_ARGS__), false, true},
#include "runtime.def"
};
#undef VOID
#undef BOOL
#undef INT
#undef UINT
#undef INT32
#undef F64
#undef UINTPTR
#undef PTR
#undef TYPE
#undef STRING
#undef EFACE
#undef UINT8
#undef UINT32
#undef IFACE
#undef RUNE_INT
#undef PTR_BOOL

/* Two-word values: passed as two scalar parameters, returned as a literal two-field struct. */
static bool vocab_is_pair(Vocab v)
{
	return v == V_STRING || v == V_EFACE || v == V_IFACE;
}

static LLVMTypeRef vocab_type(Vocab v)
{
	switch (v) {
	case V_VOID: return L.t_void;
	case V_BOOL: return L.t_i1;
	case V_INT: case V_UINT: case V_UINTPTR: return L.t_i64;
	case V_INT32: case V_UINT32: return L.t_i32;
	case V_UINT8: return L.t_i8;
	case V_F64: return L.t_f64;
	case V_PTR: case V_TYPE: return L.t_ptr;
	case V_STRING: return L.t_string;
	case V_EFACE: case V_IFACE: return L.t_eface;
	case V_RUNE_INT: return LLVMStructTypeInContext(L.ctx, (LLVMTypeRef[]){L.t_i32, L.t_i64}, 2, false);
	case V_PTR_BOOL: return LLVMStructTypeInContext(L.ctx, (LLVMTypeRef[]){L.t_ptr, L.t_i8}, 2, false);
	}
	unreachable();
}

/* Narrow integer arguments and results travel extended to a full register, marked zeroext/signext
 * as clang marks the runtime's C definitions (bool, uint8_t, int32_t ...), so both sides agree on
 * the upper bits. */
static const char *vocab_ext(Vocab v)
{
	switch (v) {
	case V_BOOL: case V_UINT8: return "zeroext";
	case V_INT32: return "signext";
	case V_UINT32: return "zeroext";
	default: return NULL;
	}
}

/* What the optimiser may assume about some entry points: allocators return fresh non-null memory;
 * pure readers of their arguments can be CSE'd and hoisted out of loops. */
static void add_runtime_effects(RuntimeFn f, LLVMValueRef fn)
{
	switch (f) {
	case RT_mallocgc: case RT_newobject: case RT_makeslice:
		lower_add_attr(fn, LLVMAttributeReturnIndex, "noalias");
		lower_add_attr(fn, LLVMAttributeReturnIndex, "nonnull");
		break;
	case RT_memequal: case RT_cmpstring: case RT_eqstring: case RT_countrunes:
	case RT_decoderune: {
		unsigned kind = LLVMGetEnumAttributeKindForName("memory", 6);
		/* memory(argmem: read): ModRef::Ref (1) for the argument-memory location */
		LLVMAddAttributeAtIndex(fn, LLVMAttributeFunctionIndex, LLVMCreateEnumAttribute(L.ctx, kind, 1));
		lower_add_attr(fn, LLVMAttributeFunctionIndex, "willreturn");
		break;
	}
	default:
		break;
	}
}

/* Two-word structs (STRING, EFACE) are passed as two scalar parameters, exactly as the C ABI (and
 * clang) pass `struct { void *p; long n; }` by value; they come back as a {ptr, i64} pair in
 * rax:rdx, which is also how LLVM returns a two-element literal struct. */
LLVMValueRef lower_runtime(RuntimeFn f)
{
	if (L.rt[f])
		return L.rt[f];
	const RtInfo *ri = &rt_info[f];
	LLVMTypeRef params[16];
	int np = 0;
	bool void_params = ri->nparams == 1 && ri->params[0] == V_VOID;
	for (int i = 0; i < ri->nparams && !void_params; i++) {
		if (vocab_is_pair(ri->params[i])) {
			LLVMTypeRef pair = vocab_type(ri->params[i]);
			params[np++] = LLVMStructGetTypeAtIndex(pair, 0);
			params[np++] = LLVMStructGetTypeAtIndex(pair, 1);
		} else {
			params[np++] = vocab_type(ri->params[i]);
		}
	}
	LLVMTypeRef fnty = LLVMFunctionType(vocab_type(ri->result), params, (unsigned)np, false);
	LLVMValueRef fn = LLVMAddFunction(L.mod, ri->name, fnty);
	lower_add_attr(fn, LLVMAttributeFunctionIndex, "nounwind");
	if (ri->no_return) {
		lower_add_attr(fn, LLVMAttributeFunctionIndex, "noreturn");
		lower_add_attr(fn, LLVMAttributeFunctionIndex, "cold");
		/* Each panic site keeps its own call, so its return address has its own line (the pc
		 * table's, as go1.19 reports a run-time error at the failing expression's line). */
		lower_add_attr(fn, LLVMAttributeFunctionIndex, "nomerge");
	}
	if (vocab_ext(ri->result))
		lower_add_attr(fn, LLVMAttributeReturnIndex, vocab_ext(ri->result));
	for (int i = 0, k = 1; i < ri->nparams && !void_params; i++) {
		if (vocab_is_pair(ri->params[i])) {
			k += 2;
			continue;
		}
		if (vocab_ext(ri->params[i]))
			lower_add_attr(fn, k, vocab_ext(ri->params[i]));
		k++;
	}
	if (ri->returns_twice)
		lower_add_attr(fn, LLVMAttributeFunctionIndex, "returns_twice");
	add_runtime_effects(f, fn);
	L.rt[f] = fn;
	L.rt_type[f] = fnty;
	return fn;
}

/* Calls runtime entry point f with Go-level arguments (strings/efaces as one {..} value each). */
LLVMValueRef lower_call_runtime(RuntimeFn f, LLVMValueRef *args, int n)
{
	LLVMValueRef fn = lower_runtime(f);
	const RtInfo *ri = &rt_info[f];
	LLVMValueRef flat[16];
	int nf = 0;
	for (int i = 0; i < n; i++) {
		if (vocab_is_pair(ri->params[i])) {
			flat[nf++] = LLVMBuildExtractValue(L.b, args[i], 0, "");
			flat[nf++] = LLVMBuildExtractValue(L.b, args[i], 1, "");
		} else {
			flat[nf++] = args[i];
		}
	}
	LLVMValueRef call = LLVMBuildCall2(L.b, L.rt_type[f], fn, flat, (unsigned)nf, "");
	if (ri->no_return)
		LLVMBuildUnreachable(L.b); /* the caller decides where building continues */
	return call;
}

/* ---- signatures ------------------------------------------------------------------------------ */

/*
 * The calling convention (docs/architecture.md), for `func (r R) f(a A, s S) (x X, t T)` where S and
 * T are structs or arrays and the others register types:
 *
 *     define X @"main.R.f"(ptr %ctx, ptr %out_t, R %r, A %a, ptr %s)
 *
 * result_index[i] is t's LLVM parameter index when result_indirect[i], else x's position in the
 * returned value ({X0, X1, ...} when several results are register types). first_param is the
 * index of the receiver (or first parameter): params follow ctx and the out pointers.
 */
static Sig *make_sig(Type *ft)
{
	Sig *s = xnew(Sig);
	s->type = ft;
	int nrecv = ft->func.recv ? 1 : 0;
	s->nparams = ft->func.nparams + nrecv;
	s->params = xalloc(sizeof(Type *) * (size_t)(s->nparams + 1));
	if (nrecv)
		s->params[0] = ft->func.recv;
	for (int i = 0; i < ft->func.nparams; i++)
		s->params[i + nrecv] = ft->func.params[i];
	s->nresults = ft->func.nresults;
	s->results = ft->func.results;
	s->result_index = xalloc(sizeof(int) * (size_t)(s->nresults + 1));
	s->result_indirect = xalloc(sizeof(bool) * (size_t)(s->nresults + 1));

	LLVMTypeRef *ptys = xalloc(sizeof(LLVMTypeRef) * (size_t)(s->nparams + s->nresults + 1));
	LLVMTypeRef *rtys = xalloc(sizeof(LLVMTypeRef) * (size_t)(s->nresults + 1));
	int np = 0;
	ptys[np++] = L.t_ptr; /* ctx */
	for (int i = 0; i < s->nresults; i++) {
		if (type_is_aggregate(s->results[i])) {
			s->result_indirect[i] = true;
			s->result_index[i] = np;
			ptys[np++] = L.t_ptr;
		} else {
			s->result_index[i] = s->nret;
			rtys[s->nret++] = lower_type(s->results[i]);
		}
	}
	s->first_param = np;
	for (int i = 0; i < s->nparams; i++)
		ptys[np++] = lower_type(s->params[i]);
	s->ret = s->nret == 0 ? L.t_void : s->nret == 1 ? rtys[0] : LLVMStructTypeInContext(L.ctx, rtys, (unsigned)s->nret, false);
	s->fnty = LLVMFunctionType(s->ret, ptys, (unsigned)np, false);
	return s;
}

/* Signatures are cached per Type in L.sigs, one cache per package context (their LLVM types belong to
 * the one shared context, lower_llvm_context). */
Sig *lower_sig(Type *ft)
{
	ft = type_underlying(ft);
	if (ft->kind != TY_FUNC)
		internal_error("lower_sig: not a function type: %s", type_string(ft));
	Sig *s = hashmap_get(&L.sigs, ft);
	if (!s) {
		s = make_sig(ft);
		hashmap_put(&L.sigs, ft, s);
	}
	return s;
}

/* ---- the variable map ------------------------------------------------------------------------ */

/* VarMap is the compiler's HashMap with pointer keys: each local Object to its storage (alloca, heap
 * cell or parameter pointer), and memo tables elsewhere. */

void varmap_put(VarMap *m, const void *k, LLVMValueRef v)
{
	hashmap_put(m, k, v);
}

LLVMValueRef varmap_get(VarMap *m, const void *k)
{
	return hashmap_get(m, k);
}

/* Variables that must live in heap cells (captured by an escaping closure, address outliving the frame, or
 * too large for the stack) were decided by the middle stage (compiler/middle/escape.c). */
bool lower_is_boxed(Object *obj)
{
	return middle_needs_cell(obj);
}

/* ---- storage --------------------------------------------------------------------------------- */

/*
 * Every alloca goes in the entry block (through L.fn->alloca_builder, positioned before the entry
 * block's branch to "start"), never where the declaration is lowered: an alloca inside a loop would
 * grow the frame on each iteration, and mem2reg/SROA only promote entry-block allocas to SSA
 * registers. Declarations inside loops reuse the one slot and re-zero it (lower_declare_local).
 * Memory layout is lower_mem_type's: gc's size and alignment, aggregates as byte blobs.
 */
LLVMValueRef lower_alloca(Type *t, const char *name)
{
	if (type_size(t) > MAX_STACK_VAR)
		return lower_new(t); /* a fresh heap temporary where it is needed */
	LLVMValueRef a = LLVMBuildAlloca(L.fn->alloca_builder, lower_mem_type(t), name);
	int64_t al = type_align(t);
	LLVMSetAlignment(a, (unsigned)(al > 0 ? al : 1));
	return a;
}

/* Zeroed memory for one t made by new(T), &T{...}, a literal or make at a site the middle stage
 * keeps in the frame (at_frame: escape.c's stack_alloc/stack_buf), else runtime newobject. The
 * frame slot is an entry-block alloca zeroed each time the site runs: a site in a loop reuses it,
 * which escape.c allows only when no variable outliving the iteration can reach the object. */
LLVMValueRef lower_new_at(Type *t, bool at_frame)
{
	if (!at_frame)
		return lower_new(t);
	LLVMValueRef a = lower_alloca(t, "new");
	lower_zero(t, a);
	return a;
}

/* Storage for a local that is being declared here: heap cell if boxed, else an alloca. A boxed
 * variable declared in a loop gets a fresh cell each iteration (each closure sees its own), so the
 * cell pointer is kept in an entry-block slot that mem2reg turns into SSA. Zeroes the variable. */
void lower_declare_local(Object *obj)
{
	if (!obj || obj->name == intern("_", 1))
		return;
	LLVMValueRef addr;
	if (lower_is_boxed(obj)) {
		addr = lower_new(lower_obj_type(obj));
	} else {
		addr = varmap_get(&L.fn->vars, obj);
		if (!addr)
			addr = lower_alloca(lower_obj_type(obj), obj->name);
		lower_zero(lower_obj_type(obj), addr);
	}
	varmap_put(&L.fn->vars, obj, addr);
	di_declare(obj, addr, 0);
}

/* An object another package defines: this module only declares it, and the linker finds the
 * definition in that package's object. */
bool lower_is_foreign(Object *obj)
{
	return obj->pkg && obj->pkg != L.pkg;
}

/* What a symbol of this package is to the linker: private to the object when the package is the
 * command (nothing imports it), else visible to the other packages' objects of the program. */
void lower_set_package_linkage(LLVMValueRef v)
{
	if (package_is_main(L.pkg)) {
		LLVMSetLinkage(v, LLVMInternalLinkage);
	} else {
		LLVMSetLinkage(v, LLVMExternalLinkage);
		LLVMSetVisibility(v, LLVMHiddenVisibility);
	}
}

static LLVMValueRef declare_foreign_global(Object *obj)
{
	LLVMValueRef g = LLVMAddGlobal(L.mod, lower_mem_type(lower_obj_type(obj)), obj->link_name);
	if (!obj->linkname)
		LLVMSetVisibility(g, LLVMHiddenVisibility);
	varmap_put(&L.values, obj, g);
	return g;
}

/* Address of a variable's storage: the module global for package variables, else the slot or cell
 * recorded when its declaration (or parameter binding, or capture binding) was lowered. */
LLVMValueRef lower_var_addr(Object *obj)
{
	if (obj->is_global) {
		LLVMValueRef g = varmap_get(&L.values, obj);
		if (!g && lower_is_foreign(obj))
			g = declare_foreign_global(obj);
		if (!g)
			internal_error("global %s has no storage", obj->name);
		return g;
	}
	LLVMValueRef a = varmap_get(&L.fn->vars, obj);
	if (!a)
		internal_error("variable %s used before its declaration was lowered", obj->name);
	return a;
}

/* ---- functions ------------------------------------------------------------------------------- */

static bool is_main_main(Object *fn)
{
	return L.pkg->main_func == fn;
}

/* Type of a function object: methods carry their receiver in Type.func.recv. */
static Type *func_type_of(Object *fn)
{
	return lower_obj_type(fn);
}

/* Aggregate parameters and out pointers point to fresh, private, non-null memory the caller made for
 * this call: tell LLVM, so memcpyopt can drop the copies it proves unnecessary. */
void lower_add_sig_attrs(LLVMValueRef fn, Sig *sig)
{
	unsigned deref = LLVMGetEnumAttributeKindForName("dereferenceable", 15);
	for (int i = 0; i < sig->nresults + sig->nparams; i++) {
		bool is_result = i < sig->nresults;
		Type *t = is_result ? sig->results[i] : sig->params[i - sig->nresults];
		if (!type_is_aggregate(t) || (is_result && !sig->result_indirect[i]))
			continue;
		int index = 1 + (is_result ? sig->result_index[i] : sig->first_param + i - sig->nresults);
		lower_add_attr(fn, index, "noalias");
		lower_add_attr(fn, index, "nonnull");
		if (type_size(t) > 0)
			LLVMAddAttributeAtIndex(fn, (LLVMAttributeIndex)index,
			                        LLVMCreateEnumAttribute(L.ctx, deref, (uint64_t)type_size(t)));
	}
}

/* //go:noinline above a declaration keeps LLVM from inlining it, as gc does. */
static bool has_directive(Object *fn, const char *name)
{
	Node *d = fn->decl;
	if (!d || d->kind != ND_FUNC_DECL)
		return false;
	for (int i = 0; i < d->func_decl.directives.len; i++) {
		Directive *dir = d->func_decl.directives.data[i];
		size_t n = strlen(name);
		if (strncmp(dir->text, name, n) == 0 && (dir->text[n] == 0 || dir->text[n] == ' '))
			return true;
	}
	return false;
}

/* A function declared without a body (a standard package's; check_missing_bodies): something
 * outside Go defines it under its link name, the runtime's C as a rule (docs/architecture.md,
 * "Body-less functions"). */
bool lower_is_bodyless(Object *fn)
{
	return fn->kind == OBJ_FUNC && fn->decl && fn->decl->kind == ND_FUNC_DECL && !fn->decl->func_decl.body;
}

/* Declares (once) the LLVM function for a Go function or method: link-name symbol, internal
 * linkage, the Sig's type and attributes. Bodies are lowered later, so calls never need forward
 * declarations. main.main alone is external and parameterless: the runtime calls it. A body-less
 * function is an external declaration with default visibility, for C to define; a function named
 * by //go:linkname is external and visible under that name, defined here or elsewhere. */
LLVMValueRef lower_func_decl(Object *fn)
{
	LLVMValueRef known = varmap_get(&L.values, fn);
	if (known)
		return known;
	const char *name = fn->link_name ? fn->link_name : package_symbol(fn->pkg ? fn->pkg : L.pkg, fn->name);
	LLVMTypeRef fnty;
	if (is_main_main(fn))
		fnty = LLVMFunctionType(L.t_void, NULL, 0, false); /* GO_ENTRY: called by the runtime */
	else
		fnty = lower_sig(func_type_of(fn))->fnty;
	LLVMValueRef f = LLVMGetNamedFunction(L.mod, name);
	if (f) { /* //go:linkname: two Go functions of this package, one symbol */
		varmap_put(&L.values, fn, f);
		return f;
	}
	f = LLVMAddFunction(L.mod, name, fnty);
	if (lower_is_bodyless(fn) || fn->linkname) {
		lower_add_sig_attrs(f, lower_sig(func_type_of(fn))); /* external, default visibility */
	} else if (!is_main_main(fn)) {
		if (lower_is_foreign(fn))
			LLVMSetVisibility(f, LLVMHiddenVisibility); /* defined by its package's object */
		else
			lower_set_package_linkage(f);
		lower_add_sig_attrs(f, lower_sig(func_type_of(fn)));
	}
	lower_add_go_func_attrs(f);
	if (has_directive(fn, "go:noinline"))
		lower_add_attr(f, LLVMAttributeFunctionIndex, "noinline");
	varmap_put(&L.values, fn, f);
	return f;
}

/* The static closure of a declared function: a constant {code} object, like gc's "main.f·f". */
LLVMValueRef lower_func_value_of(Object *fn)
{
	LLVMValueRef g = varmap_get(&L.func_values, fn);
	if (g)
		return g;
	LLVMValueRef code = is_main_main(fn) ? lower_main_thunk(fn) : lower_func_decl(fn);
	LLVMValueRef init = LLVMConstStructInContext(L.ctx, &code, 1, false);
	g = LLVMAddGlobal(L.mod, LLVMTypeOf(init), xsprintf("%s·f", LLVMGetValueName(code)));
	LLVMSetInitializer(g, init);
	LLVMSetGlobalConstant(g, true);
	LLVMSetLinkage(g, LLVMInternalLinkage);
	LLVMSetUnnamedAddress(g, LLVMGlobalUnnamedAddr);
	varmap_put(&L.func_values, fn, g);
	return g;
}

/* Parameters and results as objects: from the FUNC object when the checker recorded them, else
 * from the declaring identifiers of the ND_FUNC_TYPE (unnamed ones have no object). */
static void collect_field_objs(Vec *fields, Vec *out)
{
	for (int i = 0; i < fields->len; i++) {
		Node *f = fields->data[i];
		if (f->field.names.len == 0) {
			vec_push(out, NULL);
			continue;
		}
		for (int j = 0; j < f->field.names.len; j++) {
			Node *id = f->field.names.data[j];
			vec_push(out, id->ident.obj);
		}
	}
}

/* The Objects of the receiver and parameters in Sig order, NULL for unnamed ones. */
static Vec param_objects(Object *obj, Node *ftype, Sig *sig)
{
	Vec v = {0};
	if (obj->params.len + (obj->recv ? 1 : 0) == sig->nparams) {
		if (obj->recv)
			vec_push(&v, obj->recv);
		for (int i = 0; i < obj->params.len; i++)
			vec_push(&v, obj->params.data[i]);
		return v;
	}
	Node *decl = obj->decl;
	if (decl && decl->kind == ND_FUNC_DECL && decl->func_decl.recv)
		collect_field_objs(&decl->func_decl.recv->func_type.params, &v);
	collect_field_objs(&ftype->func_type.params, &v);
	while (v.len < sig->nparams)
		vec_push(&v, NULL);
	return v;
}

static Vec result_objects(Object *obj, Node *ftype, Sig *sig)
{
	if (obj->results.len == sig->nresults)
		return obj->results;
	Vec v = {0};
	collect_field_objs(&ftype->func_type.results, &v);
	while (v.len < sig->nresults)
		vec_push(&v, NULL);
	return v;
}

/* Binds incoming parameters to storage. Aggregates arrive as pointers to a copy the callee owns,
 * so an unboxed aggregate parameter simply lives there. */
static void bind_params(Object *obj, Node *ftype)
{
	FuncState *f = L.fn;
	Sig *sig = f->sig;
	Vec objs = param_objects(obj, ftype, sig);
	for (int i = 0; i < sig->nparams; i++) {
		Object *p = objs.data[i];
		LLVMValueRef v = LLVMGetParam(f->fn, (unsigned)(sig->first_param + i));
		Type *t = sig->params[i];
		if (!p || p->name == intern("_", 1))
			continue;
		LLVMSetValueName2(v, p->name, strlen(p->name));
		LLVMValueRef addr;
		if (lower_is_boxed(p)) {
			addr = lower_new(t);
			lower_store(t, addr, v);
		} else if (type_is_aggregate(t)) {
			addr = v;
		} else {
			addr = lower_alloca(t, p->name);
			lower_store(t, addr, v);
		}
		varmap_put(&f->vars, p, addr);
		di_declare(p, addr, i + 1);
	}
}

/* Every result, named or not, gets a zeroed variable: a bare `return` returns what the named
 * results hold, and `return x, y` stores into them first. lower_stmt.c's return then loads these
 * (register results) or copies them to the caller's out pointers (aggregate results). */
static void bind_results(Object *obj, Node *ftype)
{
	FuncState *f = L.fn;
	Sig *sig = f->sig;
	Vec objs = result_objects(obj, ftype, sig);
	f->result_addrs = xalloc(sizeof(LLVMValueRef) * (size_t)(sig->nresults + 1));
	for (int i = 0; i < sig->nresults; i++) {
		Object *r = objs.data[i];
		Type *t = sig->results[i];
		LLVMValueRef addr;
		if (r && r->name != intern("_", 1) && lower_is_boxed(r)) {
			addr = lower_new(t);
		} else {
			addr = lower_alloca(t, r ? r->name : "result");
			lower_zero(t, addr);
		}
		if (r) {
			varmap_put(&f->vars, r, addr);
			di_declare(r, addr, 0);
		}
		f->result_addrs[i] = addr;
	}
}

/* Captured variables arrive through the closure object: ctx = {code, cell_0, cell_1, ...}. */
static void bind_captures(Vec *captures)
{
	FuncState *f = L.fn;
	for (int i = 0; i < captures->len; i++) {
		Object *c = captures->data[i];
		LLVMValueRef slot = lower_gep(f->ctx, 8 * (i + 1));
		LLVMValueRef cell = LLVMBuildLoad2(L.b, L.t_ptr, slot, c->name);
		LLVMSetAlignment(cell, 8);
		varmap_put(&f->vars, c, cell);
	}
}

/* Terminates, with `unreachable`, every block still open: the dead blocks that follow a return,
 * break or panic (lower_dead_block), which have no predecessors and which LLVM then deletes. */
static void close_open_blocks(void)
{
	for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(L.fn->fn); bb; bb = LLVMGetNextBasicBlock(bb)) {
		if (!LLVMGetBasicBlockTerminator(bb)) {
			LLVMPositionBuilderAtEnd(L.b, bb);
			LLVMBuildUnreachable(L.b);
		}
	}
}

/* Ends the function: falling off the end returns (only possible without results; the checker
 * rejects a missing return otherwise, so the end is unreachable then). */
static void finish_body(void)
{
	if (!lower_block_terminated()) {
		if (L.fn->sig->nresults == 0) {
			lower_defer_return();
			LLVMBuildRetVoid(L.b);
		} else
			LLVMBuildUnreachable(L.b);
	}
	close_open_blocks(); /* blocks left open after a terminator (dead code) */
}

/*
 * Lowers one function, method or function literal. Every body has the same skeleton:
 *
 *     entry:  allocas (added here by alloca_builder throughout lowering)
 *             br label %start
 *     start:  parameter/result/capture binding, then the statements
 *
 * Keeping the allocas in their own block before `start` means the builder that appends
 * statement code never has to move to insert one. L.fn is saved and restored so a function
 * literal could be built from inside another (they are queued instead, see lower_closure.c).
 */
void lower_function_body(Object *obj, Node *decl, Node *body, Vec *captures)
{
	FuncState *saved = L.fn;
	FuncState *f = xnew(FuncState);
	L.fn = f;
	f->obj = obj;
	f->decl = decl;
	f->fn = lower_func_decl(obj);
	f->sig = lower_sig(func_type_of(obj));
	if (!is_main_main(obj)) {
		f->ctx = LLVMGetParam(f->fn, 0);
		LLVMSetValueName2(f->ctx, "ctx", 3);
	}
	for (int i = 0; captures && i < captures->len; i++)
		vec_push(&f->captures, captures->data[i]);

	Node *ftype = decl->kind == ND_FUNC_DECL ? decl->func_decl.type : decl->func_lit.type;
	di_clear();
	f->di_scope = di_function(f->fn, LLVMGetValueName(f->fn), decl->pos);
	LLVMBasicBlockRef entry = lower_block("entry");
	LLVMBasicBlockRef start = lower_block("start");
	f->alloca_builder = LLVMCreateBuilderInContext(L.ctx);
	LLVMPositionBuilderAtEnd(f->alloca_builder, entry);
	LLVMPositionBuilderAtEnd(L.b, entry);
	diag_set_current(decl->pos);
	di_set_prologue();
	LLVMValueRef br = LLVMBuildBr(L.b, start);
	LLVMPositionBuilderBefore(f->alloca_builder, br);
	lower_position_at_end(start);

	if (is_main_main(obj))
		f->ctx = LLVMGetPoison(L.t_ptr);
	f->can_bail = true;
	if (setjmp(f->bail) == 0) {
		bind_params(obj, ftype);
		bind_results(obj, ftype);
		if (captures)
			bind_captures(captures);
		if (obj->has_defer)
			lower_defer_prologue(body);
		lower_block_stmts(&body->block.stmts);
		if (pos_valid(body->block.rbrace))
			lower_set_pos(body->block.rbrace);
		finish_body();
	} else {
		abandon_body(f->fn);
	}
	LLVMDisposeBuilder(f->alloca_builder);
	L.fn = saved;
}

/* ---- package variables and main.init --------------------------------------------------------- */

static bool has_initializer(Package *pkg, Object *g)
{
	for (int i = 0; i < pkg->var_inits.len; i++) {
		Initializer *in = pkg->var_inits.data[i];
		for (int j = 0; j < in->lhs.len; j++)
			if (in->lhs.data[j] == g)
				return true;
	}
	return false;
}

/* Package variables are zero-initialized internal globals with gc's layout; their initializers
 * run in main.init, since Go initializers are arbitrary expressions (calls, closures ...). A
 * variable named by //go:linkname is visible under that name. Without a value it is what gc's
 * linker makes of an empty (BSS) symbol: a definition with contents elsewhere wins (`var
 * overflowError error` is runtime.overflowError), else it stays zero (test/initempty.go's
 * main..inittask). A COMMON symbol behaves so, and the linker pulls an archive member of the
 * runtime that defines it, where a weak definition would silently keep the zero. */
static void declare_globals(Package *pkg)
{
	for (int i = 0; i < pkg->globals.len; i++) {
		Object *g = pkg->globals.data[i];
		if (g->name == intern("_", 1))
			continue; /* `var _ = f()`: the initializer runs, nothing is stored */
		LLVMTypeRef mt = lower_mem_type(lower_obj_type(g));
		LLVMValueRef gv = LLVMAddGlobal(L.mod, mt, g->link_name);
		if (!g->linkname) {
			LLVMSetInitializer(gv, LLVMConstNull(mt));
			lower_set_package_linkage(gv);
		} else {
			LLVMSetInitializer(gv, LLVMConstNull(mt));
			if (!has_initializer(pkg, g))
				LLVMSetLinkage(gv, LLVMCommonLinkage);
		}
		int64_t al = type_align(lower_obj_type(g));
		LLVMSetAlignment(gv, (unsigned)(al > 0 ? al : 1));
		varmap_put(&L.values, g, gv);
	}
}

/* One `var a, b = f()` or `var x = e` of the initialization order. Like a statement, it gets gc's
 * evaluation order: calls hoisted first (lower_order.c), then the plain operands. */
static void lower_initializer(Initializer *in)
{
	if (in->lhs.len == 1 && in->lhs.data[0] && lower_static_init(in->lhs.data[0], in->rhs))
		return; /* data, not code (lower_staticinit.c) */
	lower_hoist_reset();
	lower_set_pos(in->rhs->pos);
	lower_hoist(in->rhs);
	if (in->lhs.len == 1) {
		Object *g = in->lhs.data[0];
		LLVMValueRef v = lower_expr_as(in->rhs, g ? lower_obj_type(g) : lower_type_of(in->rhs));
		LLVMValueRef addr = g ? varmap_get(&L.values, g) : NULL;
		if (addr)
			lower_store(lower_obj_type(g), addr, v);
		return;
	}
	LLVMValueRef *vals = lower_value_array(lower_value_count(in->rhs));
	Type **types = lower_type_array(lower_value_count(in->rhs));
	int n = lower_multi_value(in->rhs, vals, types);
	for (int i = 0; i < n && i < in->lhs.len; i++) {
		Object *g = in->lhs.data[i];
		LLVMValueRef addr = g ? varmap_get(&L.values, g) : NULL;
		if (addr) {
			LLVMValueRef v = lower_convert_value(vals[i], types[i], lower_obj_type(g), in->rhs);
			lower_store(lower_obj_type(g), addr, v);
		}
	}
}

/* A package imported by several others is initialized once, as gc's runtime.doInit does with its
 * init task's state: `prefix.init` returns at once when a flag says it has run. The command's
 * main.init is called once by the runtime and needs none. */
static void lower_init_guard(Package *pkg)
{
	if (package_is_main(pkg))
		return;
	LLVMValueRef done = LLVMAddGlobal(L.mod, L.t_i8, package_symbol(pkg, "init·done"));
	LLVMSetInitializer(done, LLVMConstInt(L.t_i8, 0, false));
	LLVMSetLinkage(done, LLVMInternalLinkage);
	LLVMValueRef was = LLVMBuildLoad2(L.b, L.t_i8, done, "");
	LLVMValueRef ran = LLVMBuildICmp(L.b, LLVMIntNE, was, LLVMConstInt(L.t_i8, 0, false), "");
	LLVMBasicBlockRef ret = lower_block("init.ran"), run = lower_block("init.run");
	LLVMBuildCondBr(L.b, ran, ret, run);
	lower_position_at_end(ret);
	LLVMBuildRetVoid(L.b);
	lower_position_at_end(run);
	LLVMBuildStore(L.b, LLVMConstInt(L.t_i8, 1, false), done);
}

/* The imported packages are initialized first, in the order of their first import declaration
 * (gc's init task lists them so, and runtime.doInit runs them depth first). */
static void lower_init_imports(Package *pkg)
{
	LLVMTypeRef fnty = LLVMFunctionType(L.t_void, NULL, 0, false);
	for (int i = 0; i < pkg->imports.len; i++) {
		const char *name = package_symbol(pkg->imports.data[i], "init");
		LLVMValueRef f = LLVMGetNamedFunction(L.mod, name);
		if (!f) {
			f = LLVMAddFunction(L.mod, name, fnty);
			LLVMSetVisibility(f, LLVMHiddenVisibility);
		}
		LLVMBuildCall2(L.b, fnty, f, NULL, 0, "");
	}
}

/* prefix.init (main.init for a command): the imported packages' initialization, variable
 * initializers in dependency order, then init functions in source order. */
static void lower_main_init(Package *pkg)
{
	LLVMTypeRef fnty = LLVMFunctionType(L.t_void, NULL, 0, false);
	const char *name = package_symbol(pkg, "init");
	LLVMValueRef fn = LLVMAddFunction(L.mod, name, fnty);
	if (!package_is_main(pkg))
		LLVMSetVisibility(fn, LLVMHiddenVisibility);
	lower_add_go_func_attrs(fn);
	FuncState *f = xnew(FuncState);
	L.fn = f;
	f->fn = fn;
	static Type init_type; /* func() */
	init_type.kind = TY_FUNC;
	f->sig = lower_sig(&init_type);
	f->ctx = LLVMGetPoison(L.t_ptr);
	Pos pos = nopos;
	if (pkg->files.len > 0) {
		Node *file = pkg->files.data[0];
		pos = file->pos;
		pos.line = pos.line > 0 ? pos.line : 1;
		pos.col = 1;
	}
	di_clear();
	f->di_scope = di_function(fn, name, pos);
	LLVMBasicBlockRef entry = lower_block("entry");
	LLVMBasicBlockRef start = lower_block("start");
	f->alloca_builder = LLVMCreateBuilderInContext(L.ctx);
	lower_position_at_end(entry);
	lower_set_pos(pos);
	LLVMValueRef br = LLVMBuildBr(L.b, start);
	LLVMPositionBuilderBefore(f->alloca_builder, br);
	lower_position_at_end(start);

	f->can_bail = true;
	if (setjmp(f->bail) != 0) {
		abandon_body(fn);
		LLVMDisposeBuilder(f->alloca_builder);
		L.fn = NULL;
		return;
	}
	lower_init_guard(pkg);
	lower_init_imports(pkg);
	for (int i = 0; i < pkg->var_inits.len; i++)
		lower_initializer(pkg->var_inits.data[i]);
	lower_set_pos(pos);
	for (int i = 0; i < pkg->init_funcs.len; i++) {
		Object *init = pkg->init_funcs.data[i];
		LLVMValueRef callee = lower_func_decl(init);
		LLVMValueRef ctx = LLVMGetPoison(L.t_ptr);
		LLVMBuildCall2(L.b, lower_sig(lower_obj_type(init))->fnty, callee, &ctx, 1, "");
	}
	LLVMBuildRetVoid(L.b);
	close_open_blocks();
	LLVMDisposeBuilder(f->alloca_builder);
	L.fn = NULL;
}

/* ---- module setup ---------------------------------------------------------------------------- */

static void init_types(void)
{
	L.t_void = LLVMVoidTypeInContext(L.ctx);
	L.t_i1 = LLVMInt1TypeInContext(L.ctx);
	L.t_i8 = LLVMInt8TypeInContext(L.ctx);
	L.t_i16 = LLVMInt16TypeInContext(L.ctx);
	L.t_i32 = LLVMInt32TypeInContext(L.ctx);
	L.t_i64 = LLVMInt64TypeInContext(L.ctx);
	L.t_f32 = LLVMFloatTypeInContext(L.ctx);
	L.t_f64 = LLVMDoubleTypeInContext(L.ctx);
	L.t_ptr = LLVMPointerTypeInContext(L.ctx, 0);
	LLVMTypeRef s[3] = {L.t_ptr, L.t_i64, L.t_i64};
	L.t_string = LLVMStructTypeInContext(L.ctx, s, 2, false);
	L.t_slice = LLVMStructTypeInContext(L.ctx, s, 3, false);
	LLVMTypeRef e[2] = {L.t_ptr, L.t_ptr};
	L.t_eface = LLVMStructTypeInContext(L.ctx, e, 2, false);
	LLVMTypeRef c64[2] = {L.t_f32, L.t_f32};
	L.t_c64 = LLVMStructTypeInContext(L.ctx, c64, 2, false);
	LLVMTypeRef c128[2] = {L.t_f64, L.t_f64};
	L.t_c128 = LLVMStructTypeInContext(L.ctx, c128, 2, false);
}

/* The module's triple and data layout come from the same target machine emit.c will use, so the
 * optimiser sees the real ABI (x86-64 SysV, PIC). */
static void init_module(Package *pkg, const Options *opts)
{
	L.pkg = pkg;
	L.opts = opts;
	L.access_extra = -1;
	L.ctx = lower_llvm_context();
	L.mod = LLVMModuleCreateWithNameInContext(pkg->path ? pkg->path : pkg->name, L.ctx);
	L.b = LLVMCreateBuilderInContext(L.ctx);
	LLVMTargetMachineRef tm = emit_target_machine(opts->opt_level);
	char *triple = LLVMGetTargetMachineTriple(tm);
	LLVMSetTarget(L.mod, triple);
	LLVMDisposeMessage(triple);
	L.td = LLVMCreateTargetDataLayout(tm);
	char *layout = LLVMCopyStringRepOfTargetData(L.td);
	LLVMSetDataLayout(L.mod, layout);
	LLVMDisposeMessage(layout);
	init_types();
}

/* Declares every function first (calls need no forward references), then lowers each body, and
 * after each one the function literals it queued. */
static void lower_all_functions(Package *pkg)
{
	for (int i = 0; i < pkg->funcs.len; i++)
		lower_func_decl(pkg->funcs.data[i]);
	for (int i = 0; i < pkg->funcs.len; i++) {
		Object *fn = pkg->funcs.data[i];
		Node *decl = fn->decl;
		Node *body = fn->body ? fn->body : decl ? decl->func_decl.body : NULL;
		if (!body) {
			unsupported_at(fn->pos, "functions without bodies");
			continue;
		}
		if (LLVMGetFirstBasicBlock(lower_func_decl(fn))) { /* //go:linkname made it a second body */
			error_at(fn->pos, "InitTextSym double init for %s", LLVMGetValueName(lower_func_decl(fn)));
			continue;
		}
		lower_function_body(fn, decl, body, NULL);
		lower_pending_func_lits();
	}
}

/* The lowering pipeline, top to bottom, in a fresh Lower for this package (the previous one is
 * restored afterwards, so lowering is re-entrant). The middle stage (middle_package) has run:
 * escape, capture and evaluation-order decisions are on the tree, read as each body is lowered. */
Module *lower_package(Package *pkg, const Options *opts)
{
	Lower *saved = lower_current;
	lower_current = xnew(Lower);
	init_module(pkg, opts);
	di_init(pkg);
	declare_globals(pkg);
	lower_all_functions(pkg);
	lower_atomic_bodies(pkg);
	lower_main_init(pkg);
	lower_pending_func_lits();
	lower_package_record(pkg);
	di_finish();
	Module *m = xnew(Module);
	m->ctx = L.ctx;
	m->mod = L.mod;
	LLVMDisposeBuilder(L.b);
	lower_current = saved;
	return m;
}
