/*
 * driver.h: the driver's own modules, between main.c's pipeline and the operating system.
 *
 *   workdir.c  the private directory every intermediate file lives in, and the atomic install of the
 *              one file the user named;
 *   link.c     the link of the program's object with the runtime archive by the system C compiler;
 *   run.c      `gocc run`: the child process, its signals and go run's exit-status rules;
 *   inputs.c   the input file names go accepts;
 *   load.c     the files of the package to build (through compiler/loader/) and `gocc list`;
 *   cache.c    the cache of compiled packages, `gocc clean -cache` and `gocc env`;
 *   deadmethod.c  which methods the linked program can call (the others' code is dropped);
 *   pctab.c    the program's pc table (function names, lines, inlined calls) from a linked
 *              executable's DWARF, as an object for a second link;
 *   elf.c      a linked file mapped and read back, for those two.
 *
 * None of them sees LLVM: emission stays in lower/emit.c.
 */
#ifndef GOCC_DRIVER_H
#define GOCC_DRIVER_H

#include <elf.h>

#include "backend.h"
#include "common.h"
#include "sha256.h"

/* ---- workdir.c ------------------------------------------------------------------------------- */

/* "DIR/name" inside the private work directory, made on first use (mkdtemp under $TMPDIR, default
 * /tmp) and removed, with every file named through here, when gocc exits: normally, by exit(), on
 * a fatal signal or an internal error. */
const char *workdir_path(const char *name);

/* Removes the work directory now (gocc run calls it before exiting with the program's status). */
void workdir_remove(void);

/* Puts the finished file `src` (in the work directory) at `dst` atomically, as go build does:
 * a rename when both are on one file system, else a copy to a temporary name beside `dst` and a
 * rename. A symlink at `dst` is replaced, never written through. False after printing why. */
bool workdir_install(const char *src, const char *dst);

/* Writes all n bytes to fd (retrying short writes and EINTR); false on an error (errno set). */
bool fd_write_all(int fd, const void *data, size_t n);
/* Copies from `from` to its end into `to` (to < 0: only reads), feeding the bytes to hash and
 * counting them in *size when those are not NULL. False on a read or write error. */
bool fd_copy(int from, int to, Sha256 *hash, size_t *size);

/* ---- link.c ---------------------------------------------------------------------------------- */

/* Links the `objects` (one per package, dependencies first) with the runtime archive into the
 * executable `output` (all in the work directory). A runtime archive of another ABI version is one
 * clear line. False after printing. */
bool link_executable(Vec *objects, const char *output, const Options *opts);

/* ---- elf.c ---------------------------------------------------------------------------------- */

typedef struct ElfFile {
	const uint8_t *data; /* the whole file, mapped read-only */
	size_t size;
	const Elf64_Shdr *sh;
	int shnum;
	const char *shstr;
} ElfFile;

bool elf_open(ElfFile *e, const char *path); /* false: unreadable, or not a 64-bit ELF file */
void elf_close(ElfFile *e);
const Elf64_Shdr *elf_section(const ElfFile *e, const char *name); /* NULL if there is none */

/* ---- deadmethod.c ---------------------------------------------------------------------------- */

/* Writes to `script` the linker script defining the method-table symbols of `objects` that the
 * program linked into `exe` needs; returns how many (-1 after printing why it failed). */
int deadmethod_script(Vec *objects, const char *exe, const char *script);

/* ---- pctab.c --------------------------------------------------------------------------------- */

/* Builds the pc table of the linked executable `exe` into the relocatable object `object` (section
 * gocc_pctab); layout receives where exe's code lies, table_size the table's size. False after
 * printing. */
bool pctab_object(const char *exe, const char *object, uint64_t layout[3], size_t *table_size);
/* True if `exe`'s code lies where `layout` says; else prints an internal error. */
bool pctab_check_layout(const char *exe, const uint64_t layout[3]);

/* ---- run.c ----------------------------------------------------------------------------------- */

/* Runs `exe` with `args` as go run does: SIGINT, SIGTERM, SIGHUP and SIGQUIT sent to gocc reach the
 * program; returns 0 if it exited 0, else prints `exit status N` or `signal: NAME` and returns 1. */
int run_program(const char *exe, Vec *args);

/* ---- inputs.c -------------------------------------------------------------------------------- */

/* go's rule for input file names (cmd/go/internal/load SafeArg): a name whose first byte is ASCII
 * must start with a letter, digit, '.', '_' or '/', and no name starts with _cgo_. `label` is the
 * package as go names it in the message (`command-line-arguments`, or the directory argument).
 * Prints go's message and returns false on the first bad name. */
bool inputs_check_names(const char *label, Vec *files);

/* The same rule for the name of a directory built as a package. */
bool inputs_check_dir(const char *label, const char *dir);

/* ---- load.c ---------------------------------------------------------------------------------- */

typedef struct LoadPackage LoadPackage;

/* The files of the package to build: those of dir (when not NULL) chosen by go1.19's rules, else
 * the named .go files, checked as go checks them (one package clause, one directory). Replaces
 * *files with the chosen paths and returns the loaded package; NULL after printing go's message. */
LoadPackage *driver_select_files(const char *dir, Vec *files);
/* Resolves the imports of root, transitively, and lists in *order the packages to compile,
 * dependencies before dependents, root last ("unsafe", the checker's own, left out). False after
 * printing go's message: an unresolvable import, or `import cycle not allowed` with its chain. */
bool driver_import_graph(LoadPackage *root, Vec *order);
/* A loaded package's files as paths to open (relative to the current directory when inside it,
 * as go's messages show them). */
void driver_package_files(LoadPackage *p, Vec *out);
/* gocc list [-deps] [-e] [-f FORMAT] [PACKAGE...]: go list's output for the loader's packages. */
int cmd_list(int argc, char **argv);

/* ---- cache.c --------------------------------------------------------------------------------- */

/* -x: print the steps (cache hits, compilations, the link command) on stderr, as go build -x. */
extern bool driver_trace;
void trace(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* -x: the command line argv (NULL-terminated), as one line. */
void trace_argv(char **argv);

/* The cache directory, made on first use; NULL when caching is off, and *why (if why is not NULL)
 * says why. */
const char *cache_dir(const char **why);
/* The key of a package's object: gocc's identity, the flags that change the object, the import
 * path, the names and contents of its parsed `sources` (SourceFile*) and its dependencies' keys
 * (char*, in import order). NULL when caching is off. */
char *cache_package_key(const char *path, const Options *opts, Vec *sources, Vec *dep_keys);
/* The object cached for key, checked against its recorded size and SHA-256; NULL on a miss (also for
 * a NULL key and a damaged entry, which the next cache_put replaces). */
const char *cache_get(const char *key);
/* Marks key's entry as used now (its files' mtimes, refreshed at most once an hour), as a hit does;
 * for the objects of a program taken whole from the cache. */
void cache_mark_used(const char *key);
/* At most once a day (DIR/trim.txt), removes the entries unused for 5 days, as go's cache does. */
void cache_trim(void);
/* Stores the object file as key's entry, atomically; a failure only costs the next build time. */
void cache_put(const char *key, const char *object);
/* The key of the program linked from objects with `keys` (in link order) and opts->runtime_lib;
 * NULL when caching is off or an object has no key. Its entry is the executable. */
char *cache_link_key(Vec *keys, const Options *opts);
/* Copies a cached file to dst (in the work directory), executable. False on an error. */
bool cache_copy_out(const char *cached, const char *dst);
/* gocc clean -cache: removes every entry. */
int cmd_clean(int argc, char **argv);
/* gocc env [GOCCCACHE]: where the cache is ("off" when there is none). */
int cmd_env(int argc, char **argv);

#endif
