/*
 * emit.c: from a lowered LLVM module to a file on disk.
 *
 * Takes the Module built by lower_package. emit_module verifies it (a broken module is a gocc bug, so
 * verification failure is an internal error), runs the new pass manager pipeline "default<On>" for the
 * requested -O level, and writes textual IR (-emit-llvm), assembly (-S) or an ELF object through an
 * x86-64 TargetMachine. The link with the runtime is the driver's (compiler/driver/link.c).
 *
 * The one idea: everything target-specific is decided here, once (triple, CPU, relocation model), so
 * lowering only ever sees a DataLayout.
 */
#include "backend.h"
#include "lower.h"

#include <llvm-c/Analysis.h>
#include <llvm-c/Comdat.h>
#include <llvm-c/Support.h>
#include <llvm-c/Target.h>
#include <llvm-c/TargetMachine.h>
#include <llvm-c/Transforms/PassBuilder.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The target machine is made once and shared with lowering (which needs its DataLayout). */
LLVMTargetMachineRef emit_target_machine(int opt_level)
{
	static LLVMTargetMachineRef tm;
	if (tm)
		return tm;
	LLVMInitializeX86TargetInfo();
	LLVMInitializeX86Target();
	LLVMInitializeX86TargetMC();
	LLVMInitializeX86AsmPrinter();
	LLVMInitializeX86AsmParser(); /* the go.iname markers are inline assembly (lower_iface.c) */
	char *triple = LLVMGetDefaultTargetTriple();
	LLVMTargetRef target;
	char *err = NULL;
	if (LLVMGetTargetFromTriple(triple, &target, &err))
		internal_error("no LLVM target for %s: %s", triple, err);
	LLVMCodeGenOptLevel level = opt_level == 0 ? LLVMCodeGenLevelNone
	                            : opt_level == 1 ? LLVMCodeGenLevelLess
	                            : opt_level == 2 ? LLVMCodeGenLevelDefault
	                                             : LLVMCodeGenLevelAggressive;
	/* Baseline x86-64 like gc's GOAMD64=v1, so binaries run on any amd64 machine. */
	tm = LLVMCreateTargetMachine(target, triple, "x86-64", "", level, LLVMRelocStatic, LLVMCodeModelDefault);
	LLVMDisposeMessage(triple);
	return tm;
}

static void dump_ir(LLVMModuleRef mod, const char *when)
{
	char *s = LLVMPrintModuleToString(mod);
	fprintf(stderr, "; ---- LLVM IR %s optimisation ----\n%s", when, s);
	LLVMDisposeMessage(s);
}

static void optimise(LLVMModuleRef mod, LLVMTargetMachineRef tm, int level)
{
	/* LLVM 19's debug records make an erased instruction hand its records to the next one, one by
	 * one: a pass erasing a run of instructions in a function with many variables is quadratic
	 * (10k locals: 113 s at -O2, all in DbgMarker::removeMarker). The passes run on the debug
	 * intrinsics instead, whose erasure moves nothing; the module is built and written with records. */
	static bool once;
	if (!once) {
		const char *argv[] = {"gocc", "-experimental-debuginfo-iterators=false"};
		LLVMParseCommandLineOptions(2, argv, NULL);
		once = true;
	}
	LLVMSetIsNewDbgInfoFormat(mod, false);
	char pipeline[32];
	snprintf(pipeline, sizeof pipeline, "default<O%d>", level);
	LLVMPassBuilderOptionsRef po = LLVMCreatePassBuilderOptions();
	LLVMPassBuilderOptionsSetLoopVectorization(po, level >= 2);
	LLVMPassBuilderOptionsSetSLPVectorization(po, level >= 2);
	LLVMPassBuilderOptionsSetLoopUnrolling(po, level >= 2);
	LLVMErrorRef err = LLVMRunPasses(mod, pipeline, tm, po);
	LLVMDisposePassBuilderOptions(po);
	LLVMSetIsNewDbgInfoFormat(mod, true);
	if (err) {
		char *msg = LLVMGetErrorMessage(err);
		internal_error("LLVM pass pipeline %s failed: %s", pipeline, msg);
	}
}

/* -ffunction-sections and -fdata-sections: every defined function in a section of its own,
 * `.text.NAME`, and every defined global too (`.rodata.NAME`, `.data.NAME`, `.bss.NAME`), so that
 * the link's --gc-sections (driver/link.c) drops what nothing reaches. With one shared .rodata per
 * object, a single string literal used by main kept the whole package's constant data alive, and
 * with it every function that data points to (method tables, closures' ·f records). The LLVM-C API
 * has no switch for TargetOptions.FunctionSections/DataSections, and naming the section is all those
 * switches do for ELF; the backend reads the section's kind from the name's prefix. The relocation
 * model is static (emit_target_machine), so a constant holding addresses belongs in .rodata as the
 * backend would place it. Left alone: globals that already have a section (package records, method
 * wrappers, llvm.metadata), comdat members (type descriptors: already one group section each),
 * common and thread-local globals. A function also gets a comdat of its own name: the backend puts
 * a function's jump tables in a section of its own only then (TargetOptions.FunctionSections being
 * out of reach); in the shared .rodata they kept every function with a switch alive. Only
 * external functions: no two objects define one, so the comdat changes nothing else, while two
 * packages' internal helpers of one name (runtime.complex128div) would be folded into one group. */
static void symbol_sections(LLVMModuleRef mod)
{
	int anon = 0;
	for (LLVMValueRef f = LLVMGetFirstFunction(mod); f; f = LLVMGetNextFunction(f)) {
		const char *section = LLVMGetSection(f);
		if (LLVMIsDeclaration(f) || (section && *section))
			continue;
		size_t n;
		const char *name = LLVMGetValueName2(f, &n);
		LLVMSetSection(f, xsprintf(".text.%.*s", (int)n, name));
		if (!LLVMGetComdat(f) && LLVMGetLinkage(f) == LLVMExternalLinkage)
			LLVMSetComdat(f, LLVMGetOrInsertComdat(mod, name));
	}
	for (LLVMValueRef g = LLVMGetFirstGlobal(mod); g; g = LLVMGetNextGlobal(g)) {
		const char *section = LLVMGetSection(g);
		LLVMValueRef init = LLVMGetInitializer(g);
		if (!init || (section && *section) || LLVMGetComdat(g) || LLVMIsThreadLocal(g) ||
		    LLVMGetLinkage(g) == LLVMCommonLinkage)
			continue;
		const char *kind = LLVMIsGlobalConstant(g) ? ".rodata" : LLVMIsNull(init) ? ".bss" : ".data";
		size_t n;
		const char *name = LLVMGetValueName2(g, &n);
		if (n)
			LLVMSetSection(g, xsprintf("%s.%.*s", kind, (int)n, name));
		else
			LLVMSetSection(g, xsprintf("%s.anon.%d", kind, anon++));
	}
}

bool emit_module(Module *m, const Options *opts, const char *path)
{
	LLVMModuleRef mod = m->mod;
	LLVMTargetMachineRef tm = emit_target_machine(opts->opt_level);
	if (opts->dump && strchr(opts->dump, 'I'))
		dump_ir(mod, "before");
	char *err = NULL;
	if (LLVMVerifyModule(mod, LLVMReturnStatusAction, &err)) {
		fprintf(stderr, "%s", err);
		internal_error("LLVM module verification failed");
	}
	LLVMDisposeMessage(err);
	optimise(mod, tm, opts->opt_level);
	if (opts->dump && strchr(opts->dump, 'O'))
		dump_ir(mod, "after");

	err = NULL;
	bool failed;
	if (opts->emit_llvm)
		failed = LLVMPrintModuleToFile(mod, path, &err);
	else if (opts->emit_asm)
		failed = LLVMTargetMachineEmitToFile(tm, mod, path, LLVMAssemblyFile, &err);
	else {
		lower_itab_slots(mod);
		symbol_sections(mod);
		failed = LLVMTargetMachineEmitToFile(tm, mod, path, LLVMObjectFile, &err);
	}
	if (failed) {
		fprintf(stderr, "gocc: writing %s: %s\n", path, err ? err : "unknown error");
		LLVMDisposeMessage(err);
		return false;
	}
	return true;
}
