/*
 * map.c: Go maps (Go's runtime/map.go and its fast variants), as an open-addressing "Swiss" table.
 *
 * What comes in: the calls of runtime.def's map section (makemap, mapaccess1/2, mapassign,
 * mapdelete, mapiterinit/mapiternext, mapclear and their _fast32/_fast64/_faststr forms), each with
 * the map type's descriptor. What goes out: pointers to keys and elems inside the table (or to a
 * shared zero value), and go1.19's semantics: nil maps read as empty, `assignment to entry in nil
 * map`, NaN keys that are never found again, interface keys that panic when unhashable, iteration
 * in random order that tolerates any change to the map during the loop.
 *
 * The table (Abseil's SwissTable, which Go itself adopted in 1.24). Three parallel arrays of
 * `capacity` entries, a power of two and a multiple of 16: a control byte per slot, the keys, the
 * elems. A control byte is EMPTY (0x80), DELETED (0xFE, a tombstone) or, for a full slot, the low 7
 * bits of the key's hash (H2). The rest of the hash (H1 = hash >> 7) picks a group of 16 aligned
 * slots; a lookup loads the group's 16 control bytes into an SSE2 register, compares them all with H2
 * in one instruction, and checks keys only where the byte matched (a false match has probability
 * 1/128 per full slot). The probe moves to the next group, in triangular steps (g + 1, g + 3, g + 6
 * ... which visits every group of a power-of-two table), only while the group had no EMPTY byte: an
 * EMPTY byte proves the key was never pushed past it. The load limit is 7/8 (growth_left counts the
 * EMPTY slots an insert may still take), so every probe sequence ends.
 *
 * Deletion writes EMPTY when the slot's group already holds an EMPTY (no probe sequence can run
 * through that group), else a tombstone, which lookups walk past and inserts reuse. When an insert
 * needs an EMPTY slot and growth_left is 0, the table is rebuilt into fresh arrays: twice as large
 * when at least half the load limit is live, else the same size (that only drops tombstones).
 *
 * Invariant for iteration: a table's arrays are never rearranged in place. Rebuilding allocates new
 * arrays and leaves the old ones as they were, so an iterator keeps walking the table it started on
 * (it holds pointers to its arrays, which keeps them alive for a collector). On that stale table it
 * trusts only the keys: each full slot's key is looked up in the current table and produced with the
 * current entry's key and elem if still there, skipped if deleted since; that is go1.19's rule for
 * iterating an evacuated bucket (mapiternext's `mapaccessK` path). Keys that are not equal to
 * themselves (NaN) cannot be looked up, nor deleted, so they are produced from the stale table unless
 * mapclear ran since the walk began (clearseq). Entries inserted after a rebuild are not produced,
 * which Go allows. Iteration order: a random first group and a random rotation within every group,
 * drawn per mapiterinit, as go1.19's random start bucket and offset.
 *
 * Why not go1.19's bucketed map (8-slot buckets with a tophash byte each, overflow chains, and
 * incremental evacuation to a doubled array). Measured against go1.19 itself (tools/map-bench runs
 * the operation mix of testdata/bench/map_*.go on this table and go1.19 runs the Go programs; the
 * figures are in docs/benchmarks.md): this table takes 0.49 of go1.19's time on random int keys
 * (insert, hit and miss lookups, delete: 82 against 167 ns/op), 0.58 on string keys (129 against
 * 223 ns/op) and 0.58 on iteration (6.6 against 11.3 ns per entry), and the design is simpler. Buckets chase overflow pointers once they fill, compare tophashes one byte at a
 * time, and spread the cost of growth over later operations with an `oldbuckets` phase that every
 * lookup, insert, delete and iterator must handle; incremental growth exists to bound pause times in
 * a concurrent, latency-sensitive runtime, which gocc is not yet. SwissTable probes 16 slots per
 * instruction, has no overflow memory, and grows in one pass (amortised O(1) per insert, one pause
 * of O(n) at each doubling). Its cost is memory at low load just after a doubling (7/16 full at
 * worst, against go1.19's 6.5/16), and a rebuilt table is garbage unless an iterator holds it.
 * Rejected too: a Robin Hood table (backward-shift deletion moves entries, which breaks iterators)
 * and chaining (one allocation per entry).
 *
 * Keys and hashing. Per map (from the key descriptor, at makemap) the table picks how to hash and
 * compare keys: 4- and 8-byte regular-memory keys and strings are hashed and compared inline (the
 * _fast entry points and the generic ones alike, so one map can mix them); everything else calls the
 * descriptor's hashfn/equal (alg.c). Each map has its own random seed, renewed when it becomes empty
 * (as go1.19), so iteration orders and collisions differ between maps and runs.
 *
 * Memory. The header (map_header_type: its words ctrl/keys/elems are pointers), the control bytes
 * (no pointers), the keys (an array of t->key) and the elems (an array of t->elem) are each
 * allocated by runtime_mallocgc with their exact type, so a collector can scan them precisely.
 * Keys and elems are stored inline whatever their size. Deleting clears the slot's key and elem when
 * they hold pointers, so the table keeps nothing alive that the program deleted.
 *
 * Not yet: go1.19's `concurrent map writes` detection (needs goroutines), and shrinking.
 */
#include "map.h"

#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "alg.h"
#include "malloc.h"
#include "panic.h"

enum { CTRL_EMPTY = 0x80, CTRL_DELETED = 0xFE };

_Static_assert(sizeof(GoMap) == MAP_HEADER_WORDS * sizeof(void *), "runtime.def MAP_HEADER_WORDS");
_Static_assert(sizeof(MapIter) == MAP_ITER_WORDS * sizeof(void *), "runtime.def MAP_ITER_WORDS");
_Static_assert(offsetof(GoMap, count) == MAP_COUNT_OFFSET, "runtime.def MAP_COUNT_OFFSET");
_Static_assert(offsetof(MapIter, key) == MAP_ITER_KEY_WORD * sizeof(void *), "MAP_ITER_KEY_WORD");
_Static_assert(offsetof(MapIter, elem) == MAP_ITER_ELEM_WORD * sizeof(void *), "MAP_ITER_ELEM_WORD");

/* The zero value of a missing key's elem (Go's zeroVal). Read-only: a write through it faults. */
_Alignas(16) const uint8_t runtime_zeroVal[MAP_ZERO_SIZE];

/* The header's descriptor for the collector: words 1..3 (ctrl, keys, elems) are pointers. */
static const uint8_t header_gcdata[] = {0x0E};
static const GoType map_header_type = {
	.size = sizeof(GoMap), .ptrdata = 4 * sizeof(void *), .gcdata = (void *)header_gcdata,
	.align = 8, .field_align = 8, .kind = KIND_STRUCT, .string = GOSTR("runtime.hmap"),
};

/* ---- control-byte groups ---- */

/* A bit per slot of a group: bit i = slot i. */
typedef uint32_t Bits;

#ifdef __SSE2__
static inline __m128i group_load(const uint8_t *ctrl)
{
	return _mm_load_si128((const __m128i *)ctrl);
}

/* Slots whose control byte is h2 (full, with this hash's low 7 bits). */
static inline Bits group_match(const uint8_t *ctrl, uint8_t h2)
{
	return (Bits)_mm_movemask_epi8(_mm_cmpeq_epi8(group_load(ctrl), _mm_set1_epi8((char)h2)));
}

static inline Bits group_empty(const uint8_t *ctrl)
{
	return (Bits)_mm_movemask_epi8(_mm_cmpeq_epi8(group_load(ctrl), _mm_set1_epi8((char)CTRL_EMPTY)));
}

/* Slots an insert may take: EMPTY or DELETED, the bytes with the top bit set. */
static inline Bits group_free(const uint8_t *ctrl)
{
	return (Bits)_mm_movemask_epi8(group_load(ctrl));
}
#else
static inline Bits group_where(const uint8_t *ctrl, uint8_t mask, uint8_t value)
{
	Bits b = 0;
	for (int i = 0; i < MAP_GROUP; i++)
		b |= (Bits)((ctrl[i] & mask) == value) << i;
	return b;
}
static inline Bits group_match(const uint8_t *ctrl, uint8_t h2) { return group_where(ctrl, 0xFF, h2); }
static inline Bits group_empty(const uint8_t *ctrl) { return group_where(ctrl, 0xFF, CTRL_EMPTY); }
static inline Bits group_free(const uint8_t *ctrl) { return group_where(ctrl, 0x80, 0x80); }
#endif

static inline unsigned first_bit(Bits b)
{
	return (unsigned)__builtin_ctz(b);
}

static inline uintptr_t max_load(uintptr_t capacity)
{
	return capacity - capacity / 8;
}

/* ---- keys: hashing and comparing, specialised per MapKeyKind ---- */

static inline uintptr_t key_size(int kind, const GoType *kt)
{
	switch (kind) {
	case MAP_KEY_MEM32: return 4;
	case MAP_KEY_MEM64: return 8;
	case MAP_KEY_STRING: return sizeof(GoString);
	default: return kt->size;
	}
}

static inline uintptr_t key_hash(int kind, const GoType *kt, const void *key, uintptr_t seed)
{
	switch (kind) {
	case MAP_KEY_MEM32: return alg_memhash32(key, seed);
	case MAP_KEY_MEM64: return alg_memhash64(key, seed);
	case MAP_KEY_STRING: {
		const GoString *s = key;
		return alg_memhash(s->str, (uintptr_t)s->len, seed);
	}
	default: return ((GoHashFn)kt->hashfn)(key, seed, kt);
	}
}

static inline bool key_equal(int kind, const GoType *kt, const void *a, const void *b)
{
	switch (kind) {
	case MAP_KEY_MEM32: return memcmp(a, b, 4) == 0;
	case MAP_KEY_MEM64: {
		uint64_t x, y;
		memcpy(&x, a, 8);
		memcpy(&y, b, 8);
		return x == y;
	}
	case MAP_KEY_STRING: {
		const GoString *s = a, *t = b;
		return s->len == t->len && memcmp(s->str, t->str, (size_t)s->len) == 0;
	}
	default: return ((GoEqualFn)kt->equal)(a, b, kt);
	}
}

static inline void *slot_key(const GoMap *m, int kind, const GoType *kt, uintptr_t slot)
{
	return (char *)m->keys + slot * key_size(kind, kt);
}

static inline void *slot_elem(const GoMap *m, const GoType *t, uintptr_t slot)
{
	return (char *)m->elems + slot * t->elem->size;
}

static MapKeyKind key_kind_of(const GoType *kt)
{
	if (kt->equal == (void *)runtime_strequal)
		return MAP_KEY_STRING;
	if (kt->equal == (void *)runtime_memequal_t && kt->size == 4)
		return MAP_KEY_MEM32;
	if (kt->equal == (void *)runtime_memequal_t && kt->size == 8)
		return MAP_KEY_MEM64;
	return MAP_KEY_GENERIC;
}

/* ---- probing ---- */

/* The slot holding key (whose hash is h) in m's current table, or -1. */
static inline __attribute__((always_inline)) intptr_t find(const GoMap *m, int kind, const GoType *kt,
							   const void *key, uintptr_t h)
{
	uintptr_t gmask = m->mask / MAP_GROUP, g = (h >> 7) & gmask;
	uint8_t h2 = h & 0x7F;
	for (uintptr_t step = 1;; step++) {
		const uint8_t *ctrl = m->ctrl + g * MAP_GROUP;
		for (Bits b = group_match(ctrl, h2); b; b &= b - 1) {
			uintptr_t slot = g * MAP_GROUP + first_bit(b);
			if (key_equal(kind, kt, slot_key(m, kind, kt, slot), key))
				return (intptr_t)slot;
		}
		if (group_empty(ctrl))
			return -1;
		g = (g + step) & gmask;
	}
}

/* The first EMPTY or DELETED slot on h's probe sequence. */
static uintptr_t find_free(const GoMap *m, uintptr_t h)
{
	uintptr_t gmask = m->mask / MAP_GROUP, g = (h >> 7) & gmask;
	for (uintptr_t step = 1;; step++) {
		Bits b = group_free(m->ctrl + g * MAP_GROUP);
		if (b)
			return g * MAP_GROUP + first_bit(b);
		g = (g + step) & gmask;
	}
}

/* ---- tables ---- */

static void *alloc_array(uintptr_t n, const GoType *t)
{
	uintptr_t bytes;
	if (__builtin_mul_overflow(n, t->size, &bytes) || bytes > MALLOC_MAX_ALLOC)
		panic_throw("runtime: out of memory");
	return runtime_mallocgc(bytes, t->ptrdata ? t : NULL, true);
}

/* Gives m a fresh, empty table of `capacity` slots (the old arrays are left untouched). */
static void table_alloc(GoMap *m, const GoType *t, uintptr_t capacity)
{
	m->ctrl = runtime_mallocgc(capacity, NULL, false);
	memset(m->ctrl, CTRL_EMPTY, capacity);
	m->keys = alloc_array(capacity, t->key);
	m->elems = alloc_array(capacity, t->elem);
	m->mask = capacity - 1;
	m->growth_left = (intgo)max_load(capacity);
}

/* The smallest capacity whose load limit holds n entries. */
static uintptr_t capacity_for(uintptr_t n)
{
	uintptr_t c = MAP_GROUP;
	while (max_load(c) < n)
		c *= 2;
	return c;
}

/* Rebuilds m's table into new arrays (see the essay: double, or same size to drop tombstones). */
static void rebuild(GoMap *m, const GoType *t)
{
	GoMap old = *m;
	uintptr_t capacity = old.mask + 1;
	if ((uintptr_t)old.count >= max_load(capacity) / 2)
		capacity *= 2;
	table_alloc(m, t, capacity);
	const GoType *kt = t->key;
	uintptr_t es = t->elem->size;
	for (uintptr_t i = 0; i <= old.mask; i++) {
		if (old.ctrl[i] & 0x80)
			continue;
		const void *key = slot_key(&old, m->keykind, kt, i);
		uintptr_t h = key_hash(m->keykind, kt, key, m->seed);
		uintptr_t slot = find_free(m, h);
		m->ctrl[slot] = h & 0x7F;
		memcpy(slot_key(m, m->keykind, kt, slot), key, kt->size);
		memcpy(slot_elem(m, t, slot), (char *)old.elems + i * es, es);
	}
	m->growth_left -= m->count;
}

/* Fills in a new header for map type t. */
static GoMap *header_init(GoMap *m, const GoType *t)
{
	const GoType *kt = t->key;
	*m = (GoMap){.seed = (uintptr_t)alg_rand(), .keykind = (uint8_t)key_kind_of(kt)};
	m->keyflags = (uint8_t)((alg_reflexive(kt) ? MAP_KEY_REFLEXIVE : 0) |
				(alg_needkeyupdate(kt) ? MAP_KEY_UPDATE : 0) |
				(alg_hashmightpanic(kt) ? MAP_KEY_MAYPANIC : 0));
	return m;
}

/* ---- make ---- */

void *runtime_makemap_small(const GoType *t)
{
	return header_init(runtime_mallocgc(sizeof(GoMap), &map_header_type, true), t);
}

void *runtime_makemap(const GoType *t, intgo hint, void *h)
{
	GoMap *m = header_init(h ? h : runtime_mallocgc(sizeof(GoMap), &map_header_type, true), t);
	/* go1.19 treats a hint that is negative or whose table could not be allocated as 0 */
	uintptr_t per_entry = 1 + t->key->size + t->elem->size, bytes;
	if (hint <= MAP_SMALL_HINT || __builtin_mul_overflow((uintptr_t)hint, per_entry, &bytes) ||
	    bytes > MALLOC_MAX_ALLOC / 2)
		return m;
	table_alloc(m, t, capacity_for((uintptr_t)hint));
	return m;
}

/* ---- lookup ---- */

/* Go hashes the key even when the map is nil or empty if that can panic (an interface key). */
static void hash_for_panic(const GoType *kt, const void *key)
{
	if (alg_hashmightpanic(kt))
		((GoHashFn)kt->hashfn)(key, 0, kt);
}

/* The elem of key in m, or NULL. kind is m's MapKeyKind (a constant after inlining). */
static inline __attribute__((always_inline)) void *lookup(const GoType *t, const GoMap *m, int kind,
							  const void *key)
{
	if (m == NULL || m->count == 0) {
		if (m == NULL || (m->keyflags & MAP_KEY_MAYPANIC))
			hash_for_panic(t->key, key);
		return NULL;
	}
	intptr_t slot = find(m, kind, t->key, key, key_hash(kind, t->key, key, m->seed));
	return slot < 0 ? NULL : slot_elem(m, t, (uintptr_t)slot);
}

static void *lookup_generic(const GoType *t, const GoMap *m, const void *key)
{
	switch (m ? m->keykind : MAP_KEY_GENERIC) {
	case MAP_KEY_MEM32: return lookup(t, m, MAP_KEY_MEM32, key);
	case MAP_KEY_MEM64: return lookup(t, m, MAP_KEY_MEM64, key);
	case MAP_KEY_STRING: return lookup(t, m, MAP_KEY_STRING, key);
	default: return lookup(t, m, MAP_KEY_GENERIC, key);
	}
}

static GoPtrBool found(void *p, void *zero)
{
	return p ? (GoPtrBool){p, true} : (GoPtrBool){zero, false};
}

void *runtime_mapaccess1(const GoType *t, void *m, void *key)
{
	void *p = lookup_generic(t, m, key);
	return p ? p : (void *)runtime_zeroVal;
}

GoPtrBool runtime_mapaccess2(const GoType *t, void *m, void *key)
{
	return found(lookup_generic(t, m, key), (void *)runtime_zeroVal);
}

void *runtime_mapaccess1_fat(const GoType *t, void *m, void *key, void *zero)
{
	void *p = lookup_generic(t, m, key);
	return p ? p : zero;
}

GoPtrBool runtime_mapaccess2_fat(const GoType *t, void *m, void *key, void *zero)
{
	return found(lookup_generic(t, m, key), zero);
}

void *runtime_mapaccess1_fast32(const GoType *t, void *m, uint32_t key)
{
	void *p = lookup(t, m, MAP_KEY_MEM32, &key);
	return p ? p : (void *)runtime_zeroVal;
}

GoPtrBool runtime_mapaccess2_fast32(const GoType *t, void *m, uint32_t key)
{
	return found(lookup(t, m, MAP_KEY_MEM32, &key), (void *)runtime_zeroVal);
}

void *runtime_mapaccess1_fast64(const GoType *t, void *m, uintgo key)
{
	void *p = lookup(t, m, MAP_KEY_MEM64, &key);
	return p ? p : (void *)runtime_zeroVal;
}

GoPtrBool runtime_mapaccess2_fast64(const GoType *t, void *m, uintgo key)
{
	return found(lookup(t, m, MAP_KEY_MEM64, &key), (void *)runtime_zeroVal);
}

void *runtime_mapaccess1_faststr(const GoType *t, void *m, GoString key)
{
	void *p = lookup(t, m, MAP_KEY_STRING, &key);
	return p ? p : (void *)runtime_zeroVal;
}

GoPtrBool runtime_mapaccess2_faststr(const GoType *t, void *m, GoString key)
{
	return found(lookup(t, m, MAP_KEY_STRING, &key), (void *)runtime_zeroVal);
}

/* ---- assignment ---- */

static RUNTIME_NORET void panic_nil_map(void)
{
	static const RuntimeError e = {.kind = ERR_PLAIN, .msg = "assignment to entry in nil map"};
	panic_rterror(&e, NULL);
}

/* Takes free slot `slot` (chosen for hash h) for key; its elem is left for the caller to store. */
static inline void place(GoMap *m, int kind, const GoType *kt, uintptr_t slot, uintptr_t h, const void *key)
{
	if (m->ctrl[slot] == CTRL_EMPTY)
		m->growth_left--;
	m->ctrl[slot] = h & 0x7F;
	memcpy(slot_key(m, kind, kt, slot), key, key_size(kind, kt));
	m->count++;
}

/* The elem slot of key in m, inserting key first if it is absent (Go's mapassign). */
static inline __attribute__((always_inline)) void *assign(const GoType *t, GoMap *m, int kind,
							  const void *key)
{
	if (m == NULL)
		panic_nil_map();
	const GoType *kt = t->key;
	uintptr_t h = key_hash(kind, kt, key, m->seed);
	if (m->ctrl == NULL)
		table_alloc(m, t, MAP_GROUP);
	uintptr_t gmask = m->mask / MAP_GROUP, g = (h >> 7) & gmask, candidate = UINTPTR_MAX;
	uint8_t h2 = h & 0x7F;
	for (uintptr_t step = 1;; step++) {
		const uint8_t *ctrl = m->ctrl + g * MAP_GROUP;
		for (Bits b = group_match(ctrl, h2); b; b &= b - 1) {
			uintptr_t slot = g * MAP_GROUP + first_bit(b);
			void *k = slot_key(m, kind, kt, slot);
			if (!key_equal(kind, kt, k, key))
				continue;
			if (kind == MAP_KEY_STRING || (kind == MAP_KEY_GENERIC && (m->keyflags & MAP_KEY_UPDATE)))
				memcpy(k, key, key_size(kind, kt));
			return slot_elem(m, t, slot);
		}
		Bits free = group_free(ctrl);
		if (candidate == UINTPTR_MAX && free)
			candidate = g * MAP_GROUP + first_bit(free);
		if (group_empty(ctrl))
			break;
		g = (g + step) & gmask;
	}
	if (m->ctrl[candidate] == CTRL_EMPTY && m->growth_left == 0) {
		rebuild(m, t);
		candidate = find_free(m, h);
	}
	place(m, kind, kt, candidate, h, key);
	return slot_elem(m, t, candidate);
}

void *runtime_mapassign(const GoType *t, void *m, void *key)
{
	switch (m ? ((GoMap *)m)->keykind : MAP_KEY_GENERIC) {
	case MAP_KEY_MEM32: return assign(t, m, MAP_KEY_MEM32, key);
	case MAP_KEY_MEM64: return assign(t, m, MAP_KEY_MEM64, key);
	case MAP_KEY_STRING: return assign(t, m, MAP_KEY_STRING, key);
	default: return assign(t, m, MAP_KEY_GENERIC, key);
	}
}

void *runtime_mapassign_fast32(const GoType *t, void *m, uint32_t key)
{
	return assign(t, m, MAP_KEY_MEM32, &key);
}

void *runtime_mapassign_fast64(const GoType *t, void *m, uintgo key)
{
	return assign(t, m, MAP_KEY_MEM64, &key);
}

void *runtime_mapassign_faststr(const GoType *t, void *m, GoString key)
{
	return assign(t, m, MAP_KEY_STRING, &key);
}

/* ---- deletion ---- */

static inline __attribute__((always_inline)) void delete_key(const GoType *t, GoMap *m, int kind, const void *key)
{
	if (m == NULL || m->count == 0) {
		if (m == NULL || (m->keyflags & MAP_KEY_MAYPANIC))
			hash_for_panic(t->key, key);
		return;
	}
	const GoType *kt = t->key;
	intptr_t found_slot = find(m, kind, kt, key, key_hash(kind, kt, key, m->seed));
	if (found_slot < 0)
		return;
	uintptr_t slot = (uintptr_t)found_slot;
	if (group_empty(m->ctrl + (slot & ~(uintptr_t)(MAP_GROUP - 1)))) {
		m->ctrl[slot] = CTRL_EMPTY;
		m->growth_left++;
	} else {
		m->ctrl[slot] = CTRL_DELETED;
	}
	if (kt->ptrdata)
		memset(slot_key(m, kind, kt, slot), 0, kt->size);
	if (t->elem->ptrdata)
		memset(slot_elem(m, t, slot), 0, t->elem->size);
	if (--m->count == 0)
		m->seed = (uintptr_t)alg_rand(); /* as go1.19: harder to craft collisions over time */
}

void runtime_mapdelete(const GoType *t, void *m, void *key)
{
	switch (m ? ((GoMap *)m)->keykind : MAP_KEY_GENERIC) {
	case MAP_KEY_MEM32: delete_key(t, m, MAP_KEY_MEM32, key); break;
	case MAP_KEY_MEM64: delete_key(t, m, MAP_KEY_MEM64, key); break;
	case MAP_KEY_STRING: delete_key(t, m, MAP_KEY_STRING, key); break;
	default: delete_key(t, m, MAP_KEY_GENERIC, key); break;
	}
}

void runtime_mapdelete_fast32(const GoType *t, void *m, uint32_t key)
{
	delete_key(t, m, MAP_KEY_MEM32, &key);
}

void runtime_mapdelete_fast64(const GoType *t, void *m, uintgo key)
{
	delete_key(t, m, MAP_KEY_MEM64, &key);
}

void runtime_mapdelete_faststr(const GoType *t, void *m, GoString key)
{
	delete_key(t, m, MAP_KEY_STRING, &key);
}

void runtime_mapclear(const GoType *t, void *p)
{
	GoMap *m = p;
	if (m == NULL || m->ctrl == NULL)
		return;
	uintptr_t capacity = m->mask + 1;
	memset(m->ctrl, CTRL_EMPTY, capacity);
	if (t->key->ptrdata)
		memset(m->keys, 0, capacity * t->key->size);
	if (t->elem->ptrdata)
		memset(m->elems, 0, capacity * t->elem->size);
	m->count = 0;
	m->growth_left = (intgo)max_load(capacity);
	m->clearseq++;
	m->seed = (uintptr_t)alg_rand();
}

/* ---- iteration ---- */

void runtime_mapiterinit(const GoType *t, void *m_, void *it_)
{
	GoMap *m = m_;
	MapIter *it = it_;
	*it = (MapIter){.t = t, .m = m};
	if (m == NULL || m->count == 0)
		return;
	uint64_t r = alg_rand();
	it->ctrl = m->ctrl;
	it->keys = m->keys;
	it->elems = m->elems;
	it->mask = m->mask;
	it->start = (uintptr_t)(r >> 4) & (m->mask / MAP_GROUP);
	it->offset = (uintptr_t)r & (MAP_GROUP - 1);
	it->clearseq = m->clearseq;
	runtime_mapiternext(it);
}

/* Produces the entry of key (found in the iterator's stale table, see the essay) as it is now in
 * the map, or returns false if it was deleted since. */
static bool yield_current(MapIter *it, void *key, uintptr_t slot)
{
	GoMap *m = it->m;
	const GoType *t = it->t, *kt = t->key;
	int kind = m->keykind;
	if (!(m->keyflags & MAP_KEY_REFLEXIVE) && !key_equal(kind, kt, key, key)) {
		/* a NaN inside: it cannot have been deleted, only cleared */
		if (it->clearseq != m->clearseq)
			return false;
		it->key = key;
		it->elem = (char *)it->elems + slot * t->elem->size;
		return true;
	}
	if (m->count == 0)
		return false;
	intptr_t cur = find(m, kind, kt, key, key_hash(kind, kt, key, m->seed));
	if (cur < 0)
		return false;
	it->key = slot_key(m, kind, kt, (uintptr_t)cur);
	it->elem = slot_elem(m, t, (uintptr_t)cur);
	return true;
}

void runtime_mapiternext(void *it_)
{
	MapIter *it = it_;
	uintptr_t capacity = it->ctrl ? it->mask + 1 : 0, gmask = it->mask / MAP_GROUP;
	const GoType *t = it->t;
	while (it->i < capacity) {
		uintptr_t i = it->i++;
		uintptr_t slot = ((it->start + i / MAP_GROUP) & gmask) * MAP_GROUP + ((i + it->offset) & (MAP_GROUP - 1));
		if (it->ctrl[slot] & 0x80)
			continue;
		void *key = (char *)it->keys + slot * t->key->size;
		if (it->ctrl == it->m->ctrl) {
			it->key = key;
			it->elem = (char *)it->elems + slot * t->elem->size;
			return;
		}
		if (yield_current(it, key, slot))
			return;
	}
	it->key = it->elem = NULL;
}
