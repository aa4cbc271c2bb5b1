/*
 * loader_test.c: unit tests for scan.c and loader.c on small directory trees made in a temporary
 * directory: which files a package keeps, go's messages for mixed packages and for named files in
 * two directories, import resolution (GOROOT, the main module, third-party modules) and the
 * dependencies-first order. The messages are go1.19's (measured with go build and go list);
 * tools/check-loader compares the loader with go list over the standard library itself.
 */
#include "loader.h"

#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define GOROOT "/usr/lib/go-1.19"

static char root[64];

static void put(const char *rel, const char *text)
{
	char *path = xsprintf("%s/%s", root, rel);
	for (char *s = strchr(path + 1, '/'); s; s = strchr(s + 1, '/')) {
		*s = 0;
		mkdir(path, 0755);
		*s = '/';
	}
	FILE *f = fopen(path, "w");
	cr_assert(f, "%s", path);
	fputs(text, f);
	fclose(f);
}

static void setup(void)
{
	strcpy(root, "/tmp/gocc-loader-test-XXXXXX");
	cr_assert(mkdtemp(root));
}

static void teardown(void)
{
	if (system(xsprintf("rm -rf '%s'", root)) != 0)
		cr_log_warn("could not remove %s", root);
}

static const char *joined(Vec *v)
{
	StrBuf b = {0};
	for (int i = 0; i < v->len; i++)
		sb_printf(&b, "%s%s", i ? " " : "", (char *)v->data[i]);
	return b.len ? sb_cstr(&b) : "";
}

TestSuite(loader, .init = setup, .fini = teardown);

Test(loader, scan_header)
{
	const char *text = "// doc\npackage p // c\n\nimport \"fmt\"\nimport (\n\tx \"a/b\"; _ `c`\n\t. \"d\" /* e\n*/\n)\nimport \"C\"\nvar v = 1\n";
	FileHeader h;
	cr_assert(loader_scan_header(text, strlen(text), &h));
	cr_expect_str_eq(h.package, "p");
	cr_assert_eq(h.imports.len, 5);
	const char *want[] = {"fmt", "a/b", "c", "d", "C"};
	int lines[] = {4, 6, 6, 7, 10}, cols[] = {8, 4, 13, 4, 8};
	for (int i = 0; i < 5; i++) {
		LoadImport *imp = h.imports.data[i];
		cr_expect_str_eq(imp->path, want[i]);
		cr_expect_eq(imp->line, lines[i], "%s line %d", want[i], imp->line);
		cr_expect_eq(imp->col, cols[i], "%s col %d", want[i], imp->col);
	}
	cr_expect(h.imports_c);
	cr_expect(!loader_scan_header("var x int\n", 10, &h));
}

Test(loader, file_selection)
{
	put("p/a.go", "package p\n");
	put("p/b_windows.go", "package p\n");
	put("p/c_linux_amd64.go", "package p\nimport \"strings\"\n");
	put("p/d.go", "//go:build ignore\n\npackage main\n");
	put("p/e.go", "// +build !linux\n\npackage p\n");
	put("p/f_test.go", "package p_test\n");
	put("p/_g.go", "package other\n");
	put("p/.h.go", "package other\n");
	put("p/i.go", "package p\n\nimport \"C\"\n");
	put("p/j.go", "package documentation\n");
	Loader *ld = loader_new(GOROOT, NULL);
	LoadPackage *p = loader_load_dir(ld, xsprintf("%s/p", root));
	cr_expect_null(p->error, "%s", p->error);
	cr_expect_str_eq(p->name, "p");
	cr_expect_str_eq(joined(&p->files), "a.go c_linux_amd64.go");
	cr_expect_str_eq(joined(&p->imports), "strings");
	cr_expect_str_eq(p->path, xsprintf("_%s/p", root));
}

Test(loader, mixed_packages)
{
	put("mix/a.go", "package main\n");
	put("mix/b.go", "package foo\n");
	Loader *ld = loader_new(GOROOT, NULL);
	LoadPackage *p = loader_load_dir(ld, xsprintf("%s/mix", root));
	cr_expect_str_eq(p->error, xsprintf("found packages main (a.go) and foo (b.go) in %s/mix", root));
	Vec files = {0};
	vec_push(&files, xsprintf("%s/mix/a.go", root));
	vec_push(&files, xsprintf("%s/other/c.go", root));
	p = loader_load_files(loader_new(GOROOT, NULL), &files);
	cr_expect_str_eq(p->error, xsprintf("named files must all be in one directory; have %s/mix and %s/other", root, root));
}

Test(loader, no_files)
{
	put("ex/a.go", "//go:build ignore\n\npackage ex\n");
	mkdir(xsprintf("%s/empty", root), 0755);
	Loader *ld = loader_new(GOROOT, NULL);
	cr_expect_str_eq(loader_load_dir(ld, xsprintf("%s/ex", root))->error,
			 xsprintf("build constraints exclude all Go files in %s/ex", root));
	cr_expect_str_eq(loader_load_dir(ld, xsprintf("%s/empty", root))->error, xsprintf("no Go files in %s/empty", root));
}

Test(loader, module_and_goroot)
{
	put("m/go.mod", "module example.com/m // the main module\n\ngo 1.19\n\nrequire (\n\tgithub.com/x/y v1.0.0\n)\n");
	put("m/main.go", "package main\n\nimport (\n\t\"example.com/m/util\"\n\t\"unicode/utf8\"\n)\n");
	put("m/util/u.go", "package util\n\nimport \"errors\"\n");
	Loader *ld = loader_new(GOROOT, NULL);
	LoadPackage *p = loader_load_dir(ld, xsprintf("%s/m", root));
	cr_expect_str_eq(p->path, "example.com/m");
	loader_import_all(ld, p);
	cr_expect_null(p->import_error, "%s", p->import_error);
	Vec roots = {0}, deps = {0};
	vec_push(&roots, p);
	loader_deps(&roots, &deps);
	Vec paths = {0};
	for (int i = 0; i < deps.len; i++)
		vec_push(&paths, (void *)((LoadPackage *)deps.data[i])->path);
	const char *tail = "internal/reflectlite errors example.com/m/util unicode/utf8 example.com/m";
	const char *got = joined(&paths);
	cr_expect(strlen(got) > strlen(tail) && strcmp(got + strlen(got) - strlen(tail), tail) == 0, "%s", got);
	cr_expect(strncmp(got, "internal/goarch unsafe ", 23) == 0, "%s", got); /* go list -deps order */
}

Test(loader, bad_imports)
{
	put("m/go.mod", "module example.com/m\n\nrequire github.com/x/y v1.0.0\n");
	put("m/bad/b.go", "package bad\n\nimport (\n\t\"github.com/x/y/z\"\n\t\"nosuch/pkg\"\n)\n");
	Loader *ld = loader_new(GOROOT, NULL);
	LoadPackage *p = loader_load_dir(ld, xsprintf("%s/m/bad", root));
	loader_import_all(ld, p);
	cr_expect_str_eq(p->import_error,
			 xsprintf("%s/m/bad/b.go:4:2: gocc: package github.com/x/y/z is in module github.com/x/y, required by "
				  "%s/m/go.mod: third-party modules are not supported yet\n"
				  "%s/m/bad/b.go:5:2: package nosuch/pkg is not in GOROOT (" GOROOT "/src/nosuch/pkg)",
				  root, root, root));
}
