/*
 * parse_test.c: unit tests of the parser (parse.c) through parse_file (go/parser's verdict) and
 * parse_file_mode(PARSE_GC) (gc's, with its branch checks: parse_branches.c).
 *
 * Three kinds of tests: snippets of every construct (generics included) must parse without a
 * diagnostic; selected snippets must produce the expected tree shape (node kinds, links, the
 * fields the parser fills such as value_spec.iota, recv, directives); malformed snippets must
 * produce gc's message on the expected line. Diagnostics are read back by flushing them into a
 * temporary file that stands in for stderr. Each Criterion test runs in its own process, so the
 * global diagnostic list starts empty.
 */
#include <criterion/criterion.h>

#include "ast.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ---- helpers --------------------------------------------------------------------------------- */

static Node *parse_src(const char *src)
{
	return parse_file(source_add("t.go", xstrdup(src), strlen(src)));
}


/* src parses without any diagnostic. */
static Node *parse_ok(const char *src)
{
	Node *f = parse_src(src);
	int n = error_count();
	char *diags = diag_flush_string();
	cr_assert_eq(n, 0, "unexpected diagnostics for:\n%s\n---\n%s", src, diags);
	return f;
}

/* src gets a diagnostic on `line` whose text contains msg. */
static void parse_err(const char *src, int line, const char *msg)
{
	parse_src(src);
	char *diags = diag_flush_string();
	char *want = xsprintf("t.go:%d:", line);
	bool found = false;
	for (char *l = diags; l && *l;) {
		char *nl = strchr(l, '\n');
		char *s = xstrndup(l, nl ? (size_t)(nl - l) : strlen(l));
		if (!strncmp(s, want, strlen(want)) && strstr(s, msg))
			found = true;
		l = nl ? nl + 1 : NULL;
	}
	cr_assert(found, "want %s ... %s for:\n%s\n--- got:\n%s", want, msg, src, diags);
}

/* A function body: the statements start on line 3. */
static const char *body(const char *stmts)
{
	return xsprintf("package p\nfunc _() {\n%s\n}\n", stmts);
}

static Node *decl(Node *file, int i)
{
	cr_assert_lt(i, file->file.decls.len);
	return file->file.decls.data[i];
}

/* The i-th spec of the i-th declaration. */
static Node *spec(Node *file, int d, int i)
{
	Node *g = decl(file, d);
	cr_assert_eq(g->kind, ND_GEN_DECL);
	cr_assert_lt(i, g->gen_decl.specs.len);
	return g->gen_decl.specs.data[i];
}

/* The i-th statement of the body of the last declaration (a function). */
static Node *stmt(Node *file, int i)
{
	Node *fn = vec_last(&file->file.decls);
	cr_assert_eq(fn->kind, ND_FUNC_DECL);
	cr_assert_lt(i, fn->func_decl.body->block.stmts.len);
	return fn->func_decl.body->block.stmts.data[i];
}

/* The right-hand side of the i-th statement, an assignment `_ = X` or `x := X`. */
static Node *rhs(Node *file, int i)
{
	Node *s = stmt(file, i);
	cr_assert_eq(s->kind, ND_ASSIGN_STMT, "statement %d is %s", i, node_kind_name(s->kind));
	return s->assign.rhs.data[0];
}

static void assert_ident(Node *n, const char *name)
{
	cr_assert_not_null(n);
	cr_assert_eq(n->kind, ND_IDENT, "want ident %s, got %s", name, node_kind_name(n->kind));
	cr_assert_str_eq(n->ident.name, name);
}

/* ---- acceptance: every construct parses without diagnostics ---------------------------------- */

static const char *const valid_files[] = {
	/* declarations */
	"package p\nimport \"fmt\"\nimport (\n\t. \"math\"\n\t_ \"os\"\n\tstr \"strings\"\n)\n",
	"package p\nconst (\n\ta = iota\n\tb\n\tc, d = iota, -iota\n\te, f\n)\nconst x int = 1\n",
	"package p\nvar (\n\ta int\n\tb, c = 1, 2\n\td []map[string]*[4]chan<- func(int) error\n)\n",
	"package p\ntype (\n\tA int\n\tB = A\n\tC struct{}\n)\n",
	"package p\nfunc f()\nfunc g() int { return 0 }\nfunc (T) m() {}\nfunc (t *T) n(a, b int, c ...string) (x, y int, err error) { return }\n",
	"package p\nfunc f(int, string) (bool, error)\nfunc g(a int, _ string) (_ int)\nfunc h(...int)\n",
	/* struct types: tags, embedded fields */
	"package p\ntype S struct {\n\ta, b int `json:\"a\"`\n\tT\n\t*U\n\tpkg.V\n\t*pkg.W \"tag\"\n\tG[int]\n\t*H[int, string]\n\tx [N]int\n\ty []int\n\tz [N * 2]int\n}\n",
	/* interfaces */
	"package p\ntype I interface {\n\tM(int) string\n\tio.Reader\n\tJ\n\tcomparable\n\tN() (int, error)\n}\n",
	"package p\ntype C interface {\n\t~int | ~int64 | string\n\tint\n\t[]byte | ~[]rune\n\tG[int]\n\t*T | chan int\n\tString() string\n}\n",
	/* generics */
	"package p\nfunc Map[T, U any](s []T, f func(T) U) []U { return nil }\n",
	"package p\nfunc F[P any, Q ~int | ~string, R interface{ M() }](p P) Q { var q Q; return q }\n",
	"package p\ntype List[T any] struct {\n\tnext *List[T]\n\tval T\n}\nfunc (l *List[T]) Push(v T) {}\nfunc (l List[_]) Len() int { return 0 }\n",
	"package p\ntype M[K comparable, V any] map[K]V\ntype P[T *int,] struct{}\ntype Q[T interface{ *int }] struct{}\ntype R[T *[]int] struct{}\ntype S[T ~int | float64] []T\ntype U[T []E, E any] struct{}\n",
	"package p\ntype A [N]int\ntype B [N * M]int\ntype C [P * C]struct{}\ntype D [2]int\ntype E [len(x)]int\ntype F [N]*int\n",
	"package p\nvar _ = f[int]\nvar _ = f[int, string](1)\nvar _ = G[A, B]{}\nvar _ G[int]\nvar _ = pkg.G[int]{}\nvar _ []G[int]\nvar _ = x[1][2]\n",
	"package p\ntype T[P any] = P\ntype E[T any] interface{ ~[]T }\n",
	/* channel types */
	"package p\nvar a <-chan <-chan int\nvar b chan<- chan int\nvar c chan (<-chan int)\nvar d chan<- <-chan int\nvar e <-chan chan<- int\n",
	/* directives and comments */
	"package p\n\n//go:noinline\n//go:nosplit\nfunc f() {}\n\n// doc\nfunc g() {} // trailing\n/* block */ var x = 1\n",
};

Test(parse_ok, files)
{
	for (size_t i = 0; i < sizeof valid_files / sizeof *valid_files; i++)
		parse_ok(valid_files[i]);
}

static const char *const valid_stmts[] = {
	/* simple statements */
	"x := 1\nx, y = y, x\nx += 2\nx <<= 1\nx &^= y\nx++\ny--\nc <- 1\n<-c\nf()\n_ = x",
	"a, b := f()\nm[k] = v\n*p = 3\np.x.y = 1\ns[i:j] = nil\n(x) = 1",
	/* expressions */
	"_ = a + b*c - d/e%f<<1>>2&^3 | 4 ^ 5 &6\n_ = !a && b || c == d != (e < f) && g <= h || i > j && k >= l",
	"_ = -x + +y - ^z\n_ = &T{}\n_ = *p\n_ = <-c\n_ = x.(T)\n_ = x.(*T)\n_ = x.(interface{ M() })",
	"_ = s[1:]\n_ = s[:2]\n_ = s[1:2]\n_ = s[:]\n_ = s[1:2:3]\n_ = s[:2:3]\n_ = s[i]",
	"_ = 1.5e3 + 0x1p-2 + 1i + 'a' + '\\n'\n_ = `raw` + \"s\"\n_ = 0b101 + 0o17 + 017 + 1_000",
	/* conversions and method expressions */
	"_ = (*T)(x)\n_ = []byte(s)\n_ = (<-chan int)(c)\n_ = (func())(f)\n_ = map[string]int(m)\n_ = chan int(c)",
	"_ = T.M\n_ = (*T).M\n_ = pkg.T.M\n_ = (*pkg.T).M\n_ = struct{ x int }{1}\n_ = interface{}(x)",
	/* builtins taking types */
	"_ = make([]int, 10)\n_ = make(map[string]int)\n_ = new(struct{ a int })\n_ = make(chan<- int, 1)\n_ = append(s, t...)\n_ = f(a, b...)",
	/* composite literals */
	"_ = []int{1, 2, 3}\n_ = [...]string{\"a\"}\n_ = map[string][]int{\"a\": {1}, \"b\": nil}\n_ = [][]T{{}, {1, 2}}\n_ = T{a: 1, b: 2,}\n_ = &[]*T{{x: 1}, &T{}}\n_ = pkg.T{}\n_ = [2][2]int{{1, 2}, {3, 4}}",
	"_ = map[T]U{{1}: {2}}\n_ = struct{}{}\n_ = []func(){func() {}}",
	/* func literals */
	"f := func(x int) int { return x * 2 }\ngo func() {}()\ndefer func(a int) { recover() }(1)\n_ = func() (a, b int) { return }",
	/* control flow and the composite literal / block ambiguity */
	"if x {\n}\nif x := f(); x > 0 {\n} else if y {\n} else {\n}",
	"if x == (T{}) {\n}\nif f(T{}) {\n}\nif x := []int{1}; len(x) > 0 {\n}\nif (T{}).ok {\n}\nif v := (T{}); v.x {\n}",
	"for {\n}\nfor x < 10 {\n}\nfor i := 0; i < 10; i++ {\n}\nfor ; ; {\n}\nfor i := 0; ; {\n}\nfor ; x; {\n}",
	"for range x {\n}\nfor i := range x {\n}\nfor k, v := range m {\n}\nfor k, v = range m {\n}\nfor _, v := range []T{{}} {\n}",
	"switch {\n}\nswitch x {\ncase 1, 2:\n\tfallthrough\ncase 3:\ndefault:\n}\nswitch x := f(); x {\n}\nswitch x := f(); {\n}\nswitch s := (S{}); s.x {\n}",
	"switch x.(type) {\n}\nswitch v := x.(type) {\ncase int, string:\ncase nil:\ncase []T, map[K]V, func(), *T, chan int:\ndefault:\n}\nswitch y := 1; v := x.(type) {\n}",
	"select {\n}\nselect {\ncase v := <-c:\ncase v, ok := <-c:\ncase v = <-c:\ncase <-c:\ncase c <- 1:\ndefault:\n}",
	/* labels and branches */
	"L:\n\tfor {\n\t\tbreak L\n\t}\nM:\n\tgoto M\nN:\n\tswitch {\n\tdefault:\n\t\tbreak N\n\t}\n\tfor {\n\t\tcontinue\n\t}\nE:\n",
	"{\n}\n{\n\tx := 1\n\t_ = x\n}\n;\nreturn",
	/* local declarations */
	"var x int\nvar (\n\ty = 1\n\tz string\n)\nconst c = 1\ntype T struct{}\ntype G[P any] []P\ntype (\n\tA = int\n)",
	/* generic calls and instantiations in statements */
	"x := f[int](1)\nvar _ = g[int, string]\n_ = G[int]{}\n_ = m[k]\nh[int]()",
	/* statements ending at '}' without a semicolon */
	"if x { return }\nfor { break }\nfunc() { x++ }()",
};

Test(parse_ok, statements)
{
	for (size_t i = 0; i < sizeof valid_stmts / sizeof *valid_stmts; i++)
		parse_ok(body(valid_stmts[i]));
}

/* go/parser accepts these though gc rejects them later (in its parser or type checker): gofmt
 * accepts them, so gocc's parser must too and leave them to the checker. */
Test(parse_ok, gofmt_accepts_what_gc_rejects)
{
	parse_ok("package p\ntype S struct {\n\t(T)\n\t*[]int\n}\n");
	parse_ok("package p\nfunc (a, b T) m() {}\nfunc () n() {}\n");
	parse_ok(body("for ;; x := 1 {\n}\n_ = x.(type)\nvar a [...]int"));
	parse_ok("package p\nfunc f() {\n\tgoto L\n\tbreak\n}\n");
}

/* ---- tree shapes ----------------------------------------------------------------------------- */

Test(parse_shape, file_package_imports_decls)
{
	Node *f = parse_ok("package main\nimport \"a\"\nimport (\n\tb \"b\"\n\t. \"c\"\n)\nvar x int\nfunc main() {}\n");
	cr_assert_eq(f->kind, ND_FILE);
	assert_ident(f->file.package_name, "main");
	cr_assert_eq(f->file.decls.len, 4);
	cr_assert_eq(f->file.imports.len, 3);
	Node *b = f->file.imports.data[1];
	cr_assert_eq(b->kind, ND_IMPORT_SPEC);
	assert_ident(b->import_spec.name, "b");
	cr_assert_eq(b->import_spec.path->kind, ND_BASIC_LIT);
	cr_assert_eq(b->import_spec.path->lit.str_len, 1);
	assert_ident(((Node *)f->file.imports.data[2])->import_spec.name, ".");
	cr_assert_eq(decl(f, 3)->kind, ND_FUNC_DECL);
	cr_assert_not_null(f->file.source);
	cr_assert_not_null(f->file.tokens);
}

Test(parse_shape, binary_precedence_and_position)
{
	Node *f = parse_ok(body("_ = a + b*c"));
	Node *x = rhs(f, 0);
	cr_assert_eq(x->kind, ND_BINARY);
	cr_assert_eq(x->binary.op, TOK_ADD);
	cr_assert_eq(x->pos.line, 3);
	cr_assert_eq(x->pos.col, 7); /* the operator, where gc reports */
	assert_ident(x->binary.x, "a");
	cr_assert_eq(x->binary.y->kind, ND_BINARY);
	cr_assert_eq(x->binary.y->binary.op, TOK_MUL);
	cr_assert_eq(x->binary.y->pos.col, 10);
}

Test(parse_shape, const_iota_and_implicit_repetition)
{
	Node *f = parse_ok("package p\nconst (\n\ta, b = iota, 1 << iota\n\tc, d\n\te int = 5\n\tg\n)\n");
	Node *s0 = spec(f, 0, 0), *s1 = spec(f, 0, 1), *s2 = spec(f, 0, 2), *s3 = spec(f, 0, 3);
	cr_assert_eq(s0->value_spec.iota, 0);
	cr_assert_eq(s1->value_spec.iota, 1);
	cr_assert_eq(s3->value_spec.iota, 3);
	cr_assert(!s0->value_spec.implicit);
	cr_assert(s1->value_spec.implicit);
	cr_assert_eq(s1->value_spec.values.len, 2);
	cr_assert_eq(s1->value_spec.values.data[0], s0->value_spec.values.data[0]);
	cr_assert_eq(s1->value_spec.names.len, 2);
	assert_ident(s1->value_spec.names.data[0], "c");
	cr_assert(!s2->value_spec.implicit);
	cr_assert(s3->value_spec.implicit);
	cr_assert_eq(s3->value_spec.type, s2->value_spec.type);
	cr_assert_eq(s3->value_spec.values.data[0], s2->value_spec.values.data[0]);
}

Test(parse_shape, func_decl_receiver_type_params_directives)
{
	Node *f = parse_ok("package p\n\n//go:noinline\n// doc\n//go:nosplit\nfunc (l *List[T]) Push(v T) {}\n"
	                   "func Map[T, U any](x T) (u U) { return }\n//go:linkname x y\nvar x int\nfunc g()\n");
	Node *m = decl(f, 0);
	cr_assert_eq(m->kind, ND_FUNC_DECL);
	cr_assert_eq(m->func_decl.directives.len, 2);
	cr_assert_str_eq(((Directive *)m->func_decl.directives.data[0])->text, "go:noinline");
	cr_assert_str_eq(((Directive *)m->func_decl.directives.data[1])->text, "go:nosplit");
	Node *recv = m->func_decl.recv;
	cr_assert_eq(recv->kind, ND_FUNC_TYPE);
	cr_assert_eq(recv->func_type.params.len, 1);
	Node *rf = recv->func_type.params.data[0];
	assert_ident(rf->field.names.data[0], "l");
	cr_assert_eq(rf->field.type->kind, ND_STAR);
	Node *inst = rf->field.type->star.x;
	cr_assert_eq(inst->kind, ND_INDEX);
	assert_ident(inst->index.x, "List");
	assert_ident(inst->index.indices.data[0], "T");
	assert_ident(m->func_decl.name, "Push");
	cr_assert_not_null(m->func_decl.body);

	Node *g = decl(f, 1);
	cr_assert_null(g->func_decl.recv);
	cr_assert_eq(g->func_decl.directives.len, 0);
	Node *ft = g->func_decl.type;
	cr_assert_eq(ft->func_type.tparams.len, 1); /* T, U share one field */
	Node *tp = ft->func_type.tparams.data[0];
	cr_assert_eq(tp->field.names.len, 2);
	assert_ident(tp->field.type, "any");
	cr_assert_eq(ft->func_type.results.len, 1);
	cr_assert(ft->func_type.has_results_parens);

	Node *h = decl(f, 3); /* the directive above `var` is not h's */
	cr_assert_eq(h->func_decl.directives.len, 0);
	cr_assert_null(h->func_decl.body);
}

Test(parse_shape, parameter_grouping)
{
	Node *f = parse_ok("package p\nfunc f(a, b int, c string) int\nfunc g(int, string, ...T)\n");
	Node *ft = decl(f, 0)->func_decl.type;
	cr_assert_eq(ft->func_type.params.len, 2);
	cr_assert_eq(((Node *)ft->func_type.params.data[0])->field.names.len, 2);
	cr_assert(!ft->func_type.has_results_parens);
	Node *gt = decl(f, 1)->func_decl.type;
	cr_assert_eq(gt->func_type.params.len, 3);
	Node *last = gt->func_type.params.data[2];
	cr_assert_eq(last->field.names.len, 0);
	cr_assert_eq(last->field.type->kind, ND_ELLIPSIS);
	assert_ident(last->field.type->ellipsis.elt, "T");
}

Test(parse_shape, type_params_versus_array_length)
{
	Node *f = parse_ok("package p\ntype A [N]int\ntype B[P any] int\ntype C[P *Q] int\ntype D[P *Q,] int\n"
	                   "type E[P *[]int] int\ntype F[P ~int | string] int\ntype G[P (Q)] int\n");
	Node *a = spec(f, 0, 0);
	cr_assert_eq(a->type_spec.tparams.len, 0);
	cr_assert_eq(a->type_spec.type->kind, ND_ARRAY_TYPE);
	assert_ident(a->type_spec.type->array_type.len, "N");
	Node *b = spec(f, 1, 0);
	cr_assert_eq(b->type_spec.tparams.len, 1);
	assert_ident(b->type_spec.type, "int");
	Node *c = spec(f, 2, 0); /* P *Q: an array length, as in go/parser */
	cr_assert_eq(c->type_spec.tparams.len, 0);
	cr_assert_eq(c->type_spec.type->array_type.len->kind, ND_BINARY);
	Node *d = spec(f, 3, 0); /* the trailing comma makes it a type parameter list */
	cr_assert_eq(d->type_spec.tparams.len, 1);
	cr_assert_eq(((Node *)d->type_spec.tparams.data[0])->field.type->kind, ND_STAR);
	Node *e = spec(f, 4, 0);
	cr_assert_eq(e->type_spec.tparams.len, 1);
	Node *g = spec(f, 5, 0);
	Node *u = ((Node *)g->type_spec.tparams.data[0])->field.type;
	cr_assert_eq(u->kind, ND_BINARY);
	cr_assert_eq(u->binary.op, TOK_OR);
	cr_assert_eq(u->binary.x->kind, ND_UNARY);
	cr_assert_eq(u->binary.x->unary.op, TOK_TILDE);
	Node *h = spec(f, 6, 0); /* P (Q) followed by ']' alone is an array length P(Q) */
	cr_assert_eq(h->type_spec.tparams.len, 0);
}

Test(parse_shape, instantiation_and_composite_literal)
{
	Node *f = parse_ok(body("_ = G[A, B]{}\n_ = f[int]\n_ = m[k]"));
	Node *c = rhs(f, 0);
	cr_assert_eq(c->kind, ND_COMPOSITE_LIT);
	cr_assert_eq(c->composite.type->kind, ND_INDEX);
	cr_assert_eq(c->composite.type->index.indices.len, 2);
	cr_assert_eq(rhs(f, 1)->kind, ND_INDEX);
	cr_assert_eq(rhs(f, 2)->index.indices.len, 1);
}

Test(parse_shape, composite_literal_or_block_in_headers)
{
	Node *f = parse_ok(body("if x == (T{}) {\n}\nfor _, v := range []T{{}} {\n}\nif t {\n}"));
	Node *s = stmt(f, 0);
	cr_assert_eq(s->kind, ND_IF_STMT);
	Node *cond = s->if_stmt.cond;
	cr_assert_eq(cond->kind, ND_BINARY);
	cr_assert_eq(cond->binary.y->kind, ND_PAREN);
	cr_assert_eq(cond->binary.y->paren.x->kind, ND_COMPOSITE_LIT);
	cr_assert_eq(s->if_stmt.then->kind, ND_BLOCK);
	Node *r = stmt(f, 1);
	cr_assert_eq(r->kind, ND_RANGE_STMT);
	cr_assert_eq(r->range_stmt.x->kind, ND_COMPOSITE_LIT);
	assert_ident(stmt(f, 2)->if_stmt.cond, "t");
}

Test(parse_shape, struct_fields)
{
	Node *f = parse_ok("package p\ntype S struct {\n\ta, b int `k:\"v\"`\n\tT\n\t*pkg.U\n\tG[int]\n\tx [N]int\n}\n");
	Vec *fs = &spec(f, 0, 0)->type_spec.type->struct_type.fields;
	cr_assert_eq(fs->len, 5);
	Node *ab = fs->data[0];
	cr_assert_eq(ab->field.names.len, 2);
	cr_assert_not_null(ab->field.tag);
	cr_assert_eq(ab->field.tag->lit.str_len, 5); /* decoded: k:"v" */
	Node *t = fs->data[1];
	cr_assert_eq(t->field.names.len, 0);
	assert_ident(t->field.type, "T");
	Node *u = fs->data[2];
	cr_assert_eq(u->field.type->kind, ND_STAR);
	cr_assert_eq(u->field.type->star.x->kind, ND_SELECTOR);
	Node *g = fs->data[3];
	cr_assert_eq(g->field.names.len, 0);
	cr_assert_eq(g->field.type->kind, ND_INDEX);
	Node *x = fs->data[4];
	cr_assert_eq(x->field.names.len, 1);
	cr_assert_eq(x->field.type->kind, ND_ARRAY_TYPE);
}

Test(parse_shape, interface_elements)
{
	Node *f = parse_ok("package p\ntype I interface {\n\tM(x int) error\n\tio.Reader\n\t~int | string\n}\n");
	Vec *ms = &spec(f, 0, 0)->type_spec.type->interface_type.methods;
	cr_assert_eq(ms->len, 3);
	Node *m = ms->data[0];
	assert_ident(m->field.names.data[0], "M");
	cr_assert_eq(m->field.type->kind, ND_FUNC_TYPE);
	cr_assert_eq(((Node *)ms->data[1])->field.type->kind, ND_SELECTOR);
	cr_assert_eq(((Node *)ms->data[2])->field.type->kind, ND_BINARY);
}

Test(parse_shape, channel_directions)
{
	Node *f = parse_ok("package p\nvar a <-chan <-chan int\nvar b chan<- chan int\nvar c chan (<-chan int)\n");
	Node *a = spec(f, 0, 0)->value_spec.type;
	cr_assert_eq(a->kind, ND_CHAN_TYPE);
	cr_assert_eq(a->chan_type.dir, CHAN_RECV);
	cr_assert_eq(a->chan_type.value->chan_type.dir, CHAN_RECV);
	assert_ident(a->chan_type.value->chan_type.value, "int");
	Node *b = spec(f, 1, 0)->value_spec.type;
	cr_assert_eq(b->chan_type.dir, CHAN_SEND);
	cr_assert_eq(b->chan_type.value->chan_type.dir, CHAN_BOTH);
	Node *c = spec(f, 2, 0)->value_spec.type;
	cr_assert_eq(c->chan_type.dir, CHAN_BOTH);
	cr_assert_eq(c->chan_type.value->kind, ND_PAREN);
}

Test(parse_shape, receive_expression_versus_channel_type)
{
	Node *f = parse_ok(body("_ = <-c\n_ = (<-chan int)(c)"));
	Node *recv = rhs(f, 0);
	cr_assert_eq(recv->kind, ND_UNARY);
	cr_assert_eq(recv->unary.op, TOK_ARROW);
	Node *conv = rhs(f, 1);
	cr_assert_eq(conv->kind, ND_CALL);
	cr_assert_eq(conv->call.fun->paren.x->kind, ND_CHAN_TYPE);
	cr_assert_eq(conv->call.fun->paren.x->chan_type.dir, CHAN_RECV);
}

Test(parse_shape, range_and_for)
{
	Node *f = parse_ok(body("for range x {\n}\nfor k, v := range m {\n}\nfor i := 0; i < n; i++ {\n}\nfor {\n}"));
	Node *r0 = stmt(f, 0);
	cr_assert_eq(r0->kind, ND_RANGE_STMT);
	cr_assert_null(r0->range_stmt.key);
	cr_assert_eq(r0->range_stmt.tok, TOK_EOF);
	assert_ident(r0->range_stmt.x, "x");
	Node *r1 = stmt(f, 1);
	assert_ident(r1->range_stmt.key, "k");
	assert_ident(r1->range_stmt.value, "v");
	cr_assert_eq(r1->range_stmt.tok, TOK_DEFINE);
	Node *l = stmt(f, 2);
	cr_assert_eq(l->kind, ND_FOR_STMT);
	cr_assert_eq(l->for_stmt.init->kind, ND_ASSIGN_STMT);
	cr_assert_eq(l->for_stmt.cond->kind, ND_BINARY);
	cr_assert_eq(l->for_stmt.post->kind, ND_INCDEC_STMT);
	Node *e = stmt(f, 3);
	cr_assert_null(e->for_stmt.init);
	cr_assert_null(e->for_stmt.cond);
}

Test(parse_shape, switches)
{
	Node *f = parse_ok(body("switch x := f(); x {\ncase 1, 2:\ndefault:\n}\nswitch v := y.(type) {\ncase int:\n}\nswitch y.(type) {\n}"));
	Node *s = stmt(f, 0);
	cr_assert_eq(s->kind, ND_SWITCH_STMT);
	cr_assert_not_null(s->switch_stmt.init);
	assert_ident(s->switch_stmt.tag, "x");
	Vec *clauses = &s->switch_stmt.body->block.stmts;
	cr_assert_eq(clauses->len, 2);
	cr_assert_eq(((Node *)clauses->data[0])->case_clause.list.len, 2);
	cr_assert_eq(((Node *)clauses->data[1])->case_clause.list.len, 0);
	Node *t = stmt(f, 1);
	cr_assert_eq(t->kind, ND_TYPE_SWITCH_STMT);
	cr_assert_eq(t->type_switch.assign->kind, ND_ASSIGN_STMT);
	Node *guard = t->type_switch.assign->assign.rhs.data[0];
	cr_assert_eq(guard->kind, ND_TYPE_ASSERT);
	cr_assert_null(guard->type_assert.type);
	Node *u = stmt(f, 2);
	cr_assert_eq(u->kind, ND_TYPE_SWITCH_STMT);
	cr_assert_eq(u->type_switch.assign->kind, ND_EXPR_STMT);
}

Test(parse_shape, select_clauses)
{
	Node *f = parse_ok(body("select {\ncase v, ok := <-c:\ncase c <- 1:\ncase <-c:\ndefault:\n}"));
	Vec *cs = &stmt(f, 0)->select_stmt.body->block.stmts;
	cr_assert_eq(cs->len, 4);
	cr_assert_eq(((Node *)cs->data[0])->comm_clause.comm->kind, ND_ASSIGN_STMT);
	cr_assert_eq(((Node *)cs->data[1])->comm_clause.comm->kind, ND_SEND_STMT);
	cr_assert_eq(((Node *)cs->data[2])->comm_clause.comm->kind, ND_EXPR_STMT);
	cr_assert_null(((Node *)cs->data[3])->comm_clause.comm);
}

Test(parse_shape, labels_branches_go_defer)
{
	Node *f = parse_ok(body("L:\n\tfor {\n\t\tcontinue L\n\t}\ngo f(1)\ndefer g()\ngoto L\nE:\n"));
	Node *l = stmt(f, 0);
	cr_assert_eq(l->kind, ND_LABELED_STMT);
	assert_ident(l->labeled.label, "L");
	cr_assert_eq(l->labeled.stmt->kind, ND_FOR_STMT);
	cr_assert_eq(stmt(f, 1)->kind, ND_GO_STMT);
	cr_assert_eq(stmt(f, 1)->go_defer.call->kind, ND_CALL);
	cr_assert_eq(stmt(f, 2)->kind, ND_DEFER_STMT);
	Node *g = stmt(f, 3);
	cr_assert_eq(g->branch.tok, TOK_GOTO);
	assert_ident(g->branch.label, "L");
	Node *e = stmt(f, 4); /* a label just before '}' labels an empty statement */
	cr_assert_eq(e->labeled.stmt->kind, ND_EMPTY_STMT);
}

Test(parse_shape, method_expression_conversion_slice)
{
	Node *f = parse_ok(body("_ = (*T).M\n_ = (*T)(x)\n_ = s[1:2:3]\n_ = s[:]\n_ = f(xs...)"));
	Node *me = rhs(f, 0);
	cr_assert_eq(me->kind, ND_SELECTOR);
	cr_assert_eq(me->selector.x->kind, ND_PAREN);
	cr_assert_eq(me->selector.x->paren.x->kind, ND_STAR);
	Node *conv = rhs(f, 1);
	cr_assert_eq(conv->kind, ND_CALL);
	cr_assert_eq(conv->call.args.len, 1);
	Node *s3 = rhs(f, 2);
	cr_assert_eq(s3->kind, ND_SLICE);
	cr_assert(s3->slice.slice3);
	cr_assert_not_null(s3->slice.max);
	Node *s0 = rhs(f, 3);
	cr_assert_null(s0->slice.lo);
	cr_assert_null(s0->slice.hi);
	cr_assert(rhs(f, 4)->call.has_ellipsis);
}

Test(parse_shape, func_literal_and_key_value)
{
	Node *f = parse_ok(body("g := func(x int) int { return x }\n_ = T{a: 1, b: {2}}"));
	Node *fl = rhs(f, 0);
	cr_assert_eq(fl->kind, ND_FUNC_LIT);
	cr_assert_eq(fl->func_lit.type->func_type.params.len, 1);
	cr_assert_eq(fl->func_lit.body->block.stmts.len, 1);
	Node *c = rhs(f, 1);
	Node *kv = c->composite.elts.data[1];
	cr_assert_eq(kv->kind, ND_KEY_VALUE);
	cr_assert_eq(kv->key_value.value->kind, ND_COMPOSITE_LIT);
	cr_assert_null(kv->key_value.value->composite.type);
}

Test(parse_shape, literals_keep_decoded_values)
{
	Node *f = parse_ok(body("_ = \"a\\tb\"\n_ = 'x'\n_ = 0x1F"));
	Node *s = rhs(f, 0);
	cr_assert_eq(s->lit.tok, TOK_STRING);
	cr_assert_eq(s->lit.str_len, 3);
	cr_assert_eq(s->lit.str[1], '\t');
	cr_assert_eq(rhs(f, 1)->lit.rune, 'x');
	cr_assert_eq(rhs(f, 2)->lit.len, 4);
}

/* ---- diagnostics: gc's wording on the right line --------------------------------------------- */

Test(parse_err, top_level)
{
	parse_err("package p\nx := 1\n", 2, "syntax error: non-declaration statement outside function body");
	parse_err("package p\nfunc f()\n{\n}\n", 3, "syntax error: unexpected semicolon or newline before {");
	parse_err("package p\nvar x map[string]string{\"a\": \"b\"}\n", 2,
	          "syntax error: unexpected { after top level declaration");
	parse_err("package p\nimport \"a\"\nvar x int\nimport \"b\"\n", 4, "non-declaration statement outside function body");
	parse_err("x := 1\n", 1, "syntax error: package statement must be first");
	parse_err("package p\ntype T\n", 2, "syntax error: unexpected newline in type declaration");
	parse_err("package p\nimport 42\n", 2, "syntax error: import path must be a string");
	parse_err("package p\nimport \"a b\"\n", 2, "invalid import path");
	parse_err("package p\nimport \"\\xc1\\x81\"\n", 2, "invalid import path"); /* overlong 'A' */
	parse_err("package p\nconst x\n", 2, "missing init expr for x");
	parse_err("package p\nvar x\n", 2, "syntax error: unexpected newline, expecting type");
	parse_err("package p\nvar (\n\ta int b\n)\n", 3, "in grouped declaration; possibly missing semicolon or newline or )");
}

Test(parse_err, lists)
{
	parse_err(body("_ = []int{\n\t1,\n\t2\n}"), 5, "syntax error: unexpected newline in composite literal; possibly missing comma or }");
	parse_err(body("f(1,\n\t2\n)"), 4, "syntax error: unexpected newline in argument list; possibly missing comma or )");
	parse_err(body("f(a b)"), 3, "unexpected b in argument list; possibly missing comma or )");
	parse_err("package p\nfunc f(a int, string)\n", 2, "syntax error: mixed named and unnamed parameters");
	parse_err("package p\ntype S struct {\n\ta int b int\n}\n", 3, "in struct type; possibly missing semicolon or newline or }");
	parse_err("package p\ntype I interface {\n\tf, g()\n}\n", 3, "unexpected comma in interface type");
}

Test(parse_err, statements)
{
	parse_err(body("if {\n}"), 3, "syntax error: missing condition in if statement");
	parse_err(body("if x\n{\n}"), 3, "syntax error: unexpected newline, expecting { after if clause");
	parse_err(body("if x := 1 {\n}"), 3, "syntax error: cannot use x := 1 as value");
	parse_err(body("if x = 1 {\n}"), 3, "syntax error: cannot use assignment (x) = (1) as value");
	parse_err(body("if f() true {\n}"), 3, "syntax error: unexpected true, expecting {");
	parse_err(body("if x {\n} else return"), 4, "syntax error: else must be followed by if or statement block");
	parse_err(body("for var i = 0; i < 10; i++ {\n}"), 3, "syntax error: var declaration not allowed in for initializer");
	parse_err(body("for x; {\n}"), 3, "syntax error: unexpected {, expecting for loop condition");
	parse_err(body("for x; y; z\n{\n}"), 3, "expecting { after for clause");
	parse_err(body("switch x; y\n{\n}"), 3, "syntax error: missing { after switch clause");
	parse_err(body("switch {\nif x:\n}"), 4, "syntax error: unexpected if, expecting case or default or }");
	parse_err(body("var x map[string]string{\"a\": \"b\"}"), 3, "syntax error: unexpected { at end of statement");
	parse_err(body("x := 1 y := 2"), 3, "syntax error: unexpected y at end of statement");
	parse_err(body("switch {\ncase 1:\n\tL:\ncase 2:\n}"), 5, "syntax error: missing statement after label");
	parse_err(body("go f"), 3, "expression in go must be function call");
	parse_err(body("defer (f())"), 3, "expression in defer must not be parenthesized");
	parse_err(body("a.b := 1"), 3, "non-name a.b on left side of :=");
	parse_err(body("for a, b, c := range x {\n}"), 3, "range clause permits at most two iteration variables");
	parse_err(body("x := a = b"), 3, "syntax error: unexpected = at end of statement");
	parse_err(body("f(a = b)"), 3, "syntax error: unexpected = in argument list; possibly missing comma or )");
	parse_err(body("switch f() := x.(type) {\n}"), 3, "syntax error: cannot use f() := x.(type) as value");
	parse_err(body("a, b"), 3, "syntax error: unexpected newline, expecting := or = or comma");
	parse_err(body("x := 1\n)\n"), 4, "syntax error: unexpected ), expecting }");
}

Test(parse_err, expressions)
{
	parse_err(body("_ = (1 +)"), 3, "syntax error: unexpected ), expecting expression");
	parse_err(body("_ = s[1::3]"), 3, "middle index required in 3-index slice");
	parse_err(body("_ = s[1:2:]"), 3, "final index required in 3-index slice");
	parse_err(body("_ = s[]"), 3, "syntax error: unexpected ], expecting operand");
	parse_err(body("_ = (T){}"), 3, "syntax error: cannot parenthesize type in composite literal");
	parse_err(body("_ = []int"), 3, "[]int (type) is not an expression");
	parse_err(body("f([...]int)"), 3, "invalid use of [...] array (outside a composite literal)");
	parse_err(body("_ = x."), 4, "syntax error: unexpected }, expecting name or (");
	parse_err(body("<-<-chan int"), 3, "unexpected <-, expecting chan");
}

Test(parse_err, types_and_generics)
{
	parse_err("package p\nfunc f(c chan)\n", 2, "syntax error: missing channel element type");
	parse_err("package p\nfunc f(x ...)\n", 2, "syntax error: ... is missing type");
	parse_err("package p\ntype _ <-<-chan int\n", 2, "syntax error: unexpected <-, expecting chan");
	parse_err("package p\nfunc f[]()\n", 2, "syntax error: empty type parameter list");
	parse_err("package p\ntype T[P any, Q] int\n", 2, "syntax error: missing type constraint");
	parse_err("package p\nfunc f[P any, *Q]()\n", 2, "syntax error: type parameters must be named");
	parse_err("package p\nfunc f[T]()\n", 2, "syntax error: missing type constraint");
	parse_err("package p\nfunc (T) m[P any]()\n", 2, "syntax error: method must have no type parameters");
	parse_err("package p\nvar f func[T any]()\n", 2, "syntax error: function type must have no type parameters");
	parse_err("package p\ntype I interface {\n\tm[T any]()\n}\n", 3, "interface method must have no type parameters");
	parse_err("package p\nvar _ = G[]{}\n", 2, "expecting operand");
	parse_err("package p\nvar a [N,]int\n", 2, "syntax error: unexpected comma; expecting ]");
	parse_err("package p\ntype A [N,]int\n", 2, "syntax error: missing type constraint");
}

/* ---- robustness: never crash or loop, bounded errors ----------------------------------------- */

static const char *const garbage[] = {
	"", "package", "package p; func", "package p; func f(", "package p; func f() {",
	"package p; func f() { if", "package p; func f() { for x := range", "package p; type T[",
	"package p; type T[P", "package p; type T struct {", "package p; type I interface { m(",
	"package p; var x = []int{", "package p; func f() { switch x.(type) { case", "package p; import (",
	"package p; func f() { select { case <-", "package p; const ( a = iota; b", "package p; func f() { L:",
	"package p; func f() { x := func() {", "package p; func (", "package p; var _ = f[", "package p ) ] }",
	"package p; func f() { ) ] } } }", "package p; func f() { case default: }", "}}}}", "((((((",
	"package p; func f() { go defer go defer }", "package p; type T [...]..., ~| ~",
	"package p\nfunc f() {\n\tx.(\n}\n", "package p\nvar x = <-<-<-chan chan<- <-chan\n",
	"package p; func f[P interface{ ~int | ; }]() {}", "package p; type T[P *C|,] struct{ G[ }",
};

Test(parse_robust, garbage_never_crashes)
{
	for (size_t i = 0; i < sizeof garbage / sizeof *garbage; i++) {
		Node *f = parse_src(garbage[i]);
		cr_assert_not_null(f);
		cr_assert_gt(error_count(), 0, "no error for: %s", garbage[i]);
		diag_flush_string();
	}
}

Test(parse_robust, deep_nesting_is_an_error_not_a_crash)
{
	size_t n = 100000;
	StrBuf b = {0};
	sb_puts(&b, "package p\nvar x = ");
	for (size_t i = 0; i < n; i++)
		sb_putc(&b, '(');
	sb_putc(&b, '1');
	for (size_t i = 0; i < n; i++)
		sb_putc(&b, ')');
	sb_putc(&b, '\n');
	parse_src(sb_cstr(&b));
	cr_assert(strstr(diag_flush_string(), "exceeded max nesting depth"));
}

/* Left-deep chains are built by loops, but the checker and lowering recurse down them: a chain
 * deeper than the stack allows for is an error too, a long one is fine. */
static char *chain(int n, const char *first, const char *link)
{
	StrBuf b = {0};
	sb_printf(&b, "package p\nvar x = %s", first);
	for (int i = 0; i < n; i++)
		sb_puts(&b, link);
	sb_putc(&b, '\n');
	return sb_cstr(&b);
}

Test(parse_robust, long_chains_are_bounded)
{
	static const char *const links[][2] = {{"1", " + 1"}, {"s", "[:]"}, {"f", "()"}, {"x", ".f"}, {"\"a\"", "+\"a\""}};
	for (size_t i = 0; i < sizeof links / sizeof *links; i++) {
		parse_ok(chain(5000, links[i][0], links[i][1]));
		parse_src(chain(200000, links[i][0], links[i][1]));
		char *got = diag_flush_string();
		cr_expect(strstr(got, "syntax error: exceeded max nesting depth"), "%s...: %s", links[i][1], got);
	}
}

Test(parse_robust, moderate_nesting_is_fine)
{
	StrBuf b = {0};
	sb_puts(&b, "package p\nvar x = ");
	for (int i = 0; i < 500; i++)
		sb_puts(&b, "f(-[]int{");
	for (int i = 0; i < 500; i++)
		sb_puts(&b, "}[0])");
	sb_putc(&b, '\n');
	parse_ok(sb_cstr(&b));
}

Test(parse_robust, errors_are_bounded)
{
	StrBuf b = {0};
	sb_puts(&b, "package p\n");
	for (int i = 0; i < 5000; i++)
		sb_puts(&b, "x := )\n");
	parse_src(sb_cstr(&b));
	cr_assert_gt(error_count(), 0);
	cr_assert_leq(error_count(), 200);
}

/* Positions gc reports at, where they differ from the start of the construct. */
Test(parse_err, gc_positions)
{
	static const struct { const char *src; const char *want; } cases[] = {
		{"package p\nfunc _() {\n\tif x := 1 {\n\t}\n}\n", "t.go:3:7: syntax error: cannot use x := 1 as value"},
		{"package p\nfunc _() {\n\t_ = s[1::3]\n}\n", "t.go:3:10: middle index required in 3-index slice"},
		{"package p\nfunc _() {\n\t_ = (T){}\n}\n", "t.go:3:9: syntax error: cannot parenthesize type in composite literal"},
		{"package p\nfunc f(a int, string)\n", "t.go:2:15: syntax error: mixed named and unnamed parameters"},
		{"package p\nfunc f[T]()\n", "t.go:2:9: syntax error: missing type constraint"},
		{"package p\nfunc (T) m[P any]()\n", "t.go:2:11: syntax error: method must have no type parameters"},
		{"package p\nimport 42\n", "t.go:2:10: syntax error: import path must be a string"},
		{"package p\nconst (\n\ta int = 1\n\tb\n\tc int\n)\n", "t.go:5:2: missing init expr for c"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		parse_src(cases[i].src);
		char *got = diag_flush_string();
		cr_expect(strncmp(got, cases[i].want, strlen(cases[i].want)) == 0, "want %s\ngot  %s", cases[i].want, got);
	}
}

/* ---- PARSE_GC: gc's parser (gocc build) ------------------------------------------------------ */

/* The diagnostics of parsing src as gc does; each expectation below is go1.19's output for the
 * same file (go tool compile), which stops after these when one is a syntax error. */
static char *parse_gc(const char *src)
{
	parse_file_mode(source_add("t.go", xstrdup(src), strlen(src)), PARSE_GC);
	return diag_flush_string();
}

static void gc_errs(const char *src, const char *want)
{
	char *got = parse_gc(src);
	cr_assert_str_eq(got, want, "for:\n%s\n--- got:\n%s--- want:\n%s", src, got, want);
}

Test(parse_gc, embedded_fields)
{
	gc_errs("package p\n\ntype T int\n\ntype S struct {\n\t(T)\n\t*[]int\n\t*(T)\n\t**T\n\tfunc()\n}\n",
		"t.go:6:2: syntax error: cannot parenthesize embedded type\n"
		"t.go:7:3: syntax error: unexpected [, expecting name\n"
		"t.go:8:3: syntax error: cannot parenthesize embedded type\n"
		"t.go:9:3: syntax error: unexpected *, expecting name\n"
		"t.go:10:2: syntax error: unexpected func, expecting field name or embedded type\n");
	gc_errs("package p\ntype S struct {\n\tT\n\t*T\n\tp.T\n\t*p.T\n\tG[int]\n}\n", "");
}

Test(parse_gc, receivers)
{
	const char *src = "package p\n\ntype T int\n\nfunc () m() {}\nfunc (a, b T) n() {}\n"
			  "func (a T, b T) o() {}\nfunc (T, *T) q() {}\n";
	Node *f = parse_file_mode(source_add("t.go", xstrdup(src), strlen(src)), PARSE_GC);
	char *got = diag_flush_string();
	cr_assert_str_eq(got, "t.go:5:9: method has no receiver\n"
			      "t.go:6:15: method has multiple receivers\n"
			      "t.go:7:17: method has multiple receivers\n"
			      "t.go:8:14: method has multiple receivers\n");
	cr_assert_null(decl(f, 1)->func_decl.recv, "no receiver: a function, as in gc");
	for (int i = 2; i <= 4; i++) { /* several: the first is the receiver */
		Vec *recv = &decl(f, i)->func_decl.recv->func_type.params;
		cr_assert_eq(recv->len, 1);
		cr_assert_leq(((Node *)recv->data[0])->field.names.len, 1);
	}
}

Test(parse_gc, statements)
{
	gc_errs("package p\n\nfunc f() {\n\tfor ;; x := 1 {\n\t}\n}\n",
		"t.go:4:11: syntax error: cannot declare in post statement of for loop\n");
	gc_errs("package p\n\nfunc f(c chan int, v int) {\n\tif c <- v {\n\t}\n\tfor x++ {\n\t}\n}\n",
		"t.go:4:7: syntax error: cannot use c <- v as value\n"
		"t.go:6:7: syntax error: cannot use x++ as value\n");
	gc_errs("package p\n\ntype T ...int\n", "t.go:3:8: syntax error: unexpected ... in type declaration\n");
	gc_errs("package p\n\nfunc f() {\n\tg(1,", "t.go:4:6: syntax error: unexpected EOF, expecting )\n");
	gc_errs("package p\n\nfunc f(s []int) {\n\t_ = s[::]\n\t_ = s[1:2:]\n}\n",
		"t.go:4:9: middle index required in 3-index slice\n"
		"t.go:4:10: final index required in 3-index slice\n"
		"t.go:5:12: final index required in 3-index slice\n");
}

/* gc reports and then takes the expression for a call, so that its type checker can go on. */
Test(parse_gc, go_defer_calls)
{
	const char *src = "package p\n\nfunc f() {}\n\nfunc g() {\n\tgo (f)\n\tdefer f\n\tgo ((f()))\n"
			  "\tdefer )\n\tdefer f()\n}\n";
	Node *file = parse_file_mode(source_add("t.go", xstrdup(src), strlen(src)), PARSE_GC);
	cr_assert_str_eq(diag_flush_string(), "t.go:6:5: expression in go must not be parenthesized\n"
					"t.go:6:6: expression in go must be function call\n"
					"t.go:7:8: expression in defer must be function call\n"
					"t.go:8:5: expression in go must not be parenthesized\n"
					"t.go:9:8: syntax error: unexpected ), expecting expression\n"
					"t.go:9:8: expression in defer must be function call\n");
	Node *body = decl(file, 1)->func_decl.body;
	cr_assert_eq(body->block.stmts.len, 5, "the statement after `defer )` is parsed");
	Node *d = body->block.stmts.data[1];
	cr_assert_eq(d->kind, ND_DEFER_STMT);
	cr_assert_eq(d->go_defer.call->kind, ND_CALL);
	assert_ident(d->go_defer.call->call.fun, "f");
}

/* gc checks labels and branches in its parser, on each body parsed without error (lexical errors
 * included); go/parser leaves them to the type checker. */
Test(parse_gc, branch_checks)
{
	const char *src = "package p\n\nfunc f() {\nL:\n\tbreak\n}\n\nfunc g() {\n\tgoto M\n\tx := 1 +\n}\n\n"
			  "func h() {\n\tcontinue\n\t_ = func() {\n\tN:\n\t}\n}\n";
	gc_errs(src, "t.go:4:1: label L defined and not used\n"
		     "t.go:5:2: break is not in a loop, switch, or select\n"
		     "t.go:11:1: syntax error: unexpected }, expecting expression\n"
		     "t.go:14:2: continue is not in a loop\n"
		     "t.go:16:2: label N defined and not used\n");
	gc_errs("package p\n\nfunc f() {\nL:\n\t_ = 09\n}\n\nfunc g() {\nM:\n}\n",
		"t.go:5:7: invalid digit '9' in octal literal\n"
		"t.go:9:1: label M defined and not used\n");
	parse_ok("package p\nfunc f() {\nL:\n\tbreak\n\tgoto M\n}\n");
}

/* What gc's type checker reports is left to the checker (go/parser and PARSE_GOFMT report it). */
Test(parse_gc, leaves_type_errors_to_the_checker)
{
	static const char *const srcs[] = {
		"package p\nconst c int\n",
		"package p\nimport \"\"\nimport \"a b\"\n",
		"package p\nfunc f() {\n\t_ = [...]int{}[0] + len([...]int)\n\t_ = []int\n\tx.y := 1\n}\n",
		"package p\nfunc f(x any) {\n\tswitch x.(type) {\n\tcase 0, int:\n\t}\n}\n",
		"package p\nfunc f(s []int) {\n\tfor a, b, c := range s {\n\t}\n}\n",
	};
	for (size_t i = 0; i < sizeof srcs / sizeof *srcs; i++) {
		char *got = parse_gc(srcs[i]);
		cr_expect_str_eq(got, "", "for:\n%s\n--- got:\n%s", srcs[i], got);
		parse_src(srcs[i]);
		cr_expect(error_count() > 0, "go/parser rejects:\n%s", srcs[i]);
		diag_flush_string();
	}
}
