/*
 * signal_linux.c: synchronous faults become Go panics or fatal errors (Go's signal_unix.go,
 * signal_amd64.go: sighandler, sigpanic, preparePanic).
 *
 * A handler for SIGSEGV, SIGBUS and SIGFPE runs on an alternate signal stack (so it still works
 * when the fault is a stack overflow) and classifies the fault the way go1.19 does:
 *  - sent by kill/tgkill: not a fault at all: `SIGSEGV: segmentation violation`, `PC=... m=0
 *    sigcode=...`, traceback, exit 2 (Go's _SigThrow path; its register dump is not printed yet);
 *  - SIGSEGV with si_code 0/MAPERR/ACCERR, or SIGBUS with BUS_ADRERR, at an address below 4096 (the
 *    nil page): a nil dereference panic, `runtime error: invalid memory address or nil pointer
 *    dereference` plus `[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x...]`;
 *  - SIGFPE: integer divide by zero / integer overflow / floating point error panics (cannot happen
 *    with gocc's explicit division checks, but a stray trap still reports like Go);
 *  - a fault close to the stack pointer: the stack ran into its guard; `fatal error: stack overflow`
 *    (v0 runs Go code on the main thread's stack, whose size is RLIMIT_STACK);
 *  - any other address: `unexpected fault address 0x...` and `fatal error: fault` plus the signal line.
 *
 * SIGPIPE is caught and dropped, as Go's sighandler drops it (its sigtable entry is _SigNotify only):
 * the runtime's own writes (print, println, panic messages) to a closed pipe fail with EPIPE, which
 * print.c ignores, and the program carries on, so `./prog 2>&1 | head -1` ends with the program's
 * status, not death by SIGPIPE. A handler rather than SIG_IGN, because an ignored disposition would be
 * inherited by programs this one executes and a caught one is reset by exec. (Go's os package raises
 * SIGPIPE itself for EPIPE on fds 1 and 2; that belongs to os.File writes, when gocc has them.)
 *
 * Panics are not raised inside the handler. Like Go, the handler rewrites the interrupted context so
 * that, when it returns, the thread resumes in signal_sigpanic_tramp (asm_amd64.S) on its own stack,
 * with the faulting pc pushed as a fake return address: the frame looks like a call from the faulting
 * instruction. That keeps the panic on the goroutine's stack, where the later defer/recover issue can
 * unwind to a recovering frame, and lets a frame-pointer traceback start at the faulting function.
 * Returning from the handler also restores the signal mask, which longjmp-ing out would not.
 * When pc is 0 (a call through a nil func value) nothing is pushed: the call's own return address is
 * already on the stack and names the caller, as Go's shouldPushSigpanic does.
 * The fatal cases are reported directly from the handler: they never return, and a stack overflow
 * leaves no room on the faulting stack to do anything else.
 *
 * Rejected: sigsetjmp/siglongjmp around main (loses the faulting frame and cannot resume at a
 * recovering defer); reporting panics inside the handler (works for v0's exit-only panics but would
 * have to be rewritten for recover).
 *
 * Threads: every M has its own alternate signal stack (signal_minit, mapped when the M starts; m0
 * uses the static one) and the pending fault is thread-local, since the handler and signal_sigpanic
 * run on the faulting thread. Handlers are C, so Go's split-stack check never runs in them, and the
 * interrupted goroutine's %fs:0x70 limit is left as it was.
 *
 * Invariant: the handler touches only static or thread-local memory and async-signal-safe calls
 * (write, getrlimit).
 */
#include <signal.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <ucontext.h>

#include "panic.h"
#include "print.h"
#include "malloc.h" /* mstats_stack */
#include "scheduler.h"

#define SIGNAL_STACK_SIZE (64 << 10)
/* A fault within this distance of the stack pointer is taken to be a stack overflow. */
#define STACK_GUARD_REACH ((uintptr_t)256 << 10)
#define NIL_PAGE 0x1000

void signal_sigpanic_tramp(void);
RUNTIME_NORET void signal_sigpanic(void);

static uint8_t signal_stack[SIGNAL_STACK_SIZE] __attribute__((aligned(16)));

/* The fault signal_sigpanic is about to raise; written by the handler just before it resumes the
 * thread in the trampoline, read once there (v0: one thread; later g.sig, g.sigcode0 ...). */
static __thread SigContext sig_pending;

const char *signal_name(int sig)
{
	switch (sig) {
	case SIGSEGV: return "SIGSEGV: segmentation violation";
	case SIGBUS: return "SIGBUS: bus error";
	case SIGFPE: return "SIGFPE: floating-point exception";
	default: return NULL;
	}
}

/* Go's condition in sigpanic for turning a fault into panicmem. */
static bool is_nil_fault(const SigContext *sc)
{
	if (sc->addr >= NIL_PAGE)
		return false;
	if (sc->sig == SIGSEGV)
		return sc->code == 0 || sc->code == SEGV_MAPERR || sc->code == SEGV_ACCERR;
	return sc->sig == SIGBUS && sc->code == BUS_ADRERR;
}

/* kill -SEGV and friends: Go throws without the fault interpretation. */
static RUNTIME_NORET void die_from_user_signal(const SigContext *sc)
{
	panic_start_dying();
	runtime_printlock();
	print_cstr(signal_name(sc->sig));
	print_cstr("\nPC=");
	print_hex(sc->pc);
	print_cstr(" m=0 sigcode=");
	runtime_printuint(sc->code);
	print_cstr("\n");
	runtime_printunlock();
	panic_finish(NULL, true);
}

static RUNTIME_NORET void stack_overflow(void)
{
	struct rlimit rl;
	panic_start_dying();
	runtime_printlock();
	if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY) {
		print_cstr("runtime: goroutine stack exceeds ");
		runtime_printuint(rl.rlim_cur);
		print_cstr("-byte limit\n");
	}
	print_cstr("fatal error: stack overflow\n");
	runtime_printunlock();
	panic_finish(NULL, true);
}

static RUNTIME_NORET void bad_fault(const SigContext *sc, uintptr_t sp)
{
	if (sc->addr - sp + STACK_GUARD_REACH < 2 * STACK_GUARD_REACH)
		stack_overflow();
	runtime_printlock();
	print_cstr("unexpected fault address ");
	print_hex(sc->addr);
	print_cstr("\n");
	runtime_printunlock();
	panic_throw_sig("fault", sc);
}

/* Resume the thread in signal_sigpanic_tramp as if the faulting instruction had called it. */
static void push_sigpanic(greg_t *regs)
{
	uintptr_t pc = (uintptr_t)regs[REG_RIP];
	if (pc != 0) {
		uintptr_t *sp = (uintptr_t *)regs[REG_RSP];
		*--sp = pc;
		regs[REG_RSP] = (greg_t)sp;
	}
	regs[REG_RIP] = (greg_t)(uintptr_t)signal_sigpanic_tramp;
}

static void sighandler(int sig, siginfo_t *info, void *ctx)
{
	greg_t *regs = ((ucontext_t *)ctx)->uc_mcontext.gregs;
	SigContext sc = {
		.sig = sig,
		.code = (uintptr_t)(intptr_t)info->si_code, /* Go prints it sign-extended */
		.addr = (uintptr_t)info->si_addr,
		.pc = (uintptr_t)regs[REG_RIP],
	};
	if (info->si_code == SI_USER || info->si_code == SI_TKILL)
		die_from_user_signal(&sc);
	if (sig != SIGFPE && !is_nil_fault(&sc))
		bad_fault(&sc, (uintptr_t)regs[REG_RSP]);
	sig_pending = sc;
	push_sigpanic(regs);
}

/* Runs on the faulting thread's stack, called from signal_sigpanic_tramp (Go's sigpanic). */
void signal_sigpanic(void)
{
	static const RuntimeError memory = {.kind = ERR_STRING,
					    .msg = "invalid memory address or nil pointer dereference"};
	static const RuntimeError divide = {.kind = ERR_STRING, .msg = "integer divide by zero"};
	static const RuntimeError overflow = {.kind = ERR_STRING, .msg = "integer overflow"};
	static const RuntimeError floating = {.kind = ERR_STRING, .msg = "floating point error"};
	SigContext sc = sig_pending;
	if (sc.sig != SIGFPE)
		panic_rterror(&memory, &sc);
	if (sc.code == FPE_INTDIV)
		panic_rterror(&divide, &sc);
	if (sc.code == FPE_INTOVF)
		panic_rterror(&overflow, &sc);
	panic_rterror(&floating, &sc);
}

static void sigpipe_handler(int sig)
{
}

/* A new M's alternate signal stack (the M keeps it until the process ends). */
void signal_minit(M *mp)
{
	void *p = mmap(NULL, SIGNAL_STACK_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		panic_throw("signal_minit: cannot allocate the signal stack");
	mp->sigstack = p;
	mstats_stack(0, SIGNAL_STACK_SIZE); /* MemStats.StackSys */
	stack_t ss = {.ss_sp = p, .ss_size = SIGNAL_STACK_SIZE};
	sigaltstack(&ss, NULL);
}

/* An exiting M's: stop using its alternate stack and unmap it. */
void signal_munit(M *mp)
{
	stack_t ss = {.ss_flags = SS_DISABLE};
	sigaltstack(&ss, NULL);
	munmap(mp->sigstack, SIGNAL_STACK_SIZE);
	mstats_stack(0, -SIGNAL_STACK_SIZE);
	mp->sigstack = NULL;
}

void signal_init(void)
{
	stack_t ss = {.ss_sp = signal_stack, .ss_size = sizeof signal_stack};
	sigaltstack(&ss, NULL);

	struct sigaction sa = {.sa_sigaction = sighandler, .sa_flags = SA_SIGINFO | SA_ONSTACK | SA_RESTART};
	sigfillset(&sa.sa_mask);
	sigaction(SIGSEGV, &sa, NULL);
	sigaction(SIGBUS, &sa, NULL);
	sigaction(SIGFPE, &sa, NULL);

	struct sigaction pipe = {.sa_handler = sigpipe_handler, .sa_flags = SA_ONSTACK | SA_RESTART};
	sigemptyset(&pipe.sa_mask);
	sigaction(SIGPIPE, &pipe, NULL);
}
