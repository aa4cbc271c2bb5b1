/*
 * lower_slice.c: indexing, slicing, make, append, copy, and composite literals.
 *
 * In: expressions over slices ({ptr, len, cap}), arrays (in memory), pointers to arrays and strings.
 * Out: address arithmetic guarded by gc's bounds checks (lower_check.c), and runtime calls for
 * allocation: makeslice for make, growslice when append outgrows the capacity, newobject for the
 * backing array of a slice literal.
 *
 * Slicing follows ssagen's state.slice exactly: bounds are checked from the last to the first
 * (max <= cap, then high <= max, then low <= high) with the goPanicSlice* variant named after the
 * failing pair, and the new base pointer is advanced only when the result has a non-zero capacity,
 * so a slice never points past the end of its array.
 */
#include "lower.h"

static Node *unparen(Node *e)
{
	while (e->kind == ND_PAREN)
		e = e->paren.x;
	return e;
}

/* A slice value is the register triple {ptr, len, cap}, as gc's runtime.slice. */
LLVMValueRef lower_slice_make(LLVMValueRef ptr, LLVMValueRef len, LLVMValueRef cap)
{
	LLVMValueRef s = LLVMGetUndef(L.t_slice);
	s = LLVMBuildInsertValue(L.b, s, ptr, 0, "");
	s = LLVMBuildInsertValue(L.b, s, len, 1, "");
	return LLVMBuildInsertValue(L.b, s, cap, 2, "");
}

static Type *index_type(Node *idx)
{
	return type_is_untyped(lower_type_of(idx)) ? type_basic(TY_INT) : lower_type_of(idx);
}

/* ---- indexing -------------------------------------------------------------------------------- */

/*
 * Element address of x[i] for slices, arrays and pointers to arrays; bounds-checked. For a slice:
 *
 *     %p = extractvalue {ptr,i64,i64} %s, 0      %n = extractvalue %s, 1
 *     br (icmp uge i64 %i, %n), %panic.index, %ok   ; goPanicIndex(i, n), noreturn
 *   ok:
 *     %a = getelementptr inbounds i8, ptr %p, i64 (%i * sizeof(elem))
 *
 * x is evaluated before i (spec order); an array operand's index is checked only when it is not a
 * constant, since the checker already rejected constant indexes out of range (as gc does). for_value
 * reads an array value (which may be a temporary, e.g. f()[i]) instead of requiring its address.
 */
static LLVMValueRef element_addr(Node *e, bool for_value)
{
	Node *x = e->index.x, *idx = e->index.indices.data[0];
	Type *xt = type_underlying(lower_type_of(x));
	LLVMValueRef base, len;
	Type *elem;
	bool const_ok = false;
	if (xt->kind == TY_SLICE) {
		LLVMValueRef sl = lower_expr(x);
		base = LLVMBuildExtractValue(L.b, sl, 0, "");
		len = LLVMBuildExtractValue(L.b, sl, 1, "");
		elem = xt->array.elem;
	} else if (xt->kind == TY_ARRAY) {
		base = for_value ? lower_expr(x) : lower_addr(x);
		len = i64c(xt->array.len);
		elem = xt->array.elem;
		const_ok = idx->mode == MODE_CONST; /* the checker proved it in range */
	} else if (xt->kind == TY_POINTER) {
		Type *at = type_underlying(xt->pointer.elem);
		base = lower_expr(x);
		lower_check_nil(base);
		len = i64c(at->array.len);
		elem = at->array.elem;
		const_ok = idx->mode == MODE_CONST;
	} else {
		internal_error("indexing %s", type_string(lower_type_of(x)));
	}
	LLVMValueRef i = lower_index_value(idx);
	lower_set_pos(e->index.lbrack); /* a failing check is reported at the '[', as gc does */
	if (!const_ok)
		lower_check_index(i, index_type(idx), len);
	return lower_index_addr(elem, base, i);
}

/* x[i] as a value. s[i] of a string loads one byte (a uint8), never a rune. */
LLVMValueRef lower_index_expr(Node *e)
{
	Node *x = e->index.x;
	Type *xt = type_underlying(lower_type_of(x));
	if (xt->kind == TY_MAP)
		return lower_map_index(e);
	if (xt->kind == TY_STRING || xt->kind == TY_UNTYPED_STRING) {
		Node *idx = e->index.indices.data[0];
		LLVMValueRef s = lower_expr_as(x, type_basic(TY_STRING));
		LLVMValueRef i = lower_index_value(idx);
		lower_set_pos(e->index.lbrack);
		lower_check_index(i, index_type(idx), LLVMBuildExtractValue(L.b, s, 1, ""));
		LLVMValueRef p = LLVMBuildInBoundsGEP2(L.b, L.t_i8, LLVMBuildExtractValue(L.b, s, 0, ""), &i, 1, "");
		return LLVMBuildLoad2(L.b, L.t_i8, p, "");
	}
	return lower_load(lower_type_of(e), element_addr(e, true));
}

/* &x[i], or x[i] as an assignment target. */
LLVMValueRef lower_index_addr_expr(Node *e)
{
	if (type_underlying(lower_type_of(e->index.x))->kind == TY_MAP)
		internal_error("map element m[k] has no address"); /* targets go through MapRef */
	return element_addr(e, false);
}

/* ---- slicing --------------------------------------------------------------------------------- */

/* One bound of x[i:j:k]: its value widened to int, and the operand's own type, which picks the
 * signed or unsigned (..U) panic variant so the message prints the index as the program wrote it. */
typedef struct Bound {
	LLVMValueRef v; /* i64 */
	Type *t;        /* the operand's type (for the U variants) */
	bool given;
} Bound;

static Bound bound_of(Node *n, LLVMValueRef deflt)
{
	Bound b = {deflt, type_basic(TY_INT), false};
	if (n) {
		b.v = lower_index_value(n);
		b.t = index_type(n);
		b.given = true;
	}
	return b;
}

/*
 * x[i:j] and x[i:j:k] for strings, slices, arrays (addressable) and pointers to arrays, following
 * ssagen's (*state).slice. Missing bounds default to 0, len(x) and cap(x). For s[i:j] of a slice:
 *
 *     check j <= cap   (goPanicSliceAcap; Alen for strings and arrays; skipped when j is implied)
 *     check i <= j     (goPanicSliceB)
 *     len = j - i;  cap = cap - i  (a string's cap is its len)
 *     ptr = ptr + (cap != 0 ? i * sizeof(elem) : 0)
 *
 * Each check is an unsigned compare, so a negative bound fails it too. The select on the last
 * line is gc's "mask": s[len(s):] of a full array must not point one past its end, where the GC
 * would take it for a pointer into the next object.
 */
LLVMValueRef lower_slice_expr(Node *e)
{
	Node *x = e->slice.x;
	Type *xt = type_underlying(lower_type_of(x));
	LLVMValueRef ptr, len, cap;
	bool is_string = xt->kind == TY_STRING || xt->kind == TY_UNTYPED_STRING;
	bool is_slice = xt->kind == TY_SLICE;
	Type *elem;
	if (is_string) {
		LLVMValueRef s = lower_expr_as(x, type_basic(TY_STRING));
		ptr = LLVMBuildExtractValue(L.b, s, 0, "");
		len = cap = LLVMBuildExtractValue(L.b, s, 1, "");
		elem = type_basic(TY_UINT8);
	} else if (is_slice) {
		LLVMValueRef s = lower_expr(x);
		ptr = LLVMBuildExtractValue(L.b, s, 0, "");
		len = LLVMBuildExtractValue(L.b, s, 1, "");
		cap = LLVMBuildExtractValue(L.b, s, 2, "");
		elem = xt->array.elem;
	} else if (xt->kind == TY_ARRAY) {
		ptr = lower_addr(x);
		len = cap = i64c(xt->array.len);
		elem = xt->array.elem;
	} else {
		Type *at = type_underlying(xt->pointer.elem);
		ptr = lower_expr(x);
		lower_check_nil(ptr);
		len = cap = i64c(at->array.len);
		elem = at->array.elem;
	}
	Bound i = bound_of(e->slice.lo, i64c(0));
	Bound j = bound_of(e->slice.hi, len);
	Bound k = bound_of(e->slice.max, cap);
	lower_set_pos(e->slice.lbrack);
	if (e->slice.slice3 || e->slice.max) {
		lower_check_slice(is_slice ? RT_goPanicSlice3Acap : RT_goPanicSlice3Alen,
		                  is_slice ? RT_goPanicSlice3AcapU : RT_goPanicSlice3AlenU, k.v, k.t, cap);
		lower_check_slice(RT_goPanicSlice3B, RT_goPanicSlice3BU, j.v, j.t, k.v);
		lower_check_slice(RT_goPanicSlice3C, RT_goPanicSlice3CU, i.v, i.t, j.v);
	} else {
		if (j.given) /* a default high bound (len) never exceeds cap */
			lower_check_slice(is_slice ? RT_goPanicSliceAcap : RT_goPanicSliceAlen,
			                  is_slice ? RT_goPanicSliceAcapU : RT_goPanicSliceAlenU, j.v, j.t, cap);
		lower_check_slice(RT_goPanicSliceB, RT_goPanicSliceBU, i.v, i.t, j.v);
	}
	LLVMValueRef rlen = LLVMBuildSub(L.b, j.v, i.v, "");
	LLVMValueRef rcap = is_string ? rlen : LLVMBuildSub(L.b, k.v, i.v, "");
	LLVMValueRef rptr = ptr;
	if (!(LLVMIsAConstantInt(i.v) && LLVMConstIntGetZExtValue(i.v) == 0)) {
		LLVMValueRef delta = LLVMBuildMul(L.b, i.v, i64c(type_size(elem)), "");
		/* mask: advance only if the result has capacity (never point past the array) */
		LLVMValueRef nonzero = LLVMBuildICmp(L.b, LLVMIntNE, rcap, i64c(0), "");
		delta = LLVMBuildSelect(L.b, nonzero, delta, i64c(0), "");
		rptr = LLVMBuildGEP2(L.b, L.t_i8, ptr, &delta, 1, "");
	}
	if (is_string)
		return lower_string_make(rptr, rlen);
	return lower_slice_make(rptr, rlen, rcap);
}

/* ---- make, append, copy ---------------------------------------------------------------------- */

/* A make() size argument (any integer type, or an untyped constant) as an int. */
static LLVMValueRef int_arg(Node *n)
{
	Type *t = index_type(n);
	LLVMValueRef v = n->mode == MODE_CONST ? lower_const(n->cval, t) : lower_expr(n);
	return lower_convert_value(v, t, type_basic(TY_INT), n);
}

/* make([]T, len, n) in the frame: gc's walkMakeSlice checks len against the constant n itself,
 *     if uint64(len) > n { if len < 0 { panicmakeslicelen() }; panicmakeslicecap() } */
static void stack_make_check(LLVMValueRef len, int64_t n)
{
	if (LLVMIsAConstantInt(len))
		return; /* the checker proved 0 <= len <= n */
	LLVMBasicBlockRef bad = lower_block("makeslice.bad"), ok = lower_block("makeslice.ok");
	LLVMBuildCondBr(L.b, LLVMBuildICmp(L.b, LLVMIntUGT, len, i64c(n), ""), bad, ok);
	lower_position_at_end(bad);
	lower_panic_if(LLVMBuildICmp(L.b, LLVMIntSLT, len, i64c(0), ""), RT_panicmakeslicelen, NULL, 0);
	lower_call_runtime(RT_panicmakeslicecap, NULL, 0);
	lower_position_at_end(ok);
}

/* make([]T, len[, cap]) -> runtime makeslice(type:T, len, cap), which panics with gc's
 * "makeslice: len out of range" / "cap out of range" messages and returns zeroed memory. */
LLVMValueRef lower_make_slice(Node *call)
{
	Type *elem = type_underlying(lower_type_of(call))->array.elem;
	LLVMValueRef len = int_arg(call->call.args.data[1]);
	LLVMValueRef cap = call->call.args.len > 2 ? int_arg(call->call.args.data[2]) : len;
	lower_set_pos(call->pos);
	if (call->call.stack_buf) { /* a constant size within gc's limit, staying in the frame */
		Node *c = call->call.args.data[call->call.args.len - 1];
		int64_t n = 0;
		const_to_int64(c->cval, &n);
		if (call->call.args.len > 2) /* a variable len against the constant cap */
			stack_make_check(len, n);
		return lower_slice_make(lower_new_at(type_array(elem, n), true), len, cap);
	}
	LLVMValueRef args[3] = {lower_typedesc(elem), len, cap};
	LLVMValueRef p = lower_call_runtime(RT_makeslice, args, 3);
	return lower_slice_make(p, len, cap);
}

/*
 * Grows sl (if needed) to hold newlen elements; returns the slice with len = newlen. The fast path
 * stays in place; only an append past cap calls the runtime (gc's ssagen append, runtime/slice.go
 * growslice), which returns the new header through a pointer:
 *
 *     br (icmp ugt %newlen, %cap), %append.grow, %append.done
 *   append.grow:  call growslice(ptr %out, type:T, %ptr, %len, %cap, %newlen); load %out ...
 *   append.done:  %p = phi [%ptr, %from], [%gptr, %grow];  %c = phi [%cap, ...], [%gcap, ...]
 *                 {%p, %newlen, %c}
 */
static LLVMValueRef grow(LLVMValueRef sl, LLVMValueRef newlen, Type *elem)
{
	LLVMValueRef ptr = LLVMBuildExtractValue(L.b, sl, 0, "");
	LLVMValueRef len = LLVMBuildExtractValue(L.b, sl, 1, "");
	LLVMValueRef cap = LLVMBuildExtractValue(L.b, sl, 2, "");
	LLVMBasicBlockRef from = LLVMGetInsertBlock(L.b);
	LLVMBasicBlockRef slow = lower_block("append.grow");
	LLVMBasicBlockRef done = lower_block("append.done");
	LLVMValueRef br = LLVMBuildCondBr(L.b, LLVMBuildICmp(L.b, LLVMIntUGT, newlen, cap, ""), slow, done);
	(void)br;
	lower_position_at_end(slow);
	LLVMValueRef out = LLVMBuildAlloca(L.fn->alloca_builder, L.t_slice, "grown");
	LLVMValueRef args[6] = {out, lower_typedesc(elem), ptr, len, cap, newlen};
	lower_call_runtime(RT_growslice, args, 6);
	LLVMValueRef g = LLVMBuildLoad2(L.b, L.t_slice, out, "");
	LLVMValueRef gptr = LLVMBuildExtractValue(L.b, g, 0, ""), gcap = LLVMBuildExtractValue(L.b, g, 2, "");
	LLVMBasicBlockRef slow_end = LLVMGetInsertBlock(L.b);
	LLVMBuildBr(L.b, done);
	lower_position_at_end(done);
	LLVMValueRef p = LLVMBuildPhi(L.b, L.t_ptr, "");
	LLVMValueRef c = LLVMBuildPhi(L.b, L.t_i64, "");
	LLVMBasicBlockRef bbs[2] = {from, slow_end};
	LLVMValueRef pv[2] = {ptr, gptr}, cv[2] = {cap, gcap};
	LLVMAddIncoming(p, pv, bbs, 2);
	LLVMAddIncoming(c, cv, bbs, 2);
	return lower_slice_make(p, newlen, c);
}

/* append(s, a, b) and append(s, t...). The new elements are evaluated (and copied to temporaries)
 * before the slice grows, as in gc, so a panic in one leaves s untouched; they are then stored at
 * s[len], s[len+1] ... of the (possibly new) backing array. append(bytes, str...) copies the
 * string's bytes. */
LLVMValueRef lower_append(Node *call)
{
	Vec *args = &call->call.args;
	Type *st = lower_type_of(call);
	Type *elem = type_underlying(st)->array.elem;
	LLVMValueRef sl = lower_expr_as(args->data[0], st);
	if (args->len == 1)
		return sl;
	LLVMValueRef len = LLVMBuildExtractValue(L.b, sl, 1, "");
	if (call->call.has_ellipsis) {
		/* append(s, t...) with t a slice, or a string for []byte */
		Node *t = args->data[1];
		Type *tt = type_is_untyped(lower_type_of(t)) ? type_default(lower_type_of(t)) : lower_type_of(t);
		LLVMValueRef tv = lower_expr_as(t, tt);
		LLVMValueRef tptr = LLVMBuildExtractValue(L.b, tv, 0, ""), tlen = LLVMBuildExtractValue(L.b, tv, 1, "");
		lower_set_pos(call->pos);
		LLVMValueRef r = grow(sl, LLVMBuildAdd(L.b, len, tlen, ""), elem);
		LLVMValueRef dst = lower_index_addr(elem, LLVMBuildExtractValue(L.b, r, 0, ""), len);
		lower_memmove(dst, tptr, LLVMBuildMul(L.b, tlen, i64c(type_size(elem)), ""), 1);
		return r;
	}
	int n = args->len - 1;
	LLVMValueRef *vals = xalloc(sizeof(LLVMValueRef) * (size_t)n);
	for (int i = 0; i < n; i++)
		vals[i] = lower_copy_to_temp(elem, lower_expr_as(args->data[i + 1], elem));
	lower_set_pos(call->pos);
	LLVMValueRef r = grow(sl, LLVMBuildAdd(L.b, len, i64c(n), ""), elem);
	LLVMValueRef p = LLVMBuildExtractValue(L.b, r, 0, "");
	for (int i = 0; i < n; i++) {
		LLVMValueRef at = LLVMBuildAdd(L.b, len, i64c(i), "");
		lower_store(elem, lower_index_addr(elem, p, at), vals[i]);
	}
	return r;
}

/* copy(dst, src) copies min(len(dst), len(src)) elements with memmove (the two may overlap) and
 * returns that count; src may be a string when dst is []byte. */
LLVMValueRef lower_copy(Node *call)
{
	Node *d = call->call.args.data[0], *s = call->call.args.data[1];
	Type *elem = type_underlying(lower_type_of(d))->array.elem;
	LLVMValueRef dv = lower_expr(d);
	Type *stype = type_is_untyped(lower_type_of(s)) ? type_default(lower_type_of(s)) : lower_type_of(s);
	LLVMValueRef sv = lower_expr_as(s, stype);
	lower_set_pos(call->pos);
	LLVMValueRef dl = LLVMBuildExtractValue(L.b, dv, 1, ""), sl = LLVMBuildExtractValue(L.b, sv, 1, "");
	LLVMValueRef n = LLVMBuildSelect(L.b, LLVMBuildICmp(L.b, LLVMIntSLT, dl, sl, ""), dl, sl, "n");
	lower_memmove(LLVMBuildExtractValue(L.b, dv, 0, ""), LLVMBuildExtractValue(L.b, sv, 0, ""),
	              LLVMBuildMul(L.b, n, i64c(type_size(elem)), ""), 1);
	return n;
}

/* ---- composite literals ---------------------------------------------------------------------- */

/* Stores element value `e` (possibly an elided &T{...} or T{...}) of type t at addr. */
void lower_store_element(Node *e, Type *t, LLVMValueRef addr)
{
	Node *u = unparen(e);
	Type *tu = type_underlying(t);
	if (u->kind == ND_COMPOSITE_LIT && type_is_aggregate(t) && !u->composite.type) {
		lower_composite_into(u, addr);
		return;
	}
	if (u->kind == ND_COMPOSITE_LIT && tu->kind == TY_POINTER && !u->composite.type) {
		/* elided &T in []*T{{...}} */
		Type *base = tu->pointer.elem;
		LLVMValueRef p = lower_new(base);
		lower_composite_into(u, p);
		lower_store(t, addr, p);
		return;
	}
	lower_store(t, addr, lower_expr_as(e, t));
}

static int field_index(Type *st, Node *key)
{
	const char *name = key->ident.name;
	for (int i = 0; i < st->strct.nfields; i++)
		if (st->strct.fields[i]->name == name)
			return i;
	internal_error("no field %s in %s", name, type_string(st));
}

/* T{a, b} or T{f: a}: each given field is stored at its gc byte offset; the rest stay zero. */
static void struct_into(Node *e, Type *st, LLVMValueRef addr)
{
	Vec *elts = &e->composite.elts;
	for (int i = 0; i < elts->len; i++) {
		Node *el = elts->data[i];
		int fi = i;
		Node *v = el;
		if (el->kind == ND_KEY_VALUE) {
			fi = field_index(st, el->key_value.key);
			v = el->key_value.value;
		}
		if (st->strct.fields[fi]->name == intern("_", 1)) {
			lower_expr(v); /* a blank field stays zero; its value is evaluated (gc's fixedlit) */
			continue;
		}
		lower_store_element(v, st->strct.fields[fi]->type, lower_gep(addr, type_field_offset(st, fi)));
	}
}

static int64_t const_index(Node *key)
{
	int64_t i = 0;
	if (!key->cval || !const_to_int64(key->cval, &i))
		internal_error("non-constant index in composite literal");
	return i;
}

/* A literal with at least this many constant elements of a numeric or bool type gets them from
 * a constant array (one memcpy, as gc's static data for literals): a store per element costs the
 * optimiser time and memory that grow with the literal (1M elements: gigabytes). */
enum { CONST_ELEMENTS_MIN = 16 };

static bool is_const_scalar(Type *elem)
{
	Type *u = type_underlying(elem);
	return type_is_integer(u) || u->kind == TY_FLOAT32 || u->kind == TY_FLOAT64 || u->kind == TY_BOOL;
}

static bool is_const_element(Node *el)
{
	Node *v = el->kind == ND_KEY_VALUE ? el->key_value.value : el;
	return v->mode == MODE_CONST && v->cval;
}

/* Copies the constant elements of literal e (length n) into base from a private constant array,
 * zero where an element is missing or not constant; false (nothing done) if not worth it. */
static bool const_elements_into(Node *e, Type *elem, LLVMValueRef base, int64_t n)
{
	Vec *elts = &e->composite.elts;
	int nconst = 0;
	for (int i = 0; i < elts->len; i++)
		nconst += is_const_element(elts->data[i]);
	if (!is_const_scalar(elem) || nconst < CONST_ELEMENTS_MIN || n > INT32_MAX)
		return false;
	bool is_bool = type_underlying(elem)->kind == TY_BOOL;
	LLVMTypeRef et = lower_mem_type(elem);
	LLVMValueRef *vals = xalloc(sizeof *vals * (size_t)n);
	for (int64_t i = 0; i < n; i++)
		vals[i] = LLVMConstNull(et);
	int64_t idx = 0;
	for (int i = 0; i < elts->len; i++, idx++) {
		Node *el = elts->data[i];
		if (el->kind == ND_KEY_VALUE)
			idx = const_index(el->key_value.key);
		if (!is_const_element(el))
			continue;
		Node *v = el->kind == ND_KEY_VALUE ? el->key_value.value : el;
		vals[idx] = is_bool ? LLVMConstInt(et, const_bool_val(v->cval), false) : lower_const(v->cval, elem);
	}
	LLVMValueRef g = lower_const_array(et, vals, (int)n, "go.literal");
	LLVMSetAlignment(g, (unsigned)type_align(elem));
	LLVMBuildMemCpy(L.b, base, (unsigned)type_align(elem), g, (unsigned)type_align(elem),
	                i64c(n * type_size(elem)));
	return true;
}

/* Elements of an array or slice literal (length n), stored into base (elem type elem). A keyed
 * element sets the position, later unkeyed ones continue from it: [...]int{5: a, b} puts b at 6. */
static void elements_into(Node *e, Type *elem, LLVMValueRef base, int64_t n)
{
	Vec *elts = &e->composite.elts;
	bool consts_done = const_elements_into(e, elem, base, n);
	int64_t idx = 0;
	for (int i = 0; i < elts->len; i++, idx++) {
		Node *el = elts->data[i];
		Node *v = el;
		if (el->kind == ND_KEY_VALUE) {
			idx = const_index(el->key_value.key);
			v = el->key_value.value;
		}
		if (consts_done && is_const_element(el))
			continue;
		lower_store_element(v, elem, lower_index_addr(elem, base, i64c(idx)));
	}
}

/* Builds the literal in the memory at addr (which holds a value of e's type, or for a slice
 * literal the slice header). The memory is zeroed first, so omitted fields are zero. */
void lower_composite_into(Node *e, LLVMValueRef addr)
{
	Type *t = lower_type_of(e);
	Type *u = type_underlying(t);
	lower_set_pos(e->pos);
	if (u->kind == TY_POINTER) { /* an elided &T{...} whose node carries the pointer type */
		u = type_underlying(u->pointer.elem);
		t = type_underlying(t)->pointer.elem;
	}
	switch (u->kind) {
	case TY_STRUCT:
		lower_zero(t, addr);
		struct_into(e, u, addr);
		return;
	case TY_ARRAY:
		lower_zero(t, addr);
		elements_into(e, u->array.elem, addr, middle_slice_lit_len(e));
		return;
	case TY_SLICE:
		lower_store(t, addr, lower_composite(e));
		return;
	case TY_MAP:
		lower_store(t, addr, lower_map_literal(e));
		return;
	default:
		internal_error("composite literal of type %s", type_string(t));
	}
}

/* A composite literal as a value: a slice literal gets a heap backing array (newobject of
 * [n]T) filled in place; &T{...} a heap object; a struct or array literal a fresh temporary,
 * which is how aggregate values are represented (a pointer to memory holding them). */
LLVMValueRef lower_composite(Node *e)
{
	Type *t = lower_type_of(e);
	Type *u = type_underlying(t);
	lower_set_pos(e->pos);
	if (u->kind == TY_SLICE) {
		int64_t n = middle_slice_lit_len(e);
		if (n == 0) {
			/* []T{} is a non-nil empty slice */
			LLVMValueRef p = lower_new(type_array(u->array.elem, 0));
			return lower_slice_make(p, i64c(0), i64c(0));
		}
		LLVMValueRef p = lower_new_at(type_array(u->array.elem, n), e->composite.stack_alloc);
		elements_into(e, u->array.elem, p, n);
		return lower_slice_make(p, i64c(n), i64c(n));
	}
	if (u->kind == TY_MAP)
		return lower_map_literal(e);
	if (u->kind == TY_POINTER) {
		LLVMValueRef p = lower_new(u->pointer.elem);
		lower_composite_into(e, p);
		return p;
	}
	LLVMValueRef tmp = lower_alloca(t, "lit");
	lower_composite_into(e, tmp);
	return tmp;
}
