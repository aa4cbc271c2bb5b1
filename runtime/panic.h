/*
 * panic.h: panics, runtime errors and fatal errors (panic.c, error.c, signal_linux.c).
 *
 * Three ways to die, as in Go:
 *  - a Go panic (runtime_gopanic): recoverable once defer/recover exist; unrecovered it prints
 *    `panic: <value>`, a blank line and the goroutine's traceback, then exits with status 2;
 *  - a runtime error (index out of range, nil dereference, ...): a Go panic whose value is a
 *    RuntimeError record, printed through its Error() text `runtime error: ...`;
 *  - a fatal error (panic_throw): a runtime bug or an unrecoverable condition, `fatal error: <msg>`.
 *
 * Invariants.
 *  - Nothing on these paths allocates: messages are static strings or formatted into fixed buffers on
 *    the stack, output goes through print.c's static buffer (HOUSE-STYLE "never allocate on a fatal
 *    path"). They are async-signal-safe, so the signal handler may use them.
 *  - A RuntimeError is a plain value (kind code + operands), not a string: the later issue that makes
 *    recover() return a runtime.Error interface boxes this record and implements Error() with
 *    error_format.
 */
#ifndef GOCC_RUNTIME_PANIC_H
#define GOCC_RUNTIME_PANIC_H

#include <stddef.h>

#include "runtime.h"

/* ---- runtime errors (error.c; Go's error.go) ---- */

/* Which Go runtime error type a RuntimeError stands for. */
typedef enum ErrorKind {
	ERR_STRING, /* errorString: Error() = "runtime error: " + msg */
	ERR_PLAIN,  /* plainError: Error() = msg */
	ERR_BOUNDS, /* boundsError: formatted from code, x, y */
} ErrorKind;

/* boundsErrorCode: which index or slice check failed (order as Go's). */
typedef enum BoundsCode {
	BOUNDS_INDEX,       /* s[x], 0 <= x < len(s) failed */
	BOUNDS_SLICE_ALEN,  /* s[?:x], 0 <= x <= len(s) failed */
	BOUNDS_SLICE_ACAP,  /* s[?:x], 0 <= x <= cap(s) failed */
	BOUNDS_SLICE_B,     /* s[x:y], 0 <= x <= y failed */
	BOUNDS_SLICE3_ALEN, /* s[?:?:x], 0 <= x <= len(s) failed */
	BOUNDS_SLICE3_ACAP, /* s[?:?:x], 0 <= x <= cap(s) failed */
	BOUNDS_SLICE3_B,    /* s[?:x:y], 0 <= x <= y failed */
	BOUNDS_SLICE3_C,    /* s[x:y:?], 0 <= x <= y failed */
	BOUNDS_CONVERT,     /* (*[x]T)(s), 0 <= x <= len(s) failed */
} BoundsCode;

typedef struct RuntimeError {
	uint8_t kind;     /* ErrorKind */
	uint8_t code;     /* BoundsCode (ERR_BOUNDS) */
	bool is_signed;   /* ERR_BOUNDS: x is an int (else a uint stored in x's bits) */
	int64_t x;        /* ERR_BOUNDS: the offending index */
	intgo y;          /* ERR_BOUNDS: the bound, known non-negative */
	const char *msg;  /* ERR_STRING, ERR_PLAIN: static text */
} RuntimeError;

/* Longest Error() text plus slack: Go's bound is 99 bytes for boundsError; static strings are short. */
#define ERROR_BUF_SIZE 128

/* Writes e's Error() text into buf (never more than cap bytes, no NUL); returns the length. */
size_t error_format(const RuntimeError *e, char *buf, size_t cap);

/* ---- signal context (signal_linux.c) ---- */

/* The hardware fault behind a panic or fatal error; printed as Go's
 * `[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x...]`. Later this lives in g. */
typedef struct SigContext {
	int sig;          /* SIGSEGV, SIGBUS, SIGFPE */
	uintptr_t code;   /* siginfo si_code */
	uintptr_t addr;   /* siginfo si_addr: the faulting address */
	uintptr_t pc;     /* the faulting instruction */
} SigContext;

/* Installs the SIGSEGV/SIGBUS/SIGFPE handlers on an alternate signal stack. */
void signal_init(void);

/* Go's signame text for the line above: "SIGSEGV: segmentation violation", or NULL. */
const char *signal_name(int sig);

/* ---- panics (panic.c) ---- */

/* Raises the runtime error e (a Go panic); sig is the fault that caused it, or NULL. */
RUNTIME_NORET void panic_rterror(const RuntimeError *e, const SigContext *sig);

/* Fatal errors: `fatal error: msg`, traceback, exit 2. The _sig form prints the signal line too. */
RUNTIME_NORET void panic_throw(const char *msg);
RUNTIME_NORET void panic_throw_sig(const char *msg, const SigContext *sig);

/* Marks the process as dying (Go's startpanic_m). Returns false if it already was: a fault while
 * printing a panic must not print forever. */
bool panic_start_dying(void);

/* After the message lines: the signal line, the traceback if the level asks for it, flush, exit 2
 * (or SIGABRT with GOTRACEBACK=crash). `is_throw` forces the system level, as Go does for throws. */
RUNTIME_NORET void panic_finish(const SigContext *sig, bool is_throw);

#endif
