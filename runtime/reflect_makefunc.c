/*
 * reflect_makefunc.c: the code word of the func values reflect.MakeFunc makes (stdlib/reflect
 * call.go), the reverse of reflect.c's callframe.
 *
 * In: a call in gocc's calling convention to a MakeFunc closure. Out: the same call handed to Go
 * as a frame of saved argument registers, and the results Go wrote back, returned in registers.
 *
 * The one idea: the stub knows nothing about the signature. It saves the six integer and eight SSE
 * argument registers and the address of the caller's stack arguments, calls call.go's makeFuncCall
 * (a Go function defined under the link name "reflect.makeFuncCall"), which decodes the arguments
 * from the func type with the rules Value.Call encodes them by, runs the Go function and writes
 * the results into the frame; the stub loads RAX, RDX, RCX, XMM0, XMM1 and up to two x87 values
 * from it and returns.
 *
 * Invariants: the closure object (ctx) is in RDI, or in RSI when the results are returned in
 * memory (the hidden pointer comes first), so there are two entry points, chosen by MakeFunc; the
 * stack is 16-byte aligned at the call into Go. A file of its own: it refers to a symbol only the
 * reflect package defines, so it must be linked only with programs whose reflect makes functions
 * (reflect.makeFuncStub pulls it from the archive); reflect.c serves errors and sort too.
 */
#include "runtime.h"

/* Frame layout (call.go makeFuncFrame): ints[6] 0, floats[8] 48, stack 112, ctx 120, ret[3] 128,
 * fret[2] 152, nx87 168, x87[2] 176; 192 bytes. */
__asm__(".text\n"
	".p2align 4\n"
	".type reflect_makefunc_stub, @function\n"
	"reflect_makefunc_stub:\n"
	"	movq %rdi, %r10\n"
	"	jmp reflect_makefunc_common\n"
	".size reflect_makefunc_stub, .-reflect_makefunc_stub\n"
	".p2align 4\n"
	".type reflect_makefunc_stub_sret, @function\n"
	"reflect_makefunc_stub_sret:\n"
	"	movq %rsi, %r10\n"
	"	jmp reflect_makefunc_common\n"
	".size reflect_makefunc_stub_sret, .-reflect_makefunc_stub_sret\n"
	".p2align 4\n"
	"reflect_makefunc_common:\n"
	"	pushq %rbp\n"
	"	movq %rsp, %rbp\n"
	"	subq $192, %rsp\n"
	"	movq %rdi, 0(%rsp)\n"
	"	movq %rsi, 8(%rsp)\n"
	"	movq %rdx, 16(%rsp)\n"
	"	movq %rcx, 24(%rsp)\n"
	"	movq %r8, 32(%rsp)\n"
	"	movq %r9, 40(%rsp)\n"
	"	movsd %xmm0, 48(%rsp)\n"
	"	movsd %xmm1, 56(%rsp)\n"
	"	movsd %xmm2, 64(%rsp)\n"
	"	movsd %xmm3, 72(%rsp)\n"
	"	movsd %xmm4, 80(%rsp)\n"
	"	movsd %xmm5, 88(%rsp)\n"
	"	movsd %xmm6, 96(%rsp)\n"
	"	movsd %xmm7, 104(%rsp)\n"
	"	leaq 16(%rbp), %rax\n"
	"	movq %rax, 112(%rsp)\n"
	"	movq %r10, 120(%rsp)\n"
	"	movq $0, 168(%rsp)\n"
	"	movq %rsp, %rsi\n"
	"	call \"reflect.makeFuncCall\"\n"
	"	movq 168(%rsp), %rax\n"
	"	cmpq $2, %rax\n"
	"	jl 1f\n"
	"	fldl 184(%rsp)\n"
	"1:	cmpq $1, %rax\n"
	"	jl 2f\n"
	"	fldl 176(%rsp)\n"
	"2:	movq 128(%rsp), %rax\n"
	"	movq 136(%rsp), %rdx\n"
	"	movq 144(%rsp), %rcx\n"
	"	movsd 152(%rsp), %xmm0\n"
	"	movsd 160(%rsp), %xmm1\n"
	"	movq %rbp, %rsp\n"
	"	popq %rbp\n"
	"	ret\n");

/* func makeFuncStub(sret bool) unsafe.Pointer: the code word for a MakeFunc closure. */
GO_LINKNAME(reflect_makeFuncStub, "reflect.makeFuncStub");
RUNTIME_API void *reflect_makeFuncStub(void *ctx, uint8_t sret)
{
	(void)ctx;
	extern char reflect_makefunc_stub[], reflect_makefunc_stub_sret[];
	return (sret & 1) ? (void *)reflect_makefunc_stub_sret : (void *)reflect_makefunc_stub;
}
