/*
 * sys_amd64.S: the standard library's body-less functions whose results C cannot return (Go's
 * syscall/asm_linux_amd64.s, runtime/internal/syscall/asm_linux_amd64.s and the three-word results
 * of runtime hooks).
 *
 * In: calls from gocc-compiled Go code, by gocc's calling convention (docs/architecture.md,
 * "Body-less functions": ctx in RDI, then the parameters, SysV registers then stack). Out: results
 * as LLVM returns a literal struct, one register per value: RAX, RDX, RCX (EAX/EDX/ECX for 32-bit
 * values). C can return two words (a 16-byte struct in RAX:RDX) but returns three through a hidden
 * pointer, so every function here with three result words is either the instruction sequence itself
 * (the raw system calls: no C at all) or RET3, a trampoline that calls a C helper with a 24-byte
 * buffer on its own stack and loads the three words into RAX, RDX, RCX (the helper writes each word
 * at offset 0, 8, 16; a 32-bit result's upper half is don't-care, as for LLVM's i32 in EDX).
 *
 * The raw system calls are gc's, instruction for instruction in effect: arguments into RDI, RSI,
 * RDX, R10, R8, R9, the number in RAX, SYSCALL; a result in [-4095, -1] is an error: r1 = -1,
 * r2 = 0, err = -RAX; otherwise r1 = RAX, r2 = RDX (as the kernel left it), err = 0.
 * rawVforkSyscall (syscall.forkExec's clone with CLONE_VFORK|CLONE_VM) clears CLONE_VM: the child
 * gets a copy-on-write copy of the memory instead of sharing the parent's, and CLONE_VFORK still
 * suspends the parent until the child execs or exits, as with gc. Sharing is what gc's compiler
 * allows (the child runs the rest of forkAndExecInChild1 in the parent's frame and gc keeps what the
 * parent reads there intact); LLVM gives no such promise about frame slots, and with CLONE_VM the
 * parent crashed after the child exec'ed (observed). The cost is copying the page tables. The return
 * address is kept in R9 across SYSCALL, as gc keeps it in R12 (needed only when memory is shared;
 * kept so the function stays correct if the flag is ever passed through): the kernel preserves R9
 * and clone (5 arguments) does not read it.
 *
 * Invariants: only caller-saved registers are written (RAX, RCX, RDX, RSI, RDI, R8-R11): these are
 * SysV functions to their callers; every function has its own section, so --gc-sections drops the
 * unused ones; the trampolines keep a frame-pointer frame (tracebacks walk RBP chains) and call C
 * with RSP 16-byte aligned.
 *
 * Rejected: writing the results through an out pointer by changing the lowering for these few
 * functions (the calling convention is one rule for every body-less function, and the compiler is
 * another helper's); inline assembly in C (a C function still cannot return three registers);
 * libc's syscall(3) for RawSyscall6 (it returns one word, errno in TLS: r2 would be lost).
 */

/* A function under a Go link name, in a section of its own. */
.macro	GOFUNC name
	.section .text.\name,"ax",@progbits
	.globl	\name
	.type	\name, @function
	.p2align 4
\name:
	.cfi_startproc
.endm

.macro	GOEND name
	.cfi_endproc
	.size	\name, .-\name
.endm

/* name(ctx) (w0, w1, w2): helper(uint64_t out[3]) fills the three words. */
.macro	RET3 name, helper
	GOFUNC	\name
	pushq	%rbp
	.cfi_def_cfa_offset 16
	.cfi_offset %rbp, -16
	movq	%rsp, %rbp
	.cfi_def_cfa_register %rbp
	subq	$32, %rsp
	movq	%rsp, %rdi
	call	\helper
	movq	(%rsp), %rax
	movq	8(%rsp), %rdx
	movq	16(%rsp), %rcx
	leave
	.cfi_def_cfa %rsp, 8
	ret
	GOEND	\name
.endm

/* The result of SYSCALL in RAX: (r1, r2, err) in RAX, RDX, RCX. */
.macro	SYSCALL_RESULT3
	cmpq	$-4095, %rax
	jae	1f
	xorl	%ecx, %ecx
	ret
1:	negq	%rax
	movq	%rax, %rcx
	movq	$-1, %rax
	xorl	%edx, %edx
	ret
.endm

/* syscall.RawSyscall6(ctx, trap, a1, a2, a3, a4, a5, a6) (r1, r2 uintptr, err Errno); a5 and a6
 * arrive on the stack. Syscall and Syscall6 are Go in go1.19 (entersyscall; RawSyscall6;
 * exitsyscall), and RawSyscall is RawSyscall6 with three zeros. */
	GOFUNC	syscall.RawSyscall6
	movq	%rsi, %rax
	movq	%rdx, %rdi
	movq	%rcx, %rsi
	movq	%r8, %rdx
	movq	%r9, %r10
	movq	8(%rsp), %r8
	movq	16(%rsp), %r9
	syscall
	SYSCALL_RESULT3
	GOEND	syscall.RawSyscall6

/* syscall.rawSyscallNoError(ctx, trap, a1, a2, a3) (r1, r2 uintptr): for calls that cannot fail
 * (getpid, gettid): no error check. */
	GOFUNC	syscall.rawSyscallNoError
	movq	%rsi, %rax
	movq	%rdx, %rdi
	movq	%rcx, %rsi
	movq	%r8, %rdx
	xorl	%r10d, %r10d
	xorl	%r8d, %r8d
	xorl	%r9d, %r9d
	syscall
	ret
	GOEND	syscall.rawSyscallNoError

/* syscall.rawVforkSyscall(ctx, trap, a1) (r1 uintptr, err Errno): RAX, RDX. */
	GOFUNC	syscall.rawVforkSyscall
	movq	%rsi, %rax
	movq	%rdx, %rdi
	andq	$~0x100, %rdi			/* CLONE_VM */
	xorl	%esi, %esi
	xorl	%edx, %edx
	xorl	%r10d, %r10d
	xorl	%r8d, %r8d
	popq	%r9
	.cfi_adjust_cfa_offset -8
	syscall
	pushq	%r9
	.cfi_adjust_cfa_offset 8
	cmpq	$-4095, %rax
	jae	1f
	xorl	%edx, %edx
	ret
1:	negq	%rax
	movq	%rax, %rdx
	movq	$-1, %rax
	ret
	GOEND	syscall.rawVforkSyscall

	RET3	time.now, sys_time_now
	RET3	os.runtime_args, sys_os_args
	RET3	syscall.runtime_envs, sys_syscall_envs

	.section .note.GNU-stack,"",@progbits
