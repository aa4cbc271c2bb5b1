/*
 * map.h: Go maps (map.c; Go's runtime/map.go, map_fast32.go, map_fast64.go, map_faststr.go).
 *
 * The compiler sees a map value as one pointer to a GoMap header (NULL = the nil map) and calls the
 * MAP_FUNC entry points of runtime.def; it never touches the table, with two exceptions fixed by
 * the contract: len(m) is the header's first word (m == NULL ? 0 : *(intgo *)m), and an iteration
 * uses a MapIter of MAP_ITER_WORDS words in the caller's frame whose first two words are the current
 * key and elem pointers. runtime.def's map section is the contract; this header is the runtime's
 * view of it.
 *
 * Invariants (map.c's essay explains the table):
 *  - count == number of FULL control bytes in the current table; ctrl == NULL iff the table was
 *    never allocated (then count == 0 and mask == 0).
 *  - capacity = mask + 1 is a power of two and a multiple of MAP_GROUP; growth_left + count +
 *    (DELETED bytes) == capacity * 7/8 for the current table, so at least capacity/8 bytes are EMPTY
 *    and every probe sequence ends.
 *  - A table is never modified in place by a resize: growing (or compacting tombstones) builds new
 *    arrays, so an iterator that started on the old ones can keep walking them.
 *  - Fields are guarded by there being one thread (no hashWriting flag yet: the scheduler issue
 *    adds go1.19's `concurrent map writes` detection).
 */
#ifndef GOCC_RUNTIME_MAP_H
#define GOCC_RUNTIME_MAP_H

#include "runtime.h"

/* Slots per probe group: one SSE2 compare examines 16 control bytes. */
#define MAP_GROUP 16

/* The map header (Go's hmap). Allocated by makemap with the descriptor map_header_type, whose
 * bitmap marks ctrl, keys and elems as pointers; or supplied by the compiler (a non-escaping
 * make) as MAP_HEADER_WORDS words in its frame. */
typedef struct GoMap {
	intgo count;          /* len(m): word 0 by contract (MAP_COUNT_OFFSET) */
	uint8_t *ctrl;        /* capacity control bytes: EMPTY, DELETED or the hash's low 7 bits */
	void *keys;           /* capacity keys, an array of t->key */
	void *elems;          /* capacity elems, an array of t->elem */
	uintptr_t mask;       /* capacity - 1 (0 while ctrl == NULL) */
	intgo growth_left;    /* inserts into EMPTY slots left before the table must be rebuilt */
	uintptr_t seed;       /* per-map hash seed (Go's hash0), renewed when the map empties */
	uint32_t clearseq;    /* bumped by mapclear: iterators over an older table stop yielding */
	uint8_t keykind;      /* MapKeyKind: how keys are hashed and compared (cached from t->key) */
	uint8_t keyflags;     /* MAP_KEY_* bits (cached from t->key) */
} GoMap;

/* The iterator (Go's hiter), in MAP_ITER_WORDS words of the caller's frame. */
typedef struct MapIter {
	void *key;            /* current key, NULL when the iteration is over: word 0 by contract */
	void *elem;           /* current elem: word 1 by contract */
	const GoType *t;      /* the map type */
	GoMap *m;
	uint8_t *ctrl;        /* the table the iteration started on (kept even if the map grows) */
	void *keys;
	void *elems;
	uintptr_t mask;       /* its capacity - 1 */
	uintptr_t start;      /* random first group */
	uintptr_t offset;     /* random first slot within each group */
	uintptr_t i;          /* slots of the walk visited so far, 0..capacity */
	uintptr_t clearseq;   /* m->clearseq at mapiterinit */
} MapIter;

/* How the table hashes and compares keys; picked once per map from the key's descriptor. */
typedef enum MapKeyKind {
	MAP_KEY_GENERIC, /* through t->key->hashfn / equal */
	MAP_KEY_MEM32,   /* 4 bytes of regular memory (int32, uint32, float-free structs ...) */
	MAP_KEY_MEM64,   /* 8 bytes of regular memory (int, uint64, pointers, chans ...) */
	MAP_KEY_STRING,  /* string */
} MapKeyKind;

enum {
	MAP_KEY_REFLEXIVE = 1,  /* k == k for every key (no floats or interfaces inside) */
	MAP_KEY_UPDATE = 2,     /* overwrite the stored key on assignment (+0/-0, strings, ...) */
	MAP_KEY_MAYPANIC = 4,   /* hashing may panic (an interface inside): hash even on nil maps */
};

/* The zero value mapaccess1/2 return for a missing key when the elem fits (read-only). */
extern const uint8_t runtime_zeroVal[];

/* The MAP_FUNC prototypes and MAP_CONST values of runtime.def. */
#define MAP_FUNC(name, result, ...) RUNTIME_API RT_C_##result runtime_##name(RT_PARAMS(__VA_ARGS__));
#include "runtime.def"

enum {
#define MAP_CONST(name, value) name = value,
#include "runtime.def"
};

#endif
