/*
 * hashmap.c: open addressing with linear probing (design in hashmap.h).
 *
 * Invariants: cap is 0 or a power of two; len * 2 < cap after every insertion; every key sits in
 * the probe run that starts at its home slot (hash & (cap - 1)) with no empty slot between the home
 * and the key. Backward-shift removal keeps that last invariant without tombstones.
 */
#include "hashmap.h"
#include "common.h"

#include <string.h>

uint64_t hash_bytes(const void *data, size_t n)
{
	const unsigned char *s = data;
	uint64_t h = 14695981039346656037ull;
	for (size_t i = 0; i < n; i++)
		h = (h ^ s[i]) * 1099511628211ull;
	return h;
}

uint64_t hash_mix(uint64_t h, uint64_t x)
{
	h ^= x + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2);
	h ^= h >> 29;
	h *= 0xBF58476D1CE4E5B9ull;
	return h ^ (h >> 32);
}

uint64_t hash_pointer(const void *p)
{
	return hash_mix(0, (uintptr_t)p);
}

static uint64_t hash_cstring(const void *s)
{
	return hash_bytes(s, strlen(s));
}

static bool eq_cstring(const void *a, const void *b)
{
	return strcmp(a, b) == 0;
}

HashMap hashmap_strings(void)
{
	return (HashMap){.hash = hash_cstring, .eq = eq_cstring};
}

HashMap hashmap_custom(HashFn hash, HashEqFn eq)
{
	return (HashMap){.hash = hash, .eq = eq};
}

static uint64_t key_hash(const HashMap *m, const void *key)
{
	return m->hash ? m->hash(key) : hash_pointer(key);
}

static bool key_eq(const HashMap *m, const void *a, const void *b)
{
	return a == b || (m->eq && m->eq(a, b));
}

/* The slot holding key, or the empty slot where it would go. */
static size_t slot_of(const HashMap *m, const void *key, uint64_t h)
{
	size_t mask = m->cap - 1, i = h & mask;
	while (m->keys[i] && !(m->hashes[i] == h && key_eq(m, m->keys[i], key)))
		i = (i + 1) & mask;
	return i;
}

static void grow(HashMap *m)
{
	HashMap n = *m;
	n.cap = m->cap ? m->cap * 2 : 16;
	n.len = 0;
	n.keys = xalloc(sizeof *n.keys * n.cap);
	n.vals = xalloc(sizeof *n.vals * n.cap);
	n.hashes = xalloc(sizeof *n.hashes * n.cap);
	for (size_t i = 0; i < m->cap; i++) {
		if (!m->keys[i])
			continue;
		size_t j = m->hashes[i] & (n.cap - 1);
		while (n.keys[j])
			j = (j + 1) & (n.cap - 1);
		n.keys[j] = m->keys[i];
		n.vals[j] = m->vals[i];
		n.hashes[j] = m->hashes[i];
		n.len++;
	}
	*m = n;
}

void *hashmap_get(const HashMap *m, const void *key)
{
	if (!m->len)
		return NULL;
	size_t i = slot_of(m, key, key_hash(m, key));
	return m->keys[i] ? m->vals[i] : NULL;
}

void hashmap_put(HashMap *m, const void *key, void *val)
{
	if ((m->len + 1) * 2 > m->cap)
		grow(m);
	uint64_t h = key_hash(m, key);
	size_t i = slot_of(m, key, h);
	if (!m->keys[i]) {
		m->keys[i] = key;
		m->hashes[i] = h;
		m->len++;
	}
	m->vals[i] = val;
}

/* Is slot `home` cyclically within (from, to]? Then an entry whose home it is may not move to from. */
static bool home_between(size_t home, size_t from, size_t to)
{
	return from <= to ? from < home && home <= to : from < home || home <= to;
}

bool hashmap_remove(HashMap *m, const void *key)
{
	if (!m->len)
		return false;
	size_t mask = m->cap - 1, hole = slot_of(m, key, key_hash(m, key));
	if (!m->keys[hole])
		return false;
	for (size_t j = (hole + 1) & mask; m->keys[j]; j = (j + 1) & mask) {
		if (home_between(m->hashes[j] & mask, hole, j))
			continue;
		m->keys[hole] = m->keys[j];
		m->vals[hole] = m->vals[j];
		m->hashes[hole] = m->hashes[j];
		hole = j;
	}
	m->keys[hole] = NULL;
	m->vals[hole] = NULL;
	m->len--;
	return true;
}

const void *hashmap_find(const HashMap *m, uint64_t hash, bool (*match)(const void *key, const void *probe),
                         const void *probe, void **val)
{
	if (!m->len)
		return NULL;
	size_t mask = m->cap - 1;
	for (size_t i = hash & mask; m->keys[i]; i = (i + 1) & mask) {
		if (m->hashes[i] == hash && match(m->keys[i], probe)) {
			if (val)
				*val = m->vals[i];
			return m->keys[i];
		}
	}
	return NULL;
}
