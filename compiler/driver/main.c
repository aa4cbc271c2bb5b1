/*
 * main.c: the gocc driver, shaped like the go command.
 *
 *   gocc build [flags] FILE.go... | DIR     compile package main into an executable
 *   gocc run [flags] FILE.go... [--] [args] build into the work directory and run it; as go run,
 *                                           a failing program's status is printed and gocc exits 1
 *   gocc parse FILE.go...                   parse only (each file on its own), report syntax errors
 *   gocc list [-deps] [-f FORMAT] PKG...     the loader's view of packages, printed as go list does
 *   gocc clean -cache                       empty the cache of compiled packages (cache.c)
 *   gocc env [GOCCCACHE]                    where that cache is
 *   gocc version | gocc --help
 *
 * Flags: -o out, -O0..-O3 (default -O2), -emit-llvm, -S, -x (print the steps: cache hits, compiled
 * packages, the link command), -d LETTERS (dump phases: A ast, T types, I IR before optimisation,
 * O IR after). Compile errors print as file:line:col: msg and exit 1 (gocc run: 2, as go run).
 *
 * compile() reads top to bottom as the pipeline: read, lex+parse, check, middle, lower, optimise+emit,
 * link. Every package's files are read once, after the import graph, and hashed into its cache
 * key (cache.c): when the whole program is in the cache it is copied and nothing is checked; a
 * package whose object is in the cache is still parsed and checked, since its importers are checked
 * against its objects, but skips lowering, optimisation and code generation.
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
	"  gocc clean -cache                     remove the cache of compiled packages\n"
	"  gocc env [GOCCCACHE]                  print where that cache is\n"
	"  gocc version                          print the version\n"
	"\n"
	"Flags:\n"
	"  -o FILE      output file (default: the first file's or the directory's base name)\n"
	"  -O0 .. -O3   optimisation level (default -O2)\n"
	"  -emit-llvm   write LLVM IR (.ll) instead of an executable\n"
	"  -S           write assembly (.s) instead of an executable\n"
	"  -x           print the steps: packages found in the cache or compiled, the link command\n"
	"  -d LETTERS   dump phases to stderr: A syntax tree, T types, I IR before and O after\n"
	"               optimisation\n";

typedef struct Args {
	Options opts;
	Vec files;    /* const char* .go paths */
	Vec run_args; /* gocc run: arguments for the program */
	bool is_run;
	const char *dir;     /* the directory argument, if the package was named by one */
	bool load_failed;    /* the package could not be loaded (imports, or not main for run): go run exits 1 */
	const char *product; /* what compile() wrote, in the work directory; NULL if nothing to keep */
	LoadPackage *root;   /* the package the command line names, from the loader */
	const char *link_key;/* the cache key of the linked program, or NULL */
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
		} else if (strcmp(s, "-x") == 0) {
			driver_trace = true;
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

/* Emission of the objects the cache did not have (objects[i] NULL; each then stored under keys[i])
 * and the link, into the work directory. Like go build, a package other than main is only
 * compiled (its imports into the cache), and its object kept only when -o asks for it;
 * -emit-llvm and -S write the command line's package alone (the root is then never taken from the
 * cache, and nothing is cached). */
static bool emit_and_link(Vec *pkgs, Vec *modules, Vec *objects, Vec *keys, Args *a, bool is_main,
                          const char *name)
{
	Options *o = &a->opts;
	bool root_only = o->emit_llvm || o->emit_asm || !is_main;
	for (int i = 0; i < modules->len - root_only; i++) {
		if (objects->data[i] || (root_only && !keys->data[i]))
			continue;
		const char *object = workdir_path(xsprintf("_go_%d.o", i));
		if (!emit_module(modules->data[i], o, object))
			return false;
		objects->data[i] = (void *)object;
		cache_put(keys->data[i], object);
		trace("# %s: compiled", ((Package *)pkgs->data[i])->path);
	}
	const char *product = workdir_path(name);
	if (root_only) {
		a->product = is_main || o->output ? product : NULL;
		return emit_module(vec_last(modules), o, product);
	}
	a->product = product;
	if (!link_executable(objects, product, o))
		return false;
	cache_put(a->link_key, product);
	return true;
}

/* A program whose objects all have keys may be in the cache as a whole: then it is copied into
 * the work directory and neither its objects nor the linker are needed. */
static bool linked_from_cache(Args *a, Vec *keys, const char *name)
{
	a->link_key = cache_link_key(keys, &a->opts);
	const char *cached = cache_get(a->link_key);
	const char *product = cached ? workdir_path(name) : NULL;
	if (!cached || !cache_copy_out(cached, product))
		return false;
	trace("# link: cache hit %s", cached);
	for (int i = 0; i < keys->len; i++)
		cache_mark_used(keys->data[i]);
	a->product = product;
	return true;
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
 * here, from `sources` when read_sources read them); its imports are already checked (in
 * `checked`, by LoadPackage). NULL after printing its diagnostics, or for a standard package,
 * gocc's one line saying it cannot compile it yet. */
static Package *check_one(Args *a, LoadPackage *lp, Vec *files, Vec *sources, HashMap *checked)
{
	bool is_root = lp == a->root;
	/* The command line's files were parsed before any package is checked; the errors their parse
	 * left pending (gc reports them with the type errors) are the root's, not this package's. */
	int pending = is_root ? 0 : error_count();
	Vec paths = {0}, parsed = {0};
	if (!is_root && sources) {
		for (int i = 0; i < sources->len; i++)
			vec_push(&parsed, parse_file_mode(sources->data[i], PARSE_GC));
		files = &parsed;
	} else if (!is_root) {
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
	if (error_count() == pending)
		return pkg;
	if (lp->standard && !is_root)
		report_unsupported_import(a->root, lp);
	else
		diag_flush();
	return NULL;
}

/* The source files of every package of `order`, read once, before anything is checked: the cache
 * keys hash them and check_one parses the same bytes. False when a file cannot be read: the build
 * then goes without the cache and reports it where it always did (check_one). */
static bool read_sources(Args *a, Vec *order, Vec *root_files, Vec *out)
{
	for (int i = 0; i < order->len; i++) {
		LoadPackage *lp = order->data[i];
		Vec *sources = xalloc(sizeof *sources), paths = {0};
		if (lp == a->root) {
			for (int j = 0; j < root_files->len; j++)
				vec_push(sources, ((Node *)root_files->data[j])->file.source);
		} else {
			driver_package_files(lp, &paths);
			for (int j = 0; j < paths.len; j++) {
				SourceFile *f = source_read(paths.data[j]);
				if (!f)
					return false;
				vec_push(sources, f);
			}
		}
		vec_push(out, sources);
	}
	return true;
}

/* Each package's cache key, dependencies first so that each includes its imports' keys (their
 * export information shapes its object). All NULL when this build does not use the cache: it is
 * off, or the command asks for the IR (-emit-llvm, -S, -d I, -d O); the root of a non-main
 * package's build, which is written to the product, has none either. */
static Vec cache_keys(Args *a, Vec *order, Vec *sources, Vec *root_files, bool is_main)
{
	Options *o = &a->opts;
	Vec keys = {0};
	bool use = !o->emit_llvm && !o->emit_asm && !dump(o, 'I') && !dump(o, 'O');
	const char *why = NULL;
	if (use && !cache_dir(&why))
		trace("# cache off: %s", why);
	HashMap by_pkg = {0};
	for (int i = 0; i < order->len; i++) {
		LoadPackage *lp = order->data[i];
		char *key = NULL;
		if (use && sources->len && (is_main || lp != a->root)) {
			Vec dep_keys = {0};
			for (int j = 0; j < lp->deps.len; j++) {
				char *dep = hashmap_get(&by_pkg, lp->deps.data[j]);
				if (dep) /* "unsafe" has none: the checker's own */
					vec_push(&dep_keys, dep);
			}
			const char *path = lp == a->root ? package_path(root_files, lp) : lp->path;
			key = cache_package_key(path, o, sources->data[i], &dep_keys);
			hashmap_put(&by_pkg, lp, key);
		}
		vec_push(&keys, key);
	}
	return keys;
}

/* The spec's `package main`, from the command line's first file (the checker reports files that
 * disagree; a cached program never had any). */
static bool root_is_main(Vec *root_files)
{
	Node *name = ((Node *)root_files->data[0])->file.package_name;
	return name && strcmp(name->ident.name, "main") == 0;
}

/* gc initializes package runtime before every other package (runtime.main runs its init tasks
 * first); driver_import_graph made the command depend on gocc's runtime package, and here it moves
 * to the front of main's imports, whose order main.init follows. */
static void init_runtime_first(Package *root, Vec *pkgs)
{
	Package *rt = NULL;
	for (int i = 0; i < pkgs->len; i++)
		if (strcmp(((Package *)pkgs->data[i])->path, "runtime") == 0)
			rt = pkgs->data[i];
	if (!rt)
		return;
	Vec *imports = &root->imports;
	int at = imports->len;
	for (int i = 0; i < imports->len; i++)
		if (imports->data[i] == rt)
			at = i;
	if (at == imports->len)
		vec_push(imports, rt);
	for (; at > 0; at--)
		imports->data[at] = imports->data[at - 1];
	imports->data[0] = rt;
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
	if (!driver_import_graph(a->root, &order)) {
		a->load_failed = true;
		return 1;
	}
	Vec sources = {0};
	if (!read_sources(a, &order, &files, &sources))
		sources.len = 0;
	Vec keys = cache_keys(a, &order, &sources, &files, root_is_main(&files));
	if (root_is_main(&files) && !o->dump && linked_from_cache(a, &keys, name))
		return 0; /* a program built before from these very inputs: nothing to check */
	types_init();
	HashMap checked = {0};
	for (int i = 0; i < order.len; i++) {
		Package *pkg = check_one(a, order.data[i], &files, sources.len ? sources.data[i] : NULL, &checked);
		if (!pkg)
			return 1;
		hashmap_put(&checked, order.data[i], pkg);
		vec_push(&pkgs, pkg);
	}
	Package *root = vec_last(&pkgs);
	if (dump(o, 'T'))
		types_dump(root);

	bool is_main = package_is_main(root);
	if (is_main)
		init_runtime_first(root, &pkgs);
	if (!is_main && a->is_run) {
		fprintf(stderr, "package %s is not a main package\n", package_label(a));
		a->load_failed = true;
		return 1;
	}

	for (int i = 0; i < pkgs.len; i++)
		middle_package(pkgs.data[i]);
	Vec objects = {0};
	for (int i = 0; i < pkgs.len; i++) {
		Package *pkg = pkgs.data[i];
		const char *cached = cache_get(keys.data[i]);
		if (cached)
			trace("# %s: cache hit %s", pkg->path, cached);
		vec_push(&objects, (void *)cached);
		vec_push(&modules, cached ? NULL : lower_package(pkg, o));
	}
	if (diag_flush())
		return 1;

	return emit_and_link(&pkgs, &modules, &objects, &keys, a, is_main, name) ? 0 : 1;
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
	cache_trim();
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

/* As go run: a package that cannot be loaded exits 1, a build failure 2; then the program's verdict
 * (run.c). */
static int cmd_run(int argc, char **argv)
{
	Args a = {.is_run = true};
	parse_args(argc, argv, true, &a);
	a.opts.runtime_lib = find_runtime();
	if (a.opts.emit_llvm || a.opts.emit_asm)
		bad_usage("%s", "-emit-llvm and -S are build flags");
	int status = compile_on_big_stack(&a, default_output(&a));
	if (status != 0)
		return a.load_failed ? 1 : 2;
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
	if (strcmp(cmd, "clean") == 0)
		return cmd_clean(argc - 2, argv + 2);
	if (strcmp(cmd, "env") == 0)
		return cmd_env(argc - 2, argv + 2);
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
