/*
 * types_test.c: unit tests for type identity hashing (types.c type_hash, type_identity_map): types
 * built separately but identical hash alike and share one entry of an identity map; different
 * types get their own entries.
 */
#include "types.h"

#include <criterion/criterion.h>

Test(types, identical_types_hash_alike)
{
	types_init();
	Type *i = type_basic(TY_INT), *s = type_basic(TY_STRING);
	Type *a1 = type_array(type_slice(i), 3), *a2 = type_array(type_slice(i), 3);
	cr_assert_neq(a1, a2);
	cr_assert(type_identical(a1, a2));
	cr_assert_eq(type_hash(a1), type_hash(a2));
	Type *m1 = type_map(s, a1), *m2 = type_map(s, a2);
	cr_assert_eq(type_hash(m1), type_hash(m2));

	HashMap ids = type_identity_map();
	hashmap_put(&ids, m1, m1);
	cr_assert_eq(hashmap_get(&ids, m2), m1);
	cr_assert_null(hashmap_get(&ids, type_map(s, type_array(type_slice(i), 4))));
	cr_assert_null(hashmap_get(&ids, type_map(i, a1)));
	hashmap_put(&ids, type_array(i, 3), (void *)1);
	cr_assert_eq(ids.len, 2);
}
