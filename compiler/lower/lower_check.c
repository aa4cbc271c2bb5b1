/*
 * lower_check.c: the run-time checks Go requires, with gc's (go1.19) exact semantics.
 *
 * In: values about to be used as an index, slice bound, divisor, shift count or pointer. Out: a
 * compare and a branch to a cold block that calls the noreturn runtime panic (runtime.def), then
 * the continuation. Which goPanic* function and which operands follow ssagen/ssa.go (boundsCheck,
 * extendIndex, slice): the U variants when the index's static type is unsigned, the index
 * sign- or zero-extended to int first.
 *
 * Semantics that differ from C and from LLVM's defaults, made explicit here:
 *   - x / 0 and x % 0 panic (integer divide by zero); MinInt / -1 == MinInt and MinInt % -1 == 0
 *     without trapping (x86 idiv would fault, LLVM sdiv would be undefined), by dividing by 1 instead;
 *   - a negative shift count of signed type panics; counts >= the width give 0 (or the sign for
 *     signed >>), where LLVM's shl/lshr/ashr would be poison;
 *   - a nil pointer is checked before it is dereferenced, so LLVM never sees a load from null.
 */
#include "lower.h"

/* if (cond) f(args...) -- noreturn; the builder continues on the non-panicking path:
 *
 *     br i1 %cond, label %panic, label %ok, !prof !{"branch_weights", 1, 1048576}
 *   panic:  call void @runtime_goPanicIndex(i64 %i, i64 %len)   ; noreturn cold
 *           unreachable
 *   ok:     ...
 *
 * A condition LLVM already folded to false emits nothing. */
void lower_panic_if(LLVMValueRef cond, RuntimeFn f, LLVMValueRef *args, int nargs)
{
	if (LLVMIsAConstantInt(cond) && LLVMConstIntGetZExtValue(cond) == 0)
		return;
	LLVMBasicBlockRef fail = lower_block("panic");
	LLVMBasicBlockRef ok = lower_block("ok");
	lower_weight_cold(LLVMBuildCondBr(L.b, cond, fail, ok)); /* the check almost never fails */
	lower_position_at_end(fail);
	lower_call_runtime(f, args, nargs);
	lower_position_at_end(ok);
}

/* Weights a conditional branch as (almost) never taking its first successor: !prof branch_weights
 * 1 : 2^20, so LLVM lays the taken side out of line. */
void lower_weight_cold(LLVMValueRef br)
{
	LLVMValueRef md[3] = {
		LLVMMDStringInContext(L.ctx, "branch_weights", 14),
		LLVMConstInt(L.t_i32, 1, false),
		LLVMConstInt(L.t_i32, 1u << 20, false),
	};
	LLVMSetMetadata(br, LLVMGetMDKindIDInContext(L.ctx, "prof", 4), LLVMMDNodeInContext(L.ctx, md, 3));
}

/* The explicit nil check before a dereference of p ("invalid memory address or nil pointer
 * dereference"). The address of a variable or global is never nil and is not checked. */
void lower_check_nil(LLVMValueRef p)
{
	lower_check_nil_at(p, 0);
}

/* gc checks nil implicitly when the pointer is used for a load or store within the first page
 * (ssa nilcheckelim2): the fault address is then the accessed address, offset bytes past nil. */
void lower_check_nil_at(LLVMValueRef p, int64_t offset)
{
	if (LLVMIsAAllocaInst(p) || LLVMIsAGlobalVariable(p))
		return;
	LLVMValueRef cond = LLVMBuildICmp(L.b, LLVMIntEQ, p, LLVMConstNull(L.t_ptr), "isnil");
	if (offset > 0 && offset < 4096) {
		LLVMValueRef arg = LLVMConstInt(L.t_i64, (unsigned long long)offset, false);
		lower_panic_if(cond, RT_panicmemAddr, &arg, 1);
	} else {
		lower_panic_if(cond, RT_panicmem, NULL, 0);
	}
}

/* An integer index value as int (i64): sign-extended if its type is signed, else zero-extended. */
static LLVMValueRef extend_index(LLVMValueRef v, Type *t)
{
	unsigned w = LLVMGetIntTypeWidth(LLVMTypeOf(v));
	if (w == 64)
		return v;
	return type_is_unsigned(t) ? LLVMBuildZExt(L.b, v, L.t_i64, "") : LLVMBuildSExt(L.b, v, L.t_i64, "");
}

/* An index or slice bound operand, as an i64 ready for lower_check_index/lower_check_slice. */
LLVMValueRef lower_index_value(Node *idx)
{
	Type *t = type_is_untyped(lower_type_of(idx)) ? type_basic(TY_INT) : lower_type_of(idx);
	LLVMValueRef v = idx->mode == MODE_CONST ? lower_const(idx->cval, t) : lower_expr(idx);
	return extend_index(v, t);
}

static bool index_unsigned(Type *t)
{
	return t && !type_is_untyped(t) && type_is_unsigned(t);
}

/* 0 <= idx < len as one unsigned compare (a negative idx is a huge unsigned value), as in gc's
 * boundsCheck; goPanicIndexU prints an unsigned index's value as unsigned. */
void lower_check_index(LLVMValueRef idx, Type *idx_type, LLVMValueRef len)
{
	LLVMValueRef cond = LLVMBuildICmp(L.b, LLVMIntUGE, idx, len, "");
	LLVMValueRef args[2] = {idx, len};
	lower_panic_if(cond, index_unsigned(idx_type) ? RT_goPanicIndexU : RT_goPanicIndex, args, 2);
}

/* Slice bound check x <= bound (unsigned compare: a negative x fails too). */
void lower_check_slice(RuntimeFn kind_signed, RuntimeFn kind_unsigned, LLVMValueRef x, Type *xt, LLVMValueRef bound)
{
	LLVMValueRef cond = LLVMBuildICmp(L.b, LLVMIntUGT, x, bound, "");
	LLVMValueRef args[2] = {x, bound};
	lower_panic_if(cond, index_unsigned(xt) ? kind_unsigned : kind_signed, args, 2);
}

/* x / y and x % y for integers (gc's ssagen intDivide/needDivCheck). For a signed non-constant y:
 *
 *     if y == 0: panicdivide()
 *     %m1 = icmp eq %y, -1;  %d = select %m1, 1, %y
 *     x / y  =  select %m1, (0 - x), sdiv(x, %d)      x % y  =  srem(x, %d)
 *
 * so MinInt / -1 wraps to MinInt and never reaches the faulting idiv. */
LLVMValueRef lower_divmod(TokenKind op, Type *t, LLVMValueRef x, LLVMValueRef y)
{
	LLVMTypeRef ty = LLVMTypeOf(x);
	bool known = LLVMIsAConstantInt(y) != NULL;
	if (!known)
		lower_panic_if(LLVMBuildICmp(L.b, LLVMIntEQ, y, LLVMConstNull(ty), ""), RT_panicdivide, NULL, 0);
	if (type_is_unsigned(t))
		return op == TOK_QUO ? LLVMBuildUDiv(L.b, x, y, "") : LLVMBuildURem(L.b, x, y, "");
	if (known) {
		if (LLVMConstIntGetSExtValue(y) == -1)
			return op == TOK_QUO ? LLVMBuildSub(L.b, LLVMConstNull(ty), x, "") : LLVMConstNull(ty);
		return op == TOK_QUO ? LLVMBuildSDiv(L.b, x, y, "") : LLVMBuildSRem(L.b, x, y, "");
	}
	LLVMValueRef minus1 = LLVMBuildICmp(L.b, LLVMIntEQ, y, LLVMConstAllOnes(ty), "");
	LLVMValueRef safe = LLVMBuildSelect(L.b, minus1, LLVMConstInt(ty, 1, false), y, "");
	if (op == TOK_REM)
		return LLVMBuildSRem(L.b, x, safe, ""); /* x % 1 == 0 == x % -1 */
	LLVMValueRef q = LLVMBuildSDiv(L.b, x, safe, "");
	return LLVMBuildSelect(L.b, minus1, LLVMBuildSub(L.b, LLVMConstNull(ty), x, ""), q, "");
}

/* x << c / x >> c for a constant count: no check, and an oversized count folds to 0 or to the
 * sign (x >> (w-1)). */
static LLVMValueRef shift_by_const(TokenKind op, Type *t, LLVMValueRef x, uint64_t c, unsigned w)
{
	LLVMTypeRef ty = LLVMTypeOf(x);
	bool sign = !type_is_unsigned(t);
	if (c >= w) {
		if (op == TOK_SHR && sign)
			return LLVMBuildAShr(L.b, x, LLVMConstInt(ty, w - 1, false), "");
		return LLVMConstNull(ty);
	}
	LLVMValueRef s = LLVMConstInt(ty, c, false);
	if (op == TOK_SHL)
		return LLVMBuildShl(L.b, x, s, "");
	return sign ? LLVMBuildAShr(L.b, x, s, "") : LLVMBuildLShr(L.b, x, s, "");
}

/* The type a shift count is lowered in: its own, or uint for a constant that is untyped or not of
 * an integer type (`x << 1.`, `x << (1+0i)`: a representable float or complex constant). */
Type *lower_shift_count_type(Node *count)
{
	Type *t = lower_type_of(count);
	if (type_is_untyped(t) || (count->mode == MODE_CONST && !type_is_integer(t)))
		return type_basic(TY_UINT);
	return t;
}

LLVMValueRef lower_shift(TokenKind op, Type *t, LLVMValueRef x, LLVMValueRef s, Type *st)
{
	LLVMTypeRef ty = LLVMTypeOf(x);
	unsigned w = LLVMGetIntTypeWidth(ty);
	unsigned ws = LLVMGetIntTypeWidth(LLVMTypeOf(s));
	if (LLVMIsAConstantInt(s)) {
		if (!type_is_unsigned(st) && LLVMConstIntGetSExtValue(s) < 0) {
			lower_call_runtime(RT_panicshift, NULL, 0);
			lower_dead_block();
			return LLVMGetPoison(ty);
		}
		return shift_by_const(op, t, x, LLVMConstIntGetZExtValue(s), w);
	}
	if (!type_is_unsigned(st))
		lower_panic_if(LLVMBuildICmp(L.b, LLVMIntSLT, s, LLVMConstNull(LLVMTypeOf(s)), ""), RT_panicshift, NULL, 0);
	/* big: the count reaches the width (compared in the count's own width) */
	LLVMValueRef big = LLVMBuildICmp(L.b, LLVMIntUGE, s, LLVMConstInt(LLVMTypeOf(s), w, false), "");
	LLVMValueRef sc = ws > w ? LLVMBuildTrunc(L.b, s, ty, "") : ws < w ? LLVMBuildZExt(L.b, s, ty, "") : s;
	if (op == TOK_SHR && !type_is_unsigned(t)) {
		sc = LLVMBuildSelect(L.b, big, LLVMConstInt(ty, w - 1, false), sc, "");
		return LLVMBuildAShr(L.b, x, sc, "");
	}
	LLVMValueRef r = op == TOK_SHL ? LLVMBuildShl(L.b, x, sc, "") : LLVMBuildLShr(L.b, x, sc, "");
	return LLVMBuildSelect(L.b, big, LLVMConstNull(ty), r, "");
}
