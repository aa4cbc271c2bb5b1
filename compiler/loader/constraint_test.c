/*
 * constraint_test.c: unit tests for constraint.c, go1.19's build constraints.
 *
 * Every expectation below was printed by go1.19 itself (go/build Context.MatchFile with cgo off
 * and the tag gocc, go/build/constraint.Parse for the error texts), so the tests pin the loader
 * to go's rules: expression syntax and errors, +build placement, file-name suffixes.
 */
#include "loader.h"

#include <criterion/criterion.h>
#include <string.h>

static const struct { const char *text; bool build; } headers[] = {
	{"//go:build linux && amd64\n\npackage p\n", true},
	{"//go:build !linux\n\npackage p\n", false},
	{"//go:build (darwin || linux) && !cgo\n\npackage p\n", true},
	{"//go:build go1.19 && !go1.20\n\npackage p\n", true},
	{"//go:build gocc && unix && gc\n\npackage p\n", true},
	{"//go:build ignore\n\npackage p\n", false},
	{"//go:build cgo\n\npackage p\n", false},
	{"// +build linux,amd64 windows\n\npackage p\n", true},
	{"// +build !linux\n\npackage p\n", false},
	{"// +build linux\n// +build 386\n\npackage p\n", false},
	{"// +build windows\npackage p\n", true},
	{"// Package doc.\n// +build windows\npackage p\n", true},
	{"/* block */\n// +build windows\n\npackage p\n", true},
	{"// +build !!linux\n\npackage p\n", false},
	{"// +build linux\n\n//go:build windows\n\npackage p\n", false},
	{"//go:build linux\n// +build windows\n\npackage p\n", true},
	{"// +build\n\npackage p\n", false},
	{"// +build goexperiment.regabiargs\n\npackage p\n", true},
	{"//go:build go1.1 && go1.9 && go1.10\n\npackage p\n", true},
	{"//go:build go1.01\n\npackage p\n", false},
	{"//go:build   linux   \n\npackage p\n", true},
	{"/*\n//go:build windows\n*/\n\npackage p\n", true},
	{"package p\n//go:build windows\n", true},
};

Test(constraint, headers)
{
	for (size_t i = 0; i < sizeof headers / sizeof headers[0]; i++) {
		const char *err = "unset";
		bool ok = loader_should_build(headers[i].text, strlen(headers[i].text), &err);
		cr_expect_eq(ok, headers[i].build, "%s", headers[i].text);
		cr_expect_null(err, "%s: %s", headers[i].text, err);
	}
}

static const struct { const char *expr, *err; } bad_exprs[] = {
	{"linux &&", "unexpected end of expression"},
	{"!!linux", "double negation not allowed"},
	{"(linux", "missing close paren"},
	{"linux)", "unexpected token )"},
	{"linux & amd64", "invalid syntax at &"},
	{"linux || ||", "unexpected token ||"},
	{"a b", "unexpected token b"},
	{"$x", "invalid syntax at $"},
	{"", "unexpected end of expression"},
};

Test(constraint, syntax_errors)
{
	for (size_t i = 0; i < sizeof bad_exprs / sizeof bad_exprs[0]; i++) {
		const char *err = NULL;
		loader_eval_go_build(bad_exprs[i].expr, strlen(bad_exprs[i].expr), &err);
		cr_expect(err && strcmp(err, bad_exprs[i].err) == 0, "%s: got %s", bad_exprs[i].expr, err);
	}
}

static const struct { const char *name; bool ok; } names[] = {
	{"a_linux.go", true},
	{"a_windows.go", false},
	{"a_amd64.go", true},
	{"a_386.go", false},
	{"a_linux_amd64.go", true},
	{"a_linux_arm.go", false},
	{"a_windows_amd64.go", false},
	{"linux.go", true},
	{"a_linux_test.go", true},
	{"a_foo.go", true},
	{"x_amd64_linux.go", true},
	{"a_windows_test.go", false},
	{"a_b_linux.go", true},
};

Test(constraint, file_names)
{
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		cr_expect_eq(loader_name_ok(names[i].name), names[i].ok, "%s", names[i].name);
}

Test(constraint, multiple_go_build)
{
	const char *text = "//go:build linux\n//go:build amd64\n\npackage p\n", *err = NULL;
	cr_expect(!loader_should_build(text, strlen(text), &err));
	cr_expect_str_eq(err, "multiple //go:build comments");
	text = "//go:build linux &&\n\npackage p\n";
	loader_should_build(text, strlen(text), &err);
	cr_expect_str_eq(err, "parsing //go:build line: unexpected end of expression");
}
