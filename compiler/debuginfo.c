/*
 * debuginfo.c: DWARF for the generated code, through LLVM's DIBuilder (llvm-c/DebugInfo.h).
 *
 * In: the package's source files and, while lowering, the position of the construct being built.
 * Out: a DICompileUnit (language DW_LANG_Go), one DIFile per source file (absolute path), one
 * DISubprogram per function named by its Go link name, and a DILocation on every instruction, so
 * gdb can `break main.main`, step by line and show Go file:line in backtraces. The same line table
 * is what a later symbol-table pass reads back to build Go's pclntab.
 *
 * The key idea: the builder's "current debug location" is set from each statement and expression
 * position (lower_set_pos), so every instruction built afterwards inherits it; a function starts at
 * its declaration's position, so no instruction is ever without a location (LLVM's verifier rejects
 * calls without one inside a function that has a DISubprogram).
 */
#include "lower.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *absolute_path(const char *path)
{
	if (path[0] == '/')
		return path;
	char buf[PATH_MAX];
	char *real = realpath(path, buf);
	if (real)
		return xstrdup(real);
	if (getcwd(buf, sizeof buf))
		return xsprintf("%s/%s", buf, path);
	return path;
}

static LLVMMetadataRef di_file(int index)
{
	if (index < 0 || index >= L.di_nfiles)
		index = 0;
	if (L.di_files[index])
		return L.di_files[index];
	SourceFile *sf = source_file(index);
	const char *path = absolute_path(sf ? sf->name : "<unknown>");
	const char *slash = strrchr(path, '/');
	const char *dir = slash ? xstrndup(path, (size_t)(slash - path)) : ".";
	const char *base = slash ? slash + 1 : path;
	L.di_files[index] = LLVMDIBuilderCreateFile(L.dib, base, strlen(base), dir, strlen(dir));
	return L.di_files[index];
}

static void add_flag(const char *name, unsigned value)
{
	LLVMValueRef v = LLVMConstInt(LLVMInt32TypeInContext(L.ctx), value, false);
	LLVMAddModuleFlag(L.mod, LLVMModuleFlagBehaviorWarning, name, strlen(name), LLVMValueAsMetadata(v));
}

void di_init(Package *pkg)
{
	L.dib = LLVMCreateDIBuilder(L.mod);
	int nfiles = 0;
	for (int i = 0; i < pkg->files.len; i++) {
		Node *f = pkg->files.data[i];
		if (f->file.source && f->file.source->index + 1 > nfiles)
			nfiles = f->file.source->index + 1;
		if (f->pos.file + 1 > nfiles)
			nfiles = f->pos.file + 1;
	}
	if (nfiles == 0)
		nfiles = 1;
	L.di_nfiles = nfiles;
	L.di_files = xalloc(sizeof(LLVMMetadataRef) * (size_t)nfiles);
	Node *first = pkg->files.len ? pkg->files.data[0] : NULL;
	int first_index = first && first->file.source ? first->file.source->index : 0;
	const char *producer = "gocc 0.1.0 (go1.19 semantics)";
	L.di_cu = LLVMDIBuilderCreateCompileUnit(L.dib, LLVMDWARFSourceLanguageGo, di_file(first_index),
		producer, strlen(producer), L.opts->opt_level > 0, "", 0, 0, "", 0, LLVMDWARFEmissionFull,
		0, false, false, "", 0, "", 0);
	L.di_subroutine_type = LLVMDIBuilderCreateSubroutineType(L.dib, di_file(first_index), NULL, 0,
		LLVMDIFlagZero);
	add_flag("Dwarf Version", 4);
	add_flag("Debug Info Version", LLVMDebugMetadataVersion());
}

void di_finish(void)
{
	LLVMDIBuilderFinalize(L.dib);
	LLVMDisposeDIBuilder(L.dib);
	L.dib = NULL;
}

/* The DISubprogram of a function named `name` (its Go link name) declared at pos. */
LLVMMetadataRef di_function(LLVMValueRef fn, const char *name, Pos pos)
{
	int line = pos_valid(pos) ? pos.line : 1;
	LLVMMetadataRef file = di_file(pos_valid(pos) ? pos.file : 0);
	LLVMMetadataRef sp = LLVMDIBuilderCreateFunction(L.dib, file, name, strlen(name), name,
		strlen(name), file, (unsigned)line, L.di_subroutine_type,
		LLVMGetLinkage(fn) == LLVMInternalLinkage, true, (unsigned)line, LLVMDIFlagPrototyped,
		L.opts->opt_level > 0);
	LLVMSetSubprogram(fn, sp);
	return sp;
}

void di_set_pos(Pos pos)
{
	if (!L.fn || !L.fn->di_scope || !pos_valid(pos))
		return;
	LLVMMetadataRef loc = LLVMDIBuilderCreateDebugLocation(L.ctx, (unsigned)pos.line, (unsigned)pos.col,
		L.fn->di_scope, NULL);
	LLVMSetCurrentDebugLocation2(L.b, loc);
}

void di_clear(void)
{
	LLVMSetCurrentDebugLocation2(L.b, NULL);
}
