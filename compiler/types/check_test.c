/*
 * check_test.c: unit tests of the type checker (types.c, check*.c) through check_package.
 *
 * Programs are parsed from strings as gocc build parses them (PARSE_GC: gc's branch checks; parse
 * errors other than syntax errors do not stop checking) and checked; the tests then look at what
 * lowering reads (node types and constant values after untyped conversion, objects, link names,
 * selector paths, call kinds, branch targets, initialization order, sizes) or at the
 * diagnostics, which are
 * compared with the exact text go1.19's compiler prints for the same program (positions included).
 * Each Criterion test runs in its own process, so the diagnostic list and the universe start fresh.
 */
#include <criterion/criterion.h>

#include "types.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ---- helpers --------------------------------------------------------------------------------- */


static Node *last_file;

/* As gocc build: parsed as gc parses (branch checks included), checked as the package `path`
 * unless a syntax error stopped it (then NULL). */
static bool next_standard; /* check_src_path checks the next package as a standard one */

static Package *check_src_path(const char *path, const char *src, char **diags)
{
	Node *f = parse_file_mode(source_add("t.go", xstrdup(src), strlen(src)), PARSE_GC);
	last_file = f;
	Package *pkg = NULL;
	if (!diag_parse_failed()) {
		Vec files = {0};
		vec_push(&files, f);
		types_init();
		pkg = package_new(path);
		pkg->standard = next_standard;
		next_standard = false;
		check_package(pkg, &files);
	}
	*diags = diag_flush_string();
	return pkg;
}

static Package *check_src(const char *src, char **diags)
{
	return check_src_path("main", src, diags);
}

static Package *check_ok_path(const char *path, const char *src)
{
	char *diags;
	Package *pkg = check_src_path(path, src, &diags);
	cr_assert_str_eq(diags, "", "unexpected diagnostics for:\n%s\n---\n%s", src, diags);
	return pkg;
}

static Package *check_ok(const char *src)
{
	return check_ok_path("main", src);
}

/* The diagnostics are exactly `want` (gc's text for the same program). */
static void check_errs(const char *src, const char *want)
{
	char *diags;
	check_src(src, &diags);
	cr_assert_str_eq(diags, want, "for:\n%s\n--- got:\n%s--- want:\n%s", src, diags, want);
}

/* The diagnostics contain `want`. */
static void check_has(const char *src, const char *want)
{
	char *diags;
	check_src(src, &diags);
	cr_assert(strstr(diags, want), "for:\n%s\n--- got:\n%s--- want (substring):\n%s", src, diags, want);
}

static Object *check_pkg_obj(Package *pkg, const char *name)
{
	Object *o = scope_lookup_local(pkg->scope, intern(name, strlen(name)));
	cr_assert(o, "no package-level object %s", name);
	return o;
}

/* ---- a node finder --------------------------------------------------------------------------- */

/* The node of `kind` at line:col (col 0: the first on the line) in the last checked file. */
static Node *check_node_at(NodeKind kind, int line, int col)
{
	Node *n = ast_find_at(last_file, kind, line, col);
	cr_assert(n, "no %s at %d:%d", node_kind_name(kind), line, col);
	return n;
}

static const char *check_tstr(Node *n)
{
	return n->type ? type_string(n->type) : "<nil>";
}

/* ---- untyped constants get their type from the context ---------------------------------------- */

Test(untyped, var_decl_context)
{
	check_ok("package main\n"
		 "func main() {\n"
		 "	var x float64 = 1 << 3\n"
		 "	var i int8 = 'a'\n"
		 "	_, _ = x, i\n"
		 "}\n");
	Node *shl = check_node_at(ND_BINARY, 3, 0);
	cr_assert_str_eq(check_tstr(shl), "float64");
	cr_assert_eq(shl->mode, MODE_CONST);
	cr_assert_str_eq(const_format(shl->cval), "8");
	Node *ch = check_node_at(ND_BASIC_LIT, 4, 0);
	cr_assert_str_eq(check_tstr(ch), "int8");
	cr_assert_str_eq(const_format(ch->cval), "97");
}

Test(untyped, binary_and_call_context)
{
	check_ok("package main\n"
		 "func f(x float64) {}\n"
		 "func main() {\n"
		 "	var i int64\n"
		 "	f(1)\n"
		 "	_ = i + 1\n"
		 "	var u uint\n"
		 "	_ = 1 << u\n"
		 "	var j int32 = 1 << u\n"
		 "	_ = j\n"
		 "}\n");
	cr_assert_str_eq(check_tstr(check_node_at(ND_BASIC_LIT, 5, 0)), "float64");
	cr_assert_str_eq(check_tstr(check_node_at(ND_BASIC_LIT, 6, 0)), "int64");
	Node *shl = check_node_at(ND_BINARY, 8, 0);
	cr_assert_str_eq(check_tstr(shl), "int");
	cr_assert_str_eq(check_tstr(shl->binary.x), "int");
	Node *shl2 = check_node_at(ND_BINARY, 9, 0);
	cr_assert_str_eq(check_tstr(shl2), "int32");
	cr_assert_str_eq(check_tstr(shl2->binary.x), "int32");
}

Test(untyped, defaults_without_context)
{
	check_ok("package main\n"
		 "func main() {\n"
		 "	println(1, 1.5, 'a', \"s\", true, 2i)\n"
		 "	x := 1 < 2\n"
		 "	_ = x\n"
		 "}\n");
	Node *call = check_node_at(ND_CALL, 3, 0);
	const char *want[] = {"int", "float64", "int32", "string", "bool", "complex128"};
	for (int i = 0; i < 6; i++)
		cr_assert_str_eq(check_tstr(call->call.args.data[i]), want[i], "argument %d", i);
	cr_assert_eq(call->call.call_kind, CALL_BUILTIN);
	cr_assert_eq(call->call.builtin, BI_PRINTLN);
	cr_assert_str_eq(check_tstr(check_node_at(ND_BINARY, 4, 0)), "bool");
}

Test(untyped, nil_gets_target_type)
{
	check_ok("package main\n"
		 "func main() {\n"
		 "	var p *int = nil\n"
		 "	var s []int\n"
		 "	if s == nil {\n"
		 "		_ = p\n"
		 "	}\n"
		 "}\n");
	Node *n = check_node_at(ND_IDENT, 3, 15);
	cr_assert_eq(n->ident.obj->kind, OBJ_NIL);
	cr_assert_str_eq(check_tstr(n), "*int");
	cr_assert_eq(n->mode, MODE_VALUE);
	Node *cmp = check_node_at(ND_BINARY, 5, 0);
	cr_assert_str_eq(check_tstr(cmp->binary.y), "[]int");
}

Test(untyped, typed_constant_value_rounded)
{
	check_ok("package main\n"
		 "const c = 1.0 / 3\n"
		 "func main() {\n"
		 "	var f float32 = c\n"
		 "	_ = f\n"
		 "}\n");
	Node *n = check_node_at(ND_IDENT, 4, 18);
	cr_assert_str_eq(check_tstr(n), "float32");
	cr_assert_eq(n->mode, MODE_CONST);
	cr_assert_float_eq(const_to_float64(n->cval), (double)(1.0f / 3.0f), 1e-12);
}

/* ---- constants ------------------------------------------------------------------------------- */

Test(constants, iota)
{
	Package *pkg = check_ok("package main\n"
				"const (\n"
				"	a = iota\n"
				"	b\n"
				"	c\n"
				")\n"
				"const (\n"
				"	x = 1 << iota\n"
				"	y\n"
				"	z\n"
				")\n"
				"const big = 1 << 100\n"
				"const small = big >> 98\n"
				"func main() {}\n");
	cr_assert_str_eq(const_format(check_pkg_obj(pkg, "c")->cval), "2");
	cr_assert_str_eq(const_format(check_pkg_obj(pkg, "z")->cval), "4");
	cr_assert_str_eq(const_format(check_pkg_obj(pkg, "small")->cval), "4");
	cr_assert_eq(check_pkg_obj(pkg, "big")->type->kind, TY_UNTYPED_INT);
}

Test(constants, inherited_overflow_reported_at_name)
{
	check_errs("package main\n"
		   "const (\n"
		   "	A byte = iota + 254\n"
		   "	B\n"
		   "	C\n"
		   ")\n"
		   "func main() {}\n",
		   "t.go:5:2: cannot use iota + 254 (untyped int constant 256) as byte value in constant declaration (overflows)\n");
}

Test(constants, overflow_messages)
{
	check_errs("package main\n"
		   "func main() {\n"
		   "	var x int8 = 1\n"
		   "	_ = x + 1000\n"
		   "	_ = byte(300)\n"
		   "	var s uint\n"
		   "	var f float64 = 1 << s\n"
		   "	_ = f\n"
		   "	const d int8 = 100\n"
		   "	_ = d * 2\n"
		   "	_ = 1 / 0\n"
		   "}\n",
		   "t.go:4:10: 1000 (untyped int constant) overflows int8\n"
		   "t.go:5:11: cannot convert 300 (untyped int constant) to type byte\n"
		   "t.go:7:18: invalid operation: 1 << s (shift of type float64)\n"
		   "t.go:10:6: d * 2 (constant 200 of type int8) overflows int8\n"
		   "t.go:11:10: invalid operation: division by zero\n");
}

Test(constants, conversions)
{
	check_ok("package main\n"
		 "const s = string(rune(65))\n"
		 "const f = float32(0.1)\n"
		 "const u = uint8(255)\n"
		 "func main() {}\n");
}

/* ---- diagnostics (texts from go1.19) ---------------------------------------------------------- */

Test(errors, assignments_and_calls)
{
	check_errs("package main\n"
		   "\n"
		   "func f(x int) (int, string) { return 0, \"\" }\n"
		   "\n"
		   "func main() {\n"
		   "	var x int\n"
		   "	var s string\n"
		   "	_ = 1 + x + s\n"
		   "	var y []byte = s\n"
		   "	f(1, 2)\n"
		   "	a, b := f(1), 2\n"
		   "	var z = (x)\n"
		   "	println(len(z) + s)\n"
		   "}\n",
		   "t.go:8:6: invalid operation: 1 + x + s (mismatched types int and string)\n"
		   "t.go:9:17: cannot use s (variable of type string) as type []byte in variable declaration\n"
		   "t.go:10:7: too many arguments in call to f\n"
		   "\thave (number, number)\n"
		   "\twant (int)\n"
		   "t.go:11:10: multiple-value f(1) (value of type (int, string)) in single-value context\n"
		   "t.go:13:14: invalid argument: z (variable of type int) for len\n");
}

Test(errors, declarations)
{
	check_errs("package main\n"
		   "\n"
		   "type T struct{ t T }\n"
		   "\n"
		   "var x int\n"
		   "var x string\n"
		   "\n"
		   "func main() {\n"
		   "	var y int\n"
		   "	const c byte = 300\n"
		   "	var u uint8 = 1.5\n"
		   "	goto L\n"
		   "	var z int\n"
		   "L:\n"
		   "	println(z)\n"
		   "	for {\n"
		   "		break M\n"
		   "	}\n"
		   "}\n",
		   "t.go:3:6: invalid recursive type T\n"
		   "\tt.go:3:6: T refers to\n"
		   "\tt.go:3:6: T\n"
		   "t.go:6:5: x redeclared in this block\n"
		   "\tt.go:5:5: other declaration of x\n"
		   "t.go:9:6: y declared but not used\n"
		   "t.go:10:17: cannot use 300 (untyped int constant) as byte value in constant declaration (overflows)\n"
		   "t.go:11:16: cannot use 1.5 (untyped float constant) as uint8 value in variable declaration (truncated)\n"
		   "t.go:12:7: goto L jumps over declaration of z at t.go:13:6\n"
		   "t.go:17:9: break label not defined: M\n");
}

Test(errors, short_var_decl)
{
	check_errs("package main\n"
		   "func f() int { return 1 }\n"
		   "func main() {\n"
		   "	a := 1\n"
		   "	a := 2\n"
		   "	i, j := 1\n"
		   "	b, c := f()\n"
		   "	_, _, _ = a, i, j\n"
		   "	_, _ = b, c\n"
		   "}\n",
		   "t.go:5:4: no new variables on left side of :=\n"
		   "t.go:6:10: assignment mismatch: 2 variables but 1 value\n"
		   "t.go:7:10: assignment mismatch: 2 variables but f returns 1 value\n");
}

Test(errors, undefined_and_unused)
{
	check_errs("package main\n"
		   "import \"unsafe\"\n"
		   "func main() {\n"
		   "	x := y\n"
		   "	var t int\n"
		   "}\n",
		   "t.go:2:8: imported and not used: \"unsafe\"\n"
		   "t.go:4:7: undefined: y\n"
		   "t.go:5:6: t declared but not used\n");
}

Test(errors, missing_return)
{
	check_errs("package main\n"
		   "func f(x int) int {\n"
		   "	if x > 0 {\n"
		   "		return 1\n"
		   "	}\n"
		   "}\n"
		   "func g(x int) int {\n"
		   "	for {\n"
		   "	}\n"
		   "}\n"
		   "func h(x int) int {\n"
		   "	switch {\n"
		   "	case x > 0:\n"
		   "		return 1\n"
		   "	default:\n"
		   "		panic(\"no\")\n"
		   "	}\n"
		   "}\n"
		   "func main() {}\n",
		   "t.go:6:1: missing return\n");
}

Test(errors, return_counts)
{
	check_errs("package main\n"
		   "func f() (int, string) {\n"
		   "	return 1\n"
		   "}\n"
		   "func g() int {\n"
		   "	return 1, 2\n"
		   "}\n"
		   "func main() {}\n",
		   "t.go:3:9: not enough return values\n"
		   "\thave (number)\n"
		   "\twant (int, string)\n"
		   "t.go:6:12: too many return values\n"
		   "\thave (number, number)\n"
		   "\twant (int)\n");
}

Test(errors, methods_and_interfaces)
{
	check_errs("package main\n"
		   "type I interface{ M() }\n"
		   "type T struct{}\n"
		   "func (t *T) M() {}\n"
		   "func main() {\n"
		   "	var t T\n"
		   "	var i I = t\n"
		   "	_ = i\n"
		   "	t.N()\n"
		   "}\n",
		   "t.go:7:12: cannot use t (variable of type T) as type I in variable declaration:\n"
		   "\tT does not implement I (M method has pointer receiver)\n"
		   "t.go:9:4: t.N undefined (type T has no field or method N)\n");
}

Test(errors, labels)
{
	check_errs("package main\n"
		   "func main() {\n"
		   "L:\n"
		   "	for {\n"
		   "	}\n"
		   "	break\n"
		   "	switch {\n"
		   "	case true:\n"
		   "		fallthrough\n"
		   "	}\n"
		   "}\n",
		   "t.go:3:1: label L defined and not used\n"
		   "t.go:6:2: break is not in a loop, switch, or select\n"
		   "t.go:9:3: cannot fallthrough final case in switch\n");
}

Test(errors, missing_main)
{
	check_errs("package main\n"
		   "func f() {}\n",
		   "runtime.main_main·f: function main is undeclared in the main package\n");
}

Test(errors, unsupported_import)
{
	check_has("package main\n"
		  "import \"fmt\"\n"
		  "func main() { fmt.Println(1) }\n",
		  "t.go:2:8: gocc: importing package \"fmt\" is not supported yet\n");
}

Test(errors, robust_on_bad_input)
{
	/* none of these may crash; each must report something */
	static const char *const progs[] = {
		"package main\nfunc main() { var x T; x.y.z() }\n",
		"package main\ntype A B\ntype B A\nfunc main() { var a A; _ = a + 1 }\n",
		"package main\nvar a = b\nvar b = a\nfunc main() {}\n",
		"package main\nfunc main() { _ = [...]int{1, 2}[5] }\n",
		"package main\ntype T struct{}\nfunc (T) M() {}\nfunc (T) M() {}\nfunc main() { T{}.M(1) }\n",
		"package main\nfunc main() { for x := range 10 { _ = x } }\n",
		"package main\nfunc main() { var f func(); f = f(); <-f }\n",
		"package main\nconst c = len([10]int{}) + d\nfunc main() {}\n",
		"package main\ntype T [len(T{})]int\nfunc main() {}\n",
		"package main\nfunc main() { x := nil; _ = x; var i interface{ M() } = 1; _ = i }\n",
	};
	for (size_t i = 0; i < sizeof progs / sizeof progs[0]; i++) {
		char *diags;
		check_src(progs[i], &diags);
		cr_assert(*diags, "no diagnostic for program %zu", i);
	}
}

/* ---- sizes and spelling ---------------------------------------------------------------------- */

Test(types, sizes_match_gc)
{
	Package *pkg = check_ok("package main\n"
				"import \"unsafe\"\n"
				"type A struct { a bool; b int64; c bool }\n"
				"type B struct { a int32; b struct{} }\n"
				"type C struct { s string; i interface{}; x []int; c complex128; f float32 }\n"
				"const sa, sb, sc = unsafe.Sizeof(A{}), unsafe.Sizeof(B{}), unsafe.Sizeof(C{})\n"
				"const oc = unsafe.Offsetof(C{}.f)\n"
				"const al = unsafe.Alignof(C{}.c)\n"
				"func main() {}\n");
	cr_assert_str_eq(const_format(check_pkg_obj(pkg, "sa")->cval), "24");
	cr_assert_str_eq(const_format(check_pkg_obj(pkg, "sb")->cval), "8");
	cr_assert_str_eq(const_format(check_pkg_obj(pkg, "sc")->cval), "80");
	cr_assert_str_eq(const_format(check_pkg_obj(pkg, "oc")->cval), "72");
	cr_assert_str_eq(const_format(check_pkg_obj(pkg, "al")->cval), "8");
	cr_assert_eq(type_size(type_basic(TY_STRING)), 16);
	cr_assert_eq(type_size(type_slice(type_basic(TY_INT))), 24);
	cr_assert_eq(type_align(type_basic(TY_COMPLEX64)), 4);
}

Test(types, spelling)
{
	Package *pkg = check_ok("package main\n"
				"type T struct { a int; b string }\n"
				"type E struct{}\n"
				"type I interface { M(int) string; N() }\n"
				"var (\n"
				"	p *T\n"
				"	m map[string][]byte\n"
				"	f func(int, ...string) (rune, error)\n"
				"	c chan<- int\n"
				"	r <-chan int\n"
				"	a [3]int\n"
				"	e interface{}\n"
				"	s struct { x int `json:\"x\"` }\n"
				"	i I\n"
				")\n"
				"func main() {}\n");
	cr_assert_str_eq(type_string(check_pkg_obj(pkg, "p")->type), "*main.T");
	cr_assert_str_eq(type_string(check_pkg_obj(pkg, "m")->type), "map[string][]uint8");
	cr_assert_str_eq(type_diag_string(check_pkg_obj(pkg, "m")->type), "map[string][]byte");
	cr_assert_str_eq(type_string(check_pkg_obj(pkg, "f")->type), "func(int, ...string) (int32, error)");
	cr_assert_str_eq(type_string(check_pkg_obj(pkg, "c")->type), "chan<- int");
	cr_assert_str_eq(type_string(check_pkg_obj(pkg, "r")->type), "<-chan int");
	cr_assert_str_eq(type_string(check_pkg_obj(pkg, "a")->type), "[3]int");
	cr_assert_str_eq(type_string(check_pkg_obj(pkg, "e")->type), "interface {}");
	cr_assert_str_eq(type_diag_string(check_pkg_obj(pkg, "e")->type), "interface{}");
	cr_assert_str_eq(type_string(check_pkg_obj(pkg, "s")->type), "struct { x int \"json:\\\"x\\\"\" }");
	cr_assert_str_eq(type_string(type_underlying(check_pkg_obj(pkg, "T")->type)), "struct { a int; b string }");
	cr_assert_str_eq(type_string(type_underlying(check_pkg_obj(pkg, "E")->type)), "struct {}");
	cr_assert_str_eq(type_string(type_underlying(check_pkg_obj(pkg, "i")->type)), "interface { M(int) string; N() }");
	cr_assert_str_eq(type_diag_string(check_pkg_obj(pkg, "T")->type), "T");
}

/* ---- objects, names and the package summary -------------------------------------------------- */

/* Outside package main, `main` is an ordinary name; symbols start with the path's link prefix and
 * type strings with the package name; objects and fields belong to the package. */
Test(objects, package_identity)
{
	Package *pkg = check_ok_path("example.com/go.x", "package x\n"
				     "type T struct{ f int }\n"
				     "func (*T) m() {}\n"
				     "var main = 1\n"
				     "func F() { _ = func() {} }\n");
	cr_assert_str_eq(pkg->name, "x");
	cr_assert_str_eq(pkg->prefix, "example.com/go%2ex");
	cr_assert_null(pkg->main_func);
	Object *t = check_pkg_obj(pkg, "T");
	cr_assert_eq(t->pkg, pkg);
	cr_assert_str_eq(type_string(t->type), "x.T");
	cr_assert_eq(type_underlying(t->type)->strct.fields[0]->pkg, pkg);
	Object *m = t->type->named.methods.data[0];
	cr_assert_eq(m->pkg, pkg);
	cr_assert_str_eq(m->link_name, "example.com/go%2ex.(*T).m");
	cr_assert_str_eq(check_pkg_obj(pkg, "main")->link_name, "example.com/go%2ex.main");
	cr_assert_str_eq(check_pkg_obj(pkg, "F")->link_name, "example.com/go%2ex.F");
	cr_assert_str_eq(check_node_at(ND_FUNC_LIT, 5, 0)->func_lit.obj->link_name, "example.com/go%2ex.F.func1");
}

Test(objects, link_names)
{
	Package *pkg = check_ok("package main\n"
				"type T struct{}\n"
				"func (T) V() { _ = func() {} }\n"
				"func (*T) P() { _ = func() { _ = func() {} } }\n"
				"func init() {}\n"
				"func init() { _ = func() {} }\n"
				"var g = func() int { return 1 }()\n"
				"var h = func() {}\n"
				"func main() { _ = func() {}; _ = func() {} }\n");
	Object *t = check_pkg_obj(pkg, "T");
	cr_assert_eq(t->type->named.methods.len, 2);
	Object *v = t->type->named.methods.data[0], *p = t->type->named.methods.data[1];
	cr_assert_str_eq(v->link_name, "main.T.V");
	cr_assert_str_eq(p->link_name, "main.(*T).P");
	cr_assert(p->ptr_recv);
	cr_assert_eq(pkg->init_funcs.len, 2);
	cr_assert_str_eq(((Object *)pkg->init_funcs.data[1])->link_name, "main.init.1");
	cr_assert_str_eq(check_node_at(ND_FUNC_LIT, 3, 0)->func_lit.obj->link_name, "main.T.V.func1");
	Node *outer = check_node_at(ND_FUNC_LIT, 4, 21);
	cr_assert_str_eq(outer->func_lit.obj->link_name, "main.(*T).P.func1");
	cr_assert_str_eq(check_node_at(ND_FUNC_LIT, 4, 34)->func_lit.obj->link_name, "main.(*T).P.func1.1");
	cr_assert_str_eq(check_node_at(ND_FUNC_LIT, 6, 0)->func_lit.obj->link_name, "main.init.1.func1");
	cr_assert_str_eq(check_node_at(ND_FUNC_LIT, 7, 0)->func_lit.obj->link_name, "main.glob..func1");
	cr_assert_str_eq(check_node_at(ND_FUNC_LIT, 8, 0)->func_lit.obj->link_name, "main.glob..func2");
	cr_assert_str_eq(check_node_at(ND_FUNC_LIT, 9, 34)->func_lit.obj->link_name, "main.main.func2");
	cr_assert(pkg->main_func);
	cr_assert_eq(pkg->funcs.len, 5);
}

Test(objects, params_and_results)
{
	Package *pkg = check_ok("package main\n"
				"func f(a, b int, _ string) (int, error) { return a + b, nil }\n"
				"func g() (x int, _ bool) { return }\n"
				"func main() {}\n");
	Object *f = check_pkg_obj(pkg, "f");
	cr_assert_eq(f->params.len, 3);
	cr_assert_eq(f->results.len, 2);
	cr_assert_str_eq(((Object *)f->results.data[0])->name, "~r0");
	cr_assert_str_eq(((Object *)f->results.data[1])->name, "~r1");
	cr_assert(((Object *)f->params.data[0])->is_param);
	cr_assert_eq(((Object *)f->params.data[0])->owner, f);
	Object *g = check_pkg_obj(pkg, "g");
	cr_assert_str_eq(((Object *)g->results.data[0])->name, "x");
	cr_assert_str_eq(((Object *)g->results.data[1])->name, "~b1");
	cr_assert(((Object *)g->results.data[0])->is_result);
}

Test(objects, init_order)
{
	Package *pkg = check_ok("package main\n"
				"var a = b + 1\n"
				"var b = f()\n"
				"func f() int { return c }\n"
				"var c = 1\n"
				"var d, e = g()\n"
				"func g() (int, int) { return a, 2 }\n"
				"var _ = d\n"
				"func main() {}\n");
	const char *want[] = {"c", "b", "a", "d", NULL};
	cr_assert_eq(pkg->var_inits.len, 5);
	for (int i = 0; i < 4; i++) {
		Initializer *in = pkg->var_inits.data[i];
		cr_assert_str_eq(((Object *)in->lhs.data[0])->name, want[i], "initializer %d", i);
	}
	Initializer *de = pkg->var_inits.data[3];
	cr_assert_eq(de->lhs.len, 2);
	Initializer *blank = pkg->var_inits.data[4];
	cr_assert_null(blank->lhs.data[0]);
	cr_assert_eq(pkg->globals.len, 5);
}

Test(objects, init_loop)
{
	check_errs("package main\n"
		   "var a = f()\n"
		   "func f() int { return a }\n"
		   "func main() {}\n",
		   "t.go:2:5: initialization loop for a\n"
		   "\tt.go:2:5: a refers to\n"
		   "\tt.go:3:6: f refers to\n"
		   "\tt.go:2:5: a\n");
}

Test(objects, addr_taken_and_nested_literals)
{
	check_ok("package main\n"
		 "type T struct{ n int }\n"
		 "func (t *T) Inc() { t.n++ }\n"
		 "func main() {\n"
		 "	x, y := 1, 2\n"
		 "	f := func() int {\n"
		 "		return func() int { return x }()\n"
		 "	}\n"
		 "	p := &y\n"
		 "	var t T\n"
		 "	t.Inc()\n"
		 "	_, _ = f, p\n"
		 "}\n");
	Node *outer = check_node_at(ND_FUNC_LIT, 6, 0);
	Node *inner = check_node_at(ND_FUNC_LIT, 7, 0);
	cr_assert_eq(inner->func_lit.obj->outer, outer->func_lit.obj);
	Object *y = check_node_at(ND_IDENT, 9, 8)->ident.obj;
	cr_assert_str_eq(y->name, "y");
	cr_assert(y->addr_taken);
	Object *t = check_node_at(ND_IDENT, 11, 2)->ident.obj;
	cr_assert(t->addr_taken);
}

/* ---- selectors and calls --------------------------------------------------------------------- */

Test(selectors, embedded_fields_and_methods)
{
	check_ok("package main\n"
		 "type In struct{ a, b int }\n"
		 "func (In) M() {}\n"
		 "func (*In) P() {}\n"
		 "type Out struct { x int; *In }\n"
		 "type I interface{ M() }\n"
		 "func main() {\n"
		 "	o := Out{In: &In{}}\n"
		 "	_ = o.b\n"
		 "	o.M()\n"
		 "	f := o.P\n"
		 "	g := In.M\n"
		 "	var i I = o\n"
		 "	i.M()\n"
		 "	f()\n"
		 "	g(In{})\n"
		 "}\n");
	Node *b = check_node_at(ND_SELECTOR, 9, 0);
	cr_assert_eq(b->selector.sel_kind, SEL_FIELD);
	cr_assert_eq(b->selector.path_len, 2);
	cr_assert_eq(b->selector.path[0], 1);
	cr_assert_eq(b->selector.path[1], 1);
	cr_assert(b->selector.indirect);
	cr_assert_eq(b->mode, MODE_VARIABLE);
	Node *m = check_node_at(ND_CALL, 10, 0);
	cr_assert_eq(m->call.call_kind, CALL_METHOD);
	cr_assert_eq(m->call.fun->selector.sel_kind, SEL_METHOD);
	cr_assert_eq(m->call.fun->selector.path_len, 1);
	cr_assert_eq(check_node_at(ND_SELECTOR, 11, 0)->selector.sel_kind, SEL_METHOD_VALUE);
	cr_assert_str_eq(check_tstr(check_node_at(ND_SELECTOR, 11, 0)), "func()");
	Node *mx = check_node_at(ND_SELECTOR, 12, 0);
	cr_assert_eq(mx->selector.sel_kind, SEL_METHOD_EXPR);
	cr_assert_str_eq(check_tstr(mx), "func(main.In)");
	Node *conv = check_node_at(ND_IDENT, 13, 12);
	cr_assert(conv->iface_conv);
	cr_assert_eq(check_node_at(ND_CALL, 14, 0)->call.call_kind, CALL_INTERFACE);
	cr_assert_eq(check_node_at(ND_CALL, 15, 0)->call.call_kind, CALL_CLOSURE);
	Node *lit = check_node_at(ND_COMPOSITE_LIT, 8, 0);
	cr_assert_str_eq(check_tstr(lit), "main.Out");
}

Test(selectors, call_kinds)
{
	check_ok("package main\n"
		 "func f(int) {}\n"
		 "func main() {\n"
		 "	f(1)\n"
		 "	_ = float64(1)\n"
		 "	var b []byte\n"
		 "	b = append(b, \"x\"...)\n"
		 "	_ = string(b)\n"
		 "}\n");
	cr_assert_eq(check_node_at(ND_CALL, 4, 0)->call.call_kind, CALL_FUNC);
	Node *conv = check_node_at(ND_CALL, 5, 0);
	cr_assert_eq(conv->call.call_kind, CALL_CONVERSION);
	cr_assert_eq(conv->mode, MODE_CONST);
	cr_assert_str_eq(check_tstr(conv), "float64");
	Node *app = check_node_at(ND_CALL, 7, 0);
	cr_assert_eq(app->call.builtin, BI_APPEND);
	cr_assert_str_eq(check_tstr(app), "[]uint8");
}

/* ---- composite literals ---------------------------------------------------------------------- */

Test(composite, elision_and_array_length)
{
	check_ok("package main\n"
		 "type P struct{ x, y int }\n"
		 "func main() {\n"
		 "	a := [...]int{1, 2, 3}\n"
		 "	ps := []*P{{1, 2}, {x: 3}}\n"
		 "	m := map[string]P{\"a\": {1, 2}}\n"
		 "	_, _, _ = a, ps, m\n"
		 "}\n");
	cr_assert_str_eq(check_tstr(check_node_at(ND_COMPOSITE_LIT, 4, 0)), "[3]int");
	Node *el = check_node_at(ND_COMPOSITE_LIT, 5, 13);
	cr_assert(el->composite.implicit_addr);
	cr_assert_str_eq(check_tstr(el), "main.P");
	Node *mv = check_node_at(ND_COMPOSITE_LIT, 6, 25);
	cr_assert(!mv->composite.implicit_addr);
	cr_assert_str_eq(check_tstr(mv), "main.P");
}

/* ---- statements ------------------------------------------------------------------------------ */

Test(statements, branch_targets)
{
	check_ok("package main\n"
		 "func main() {\n"
		 "outer:\n"
		 "	for i := 0; i < 3; i++ {\n"
		 "		for range []int{1} {\n"
		 "			continue outer\n"
		 "		}\n"
		 "		switch i {\n"
		 "		case 0:\n"
		 "			fallthrough\n"
		 "		case 1:\n"
		 "			break\n"
		 "		}\n"
		 "		goto done\n"
		 "	}\n"
		 "done:\n"
		 "}\n");
	Node *loop = check_node_at(ND_FOR_STMT, 4, 0);
	cr_assert_eq(check_node_at(ND_BRANCH_STMT, 6, 0)->branch.target, loop);
	Node *sw = check_node_at(ND_SWITCH_STMT, 8, 0);
	cr_assert_eq(check_node_at(ND_BRANCH_STMT, 10, 0)->branch.target, check_node_at(ND_CASE_CLAUSE, 11, 0));
	cr_assert_eq(check_node_at(ND_BRANCH_STMT, 12, 0)->branch.target, sw);
	cr_assert_eq(check_node_at(ND_BRANCH_STMT, 14, 0)->branch.target, check_node_at(ND_LABELED_STMT, 16, 0));
}

Test(statements, range_and_strings)
{
	check_ok("package main\n"
		 "func main() {\n"
		 "	s := \"héllo\"\n"
		 "	for i, r := range s {\n"
		 "		_, _ = i, r\n"
		 "	}\n"
		 "	c := s[0]\n"
		 "	rs := []rune(s)\n"
		 "	bs := []byte(s)\n"
		 "	n := copy(bs, s)\n"
		 "	t := s[1:3] + string(rs[0]) + string(rune(65))\n"
		 "	_, _, _ = c, n, t\n"
		 "}\n");
	Node *rng = check_node_at(ND_RANGE_STMT, 4, 0);
	cr_assert_str_eq(check_tstr(rng->range_stmt.key), "int");
	cr_assert_str_eq(check_tstr(rng->range_stmt.value), "int32");
	cr_assert_str_eq(type_diag_string(rng->range_stmt.value->type), "rune");
	cr_assert_str_eq(check_tstr(check_node_at(ND_INDEX, 7, 0)), "uint8");
}

Test(statements, type_switch_objects)
{
	check_ok("package main\n"
		 "func main() {\n"
		 "	var e interface{} = 1\n"
		 "	switch v := e.(type) {\n"
		 "	case int:\n"
		 "		_ = v + 1\n"
		 "	case string, bool:\n"
		 "		_ = v\n"
		 "	default:\n"
		 "	}\n"
		 "}\n");
	Node *ts = check_node_at(ND_TYPE_SWITCH_STMT, 4, 0);
	cr_assert_eq(ts->type_switch.clause_objs.len, 3);
	Object *v0 = ts->type_switch.clause_objs.data[0], *v1 = ts->type_switch.clause_objs.data[1];
	cr_assert_str_eq(type_string(v0->type), "int");
	cr_assert_str_eq(type_string(v1->type), "interface {}");
	cr_assert(check_node_at(ND_BASIC_LIT, 3, 22)->iface_conv);
}

Test(statements, local_types)
{
	check_ok("package main\n"
		 "func main() {\n"
		 "	type node struct{ next *node; v int }\n"
		 "	n := &node{v: 1}\n"
		 "	n.next = n\n"
		 "	println(n.next.v)\n"
		 "}\n");
	cr_assert_str_eq(check_tstr(check_node_at(ND_UNARY, 4, 0)), "*main.node");
}

Test(selectors, method_expression_call_is_static)
{
	check_ok("package main\n"
		 "type T struct{}\n"
		 "func (T) M(x int) int { return x }\n"
		 "type I interface{ M(int) int }\n"
		 "func main() {\n"
		 "	_ = T.M(T{}, 1)\n"
		 "	_ = I.M(T{}, 2)\n"
		 "}\n");
	Node *c1 = check_node_at(ND_CALL, 6, 0);
	cr_assert_eq(c1->call.call_kind, CALL_FUNC);
	cr_assert_eq(c1->call.fun->selector.sel_kind, SEL_METHOD_EXPR);
	cr_assert_eq(check_node_at(ND_CALL, 7, 0)->call.call_kind, CALL_CLOSURE);
}

/* ---- generics: rejected once, without follow-on errors (kept in standard packages) ------------- */

Test(generics, rejected_cleanly)
{
	check_errs("package main\n"
		   "type List[T any] struct{ next *List[T]; v T }\n"
		   "func (l *List[T]) Len() int { return 0 }\n"
		   "func Map[T, U any](xs []T, f func(T) U) []U { return nil }\n"
		   "func main() {\n"
		   "	var l List[int]\n"
		   "	_ = Map([]int{1}, func(x int) string { return \"\" })\n"
		   "	_ = l\n"
		   "}\n",
		   "t.go:2:11: gocc: generic type parameters is not supported yet\n"
		   "t.go:4:10: gocc: generic type parameters is not supported yet\n");
}

/* A standard package's generic declarations are kept unchecked (the library has a few: sync/atomic's
 * Pointer[T]); an import only they use is used, and each use of them is refused. */
Test(generics, standard_declarations_kept)
{
	next_standard = true;
	Package *pkg = check_ok_path("sync/atomic",
				    "package atomic\n"
				    "import \"unsafe\"\n"
				    "type Pointer[T any] struct{ v unsafe.Pointer }\n"
				    "func (x *Pointer[T]) Load() *T { return (*T)(LoadPointer(&x.v)) }\n"
				    "func LoadPointer(addr *unsafe.Pointer) unsafe.Pointer\n"
				    "func Map[T, U any](xs []T, f func(T) U) []U { return nil }\n");
	cr_assert(check_pkg_obj(pkg, "Pointer")->generic);
	cr_assert(check_pkg_obj(pkg, "Map")->generic);
	cr_assert_eq(pkg->funcs.len, 0, "no code for generic functions and methods");
	char *diags;
	next_standard = true;
	check_src_path("sync/atomic",
		       "package atomic\n"
		       "type Pointer[T any] struct{ v *T }\n"
		       "func Map[T any](x T) T { return x }\n"
		       "var p Pointer[int]\n"
		       "var m = Map(1)\n", &diags);
	cr_assert_str_eq(diags, "t.go:4:7: gocc: generic type parameters is not supported yet\n"
				"t.go:5:9: gocc: generic type parameters is not supported yet\n");
}

Test(types, dump_does_not_crash)
{
	Package *pkg = check_ok("package main\n"
				"type T struct{ a int }\n"
				"func (t *T) M() {}\n"
				"var g = 1\n"
				"const c = 2\n"
				"func main() { var t T; t.M() }\n");
	fflush(stderr);
	int saved = dup(2);
	FILE *null = fopen("/dev/null", "w");
	if (null)
		dup2(fileno(null), 2);
	types_dump(pkg);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	if (null)
		fclose(null);
}

Test(objects, nested_glob_closure_names)
{
	check_ok("package main\n"
		 "var f = func() func() int {\n"
		 "	return func() int { return 1 }\n"
		 "}()\n"
		 "func main() { _ = f }\n");
	cr_assert_str_eq(check_node_at(ND_FUNC_LIT, 2, 0)->func_lit.obj->link_name, "main.glob..func1");
	cr_assert_str_eq(check_node_at(ND_FUNC_LIT, 3, 0)->func_lit.obj->link_name, "main.glob..func1.1");
}

Test(objects, init_order_through_methods)
{
	Package *pkg = check_ok("package main\n"
				"type T struct{}\n"
				"func (T) get() int { return b }\n"
				"var a = T{}.get()\n"
				"var b = 2\n"
				"func main() {}\n");
	Initializer *first = pkg->var_inits.data[0];
	cr_assert_str_eq(((Object *)first->lhs.data[0])->name, "b");
}

Test(types, recursive_types_through_indirection)
{
	Package *pkg = check_ok("package main\n"
				"type S []S\n"
				"type M map[string]M\n"
				"type F func(F) F\n"
				"type P *P\n"
				"type N struct{ kids []N; parent *N }\n"
				"func main() {}\n");
	cr_assert_str_eq(type_string(type_underlying(check_pkg_obj(pkg, "S")->type)), "[]main.S");
	cr_assert_eq(type_size(check_pkg_obj(pkg, "N")->type), 32);
}

Test(errors, switch_duplicates)
{
	check_errs("package main\n"
		   "func main() {\n"
		   "	x := 1\n"
		   "	switch x {\n"
		   "	case 1, 2:\n"
		   "	case 2:\n"
		   "	}\n"
		   "	var e interface{} = x\n"
		   "	switch e.(type) {\n"
		   "	case int:\n"
		   "	case int:\n"
		   "	}\n"
		   "}\n",
		   "t.go:6:7: duplicate case 2 (constant of type int) in expression switch\n"
		   "\tt.go:5:10: previous case\n"
		   "t.go:11:7: duplicate case int in type switch\n"
		   "\tt.go:10:7: previous case\n");
}

Test(errors, dot_import_unsafe)
{
	check_ok("package main\n"
		 "import . \"unsafe\"\n"
		 "func main() { var x int64; println(Sizeof(x)) }\n");
	Node *call = check_node_at(ND_CALL, 3, 36);
	cr_assert_eq(call->call.builtin, BI_UNSAFE_SIZEOF);
	cr_assert_eq(call->mode, MODE_CONST);
	cr_assert_str_eq(const_format(call->cval), "8");
	cr_assert_str_eq(check_tstr(call), "uintptr");
}

/* ---- what gc rejects beyond go/parser, and checking after non-syntax parse errors -------------- */

/* Expectations are go1.19's output for the same file (go tool compile). */
Test(check_gc, parse_errors_other_than_syntax_errors_let_checking_go_on)
{
	check_errs("package main\n"
		   "\n"
		   "type T int\n"
		   "\n"
		   "func () m() { var s string = 1 }\n"
		   "\n"
		   "func main() {\n"
		   "\tvar x = 09\n"
		   "\tvar y int = \"s\"\n"
		   "\tdefer 1\n"
		   "\tgo m\n"
		   "\t_, _ = x, y\n"
		   "}\n",
		   "t.go:5:9: method has no receiver\n"
		   "t.go:5:30: cannot use 1 (untyped int constant) as string value in variable declaration\n"
		   "t.go:8:11: invalid digit '9' in octal literal\n"
		   "t.go:9:14: cannot use \"s\" (untyped string constant) as int value in variable declaration\n"
		   "t.go:10:8: expression in defer must be function call\n"
		   "t.go:10:8: invalid operation: cannot call non-function 1 (untyped int constant)\n"
		   "t.go:11:5: expression in go must be function call\n");
}

Test(check_gc, type_switch_guard_outside_a_switch)
{
	check_errs("package main\n"
		   "\n"
		   "func main() {\n"
		   "\tvar x interface{}\n"
		   "\t_ = x.(type)\n"
		   "}\n",
		   "t.go:4:6: x declared but not used\n"
		   "t.go:5:6: invalid AST: use of .(type) outside type switch\n");
}

Test(check_gc, generic_alias)
{
	check_errs("package main\n"
		   "\n"
		   "type A[P any] = []P\n"
		   "\n"
		   "var _ A[int]\n"
		   "\n"
		   "func main() {}\n",
		   "t.go:3:6: generic type cannot be alias\n");
}

Test(check_gc, redeclared_locals_are_not_unused)
{
	check_errs("package main\n"
		   "\n"
		   "func f(x int) {\n"
		   "\tvar x int\n"
		   "}\n"
		   "\n"
		   "func main() {\n"
		   "\tfor a, a := range []int{1} {\n"
		   "\t\tprintln(a)\n"
		   "\t}\n"
		   "}\n",
		   "t.go:4:6: x redeclared in this block\n"
		   "\tt.go:3:8: other declaration of x\n"
		   "t.go:8:9: a redeclared in this block\n"
		   "\tt.go:8:6: other declaration of a\n");
}

Test(check_gc, range_iteration_variables)
{
	check_errs("package main\n"
		   "\n"
		   "func main() {\n"
		   "\tvar s []int\n"
		   "\tvar c chan int\n"
		   "\tvar i, j, k int\n"
		   "\tfor i, j, k = range s {\n"
		   "\t}\n"
		   "\tfor i, j, k = range c {\n"
		   "\t}\n"
		   "\tfor a, b, c := range s {\n"
		   "\t\t_, _ = a, b\n"
		   "\t}\n"
		   "}\n",
		   "t.go:6:6: i declared but not used\n"
		   "t.go:6:12: k declared but not used\n"
		   "t.go:7:12: range clause permits at most two iteration variables\n"
		   "t.go:9:9: range over c (variable of type chan int) permits only one iteration variable\n"
		   "t.go:11:12: range clause permits at most two iteration variables\n");
}

Test(check_gc, invalid_import_paths)
{
	check_errs("package main\n"
		   "\n"
		   "import \"\"\n"
		   "import \"a b\"\n"
		   "import \"a\\\\b\"\n"
		   "import \"x\\x00\"\n"
		   "import \"\\u00a0\"\n"
		   "import \"\\ufffd\"\n"
		   "import \"\\xed\\xa0\\x80\"\n" /* a surrogate: U+FFFD, as Go's range decodes it */
		   "import \"\\xc1\\x81\"\n"     /* an overlong 'A': U+FFFD too */
		   "\n"
		   "func main() {}\n",
		   "t.go:3:8: invalid import path (empty string)\n"
		   "t.go:4:8: invalid import path (invalid character U+0020 ' ')\n"
		   "t.go:5:8: invalid import path (invalid character U+005C '\\')\n"
		   "t.go:6:8: invalid import path (invalid character U+0000)\n"
		   "t.go:7:8: invalid import path (invalid character U+00A0)\n"
		   "t.go:8:8: invalid import path (invalid character U+FFFD '�')\n"
		   "t.go:9:8: invalid import path (invalid character U+FFFD '�')\n"
		   "t.go:10:8: invalid import path (invalid character U+FFFD '�')\n");
}

Test(check_gc, type_switch_case_not_a_type)
{
	check_errs("package main\n"
		   "\n"
		   "func main() {\n"
		   "\tvar x interface{}\n"
		   "\tswitch x.(type) {\n"
		   "\tcase 0, int:\n"
		   "\t}\n"
		   "}\n",
		   "t.go:6:7: 0 is not a type\n");
}

Test(check_gc, types_as_expressions_and_non_names)
{
	check_errs("package main\n"
		   "\n"
		   "func main() {\n"
		   "\tvar x struct{ y int }\n"
		   "\t_ = [...]int\n"
		   "\tx.y := 1\n"
		   "\t_ = []int\n"
		   "\t_ = len([...]byte(\"foo\"))\n"
		   "}\n",
		   "t.go:5:6: invalid use of [...] array (outside a composite literal)\n"
		   "t.go:5:6: [...]int (type) is not an expression\n"
		   "t.go:6:2: non-name x.y on left side of :=\n"
		   "t.go:7:6: []int (type) is not an expression\n"
		   "t.go:8:10: invalid use of [...] array (outside a composite literal)\n");
}

Test(check_gc, missing_const_init_exprs)
{
	check_errs("package main\n"
		   "\n"
		   "const (\n"
		   "\ta, b = 1\n"
		   "\tc int\n"
		   "\td\n"
		   ")\n"
		   "\n"
		   "func main() {}\n",
		   "t.go:4:5: missing init expr for b\n"
		   "t.go:5:2: missing init expr for c\n"
		   "t.go:6:2: missing init expr for d\n");
}

/* ---- robustness: long chains of declarations and large literals ------------------------------ */

static char *check_src_lines(const char *head, const char *fmt, int n, const char *tail)
{
	StrBuf b = {0};
	sb_puts(&b, head);
	for (int i = 0; i < n; i++) {
		sb_printf(&b, fmt, i, i + 1);
		sb_putc(&b, '\n');
	}
	sb_puts(&b, tail);
	return sb_cstr(&b);
}

/* check_obj_decl, valid_type and the init order recurse along such chains: the checker runs on a large
 * stack, and each step is linear (these took seconds or crashed). */
Test(check_robust, long_declaration_chains)
{
	check_ok(check_src_lines("package main\n\n", "var v%d = v%d", 50000, "var v50000 = 1\nfunc main() {}\n"));
	check_ok(check_src_lines("package main\n\n", "type T%d T%d", 50000, "type T50000 int\nfunc main() {}\n"));
	check_ok(check_src_lines("package main\n\n", "type S%d struct { x S%d }", 50000, "type S50000 struct{}\nfunc main() {}\n"));
	char *diags;
	check_src(check_src_lines("package main\n\n", "type T%d [1]T%d", 20000, "type T20000 [1]T0\nfunc main() {}\n"), &diags);
	cr_assert(!strncmp(diags, "t.go:3:6: invalid recursive type T0\n\tt.go:3:6: T0 refers to\n", 60), "%.200s", diags);
	check_src(check_src_lines("package main\n\n", "var v%d = v%d", 20000, "var v20000 = v0\nfunc main() {}\n"), &diags);
	cr_assert(!strncmp(diags, "t.go:3:5: initialization loop for v0\n", 37), "%.200s", diags);
}

/* Duplicate detection is hashed: generated switches and tables have thousands of entries. */
Test(check_robust, large_switches_and_literals)
{
	char *diags;
	check_src(check_src_lines("package main\n\nfunc main() {\n\tx := 0\n\tswitch x {\n", "\tcase %d:", 30000,
			    "\tcase 7:\n\t}\n}\n"),
		  &diags);
	cr_assert_str_eq(diags, "t.go:30006:7: duplicate case 7 (constant of type int) in expression switch\n\tt.go:13:7: previous case\n");
	check_src(check_src_lines("package main\n\nvar m = map[float64]int{\n", "\t%d: 0,", 30000, "\t7.0: 1,\n}\n\nfunc main() {}\n"),
		  &diags);
	cr_assert_str_eq(diags, "t.go:30004:2: duplicate key 7 in map literal\n");
	check_src(check_src_lines("package main\n\nvar a = []int{\n", "\t%d: 0,", 30000, "\t7: 1,\n}\n\nfunc main() {}\n"), &diags);
	cr_assert_str_eq(diags, "t.go:30004:3: duplicate index 7 in array or slice literal\n");
	check_src(check_src_lines("package main\n\ntype S struct {\n", "\tf%d int", 30000, "\tf7 int\n}\n\nfunc main() {}\n"), &diags);
	cr_assert_str_eq(diags, "t.go:30004:2: f7 redeclared\n\tt.go:11:2: other declaration of f7\n");
}
