/*
 * backend.h: the interface from the driver to the LLVM half of gocc (lower*.c, debuginfo.c, emit.c).
 *
 * lower_package turns a checked Package into an LLVM module (one module per program); emit.c runs
 * the optimisation pipeline and writes IR, assembly or an object file (the driver links it). Only
 * files behind this header include llvm-c headers.
 */
#ifndef GOCC_BACKEND_H
#define GOCC_BACKEND_H

#include "types.h"

typedef struct Options {
	int opt_level;          /* -O0 .. -O3, default 2 */
	bool emit_llvm;         /* -emit-llvm: write textual IR instead of linking */
	bool emit_asm;          /* -S: write assembly instead of linking */
	const char *output;     /* -o */
	const char *dump;       /* -d letters: A ast, T types, I IR before opt, O IR after opt */
	const char *runtime_lib;/* path of libgocc_rt.a (found next to the gocc executable) */
} Options;

typedef struct Module Module; /* opaque wrapper around an LLVMModuleRef and its context */

/* Lowers the checked package. Unsupported constructs are reported with unsupported_at; the result
 * is then unusable (check error_count()). */
Module *lower_package(Package *pkg, const Options *opts);

/* Optimises (opts->opt_level) and writes: textual IR (-emit-llvm), assembly (-S), or an object
 * file at `path`. Returns false (after printing why) on failure. */
bool emit_module(Module *m, const Options *opts, const char *path);

#endif
