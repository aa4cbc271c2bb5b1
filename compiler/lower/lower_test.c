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

/* Parses, checks and lowers one package from `src` (file name `name`); no diagnostics allowed. */
static Module *lower_src(const char *name, const char *src)
{
	static Options opts = {.opt_level = 0};
	Node *f = parse_file_mode(source_add(name, xstrdup(src), strlen(src)), PARSE_GC);
	Vec files = {0};
	vec_push(&files, f);
	types_init();
	Package *pkg = check_package(&files);
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
static int count_globals(Module *m, const char *prefix)
{
	int n = 0;
	for (LLVMValueRef g = LLVMGetFirstGlobal(m->mod); g; g = LLVMGetNextGlobal(g))
		if (strncmp(LLVMGetValueName(g), prefix, strlen(prefix)) == 0)
			n++;
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
	"\n"

static const char *first_src =
	"package main\n"
	"\n"
	SHARED_DECLS
	"func main() {\n"
	"\tf := func() int { return g.get() }\n"
	"\tq := new(*int)\n"
	"\tprintln(f(), *q == nil)\n"
	"}\n";

static const char *second_src =
	"package main\n"
	"\n"
	"type T struct{ a, b *T }\n"
	"\n"
	"var g T\n"
	"\n"
	"func (t *T) get() *T { return t.a }\n"
	"\n"
	"func main() {\n"
	"\tx := new(T)\n"
	"\tf := x.get\n"
	"\tq := new(*int)\n"
	"\tprintln(f() == nil, g.b == nil, *q == nil)\n"
	"}\n";

Test(packages, lowered_in_turn_share_no_state)
{
	Module *first = lower_src("first.go", first_src);
	Module *second = lower_src("second.go", second_src);
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
