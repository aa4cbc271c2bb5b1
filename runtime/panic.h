/*
 * panic.h: panics, runtime errors and fatal errors (panic.c, error.c, signal_linux.c).
 *
 * Three ways to die, as in Go:
 *  - a Go panic (runtime_gopanic): runs the goroutine's deferred calls (defer.c), which may recover
 *    it; unrecovered it prints `panic: <value>`, a blank line and the goroutine's traceback, then
 *    exits with status 2;
 *  - a runtime error (index out of range, nil dereference, ...): a Go panic whose value is a
 *    runtime.Error value (errorString, plainError, boundsError, *TypeAssertionError; error.c builds
 *    them from a RuntimeError record), printed through its Error() text `runtime error: ...`;
 *  - a fatal error (panic_throw): a runtime bug or an unrecoverable condition, `fatal error: <msg>`.
 *
 * Invariants.
 *  - Nothing on the fatal paths allocates: messages are static strings or printed piece by piece
 *    through print.c's static buffer (HOUSE-STYLE "never allocate on a fatal path"); panic_throw is
 *    async-signal-safe. Raising a runtime error may allocate (a boundsError is boxed on the heap, as
 *    in Go); that runs on the goroutine's stack, never inside a signal handler.
 *  - A RuntimeError is the record the runtime fills in where an error is detected; error_box turns
 *    it into the Go value that recover() returns and Error() formats.
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

/* The Go value (an error interface's dynamic type and data word) of the runtime error e. Static
 * messages are not copied; a boundsError is boxed with mallocgc. */
GoEface error_box(const RuntimeError *e);

/* A failed type assertion (*runtime.TypeAssertionError; iface NULL = "interface", concrete NULL =
 * the value was nil, missing = "" unless asserting to an interface). Allocates the record. */
GoEface error_type_assertion(const GoType *iface, const GoType *concrete, const GoType *asserted,
			     GoString missing);

/* Whether e's dynamic type is one of the runtime's error types (errorString, plainError,
 * boundsError, *TypeAssertionError). */
bool error_print_known(GoEface e);

/* If error_print_known(e), prints its Error() text with print.c (no allocation) and returns true;
 * else returns false. */
bool error_print(GoEface e);

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

/* ---- panics (panic.c) and deferred calls (defer.c) ---- */

/* A deferred call (Go's _defer), RT_DEFER_SIZE bytes: on the stack of the deferring function
 * (deferprocStack) or on the heap (deferproc). Guarded by: owned by its goroutine. */
typedef struct Defer {
	void *fn;                  /* the func() closure to call: *(void (**)(void *))fn is the code */
	struct DeferFrame *frame;  /* the deferring call's frame record */
	struct Defer *link;        /* the next older deferred call of the goroutine */
	struct Panic *panic;       /* the panic running this call, or NULL */
	uint32_t started;          /* a panic has started this call */
	uint32_t heap;             /* deferproc's record: back to the free list once unlinked */
} Defer;

/* The record of a call of a function with open-coded defers (deferprocOpen): fn is NULL, frame the
 * jump buffer or NULL (no deferred call of the function can recover), bit i of bits set while the
 * deferred call slots[i] is pending. One per call, in its frame; the compiler sets bits and slots. */
typedef struct OpenDefer {
	Defer d;
	uint8_t bits;              /* offset RT_OPEN_DEFER_BITS */
	void *slots[];             /* offset RT_OPEN_DEFER_SLOTS: func() closures, at most 8 */
} OpenDefer;

/* The frame record of a call of a deferring function (RT_DEFER_FRAME_SIZE bytes, in its frame):
 * the registers runtime_deferframe saved, restored by defer_resume (asm_amd64.S). */
typedef struct DeferFrame {
	uintptr_t rbx, rbp, r12, r13, r14, r15, rsp, pc;
} DeferFrame;

/* One panic in progress on a goroutine (Go's _panic). Lives on the panicking goroutine's stack. */
typedef struct Panic {
	GoEface arg;          /* the value passed to panic() */
	struct Panic *link;   /* the earlier panic this one interrupted */
	void *defer_fp;       /* frame address of the runtime frame calling the current deferred call:
			       * recover() is valid in the function whose saved frame pointer equals it */
	bool recovered;       /* recover() was called for it */
	bool aborted;         /* a later panic ran past the deferred call this one was running */
	bool goexit;          /* runtime.Goexit (scheduler issue): run defers, never printed */
} Panic;

/* The panic/defer state of a goroutine: the first field of its G (scheduler.h). */
typedef struct PanicState {
	Defer *defer;         /* newest deferred call first */
	Panic *panic;         /* newest panic first */
	bool has_sig;         /* a hardware fault caused a panic in progress (Go's g.sig != 0) */
	SigContext sig;
} PanicState;

/* The running goroutine (scheduler.h's sched_getg): sched_curg (proc.c) read through %fs each time,
 * since a goroutine that parks may resume on another thread. panic_g is its PanicState. */
extern __thread struct G *sched_curg;
static inline struct G *proc_curg(void)
{
	struct G *gp;
#if defined(__x86_64__)
	__asm__("movq %%fs:sched_curg@tpoff, %0" : "=r"(gp));
#else
	gp = *(struct G *volatile *)&sched_curg;
#endif
	return gp;
}
#define panic_g (*(PanicState *)proc_curg()) /* the first field of G */

/* The id of the running goroutine, for `goroutine N [running]:` (proc.c). */
uint64_t proc_goid(void);

/* A recovered panic resumes a frame whose stack pointer is sp: make its stack segment current
 * (stack.c). */
void stack_unwind(void *sp);

/* Raises the runtime error e (a Go panic); sig is the fault that caused it, or NULL. */
RUNTIME_NORET void panic_rterror(const RuntimeError *e, const SigContext *sig);

/* gopanic with a hardware fault recorded (NULL: none). */
RUNTIME_NORET void panic_raise(GoEface v, const SigContext *sig);

/* Runs the goroutine's deferred calls for p (defer.c): returns when none is left and no call
 * recovered; if one recovered, resumes its deferring frame and does not return. */
void defer_run_panic(Panic *p);

/* Calls the func() closure fn (defer.c); with p non-NULL, as the deferred call of panic p. */
void defer_call(Panic *p, void *fn);

/* Pushes d running fn for frame on the goroutine's defer list (defer.c). */
void defer_push(Defer *d, DeferFrame *frame, void *fn);

/* Jumps back into a deferring function: its runtime_deferframe call returns 1 (asm_amd64.S). */
RUNTIME_NORET void defer_resume(DeferFrame *frame);

/* If e's dynamic type implements inter (`error` or `interface { String() string }`), calls its one
 * method, stores the result in *out and returns true (iface.c). Used to print panic values. */
bool iface_call_string_method(const GoType *inter, GoEface e, GoString *out);

/* Fatal errors: `fatal error: msg`, traceback, exit 2. The _sig form prints the signal line too;
 * the _str form appends a Go string to msg. */
RUNTIME_NORET void panic_throw_str(const char *msg, GoString s);
RUNTIME_NORET void panic_throw(const char *msg);
RUNTIME_NORET void panic_throw_sig(const char *msg, const SigContext *sig);

/* Marks the process as dying (Go's startpanic_m). Returns false if it already was: a fault while
 * printing a panic must not print forever. */
bool panic_start_dying(void);

/* Go's runningPanicDefers and panicking (panic.c), for main.main's return (sched_main_return);
 * defer.c's recovery calls panic_recovered_count. */
uint32_t panic_running_defers(void);
uint32_t panic_panicking(void);
void panic_recovered_count(void);

/* After the message lines: the signal line, the traceback if the level asks for it, flush, exit 2
 * (or SIGABRT with GOTRACEBACK=crash). `is_throw` forces the system level, as Go does for throws. */
RUNTIME_NORET void panic_finish(const SigContext *sig, bool is_throw);

#endif
