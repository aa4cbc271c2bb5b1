/*
 * lower_iface.c: interfaces with methods: conversions to and between them, and method calls
 * through their itabs (runtime.def, section "Interfaces", is the contract).
 *
 * In: values whose static type is a non-empty interface, or a concrete value converted to one.
 * Out: GoIface {itab, data} values and calls through itab->fun[k]; method values x.M (a closure
 * {"I.M-fm", itab, data}) and method expressions I.M (the function "I.M" taking the interface first),
 * both wrappers that call through the itab.
 *
 * The one idea: when the pair (I, T) is known at compile time the itab is a constant global,
 * "go:itab.T,I" (gc's name), linkonce_odr like the descriptors it points to, with fun[] in the
 * order of I's methods (sorted by name then pkgpath) holding T's `ifn` entry points
 * (lower_methods.c). Everything else (I1 -> I2 conversions, assertions) asks the runtime, which
 * builds and caches the itabs it was not given. The data word is built exactly as for interface{}
 * (lower_eface), so an iface and an eface differ only in their first word.
 */
#include "lower.h"

#include <llvm-c/Comdat.h>

#include <string.h>

/* The constant itab of (iface, t): t implements iface (the checker made sure). Its entries refer
 * to the code itself, not to method slots (lower_method_slot): LLVM turns a call through a constant
 * itab into a direct call and inlines it, which a weak slot would prevent. The slots' names ride
 * along as the metadata "gocc.slots", and once LLVM has optimised, lower_itab_slots points the
 * entries at them, so that a method only a constant itab mentions is dropped by the link unless
 * something calls its name through an interface (driver/deadmethod.c). */
LLVMValueRef lower_itab(Type *iface, Type *t)
{
	const char *name = xsprintf("go:itab.%s,%s", type_link_string(t), type_link_string(iface));
	LLVMValueRef g = LLVMGetNamedGlobal(L.mod, name);
	if (g)
		return g;
	Type *iu = type_underlying(iface);
	type_iface_complete(iu);
	int n = iu->iface.nmethods;
	LLVMValueRef *fun = lower_value_array(n);
	LLVMMetadataRef *slots = xalloc(sizeof *slots * (size_t)(n + 1));
	bool any = false;
	for (int i = 0; i < n; i++) {
		fun[i] = lower_method_ifn(t, iu->iface.methods[i]);
		const char *slot = lower_method_slot_name(type_link_string(t), iu->iface.methods[i]->name, fun[i]);
		any |= slot != NULL;
		slot = slot ? slot : "";
		slots[i] = LLVMMDStringInContext2(L.ctx, slot, strlen(slot));
	}
	struct { LLVMValueRef inter, type, hash; } r = {
		lower_typedesc(iface), lower_typedesc(t), LLVMConstInt(L.t_i64, lower_type_hash(t), false),
	};
	LLVMValueRef v[8];
	int k = 0;
#define ITAB_FIELD(vocab, name) v[k++] = r.name;
#include "runtime.def"
	v[k++] = LLVMConstArray2(L.t_ptr, fun, (uint64_t)n);
	LLVMValueRef init = LLVMConstStructInContext(L.ctx, v, (unsigned)k, false);
	g = LLVMAddGlobal(L.mod, LLVMTypeOf(init), name);
	LLVMSetInitializer(g, init);
	LLVMSetGlobalConstant(g, true);
	LLVMSetAlignment(g, 8);
	lower_set_linkonce(g);
	if (any)
		LLVMGlobalSetMetadata(g, LLVMGetMDKindIDInContext(L.ctx, "gocc.slots", 10),
		                      LLVMMDNodeInContext2(L.ctx, slots, (size_t)n));
	return g;
}

/* Entry k of a constant itab after optimisation: the slot named by its metadata, when the entry
 * still is the function the slot names. */
static LLVMValueRef itab_entry_slot(LLVMModuleRef mod, LLVMValueRef fn, LLVMValueRef md)
{
	unsigned n = 0;
	const char *slot = LLVMGetMDString(md, &n);
	if (!slot || n == 0 || !LLVMIsAFunction(fn))
		return fn;
	size_t fl;
	const char *fname = LLVMGetValueName2(fn, &fl);
	const char *bar = memrchr(slot, '|', n);
	if (!bar || (size_t)(slot + n - (bar + 1)) != fl || memcmp(bar + 1, fname, fl) != 0)
		return fn;
	return lower_link_slot(mod, xstrndup(slot, n));
}

void lower_itab_slots(LLVMModuleRef mod)
{
	LLVMContextRef ctx = LLVMGetModuleContext(mod);
	unsigned kind = LLVMGetMDKindIDInContext(ctx, "gocc.slots", 10);
	for (LLVMValueRef g = LLVMGetFirstGlobal(mod); g; g = LLVMGetNextGlobal(g)) {
		size_t nmd;
		LLVMValueMetadataEntry *mds = LLVMGlobalCopyAllMetadata(g, &nmd);
		LLVMMetadataRef md = NULL;
		for (size_t i = 0; i < nmd; i++)
			if (LLVMValueMetadataEntriesGetKind(mds, (unsigned)i) == kind)
				md = LLVMValueMetadataEntriesGetMetadata(mds, (unsigned)i);
		if (mds)
			LLVMDisposeValueMetadataEntries(mds);
		LLVMValueRef init = md && !LLVMIsDeclaration(g) ? LLVMGetInitializer(g) : NULL;
		if (!init || !LLVMIsAConstantStruct(init))
			continue;
		LLVMValueRef node = LLVMMetadataAsValue(ctx, md);
		unsigned nops = LLVMGetNumOperands(init);
		LLVMValueRef arr = LLVMGetOperand(init, nops - 1);
		unsigned n = LLVMGetMDNodeNumOperands(node);
		if (!LLVMIsAConstantArray(arr) || (unsigned)LLVMGetNumOperands(arr) != n)
			continue;
		LLVMValueRef *ops = xalloc(sizeof *ops * (n + 1)), *mdops = xalloc(sizeof *mdops * (n + 1));
		LLVMGetMDNodeOperands(node, mdops);
		for (unsigned i = 0; i < n; i++)
			ops[i] = itab_entry_slot(mod, LLVMGetOperand(arr, i), mdops[i]);
		LLVMValueRef *fields = xalloc(sizeof *fields * nops);
		for (unsigned i = 0; i + 1 < nops; i++)
			fields[i] = LLVMGetOperand(init, i);
		fields[nops - 1] = LLVMConstArray2(LLVMPointerTypeInContext(ctx, 0), ops, n);
		LLVMSetInitializer(g, LLVMConstStructInContext(ctx, fields, nops, false));
		LLVMGlobalEraseMetadata(g, kind);
	}
}

/* The dynamic type of a non-empty interface value: itab->type, or NULL for the nil interface. */
static LLVMValueRef itab_type(LLVMValueRef itab)
{
	LLVMValueRef isnil = LLVMBuildICmp(L.b, LLVMIntEQ, itab, LLVMConstNull(L.t_ptr), "");
	LLVMValueRef safe = LLVMBuildSelect(L.b, isnil, lower_typedesc(type_basic(TY_INT)), itab, "");
	LLVMValueRef t = LLVMBuildLoad2(L.b, L.t_ptr, lower_gep(safe, 8), "dyntype");
	LLVMSetAlignment(t, 8);
	return LLVMBuildSelect(L.b, isnil, LLVMConstNull(L.t_ptr), t, "");
}

/* v of interface type `from` as a value of interface type `to`. */
static LLVMValueRef iface_to_iface(LLVMValueRef v, Type *from, Type *to)
{
	bool from_ne = type_is_nonempty_iface(from), to_ne = type_is_nonempty_iface(to);
	if (!from_ne && !to_ne)
		return v;
	LLVMValueRef word = LLVMBuildExtractValue(L.b, v, 0, "");
	if (from_ne && !to_ne)
		return LLVMBuildInsertValue(L.b, v, itab_type(word), 0, "");
	if (from_ne && type_identical(type_underlying(from), type_underlying(to)))
		return v;
	if (!from_ne)
		internal_error("conversion of %s to %s", type_string(from), type_string(to));
	LLVMValueRef args[2] = {lower_typedesc(to), word};
	return LLVMBuildInsertValue(L.b, v, lower_call_runtime(RT_convI2I, args, 2), 0, "");
}

/* v of interface type t as an interface{} (panic values). */
LLVMValueRef lower_iface_to_eface(LLVMValueRef v, Type *t)
{
	if (!type_is_nonempty_iface(t))
		return v;
	return LLVMBuildInsertValue(L.b, v, itab_type(LLVMBuildExtractValue(L.b, v, 0, "")), 0, "");
}

/* v of type `from` converted to interface type `to` (either may be an interface). */
LLVMValueRef lower_to_iface(LLVMValueRef v, Type *from, Type *to)
{
	if (type_is_untyped(from))
		from = type_default(from);
	if (type_underlying(from)->kind == TY_INTERFACE)
		return iface_to_iface(v, from, to);
	LLVMValueRef e = lower_eface(v, from);
	if (!type_is_nonempty_iface(to))
		return e;
	return LLVMBuildInsertValue(L.b, e, lower_itab(to, from), 0, "");
}

/* ---- method calls ------------------------------------------------------------------------- */

/* Index of method m in the sorted method list of interface type t. */
static int imethod_index(Type *t, Object *m)
{
	Type *u = type_underlying(t);
	type_iface_complete(u);
	for (int i = 0; i < u->iface.nmethods; i++)
		if (u->iface.methods[i] == m || !strcmp(u->iface.methods[i]->name, m->name))
			return i;
	internal_error("method %s not in %s", m->name, type_string(t));
}

/* The signature of itab->fun[k]: the method's, its receiver replaced by the data word. */
Sig *lower_imethod_sig(Object *m)
{
	Type *ft = lower_obj_type(m);
	Type *t = type_new(TY_FUNC);
	t->func = ft->func;
	t->func.recv = type_basic(TY_UNSAFE_POINTER);
	return lower_sig(t);
}

/* Marks the current function as calling methods named `name` through an interface: a relocation of
 * type R_X86_64_NONE (no bytes change) from the function's section to "go.iname.NAME", a 1-byte
 * linkonce_odr symbol in a comdat of its own. The symbol survives --gc-sections exactly when a
 * reachable function calls such a method, which is how the link (driver/deadmethod.c) learns which
 * method names must keep their code; gc's linker reads the same fact from R_USEIFACEMETHOD. */
void lower_mark_icall(const char *name)
{
	if (strchr(name, '"'))
		return;
	const char *sym = xsprintf("go.iname.%s", name);
	if (!LLVMGetNamedGlobal(L.mod, sym)) {
		LLVMValueRef g = LLVMAddGlobal(L.mod, L.t_i8, sym);
		LLVMSetInitializer(g, LLVMConstInt(L.t_i8, 0, false));
		LLVMSetGlobalConstant(g, true);
		LLVMSetLinkage(g, LLVMLinkOnceODRLinkage);
		LLVMSetComdat(g, LLVMGetOrInsertComdat(L.mod, sym));
	}
	const char *text = xsprintf(".reloc ., R_X86_64_NONE, \"%s\"", sym);
	LLVMTypeRef fty = LLVMFunctionType(LLVMVoidTypeInContext(L.ctx), NULL, 0, false);
	LLVMValueRef asm_ = LLVMGetInlineAsm(fty, (char *)text, strlen(text), "", 0, true, false,
	                                     LLVMInlineAsmDialectATT, false);
	LLVMBuildCall2(L.b, fty, asm_, NULL, 0, "");
}

/* The code pointer of method m of interface value iv (of interface type t), and its data word.
 * A nil interface is a nil pointer dereference at addr=0x0, as go1.19 reports it. */
LLVMValueRef lower_imethod_code(LLVMValueRef iv, Type *t, Object *m, LLVMValueRef *data)
{
	int k = imethod_index(t, m);
	lower_mark_icall(m->name);
	int64_t off = 24 + 8 * (int64_t)k;
	LLVMValueRef itab = LLVMBuildExtractValue(L.b, iv, 0, "itab");
	*data = LLVMBuildExtractValue(L.b, iv, 1, "data");
	lower_check_nil(itab);
	LLVMValueRef code = LLVMBuildLoad2(L.b, L.t_ptr, lower_gep(itab, off), "ifn");
	LLVMSetAlignment(code, 8);
	LLVMSetMetadata(code, LLVMGetMDKindIDInContext(L.ctx, "invariant.load", 14), LLVMMetadataAsValue(L.ctx, LLVMMDNodeInContext2(L.ctx, NULL, 0)));
	return code;
}

/* An interface's method: no body, and its signature's receiver is the interface type. */
bool lower_is_interface_method(Object *m)
{
	Type *ft = lower_obj_type(m);
	Type *recv = ft && ft->kind == TY_FUNC ? ft->func.recv : NULL;
	return !m->body && recv && type_underlying(recv)->kind == TY_INTERFACE;
}

void lower_iface_forward_call(LLVMValueRef iv, Type *t, Object *m, Sig *wsig, int from)
{
	LLVMValueRef data;
	LLVMValueRef code = lower_imethod_code(iv, t, m, &data);
	lower_forward_call_to(lower_imethod_sig(m), code, data, wsig, from);
}

/* ---- method values and method expressions ------------------------------------------------- */

/* A wrapper `name` with signature sig that calls method m of an interface value of type t: the
 * value bound in its closure after the code word (method values, "I.M-fm"), or its first parameter
 * (method expressions, "I.M"). */
static LLVMValueRef imethod_wrapper(const char *name, Type *t, Object *m, Sig *sig, bool bound, Pos pos)
{
	LLVMValueRef fn = LLVMGetNamedFunction(L.mod, name);
	if (fn)
		return fn;
	Wrapper w;
	fn = lower_begin_wrapper(&w, name, sig, pos);
	lower_set_linkonce(fn);
	if (bound)
		lower_iface_forward_call(lower_load(t, lower_gep(w.f.ctx, 8)), t, m, sig, 0);
	else
		lower_iface_forward_call(LLVMGetParam(fn, (unsigned)sig->first_param), t, m, sig, 1);
	lower_end_wrapper(&w);
	return fn;
}

/* x.M for an interface x: x is evaluated and its itab nil-checked now (gc's walkMethodValue: a nil
 * interface faults at the method value, not at its call), then bound in {"I.M-fm", itab, data}. */
LLVMValueRef lower_iface_method_value(Node *sel)
{
	Type *t;
	LLVMValueRef iv = lower_iface_receiver(sel, &t);
	lower_set_pos(sel->pos);
	lower_check_nil(LLVMBuildExtractValue(L.b, iv, 0, "itab"));
	Object *m = sel->selector.obj;
	const char *name = xsprintf("%s.%s-fm", type_link_string(t), m->name);
	LLVMValueRef code = imethod_wrapper(name, t, m, lower_sig(lower_type_of(sel)), true, sel->pos);
	LLVMValueRef clo = lower_new(type_array(type_basic(TY_UNSAFE_POINTER), 3));
	LLVMValueRef st = LLVMBuildStore(L.b, code, clo);
	LLVMSetAlignment(st, 8);
	lower_store(t, lower_gep(clo, 8), iv);
	return clo;
}

/* I.M as a value: func(I, params) results, the function "I.M" (gc's name) that calls its first
 * argument's method M, as a constant closure. */
LLVMValueRef lower_iface_method_expr(Node *sel)
{
	Type *t = lower_type_of(sel->selector.x);
	Object *m = sel->selector.obj;
	const char *name = xsprintf("%s.%s", type_link_string(t), m->name);
	return lower_static_closure(imethod_wrapper(name, t, m, lower_sig(lower_type_of(sel)), false, sel->pos));
}

/* ---- type assertions ---------------------------------------------------------------------- */

/* The value of dynamic type t held in data word `data` (aggregates: a fresh copy). */
LLVMValueRef lower_iface_unbox(Type *t, LLVMValueRef data)
{
	if (!type_is_direct_iface(t))
		return lower_copy_to_temp(t, lower_load(t, data));
	if (!type_is_aggregate(t))
		return data;
	LLVMValueRef tmp = lower_alloca(t, "unboxed");
	LLVMValueRef st = LLVMBuildStore(L.b, data, tmp);
	LLVMSetAlignment(st, 8);
	return tmp;
}

/* The dynamic type (descriptor, NULL when nil) of interface value v of static type xt. */
LLVMValueRef lower_iface_dyntype(LLVMValueRef v, Type *xt)
{
	LLVMValueRef word = LLVMBuildExtractValue(L.b, v, 0, "");
	return type_is_nonempty_iface(xt) ? itab_type(word) : word;
}

/* Does interface value v (static type xt) hold dynamic type t? */
static LLVMValueRef holds_type(LLVMValueRef v, Type *xt, Type *t)
{
	return LLVMBuildICmp(L.b, LLVMIntEQ, lower_iface_dyntype(v, xt), lower_typedesc(t), "istype");
}

/* x.(T) for a concrete T: inline comparison, panicdottypeE/I on failure. */
static LLVMValueRef assert_concrete(LLVMValueRef v, Type *xt, Type *t)
{
	LLVMValueRef word = LLVMBuildExtractValue(L.b, v, 0, "");
	LLVMValueRef args[3] = {word, lower_typedesc(t), lower_typedesc(xt)};
	lower_panic_if(LLVMBuildNot(L.b, holds_type(v, xt, t), ""),
	               type_is_nonempty_iface(xt) ? RT_panicdottypeI : RT_panicdottypeE, args, 3);
	return lower_iface_unbox(t, LLVMBuildExtractValue(L.b, v, 1, "data"));
}

/* x.(I) for an interface type I: the runtime finds (or builds) the itab or panics. */
static LLVMValueRef assert_iface(LLVMValueRef v, Type *xt, Type *t)
{
	LLVMValueRef word = LLVMBuildExtractValue(L.b, v, 0, "");
	LLVMValueRef args[2] = {lower_typedesc(t), word};
	if (!type_is_nonempty_iface(t)) {
		/* x.(interface{}): only a nil x fails (assertE2I's text, "interface is nil, not ...") */
		LLVMValueRef dyn = type_is_nonempty_iface(xt) ? itab_type(word) : word;
		LLVMValueRef isnil = LLVMBuildICmp(L.b, LLVMIntEQ, dyn, LLVMConstNull(L.t_ptr), "");
		lower_panic_if(isnil, RT_panicnildottype, args, 1);
		return LLVMBuildInsertValue(L.b, v, dyn, 0, "");
	}
	RuntimeFn f = type_is_nonempty_iface(xt) ? RT_assertI2I : RT_assertE2I;
	return LLVMBuildInsertValue(L.b, v, lower_call_runtime(f, args, 2), 0, "");
}

static Type *asserted_type(Node *e)
{
	Type *t = lower_type_of(e);
	return t->kind == TY_TUPLE ? t->tuple.types[0] : t;
}

/* x.(T) in a single-value context. */
LLVMValueRef lower_type_assert(Node *e)
{
	Node *x = e->type_assert.x;
	Type *t = asserted_type(e);
	LLVMValueRef v = lower_expr(x);
	lower_set_pos(e->pos);
	if (type_underlying(t)->kind == TY_INTERFACE)
		return assert_iface(v, lower_type_of(x), t);
	return assert_concrete(v, lower_type_of(x), t);
}

/* v, ok := x.(T) for a concrete T: the value is T's zero value when !ok. */
static LLVMValueRef assert_concrete_ok(LLVMValueRef v, Type *xt, Type *t, LLVMValueRef *ok)
{
	*ok = holds_type(v, xt, t);
	LLVMValueRef res = lower_alloca(t, "assert");
	lower_store(t, res, lower_zero_value(t));
	LLVMBasicBlockRef yes = lower_block("assert.ok"), done = lower_block("assert.done");
	LLVMBuildCondBr(L.b, *ok, yes, done);
	lower_position_at_end(yes);
	lower_store(t, res, lower_iface_unbox(t, LLVMBuildExtractValue(L.b, v, 1, "data")));
	LLVMBuildBr(L.b, done);
	lower_position_at_end(done);
	return lower_copy_to_temp(t, lower_load(t, res));
}

/* v, ok := x.(I): assertE2I2/assertI2I2 ({nil, nil} on failure), or a nil test for interface{}. */
static LLVMValueRef assert_iface_ok(LLVMValueRef v, Type *xt, Type *t, LLVMValueRef *ok)
{
	LLVMValueRef r;
	if (!type_is_nonempty_iface(t)) {
		r = iface_to_iface(v, xt, t);
	} else {
		LLVMValueRef args[2] = {lower_typedesc(t), v};
		r = lower_call_runtime(type_is_nonempty_iface(xt) ? RT_assertI2I2 : RT_assertE2I2, args, 2);
	}
	LLVMValueRef word = LLVMBuildExtractValue(L.b, r, 0, "");
	*ok = LLVMBuildICmp(L.b, LLVMIntNE, word, LLVMConstNull(L.t_ptr), "ok");
	return r;
}

/* v, ok := x.(T): vals[0] the value, vals[1] the bool. */
int lower_type_assert_ok(Node *e, LLVMValueRef *vals, Type **types)
{
	Node *x = e->type_assert.x;
	Type *t = asserted_type(e);
	LLVMValueRef v = lower_expr(x);
	lower_set_pos(e->pos);
	if (type_underlying(t)->kind == TY_INTERFACE)
		vals[0] = assert_iface_ok(v, lower_type_of(x), t, &vals[1]);
	else
		vals[0] = assert_concrete_ok(v, lower_type_of(x), t, &vals[1]);
	types[0] = t;
	types[1] = type_basic(TY_BOOL);
	return 2;
}

/* ---- comparison --------------------------------------------------------------------------- */

/* x == y for two values of interface type t: equal dynamic types (itab->type for non-empty
 * interfaces, since a static and a runtime-built itab of one pair differ in address), then nil,
 * or the type's equality on the data words (efaceeq: panics on uncomparable dynamic types). */
LLVMValueRef lower_iface_equal(Type *t, LLVMValueRef x, LLVMValueRef y)
{
	bool ne = type_is_nonempty_iface(t);
	LLVMValueRef dx = LLVMBuildExtractValue(L.b, x, 0, ""), dy = LLVMBuildExtractValue(L.b, y, 0, "");
	if (ne) {
		dx = itab_type(dx);
		dy = itab_type(dy);
	}
	LLVMBasicBlockRef entry = LLVMGetInsertBlock(L.b);
	LLVMBasicBlockRef check = lower_block("ieq.nil"), call = lower_block("ieq.data"), done = lower_block("ieq.done");
	LLVMBuildCondBr(L.b, LLVMBuildICmp(L.b, LLVMIntEQ, dx, dy, ""), check, done);
	lower_position_at_end(check);
	LLVMBuildCondBr(L.b, LLVMBuildICmp(L.b, LLVMIntEQ, dx, LLVMConstNull(L.t_ptr), ""), done, call);
	lower_position_at_end(call);
	LLVMValueRef args[3] = {dx, LLVMBuildExtractValue(L.b, x, 1, ""), LLVMBuildExtractValue(L.b, y, 1, "")};
	LLVMValueRef r = lower_call_runtime(RT_efaceeq, args, 3);
	LLVMBasicBlockRef call_end = LLVMGetInsertBlock(L.b);
	LLVMBuildBr(L.b, done);
	lower_position_at_end(done);
	LLVMValueRef phi = LLVMBuildPhi(L.b, L.t_i1, "ieq");
	LLVMValueRef pv[3] = {LLVMConstInt(L.t_i1, 0, false), LLVMConstInt(L.t_i1, 1, false), r};
	LLVMBasicBlockRef pb[3] = {entry, check, call_end};
	LLVMAddIncoming(phi, pv, pb, 3);
	return phi;
}
