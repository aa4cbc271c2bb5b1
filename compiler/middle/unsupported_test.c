/*
 * unsupported_test.c: unit tests of middle/unsupported.c without LLVM: which constructs are refused
 * as "not supported yet" before lowering, at which positions, and what passes (nil channels).
 */
#include <criterion/criterion.h>

#include "middle.h"

#include <string.h>

/* Parses and checks src (which must check cleanly), runs the pass; *n gets its count. */
static char *unsupported_diags(const char *src, int *n)
{
	Node *f = parse_file_mode(source_add("t.go", xstrdup(src), strlen(src)), PARSE_GC);
	Vec files = {0};
	vec_push(&files, f);
	types_init();
	Package *pkg = package_new("main");
	check_package(pkg, &files);
	char *diags = diag_flush_string();
	cr_assert_str_eq(diags, "", "unexpected diagnostics for:\n%s\n---\n%s", src, diags);
	*n = middle_unsupported(pkg);
	return diag_flush_string();
}

Test(unsupported, every_channel_operation_goroutine_and_select)
{
	int n;
	char *d = unsupported_diags("package main\n"
				    "var c = make(chan int, 1)\n"
				    "func main() {\n"
				    "	c <- 1\n"
				    "	v, ok := <-c\n"
				    "	println(v, ok, len(c), cap(c))\n"
				    "	go func() { close(c) }()\n"
				    "	for x := range c { println(x) }\n"
				    "	select {}\n"
				    "}\n", &n);
	cr_assert_eq(n, 9, "got %d:\n%s", n, d); /* len(c) and cap(c) share one line of output */
	cr_assert_str_eq(d, "t.go:2:9: gocc: channels is not supported yet\n"
			    "t.go:4:2: gocc: channels is not supported yet\n"
			    "t.go:5:11: gocc: channels is not supported yet\n"
			    "t.go:6:17: gocc: channels is not supported yet\n"
			    "t.go:7:2: gocc: goroutines is not supported yet\n"
			    "t.go:7:14: gocc: channels is not supported yet\n"
			    "t.go:8:2: gocc: channels is not supported yet\n"
			    "t.go:9:2: gocc: select is not supported yet\n");
}

Test(unsupported, nil_channels_as_values_pass)
{
	int n;
	char *d = unsupported_diags("package main\n"
				    "type T struct{ c chan int }\n"
				    "func f(c <-chan int) bool { return c == nil }\n"
				    "func main() {\n"
				    "	var t T\n"
				    "	var i interface{} = t.c\n"
				    "	println(f(nil), t.c, i != nil, (chan int)(nil))\n"
				    "	_ = make(map[int]chan struct{})\n"
				    "}\n", &n);
	cr_assert_eq(n, 0);
	cr_assert_str_eq(d, "");
}
