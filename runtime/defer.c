/*
 * defer.c: deferred calls and recover (Go's panic.go: deferproc, deferreturn, the defer loop of
 * gopanic, gorecover).
 *
 * The problem. A panic must run the deferred calls of every active frame, newest first, and when one
 * of them recovers, execution continues in the frame that deferred it, as if that frame returned
 * normally (running its remaining deferred calls and returning its result variables). gc does this
 * with its own stack unwinder (funcdata, open-coded defer bits, mcall(recovery) resetting sp/pc).
 * gocc compiles through LLVM and has no unwinder of its own, so resuming a frame needs another way.
 *
 * The design: a jump buffer per call of a deferring function, defer records on a per-goroutine list.
 *  - A function that contains a defer statement calls runtime_deferframe(&frame) in its entry block
 *    (a setjmp of a dozen instructions: six callee-saved registers, sp and the return pc into a
 *    64-byte record in its own frame; declared returns_twice to LLVM). 0 means "go on"; 1 means "a
 *    deferred call of this frame recovered a panic": the function then calls deferreturn(&frame)
 *    and returns its result variables, which it keeps in memory (volatile) for that reason. See
 *    runtime.def for the exact contract.
 *  - `defer f(x)` pushes a Defer record {closure, frame} on panic_g.defer: in the deferring frame
 *    (deferprocStack, no allocation) or on the heap when the statement may run several times per
 *    call (deferproc, a loop). The closure is an ordinary func() value; the compiler evaluates f
 *    and the arguments at the defer statement and captures them.
 *  - deferreturn(&frame) at every return pops and calls the records of this frame, newest first.
 *  - gopanic (panic.c) links a Panic record and calls defer_run_panic: pop the newest record, mark it
 *    started, call it through defer_call; if the call recovered, unlink the panic (and the panics it
 *    aborted) and defer_resume(record->frame): longjmp into the deferring function, whose frame is
 *    an ancestor of the panicking one and therefore intact. Everything younger is discarded, which
 *    is right: the records of younger frames have all been run or dropped by the loop by then.
 *  - A record already started when a later panic reaches it belongs to a deferred call that panicked:
 *    that earlier panic is marked aborted (printed in the chain, never resumed) and the record dropped.
 *
 * recover(). Go allows recover only in the function called directly by the runtime to run a deferred
 * call of the current panic (gc compares the caller's argument pointer with p.argp). gocc compares
 * frame pointers: defer_call records its own frame address in p->defer_fp and calls the closure; the
 * callee's saved frame pointer (the word at its frame address) is then exactly that value, and for no
 * other function. recover() in F passes F's frame address to gorecover, which checks that word.
 * Compiler-generated thunks (`defer x.M(a)` calls M from a thunk) forward the right with
 * deferwrapper, as gc's WRAPPER prologue moves p.argp. The other wrappers the compiler makes (method
 * values, (*T).M, promoted and interface methods) sit in the section gocc_wrappers: gorecover walks
 * up through frames whose return address lies in it, so they forward the right for free (no code
 * on their hot path, unlike gc's prologue). This needs frame pointers, no tail calls and no inlining
 * of functions calling recover (all in runtime.def's contract).
 *
 * Cost, measured (runtime/testdata/defer_bench.c, -O2, thread CPU time on the 2-CPU build machine):
 * calling a function that defers one closure takes 8.1 ns against 2.5 ns for a function that calls the
 * closure directly, so a defer costs ~5.5 ns (deferframe + deferprocStack + deferreturn + the call
 * through defer_call), with no allocation. A function with no defer statement pays nothing, not even
 * a register: no landing pads, no unwind tables, no per-call registration.
 *
 * Rejected alternatives.
 *  - LLVM exception handling (invoke + landingpad + a personality function + _Unwind_RaiseException):
 *    zero cost on the normal path of a deferring function, but every frame between the panic and the
 *    recovering frame needs unwind tables and cleanup pads, including runtime C frames and the
 *    signal trampoline (a nil dereference must be recoverable), a panic costs a two-phase table walk
 *    (microseconds), the binary grows by .eh_frame/.gcc_except_table, and every call in a deferring
 *    function becomes an invoke that blocks optimizations much as returns_twice does. The
 *    frame-record design needs nothing from frames that do not defer.
 *  - glibc setjmp/longjmp: saves the signal mask (a system call) unless _setjmp, mangles pointers, and
 *    its jmp_buf is 200 bytes; ours saves 8 words and is shared with nothing.
 *  - One jump buffer per defer statement instead of per call: refreshes the buffer in loops and makes
 *    every defer statement a returns_twice point; one point per call is simpler for the compiler.
 *  - gc's open-coded defers (inline calls at exit plus funcdata for panics) need the unwinder we do
 *    not have; deferprocStack keeps the common case allocation-free, which is what they buy.
 *
 * runtime.Goexit (scheduler issue): push a Panic with goexit set and run the same loop; recover()
 * returns nil for it, printpanics skips it, and when the defers are done the goroutine exits.
 *
 * Invariants. panic_g.defer is ordered newest first, and the records of one frame are contiguous;
 * a record's frame is live while the record is on the list; defer_fp of the current panic is set
 * only while a deferred call runs. Single thread (v0): panic_g becomes fields of g with goroutines.
 */
#include "panic.h"

#include "malloc.h"

_Static_assert(sizeof(Defer) == RT_DEFER_SIZE, "runtime.def DEFER_SIZE");
_Static_assert(sizeof(DeferFrame) == RT_DEFER_FRAME_SIZE, "runtime.def DEFER_FRAME_SIZE");

PanicState panic_g;

/* runtime_deferframe(frame) saves the callee-saved registers, the caller's stack pointer after the
 * return and the return pc, and returns 0; defer_resume(frame) restores them and returns 1 to that
 * pc. The frame's caller must still be active (it is: it is an ancestor of the panic). */
__asm__(".text\n"
	".globl runtime_deferframe\n"
	".type runtime_deferframe, @function\n"
	".p2align 4\n"
	"runtime_deferframe:\n"
	"	.cfi_startproc\n"
	"	movq %rbx, 0(%rdi)\n"
	"	movq %rbp, 8(%rdi)\n"
	"	movq %r12, 16(%rdi)\n"
	"	movq %r13, 24(%rdi)\n"
	"	movq %r14, 32(%rdi)\n"
	"	movq %r15, 40(%rdi)\n"
	"	leaq 8(%rsp), %rax\n"
	"	movq %rax, 48(%rdi)\n"
	"	movq (%rsp), %rax\n"
	"	movq %rax, 56(%rdi)\n"
	"	xorl %eax, %eax\n"
	"	ret\n"
	"	.cfi_endproc\n"
	".size runtime_deferframe, .-runtime_deferframe\n"
	".globl defer_resume\n"
	".hidden defer_resume\n"
	".type defer_resume, @function\n"
	".p2align 4\n"
	"defer_resume:\n"
	"	.cfi_startproc\n"
	"	movq 0(%rdi), %rbx\n"
	"	movq 8(%rdi), %rbp\n"
	"	movq 16(%rdi), %r12\n"
	"	movq 24(%rdi), %r13\n"
	"	movq 32(%rdi), %r14\n"
	"	movq 40(%rdi), %r15\n"
	"	movq 48(%rdi), %rsp\n"
	"	movl $1, %eax\n"
	"	jmpq *56(%rdi)\n"
	"	.cfi_endproc\n"
	".size defer_resume, .-defer_resume\n");

void defer_push(Defer *d, DeferFrame *frame, void *fn)
{
	d->fn = fn;
	d->frame = frame;
	d->panic = NULL;
	d->started = 0;
	d->link = panic_g.defer;
	panic_g.defer = d;
}

void runtime_deferprocStack(void *frame, void *d, void *fn)
{
	defer_push(d, frame, fn);
}

/* A defer statement in a loop: the record outlives the iteration, so it lives on the heap. */
void runtime_deferproc(void *frame, void *fn)
{
	Defer *d = runtime_mallocgc(sizeof(Defer), NULL, true); /* GC (later): fn is a root */
	defer_push(d, frame, fn);
}

/* Calls fn; the asm statement after the call keeps it a real call (the callee's saved frame pointer
 * must be this frame's address, which is what recover() checks). */
__attribute__((noinline)) void defer_call(Panic *p, void *fn)
{
	if (p)
		p->defer_fp = __builtin_frame_address(0);
	void (*code)(void *) = *(void (**)(void *))fn;
	code(fn);
	__asm__ volatile("" ::: "memory");
}

/* Go's deferreturn: run the records of this frame, newest first. A record is unlinked before its
 * call, so a panic in it does not run it again. */
void runtime_deferreturn(void *frame)
{
	for (;;) {
		Defer *d = panic_g.defer;
		if (d == NULL || d->frame != frame)
			return;
		panic_g.defer = d->link;
		defer_call(NULL, d->fn);
	}
}

void defer_run_panic(Panic *p)
{
	for (;;) {
		Defer *d = panic_g.defer;
		if (d == NULL)
			return;
		if (d->started) { /* its call panicked: that panic is over, not resumable */
			if (d->panic)
				d->panic->aborted = true;
			d->panic = NULL;
			panic_g.defer = d->link;
			continue;
		}
		d->started = 1;
		d->panic = p;
		defer_call(p, d->fn);
		if (panic_g.defer != d)
			panic_throw("bad defer entry in panic");
		panic_g.defer = d->link;
		d->panic = NULL;
		if (!p->recovered)
			continue;
		panic_g.panic = p->link;
		while (panic_g.panic && panic_g.panic->aborted)
			panic_g.panic = panic_g.panic->link;
		if (panic_g.panic == NULL)
			panic_g.has_sig = false;
		defer_resume(d->frame);
	}
}

/* recover() in the function whose frame address is fp: its saved frame pointer (the word at fp) is
 * the defer_call frame of the current panic iff it is the deferred call itself. */
/* The compiler's wrappers (runtime.def: section gocc_wrappers); weak: a program may have none. */
extern const char __start_gocc_wrappers[] __attribute__((weak, visibility("hidden")));
extern const char __stop_gocc_wrappers[] __attribute__((weak, visibility("hidden")));

/* Is pc (a return address) inside a compiler wrapper? */
static bool in_wrapper(const void *pc)
{
	return __start_gocc_wrappers && (const char *)pc >= __start_gocc_wrappers &&
	       (const char *)pc < __stop_gocc_wrappers;
}

/* The frame that counts as the caller of the function whose frame is fp: its caller's, or, while
 * that caller is a wrapper, the wrapper's caller's (frame layout: fp[0] = caller's frame pointer,
 * fp[1] = return address into the caller). */
static void *caller_frame(void **fp, void *want)
{
	while (fp[0] != want && fp[0] && in_wrapper(fp[1]))
		fp = fp[0];
	return fp[0];
}

GoEface runtime_gorecover(void *fp)
{
	Panic *p = panic_g.panic;
	if (p && !p->goexit && !p->recovered && fp && caller_frame(fp, p->defer_fp) == p->defer_fp) {
		p->recovered = true;
		return p->arg;
	}
	return (GoEface){0};
}

/* A compiler thunk (`defer x.M(a)`) starts: if it is the deferred call, the function it calls next
 * is the one allowed to recover (gc's WRAPPER adjustment of p.argp). */
void runtime_deferwrapper(void *fp)
{
	Panic *p = panic_g.panic;
	if (p && fp && *(void **)fp == p->defer_fp)
		p->defer_fp = fp;
}
