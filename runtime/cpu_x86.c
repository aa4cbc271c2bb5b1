/*
 * cpu_x86.c: internal/cpu's body-less functions on amd64 (Go's internal/cpu/cpu_x86.s), defined for its
 * declarations by GO_LINKNAME under gc's link names. internal/cpu asks the processor what it has
 * (CPUID, and XGETBV for the OS's AVX support) and fills cpu.X86, which package math (FMA in Exp) and
 * internal/bytealg (MaxLen) read, so a gocc program answers as gc's on the same CPU.
 *
 * In: CPUID leaf/subleaf. Out: the four registers, exactly as the instruction leaves them.
 * gc's runtime calls internal/cpu.Initialize(GODEBUG) in schedinit, before any package is initialised;
 * gocc's C runtime does the same from a constructor (cpu_init below), so that package math, whose
 * initialiser reads cpu.X86, sees the filled struct whatever the package initialisation order.
 *
 * getGOAMD64level is the microarchitecture level the program was compiled for: gocc targets baseline
 * x86-64 (GOAMD64=v1, gc's default), so 1.
 *
 * ABI note. cpuid has four uint32 results; LLVM returns a literal struct {i32, i32, i32, i32} through
 * memory (sret demotion: it needs more return registers than x86-64 has), the address passed in RDI
 * before every parameter, ctx included. The C definition therefore takes that address first and
 * writes the four words at offsets 0, 4, 8, 12. xgetbv's two results come back in EAX and EDX, which
 * C gives a struct of two 64-bit members (docs/architecture.md, "Body-less functions").
 */
#include "runtime.h"

#include <cpuid.h>
#include <stdlib.h>
#include <string.h>

typedef struct CpuidResult {
	uint32_t eax, ebx, ecx, edx;
} CpuidResult;

GO_LINKNAME(cpu_cpuid, "internal/cpu.cpuid");
RUNTIME_API void cpu_cpuid(CpuidResult *out, void *ctx, uint32_t eax_arg, uint32_t ecx_arg)
{
	(void)ctx;
	__cpuid_count(eax_arg, ecx_arg, out->eax, out->ebx, out->ecx, out->edx);
}

typedef struct XgetbvResult {
	uint64_t eax, edx; /* uint32 results, one return register each */
} XgetbvResult;

/* Only called when CPUID reports OSXSAVE, as in gc. */
GO_LINKNAME(cpu_xgetbv, "internal/cpu.xgetbv");
RUNTIME_API XgetbvResult cpu_xgetbv(void *ctx)
{
	(void)ctx;
	uint32_t eax, edx;
	__asm__ volatile("xgetbv" : "=a"(eax), "=d"(edx) : "c"(0));
	return (XgetbvResult){eax, edx};
}

GO_LINKNAME(cpu_getGOAMD64level, "internal/cpu.getGOAMD64level");
RUNTIME_API int32_t cpu_getGOAMD64level(void *ctx)
{
	(void)ctx;
	return 1;
}

/* internal/cpu's Initialize and DebugOptions, if the program has the package (weak: programs that
 * do not import it link without them). The quotes make GCC's assembler names valid with the '/'. */
extern void cpu_Initialize(void *ctx, const uint8_t *env, int64_t len)
	__asm__("\"internal/cpu.Initialize\"") __attribute__((weak));
extern uint8_t cpu_DebugOptions __asm__("\"internal/cpu.DebugOptions\"") __attribute__((weak));

/* gc's cpuinit: DebugOptions = true on Linux, then Initialize with $GODEBUG (which may disable
 * features: GODEBUG=cpu.avx2=off). */
__attribute__((constructor)) static void cpu_init(void)
{
	if (!cpu_Initialize)
		return;
	if (&cpu_DebugOptions)
		cpu_DebugOptions = 1;
	const char *env = getenv("GODEBUG");
	if (!env)
		env = "";
	cpu_Initialize(NULL, (const uint8_t *)env, (int64_t)strlen(env));
}
