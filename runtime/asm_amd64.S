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
 * Later (scheduler): the context switch (gogo/mcall-like register save and restore) joins this file.
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

	.section .note.GNU-stack,"",@progbits
