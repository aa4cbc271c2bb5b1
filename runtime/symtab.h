/*
 * symtab.h: the program's package records (symtab.c).
 *
 * Invariants.
 *  - The records are constants the compiler emitted (one GoPackage per compiled package, in the
 *    ELF section gocc_packages); the runtime never writes to them.
 *  - The array is complete at program start: nothing registers packages at run time.
 */
#ifndef GOCC_RUNTIME_SYMTAB_H
#define GOCC_RUNTIME_SYMTAB_H

#include "runtime.h"

/* The package records of the program, *n of them (NULL and 0 if it has none). */
const GoPackage *symtab_packages(size_t *n);

/* The record of the package with import path `path`, or NULL. */
const GoPackage *symtab_find_package(GoString path);

/* ---- the pc table (pctab.h, written by the driver at link time) ---- */
#include "pctab.h"

/* One logical frame: a function, or a call LLVM inlined into it (inlined: the callee's name). */
typedef struct {
	GoString name, file;
	int64_t line;
	uintptr_t entry;   /* of the physical function */
	bool inlined;
	int kind;          /* PCFUNC_* of the physical function */
	uint32_t flags;    /* PCFLAG_* of the physical function */
} SymFrame;

/* The function containing pc (exact) into *out; false if none. */
bool symtab_findfunc(uintptr_t pc, PcFunc *out);
/* The logical frames at pc (exact: the instruction itself), innermost first, at most max: inlined
 * callees at their lines, then each caller at its call line, the physical function last. 0 if pc
 * is in no function of the table. */
int symtab_frames(uintptr_t pc, SymFrame *out, int max);
/* The logical frames above the frame whose frame pointer is fp, as go1.19 lists them (runtime.Callers;
 * the walk follows saved frame pointers, passes over C frames the table does not know and ends as
 * gc's stacks end, at runtime.goexit): inlined calls expanded (the
 * outer frames of one return address tagged with their depth in the pc's top byte), compiler-made
 * wrappers dropped, package initialisation shown as runtime.doInit; skip of them skipped. */
int symtab_logical_callers(void **fp, intgo skip, uintptr_t *pcs, intgo max);
/* The one logical frame a (tagged) pc of symtab_logical_callers stands for, looked up at pc-1 unless
 * exact (or pc is an entry); *look_pc receives the pc looked up (tagged). False if none. */
bool symtab_frame(uintptr_t tagged, bool exact, SymFrame *out, uintptr_t *look_pc);
/* A compiler-made wrapper's name (X·ptrwrap, X-fm, ...), of which go1.19 shows no frame. */
bool symtab_is_wrapper(GoString name);

#endif
