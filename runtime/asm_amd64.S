/*
 * asm_amd64.S: the few things C cannot express (Go's asm_amd64.s).
 *
 * signal_sigpanic_tramp: where the signal handler resumes a thread that took a synchronous fault
 * which must become a Go panic (nil dereference, integer division trap). The handler has pushed the
 * faulting pc onto the thread's own stack, exactly as if the faulting instruction had been a call to
 * this function, so a frame-pointer walk from here sees the faulting function as our caller (Go's
 * sigctxt.pushCall). The stack pointer at the fault has arbitrary alignment, so we build a standard
 * frame and realign to 16 bytes before calling C, which the SysV ABI requires (SSE spills).
 * signal_sigpanic never returns; ud2 documents and enforces that.
 *
 * Rejected: siglongjmp from the handler to a recovery point (loses the faulting frame, so the
 * traceback and recover's frame rules would be wrong) and raising the panic inside the handler
 * (the signal frame is not a Go frame; deferred calls would run on the signal stack with signals
 * masked).
 *
 * The context switch (Go's gogo and mcall, proc.c's scheduler). A goroutine that stops running pushes
 * the six callee-saved registers (rbp, rbx, r12-r15) on its own stack and stores the stack pointer
 * in its G; everything else is dead across a call by the SysV ABI, so that is the whole state (the
 * MXCSR and x87 control words are never changed by Go code and are not saved). Resuming pops them
 * and returns: a switch is ~20 instructions and no system call (ucontext's swapcontext makes a
 * sigprocmask call per switch). The same three entry points translate one for one to aarch64 (x19-x29,
 * d8-d15, sp, x30).
 *   ctx_mcall(&gp->sp, g0_sp, fn, gp)  save gp's registers, switch to the scheduler stack at g0_sp and
 *                                     call fn(gp), which never returns; gp resumes later by ctx_gogo,
 *                                     returning from ctx_mcall.
 *   ctx_gogo(sp)                      resume the context saved at sp (never returns).
 *   ctx_gostart                       where a new goroutine's first ctx_gogo returns to: its frame
 *                                     pointer is 0 (tracebacks stop here) and it calls sched_gomain.
 * Both ctx_mcall (once on the scheduler stack) and ctx_gostart are outermost frames: their unwind
 * tables say the return address is undefined, so a DWARF unwinder stops there. The scheduler stack
 * is the thread's own stack below mstart_thread's frame, and the words at g0_sp are whatever an
 * earlier call left there: an unwinder that read them as ctx_mcall's caller took a stale word for a
 * pc and, finding no FDE for it, read the code bytes there (libgcc's signal-frame check) and faulted.
 * pthread_exit in proc.c's mexit runs exactly that unwind (a forced unwind up to start_thread), so a
 * locked goroutine that exited crashed its thread about one run in five (time_locked_sleep.go).
 *
 * __morestack: the slow path of the split-stack prologue that llc emits for Go functions (stack.c's
 * essay has the design). Called with r10 = the frame size the function needs, r11 = the bytes of
 * its stack arguments, 0(%rsp) = the return address into the function (its next instruction is the
 * `ret` of the prologue, so +1 is the function body), 8(%rsp) = the function's own return address.
 * It saves the argument registers, asks stack_morestack for a stack pointer on a segment with room
 * (arguments copied there), calls the function body there, and on return asks stack_lessstack to
 * switch back, then returns straight to the function's caller with the result registers intact.
 * Its frame is a normal rbp frame whose return slot is rewritten to the function's return address,
 * so a frame-pointer walk sees function, __morestack, caller; and it sits in section gocc_wrappers,
 * so recover() looks through it as through the compiler's wrappers (defer.c). stack_morestack may
 * also answer 0: the frame fits after all (the limit was poisoned to request a preemption, and the
 * goroutine has yielded); the function body is then entered on the same stack.
 */
	.text
	.globl	signal_sigpanic_tramp
	.hidden	signal_sigpanic_tramp
	.type	signal_sigpanic_tramp, @function
	.p2align 4
signal_sigpanic_tramp:
	.cfi_startproc
	pushq	%rbp
	.cfi_def_cfa_offset 16
	.cfi_offset %rbp, -16
	movq	%rsp, %rbp
	.cfi_def_cfa_register %rbp
	andq	$-16, %rsp
	call	signal_sigpanic
	ud2
	.cfi_endproc
	.size	signal_sigpanic_tramp, .-signal_sigpanic_tramp


/* void ctx_mcall(void **save, uintptr_t g0_sp, void (*fn)(G *), G *gp) */
	.globl	ctx_mcall
	.hidden	ctx_mcall
	.type	ctx_mcall, @function
	.p2align 4
ctx_mcall:
	.cfi_startproc
	pushq	%rbp
	.cfi_adjust_cfa_offset 8
	pushq	%rbx
	.cfi_adjust_cfa_offset 8
	pushq	%r12
	.cfi_adjust_cfa_offset 8
	pushq	%r13
	.cfi_adjust_cfa_offset 8
	pushq	%r14
	.cfi_adjust_cfa_offset 8
	pushq	%r15
	.cfi_adjust_cfa_offset 8
	movq	%rsp, (%rdi)
	movq	%rsi, %rsp
	.cfi_undefined rip	/* on the scheduler stack: the outermost frame (see the essay) */
	xorl	%ebp, %ebp
	movq	%rcx, %rdi
	call	*%rdx
	ud2
	.cfi_endproc
	.size	ctx_mcall, .-ctx_mcall

/* void ctx_gogo(void *sp) */
	.globl	ctx_gogo
	.hidden	ctx_gogo
	.type	ctx_gogo, @function
	.p2align 4
ctx_gogo:
	.cfi_startproc
	movq	%rdi, %rsp
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbx
	popq	%rbp
	ret
	.cfi_endproc
	.size	ctx_gogo, .-ctx_gogo

/* The first return of a new goroutine's context lands here, rsp 16-byte aligned. */
	.globl	ctx_gostart
	.hidden	ctx_gostart
	.type	ctx_gostart, @function
	.p2align 4
ctx_gostart:
	.cfi_startproc
	.cfi_undefined rip
	xorl	%ebp, %ebp
	call	sched_gomain
	ud2
	.cfi_endproc
	.size	ctx_gostart, .-ctx_gostart

/* void ctx_systemstack(void (*fn)(void *), void *arg, uintptr_t sp, void **saved): call fn(arg) on
 * the stack at sp (the M's scheduler stack, or the next segment: stack.c's systemstack and
 * stack_call_deep) and come back. The callee-saved registers are pushed on the goroutine's stack
 * first, where the collector's conservative scan finds them (*saved, when not NULL, gets the stack
 * pointer below them: the low end of what that scan must read); the
 * rbp frame links the scheduler stack's frames to the goroutine's, so tracebacks and the DWARF
 * unwinder (CFA from rbp) walk through. aarch64: the same with x19-x28 and sp. */
	.globl	ctx_systemstack
	.hidden	ctx_systemstack
	.type	ctx_systemstack, @function
	.p2align 4
ctx_systemstack:
	.cfi_startproc
	pushq	%rbp
	.cfi_def_cfa_offset 16
	.cfi_offset %rbp, -16
	movq	%rsp, %rbp
	.cfi_def_cfa_register %rbp
	pushq	%rbx
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	testq	%rcx, %rcx
	jz	1f
	movq	%rsp, (%rcx)
1:	andq	$-16, %rdx
	movq	%rdx, %rsp
	movq	%rdi, %rax
	movq	%rsi, %rdi
	call	*%rax
	leaq	-40(%rbp), %rsp
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbx
	popq	%rbp
	.cfi_def_cfa %rsp, 8
	ret
	.cfi_endproc
	.size	ctx_systemstack, .-ctx_systemstack

	.section gocc_wrappers,"ax",@progbits
	.globl	__morestack
	.type	__morestack, @function
	.p2align 4
__morestack:
	.cfi_startproc
	pushq	%rbp
	.cfi_def_cfa_offset 16
	.cfi_offset %rbp, -16
	movq	%rsp, %rbp
	.cfi_def_cfa_register %rbp
	subq	$200, %rsp		/* 16-byte aligned again: the entry rsp was (a call from a function entry) */
	movq	%rdi, 0(%rsp)
	movq	%rsi, 8(%rsp)
	movq	%rdx, 16(%rsp)
	movq	%rcx, 24(%rsp)
	movq	%r8, 32(%rsp)
	movq	%r9, 40(%rsp)
	movq	%rax, 48(%rsp)
	movaps	%xmm0, 64(%rsp)
	movaps	%xmm1, 80(%rsp)
	movaps	%xmm2, 96(%rsp)
	movaps	%xmm3, 112(%rsp)
	movaps	%xmm4, 128(%rsp)
	movaps	%xmm5, 144(%rsp)
	movaps	%xmm6, 160(%rsp)
	movaps	%xmm7, 176(%rsp)
	movq	%r10, %rdi		/* frame size */
	movq	%r11, %rsi		/* argument bytes */
	leaq	24(%rbp), %rdx		/* the arguments, above the two return addresses */
	call	stack_morestack
	movq	%rax, %r11
	movaps	64(%rsp), %xmm0
	movaps	80(%rsp), %xmm1
	movaps	96(%rsp), %xmm2
	movaps	112(%rsp), %xmm3
	movaps	128(%rsp), %xmm4
	movaps	144(%rsp), %xmm5
	movaps	160(%rsp), %xmm6
	movaps	176(%rsp), %xmm7
	movq	0(%rsp), %rdi
	movq	8(%rsp), %rsi
	movq	16(%rsp), %rdx
	movq	24(%rsp), %rcx
	movq	32(%rsp), %r8
	movq	40(%rsp), %r9
	movq	48(%rsp), %rax
	testq	%r11, %r11
	jz	.Lretry
	movq	8(%rbp), %r10		/* the function body: past the prologue's ret */
	addq	$1, %r10
	pushq	16(%rbp)		/* our return slot now names the function's caller */
	popq	8(%rbp)
	movq	%r11, %rsp		/* the new segment, arguments in place */
	call	*%r10
	subq	$96, %rsp		/* keep the results across stack_lessstack: LLVM returns */
	movq	%rax, 0(%rsp)		/* up to four integer values (rax rdx rcx r8) and four */
	movq	%rdx, 8(%rsp)		/* floating ones (xmm0-3), e.g. (float64, int, error) */
	movq	%rcx, 16(%rsp)
	movq	%r8, 24(%rsp)
	movaps	%xmm0, 32(%rsp)
	movaps	%xmm1, 48(%rsp)
	movaps	%xmm2, 64(%rsp)
	movaps	%xmm3, 80(%rsp)
	call	stack_lessstack
	movq	0(%rsp), %rax
	movq	8(%rsp), %rdx
	movq	16(%rsp), %rcx
	movq	24(%rsp), %r8
	movaps	32(%rsp), %xmm0
	movaps	48(%rsp), %xmm1
	movaps	64(%rsp), %xmm2
	movaps	80(%rsp), %xmm3
	movq	%rbp, %rsp		/* back on the old segment */
	popq	%rbp
	.cfi_def_cfa %rsp, 8
	addq	$8, %rsp		/* the return into the function's prologue is not used */
	ret				/* to the function's caller */
.Lretry:
	.cfi_def_cfa %rbp, 16
	movq	%rbp, %rsp
	popq	%rbp
	.cfi_def_cfa %rsp, 8
	addq	$1, (%rsp)		/* enter the body on this stack */
	ret
	.cfi_endproc
	.size	__morestack, .-__morestack

	.section .note.GNU-stack,"",@progbits
