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
static bool next_standard; /* lower_src checks the next package as a standard one */

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
	pkg->standard = next_standard;
	next_standard = false;
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

/* A standard package's functions without bodies are external declarations under their link names,
 * with the ordinary calling convention, for C to define (docs/architecture.md, "Body-less
 * functions"): strings, slices and interfaces are first-class aggregates (LLVM passes their words
 * as separate scalars), structs go by pointer, several results form one literal struct. */
static const char bodyless_src[] =
	"package p\n"
	"type S struct{ a, b, c int64 }\n"
	"var x int64\n"
	"func str(s string) int\n"
	"func slc(b []byte) (int, bool)\n"
	"func ifc(e interface{}) string\n"
	"func agg(s S) S\n"
	"func two(f bool) (int32, int32)\n"
	"func flt(a float32, b float64) (float32, float64)\n"
	"func Use(b []byte) int64 {\n"
	"	n, ok := slc(b)\n"
	"	if !ok { return -1 }\n"
	"	r := agg(S{1, 2, 3})\n"
	"	lo, hi := two(true)\n"
	"	f, d := flt(1.5, 2.25)\n"
	"	return int64(n) + int64(str(\"hello\")) + int64(len(ifc(&x))) + r.a*100 + r.c*1000 +\n"
	"		int64(lo)*10000 + int64(hi)*100000 + int64(f*2)*1000000 + int64(d*4)*10000000\n"
	"}\n";

static void assert_declared(Module *m, const char *name, const char *type)
{
	LLVMValueRef f = LLVMGetNamedFunction(m->mod, name);
	cr_assert(f, "no declaration of %s", name);
	cr_assert(LLVMIsDeclaration(f), "%s has a body", name);
	cr_assert_eq(LLVMGetLinkage(f), LLVMExternalLinkage, "%s is not external", name);
	cr_assert_eq(LLVMGetVisibility(f), LLVMDefaultVisibility, "%s is not visible to C", name);
	char *s = LLVMPrintTypeToString(LLVMGlobalGetValueType(f));
	cr_assert_str_eq(s, type, "%s", name);
	LLVMDisposeMessage(s);
}

Test(packages, bodyless_functions_are_external_declarations)
{
	next_standard = true;
	Module *m = lower_src("internal/p", "p.go", bodyless_src);
	assert_verifies(m);
	assert_declared(m, "internal/p.str", "i64 (ptr, { ptr, i64 })");
	assert_declared(m, "internal/p.slc", "{ i64, i1 } (ptr, { ptr, i64, i64 })");
	assert_declared(m, "internal/p.ifc", "{ ptr, i64 } (ptr, { ptr, ptr })");
	assert_declared(m, "internal/p.agg", "void (ptr, ptr, ptr)");
	assert_declared(m, "internal/p.two", "{ i32, i32 } (ptr, i1)");
}

/* The C side of bodyless_src, written by the rules of docs/architecture.md: each definition a C
 * function aliased to the Go symbol (runtime.h GO_LINKNAME), each word of a string, slice or
 * interface its own parameter, struct results through the out pointer, several register results as
 * a struct of one eightbyte per value. main calls the Go function Use the same way, through a GCC
 * asm label that spells the quotes the assembler needs around '/'. */
static const char bodyless_c[] =
	"#include <stdint.h>\n"
	"#include <stdio.h>\n"
	"#include <string.h>\n"
	"#define GO_LINKNAME(cname, goname) __asm__(\".globl \\\"\" goname \"\\\"\\n.set \\\"\" goname \"\\\", \" #cname)\n"
	"typedef struct { int64_t a, b, c; } S;\n"
	"typedef struct { int64_t n; uint64_t ok; } IntBool;\n"
	"typedef struct { const char *p; int64_t len; } String;\n"
	"typedef struct { int64_t lo, hi; } Two;\n"
	"typedef struct { float f; _Alignas(8) double d; } Flt;\n"
	"GO_LINKNAME(c_str, \"internal/p.str\");\n"
	"int64_t c_str(void *ctx, const char *p, int64_t len) { return len == 5 && !memcmp(p, \"hello\", 5) ? 5 : -99; }\n"
	"GO_LINKNAME(c_slc, \"internal/p.slc\");\n"
	"IntBool c_slc(void *ctx, uint8_t *p, int64_t len, int64_t cap) { return (IntBool){p[0] + len + cap, 1}; }\n"
	"GO_LINKNAME(c_ifc, \"internal/p.ifc\");\n"
	"String c_ifc(void *ctx, void *type, int64_t *data) { return (String){\"abc\", (type != 0) + (data != 0)}; }\n"
	"GO_LINKNAME(c_agg, \"internal/p.agg\");\n"
	"void c_agg(void *ctx, S *out, S *in) { *out = (S){in->c, 0, in->a}; }\n"
	"GO_LINKNAME(c_two, \"internal/p.two\");\n"
	"Two c_two(void *ctx, uint8_t f) { return (Two){(f & 1) ? 4 : 0, 6}; }\n"
	"GO_LINKNAME(c_flt, \"internal/p.flt\");\n"
	"Flt c_flt(void *ctx, float a, double b) { return (Flt){a * 2, b * 2}; }\n"
	"int64_t use(void *ctx, uint8_t *p, int64_t len, int64_t cap) __asm__(\"\\\"internal/p.Use\\\"\");\n"
	"void runtime_memequal_t(void) {} /* named by *int64's descriptor, never called here */\n"
	"void runtime_memhash_t(void) {}\n"
	"int main(void) { uint8_t b[3] = {7}; printf(\"%lld\\n\", (long long)use(0, b, 2, 3)); return 0; }\n";

/* Runs cmd (a shell command) and returns its stdout. */
static char *run_output(const char *cmd)
{
	FILE *p = popen(cmd, "r");
	cr_assert(p, "cannot run %s", cmd);
	StrBuf b = {0};
	char buf[256];
	for (size_t n; (n = fread(buf, 1, sizeof buf, p)) > 0;)
		sb_put(&b, buf, n);
	cr_assert_eq(pclose(p), 0, "%s failed:\n%s", cmd, b.data ? sb_cstr(&b) : "");
	return b.data ? sb_cstr(&b) : "";
}

/* Emits m as an object, links it with a C program (cc) and returns what the program printed. */
static char *run_with_c(Module *m, const char *c_program)
{
	char dir[] = "/tmp/gocc-lower-test-XXXXXX";
	cr_assert(mkdtemp(dir));
	const char *obj = xsprintf("%s/go.o", dir), *csrc = xsprintf("%s/c.c", dir);
	static Options opts = {.opt_level = 2};
	cr_assert(emit_module(m, &opts, obj));
	FILE *fp = fopen(csrc, "w");
	cr_assert(fp);
	fputs(c_program, fp);
	fclose(fp);
	return run_output(xsprintf("cc -O2 -no-pie -o %s/t %s %s -Wl,--gc-sections 2>&1 && %s/t; rm -rf %s",
	                           dir, csrc, obj, dir, dir));
}

/* The rules hold at run time: the package's object and C definitions written by them link into a
 * program that computes what Go would. */
Test(packages, bodyless_functions_defined_in_c)
{
	next_standard = true;
	Module *m = lower_src("internal/p", "p.go", bodyless_src);
	char *out = run_with_c(m, bodyless_c);
	/* n = 7+2+3, str 5, len(ifc) 2, r.a 3, r.c 1, lo 4, hi 6, f 3, d 4.5 */
	int64_t want = 12 + 5 + 2 + 3 * 100 + 1 * 1000 + 4 * 10000 + 6 * 100000 + 6 * 1000000 + 18 * 10000000;
	cr_assert_str_eq(out, xsprintf("%lld\n", (long long)want));
}

/* sync/atomic's body-less functions get compiler-made bodies (lower_atomic.c): one atomic
 * instruction each, seq_cst; run from C, they do what Go's documentation says. */
static const char atomic_src[] =
	"package atomic\n"
	"import \"unsafe\"\n"
	"func AddInt32(addr *int32, delta int32) (new int32)\n"
	"func AddUint64(addr *uint64, delta uint64) (new uint64)\n"
	"func CompareAndSwapInt64(addr *int64, old, new int64) (swapped bool)\n"
	"func SwapPointer(addr *unsafe.Pointer, new unsafe.Pointer) (old unsafe.Pointer)\n"
	"func LoadUint32(addr *uint32) (val uint32)\n"
	"func StoreUintptr(addr *uintptr, val uintptr)\n"
	"func runtime_procPin() int\n";

static LLVMOpcode first_opcode(Module *m, const char *name)
{
	LLVMValueRef f = LLVMGetNamedFunction(m->mod, name);
	cr_assert(f && !LLVMIsDeclaration(f), "%s has no body", name);
	LLVMValueRef i = LLVMGetFirstInstruction(LLVMGetFirstBasicBlock(f));
	LLVMOpcode op = LLVMGetInstructionOpcode(i);
	LLVMAtomicOrdering order = op == LLVMAtomicCmpXchg ? LLVMGetCmpXchgSuccessOrdering(i) : LLVMGetOrdering(i);
	cr_assert_eq(order, LLVMAtomicOrderingSequentiallyConsistent, "%s", name);
	return op;
}

static const char atomic_c[] =
	"#include <stdint.h>\n"
	"#include <stdio.h>\n"
	"#define GO(name) __asm__(\"\\\"sync/atomic.\" name \"\\\"\")\n"
	"int32_t add32(void *, int32_t *, int32_t) GO(\"AddInt32\");\n"
	"uint64_t add64(void *, uint64_t *, uint64_t) GO(\"AddUint64\");\n"
	"_Bool cas64(void *, int64_t *, int64_t, int64_t) GO(\"CompareAndSwapInt64\");\n"
	"void *swapp(void *, void **, void *) GO(\"SwapPointer\");\n"
	"uint32_t load32(void *, uint32_t *) GO(\"LoadUint32\");\n"
	"void storep(void *, uintptr_t *, uintptr_t) GO(\"StoreUintptr\");\n"
	"int main(void) {\n"
	"	int32_t i = 5; uint64_t u = 1; int64_t c = 7; void *p = &i; uint32_t w = 9; uintptr_t up = 0;\n"
	"	int32_t a = add32(0, &i, -7);\n"
	"	uint64_t b = add64(0, &u, ~(uint64_t)0);\n"
	"	int f = cas64(0, &c, 8, 1), t = cas64(0, &c, 7, 3);\n"
	"	void *old = swapp(0, &p, &u);\n"
	"	storep(0, &up, 42);\n"
	"	printf(\"%d %d %llu %llu %d %d %lld %d %d %u %lu\\n\", a, i, (unsigned long long)b,\n"
	"	       (unsigned long long)u, f, t, (long long)c, old == &i, p == &u, load32(0, &w), (unsigned long)up);\n"
	"	return 0;\n"
	"}\n";

Test(packages, sync_atomic_bodies)
{
	next_standard = true;
	Module *m = lower_src("sync/atomic", "doc.go", atomic_src);
	assert_verifies(m);
	cr_assert_eq(first_opcode(m, "sync/atomic.AddInt32"), LLVMAtomicRMW);
	cr_assert_eq(first_opcode(m, "sync/atomic.CompareAndSwapInt64"), LLVMAtomicCmpXchg);
	cr_assert_eq(first_opcode(m, "sync/atomic.SwapPointer"), LLVMAtomicRMW);
	cr_assert_eq(first_opcode(m, "sync/atomic.LoadUint32"), LLVMLoad);
	cr_assert_eq(first_opcode(m, "sync/atomic.StoreUintptr"), LLVMStore);
	LLVMValueRef pin = LLVMGetNamedFunction(m->mod, "sync/atomic.runtime_procPin");
	cr_assert(!pin || LLVMIsDeclaration(pin), "the runtime's hooks stay declarations");

	char *out = run_with_c(m, atomic_c);
	cr_assert_str_eq(out, "-2 -2 0 0 0 1 3 1 1 9 42\n");
}

/* internal/abi.FuncPCABI0 and FuncPCABIInternal answer the code address of the func value in
 * their interface argument. */
static const char abi_src[] =
	"package abi\n"
	"func FuncPCABI0(f interface{}) uintptr\n"
	"func FuncPCABIInternal(f interface{}) uintptr\n"
	"func Target() int { return 7 }\n"
	"func PCs() (uintptr, uintptr) { return FuncPCABI0(Target), FuncPCABIInternal(Target) }\n";

static const char abi_c[] =
	"#include <stdint.h>\n"
	"#include <stdio.h>\n"
	"typedef struct { uintptr_t a, b; } Two;\n"
	"Two pcs(void *) __asm__(\"\\\"internal/abi.PCs\\\"\");\n"
	"int64_t target(void *) __asm__(\"\\\"internal/abi.Target\\\"\");\n"
	"void runtime_memequal_t(void) {} /* named by descriptors, never called here */\n"
	"void runtime_memhash_t(void) {}\n"
	"int main(void) {\n"
	"	Two t = pcs(0);\n"
	"	printf(\"%d %d %lld\\n\", t.a == (uintptr_t)target, t.b == (uintptr_t)target,\n"
	"	       (long long)((int64_t (*)(void *))t.a)(0));\n"
	"	return 0;\n"
	"}\n";

Test(packages, funcpc_is_the_code_address)
{
	next_standard = true;
	Module *m = lower_src("internal/abi", "abi.go", abi_src);
	assert_verifies(m);
	char *out = run_with_c(m, abi_c);
	cr_assert_str_eq(out, "1 1 7\n");
}

/* sync's //go:linkname references to runtime/internal/atomic get bodies where they are declared:
 * an acquire load, a release store, linkonce_odr so that any number of packages may define them. */
Test(packages, runtime_atomic_linknames)
{
	next_standard = true;
	Module *m = lower_src("sync", "pool.go",
			      "package sync\n"
			      "import \"unsafe\"\n"
			      "//go:linkname runtime_LoadAcquintptr runtime/internal/atomic.LoadAcquintptr\n"
			      "func runtime_LoadAcquintptr(ptr *uintptr) uintptr\n"
			      "//go:linkname runtime_StoreReluintptr runtime/internal/atomic.StoreReluintptr\n"
			      "func runtime_StoreReluintptr(ptr *uintptr, val uintptr) uintptr\n"
			      "var _ unsafe.Pointer\n");
	assert_verifies(m);
	const char *names[] = {"runtime/internal/atomic.LoadAcquintptr", "runtime/internal/atomic.StoreReluintptr"};
	LLVMAtomicOrdering orders[] = {LLVMAtomicOrderingAcquire, LLVMAtomicOrderingRelease};
	for (int i = 0; i < 2; i++) {
		LLVMValueRef f = LLVMGetNamedFunction(m->mod, names[i]);
		cr_assert(f && !LLVMIsDeclaration(f), "%s has no body", names[i]);
		cr_assert_eq(LLVMGetLinkage(f), LLVMLinkOnceODRLinkage, "%s", names[i]);
		LLVMValueRef inst = LLVMGetFirstInstruction(LLVMGetFirstBasicBlock(f));
		cr_assert_eq(LLVMGetOrdering(inst), orders[i], "%s", names[i]);
	}
}
