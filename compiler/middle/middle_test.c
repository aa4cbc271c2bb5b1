/*
 * middle_test.c: unit tests of the middle stage (closure.c, escape.c, order.c)
 * without LLVM.
 *
 * Each test parses and checks a small program as gocc build does, runs middle_package, and looks at
 * the annotations lowering will read: capture lists and literal names, which variables get heap
 * cells, which conversions keep a stack buffer, which expressions are evaluated early. The
 * expected decisions are gc's (go build -gcflags=-m for the escape ones).
 */
#include <criterion/criterion.h>

#include "middle.h"

#include <string.h>

static Node *last_file;

/* The package of src, parsed and checked (without diagnostics) as gocc build does. */
static Package *checked_src(const char *src)
{
	Node *f = parse_file_mode(source_add("t.go", xstrdup(src), strlen(src)), PARSE_GC);
	last_file = f;
	Vec files = {0};
	vec_push(&files, f);
	types_init();
	Package *pkg = package_new("main");
	check_package(pkg, &files);
	char *diags = diag_flush_string();
	cr_assert_str_eq(diags, "", "unexpected diagnostics for:\n%s\n---\n%s", src, diags);
	return pkg;
}

static Package *middle_src(const char *src)
{
	Package *pkg = checked_src(src);
	middle_package(pkg);
	return pkg;
}

/* The node of `kind` at line:col (col 0: the first on the line, in source order). */
static Node *node_at(NodeKind kind, int line, int col)
{
	Node *n = ast_find_at(last_file, kind, line, col);
	cr_assert(n, "no %s at %d:%d", node_kind_name(kind), line, col);
	return n;
}

/* The object a `name :=` or `var name` on `line` declares. */
static Object *var_at(int line)
{
	return node_at(ND_IDENT, line, 0)->ident.obj;
}

/* ---- the walker ------------------------------------------------------------------------------ */

static bool count_pre(Node *n, void *arg)
{
	(void)n;
	(*(int *)arg)++;
	return true;
}

static void count_post(Node *n, void *arg)
{
	(void)n;
	(*(int *)arg) += 100;
}

Test(walk, visits_every_node_pre_and_post)
{
	middle_src("package main\nfunc main() { x := 1; _ = x + 2 }\n");
	Node *body = node_at(ND_BLOCK, 2, 0);
	int n = 0;
	ast_walk(body, &(AstVisitor){count_pre, count_post, &n});
	/* block, :=, x, 1, =, _, +, x, 2 */
	cr_assert_eq(n, 9 * 101, "got %d", n);
}

/* ---- closures -------------------------------------------------------------------------------- */

Test(closure, captures_in_first_use_order)
{
	middle_src("package main\n"
		   "func main() {\n"
		   "	a, b := 1, 2\n"
		   "	f := func() int { c := b; return c + a }\n"
		   "	println(f())\n"
		   "}\n");
	Node *lit = node_at(ND_FUNC_LIT, 4, 0);
	cr_assert_eq(lit->func_lit.captures.len, 2);
	cr_assert_str_eq(((Object *)lit->func_lit.captures.data[0])->name, "b");
	cr_assert_str_eq(((Object *)lit->func_lit.captures.data[1])->name, "a");
	cr_assert_str_eq(lit->func_lit.obj->link_name, "main.main.func1");
}

Test(closure, nested_capture_is_captured_by_the_outer_literal)
{
	middle_src("package main\n"
		   "func main() {\n"
		   "	x := 1\n"
		   "	func() { func() { x++ }() }()\n"
		   "	println(x)\n"
		   "}\n");
	Node *outer = node_at(ND_FUNC_LIT, 4, 2);
	Node *inner = node_at(ND_FUNC_LIT, 4, 11);
	cr_assert_eq(outer->func_lit.captures.len, 1);
	cr_assert_eq(inner->func_lit.captures.len, 1);
	cr_assert_str_eq(inner->func_lit.obj->link_name, "main.main.func1.1");
	cr_assert_not(var_at(3)->boxed, "both literals are called where they stand");
	cr_assert(outer->func_lit.stack_alloc);
	cr_assert(inner->func_lit.stack_alloc);
}

Test(closure, captured_marks_only_variables_some_literal_uses)
{
	middle_src("package main\n"
		   "func main() {\n"
		   "	x, y := 1, 2\n"
		   "	f := func() int {\n"
		   "		return func() int { return x }()\n"
		   "	}\n"
		   "	p := &y\n"
		   "	_, _ = f, p\n"
		   "}\n");
	Node *outer = node_at(ND_FUNC_LIT, 4, 0);
	Node *inner = node_at(ND_FUNC_LIT, 5, 0);
	cr_assert_eq(outer->func_lit.captures.len, 1);
	cr_assert_eq(inner->func_lit.captures.len, 1);
	Object *x = outer->func_lit.captures.data[0];
	cr_assert_str_eq(x->name, "x");
	cr_assert(x->captured);
	Object *y = node_at(ND_IDENT, 7, 8)->ident.obj;
	cr_assert_str_eq(y->name, "y");
	cr_assert_not(y->captured);
}

Test(closure, parameters_and_locals_of_the_literal_are_not_captures)
{
	middle_src("package main\n"
		   "func main() {\n"
		   "	f := func(p int) int { q := p; for i := range [3]int{} { q += i }; return q }\n"
		   "	println(f(1))\n"
		   "}\n");
	cr_assert_eq(node_at(ND_FUNC_LIT, 3, 0)->func_lit.captures.len, 0);
}

/* Which closures stay in the frame and which captured variables move to the heap, as go1.19's
 * `go build -gcflags='-m -l'` reports for the same program ("func literal does not escape",
 * "moved to heap: b", "([]rune)(s) does not escape"). */
Test(closure, only_escaping_closures_move_their_variables_to_the_heap)
{
	middle_src("package main\n"
		   "var g func()\n"
		   "func keep(f func()) { g = f }\n"
		   "func call(f func()) { f() }\n"
		   "func main() {\n"
		   "	a, b, c, d, e, h := 1, 2, 3, 4, 5, 6\n"
		   "	f := func() { a++ }\n"
		   "	f()\n"
		   "	g = func() { b++ }\n"
		   "	keep(func() { c++ })\n"
		   "	call(func() { d++ })\n"
		   "	defer func() { e++ }()\n"
		   "	var k func()\n"
		   "	for i := 0; i < 2; i++ {\n"
		   "		k = func() { h++ }\n"
		   "		defer func() { println(i) }()\n"
		   "	}\n"
		   "	k()\n"
		   "	s := \"h\u00e9llo\"\n"
		   "	r := []rune(s)\n"
		   "	fr := func() int { return cap(r) }\n"
		   "	println(fr())\n"
		   "	q := []rune(s)\n"
		   "	g = func() { println(cap(q)) }\n"
		   "}\n");
	const char *heap[] = {"b", "c", "h", "i"}, *frame[] = {"a", "d", "e", "r"};
	Object *a = node_at(ND_IDENT, 6, 2)->ident.obj, *b = node_at(ND_IDENT, 6, 5)->ident.obj;
	Object *c = node_at(ND_IDENT, 6, 8)->ident.obj, *d = node_at(ND_IDENT, 6, 11)->ident.obj;
	Object *e = node_at(ND_IDENT, 6, 14)->ident.obj, *h = node_at(ND_IDENT, 6, 17)->ident.obj;
	Object *i = node_at(ND_IDENT, 14, 6)->ident.obj;
	Object *objs[] = {b, c, h, i, a, d, e, var_at(20)};
	for (int k = 0; k < 8; k++)
		cr_assert_eq(objs[k]->boxed, k < 4, "%s: boxed %d", k < 4 ? heap[k] : frame[k - 4], objs[k]->boxed);
	cr_assert(node_at(ND_FUNC_LIT, 7, 0)->func_lit.stack_alloc, "only called");
	cr_assert_not(node_at(ND_FUNC_LIT, 9, 0)->func_lit.stack_alloc, "stored in a global");
	cr_assert_not(node_at(ND_FUNC_LIT, 10, 0)->func_lit.stack_alloc, "leaking parameter");
	cr_assert(node_at(ND_FUNC_LIT, 11, 0)->func_lit.stack_alloc, "parameter that does not leak");
	cr_assert(node_at(ND_FUNC_LIT, 12, 0)->func_lit.stack_alloc, "deferred once");
	cr_assert_not(node_at(ND_FUNC_LIT, 15, 0)->func_lit.stack_alloc, "outlives the iteration");
	cr_assert_not(node_at(ND_FUNC_LIT, 16, 0)->func_lit.stack_alloc, "deferred in a loop");
	cr_assert(node_at(ND_CALL, 20, 0)->call.stack_buf, "captured by a closure only called");
	cr_assert_not(node_at(ND_CALL, 23, 0)->call.stack_buf, "captured by an escaping closure");
}

/* ---- escape analysis ------------------------------------------------------------------------- */

/* What a goroutine captures escapes (go1.19 -gcflags=-m: "moved to heap: a", "func literal escapes
 * to heap"), even outside loops, unlike a defer statement's. */
Test(escape, go_statements_capture_into_the_heap)
{
	middle_src("package main\n"
		   "func use(p *int) { println(*p) }\n"
		   "func main() {\n"
		   "	a, b, d := 1, 2, 3\n"
		   "	go func() { a++ }()\n"
		   "	go use(&b)\n"
		   "	defer func() { d++ }()\n"
		   "}\n");
	cr_assert(node_at(ND_IDENT, 4, 2)->ident.obj->boxed, "a");
	cr_assert(node_at(ND_IDENT, 4, 5)->ident.obj->boxed, "b");
	cr_assert_not(node_at(ND_IDENT, 4, 8)->ident.obj->boxed, "d");
	cr_assert_not(node_at(ND_FUNC_LIT, 5, 0)->func_lit.stack_alloc, "go");
	cr_assert(node_at(ND_FUNC_LIT, 7, 0)->func_lit.stack_alloc, "deferred once");
}

Test(escape, address_stored_in_a_variable_boxes)
{
	middle_src("package main\n"
		   "var keep *int\n"
		   "func main() {\n"
		   "	x := 1\n"
		   "	y := 2\n"
		   "	keep = &x\n"
		   "	p := &y\n"
		   "	println(*p)\n"
		   "}\n");
	cr_assert(var_at(4)->boxed);
	cr_assert(var_at(5)->boxed); /* conservative: any stored address escapes */
}

Test(escape, address_passed_to_a_non_leaking_parameter_stays)
{
	middle_src("package main\n"
		   "func fill(a *[4]int) { a[0] = 1 }\n"
		   "func keep(p *int) *int { return p }\n"
		   "func main() {\n"
		   "	var arr [4]int\n"
		   "	var x int\n"
		   "	fill(&arr)\n"
		   "	println(*keep(&x), arr[0])\n"
		   "}\n");
	cr_assert_not(var_at(5)->boxed);
	cr_assert(var_at(6)->boxed); /* keep returns its parameter: it leaks */
	Object *fill = node_at(ND_FUNC_DECL, 2, 0)->func_decl.obj;
	Object *keep = node_at(ND_FUNC_DECL, 3, 0)->func_decl.obj;
	cr_assert_not(((Object *)fill->params.data[0])->leaks);
	cr_assert(((Object *)keep->params.data[0])->leaks);
}

Test(escape, string_conversion_kept_in_the_frame)
{
	middle_src("package main\n"
		   "var g []byte\n"
		   "func main() {\n"
		   "	b := []byte(\"abc\")\n"
		   "	g = []byte(\"xyz\")\n"
		   "	println(len(b), cap(g))\n"
		   "}\n");
	cr_assert(node_at(ND_CALL, 4, 0)->call.stack_buf);
	cr_assert_not(node_at(ND_CALL, 5, 0)->call.stack_buf);
}

Test(escape, const_nil_pointer)
{
	middle_src("package main\n"
		   "func main() {\n"
		   "	var p *int\n"
		   "	var q *int\n"
		   "	q = new(int)\n"
		   "	println(p, q)\n"
		   "}\n");
	cr_assert(middle_is_const_nil(var_at(3)));
	cr_assert_not(middle_is_const_nil(var_at(4)));
}

/* ---- evaluation order ------------------------------------------------------------------------ */

Test(order, calls_and_slices_are_early_plain_reads_are_not)
{
	middle_src("package main\n"
		   "func f() int { return 1 }\n"
		   "func main() {\n"
		   "	s := []int{1, 2}\n"
		   "	x := 0\n"
		   "	println(x, f(), len(s), s[1:], x > 0 && f() > 0, s[0])\n"
		   "}\n");
	Node *print = node_at(ND_CALL, 6, 0);
	Vec *a = &print->call.args;
	cr_assert_not(print->early); /* println has no value */
	cr_assert_not(((Node *)a->data[0])->early);
	cr_assert(((Node *)a->data[1])->early);
	cr_assert(((Node *)a->data[2])->early);
	cr_assert(((Node *)a->data[3])->early);
	cr_assert(((Node *)a->data[4])->early);
	cr_assert_not(((Node *)a->data[5])->early);
}

/* A receive is early (gc's ORECV is copied to a temporary) except in its comma-ok form, which the
 * assignment makes itself. */
Test(order, receives_are_early_except_comma_ok)
{
	middle_src("package main\n"
		   "var c = make(chan int, 3)\n"
		   "var v, ok = <-c\n"
		   "func main() {\n"
		   "	x := <-c + 1\n"
		   "	y, ok2 := <-c\n"
		   "	var z, ok3 = (<-c)\n"
		   "	println(x, y, ok2, z, ok3)\n"
		   "}\n");
	cr_assert_not(node_at(ND_UNARY, 3, 0)->early);
	cr_assert(node_at(ND_UNARY, 5, 0)->early);
	cr_assert_not(node_at(ND_UNARY, 6, 0)->early);
	cr_assert_not(node_at(ND_UNARY, 7, 0)->early);
}

/* ---- allocation sites (gc: "does not escape" / "escapes to heap") ------------------------------ */

Test(escape, allocation_sites_kept_in_the_frame)
{
	middle_src("package main\n"
		   "type T struct{ a int }\n"
		   "var g *T\n"
		   "func f(n int) *T {\n"
		   "	s := []int{1, 2, 3}\n"
		   "	p := &T{1}\n"
		   "	b := make([]byte, 64)\n"
		   "	c := make([]byte, n)\n"
		   "	d := make([]byte, 65537)\n"
		   "	g = new(T)\n"
		   "	q := new(T)\n"
		   "	r := q\n"
		   "	println(s[0], p.a, len(b), len(c), len(d))\n"
		   "	return r\n"
		   "}\n"
		   "func main() { f(1) }\n");
	cr_assert(node_at(ND_COMPOSITE_LIT, 5, 0)->composite.stack_alloc);
	cr_assert(node_at(ND_COMPOSITE_LIT, 6, 0)->composite.stack_alloc);
	cr_assert(node_at(ND_CALL, 7, 0)->call.stack_buf);
	cr_assert_not(node_at(ND_CALL, 8, 0)->call.stack_buf, "non-constant size");
	cr_assert_not(node_at(ND_CALL, 9, 0)->call.stack_buf, "over 64 KB");
	cr_assert_not(node_at(ND_CALL, 10, 0)->call.stack_buf, "stored in a global");
	cr_assert_not(node_at(ND_CALL, 11, 0)->call.stack_buf, "returned through a copy");
}

Test(escape, allocation_in_loop_reaching_an_outer_variable_escapes)
{
	middle_src("package main\n"
		   "type T struct{ a int }\n"
		   "func main() {\n"
		   "	var prev *T\n"
		   "	for i := 0; i < 3; i++ {\n"
		   "		p := &T{i}\n"
		   "		q := &T{i}\n"
		   "		if prev != nil { println(prev.a, q.a) }\n"
		   "		prev = p\n"
		   "	}\n"
		   "	x := 0\n"
		   "L:\n"
		   "	r := &T{x}\n"
		   "	prev = r\n"
		   "	x++\n"
		   "	if x < 3 { goto L }\n"
		   "}\n");
	cr_assert_not(node_at(ND_COMPOSITE_LIT, 6, 0)->composite.stack_alloc, "outlives the iteration");
	cr_assert(node_at(ND_COMPOSITE_LIT, 7, 0)->composite.stack_alloc);
	cr_assert_not(node_at(ND_COMPOSITE_LIT, 13, 0)->composite.stack_alloc, "after a looping label");
}

Test(escape, allocation_reaching_closures_and_interfaces)
{
	middle_src("package main\n"
		   "type T struct{ a int }\n"
		   "type K interface{ M() }\n"
		   "var g *T\n"
		   "func (t *T) M() { g = t }\n"
		   "func main() {\n"
		   "	p := &T{1}\n"
		   "	f := func() int { return p.a }\n"
		   "	var k K = &T{2}\n"
		   "	k.M()\n"
		   "	var i interface{} = &T{3}\n"
		   "	println(f(), i != nil)\n"
		   "}\n");
	cr_assert(node_at(ND_COMPOSITE_LIT, 7, 0)->composite.stack_alloc, "captured by a closure only called");
	cr_assert_not(node_at(ND_COMPOSITE_LIT, 9, 0)->composite.stack_alloc, "dynamic receiver");
	cr_assert(node_at(ND_COMPOSITE_LIT, 11, 0)->composite.stack_alloc, "interface kept local");
}
