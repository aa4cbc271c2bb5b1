/*
 * main.c: the gocc driver, shaped like the go command.
 *
 *   gocc build [flags] FILE.go... | DIR     compile package main into an executable
 *   gocc run [flags] FILE.go... [--] [args] build into the work directory and run it; as go run,
 *                                           a failing program's status is printed and gocc exits 1
 *   gocc parse FILE.go...                   parse only (each file on its own), report syntax errors
 *   gocc list [-deps] [-f FORMAT] PKG...     the loader's view of packages, printed as go list does
 *   gocc version | gocc --help
 *
 * Flags: -o out, -O0..-O3 (default -O2), -emit-llvm, -S, -d LETTERS (dump phases: A ast, T types,
 * I IR before optimisation, O IR after). Compile errors print as file:line:col: msg and exit 1
 * (gocc run: 2, as go run).
 *
 * compile() reads top to bottom as the pipeline: read, lex+parse, check, middle, lower, optimise+emit,
 * link.
 * Everything it writes goes into a private work directory (workdir.c); `gocc build` then renames the
 * product into the place the user named, and `gocc run` runs it from there (run.c).
 */
#include "ast.h"
#include "backend.h"
#include "common.h"
#include "driver.h"
#include "loader.h"
#include "middle.h"
#include "types.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef GOCC_VERSION
#define GOCC_VERSION "dev"
#endif

static const char usage[] =
	"gocc: an ahead-of-time compiler for Go (go1.19 semantics)\n"
	"\n"
	"Usage:\n"
	"  gocc build [flags] FILE.go... | DIR   compile package main to an executable\n"
	"  gocc run [flags] FILE.go... | DIR [--] [arguments...]\n"
	"                                        compile and run, as go run\n"
	"  gocc parse FILE.go...                 parse only, report syntax errors\n"
	"  gocc list [-deps] [-e] [-f FORMAT] [PACKAGE...]\n"
	"                                        list packages as go list does (FORMAT: {{.Field}}s)\n"
	"  gocc version                          print the version\n"
	"\n"
	"Flags:\n"
	"  -o FILE      output file (default: the first file's or the directory's base name)\n"
	"  -O0 .. -O3   optimisation level (default -O2)\n"
	"  -emit-llvm   write LLVM IR (.ll) instead of an executable\n"
	"  -S           write assembly (.s) instead of an executable\n"
	"  -d LETTERS   dump phases to stderr: A syntax tree, T types, I IR before and O after\n"
	"               optimisation\n";

typedef struct Args {
	Options opts;
	Vec files;    /* const char* .go paths */
	Vec run_args; /* gocc run: arguments for the program */
	bool is_run;
	const char *dir;     /* the directory argument, if the package was named by one */
	bool not_main;       /* gocc run refused a package other than main */
	const char *product; /* what compile() wrote, in the work directory; NULL if nothing to keep */
	LoadPackage *root;   /* the package the command line names, from the loader */
} Args;

static bool has_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && strcmp(s + n - m, suffix) == 0;
}

static noreturn void bad_usage(const char *fmt, const char *arg)
{
	fprintf(stderr, "gocc: ");
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\nrun 'gocc --help' for usage\n");
	exit(2);
}

/* The package as the go command names it in messages. */
static const char *package_label(const Args *a)
{
	return a->dir ? a->dir : "command-line-arguments";
}

static void parse_args(int argc, char **argv, bool is_run, Args *a)
{
	a->opts.opt_level = 2;
	bool files_done = false;
	for (int i = 0; i < argc; i++) {
		const char *s = argv[i];
		if (files_done) {
			vec_push(&a->run_args, (void *)s);
		} else if (strcmp(s, "--") == 0) {
			files_done = true;
		} else if (strcmp(s, "-o") == 0) {
			if (++i == argc)
				bad_usage("flag needs an argument: %s", s);
			a->opts.output = argv[i];
		} else if (strcmp(s, "-d") == 0) {
			if (++i == argc)
				bad_usage("flag needs an argument: %s", s);
			a->opts.dump = argv[i];
		} else if (s[0] == '-' && s[1] == 'O' && s[2] >= '0' && s[2] <= '3' && !s[3]) {
			a->opts.opt_level = s[2] - '0';
		} else if (strcmp(s, "-emit-llvm") == 0) {
			a->opts.emit_llvm = true;
		} else if (strcmp(s, "-S") == 0) {
			a->opts.emit_asm = true;
		} else if (s[0] == '-' && a->files.len == 0) {
			bad_usage("unknown flag %s", s);
		} else if (has_suffix(s, ".go")) {
			vec_push(&a->files, (void *)s);
		} else if (is_run && a->files.len > 0) {
			files_done = true; /* like go run: the first non-.go argument starts the program's */
			vec_push(&a->run_args, (void *)s);
		} else {
			struct stat st;
			if (stat(s, &st) != 0 || !S_ISDIR(st.st_mode) || a->dir || a->files.len)
				bad_usage("cannot find package or .go file %s", s);
			a->dir = s;
			files_done = is_run; /* go run DIR ARGS...: the rest is the program's */
		}
	}
	if (a->files.len == 0 && !a->dir && is_run)
		bad_usage("%s", "no Go files listed");
	if (a->files.len == 0 && !a->dir)
		a->dir = "."; /* like go build: the package in the current directory */
	if (a->dir ? !inputs_check_dir(a->dir, a->dir) : !inputs_check_names(package_label(a), &a->files))
		exit(1);
	a->root = driver_select_files(a->dir, &a->files); /* go's file selection and checks (load.c) */
	if (!a->root || (a->dir && !inputs_check_names(package_label(a), &a->files)))
		exit(1);
}

static bool dump(const Options *o, char letter)
{
	return o->dump && strchr(o->dump, letter);
}

/* go build's name for a package named by a directory: the last element of its import path in a
 * module or GOROOT (a major version suffix /vN skipped), else the directory's name. */
static const char *package_exe_name(const Args *a)
{
	const char *path = a->root->origin == LOAD_DIR ? a->root->dir : a->root->path;
	const char *slash = strrchr(path, '/');
	const char *last = slash ? slash + 1 : path;
	if (slash && last[0] == 'v' && last[1] >= '1' && last[1] <= '9' && strspn(last + 1, "0123456789") == strlen(last + 1)) {
		const char *prev = slash;
		while (prev > path && prev[-1] != '/')
			prev--;
		return xstrndup(prev, (size_t)(slash - prev));
	}
	return last;
}

static const char *default_output(const Args *a)
{
	if (a->dir && a->root) {
		const char *name = package_exe_name(a);
		return a->opts.emit_llvm ? xsprintf("%s.ll", name) : a->opts.emit_asm ? xsprintf("%s.s", name) : name;
	}
	const char *first = a->files.data[0];
	const char *base = strrchr(first, '/');
	base = base ? base + 1 : first;
	size_t n = strlen(base) - 3; /* drop ".go" */
	if (a->opts.emit_llvm)
		return xsprintf("%.*s.ll", (int)n, base);
	if (a->opts.emit_asm)
		return xsprintf("%.*s.s", (int)n, base);
	return xstrndup(base, n);
}

/* libgocc_rt.a lives next to the gocc executable (build/); GOCC_RUNTIME overrides. */
static const char *find_runtime(void)
{
	const char *env = getenv("GOCC_RUNTIME");
	if (env && *env)
		return env;
	char self[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
	if (n < 0)
		return "libgocc_rt.a";
	self[n] = 0;
	char *slash = strrchr(self, '/');
	if (slash)
		*slash = 0;
	return xsprintf("%s/libgocc_rt.a", self);
}

static Node *read_and_parse(const char *path, ParseMode mode)
{
	SourceFile *f = source_read(path);
	if (!f) {
		fprintf(stderr, "gocc: open %s: %s\n", path, strerror(errno));
		exit(1);
	}
	return parse_file_mode(f, mode);
}

/* The import path of the package the command line names: as for gc, a command is "main"; another
 * package is known by its import path inside a module or GOROOT, else by its name. */
static const char *package_path(Vec *files, LoadPackage *lp)
{
	Node *first = files->data[0];
	Node *name = first->file.package_name;
	if (!name || strcmp(name->ident.name, "main") == 0 || strcmp(name->ident.name, "_") == 0)
		return "main";
	if (lp->origin == LOAD_MODULE || lp->origin == LOAD_GOROOT || lp->origin == LOAD_STDLIB)
		return lp->path;
	return name->ident.name;
}

/* Emission of every package's object and the link, into the work directory. Like go build, a
 * package other than main is only compiled, and its object kept only when -o asks for it;
 * -emit-llvm and -S write the command line's package alone. */
static bool emit_and_link(Vec *modules, Args *a, bool is_main, const char *name)
{
	Options *o = &a->opts;
	const char *product = workdir_path(name);
	Module *root = vec_last(modules);
	if (o->emit_llvm || o->emit_asm || !is_main) {
		a->product = is_main || o->output ? product : NULL;
		return emit_module(root, o, product);
	}
	Vec objects = {0};
	for (int i = 0; i < modules->len; i++) {
		const char *object = workdir_path(xsprintf("_go_%d.o", i));
		if (!emit_module(modules->data[i], o, object))
			return false;
		vec_push(&objects, (void *)object);
	}
	a->product = product;
	return link_executable(&objects, product, o);
}

/* Does the import graph lead from p to target? */
static bool reaches(LoadPackage *p, LoadPackage *target, HashMap *seen)
{
	if (p == target)
		return true;
	if (hashmap_get(seen, p))
		return false;
	hashmap_put(seen, p, p);
	for (int i = 0; i < p->deps.len; i++)
		if (reaches(p->deps.data[i], target, seen))
			return true;
	return false;
}

/* A standard package gocc cannot compile yet (assembly, body-less functions, unsupported
 * constructs): its own diagnostics are replaced by one line at the command line's import that
 * leads to it, naming the package and its first problem. */
static void report_unsupported_import(LoadPackage *root, LoadPackage *bad)
{
	char *text = diag_flush_string();
	char *nl = text ? strchr(text, '\n') : NULL;
	if (nl)
		*nl = 0;
	for (int i = 0; i < root->specs.len; i++) {
		LoadImport *imp = root->specs.data[i];
		HashMap seen = {0};
		for (int j = 0; j < root->deps.len; j++) {
			LoadPackage *d = root->deps.data[j];
			if (strcmp(d->path, imp->path) == 0 && reaches(d, bad, &seen)) {
				fprintf(stderr, "%s:%d:%d: gocc: importing package %s is not supported yet\n"
				        "\tpackage %s: %s\n", imp->file, imp->line, imp->col, imp->path, bad->path,
				        text ? text : "");
				return;
			}
		}
	}
	fprintf(stderr, "gocc: package %s is not supported yet\n\t%s\n", bad->path, text ? text : "");
}

static Vec parse_files(Vec *paths)
{
	Vec files = {0};
	for (int i = 0; i < paths->len; i++)
		vec_push(&files, read_and_parse(paths->data[i], PARSE_GC));
	return files;
}

/* Checks one package of the graph (its files parsed: the command line's already, a dependency's
 * here); its imports are already checked (in `checked`, by LoadPackage). NULL after printing its
 * diagnostics, or for a standard package, gocc's one line saying it cannot compile it yet. */
static Package *check_one(Args *a, LoadPackage *lp, Vec *files, HashMap *checked)
{
	bool is_root = lp == a->root;
	Vec paths = {0}, parsed = {0};
	if (!is_root) {
		driver_package_files(lp, &paths);
		parsed = parse_files(&paths);
		files = &parsed;
	}
	Package *pkg = NULL;
	if (!diag_parse_failed()) { /* as gc: other parse errors are printed with the type errors */
		pkg = package_new(is_root ? package_path(files, lp) : lp->path);
		pkg->standard = lp->standard;
		for (int i = 0; i < lp->deps.len; i++) {
			Package *dep = hashmap_get(checked, lp->deps.data[i]);
			if (dep)
				vec_push(&pkg->deps, dep);
		}
		check_package(pkg, files);
	}
	if (error_count() == 0)
		return pkg;
	if (lp->standard && !is_root)
		report_unsupported_import(a->root, lp);
	else
		diag_flush();
	return NULL;
}

/* The pipeline, writing a->product. Returns 0 on success, 1 after printing diagnostics. The
 * command line's package is parsed first (its syntax errors come before anything about its
 * imports, as gc reports them), then every package is checked, dependencies first, and each goes
 * through the middle stage, lowering and emission into its own object; the link joins them. */
static int compile(Args *a, const char *name)
{
	Options *o = &a->opts;
	Vec order = {0}, pkgs = {0}, modules = {0};
	Vec files = parse_files(&a->files);
	if (diag_parse_failed()) {
		diag_flush();
		return 1;
	}
	if (dump(o, 'A'))
		for (int i = 0; i < files.len; i++)
			ast_dump(files.data[i], 0);
	if (!driver_import_graph(a->root, &order))
		return 1;
	types_init();
	HashMap checked = {0};
	for (int i = 0; i < order.len; i++) {
		Package *pkg = check_one(a, order.data[i], &files, &checked);
		if (!pkg)
			return 1;
		hashmap_put(&checked, order.data[i], pkg);
		vec_push(&pkgs, pkg);
	}
	Package *root = vec_last(&pkgs);
	if (dump(o, 'T'))
		types_dump(root);

	bool is_main = package_is_main(root);
	if (!is_main && a->is_run) {
		fprintf(stderr, "package %s is not a main package\n", package_label(a));
		a->not_main = true;
		return 1;
	}

	int unsupported = 0;
	for (int i = 0; i < pkgs.len; i++)
		unsupported += middle_unsupported(pkgs.data[i]);
	if (unsupported > 0) {
		diag_flush();
		return 1;
	}
	for (int i = 0; i < pkgs.len; i++)
		middle_package(pkgs.data[i]);
	for (int i = 0; i < pkgs.len; i++)
		vec_push(&modules, lower_package(pkgs.data[i], o));
	if (diag_flush())
		return 1;

	return emit_and_link(&modules, a, is_main, name) ? 0 : 1;
}

/* Every phase recurses along the input (nested expressions, chains of types declared in terms of
 * each other, LLVM's own walks of deeply nested debug types), so the whole pipeline runs on a big
 * thread stack, reserved but only committed as it is touched. */
typedef struct CompileCall {
	Args *args;
	const char *name;
	int status;
} CompileCall;

static void compile_call(void *p)
{
	CompileCall *c = p;
	c->status = compile(c->args, c->name);
}

static int compile_on_big_stack(Args *a, const char *name)
{
	CompileCall c = {a, name, 1};
	run_on_big_stack(compile_call, &c);
	return c.status;
}

/* `-o /dev/null` (or any other non-regular file) means "compile, then discard", as with go build:
 * a rename must never replace a device. */
static bool is_special_file(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode);
}

/* Where the product goes: -o, inside -o's directory when it names one (as go build), or the default
 * name in the current directory. */
static const char *output_path(const Args *a)
{
	const char *o = a->opts.output;
	struct stat st;
	if (!o)
		return default_output(a);
	if (has_suffix(o, "/") || (stat(o, &st) == 0 && S_ISDIR(st.st_mode)))
		return xsprintf("%s/%s", o, default_output(a));
	return o;
}

static int cmd_build(int argc, char **argv)
{
	Args a = {0};
	parse_args(argc, argv, false, &a);
	a.opts.runtime_lib = find_runtime();
	const char *output = output_path(&a);
	int status = compile_on_big_stack(&a, default_output(&a));
	if (status == 0 && a.product && !is_special_file(output))
		status = workdir_install(a.product, output) ? 0 : 1;
	return status;
}

/* As go run: a build failure exits 2; then the program's verdict (run.c). */
static int cmd_run(int argc, char **argv)
{
	Args a = {.is_run = true};
	parse_args(argc, argv, true, &a);
	a.opts.runtime_lib = find_runtime();
	if (a.opts.emit_llvm || a.opts.emit_asm)
		bad_usage("%s", "-emit-llvm and -S are build flags");
	int status = compile_on_big_stack(&a, default_output(&a));
	if (status != 0)
		return a.not_main ? 1 : 2;
	status = run_program(a.product, &a.run_args);
	workdir_remove();
	return status;
}

static int cmd_parse(int argc, char **argv)
{
	if (argc == 0)
		bad_usage("%s", "no Go files listed");
	int status = 0;
	for (int i = 0; i < argc; i++) {
		read_and_parse(argv[i], PARSE_GOFMT);
		if (diag_flush())
			status = 1;
	}
	return status;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fputs(usage, stderr);
		return 2;
	}
	const char *cmd = argv[1];
	if (strcmp(cmd, "build") == 0)
		return cmd_build(argc - 2, argv + 2);
	if (strcmp(cmd, "run") == 0)
		return cmd_run(argc - 2, argv + 2);
	if (strcmp(cmd, "parse") == 0)
		return cmd_parse(argc - 2, argv + 2);
	if (strcmp(cmd, "list") == 0)
		return cmd_list(argc - 2, argv + 2);
	if (strcmp(cmd, "version") == 0) {
		printf("gocc version %s linux/amd64 (go1.19 semantics, LLVM 19)\n", GOCC_VERSION);
		return 0;
	}
	if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
		fputs(usage, stdout);
		return 0;
	}
	bad_usage("unknown command %s", cmd);
}
