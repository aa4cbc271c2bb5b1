/*
 * hashmap_test.c: unit tests for hashmap.c and the interning built on it.
 *
 * A randomised model test drives a map through insertions, replacements and removals (the
 * backward-shift path) and compares every answer with a plain array that is the reference; the
 * other tests cover string keys, custom hash/equality, heterogeneous lookup and interned strings
 * holding NUL bytes.
 */
#include "common.h"

#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

enum { NKEYS = 512 };

Test(hashmap, model)
{
	static char keys[NKEYS];   /* the keys are the addresses &keys[i] */
	void *model[NKEYS] = {0};  /* reference: model[i] is the value of &keys[i], or NULL */
	HashMap m = {0};
	srand(42);
	for (int step = 0; step < 200000; step++) {
		int i = rand() % NKEYS;
		int op = rand() % 3;
		if (op == 0) {
			void *v = (void *)(uintptr_t)(step + 1);
			hashmap_put(&m, &keys[i], v);
			model[i] = v;
		} else if (op == 1) {
			cr_assert_eq(hashmap_remove(&m, &keys[i]), model[i] != NULL);
			model[i] = NULL;
		} else {
			cr_assert_eq(hashmap_get(&m, &keys[i]), model[i], "step %d key %d", step, i);
		}
	}
	size_t live = 0;
	for (int i = 0; i < NKEYS; i++) {
		live += model[i] != NULL;
		cr_assert_eq(hashmap_get(&m, &keys[i]), model[i]);
	}
	cr_assert_eq(m.len, live);
}

Test(hashmap, growth_keeps_everything)
{
	HashMap m = {0};
	int *keys = calloc(100000, sizeof *keys);
	for (int i = 0; i < 100000; i++)
		hashmap_put(&m, &keys[i], &keys[i]);
	cr_assert_eq(m.len, 100000);
	cr_assert(m.len * 2 <= m.cap);
	for (int i = 0; i < 100000; i++)
		cr_assert_eq(hashmap_get(&m, &keys[i]), &keys[i]);
	free(keys);
}

Test(hashmap, string_keys)
{
	HashMap m = hashmap_strings();
	char a[] = "alpha", b[] = "alpha";
	hashmap_put(&m, a, (void *)1);
	cr_assert_eq(hashmap_get(&m, b), (void *)1); /* same contents, other address */
	hashmap_put(&m, b, (void *)2);
	cr_assert_eq(m.len, 1);
	cr_assert_eq(hashmap_get(&m, "alpha"), (void *)2);
	cr_assert_null(hashmap_get(&m, "beta"));
	cr_assert(hashmap_remove(&m, "alpha"));
	cr_assert_null(hashmap_get(&m, a));
}

/* Keys are ints compared modulo 10: a custom equality with a hash consistent with it. */
static uint64_t mod_hash(const void *k)
{
	return (uint64_t)(*(const int *)k % 10);
}

static bool mod_eq(const void *a, const void *b)
{
	return *(const int *)a % 10 == *(const int *)b % 10;
}

Test(hashmap, custom_identity)
{
	HashMap m = hashmap_custom(mod_hash, mod_eq);
	int x = 13, y = 23, z = 4;
	hashmap_put(&m, &x, &x);
	cr_assert_eq(hashmap_get(&m, &y), &x);
	cr_assert_null(hashmap_get(&m, &z));
}

static bool match_prefix3(const void *key, const void *probe)
{
	return strncmp(key, probe, 3) == 0;
}

Test(hashmap, find_by_probe)
{
	HashMap m = hashmap_strings();
	hashmap_put(&m, "abc", (void *)7);
	void *v = NULL;
	const char *k = hashmap_find(&m, hash_bytes("abc", 3), match_prefix3, "abcdef", &v);
	cr_assert_str_eq(k, "abc");
	cr_assert_eq(v, (void *)7);
	cr_assert_null(hashmap_find(&m, hash_bytes("abd", 3), match_prefix3, "abd", NULL));
}

Test(intern, same_bytes_same_pointer_with_nul)
{
	const char *a = intern("a\0b", 3), *b = intern("a\0c", 3), *c = intern("a\0b", 3);
	cr_assert_neq(a, b);
	cr_assert_eq(a, c);
	cr_assert_neq(intern("a", 1), a);
	cr_assert_eq(intern("xyz", 3), intern("xyzw", 3));
	cr_assert_eq(intern("", 0), intern("", 0));
}
