/*
 * load.c: the driver's use of the loader: which files `gocc build` compiles, and `gocc list`.
 *
 * In: the command line's directory or .go files (build, run) or package arguments (list).
 * Out: the files of the one package to compile, after go1.19's file selection and its checks
 * (one package clause per directory, named files in one directory, every import resolvable),
 * with go's messages on failure; or `go list`'s lines for `gocc list`.
 *
 * GOROOT is go1.19's (GOCC_GOROOT overrides the one configured at build time) and gocc's own
 * packages are in stdlib/ beside the sources (GOCC_STDLIB overrides it).
 */
#include "driver.h"
#include "loader.h"
#include "types.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef GOCC_GOROOT
#define GOCC_GOROOT "/usr/lib/go-1.19"
#endif
#ifndef GOCC_STDLIB_DIR
#define GOCC_STDLIB_DIR "stdlib"
#endif

static const char *env_or(const char *name, const char *fallback)
{
	const char *v = getenv(name);
	return v && *v ? v : fallback;
}

static Loader *driver_loader_root; /* the loader of the package being built */

static Loader *driver_loader(void)
{
	return loader_new(env_or("GOCC_GOROOT", GOCC_GOROOT), env_or("GOCC_STDLIB", GOCC_STDLIB_DIR));
}

/* Named files must be readable files (go's GoFilesPackage stats each one first). */
static bool files_readable(Vec *files)
{
	for (int i = 0; i < files->len; i++) {
		const char *f = files->data[i];
		struct stat st;
		if (stat(f, &st) != 0 || access(f, R_OK) != 0) {
			fprintf(stderr, "gocc: open %s: %s\n", f, strerror(errno));
			return false;
		}
		if (S_ISDIR(st.st_mode)) {
			fprintf(stderr, "%s is a directory, should be a Go file\n", f);
			return false;
		}
	}
	return true;
}

LoadPackage *driver_select_files(const char *dir, Vec *files)
{
	if (!dir && !files_readable(files))
		return false;
	Loader *ld = driver_loader();
	LoadPackage *pkg = dir ? loader_load_dir(ld, dir) : loader_load_files(ld, files);
	if (!pkg->error && pkg->files.len == 0)
		pkg->error = xsprintf("no non-test Go files in %s", pkg->dir);
	if (dir && !pkg->files.len) /* go build (outside a module) names the argument */
		pkg->error = xsprintf("package %s: %s", dir, pkg->error);
	if (pkg->error) {
		fprintf(stderr, "%s\n", pkg->error);
		return NULL;
	}
	driver_loader_root = ld;
	if (!dir)
		return pkg;
	files->len = 0;
	driver_package_files(pkg, files);
	return pkg;
}

/* ---- the import graph ----------------------------------------------------------------------------- */

typedef enum { WALK_NEW, WALK_ACTIVE, WALK_DONE } WalkState;

/* go's import stack: `package ROOT`, then `\timports P` for each package down to p (not repeated
 * when p is the root itself). */
static void print_stack(Vec *stack, LoadPackage *p)
{
	fprintf(stderr, "package %s\n", stack->len ? ((LoadPackage *)stack->data[0])->path : p->path);
	for (int i = 1; i < stack->len; i++)
		fprintf(stderr, "\timports %s\n", ((LoadPackage *)stack->data[i])->path);
	if (stack->len)
		fprintf(stderr, "\timports %s\n", p->path);
}

/* go's text for a cycle: the chain from the command line's package to the repeated one. */
static void print_cycle(Vec *stack, LoadPackage *again)
{
	fprintf(stderr, "package %s\n", ((LoadPackage *)stack->data[0])->path);
	for (int i = 1; i < stack->len; i++)
		fprintf(stderr, "\timports %s\n", ((LoadPackage *)stack->data[i])->path);
	fprintf(stderr, "\timports %s: import cycle not allowed\n", again->path);
}

/* Depth first, dependencies before dependents; false after printing an import error or a cycle. */
static bool walk_imports(LoadPackage *p, HashMap *state, Vec *stack, Vec *out)
{
	WalkState st = (WalkState)(intptr_t)hashmap_get(state, p);
	if (st == WALK_DONE)
		return true;
	if (st == WALK_ACTIVE) {
		print_cycle(stack, p);
		return false;
	}
	if (p->import_error || p->error) {
		fprintf(stderr, "%s\n", p->error ? p->error : p->import_error);
		return false;
	}
	if (p->use_error) { /* go prints the import stack that leads to the package */
		print_stack(stack, p);
		fprintf(stderr, "\t%s\n", p->use_error);
		return false;
	}
	hashmap_put(state, p, (void *)(intptr_t)WALK_ACTIVE);
	vec_push(stack, p);
	for (int i = 0; i < p->deps.len; i++)
		if (!walk_imports(p->deps.data[i], state, stack, out))
			return false;
	stack->len--;
	hashmap_put(state, p, (void *)(intptr_t)WALK_DONE);
	if (strcmp(p->path, "unsafe") != 0) /* the checker's own */
		vec_push(out, p);
	return true;
}

/* Every Go program contains package runtime, imported or not, as gc links it into every binary:
 * standard packages refer to it by //go:linkname (math/bits's runtime.overflowError). When gocc has
 * its own runtime package (stdlib/runtime), a command that uses a standard package depends on it
 * first of all, so it is compiled and linked, and initialized before any other package (compile()
 * puts it first in main's imports). A program of its own packages only has nothing that refers to
 * it, and stays as small as before. */
static void link_runtime(LoadPackage *root)
{
	if (!root->name || strcmp(root->name, "main") != 0)
		return;
	Vec roots = {0}, all = {0};
	vec_push(&roots, root);
	loader_deps(&roots, &all);
	bool standard = false; /* a program without standard packages needs nothing from it */
	for (int i = 0; i < all.len; i++)
		standard |= ((LoadPackage *)all.data[i])->standard;
	if (!standard)
		return;
	LoadImport imp = {.path = "runtime"};
	const char *err = NULL;
	LoadPackage *rt = loader_resolve(driver_loader_root, &imp, root, &err);
	if (!rt || rt->origin != LOAD_STDLIB)
		return;
	for (int i = 0; i < root->deps.len; i++)
		if (root->deps.data[i] == rt)
			return;
	loader_import_all(driver_loader_root, rt);
	vec_push(&root->deps, rt);
}

bool driver_import_graph(LoadPackage *root, Vec *order)
{
	int n = 0;
	for (int i = 0; i < root->imports.len; i++) { /* invalid, absolute, local: the checker's message */
		const char *p = root->imports.data[i];
		if (check_import_path_ok(p) && p[0] != '/' && p[0] != '.')
			root->imports.data[n++] = root->imports.data[i];
	}
	root->imports.len = n;
	loader_import_all(driver_loader_root, root);
	link_runtime(root);
	HashMap state = {0};
	Vec stack = {0};
	return walk_imports(root, &state, &stack, order);
}

/* A path as go's messages show it: relative to the current directory when inside it. */
static const char *display_path(const char *path)
{
	char cwd[4096];
	size_t n;
	if (!getcwd(cwd, sizeof cwd) || strcmp(cwd, "/") == 0)
		return path;
	n = strlen(cwd);
	if (strncmp(path, cwd, n) != 0 || path[n] != '/')
		return path;
	const char *rel = path + n + 1;
	return strchr(rel, '/') ? rel : xsprintf("./%s", rel); /* go writes ./main.go, cmd/x/main.go */
}

void driver_package_files(LoadPackage *p, Vec *out)
{
	for (int i = 0; i < p->files.len; i++)
		vec_push(out, (void *)display_path(xsprintf("%s/%s", p->dir, (char *)p->files.data[i])));
}

/* ---- gocc list ------------------------------------------------------------------------------------ */

static void put_list(StrBuf *b, Vec *v)
{
	sb_putc(b, '[');
	for (int i = 0; i < v->len; i++)
		sb_printf(b, "%s%s", i ? " " : "", (char *)v->data[i]);
	sb_putc(b, ']');
}

/* One {{.Field}} of go list's template; false if gocc does not know the field. */
static bool put_field(StrBuf *b, LoadPackage *p, const char *f, size_t n)
{
#define IS(name) (n == strlen(name) && memcmp(f, name, n) == 0)
	if (IS("ImportPath"))
		sb_puts(b, p->path);
	else if (IS("Name"))
		sb_puts(b, p->name ? p->name : "");
	else if (IS("Dir"))
		sb_puts(b, p->dir);
	else if (IS("GoFiles"))
		put_list(b, &p->files);
	else if (IS("Imports"))
		put_list(b, &p->imports);
	else if (IS("Standard") || IS("Goroot"))
		sb_puts(b, p->standard ? "true" : "false");
	else if (IS("Error"))
		sb_puts(b, p->error ? p->error : p->import_error ? p->import_error : "");
	else
		return false;
	return true;
#undef IS
}

/* go list's -f for the subset of templates that are fields: "{{.ImportPath}} {{.GoFiles}}". */
static bool format_package(StrBuf *b, LoadPackage *p, const char *fmt)
{
	for (const char *s = fmt; *s;) {
		const char *open = strstr(s, "{{");
		if (!open) {
			sb_puts(b, s);
			break;
		}
		sb_put(b, s, (size_t)(open - s));
		const char *close = strstr(open, "}}");
		const char *f = open + 2;
		while (*f == ' ')
			f++;
		if (!close || *f != '.')
			return false;
		size_t n = (size_t)(close - f - 1);
		while (n && f[n] == ' ')
			n--;
		if (!put_field(b, p, f + 1, n))
			return false;
		s = close + 2;
	}
	sb_putc(b, '\n');
	return true;
}

int cmd_list(int argc, char **argv)
{
	const char *fmt = "{{.ImportPath}}";
	bool deps = false, keep_going = false;
	Vec args = {0};
	for (int i = 0; i < argc; i++) {
		if (strcmp(argv[i], "-f") == 0 && i + 1 < argc)
			fmt = argv[++i];
		else if (strcmp(argv[i], "-deps") == 0)
			deps = true;
		else if (strcmp(argv[i], "-e") == 0)
			keep_going = true;
		else if (argv[i][0] == '-') {
			fprintf(stderr, "gocc: list: unknown flag %s\nrun 'gocc --help' for usage\n", argv[i]);
			return 2;
		}
		else
			vec_push(&args, argv[i]);
	}
	if (args.len == 0)
		vec_push(&args, ".");
	Loader *ld = driver_loader();
	Vec roots = {0}, pkgs = {0};
	for (int i = 0; i < args.len; i++) {
		LoadPackage *p = loader_load_arg(ld, args.data[i]);
		loader_import_all(ld, p);
		vec_push(&roots, p);
	}
	if (deps)
		loader_deps(&roots, &pkgs);
	else
		pkgs = roots;
	int status = 0;
	StrBuf out = {0};
	for (int i = 0; i < pkgs.len; i++) {
		LoadPackage *p = pkgs.data[i];
		const char *err = p->error ? p->error : p->import_error;
		if (err && !keep_going) {
			fprintf(stderr, "%s\n", err);
			status = 1;
			continue;
		}
		if (!format_package(&out, p, fmt)) {
			fprintf(stderr, "gocc: list: -f %s: only {{.Field}} templates are supported\n", fmt);
			return 2;
		}
	}
	fwrite(out.data, 1, out.len, stdout);
	return status;
}
