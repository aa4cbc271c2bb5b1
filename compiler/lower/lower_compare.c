/*
 * lower_compare.c: == on structs and arrays, and complex division.
 *
 * In: the addresses of two aggregate values of the same type. Out: an i1, computed inline: types
 * whose equality is plain memory equality (no floats, strings, interfaces or padding) compare bytes
 * with memcmp, which LLVM expands inline for small sizes; other structs compare field by field
 * (blank fields ignored, runs of plain-memory fields as one memcmp, stopping at the first
 * difference), other arrays element by element in a
 * loop. This is what gc's generated type..eq functions do, without the call.
 *
 * Complex division follows runtime/complex.go's complex128div (Smith's algorithm plus the C99
 * infinity/NaN corrections), emitted once as an internal LLVM function; complex64 divides in
 * complex128 and rounds back, as gc does.
 */
#include "lower.h"

#include <string.h>

static AlgKind struct_alg_kind(Type *u);

/* How == and hashing work on t: gc's types.AlgType, case for case. ALG_MEM is plain memory (no
 * floats, strings, interfaces, padding or blank fields); a one-field struct and a one-element array
 * compare as their element; other structs and arrays of non-memory elements are ALG_SPECIAL
 * (compared field by field / element by element); funcs, maps and slices (and aggregates holding
 * them) are ALG_NOEQ. Type descriptors pick their equal/hash functions from it (lower_typedesc.c). */
AlgKind lower_alg_kind(Type *t)
{
	Type *u = type_underlying(t);
	switch (u->kind) {
	case TY_FLOAT32: return ALG_F32;
	case TY_FLOAT64: return ALG_F64;
	case TY_COMPLEX64: return ALG_C64;
	case TY_COMPLEX128: return ALG_C128;
	case TY_STRING: return ALG_STRING;
	case TY_INTERFACE:
		return type_is_empty_iface(u) ? ALG_NILINTER : ALG_INTER;
	case TY_SLICE: case TY_MAP: case TY_FUNC: return ALG_NOEQ;
	case TY_ARRAY: {
		AlgKind a = lower_alg_kind(u->array.elem);
		if (a == ALG_MEM || a == ALG_NOEQ)
			return a;
		return u->array.len == 0 ? ALG_MEM : u->array.len == 1 ? a : ALG_SPECIAL;
	}
	case TY_STRUCT: return struct_alg_kind(u);
	default: return ALG_MEM;
	}
}

static AlgKind struct_alg_kind(Type *u)
{
	int n = u->strct.nfields;
	if (n == 1 && u->strct.fields[0]->name != intern("_", 1))
		return lower_alg_kind(u->strct.fields[0]->type);
	AlgKind ret = ALG_MEM;
	for (int i = 0; i < n; i++) {
		Field *f = u->strct.fields[i];
		AlgKind a = lower_alg_kind(f->type);
		if (a == ALG_NOEQ)
			return ALG_NOEQ;
		int64_t next = i + 1 < n ? type_field_offset(u, i + 1) : type_size(u);
		bool padded = type_field_offset(u, i) + type_size(f->type) != next;
		if (a != ALG_MEM || f->name == intern("_", 1) || padded)
			ret = ALG_SPECIAL;
	}
	return ret;
}

/* Can == on t be done by comparing memory? (gc's IsRegularMemory.) The type descriptor's
 * TFLAG_REGULAR_MEMORY bit says the same to the runtime. */
bool lower_is_regular_memory(Type *t)
{
	return lower_alg_kind(t) == ALG_MEM;
}

/* memcmp(a, b, n) == 0 through libc's memcmp, which LLVM knows: it becomes bcmp, and inline loads
 * and compares when n is a small constant (e.g. comparing with a string literal). */
LLVMValueRef lower_memcmp_eq(LLVMValueRef a, LLVMValueRef b, LLVMValueRef n)
{
	LLVMValueRef fn = LLVMGetNamedFunction(L.mod, "memcmp");
	LLVMTypeRef params[3] = {L.t_ptr, L.t_ptr, L.t_i64};
	LLVMTypeRef fnty = LLVMFunctionType(L.t_i32, params, 3, false);
	if (!fn)
		fn = LLVMAddFunction(L.mod, "memcmp", fnty);
	LLVMValueRef args[3] = {a, b, n};
	LLVMValueRef r = LLVMBuildCall2(L.b, fnty, fn, args, 3, "");
	return LLVMBuildICmp(L.b, LLVMIntEQ, r, LLVMConstInt(L.t_i32, 0, false), "");
}

static LLVMValueRef memcmp_equal(LLVMValueRef a, LLVMValueRef b, int64_t size)
{
	return lower_memcmp_eq(a, b, i64c(size));
}

static LLVMValueRef equal_at(Type *t, LLVMValueRef a, LLVMValueRef b);

/* The end of the run of fields from i on that == can compare as one block of memory (gc's memrun):
 * consecutive, non-blank, regular-memory fields with no padding between them. Returns the index
 * after the run (i itself when field i starts no run). */
static int memory_run_end(Type *u, int i)
{
	int j = i;
	int64_t end = type_field_offset(u, i);
	while (j < u->strct.nfields) {
		Field *f = u->strct.fields[j];
		if (f->name == intern("_", 1) || type_field_offset(u, j) != end || !lower_is_regular_memory(f->type))
			break;
		end += type_size(f->type);
		j++;
	}
	return j;
}

/* The equality of field i, or of the run of memory fields starting at i (one memcmp; *next is set
 * past the run), or NULL when there is nothing to compare (blank or zero-size). */
static LLVMValueRef field_equal(Type *u, int i, int *next, LLVMValueRef a, LLVMValueRef b)
{
	Field *f = u->strct.fields[i];
	int64_t off = type_field_offset(u, i);
	int end = memory_run_end(u, i);
	*next = end > i ? end : i + 1;
	if (end > i + 1) {
		Field *last = u->strct.fields[end - 1];
		int64_t size = type_field_offset(u, end - 1) + type_size(last->type) - off;
		return size == 0 ? NULL : memcmp_equal(lower_gep(a, off), lower_gep(b, off), size);
	}
	if (f->name == intern("_", 1) || type_size(f->type) == 0)
		return NULL;
	return equal_at(f->type, lower_gep(a, off), lower_gep(b, off));
}

/* Field by field (runs of plain-memory fields as one memcmp); blocks chain to `done` at the first
 * difference, so a struct of n fields needs at most n+1 phi inputs. */
static LLVMValueRef struct_equal(Type *u, LLVMValueRef a, LLVMValueRef b)
{
	LLVMBasicBlockRef done = lower_block("eq.done");
	LLVMValueRef *phi_vals = lower_value_array(u->strct.nfields + 1);
	LLVMBasicBlockRef *phi_bbs = xalloc(sizeof(LLVMBasicBlockRef) * (size_t)(u->strct.nfields + 1));
	int n = 0;
	for (int i = 0, next; i < u->strct.nfields; i = next) {
		LLVMValueRef eq = field_equal(u, i, &next, a, b);
		if (!eq)
			continue;
		LLVMBasicBlockRef then = lower_block("eq.next");
		phi_vals[n] = LLVMConstInt(L.t_i1, 0, false);
		phi_bbs[n++] = LLVMGetInsertBlock(L.b);
		LLVMBuildCondBr(L.b, eq, then, done);
		lower_position_at_end(then);
	}
	phi_vals[n] = LLVMConstInt(L.t_i1, 1, false);
	phi_bbs[n++] = LLVMGetInsertBlock(L.b);
	LLVMBuildBr(L.b, done);
	lower_position_at_end(done);
	LLVMValueRef phi = LLVMBuildPhi(L.b, L.t_i1, "eq");
	LLVMAddIncoming(phi, phi_vals, phi_bbs, (unsigned)n);
	return phi;
}

static LLVMValueRef array_equal(Type *u, LLVMValueRef a, LLVMValueRef b)
{
	Type *elem = u->array.elem;
	LLVMBasicBlockRef entry = LLVMGetInsertBlock(L.b);
	LLVMBasicBlockRef head = lower_block("aeq.head");
	LLVMBasicBlockRef body = lower_block("aeq.body");
	LLVMBasicBlockRef done = lower_block("aeq.done");
	LLVMBuildBr(L.b, head);
	lower_position_at_end(head);
	LLVMValueRef i = LLVMBuildPhi(L.b, L.t_i64, "i");
	LLVMValueRef more = LLVMBuildICmp(L.b, LLVMIntSLT, i, i64c(u->array.len), "");
	LLVMBuildCondBr(L.b, more, body, done);
	lower_position_at_end(body);
	LLVMValueRef eq = equal_at(elem, lower_index_addr(elem, a, i), lower_index_addr(elem, b, i));
	LLVMValueRef inext = LLVMBuildAdd(L.b, i, i64c(1), "");
	LLVMBasicBlockRef body_end = LLVMGetInsertBlock(L.b);
	LLVMBuildCondBr(L.b, eq, head, done);
	LLVMValueRef iv[2] = {i64c(0), inext};
	LLVMBasicBlockRef ib[2] = {entry, body_end};
	LLVMAddIncoming(i, iv, ib, 2);
	lower_position_at_end(done);
	LLVMValueRef phi = LLVMBuildPhi(L.b, L.t_i1, "aeq");
	LLVMValueRef pv[2] = {LLVMConstInt(L.t_i1, 1, false), LLVMConstInt(L.t_i1, 0, false)};
	LLVMBasicBlockRef pb[2] = {head, body_end};
	LLVMAddIncoming(phi, pv, pb, 2);
	return phi;
}

static LLVMValueRef equal_at(Type *t, LLVMValueRef a, LLVMValueRef b)
{
	Type *u = type_underlying(t);
	if (lower_is_regular_memory(t))
		return type_size(t) == 0 ? LLVMConstInt(L.t_i1, 1, false) : memcmp_equal(a, b, type_size(t));
	if (u->kind == TY_STRUCT)
		return struct_equal(u, a, b);
	if (u->kind == TY_ARRAY)
		return array_equal(u, a, b);
	LLVMValueRef r = lower_compare(TOK_EQL, t, lower_load(t, a), lower_load(t, b));
	if (!r)
		lower_unsupported(nopos, "comparing interfaces");
	return r;
}

LLVMValueRef lower_equal_mem(Type *t, LLVMValueRef a, LLVMValueRef b)
{
	return equal_at(t, a, b);
}

/* ---- complex division ------------------------------------------------------------------------ */

static LLVMValueRef fabs_of(LLVMValueRef x)
{
	LLVMTypeRef fnty, t = L.t_f64;
	LLVMValueRef fn = lower_intrinsic("llvm.fabs", &t, 1, &fnty);
	return LLVMBuildCall2(L.b, fnty, fn, &x, 1, "");
}

static LLVMValueRef copysign_of(LLVMValueRef x, LLVMValueRef y)
{
	LLVMTypeRef fnty, t = L.t_f64;
	LLVMValueRef fn = lower_intrinsic("llvm.copysign", &t, 1, &fnty);
	LLVMValueRef a[2] = {x, y};
	return LLVMBuildCall2(L.b, fnty, fn, a, 2, "");
}

static LLVMValueRef is_nan(LLVMValueRef x)
{
	return LLVMBuildFCmp(L.b, LLVMRealUNO, x, x, "");
}

static LLVMValueRef is_inf(LLVMValueRef x)
{
	return LLVMBuildFCmp(L.b, LLVMRealOEQ, fabs_of(x), LLVMConstReal(L.t_f64, __builtin_inf()), "");
}

static LLVMValueRef is_finite(LLVMValueRef x)
{
	/* !isNaN(x - x) */
	LLVMValueRef d = LLVMBuildFSub(L.b, x, x, "");
	return LLVMBuildFCmp(L.b, LLVMRealORD, d, d, "");
}

static LLVMValueRef inf2one(LLVMValueRef f)
{
	LLVMValueRef g = LLVMBuildSelect(L.b, is_inf(f), LLVMConstReal(L.t_f64, 1.0), LLVMConstReal(L.t_f64, 0.0), "");
	return copysign_of(g, f);
}

#define F(x) LLVMConstReal(L.t_f64, (x))
#define MUL(x, y) LLVMBuildFMul(L.b, (x), (y), "")
#define ADD(x, y) LLVMBuildFAdd(L.b, (x), (y), "")
#define SUB(x, y) LLVMBuildFSub(L.b, (x), (y), "")
#define DIV(x, y) LLVMBuildFDiv(L.b, (x), (y), "")
#define SEL(c, x, y) LLVMBuildSelect(L.b, (c), (x), (y), "")
#define AND(x, y) LLVMBuildAnd(L.b, (x), (y), "")
#define OR(x, y) LLVMBuildOr(L.b, (x), (y), "")
#define NOT(x) LLVMBuildNot(L.b, (x), "")

/* The body of complex128div(a+bi, c+di), as straight-line selects (all arms are side-effect free). */
static void complex_div_body(LLVMValueRef fn)
{
	LLVMValueRef a = LLVMGetParam(fn, 0), b = LLVMGetParam(fn, 1), c = LLVMGetParam(fn, 2), d = LLVMGetParam(fn, 3);
	LLVMValueRef big_re = LLVMBuildFCmp(L.b, LLVMRealOGE, fabs_of(c), fabs_of(d), "");
	LLVMValueRef r1 = DIV(d, c), den1 = ADD(c, MUL(r1, d));
	LLVMValueRef e1 = DIV(ADD(a, MUL(b, r1)), den1), f1 = DIV(SUB(b, MUL(a, r1)), den1);
	LLVMValueRef r2 = DIV(c, d), den2 = ADD(d, MUL(r2, c));
	LLVMValueRef e2 = DIV(ADD(MUL(a, r2), b), den2), f2 = DIV(SUB(MUL(b, r2), a), den2);
	LLVMValueRef e = SEL(big_re, e1, e2), f = SEL(big_re, f1, f2);

	LLVMValueRef inf = F(__builtin_inf());
	LLVMValueRef both_nan = AND(is_nan(e), is_nan(f));
	/* case 1: m == 0 && (!isNaN(a) || !isNaN(b)) */
	LLVMValueRef m_zero = AND(LLVMBuildFCmp(L.b, LLVMRealOEQ, c, F(0), ""), LLVMBuildFCmp(L.b, LLVMRealOEQ, d, F(0), ""));
	LLVMValueRef case1 = AND(m_zero, OR(NOT(is_nan(a)), NOT(is_nan(b))));
	LLVMValueRef ci = copysign_of(inf, c);
	LLVMValueRef e_1 = MUL(ci, a), f_1 = MUL(ci, b);
	/* case 2: (isInf(a) || isInf(b)) && isFinite(c) && isFinite(d) */
	LLVMValueRef case2 = AND(OR(is_inf(a), is_inf(b)), AND(is_finite(c), is_finite(d)));
	LLVMValueRef a2 = inf2one(a), b2 = inf2one(b);
	LLVMValueRef e_2 = MUL(inf, ADD(MUL(a2, c), MUL(b2, d))), f_2 = MUL(inf, SUB(MUL(b2, c), MUL(a2, d)));
	/* case 3: (isInf(c) || isInf(d)) && isFinite(a) && isFinite(b) */
	LLVMValueRef case3 = AND(OR(is_inf(c), is_inf(d)), AND(is_finite(a), is_finite(b)));
	LLVMValueRef c3 = inf2one(c), d3 = inf2one(d);
	LLVMValueRef e_3 = MUL(F(0), ADD(MUL(a, c3), MUL(b, d3))), f_3 = MUL(F(0), SUB(MUL(b, c3), MUL(a, d3)));

	LLVMValueRef fix_e = SEL(case1, e_1, SEL(case2, e_2, SEL(case3, e_3, e)));
	LLVMValueRef fix_f = SEL(case1, f_1, SEL(case2, f_2, SEL(case3, f_3, f)));
	e = SEL(both_nan, fix_e, e);
	f = SEL(both_nan, fix_f, f);
	LLVMValueRef r = LLVMGetUndef(L.t_c128);
	r = LLVMBuildInsertValue(L.b, r, e, 0, "");
	r = LLVMBuildInsertValue(L.b, r, f, 1, "");
	LLVMBuildRet(L.b, r);
}

static LLVMValueRef complex_div_func(void)
{
	LLVMValueRef fn = LLVMGetNamedFunction(L.mod, "runtime.complex128div");
	if (fn)
		return fn;
	LLVMTypeRef p[4] = {L.t_f64, L.t_f64, L.t_f64, L.t_f64};
	fn = LLVMAddFunction(L.mod, "runtime.complex128div", LLVMFunctionType(L.t_c128, p, 4, false));
	LLVMSetLinkage(fn, LLVMInternalLinkage);
	lower_add_attr(fn, LLVMAttributeFunctionIndex, "nounwind");
	LLVMAddAttributeAtIndex(fn, LLVMAttributeFunctionIndex,
	                        LLVMCreateStringAttribute(L.ctx, "frame-pointer", 13, "all", 3));
	LLVMAddAttributeAtIndex(fn, LLVMAttributeFunctionIndex,
	                        LLVMCreateStringAttribute(L.ctx, "split-stack", 11, "", 0));
	LLVMBasicBlockRef saved = LLVMGetInsertBlock(L.b);
	LLVMMetadataRef loc = LLVMGetCurrentDebugLocation2(L.b);
	LLVMSetCurrentDebugLocation2(L.b, NULL);
	LLVMPositionBuilderAtEnd(L.b, LLVMAppendBasicBlockInContext(L.ctx, fn, "entry"));
	complex_div_body(fn);
	LLVMPositionBuilderAtEnd(L.b, saved);
	LLVMSetCurrentDebugLocation2(L.b, loc);
	return fn;
}

LLVMValueRef lower_complex_div(LLVMValueRef n, LLVMValueRef m, bool is64)
{
	LLVMValueRef fn = complex_div_func();
	LLVMValueRef args[4] = {
		LLVMBuildExtractValue(L.b, n, 0, ""), LLVMBuildExtractValue(L.b, n, 1, ""),
		LLVMBuildExtractValue(L.b, m, 0, ""), LLVMBuildExtractValue(L.b, m, 1, ""),
	};
	if (is64)
		for (int i = 0; i < 4; i++)
			args[i] = LLVMBuildFPExt(L.b, args[i], L.t_f64, "");
	LLVMValueRef r = LLVMBuildCall2(L.b, LLVMGlobalGetValueType(fn), fn, args, 4, "");
	if (!is64)
		return r;
	LLVMValueRef re = LLVMBuildFPTrunc(L.b, LLVMBuildExtractValue(L.b, r, 0, ""), L.t_f32, "");
	LLVMValueRef im = LLVMBuildFPTrunc(L.b, LLVMBuildExtractValue(L.b, r, 1, ""), L.t_f32, "");
	LLVMValueRef c = LLVMGetUndef(L.t_c64);
	c = LLVMBuildInsertValue(L.b, c, re, 0, "");
	return LLVMBuildInsertValue(L.b, c, im, 1, "");
}
