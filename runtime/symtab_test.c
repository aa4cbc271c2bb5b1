/*
 * symtab_test.c: the package record of a real gocc-compiled program. CMake compiles
 * testdata/symtab_prog.go with `gocc build -S` and links the assembly into this test, so the record checked
 * here is the one the compiler emits (section gocc_packages), walked by symtab.c.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "symtab.h"

static bool str_is(GoString s, const char *want)
{
	return s.len == (intgo)strlen(want) && memcmp(s.str, want, (size_t)s.len) == 0;
}

/* The descriptor spelled str: the record lists the types reflect could make (unnamed pointers,
 * slices, maps, chans, funcs); a named type T is found as the element of its *T. */
static const GoType *find_type(const GoPackage *p, const char *str)
{
	const GoType *const *types = p->types;
	for (uintptr_t i = 0; i < p->ntypes; i++)
		if (str_is(types[i]->string, str))
			return types[i];
	for (uintptr_t i = 0; i < p->ntypes; i++)
		if (types[i]->string.len == (intgo)strlen(str) + 1 && types[i]->string.str[0] == '*' &&
		    memcmp(types[i]->string.str + 1, str, strlen(str)) == 0)
			return types[i]->elem;
	return NULL;
}

Test(symtab, one_record_for_main)
{
	size_t n;
	const GoPackage *p = symtab_packages(&n);
	cr_assert_eq(n, 1);
	cr_assert(str_is(p[0].path, "main"));
	cr_assert_eq(symtab_find_package(GOSTR("main")), &p[0]);
	cr_assert_null(symtab_find_package(GOSTR("fmt")));
}

/* count, head and names have storage (not `_`), in source order, with their descriptors. */
Test(symtab, globals_with_descriptors)
{
	const GoPackage *p = symtab_find_package(GOSTR("main"));
	cr_assert_not_null(p);
	cr_assert_eq(p->nglobals, 5);
	const GoGlobal *g = p->globals;
	cr_assert(str_is(g[0].type->string, "int"));
	cr_assert(str_is(g[1].type->string, "*main.Pair"));
	cr_assert(str_is(g[2].type->string, "[]string"));
	for (int i = 0; i < 3; i++)
		cr_assert_not_null(g[i].addr);
	cr_assert_eq(g[1].type->elem, find_type(p, "main.Pair"));
}

/* The descriptors the package emitted, with their ABI v1 contents. */
Test(symtab, types_listed)
{
	const GoPackage *p = symtab_find_package(GOSTR("main"));
	const GoType *pair = find_type(p, "main.Pair");
	cr_assert_not_null(pair);
	cr_assert_eq(type_kind(pair), KIND_STRUCT);
	cr_assert_eq(pair->size, 24);
	cr_assert_eq(pair->ptrdata, 24);
	cr_assert_eq(((const uint8_t *)pair->gcdata)[0], 0x5); /* words 0 (string data) and 2 (next) */
	cr_assert(str_is(type_pkgpath(pair), "main"));
	cr_assert_eq(pair->nextra, 2);
	const GoField *f = pair->extra;
	cr_assert(str_is(f[1].name, "next"));
	cr_assert_eq(f[1].offset, 16);
	cr_assert_eq(pair->ptrtothis, find_type(p, "*main.Pair"));
	const GoType *ptr = find_type(p, "*main.Pair");
	cr_assert(ptr->kind & KIND_DIRECT_IFACE);
	cr_assert_eq(ptr->elem, pair);
}

/* The itab entry points of a method table, called as an itab would call them: receiver = the
 * interface's data word (a pointer to the boxed value, or the value of a pointer-shaped type). */
typedef intgo (*ValFn)(void *ctx, void *data);
typedef void (*AddFn)(void *ctx, void *data, intgo d);

static const GoMethod *method(const GoType *t, const char *name)
{
	const GoMethod *m = t->methods;
	for (uintptr_t i = 0; i < t->nmethods; i++)
		if (str_is(method_name(&m[i]), name))
			return &m[i];
	return NULL;
}

static void *global_addr(const GoPackage *p, int i)
{
	return ((const GoGlobal *)p->globals)[i].addr;
}

Test(symtab, promoted_methods_through_itab_entries)
{
	main_init(); /* outer, ref */
	const GoPackage *p = symtab_find_package(GOSTR("main"));
	const GoType *outer = find_type(p, "main.Outer"), *pouter = find_type(p, "*main.Outer");
	cr_assert_eq(outer->nmethods, 1); /* Val; Add needs *Outer */
	cr_assert_eq(pouter->nmethods, 2); /* Add, Val: sorted by name */
	cr_assert(str_is(method_name(&((const GoMethod *)pouter->methods)[0]), "Add"));
	void *o = global_addr(p, 3);
	cr_assert_eq(((ValFn)method(outer, "Val")->ifn)(NULL, o), 40);
	((AddFn)method(pouter, "Add")->ifn)(NULL, o, 2);
	cr_assert_eq(((ValFn)method(pouter, "Val")->ifn)(NULL, o), 42);
	cr_assert_eq(((ValFn)method(outer, "Val")->tfn)(NULL, o), 42);
}

Test(symtab, pointer_shaped_struct_passes_its_word)
{
	main_init();
	const GoPackage *p = symtab_find_package(GOSTR("main"));
	const GoType *ref = find_type(p, "main.Ref");
	cr_assert(ref->kind & KIND_DIRECT_IFACE);
	cr_assert_eq(ref->nmethods, 2); /* Add and Val through the embedded *Inner */
	void *word = *(void **)global_addr(p, 4);
	((AddFn)method(ref, "Add")->ifn)(NULL, word, 3);
	cr_assert_eq(((ValFn)method(ref, "Val")->ifn)(NULL, word), 10);
}
