/*
 * hashmap.h: the one hash table of the compiler.
 *
 * In: keys that are pointers (Objects, Nodes, Types: identity), NUL-terminated strings, or anything
 * with a caller-given hash and equality (types under Go's type identity, types.h type_hash). Out:
 * O(1) expected lookup, insertion and removal, so no phase is quadratic in the size of a package.
 *
 * The one idea: open addressing with linear probing over a power-of-two table kept at most half
 * full, storing each key's hash beside it (growing never re-hashes a key, and a probe compares
 * hashes before calling the equality). Removal shifts the following entries of the probe run back
 * (no tombstones), so lookups stay short however many removals there were. Tables live in the
 * arena: growing abandons the old table, which at most doubles the memory of the final one.
 *
 * A zero HashMap is an empty pointer-keyed map; values are non-NULL pointers (get returns NULL for
 * a missing key). Iterate with `for (size_t i = 0; i < m.cap; i++) if (m.keys[i]) ...`; the order
 * is the table's, so a phase whose output depends on order keeps its own Vec beside the map.
 */
#ifndef GOCC_HASHMAP_H
#define GOCC_HASHMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uint64_t (*HashFn)(const void *key);
typedef bool (*HashEqFn)(const void *a, const void *b);

typedef struct HashMap {
	const void **keys;  /* NULL marks an empty slot */
	void **vals;
	uint64_t *hashes;
	size_t cap, len;
	HashFn hash;        /* NULL: the key's address (pointer identity) */
	HashEqFn eq;        /* NULL: pointer equality */
} HashMap;

/* A map keyed by NUL-terminated strings (compared by contents). */
HashMap hashmap_strings(void);
/* A map keyed by anything, with the given hash and equality (eq(a, b) implies hash(a) == hash(b)). */
HashMap hashmap_custom(HashFn hash, HashEqFn eq);

void *hashmap_get(const HashMap *m, const void *key);
void hashmap_put(HashMap *m, const void *key, void *val); /* inserts or replaces */
bool hashmap_remove(HashMap *m, const void *key);           /* false if key was absent */

/* Lookup by a probe that is not itself a key (e.g. a string that is not NUL-terminated): hash must
 * be what m's hash would give for the matching key; match(key, probe) says whether key matches.
 * Returns the stored key (or NULL); *val receives its value when val is not NULL. */
const void *hashmap_find(const HashMap *m, uint64_t hash, bool (*match)(const void *key, const void *probe),
                         const void *probe, void **val);

uint64_t hash_bytes(const void *data, size_t n);  /* FNV-1a */
uint64_t hash_pointer(const void *p);
uint64_t hash_mix(uint64_t h, uint64_t x);         /* combines a hash with one more word */

#endif
