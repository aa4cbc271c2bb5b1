/*
 * panic.c: panics and fatal errors (Go's runtime/panic.go and error.go's printany).
 *
 * A panic is a Panic record (panic.h) on the panicking goroutine's stack. gopanic links it at the head
 * of panic_g.panic and runs the goroutine's deferred calls newest first (defer_run_panic, defer.c);
 * if one of them recovers, defer.c resumes the frame that deferred it and gopanic never returns.
 * Otherwise the panic is fatal: preprintpanics turns every value in the chain that is an error or a
 * Stringer into the string its Error/String method returns (user code runs here, so a panic in it
 * must be caught: a special deferred call turns it into `fatal error: panic while printing panic
 * value: ...`, as go1.19's deferred recover does), then fatalpanic prints the chain oldest first
 * (`panic: v`, later ones tab-indented, ` [recovered]` where it applies, Goexit entries skipped),
 * the signal line if a hardware fault caused a panic still in progress, a blank line and the
 * goroutine's traceback, and exits with status 2.
 *
 * The panic value is printed as go1.19's printany does: a value whose dynamic type is the predeclared
 * type itself prints plainly (`42`, `boom`, `+1.500000e+000`); a defined type with a basic underlying
 * kind prints as `main.MyInt(7)` / `main.MyStr("hello")` / `main.C(+1.0e+000+2.0e+000i)`; anything
 * else prints `(<type string>) 0x<data word>`. "Predeclared" is decided by comparing the type string
 * with the kind's basic name, because TFLAG_NAMED is set for `int` too. The runtime's own error
 * values (error.c) are printed by error_print without calling Error(), so printing them allocates
 * nothing.
 *
 * Runtime errors (bounds, nil dereference, division by zero ...) are RuntimeError records (panic.h)
 * raised through panic_rterror, which boxes them into runtime.Error values (error_box): recover()
 * returns them like any other panic value.
 *
 * Tracebacks: the goroutine header `goroutine 1 [running]:`, then the frames (traceback.c, from the pc
 * table of symtab.c).
 *
 * Fatal errors (panic_throw) print `fatal error: <msg>` and then the same tail as a panic; runtime
 * throws always get a traceback (level forced to 2), as in Go, whatever GOTRACEBACK says.
 */
#include "panic.h"

#include <signal.h>
#include <unistd.h>

#include "iface.h"
#include "print.h"
#include "proc.h"
#include "scheduler.h"
#include "traceback.h"

/* Go's m.dying: how many times the fatal path has been entered (v0: one thread). */
static int dying;

/* Go's runningPanicDefers and panicking, read by sched_main_return (proc.c) when main.main returns:
 * the first counts panics running their deferred calls (up on a panic, down when it is recovered or
 * its report starts), the second is set once a fatal report starts printing. */
static uint32_t running_panic_defers, panicking;

uint32_t panic_running_defers(void) { return __atomic_load_n(&running_panic_defers, __ATOMIC_ACQUIRE); }
uint32_t panic_panicking(void) { return __atomic_load_n(&panicking, __ATOMIC_ACQUIRE); }
void panic_recovered_count(void) { __atomic_fetch_sub(&running_panic_defers, 1, __ATOMIC_RELEASE); }

bool panic_start_dying(void)
{
	switch (dying++) {
	case 0:
		__atomic_fetch_add(&panicking, 1, __ATOMIC_RELEASE);
		return true;
	case 1: /* something failed while panicking: print the trace and exit */
		print_cstr("panic during panic\n");
		return false;
	case 2: /* could not even print the trace */
		print_cstr("stack trace unavailable\n");
		print_flush();
		_exit(4);
	default:
		_exit(5);
	}
}

/* Go's crash(): die by SIGABRT, with the default action, so a core dump can be taken. */
static RUNTIME_NORET void crash(void)
{
	struct sigaction sa = {.sa_handler = SIG_DFL};
	sigset_t set;
	sigaction(SIGABRT, &sa, NULL);
	sigemptyset(&set);
	sigaddset(&set, SIGABRT);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	raise(SIGABRT);
	_exit(2);
}

static void print_sigline(const SigContext *sig)
{
	const char *name = signal_name(sig->sig);
	print_cstr("[signal ");
	if (name)
		print_cstr(name);
	else
		print_hex((uint64_t)sig->sig);
	print_cstr(" code=");
	print_hex(sig->code);
	print_cstr(" addr=");
	print_hex(sig->addr);
	print_cstr(" pc=");
	print_hex(sig->pc);
	print_cstr("]\n");
}

typedef struct { const SigContext *sig; bool is_throw; } FinishArgs;
static void finish(void *arg);

/* Go's dopanic_m, then exit. The report is deep (symbol tables): with a full segment's headroom. */
void panic_finish(const SigContext *sig, bool is_throw)
{
	FinishArgs a = {sig, is_throw};
	stack_call_deep(finish, &a);
	__builtin_unreachable();
}

static void finish(void *arg)
{
	const SigContext *sig = ((FinishArgs *)arg)->sig;
	bool is_throw = ((FinishArgs *)arg)->is_throw;
	runtime_printlock();
	if (sig)
		print_sigline(sig);
	int level = proc_env.traceback_level;
	if (is_throw && level < 2)
		level = 2;
	if (level > 0) {
		print_cstr("\ngoroutine ");
		runtime_printuint(proc_goid());
		print_cstr(" [running]:\n");
		traceback_print(level);
	}
	runtime_printunlock();
	print_flush(); /* even if we died inside someone else's print statement */
	if (proc_env.traceback_crash)
		crash();
	_exit(2);
}

/* The basic type name of a kind whose values printany prints plainly, or NULL. */
static const char *basic_name(int kind)
{
	static const char *const names[] = {
		[KIND_BOOL] = "bool", [KIND_INT] = "int", [KIND_INT8] = "int8", [KIND_INT16] = "int16",
		[KIND_INT32] = "int32", [KIND_INT64] = "int64", [KIND_UINT] = "uint", [KIND_UINT8] = "uint8",
		[KIND_UINT16] = "uint16", [KIND_UINT32] = "uint32", [KIND_UINT64] = "uint64",
		[KIND_UINTPTR] = "uintptr", [KIND_FLOAT32] = "float32", [KIND_FLOAT64] = "float64",
		[KIND_COMPLEX64] = "complex64", [KIND_COMPLEX128] = "complex128", [KIND_STRING] = "string",
	};
	return kind < (int)(sizeof names / sizeof names[0]) ? names[kind] : NULL;
}

static bool gostring_is(GoString s, const char *c)
{
	size_t n = __builtin_strlen(c);
	return (size_t)s.len == n && __builtin_memcmp(s.str, c, n) == 0;
}

/* Prints the value at p of a basic kind as print() would (complex with its parentheses). */
static void print_basic_value(int kind, const void *p)
{
	switch (kind) {
	case KIND_BOOL: runtime_printbool(*(const _Bool *)p); break;
	case KIND_INT: case KIND_INT64: runtime_printint(*(const int64_t *)p); break;
	case KIND_INT8: runtime_printint(*(const int8_t *)p); break;
	case KIND_INT16: runtime_printint(*(const int16_t *)p); break;
	case KIND_INT32: runtime_printint(*(const int32_t *)p); break;
	case KIND_UINT: case KIND_UINT64: case KIND_UINTPTR: runtime_printuint(*(const uint64_t *)p); break;
	case KIND_UINT8: runtime_printuint(*(const uint8_t *)p); break;
	case KIND_UINT16: runtime_printuint(*(const uint16_t *)p); break;
	case KIND_UINT32: runtime_printuint(*(const uint32_t *)p); break;
	case KIND_FLOAT32: runtime_printfloat(*(const float *)p); break;
	case KIND_FLOAT64: runtime_printfloat(*(const double *)p); break;
	case KIND_COMPLEX64: runtime_printcomplex(((const float *)p)[0], ((const float *)p)[1]); break;
	case KIND_COMPLEX128: runtime_printcomplex(((const double *)p)[0], ((const double *)p)[1]); break;
	case KIND_STRING: runtime_printstring(*(const GoString *)p); break;
	}
}

/* Go's printanycustomtype: a value of a defined type, or of a non-basic kind. */
static void printanycustomtype(GoEface e)
{
	int kind = type_kind(e.type);
	GoString ts = e.type->string;
	if (!basic_name(kind)) {
		print_cstr("(");
		runtime_printstring(ts);
		print_cstr(") ");
		print_hex((uintptr_t)e.data);
		return;
	}
	runtime_printstring(ts);
	if (kind == KIND_COMPLEX64 || kind == KIND_COMPLEX128) {
		print_basic_value(kind, e.data); /* printcomplex brings its own parentheses */
		return;
	}
	print_cstr(kind == KIND_STRING ? "(\"" : "(");
	print_basic_value(kind, e.data);
	print_cstr(kind == KIND_STRING ? "\")" : ")");
}

/* Go's printany. */
static void printany(GoEface e)
{
	if (e.type == NULL) {
		print_cstr("nil");
		return;
	}
	const char *basic = basic_name(type_kind(e.type));
	if (basic && gostring_is(e.type->string, basic)) {
		print_basic_value(type_kind(e.type), e.data);
		return;
	}
	printanycustomtype(e);
}

static void print_panic_value(const Panic *p)
{
	if (!error_print(p->arg))
		printany(p->arg);
}

/* Go's printpanics: oldest first, each later one on a new line after a tab; Goexit entries are
 * not printed. */
static void printpanics(const Panic *p)
{
	if (p->link) {
		printpanics(p->link);
		if (!p->link->goexit)
			print_cstr("\t");
	}
	if (p->goexit)
		return;
	print_cstr("panic: ");
	print_panic_value(p);
	if (p->recovered)
		print_cstr(" [recovered]");
	print_cstr("\n");
}

/* An unrecovered panic: report and exit (Go's fatalpanic). */
static RUNTIME_NORET void fatalpanic(const Panic *p)
{
	if (panic_start_dying()) {
		__atomic_fetch_sub(&running_panic_defers, 1, __ATOMIC_RELEASE);
		runtime_printlock();
		printpanics(p);
		runtime_printunlock();
	}
	panic_finish(panic_g.has_sig ? &panic_g.sig : NULL, false);
}

/* The deferred call that guards preprintpanics: reached only when an Error/String method panicked
 * and nothing inside it recovered (go1.19's deferred func in preprintpanics). */
static void preprint_failed(void *ctx)
{
	(void)ctx;
	GoEface v = panic_g.panic->arg;
	if (v.type && type_kind(v.type) == KIND_STRING && v.type->string.len == 6 &&
	    __builtin_memcmp(v.type->string.str, "string", 6) == 0)
		panic_throw_str("panic while printing panic value: ", *(const GoString *)v.data);
	runtime_printlock();
	print_cstr("fatal error: panic while printing panic value: type ");
	if (v.type)
		runtime_printstring(v.type->string);
	else
		print_cstr("nil"); /* go1.19 dereferences a nil type here and faults */
	print_cstr("\n");
	runtime_printunlock();
	panic_start_dying();
	panic_finish(NULL, true);
}

static const struct { void (*code)(void *); } preprint_failed_closure = {preprint_failed};

/* Go's preprintpanics: replace error and Stringer values by their method's result, so printing
 * needs no user code. The runtime's own errors are left alone (error_print prints them). */
static void preprintpanics(Panic *p)
{
	Defer guard;
	defer_push(&guard, NULL, (void *)&preprint_failed_closure);
	for (; p; p = p->link) {
		GoString s;
		if (p->goexit || error_print_known(p->arg))
			continue;
		if (iface_call_string_method(&iface_type_error, p->arg, &s) ||
		    iface_call_string_method(&iface_type_stringer, p->arg, &s))
			p->arg = (GoEface){&iface_type_string, runtime_convTstring(s)};
	}
	panic_g.defer = guard.link;
}

/* Go's gopanic: link p, run the deferred calls (which may recover and not come back), else die. */
void panic_raise(GoEface v, const SigContext *sig)
{
	if (sig) {
		panic_g.has_sig = true;
		panic_g.sig = *sig;
	}
	Panic p = {.arg = v, .link = panic_g.panic};
	panic_g.panic = &p;
	__atomic_fetch_add(&running_panic_defers, 1, __ATOMIC_RELEASE);
	defer_run_panic(&p);
	preprintpanics(panic_g.panic);
	fatalpanic(panic_g.panic);
}

void runtime_gopanic(GoEface e)
{
	panic_raise(e, NULL);
}

void panic_rterror(const RuntimeError *e, const SigContext *sig)
{
	panic_raise(error_box(e), sig);
}

void panic_throw_str(const char *msg, GoString s)
{
	runtime_printlock();
	print_cstr("fatal error: ");
	print_cstr(msg);
	runtime_printstring(s);
	print_cstr("\n");
	runtime_printunlock();
	panic_start_dying();
	panic_finish(NULL, true);
}

void panic_throw_sig(const char *msg, const SigContext *sig)
{
	runtime_printlock();
	print_cstr("fatal error: ");
	print_cstr(msg);
	print_cstr("\n");
	runtime_printunlock();
	panic_start_dying();
	panic_finish(sig, true);
}

void panic_throw(const char *msg)
{
	panic_throw_sig(msg, NULL);
}

/* ---- entry points: errors the compiled code detects ---- */

static RUNTIME_NORET void panic_errorstring(const char *msg)
{
	RuntimeError e = {.kind = ERR_STRING, .msg = msg};
	panic_rterror(&e, NULL);
}

void runtime_panicdivide(void)
{
	panic_errorstring("integer divide by zero");
}

void runtime_panicshift(void)
{
	panic_errorstring("negative shift amount");
}

/* A compiler-inserted nil check failed. Go gets here through a real fault, so it prints the signal
 * line; print the one the hardware would have produced, with the caller's pc. */
__attribute__((noinline)) void runtime_panicmem(void)
{
	SigContext sig = {.sig = SIGSEGV, .code = SEGV_MAPERR, .addr = 0,
			  .pc = (uintptr_t)__builtin_return_address(0)};
	RuntimeError e = {.kind = ERR_STRING, .msg = "invalid memory address or nil pointer dereference"};
	panic_rterror(&e, &sig);
}

/* The same for an access that gc's code makes at a small offset from the nil pointer (a field):
 * the hardware reports that address (addr=0x10 for a field at offset 16). */
__attribute__((noinline)) void runtime_panicmemAddr(uintptr_t addr)
{
	SigContext sig = {.sig = SIGSEGV, .code = SEGV_MAPERR, .addr = addr,
			  .pc = (uintptr_t)__builtin_return_address(0)};
	RuntimeError e = {.kind = ERR_STRING, .msg = "invalid memory address or nil pointer dereference"};
	panic_rterror(&e, &sig);
}

void runtime_panicmakeslicelen(void)
{
	panic_errorstring("makeslice: len out of range");
}

void runtime_panicmakeslicecap(void)
{
	panic_errorstring("makeslice: cap out of range");
}

void runtime_panicunsafeslicelen(void)
{
	panic_errorstring("unsafe.Slice: len out of range");
}

void runtime_panicunsafeslicenilptr(void)
{
	panic_errorstring("unsafe.Slice: ptr is nil and len is not zero");
}

/* ---- bounds failures (Go's goPanicIndex ... goPanicSliceConvert, panic.go) ---- */

static RUNTIME_NORET void panic_bounds(int64_t x, bool is_signed, intgo y, BoundsCode code)
{
	RuntimeError e = {.kind = ERR_BOUNDS, .code = code, .is_signed = is_signed, .x = x, .y = y};
	panic_rterror(&e, NULL);
}

void runtime_goPanicIndex(intgo x, intgo y) { panic_bounds(x, true, y, BOUNDS_INDEX); }
void runtime_goPanicIndexU(uintgo x, intgo y) { panic_bounds((int64_t)x, false, y, BOUNDS_INDEX); }
void runtime_goPanicSliceAlen(intgo x, intgo y) { panic_bounds(x, true, y, BOUNDS_SLICE_ALEN); }
void runtime_goPanicSliceAlenU(uintgo x, intgo y) { panic_bounds((int64_t)x, false, y, BOUNDS_SLICE_ALEN); }
void runtime_goPanicSliceAcap(intgo x, intgo y) { panic_bounds(x, true, y, BOUNDS_SLICE_ACAP); }
void runtime_goPanicSliceAcapU(uintgo x, intgo y) { panic_bounds((int64_t)x, false, y, BOUNDS_SLICE_ACAP); }
void runtime_goPanicSliceB(intgo x, intgo y) { panic_bounds(x, true, y, BOUNDS_SLICE_B); }
void runtime_goPanicSliceBU(uintgo x, intgo y) { panic_bounds((int64_t)x, false, y, BOUNDS_SLICE_B); }
void runtime_goPanicSlice3Alen(intgo x, intgo y) { panic_bounds(x, true, y, BOUNDS_SLICE3_ALEN); }
void runtime_goPanicSlice3AlenU(uintgo x, intgo y) { panic_bounds((int64_t)x, false, y, BOUNDS_SLICE3_ALEN); }
void runtime_goPanicSlice3Acap(intgo x, intgo y) { panic_bounds(x, true, y, BOUNDS_SLICE3_ACAP); }
void runtime_goPanicSlice3AcapU(uintgo x, intgo y) { panic_bounds((int64_t)x, false, y, BOUNDS_SLICE3_ACAP); }
void runtime_goPanicSlice3B(intgo x, intgo y) { panic_bounds(x, true, y, BOUNDS_SLICE3_B); }
void runtime_goPanicSlice3BU(uintgo x, intgo y) { panic_bounds((int64_t)x, false, y, BOUNDS_SLICE3_B); }
void runtime_goPanicSlice3C(intgo x, intgo y) { panic_bounds(x, true, y, BOUNDS_SLICE3_C); }
void runtime_goPanicSlice3CU(uintgo x, intgo y) { panic_bounds((int64_t)x, false, y, BOUNDS_SLICE3_C); }
void runtime_goPanicSliceConvert(intgo x, intgo y) { panic_bounds(x, true, y, BOUNDS_CONVERT); }
