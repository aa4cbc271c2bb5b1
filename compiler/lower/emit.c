/*
 * emit.c: from a lowered LLVM module to a file on disk, and from an object file to an executable.
 *
 * Takes the Module built by lower_package. emit_module verifies it (a broken module is a gocc bug, so
 * verification failure is an internal error), runs the new pass manager pipeline "default<On>" for the
 * requested -O level, and writes textual IR (-emit-llvm), assembly (-S) or an ELF object through an
 * x86-64 TargetMachine. link_executable hands the object and libgocc_rt.a to the system C compiler
 * driver (`cc`), which knows where crt1.o and libc live; --gc-sections drops unused runtime code so
 * hello world stays small.
 *
 * The one idea: everything target-specific is decided here, once (triple, CPU, relocation model), so
 * lowering only ever sees a DataLayout.
 */
#include "backend.h"
#include "lower.h"

#include <llvm-c/Analysis.h>
#include <llvm-c/Target.h>
#include <llvm-c/TargetMachine.h>
#include <llvm-c/Transforms/PassBuilder.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

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
	tm = LLVMCreateTargetMachine(target, triple, "x86-64", "", level, LLVMRelocPIC, LLVMCodeModelDefault);
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
	char pipeline[32];
	snprintf(pipeline, sizeof pipeline, "default<O%d>", level);
	LLVMPassBuilderOptionsRef po = LLVMCreatePassBuilderOptions();
	LLVMPassBuilderOptionsSetLoopVectorization(po, level >= 2);
	LLVMPassBuilderOptionsSetSLPVectorization(po, level >= 2);
	LLVMPassBuilderOptionsSetLoopUnrolling(po, level >= 2);
	LLVMErrorRef err = LLVMRunPasses(mod, pipeline, tm, po);
	LLVMDisposePassBuilderOptions(po);
	if (err) {
		char *msg = LLVMGetErrorMessage(err);
		internal_error("LLVM pass pipeline %s failed: %s", pipeline, msg);
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
	else
		failed = LLVMTargetMachineEmitToFile(tm, mod, path, opts->emit_asm ? LLVMAssemblyFile : LLVMObjectFile, &err);
	if (failed) {
		fprintf(stderr, "gocc: writing %s: %s\n", path, err ? err : "unknown error");
		LLVMDisposeMessage(err);
		return false;
	}
	return true;
}

/* Runs argv (NULL-terminated) and waits; true if it exited with status 0. */
static bool run_command(char **argv)
{
	pid_t pid = fork();
	if (pid < 0) {
		perror("gocc: fork");
		return false;
	}
	if (pid == 0) {
		execvp(argv[0], argv);
		fprintf(stderr, "gocc: exec %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	int status = 0;
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return false;
	return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

bool link_executable(const char *object, const char *output, const Options *opts)
{
	const char *cc = getenv("GOCC_CC");
	if (!cc || !*cc)
		cc = "cc";
	char *argv[] = {
		(char *)cc, "-o", (char *)output, (char *)object, (char *)opts->runtime_lib,
		"-Wl,--gc-sections", "-Wl,--build-id=none", "-lm", "-lpthread", NULL,
	};
	if (!run_command(argv)) {
		fprintf(stderr, "gocc: linking %s failed\n", output);
		return false;
	}
	return true;
}
