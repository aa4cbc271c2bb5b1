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
 *  - Open-coded defers (gc's; lower_defer.c has the compiler side). A function with at most 8 defer
 *    statements, none in a loop, registers one OpenDefer record per call at entry (deferprocOpen)
 *    and keeps in it a byte of pending bits and a closure slot per statement; it runs the pending
 *    calls itself, inline, at each return (bit cleared first) and unlinks the record with
 *    deferreturnOpen. On the list the record stands where its frame's defer records would, so the
 *    panic loop (run_open) interleaves its calls with other frames' correctly: it runs the pending
 *    bits newest first through defer_call (so recover works exactly as for other records), keeps
 *    the record linked while bits are left, and on a recovery resumes the frame with the record
 *    still linked: the recovered path's deferreturnOpen runs the rest. A started open record met by
 *    a later panic aborts the earlier panic but is not dropped: its other bits are still pending.
 *  - The jump buffer is taken only by frames a deferred call might resume: the compiler proves for
 *    open-coding functions whose deferred calls cannot call recover() that none can, and registers
 *    a NULL frame; recovering into one throws instead of jumping nowhere.
 *  - deferproc's heap records are recycled through defer_pool (gc's per-P deferpool) once unlinked
 *    and run, so a loop of defers reuses a few records instead of touching fresh pages.
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
 * Cost, measured (runtime/testdata/defer_bench.c, -O2, thread CPU time on the 2-CPU build machine,
 * before open coding): calling a function that defers one closure took 8.1 ns against 2.5 ns for a
 * function that calls the closure directly, so a record-based defer costs ~5.5 ns (deferframe +
 * deferprocStack + deferreturn + the call through defer_call), with no allocation. An open-coded
 * defer without jump buffer costs two short calls (deferprocOpen, deferreturnOpen) and a few
 * stores; its call is direct and usually inlined (testdata/bench/defer_loop.go: 1.70-2.00x gc's
 * CPU time before, 0.90x after; docs/benchmarks.md). A function with no defer statement pays nothing, not even a register:
 * no landing pads, no unwind tables, no per-call registration.

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
 *  - gc's open-coded defers find their frames by unwinding the stack (funcdata gives each frame's
 *    deferBits and slot offsets); gocc has no unwinder, and walking frame pointers would still need
 *    the slots' frame offsets from LLVM and a merge with the linked records. One registration per
 *    call keeps every frame that has defers on the one list, in order.
 *  - Inline push/pop of the open record in compiled code: saves two calls, but bakes panic_g's
 *    layout (a g field once there are goroutines) into every compiled function.
 *  - Recycling the heap closures of looped defers too: the closure (and a method value it holds)
 *    is the compiler's allocation, possibly referenced from elsewhere (a func value deferred in a
 *    loop); only the record is the runtime's alone.
 *
 * runtime.Goexit (scheduler issue): push a Panic with goexit set and run the same loop; recover()
 * returns nil for it, printpanics skips it, and when the defers are done the goroutine exits.
 *
 * Invariants. panic_g.defer is ordered newest first, and the records of one frame are contiguous
 * (an open-coded frame has exactly one); a record's frame is live while the record is on the list;
 * an open record's bits are set only by its frame and cleared before the call they stand for;
 * a pooled record is on no list; defer_fp of the current panic is set
 * only while a deferred call runs. Single thread (v0): panic_g becomes fields of g with goroutines.
 */
#include "panic.h"

#include "malloc.h"

_Static_assert(sizeof(Defer) == RT_DEFER_SIZE, "runtime.def DEFER_SIZE");
_Static_assert(sizeof(DeferFrame) == RT_DEFER_FRAME_SIZE, "runtime.def DEFER_FRAME_SIZE");

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
	d->heap = 0;
	d->link = panic_g.defer;
	panic_g.defer = d;
}

void runtime_deferprocStack(void *frame, void *d, void *fn)
{
	defer_push(d, frame, fn);
}

/* Heap records no longer on the list, for reuse (gc's per-P deferpool): a loop of defer statements
 * then touches the same few records instead of fresh memory. Only deferproc's records go here: the
 * runtime alone references them once they are unlinked. Guarded by: being thread-local (per M, as
 * gc's pool is per P); a record freed on one thread and reused on another is fine, since no one
 * else references a pooled record. */
static _Thread_local Defer *defer_pool;

/* A defer statement in a loop: the record outlives the iteration, so it lives on the heap. */
void runtime_deferproc(void *frame, void *fn)
{
	Defer *d = defer_pool;
	if (d)
		defer_pool = d->link;
	else
		d = runtime_mallocgc(sizeof(Defer), NULL, true); /* GC (later): fn is a root */
	defer_push(d, frame, fn);
	d->heap = 1;
}

/* d has been unlinked and its call is over: recycle it if it is a heap record. */
static void defer_free(Defer *d)
{
	if (!d->heap)
		return;
	d->fn = NULL;
	d->link = defer_pool;
	defer_pool = d;
}

/* A call of a function with open-coded defers registers its record once, at entry, with no
 * deferred call pending; the compiler then sets bits and slots itself. */
void runtime_deferprocOpen(void *rec, void *frame)
{
	OpenDefer *o = rec;
	defer_push(&o->d, frame, NULL);
	o->bits = 0;
}

/* The highest pending slot of o (the newest deferred call), or -1. */
static int open_next(OpenDefer *o)
{
	return o->bits ? 31 - __builtin_clz(o->bits) : -1;
}

/* Every return of such a function: the compiler has run the pending calls inline (clearing their
 * bits first), except on its recovered path, where the panic loop left some pending. Runs those,
 * newest first, and unlinks the record. */
static __attribute__((noinline)) void open_run_pending(OpenDefer *o)
{
	for (int i; (i = open_next(o)) >= 0;) {
		o->bits &= (uint8_t)~(1u << i);
		defer_call(NULL, o->slots[i]);
	}
}

void runtime_deferreturnOpen(void *rec)
{
	OpenDefer *o = rec;
	if (__builtin_expect(o->bits != 0, 0)) /* the recovered path; normal returns ran them */
		open_run_pending(o);
	if (panic_g.defer != &o->d)
		panic_throw("bad open-coded defer record");
	panic_g.defer = o->d.link;
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
		defer_free(d);
	}
}

/* p recovered in a deferred call of d: drop p (and the panics it aborted) and resume d's frame. */
static RUNTIME_NORET void recovered(Panic *p, DeferFrame *frame)
{
	panic_recovered_count();
	panic_g.panic = p->link;
	while (panic_g.panic && panic_g.panic->aborted)
		panic_g.panic = panic_g.panic->link;
	if (panic_g.panic == NULL)
		panic_g.has_sig = false;
	if (frame == NULL)
		panic_throw("recovered in a frame without a jump buffer");
	stack_unwind((void *)frame->rsp);
	defer_resume(frame);
}

/* The panic loop at an open-coded record: run its pending calls newest first, each bit cleared
 * before the call (as at a return); the record stays linked until none is left, and when a call
 * recovers the frame resumes with the record still linked: its recovered path runs the rest. */
static void run_open(Panic *p, OpenDefer *o)
{
	Defer *d = &o->d;
	if (d->started) { /* the call of d that was running panicked: that panic is over */
		if (d->panic)
			d->panic->aborted = true;
		d->panic = NULL;
		d->started = 0;
	}
	for (int i; (i = open_next(o)) >= 0;) {
		o->bits &= (uint8_t)~(1u << i);
		d->started = 1;
		d->panic = p;
		defer_call(p, o->slots[i]);
		if (panic_g.defer != d)
			panic_throw("bad open-coded defer record in panic");
		d->started = 0;
		d->panic = NULL;
		if (p->recovered)
			recovered(p, d->frame);
	}
	panic_g.defer = d->link;
}

void defer_run_panic(Panic *p)
{
	for (;;) {
		Defer *d = panic_g.defer;
		if (d == NULL)
			return;
		if (d->fn == NULL) {
			run_open(p, (OpenDefer *)d);
			continue;
		}
		if (d->started) { /* its call panicked: that panic is over, not resumable */
			if (d->panic)
				d->panic->aborted = true;
			d->panic = NULL;
			panic_g.defer = d->link;
			defer_free(d);
			continue;
		}
		d->started = 1;
		d->panic = p;
		defer_call(p, d->fn);
		if (panic_g.defer != d)
			panic_throw("bad defer entry in panic");
		panic_g.defer = d->link;
		d->panic = NULL;
		DeferFrame *frame = d->frame;
		defer_free(d);
		if (p->recovered)
			recovered(p, frame);
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
