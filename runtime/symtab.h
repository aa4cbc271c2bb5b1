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

#endif
