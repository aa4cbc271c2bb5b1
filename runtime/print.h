/*
 * print.h: the runtime's own output (print.c), used by the print/println builtins and by every
 * diagnostic the runtime writes (panics, fatal errors).
 *
 * Invariants.
 *  - All output goes to fd 2 with write(2); no stdio, no allocation: safe in a signal handler.
 *  - Between runtime_printlock and runtime_printunlock output accumulates in one static buffer and is
 *    written by a single write(2) at the outermost unlock (or when the buffer fills), so a print
 *    statement is not torn by other writers. Locks nest (a panic inside a print statement, Go's
 *    printlock is recursive too). Outside a lock, output is written at once.
 */
#ifndef GOCC_RUNTIME_PRINT_H
#define GOCC_RUNTIME_PRINT_H

#include <stddef.h>

#include "runtime.h"

void print_bytes(const void *p, size_t n);
void print_cstr(const char *s);
void print_hex(uint64_t v);

/* Writes out what this thread has buffered (it holds the print lock: inside printlock, at any
 * depth); fatal paths call it before exiting. */
void print_flush(void);

#endif
