/*
 * lower_atomic.c: bodies for the body-less functions of sync/atomic and internal/abi.
 *
 * In: a package being lowered. Out: for sync/atomic, a definition of each of its 31 operations
 * (SwapInt32 ... StorePointer, declared without bodies in doc.go and written in assembly for gc),
 * and for internal/abi, of FuncPCABI0 and FuncPCABIInternal. Every other body-less function stays
 * the external declaration lower_func_decl made, for the runtime's C to define.
 *
 * The one idea: the operation is spelled in the function's name and its types in its signature,
 * so one rule per verb covers every width: Load is `load atomic`, Store `store atomic`, Swap
 * `atomicrmw xchg`, Add `atomicrmw add` plus the delta (Go returns the new value, LLVM the old),
 * CompareAndSwap `cmpxchg`; all sequentially consistent, as gc's LOCK-prefixed instructions are,
 * and aligned to their size (Go's 64-bit words are 8-aligned on amd64). A nil address faults in
 * the instruction and becomes gc's nil-dereference panic through the signal handler.
 *
 * sync pulls two functions of gc's runtime/internal/atomic by //go:linkname (LoadAcquintptr,
 * StoreReluintptr): wherever such a reference is declared it gets a body too, an acquire load or a
 * release store, linkonce_odr so that several packages (or a C definition) may supply the symbol.
 *
 * FuncPCABI0(f)/FuncPCABIInternal(f) take a func value in an interface: a func is pointer-shaped,
 * so the data word is the closure, whose first word is the code address. gocc has one ABI, so both
 * answer the same.
 *
 * Rejected alternative: C definitions in the runtime (GO_LINKNAME). They would work, but each would
 * be a call the optimiser cannot see through, where gc inlines these as single instructions.
 */
#include "lower.h"

#include <string.h>

typedef enum AtomicVerb { ATOMIC_NONE, ATOMIC_LOAD, ATOMIC_STORE, ATOMIC_SWAP, ATOMIC_ADD, ATOMIC_CAS } AtomicVerb;

/* The verb of a sync/atomic function name (LoadInt32 -> ATOMIC_LOAD), if it is one of the 31. */
static AtomicVerb atomic_verb(const char *name)
{
	static const struct { const char *prefix; AtomicVerb verb; } verbs[] = {
		{"CompareAndSwap", ATOMIC_CAS}, {"Swap", ATOMIC_SWAP}, {"Add", ATOMIC_ADD},
		{"Load", ATOMIC_LOAD}, {"Store", ATOMIC_STORE},
	};
	static const char *const types[] = {"Int32", "Int64", "Uint32", "Uint64", "Uintptr", "Pointer"};
	for (size_t i = 0; i < sizeof verbs / sizeof verbs[0]; i++) {
		size_t n = strlen(verbs[i].prefix);
		if (strncmp(name, verbs[i].prefix, n) != 0)
			continue;
		for (size_t j = 0; j < sizeof types / sizeof types[0]; j++)
			if (strcmp(name + n, types[j]) == 0)
				return verbs[i].verb == ATOMIC_ADD && j == 5 ? ATOMIC_NONE : verbs[i].verb;
	}
	return ATOMIC_NONE;
}

static void set_atomic(LLVMValueRef inst, LLVMTypeRef t, LLVMAtomicOrdering order)
{
	LLVMSetOrdering(inst, order);
	LLVMSetAlignment(inst, (unsigned)LLVMABISizeOfType(L.td, t));
}

/* Starts the body of fn's declaration: one block, no debug location (the code has no Go lines). */
static LLVMValueRef begin_body(Object *fn)
{
	LLVMValueRef f = lower_func_decl(fn);
	LLVMPositionBuilderAtEnd(L.b, LLVMAppendBasicBlockInContext(L.ctx, f, "entry"));
	LLVMSetCurrentDebugLocation2(L.b, NULL);
	return f;
}

static void lower_atomic_func(Object *fn, AtomicVerb verb, LLVMAtomicOrdering order)
{
	LLVMValueRef f = begin_body(fn);
	Sig *sig = lower_sig(lower_obj_type(fn));
	LLVMValueRef addr = LLVMGetParam(f, (unsigned)sig->first_param);
	LLVMValueRef a = sig->nparams > 1 ? LLVMGetParam(f, (unsigned)sig->first_param + 1) : NULL;
	LLVMValueRef b = sig->nparams > 2 ? LLVMGetParam(f, (unsigned)sig->first_param + 2) : NULL;
	LLVMValueRef v;
	switch (verb) {
	case ATOMIC_LOAD: {
		LLVMTypeRef t = lower_type(sig->results[0]);
		v = LLVMBuildLoad2(L.b, t, addr, "");
		set_atomic(v, t, order);
		LLVMBuildRet(L.b, v);
		return;
	}
	case ATOMIC_STORE:
		set_atomic(LLVMBuildStore(L.b, a, addr), LLVMTypeOf(a), order);
		if (sig->nret) /* go1.19's sync declares StoreReluintptr with a result it never reads */
			LLVMBuildRet(L.b, LLVMConstNull(sig->ret));
		else
			LLVMBuildRetVoid(L.b);
		return;
	case ATOMIC_SWAP:
	case ATOMIC_ADD:
		v = LLVMBuildAtomicRMW(L.b, verb == ATOMIC_SWAP ? LLVMAtomicRMWBinOpXchg : LLVMAtomicRMWBinOpAdd,
		                       addr, a, LLVMAtomicOrderingSequentiallyConsistent, false);
		LLVMSetAlignment(v, (unsigned)LLVMABISizeOfType(L.td, LLVMTypeOf(a)));
		LLVMBuildRet(L.b, verb == ATOMIC_ADD ? LLVMBuildAdd(L.b, v, a, "new") : v);
		return;
	case ATOMIC_CAS:
		v = LLVMBuildAtomicCmpXchg(L.b, addr, a, b, LLVMAtomicOrderingSequentiallyConsistent,
		                           LLVMAtomicOrderingSequentiallyConsistent, false);
		LLVMSetAlignment(v, (unsigned)LLVMABISizeOfType(L.td, LLVMTypeOf(a)));
		LLVMBuildRet(L.b, LLVMBuildExtractValue(L.b, v, 1, "swapped"));
		return;
	case ATOMIC_NONE:
		break;
	}
	internal_error("lower_atomic_func: %s", fn->name);
}

/* FuncPCABI0(f interface{}) uintptr: the code word of the closure in the interface's data word. */
static void lower_funcpc(Object *fn)
{
	LLVMValueRef f = begin_body(fn);
	Sig *sig = lower_sig(lower_obj_type(fn));
	LLVMValueRef e = LLVMGetParam(f, (unsigned)sig->first_param);
	LLVMValueRef closure = LLVMBuildExtractValue(L.b, e, 1, "closure");
	LLVMValueRef code = LLVMBuildLoad2(L.b, L.t_ptr, closure, "code");
	LLVMBuildRet(L.b, LLVMBuildPtrToInt(L.b, code, L.t_i64, ""));
}

/* A //go:linkname reference to runtime/internal/atomic's LoadAcquintptr or StoreReluintptr. */
static void lower_runtime_atomic(Object *fn)
{
	AtomicVerb verb = ATOMIC_NONE;
	LLVMAtomicOrdering order = LLVMAtomicOrderingAcquire;
	if (strcmp(fn->link_name, "runtime/internal/atomic.LoadAcquintptr") == 0) {
		verb = ATOMIC_LOAD;
	} else if (strcmp(fn->link_name, "runtime/internal/atomic.StoreReluintptr") == 0) {
		verb = ATOMIC_STORE;
		order = LLVMAtomicOrderingRelease;
	}
	if (verb == ATOMIC_NONE)
		return;
	lower_atomic_func(fn, verb, order);
	LLVMValueRef f = lower_func_decl(fn);
	LLVMSetLinkage(f, LLVMLinkOnceODRLinkage);
	LLVMSetVisibility(f, LLVMHiddenVisibility);
}

void lower_atomic_bodies(Package *pkg)
{
	bool atomic = strcmp(pkg->path, "sync/atomic") == 0, abi = strcmp(pkg->path, "internal/abi") == 0;
	for (int fi = 0; fi < pkg->files.len; fi++) {
		Node *file = pkg->files.data[fi];
		for (int i = 0; i < file->file.decls.len; i++) {
			Node *d = file->file.decls.data[i];
			if (d->kind != ND_FUNC_DECL || d->func_decl.body || d->func_decl.recv || !d->func_decl.obj)
				continue;
			Object *fn = d->func_decl.obj;
			AtomicVerb verb = atomic ? atomic_verb(fn->name) : ATOMIC_NONE;
			if (verb != ATOMIC_NONE)
				lower_atomic_func(fn, verb, LLVMAtomicOrderingSequentiallyConsistent);
			else if (fn->linkname)
				lower_runtime_atomic(fn);
			else if (abi && (strcmp(fn->name, "FuncPCABI0") == 0 || strcmp(fn->name, "FuncPCABIInternal") == 0))
				lower_funcpc(fn);
		}
	}
}
