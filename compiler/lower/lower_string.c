/*
 * lower_string.c: string concatenation, comparison and `for range` over a string.
 *
 * In: string-typed operands (register values {ptr, len}). Out: runtime calls and inline code.
 * A chain a + b + c + ... is flattened into one concatstrings call over a stack array (gc's
 * walkAddString), so building a string from n pieces allocates once. == compares lengths inline
 * and only then the bytes, with memcmp (LLVM expands it inline against a literal); ordering uses
 * runtime cmpstring. Ranging decodes ASCII inline and calls
 * the runtime's decoderune for multi-byte sequences, as gc's walkRange does.
 */
#include "lower.h"

void lower_range_string_body(Node *s, LLVMBasicBlockRef brk, LLVMBasicBlockRef cont);

LLVMValueRef lower_string_make(LLVMValueRef ptr, LLVMValueRef len)
{
	LLVMValueRef s = LLVMGetUndef(L.t_string);
	s = LLVMBuildInsertValue(L.b, s, ptr, 0, "");
	return LLVMBuildInsertValue(L.b, s, len, 1, "");
}

static void collect_operands(Node *e, Vec *out)
{
	while (e->kind == ND_PAREN)
		e = e->paren.x;
	if (e->kind == ND_BINARY && e->binary.op == TOK_ADD && e->mode != MODE_CONST && type_is_string(lower_type_of(e))) {
		collect_operands(e->binary.x, out);
		collect_operands(e->binary.y, out);
		return;
	}
	vec_push(out, e);
}

/* a + b + c: two operands call concatstring2, more fill a stack array of {ptr, len} and call
 * concatstrings(arr, n) (runtime/string.go concatstrings: one allocation, an operand-only result
 * returned without copying). */
LLVMValueRef lower_string_concat(Node *e)
{
	Vec ops = {0};
	collect_operands(e, &ops);
	LLVMValueRef *vals = xalloc(sizeof(LLVMValueRef) * (size_t)ops.len);
	for (int i = 0; i < ops.len; i++)
		vals[i] = lower_expr_as(ops.data[i], lower_type_of(e));
	lower_set_pos(e->pos);
	if (ops.len == 2)
		return lower_call_runtime(RT_concatstring2, vals, 2);
	LLVMTypeRef at = LLVMArrayType2(L.t_string, (uint64_t)ops.len);
	LLVMValueRef arr = LLVMBuildAlloca(L.fn->alloca_builder, at, "concat");
	LLVMSetAlignment(arr, 8);
	for (int i = 0; i < ops.len; i++) {
		LLVMValueRef st = LLVMBuildStore(L.b, vals[i], lower_gep(arr, 16 * i));
		LLVMSetAlignment(st, 8);
	}
	LLVMValueRef args[2] = {arr, i64c(ops.len)};
	return lower_call_runtime(RT_concatstrings, args, 2);
}

/* x == y: equal lengths, then equal bytes (memcmp over the common length; the byte compare is
 * skipped when the lengths differ):
 *     br (icmp eq %lx, %ly), %streq.bytes, %streq.end
 *   streq.bytes:  %eq = icmp eq (call i32 @memcmp(%px, %py, %lx)), 0
 *   streq.end:    phi i1 [false, %from], [%eq, %streq.bytes] */
static LLVMValueRef string_equal(LLVMValueRef x, LLVMValueRef y)
{
	LLVMValueRef lx = LLVMBuildExtractValue(L.b, x, 1, ""), ly = LLVMBuildExtractValue(L.b, y, 1, "");
	LLVMBasicBlockRef from = LLVMGetInsertBlock(L.b);
	LLVMBasicBlockRef bytes = lower_block("streq.bytes");
	LLVMBasicBlockRef done = lower_block("streq.end");
	LLVMBuildCondBr(L.b, LLVMBuildICmp(L.b, LLVMIntEQ, lx, ly, ""), bytes, done);
	lower_position_at_end(bytes);
	LLVMValueRef eq = lower_memcmp_eq(LLVMBuildExtractValue(L.b, x, 0, ""), LLVMBuildExtractValue(L.b, y, 0, ""), lx);
	LLVMBasicBlockRef bytes_end = LLVMGetInsertBlock(L.b);
	LLVMBuildBr(L.b, done);
	lower_position_at_end(done);
	LLVMValueRef phi = LLVMBuildPhi(L.b, L.t_i1, "streq");
	LLVMValueRef vals[2] = {LLVMConstInt(L.t_i1, 0, false), eq};
	LLVMBasicBlockRef blocks[2] = {from, bytes_end};
	LLVMAddIncoming(phi, vals, blocks, 2);
	return phi;
}

/* String comparison: == and != inline; <, <=, >, >= through cmpstring's -1/0/+1 (bytewise). */
LLVMValueRef lower_string_compare(TokenKind op, LLVMValueRef x, LLVMValueRef y)
{
	if (op == TOK_EQL)
		return string_equal(x, y);
	if (op == TOK_NEQ)
		return LLVMBuildNot(L.b, string_equal(x, y), "");
	LLVMValueRef args[2] = {x, y};
	LLVMValueRef c = lower_call_runtime(RT_cmpstring, args, 2);
	LLVMIntPredicate p = op == TOK_LSS ? LLVMIntSLT : op == TOK_LEQ ? LLVMIntSLE : op == TOK_GTR ? LLVMIntSGT : LLVMIntSGE;
	return LLVMBuildICmp(L.b, p, c, i64c(0), "");
}

/*
 * for i, r := range s: i is the byte offset of each rune r; invalid UTF-8 yields U+FFFD, 1 byte.
 * The shape of gc's walkrange for strings (walk/range.go), with hv the offset, hn the next one:
 *
 *   rangestr.cond:  br (hv < len), %body, %end
 *   rangestr.body:  %c = s[hv];  br (%c < 0x80), %ascii, %multi
 *   rangestr.ascii: r = %c;  hn = hv + 1                      ; the common case, inline
 *   rangestr.multi: r, hn = decoderune(s, hv)                 ; runtime/utf8.go
 *   rangestr.rune:  i = hv; r = phi ...; <body>   (continue -> post, break -> end)
 *   rangestr.post:  hv = hn;  br %cond
 *
 * The string is evaluated once, before the loop; i and r are assigned at the top of each
 * iteration (one variable for the whole loop, Go 1.19).
 */
void lower_range_string(Node *s, LLVMValueRef str)
{
	LLVMValueRef ptr = LLVMBuildExtractValue(L.b, str, 0, "");
	LLVMValueRef len = LLVMBuildExtractValue(L.b, str, 1, "");
	LLVMValueRef hv = lower_alloca(type_basic(TY_INT), "hv");
	LLVMValueRef hn = lower_alloca(type_basic(TY_INT), "hn");
	LLVMBuildStore(L.b, i64c(0), hv);
	LLVMBasicBlockRef cond = lower_block("rangestr.cond");
	LLVMBasicBlockRef body = lower_block("rangestr.body");
	LLVMBasicBlockRef ascii = lower_block("rangestr.ascii");
	LLVMBasicBlockRef multi = lower_block("rangestr.multi");
	LLVMBasicBlockRef got = lower_block("rangestr.rune");
	LLVMBasicBlockRef post = lower_block("rangestr.post");
	LLVMBasicBlockRef end = lower_block("rangestr.end");
	LLVMBuildBr(L.b, cond);

	lower_position_at_end(cond);
	LLVMValueRef i = LLVMBuildLoad2(L.b, L.t_i64, hv, "i");
	LLVMBuildCondBr(L.b, LLVMBuildICmp(L.b, LLVMIntSLT, i, len, ""), body, end);

	lower_position_at_end(body);
	LLVMValueRef c = LLVMBuildLoad2(L.b, L.t_i8, LLVMBuildInBoundsGEP2(L.b, L.t_i8, ptr, &i, 1, ""), "");
	LLVMBuildCondBr(L.b, LLVMBuildICmp(L.b, LLVMIntULT, c, LLVMConstInt(L.t_i8, 0x80, false), ""), ascii, multi);

	lower_position_at_end(ascii);
	LLVMValueRef r1 = LLVMBuildZExt(L.b, c, L.t_i32, "");
	LLVMBuildStore(L.b, LLVMBuildAdd(L.b, i, i64c(1), ""), hn);
	LLVMBuildBr(L.b, got);

	lower_position_at_end(multi);
	LLVMValueRef args[2] = {str, i};
	LLVMValueRef decoded = lower_call_runtime(RT_decoderune, args, 2);
	LLVMValueRef r2 = LLVMBuildExtractValue(L.b, decoded, 0, "");
	LLVMBuildStore(L.b, LLVMBuildExtractValue(L.b, decoded, 1, ""), hn);
	LLVMBuildBr(L.b, got);

	lower_position_at_end(got);
	LLVMValueRef r = LLVMBuildPhi(L.b, L.t_i32, "r");
	LLVMValueRef rv[2] = {r1, r2};
	LLVMBasicBlockRef rb[2] = {ascii, multi};
	LLVMAddIncoming(r, rv, rb, 2);
	lower_range_assign_pair(s, i, type_basic(TY_INT), s->range_stmt.value ? r : NULL, type_basic(TY_INT32));
	lower_range_string_body(s, end, post);
	lower_br(post);

	lower_position_at_end(post);
	LLVMBuildStore(L.b, LLVMBuildLoad2(L.b, L.t_i64, hn, ""), hv);
	LLVMBuildBr(L.b, cond);
	lower_position_at_end(end);
}
