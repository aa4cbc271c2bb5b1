/*
 * lower_map.c: Go maps, lowered to calls of the runtime's map (runtime/map.c).
 *
 * In: the map constructs of a checked function body (make, literals, m[k], v, ok := m[k], m[k] = v,
 * m[k] op= v, delete, len, for range). Out: the calls runtime.def's map section prescribes, construct
 * by construct; that comment is the contract and this file follows it line by line.
 *
 * The one idea: a map operation hands the runtime the map type's descriptor, the map pointer and the
 * key's address (or, for 4-byte, 8-byte memory keys and strings, the key itself: the _fast32,
 * _fast64 and _faststr variants), and gets back the address of the elem slot, which is valid only
 * until the next map operation. So a value is copied out of the slot at once, and a store into the
 * slot happens right after mapassign, with everything else of the statement evaluated before: an
 * assignment target m[k] is first a MapRef (map and key evaluated, phase 1 of an assignment), and
 * becomes an address only at the store (phase 2).
 */
#include "lower.h"

enum {
#define MAP_CONST(name, value) name = value,
#include "runtime.def"
};

/* Which entry point family serves a map type's key (runtime.def "Fast variants"). */
typedef enum MapVariant { MAP_GENERIC, MAP_FAST32, MAP_FAST64, MAP_FASTSTR } MapVariant;

struct MapRef {
	Type *type;        /* the map type */
	LLVMValueRef m;    /* the map pointer */
	LLVMValueRef key;  /* address of the key, of the map's key type */
};

static Type *map_type_of(Node *x)
{
	return type_underlying(lower_type_of(x));
}

/* gc's mapfast: the key's equal is memequal of 4 or 8 bytes, or the key is a string. */
static MapVariant map_variant(Type *mt)
{
	Type *k = mt->map.key, *ku = type_underlying(k);
	if (ku->kind == TY_STRING)
		return MAP_FASTSTR;
	if (!lower_is_regular_memory(k))
		return MAP_GENERIC;
	if (type_size(k) == 4)
		return MAP_FAST32;
	if (type_size(k) == 8)
		return MAP_FAST64;
	return MAP_GENERIC;
}

/* The key argument of a _fast call: the key's bits (an integer) or its string value. */
static LLVMValueRef fast_key(MapVariant v, Type *mt, LLVMValueRef key_addr)
{
	switch (v) {
	case MAP_FAST32: return LLVMBuildLoad2(L.b, L.t_i32, key_addr, "");
	case MAP_FAST64: return LLVMBuildLoad2(L.b, L.t_i64, key_addr, "");
	case MAP_FASTSTR: return lower_load(mt->map.key, key_addr);
	default: return key_addr;
	}
}

/* The zero value a _fat access returns for a missing key: one read-only global per call site. */
static LLVMValueRef fat_zero(Type *elem)
{
	LLVMTypeRef ty = lower_mem_type(elem);
	LLVMValueRef g = LLVMAddGlobal(L.mod, ty, "map.zero");
	LLVMSetInitializer(g, LLVMConstNull(ty));
	LLVMSetGlobalConstant(g, true);
	LLVMSetLinkage(g, LLVMPrivateLinkage);
	LLVMSetAlignment(g, 8);
	return g;
}

/* mapaccess1 or mapaccess2 (ok) in its variant: returns the elem pointer (ok: the {ptr, i8} pair). */
static LLVMValueRef map_access(Type *mt, LLVMValueRef m, LLVMValueRef key_addr, bool ok)
{
	LLVMValueRef args[4] = {lower_typedesc(mt), m, key_addr, NULL};
	if (type_size(mt->map.value) > MAP_ZERO_SIZE) {
		args[3] = fat_zero(mt->map.value);
		return lower_call_runtime(ok ? RT_mapaccess2_fat : RT_mapaccess1_fat, args, 4);
	}
	static const RuntimeFn fns[2][4] = {
		{RT_mapaccess1, RT_mapaccess1_fast32, RT_mapaccess1_fast64, RT_mapaccess1_faststr},
		{RT_mapaccess2, RT_mapaccess2_fast32, RT_mapaccess2_fast64, RT_mapaccess2_faststr},
	};
	MapVariant v = map_variant(mt);
	args[2] = fast_key(v, mt, key_addr);
	return lower_call_runtime(fns[ok][v], args, 3);
}

static LLVMValueRef map_assign(Type *mt, LLVMValueRef m, LLVMValueRef key_addr)
{
	static const RuntimeFn fns[4] = {RT_mapassign, RT_mapassign_fast32, RT_mapassign_fast64,
					 RT_mapassign_faststr};
	MapVariant v = map_variant(mt);
	LLVMValueRef args[3] = {lower_typedesc(mt), m, fast_key(v, mt, key_addr)};
	return lower_call_runtime(fns[v], args, 3);
}

/* The key operand k converted to the key type, in a temporary (its address is what the runtime
 * takes; an elided composite literal key is built there in place). */
static LLVMValueRef key_temp(Node *k, Type *kt)
{
	LLVMValueRef a = lower_alloca(kt, "map.key");
	lower_store_element(k, kt, a);
	return a;
}

/* Copies an elem out of the table: the slot may move at the next map operation. */
static LLVMValueRef load_elem(Type *elem, LLVMValueRef p)
{
	LLVMValueRef v = lower_load(elem, p);
	return type_is_aggregate(elem) ? lower_copy_to_temp(elem, v) : v;
}

/* ---- m[k] ------------------------------------------------------------------------------------ */

MapRef *lower_map_ref(Node *e)
{
	while (e->kind == ND_PAREN)
		e = e->paren.x;
	if (e->kind != ND_INDEX || map_type_of(e->index.x)->kind != TY_MAP)
		return NULL;
	MapRef *r = xalloc(sizeof *r);
	r->type = map_type_of(e->index.x);
	r->m = lower_expr(e->index.x);
	r->key = key_temp(e->index.indices.data[0], r->type->map.key);
	return r;
}

LLVMValueRef lower_map_ref_load(MapRef *r)
{
	return load_elem(r->type->map.value, map_access(r->type, r->m, r->key, false));
}

LLVMValueRef lower_map_ref_assign(MapRef *r)
{
	return map_assign(r->type, r->m, r->key);
}

LLVMValueRef lower_map_index(Node *e)
{
	MapRef *r = lower_map_ref(e);
	lower_set_pos(e->pos);
	return lower_map_ref_load(r);
}

/* v, ok := m[k]: {p, ok} = mapaccess2(...); v = *p. */
int lower_map_index_ok(Node *e, LLVMValueRef *vals, Type **types)
{
	MapRef *r = lower_map_ref(e);
	lower_set_pos(e->pos);
	LLVMValueRef pair = map_access(r->type, r->m, r->key, true);
	Type *elem = r->type->map.value;
	vals[0] = load_elem(elem, LLVMBuildExtractValue(L.b, pair, 0, ""));
	LLVMValueRef ok = LLVMBuildExtractValue(L.b, pair, 1, "");
	vals[1] = LLVMBuildICmp(L.b, LLVMIntNE, ok, LLVMConstInt(L.t_i8, 0, false), "ok");
	types[0] = elem;
	types[1] = type_basic(TY_BOOL);
	return 2;
}

/* ---- make, literals, len, delete ------------------------------------------------------------- */

static LLVMValueRef make_map(Type *t, LLVMValueRef hint, int64_t const_hint)
{
	LLVMValueRef desc = lower_typedesc(t);
	if (!hint && const_hint <= MAP_SMALL_HINT)
		return lower_call_runtime(RT_makemap_small, &desc, 1);
	LLVMValueRef args[3] = {desc, hint ? hint : i64c(const_hint), LLVMConstNull(L.t_ptr)};
	return lower_call_runtime(RT_makemap, args, 3);
}

/* make(map[K]V) and make(map[K]V, n). A constant hint picks makemap_small when it can. */
LLVMValueRef lower_map_make(Node *call)
{
	Type *t = lower_type_of(call);
	if (call->call.args.len < 2)
		return make_map(t, NULL, 0);
	Node *n = call->call.args.data[1];
	if (n->mode == MODE_CONST) {
		LLVMValueRef c = lower_index_value(n);
		int64_t v = (int64_t)LLVMConstIntGetSExtValue(c);
		if (v >= 0 && v <= MAP_SMALL_HINT)
			return make_map(t, NULL, v);
		return make_map(t, c, 0);
	}
	return make_map(t, lower_index_value(n), 0);
}

/* map[K]V{k1: v1, ...}: makemap for the entry count, then mapassign per entry in source order,
 * each key and value evaluated before its mapassign. */
LLVMValueRef lower_map_literal(Node *e)
{
	Type *mt = type_underlying(lower_type_of(e));
	Vec *elts = &e->composite.elts;
	lower_set_pos(e->pos);
	LLVMValueRef m = make_map(lower_type_of(e), NULL, elts->len);
	Type *elem = mt->map.value;
	for (int i = 0; i < elts->len; i++) {
		Node *kv = elts->data[i];
		LLVMValueRef key = key_temp(kv->key_value.key, mt->map.key);
		LLVMValueRef val = lower_alloca(elem, "map.val");
		lower_store_element(kv->key_value.value, elem, val);
		LLVMValueRef p = map_assign(mt, m, key);
		lower_store(elem, p, lower_load(elem, val));
	}
	return m;
}

/* len(m): m == nil ? 0 : the count word of the header; no call. */
LLVMValueRef lower_map_len(LLVMValueRef m)
{
	LLVMValueRef is_nil = LLVMBuildIsNull(L.b, m, "");
	LLVMBasicBlockRef from = LLVMGetInsertBlock(L.b);
	LLVMBasicBlockRef load = lower_block("maplen.load"), done = lower_block("maplen.done");
	LLVMBuildCondBr(L.b, is_nil, done, load);
	lower_position_at_end(load);
	LLVMValueRef n = LLVMBuildLoad2(L.b, L.t_i64, lower_gep(m, MAP_COUNT_OFFSET), "maplen");
	LLVMBuildBr(L.b, done);
	lower_position_at_end(done);
	LLVMValueRef phi = LLVMBuildPhi(L.b, L.t_i64, "len");
	LLVMValueRef vals[2] = {i64c(0), n};
	LLVMBasicBlockRef blocks[2] = {from, load};
	LLVMAddIncoming(phi, vals, blocks, 2);
	return phi;
}

/* delete(m, k). */
void lower_map_delete(Node *call)
{
	Node *mx = call->call.args.data[0], *k = call->call.args.data[1];
	Type *mt = map_type_of(mx);
	LLVMValueRef m = lower_expr(mx);
	LLVMValueRef key = key_temp(k, mt->map.key);
	lower_set_pos(call->pos);
	static const RuntimeFn fns[4] = {RT_mapdelete, RT_mapdelete_fast32, RT_mapdelete_fast64,
					 RT_mapdelete_faststr};
	MapVariant v = map_variant(mt);
	LLVMValueRef args[3] = {lower_typedesc(mt), m, fast_key(v, mt, key)};
	lower_call_runtime(fns[v], args, 3);
}

/* ---- range ----------------------------------------------------------------------------------- */

/* for k, v := range m, with the iterator in the frame (runtime.def):
 *       mapiterinit(t, m, &it); br cond
 *   cond: kp = it[KEY]; br kp == nil, end, body
 *   body: k = *kp; v = *it[ELEM]; <body>; br post
 *   post: mapiternext(&it); br cond
 * The key and elem are copied into the operands before the body, which may change the map. */
void lower_map_range(Node *s)
{
	Node *x = s->range_stmt.x;
	Type *mt = map_type_of(x);
	LLVMValueRef m = lower_expr(x);
	Type *itt = type_array(type_basic(TY_UNSAFE_POINTER), MAP_ITER_WORDS);
	LLVMValueRef it = lower_alloca(itt, "map.iter");
	LLVMValueRef args[3] = {lower_typedesc(mt), m, it};
	lower_set_pos(s->pos);
	lower_call_runtime(RT_mapiterinit, args, 3);
	LLVMBasicBlockRef cond = lower_block("maprange.cond"), body = lower_block("maprange.body");
	LLVMBasicBlockRef post = lower_block("maprange.post"), end = lower_block("maprange.end");
	LLVMBuildBr(L.b, cond);
	lower_position_at_end(cond);
	LLVMValueRef kp = LLVMBuildLoad2(L.b, L.t_ptr, lower_gep(it, MAP_ITER_KEY_WORD * 8), "kp");
	LLVMBuildCondBr(L.b, LLVMBuildIsNull(L.b, kp, ""), end, body);
	lower_position_at_end(body);
	LLVMValueRef v = NULL;
	if (s->range_stmt.value) {
		LLVMValueRef ep = LLVMBuildLoad2(L.b, L.t_ptr, lower_gep(it, MAP_ITER_ELEM_WORD * 8), "ep");
		v = lower_load(mt->map.value, ep);
	}
	lower_range_assign_pair(s, lower_load(mt->map.key, kp), mt->map.key, v, mt->map.value);
	lower_range_string_body(s, end, post);
	lower_br(post);
	lower_position_at_end(post);
	lower_call_runtime(RT_mapiternext, &it, 1);
	LLVMBuildBr(L.b, cond);
	lower_position_at_end(end);
}
