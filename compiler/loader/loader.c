/*
 * loader.c: packages from directories, and the import graph from import paths.
 *
 * In: command-line arguments (a directory, files, import paths) and the import specs the files
 * hold. Out: LoadPackages with their selected files and resolved imports, dependencies first.
 *
 * A package is a directory: its .go files minus those go1.19 leaves out (names starting with '_'
 * or '.', _test.go files, a foreign _GOOS/_GOARCH suffix, a //go:build or // +build constraint
 * that does not hold, cgo files and `package documentation`), all of whose package clauses must
 * agree (go/build's Import). An import path is looked up, in this order, as
 *   1. gocc's override, STDLIB/PATH: a whole package gocc supplies instead of GOROOT's;
 *   2. a standard package, GOROOT/src/PATH, when its first element has no dot; a standard package
 *      importing a dotted path finds it in GOROOT/src/vendor/PATH ("vendor/PATH");
 *   3. a package of the main module, MODDIR/REST for MODPATH/REST, where MODPATH is the `module`
 *      line of the go.mod found above the sources (the first directory the loader was given).
 * Any other path belongs to a third-party module, which gocc cannot fetch: an error names it.
 * Each import path is loaded once (the package list is the cache).
 */
#include "loader.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct Loader {
	const char *goroot, *goroot_src, *stdlib;
	Vec packages;              /* LoadPackage*, every package loaded (a linear cache: the import
	                              graph of a program has at most a few hundred packages) */
	bool module_known;         /* the main module has been looked for */
	const char *mod_dir, *mod_path; /* the main module, or NULL */
	Vec mod_requires;          /* const char*: module paths go.mod requires */
};

static bool is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool has_prefix(const char *s, const char *pre)
{
	return strncmp(s, pre, strlen(pre)) == 0;
}

static bool has_suffix(const char *s, const char *suf)
{
	size_t n = strlen(s), m = strlen(suf);
	return n >= m && strcmp(s + n - m, suf) == 0;
}

/* The whole file, NUL-terminated, up to its first NUL byte or 1 GiB; NULL if it cannot be read. */
static char *read_all(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	StrBuf b = {0};
	char buf[65536];
	for (size_t n; b.len < (1u << 30) && (n = fread(buf, 1, sizeof buf, f)) > 0;) {
		const char *nul = memchr(buf, 0, n); /* not Go source (a device?): the parser says so later */
		sb_put(&b, buf, nul ? (size_t)(nul - buf) : n);
		if (nul)
			break;
	}
	fclose(f);
	*len = b.len;
	return sb_cstr(&b);
}

/* filepath.Clean of an absolute path: no ".", "..", or doubled slashes. */
static const char *clean_abs(const char *path)
{
	Vec parts = {0};
	for (const char *p = path; *p;) {
		while (*p == '/')
			p++;
		const char *e = strchr(p, '/');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		if (n == 2 && p[0] == '.' && p[1] == '.') {
			if (parts.len)
				parts.len--;
		} else if (n > 0 && !(n == 1 && p[0] == '.')) {
			vec_push(&parts, xstrndup(p, n));
		}
		p += n;
	}
	StrBuf b = {0};
	for (int i = 0; i < parts.len; i++)
		sb_printf(&b, "/%s", (char *)parts.data[i]);
	return b.len ? sb_cstr(&b) : "/";
}

static const char *abs_path(const char *path)
{
	if (path[0] == '/')
		return clean_abs(path);
	char cwd[4096];
	if (!getcwd(cwd, sizeof cwd))
		return clean_abs(path);
	return clean_abs(xsprintf("%s/%s", cwd, path));
}

/* dir relative to root ("" for root itself), or NULL if dir is not inside root. */
static const char *inside(const char *dir, const char *root)
{
	size_t n = strlen(root);
	if (strncmp(dir, root, n) != 0 || (dir[n] != '/' && dir[n] != 0))
		return NULL;
	return dir[n] ? dir + n + 1 : "";
}

Loader *loader_new(const char *goroot, const char *stdlib)
{
	Loader *ld = xnew(Loader);
	ld->goroot = goroot;
	ld->goroot_src = xsprintf("%s/src", goroot);
	ld->stdlib = stdlib && is_dir(stdlib) ? abs_path(stdlib) : NULL;
	return ld;
}

const char *loader_goroot(Loader *ld) { return ld->goroot; }

/* ---- the main module ----------------------------------------------------------------------------- */

/* The first word of a go.mod line, and what follows it (unquoted if quoted). */
static const char *gomod_arg(const char *line, const char *word)
{
	size_t n = strlen(word);
	if (strncmp(line, word, n) != 0 || (line[n] != ' ' && line[n] != '\t'))
		return NULL;
	const char *p = line + n;
	while (*p == ' ' || *p == '\t')
		p++;
	size_t len;
	if (*p == '"' || *p == '`')
		len = strcspn(++p, "\"`");
	else
		len = strcspn(p, " \t\r");
	return len ? xstrndup(p, len) : NULL;
}

static void read_go_mod(Loader *ld, const char *dir)
{
	size_t len;
	char *text = read_all(xsprintf("%s/go.mod", dir), &len);
	if (!text)
		return;
	ld->mod_dir = dir;
	bool in_require = false;
	for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
		while (*line == ' ' || *line == '\t')
			line++;
		const char *arg;
		if ((arg = gomod_arg(line, "module")))
			ld->mod_path = arg;
		else if (in_require && *line == ')')
			in_require = false;
		else if (has_prefix(line, "require") && strchr(line, '('))
			in_require = true;
		else if ((arg = gomod_arg(line, "require")))
			vec_push(&ld->mod_requires, (void *)arg);
		else if (in_require && *line && !has_prefix(line, "//"))
			vec_push(&ld->mod_requires, xstrndup(line, strcspn(line, " \t")));
	}
}

/* The go.mod in dir or the nearest directory above it decides the main module, once. */
static void find_module(Loader *ld, const char *dir)
{
	if (ld->module_known)
		return;
	ld->module_known = true;
	for (const char *d = dir;;) {
		if (access(xsprintf("%s/go.mod", d), F_OK) == 0) {
			read_go_mod(ld, d);
			return;
		}
		const char *slash = strrchr(d, '/');
		if (!slash || slash == d)
			return;
		d = xstrndup(d, (size_t)(slash - d));
	}
}

/* ---- one directory ----------------------------------------------------------------------------- */

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The .go files of dir (regular files or symlinks to them), in name order. */
static bool list_go_files(const char *dir, Vec *names)
{
	DIR *d = opendir(dir);
	if (!d)
		return false;
	for (struct dirent *e; (e = readdir(d));) {
		if (!has_suffix(e->d_name, ".go") || is_dir(xsprintf("%s/%s", dir, e->d_name)))
			continue;
		vec_push(names, xstrdup(e->d_name));
	}
	closedir(d);
	vec_sort(names, cmp_str);
	return true;
}

typedef struct DirScan {
	LoadPackage *pkg;
	const char *first_file; /* the file that fixed the package name */
	bool excluded;          /* some .go file was left out by its name or constraints */
	bool all_files;         /* named files: constraints do not apply (UseAllFiles) */
} DirScan;

static void set_error(LoadPackage *pkg, const char *msg)
{
	if (!pkg->error)
		pkg->error = msg;
}

/* matchFile and the package-name check of go/build's Import, for one file. */
static void scan_file(DirScan *ds, const char *name)
{
	LoadPackage *pkg = ds->pkg;
	if (name[0] == '_' || name[0] == '.')
		return;
	if (!ds->all_files && !loader_name_ok(name)) {
		ds->excluded = true;
		return;
	}
	const char *path = xsprintf("%s/%s", pkg->dir, name);
	size_t len;
	char *text = read_all(path, &len);
	if (!text) {
		set_error(pkg, xsprintf("open %s: %s", path, strerror(errno)));
		return;
	}
	const char *err;
	bool ok = loader_should_build(text, len, &err);
	if (err) {
		set_error(pkg, xsprintf("%s: %s", name, err));
		return;
	}
	if (!ok && !ds->all_files) {
		ds->excluded = true;
		return;
	}
	FileHeader h;
	bool is_test = has_suffix(name, "_test.go");
	if (!loader_scan_header(text, len, &h)) {
		if (!is_test) /* kept: the parser reports what is wrong with it */
			vec_push(&pkg->files, (void *)name);
		return;
	}
	if (strcmp(h.package, "documentation") == 0 || h.imports_c) { /* cgo files: cgo is off */
		ds->excluded = true;
		return;
	}
	const char *pname = h.package;
	if (is_test && has_suffix(pname, "_test") && (!pkg->name || strcmp(pkg->name, pname) != 0))
		pname = xstrndup(pname, strlen(pname) - 5); /* an external test package */
	if (!pkg->name) {
		pkg->name = pname;
		ds->first_file = name;
	} else if (strcmp(pkg->name, pname) != 0) {
		set_error(pkg, xsprintf("found packages %s (%s) and %s (%s) in %s", pkg->name, ds->first_file,
					pname, name, pkg->dir));
	}
	if (is_test)
		return;
	vec_push(&pkg->files, (void *)name);
	for (int i = 0; i < h.imports.len; i++) {
		LoadImport *imp = h.imports.data[i];
		imp->file = path;
		vec_push(&pkg->specs, imp);
	}
}

/* The sorted, unique import paths of the package's specs (before resolution). */
static void collect_imports(LoadPackage *pkg)
{
	Vec all = {0};
	for (int i = 0; i < pkg->specs.len; i++)
		vec_push(&all, (void *)((LoadImport *)pkg->specs.data[i])->path);
	vec_sort(&all, cmp_str);
	for (int i = 0; i < all.len; i++)
		if (i == 0 || strcmp(all.data[i], all.data[i - 1]) != 0)
			vec_push(&pkg->imports, all.data[i]);
}

static LoadPackage *new_package(Loader *ld, const char *path, const char *dir, LoadOrigin origin)
{
	LoadPackage *pkg = xnew(LoadPackage);
	pkg->path = intern(path, strlen(path));
	pkg->dir = dir;
	pkg->origin = origin;
	pkg->standard = origin == LOAD_STDLIB || origin == LOAD_GOROOT;
	vec_push(&ld->packages, pkg);
	return pkg;
}

/* Selects the files of pkg->dir (or the named ones) and records imports and errors. */
static void scan_dir(LoadPackage *pkg, Vec *names, bool all_files)
{
	DirScan ds = {.pkg = pkg, .all_files = all_files};
	for (int i = 0; i < names->len; i++)
		scan_file(&ds, names->data[i]);
	collect_imports(pkg);
	if (pkg->files.len || pkg->error)
		return;
	if (pkg->name) /* test files only: a package all the same, which `gocc build` refuses */
		return;
	if (ds.excluded)
		set_error(pkg, xsprintf("build constraints exclude all Go files in %s", pkg->dir));
	else
		set_error(pkg, xsprintf("no Go files in %s", pkg->dir));
}

static LoadPackage *cached(Loader *ld, const char *path)
{
	path = intern(path, strlen(path));
	for (int i = 0; i < ld->packages.len; i++) {
		LoadPackage *p = ld->packages.data[i];
		if (p->path == path)
			return p;
	}
	return NULL;
}

static LoadPackage *load_package(Loader *ld, const char *path, const char *dir, LoadOrigin origin)
{
	LoadPackage *pkg = cached(ld, path);
	if (pkg)
		return pkg;
	pkg = new_package(ld, path, dir, origin);
	Vec names = {0};
	if (!list_go_files(dir, &names))
		set_error(pkg, xsprintf("open %s: %s", dir, strerror(errno)));
	else
		scan_dir(pkg, &names, false);
	return pkg;
}

/* ---- command-line arguments ---------------------------------------------------------------------- */

LoadPackage *loader_load_dir(Loader *ld, const char *dir)
{
	const char *abs = abs_path(dir), *rel;
	if ((rel = inside(abs, ld->goroot_src)) && *rel)
		return load_package(ld, rel, abs, LOAD_GOROOT);
	find_module(ld, abs);
	if (ld->mod_path && (rel = inside(abs, ld->mod_dir)))
		return load_package(ld, *rel ? xsprintf("%s/%s", ld->mod_path, rel) : ld->mod_path, abs, LOAD_MODULE);
	return load_package(ld, xsprintf("_%s", abs), abs, LOAD_DIR);
}

LoadPackage *loader_load_files(Loader *ld, Vec *paths)
{
	const char *dir = NULL;
	Vec names = {0};
	LoadPackage *pkg = xnew(LoadPackage);
	pkg->path = "command-line-arguments";
	pkg->origin = LOAD_FILES;
	for (int i = 0; i < paths->len; i++) {
		const char *p = paths->data[i], *slash = strrchr(p, '/');
		const char *d = slash ? (slash == p ? "/" : xstrndup(p, (size_t)(slash - p))) : ".";
		if (!dir) {
			dir = d;
		} else if (strcmp(dir, d) != 0) {
			set_error(pkg, xsprintf("named files must all be in one directory; have %s and %s", dir, d));
			return pkg;
		}
		vec_push(&names, xstrdup(slash ? slash + 1 : p));
	}
	pkg->dir = abs_path(dir ? dir : ".");
	find_module(ld, pkg->dir);
	scan_dir(pkg, &names, true);
	return pkg;
}

LoadPackage *loader_load_arg(Loader *ld, const char *arg)
{
	if (strcmp(arg, ".") == 0 || strcmp(arg, "..") == 0 || has_prefix(arg, "./") || has_prefix(arg, "../") ||
	    arg[0] == '/')
		return loader_load_dir(ld, arg);
	char cwd[4096];
	if (getcwd(cwd, sizeof cwd))
		find_module(ld, abs_path(cwd));
	LoadImport imp = {.path = arg};
	const char *err = NULL;
	LoadPackage *pkg = loader_resolve(ld, &imp, NULL, &err);
	if (!pkg) {
		pkg = new_package(ld, arg, "", LOAD_DIR);
		pkg->error = err;
	}
	return pkg;
}

/* ---- import paths -------------------------------------------------------------------------------- */

/* A standard-library path: its first element has no dot (cmd/go's search.IsStandardImportPath). */
static bool is_standard_path(const char *path)
{
	size_t n = strcspn(path, "/");
	return memchr(path, '.', n) == NULL;
}

static const char *third_party_error(Loader *ld, const char *path)
{
	for (int i = 0; i < ld->mod_requires.len; i++) {
		const char *m = ld->mod_requires.data[i];
		if (inside(path, m))
			return xsprintf("gocc: package %s is in module %s, required by %s/go.mod: third-party modules "
					"are not supported yet", path, m, ld->mod_dir);
	}
	return xsprintf("gocc: package %s is in no module gocc knows: only the standard library and the main "
			"module%s%s are searched; third-party modules are not supported yet",
			path, ld->mod_path ? " " : "", ld->mod_path ? ld->mod_path : "");
}

/* The package an import path names, seen from `from` (NULL: the command line), or NULL and *err. */
LoadPackage *loader_resolve(Loader *ld, LoadImport *imp, LoadPackage *from, const char **err)
{
	const char *path = imp->path, *rel;
	LoadPackage *pkg = cached(ld, path);
	if (pkg && pkg->origin != LOAD_DIR)
		return pkg;
	if (ld->stdlib && is_standard_path(path) && is_dir(xsprintf("%s/%s", ld->stdlib, path)))
		return load_package(ld, path, xsprintf("%s/%s", ld->stdlib, path), LOAD_STDLIB);
	if (from && from->standard && !is_standard_path(path)) {
		const char *dir = xsprintf("%s/vendor/%s", ld->goroot_src, path);
		if (is_dir(dir))
			return load_package(ld, xsprintf("vendor/%s", path), dir, LOAD_GOROOT);
	}
	const char *goroot_dir = xsprintf("%s/%s", ld->goroot_src, path);
	if (is_standard_path(path) && is_dir(goroot_dir))
		return load_package(ld, path, goroot_dir, LOAD_GOROOT);
	if (ld->mod_path && (rel = inside(path, ld->mod_path))) {
		const char *dir = *rel ? xsprintf("%s/%s", ld->mod_dir, rel) : ld->mod_dir;
		if (is_dir(dir))
			return load_package(ld, path, dir, LOAD_MODULE);
		if (!is_standard_path(path)) { /* go names GOROOT for a dotless path (below) */
			*err = xsprintf("package %s is not in the main module (no directory %s)", path, dir);
			return NULL;
		}
	}
	if (is_standard_path(path))
		*err = xsprintf("package %s is not in GOROOT (%s)", path, goroot_dir);
	else
		*err = third_party_error(ld, path);
	return NULL;
}

/* A path relative to the current directory when it is inside it, as go's messages show files. */
static const char *short_path(const char *path)
{
	char cwd[4096];
	const char *rel;
	if (getcwd(cwd, sizeof cwd) && (rel = inside(path, cwd)) && *rel)
		return rel;
	return path;
}

/* The spec that first imports path, for the message's position. */
static LoadImport *first_spec(LoadPackage *pkg, const char *path)
{
	for (int i = 0; i < pkg->specs.len; i++) {
		LoadImport *imp = pkg->specs.data[i];
		if (strcmp(imp->path, path) == 0)
			return imp;
	}
	return NULL;
}

/* The index in path of its last "internal" element, or -1 (go's findInternal: the last one sets
 * the narrowest tree, so it is the one that decides). */
static int find_internal(const char *path)
{
	size_t n = strlen(path);
	const char *last = NULL;
	for (const char *p = strstr(path, "/internal/"); p; p = strstr(p + 1, "/internal/"))
		last = p;
	if (n >= 9 && strcmp(path + n - 9, "/internal") == 0)
		return (int)(n - 8);
	if (last)
		return (int)(last - path + 1);
	if (strcmp(path, "internal") == 0 || strncmp(path, "internal/", 9) == 0)
		return 0;
	return -1;
}

/* go's disallowInternal: a package under an `internal` element may be imported only from the tree
 * rooted at that element's parent directory. The standard library's internal packages (gocc's own
 * in stdlib/ included) are for standard packages only. */
static bool internal_allowed(LoadPackage *importer, LoadPackage *dep)
{
	int i = find_internal(dep->path);
	if (i < 0)
		return true;
	if (dep->standard)
		return importer->standard;
	/* the parent of `internal`, as a directory: dep->dir minus the path's tail from index i */
	size_t tail = strlen(dep->path) - (size_t)i;
	size_t dlen = strlen(dep->dir);
	if (tail > dlen)
		return false;
	char *parent = xsprintf("%.*s", (int)(dlen - tail), dep->dir);
	size_t plen = strlen(parent);
	if (plen > 1 && parent[plen - 1] == '/')
		parent[plen - 1] = 0;
	return inside(importer->dir, parent) != NULL;
}

void loader_import_all(Loader *ld, LoadPackage *pkg)
{
	if (pkg->resolved)
		return;
	pkg->resolved = true; /* import cycles end here; the checker reports them */
	Vec resolved = {0};
	for (int i = 0; i < pkg->imports.len; i++) {
		LoadImport *imp = first_spec(pkg, pkg->imports.data[i]);
		const char *err = NULL;
		LoadPackage *dep = loader_resolve(ld, imp, pkg, &err);
		if (!dep) {
			const char *msg = xsprintf("%s:%d:%d: %s", short_path(imp->file), imp->line, imp->col, err);
			pkg->import_error = pkg->import_error ? xsprintf("%s\n%s", pkg->import_error, msg) : msg;
			continue;
		}
		if (!pkg->use_error && !internal_allowed(pkg, dep))
			pkg->use_error = xsprintf("%s:%d:%d: use of internal package %s not allowed",
						  short_path(imp->file), imp->line, imp->col, dep->path);
		vec_push(&pkg->deps, dep);
		vec_push(&resolved, (void *)dep->path);
	}
	pkg->imports = resolved;
	for (int i = 0; i < pkg->deps.len; i++)
		loader_import_all(ld, pkg->deps.data[i]);
}

static void deps_rec(LoadPackage *pkg, Vec *out)
{
	if (pkg->visited)
		return;
	pkg->visited = true;
	for (int i = 0; i < pkg->deps.len; i++)
		deps_rec(pkg->deps.data[i], out);
	vec_push(out, pkg);
}

void loader_deps(Vec *roots, Vec *out)
{
	for (int i = 0; i < roots->len; i++)
		deps_rec(roots->data[i], out);
	for (int i = 0; i < out->len; i++)
		((LoadPackage *)out->data[i])->visited = false;
}
