/*
 * loader.h: from directories, file names and import paths to packages and their files.
 *
 * The loader is gocc's `go list`: it decides which files make up a package (go1.19's build
 * constraints, constraint.c), reads each file's package clause and imports without parsing it
 * (scan.c), resolves import paths (gocc's stdlib/ override, then GOROOT's src and its vendor
 * directory, then the main module named by a go.mod above the sources) and walks the import graph
 * (loader.c). It depends on base/ only, reads no file twice and builds no syntax tree; the driver
 * hands the chosen files to the parser.
 *
 * Errors are go's texts (`found packages main (a.go) and foo (b.go) in DIR`, `package P is not in
 * GOROOT (DIR)`, ...), kept on the package (LoadPackage.error) or on the import (LoadImport.error)
 * for the driver to print; the loader itself never prints or exits.
 */
#ifndef GOCC_LOADER_H
#define GOCC_LOADER_H

#include "common.h"

/* Where a package's files come from. */
typedef enum LoadOrigin {
	LOAD_FILES,   /* files named on the command line: "command-line-arguments" */
	LOAD_DIR,     /* a directory outside any module, named on the command line */
	LOAD_STDLIB,  /* gocc's own version of a standard package (stdlib/PATH), replacing GOROOT's */
	LOAD_GOROOT,  /* GOROOT/src/PATH (or GOROOT/src/vendor/PATH) */
	LOAD_MODULE,  /* a package of the main module */
} LoadOrigin;

/* An import spec of a file: the path as written and where (for messages). */
typedef struct LoadImport {
	const char *path;
	const char *file; /* the importing file's path */
	int line, col;    /* of the path literal, 1-based, col in bytes */
} LoadImport;

typedef struct LoadPackage {
	const char *path;     /* import path ("fmt", "example.com/m/util", "command-line-arguments") */
	const char *name;     /* the package clause; NULL when no file was selected */
	const char *dir;      /* absolute directory */
	LoadOrigin origin;
	bool standard;        /* from the standard library (GOROOT or stdlib/) */
	Vec files;            /* const char*: selected .go files, base names in name order (GoFiles) */
	Vec imports;          /* const char*: resolved import paths, sorted, unique (Imports) */
	Vec specs;            /* LoadImport*: every import spec of the selected files, file order */
	Vec deps;             /* LoadPackage*: the packages of `imports`, same order; set by loader_import_all */
	const char *error;    /* the package's first error (go's text), or NULL */
	const char *import_error; /* the imports that cannot be resolved, "FILE:L:C: msg" lines, or NULL */
	const char *use_error;    /* the first import this package may not use (an internal package of
				   * another tree): "FILE:L:C: use of internal package P not allowed" */
	bool resolved;        /* loader_import_all has run */
	bool visited;         /* loader_deps bookkeeping */
} LoadPackage;

typedef struct Loader Loader;

/* goroot: GOROOT (its src/ is searched); stdlib: gocc's override directory (may be NULL). */
Loader *loader_new(const char *goroot, const char *stdlib);
const char *loader_goroot(Loader *ld);

/* A directory named on the command line (`gocc build DIR`, `gocc list ./x`). */
LoadPackage *loader_load_dir(Loader *ld, const char *dir);
/* Files named on the command line: build constraints are not applied (go's UseAllFiles). The files
 * must share one directory; a different one gives error "named files must all be in one
 * directory; have D1 and D2". */
LoadPackage *loader_load_files(Loader *ld, Vec *paths);
/* An import path as `gocc list PATH` means it (relative paths "./x" are directories). */
LoadPackage *loader_load_arg(Loader *ld, const char *arg);
/* The package an import path names, seen from `from` (NULL: the command line); NULL and *err
 * (go's text, or gocc's for third-party modules) if there is none. */
LoadPackage *loader_resolve(Loader *ld, LoadImport *imp, LoadPackage *from, const char **err);
/* Resolves pkg's imports, and theirs, recursively (each package once). Errors are recorded on
 * the importing package (import_error). */
void loader_import_all(Loader *ld, LoadPackage *pkg);
/* The packages roots depend on, and the roots, dependencies first (go list -deps order). */
void loader_deps(Vec *roots, Vec *out);

/* ---- constraint.c ----------------------------------------------------------------------------- */

bool loader_tag_ok(const char *tag, size_t n);  /* does this build tag hold for gocc? */
bool loader_name_ok(const char *name);          /* _GOOS/_GOARCH file-name suffixes */
/* Does a file with this text belong to the build (its //go:build or // +build lines)? *err is
 * set (and false returned) for a malformed //go:build line or two of them. */
bool loader_should_build(const char *text, size_t len, const char **err);
bool loader_eval_go_build(const char *expr, size_t len, const char **err);

/* ---- scan.c ----------------------------------------------------------------------------------- */

/* The package clause and imports of a Go file, read from its start without parsing the rest. */
typedef struct FileHeader {
	const char *package;  /* NULL if the file does not start with a package clause */
	Vec imports;          /* LoadImport*, in order (file set by the caller) */
	bool imports_c;       /* import "C" (a cgo file; cgo is off) */
} FileHeader;

bool loader_scan_header(const char *text, size_t len, FileHeader *h);

#endif
