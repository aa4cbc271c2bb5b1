/*
 * lower_test.c: unit tests of the lowering as a whole: lower_package on checked source.
 *
 * The package is the unit of lowering: each lower_package call gets a fresh Lower context, and one
 * process may lower several packages in turn, each into its own LLVM module of the one shared
 * context. These tests parse and check small packages from strings (as gocc build does), lower them
 * one after the other, and look at the modules: each must verify on its own (a module referring to
 * a global or function of another module fails verification), and what one package defines must
 * not show up in, or be reused by, the next.
 */
#include <criterion/criterion.h>

#include "lower.h"

#include <llvm-c/Analysis.h>
#include <string.h>

/* ---- helpers --------------------------------------------------------------------------------- */

static Package *last_pkg; /* the package lower_src checked last */

/* Parses, checks and lowers the package `path` from `src` (file name `name`); no diagnostics
 * allowed. */
static Module *lower_src(const char *path, const char *name, const char *src)
{
	static Options opts = {.opt_level = 0};
	Node *f = parse_file_mode(source_add(name, xstrdup(src), strlen(src)), PARSE_GC);
	Vec files = {0};
	vec_push(&files, f);
	types_init();
	Package *pkg = package_new(path);
	check_package(pkg, &files);
	last_pkg = pkg;
	middle_package(pkg);
	Module *m = lower_package(pkg, &opts);
	char *diags = diag_flush_string();
	cr_assert_str_eq(diags, "", "unexpected diagnostics for:\n%s\n---\n%s", src, diags);
	return m;
}

static void assert_verifies(Module *m)
{
	char *msg = NULL;
	bool broken = LLVMVerifyModule(m->mod, LLVMReturnStatusAction, &msg);
	cr_assert(!broken, "module %s does not verify:\n%s", LLVMGetModuleIdentifier(m->mod, &(size_t){0}), msg);
	LLVMDisposeMessage(msg);
}

/* The number of globals of m whose name starts with `prefix`. */
/* Globals named `name` or `name.N` (LLVM's suffix for a second global of the same name); the
 * descriptors' own records ("type:main.T.fields", ".methods", ".gcdata") do not count. */
static int count_globals(Module *m, const char *name)
{
	int n = 0;
	size_t len = strlen(name);
	for (LLVMValueRef g = LLVMGetFirstGlobal(m->mod); g; g = LLVMGetNextGlobal(g)) {
		const char *s = LLVMGetValueName(g);
		if (strncmp(s, name, len) != 0)
			continue;
		s += len;
		if (*s == '.')
			s += strspn(s + 1, "0123456789") > 0 ? 1 + strspn(s + 1, "0123456789") : 0;
		n += *s == 0;
	}
	return n;
}

/* ---- two packages, one process ------------------------------------------------------------------ */

/* The same declarations, with the same unexported names, go into every package of these tests. */
#define SHARED_DECLS \
	"type T struct{ p *int; n int }\n" \
	"\n" \
	"var g = &T{}\n" \
	"\n" \
	"func (t *T) get() int { return t.n }\n" \
	"\n" \
	"var keep **int\n" \
	"\n"

static const char *first_src =
	"package main\n"
	"\n"
	SHARED_DECLS
	"func main() {\n"
	"\tf := func() int { return g.get() }\n"
	"\tq := new(*int)\n"
	"\tkeep = q /* escapes: newobject(type:*int) */\n"
	"\tprintln(f(), *q == nil)\n"
	"}\n";

static const char *second_src =
	"package main\n"
	"\n"
	"type T struct{ a, b *T }\n"
	"\n"
	"var g T\n"
	"\n"
	"var keep **int\n"
	"\n"
	"func (t *T) get() *T { return t.a }\n"
	"\n"
	"func main() {\n"
	"\tx := new(T)\n"
	"\tf := x.get\n"
	"\tq := new(*int)\n"
	"\tkeep = q\n"
	"\tprintln(f() == nil, g.b == nil, *q == nil)\n"
	"}\n";

Test(packages, lowered_in_turn_share_no_state)
{
	Module *first = lower_src("main", "first.go", first_src);
	Module *second = lower_src("main", "second.go", second_src);
	cr_assert_neq(first->mod, second->mod);
	cr_assert_eq(first->ctx, second->ctx, "one LLVM context per process");
	assert_verifies(first);
	assert_verifies(second);
	/* each module has its own descriptor for its own T, made in its own module */
	cr_assert_eq(count_globals(first, "type:main.T"), 1);
	cr_assert_eq(count_globals(second, "type:main.T"), 1);
	/* *int is one Type shared by both packages; its descriptor is made again in the second module */
	cr_assert(LLVMGetNamedGlobal(first->mod, "type:*int"));
	cr_assert(LLVMGetNamedGlobal(second->mod, "type:*int"));
	LLVMValueRef g1 = LLVMGetNamedGlobal(first->mod, "main.g");
	LLVMValueRef g2 = LLVMGetNamedGlobal(second->mod, "main.g");
	cr_assert(g1 && g2 && g1 != g2);
	cr_assert(LLVMGetNamedFunction(first->mod, "main.(*T).get"));
	cr_assert(LLVMGetNamedFunction(second->mod, "main.(*T).get"));
	cr_assert(LLVMGetNamedFunction(second->mod, "main.(*T).get-fm"));
	cr_assert_null(LLVMGetNamedFunction(first->mod, "main.(*T).get-fm"));
}

/* ---- link names and type strings come from the package -------------------------------------- */

static const char *pkg_a_src =
	"package a\n"
	"\n"
	SHARED_DECLS
	"func F() int {\n"
	"\tf := func() int { return g.get() }\n"
	"\treturn f()\n"
	"}\n";

static Type *pkg_type(Package *pkg, const char *name)
{
	Object *o = scope_lookup_local(pkg->scope, intern(name, strlen(name)));
	cr_assert(o && o->kind == OBJ_TYPE && o->pkg == pkg, "no type %s in package %s", name, pkg->path);
	return o->type;
}

Test(packages, symbols_of_two_packages)
{
	Module *a = lower_src("a", "a.go", pkg_a_src);
	Package *pa = last_pkg;
	Module *m = lower_src("main", "main.go", first_src);
	Package *pm = last_pkg;
	assert_verifies(a);
	assert_verifies(m);
	cr_assert_str_eq(pa->name, "a");
	cr_assert_str_eq(pa->prefix, "a");
	const char *a_syms[] = {"a.F", "a.F.func1", "a.(*T).get", "a.init"};
	for (size_t i = 0; i < sizeof a_syms / sizeof a_syms[0]; i++) {
		cr_assert(LLVMGetNamedFunction(a->mod, a_syms[i]), "no %s in package a", a_syms[i]);
		cr_assert_null(LLVMGetNamedFunction(m->mod, a_syms[i]), "%s in package main", a_syms[i]);
	}
	cr_assert(LLVMGetNamedGlobal(a->mod, "a.g"));
	cr_assert(LLVMGetNamedFunction(m->mod, "main.(*T).get"));
	cr_assert(LLVMGetNamedFunction(m->mod, "main.init"));
	/* the same unexported type name: two types, two strings, two descriptors */
	Type *ta = pkg_type(pa, "T"), *tm = pkg_type(pm, "T");
	cr_assert_str_eq(type_string(ta), "a.T");
	cr_assert_str_eq(type_string(tm), "main.T");
	cr_assert_eq(count_globals(a, "type:a.T"), 1);
	cr_assert_eq(count_globals(m, "type:main.T"), 1);
	cr_assert_eq(count_globals(m, "type:a.T"), 0);
	/* struct{ p *int; n int } spelled alike in both: unexported fields make them different */
	cr_assert_not(type_identical(type_underlying(ta), type_underlying(tm)));
	cr_assert(type_identical(type_underlying(ta), type_underlying(ta)));
}

Test(packages, link_prefix_escapes_like_gc)
{
	cr_assert_str_eq(package_new("main")->prefix, "main");
	cr_assert_str_eq(package_new("example.com/m/v2")->prefix, "example.com/m/v2");
	cr_assert_str_eq(package_new("example.com/go.pkg")->prefix, "example.com/go%2epkg");
	cr_assert_str_eq(package_new("a b%\"c")->prefix, "a%20b%25%22c");
}
