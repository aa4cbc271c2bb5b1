/*
 * lower_symtab.c: the package record, what a running program knows about each compiled package
 * (runtime ABI v1, runtime.def PKG_FIELD / GLOBAL_FIELD).
 *
 * In: the lowered package (its globals, and every type descriptor lowering emitted for it). Out:
 * one constant GoPackage {path, globals, nglobals, types, ntypes} named "package:<path>" in the
 * ELF section `gocc_packages`. The linker concatenates the sections of all packages into one array
 * that the runtime walks from __start_gocc_packages to __stop_gocc_packages (runtime/symtab.c):
 * the globals are the collector's future roots (GoGlobal: address and descriptor), the types what
 * reflection and the itab cache will look up.
 *
 * The one idea: the record is built last, after every function, so Lower.typedesc_list is complete;
 * the descriptors of the globals' types are made first, since they may add to that list. It is
 * kept from the optimiser with llvm.compiler.used but not retained by the linker: a program whose
 * runtime never walks the records drops them with --gc-sections.
 */
#include "lower.h"

#include <string.h>

static const char *package_path(Package *pkg)
{
	return pkg->path ? pkg->path : "main";
}

/* GoGlobal[] for the package-level variables that have storage (not `_`). */
static LLVMValueRef globals_array(Package *pkg, int *n)
{
	LLVMValueRef *recs = xalloc(sizeof(LLVMValueRef) * (size_t)(pkg->globals.len + 1));
	*n = 0;
	for (int i = 0; i < pkg->globals.len; i++) {
		Object *g = pkg->globals.data[i];
		LLVMValueRef addr = varmap_get(&L.values, g);
		if (!addr)
			continue;
		struct { LLVMValueRef addr, type; } r = {addr, lower_typedesc(g->type)};
		LLVMValueRef v[4];
		int k = 0;
#define GLOBAL_FIELD(vocab, name) v[k++] = r.name;
#include "runtime.def"
		recs[(*n)++] = LLVMConstNamedStruct(lower_record_type(REC_GLOBAL), v, (unsigned)k);
	}
	const char *name = xsprintf("package:%s.globals", package_path(pkg));
	return lower_const_array(lower_record_type(REC_GLOBAL), recs, *n, name);
}

/* Keeps g in the object file although nothing in the module refers to it. */
static void keep_from_optimiser(LLVMValueRef g)
{
	LLVMValueRef init = LLVMConstArray2(L.t_ptr, &g, 1);
	LLVMValueRef used = LLVMAddGlobal(L.mod, LLVMTypeOf(init), "llvm.compiler.used");
	LLVMSetLinkage(used, LLVMAppendingLinkage);
	LLVMSetSection(used, "llvm.metadata");
	LLVMSetInitializer(used, init);
}

void lower_package_record(Package *pkg)
{
	int nglobals;
	LLVMValueRef globals = globals_array(pkg, &nglobals);
	int ntypes = L.typedesc_list.len;
	const char *path = package_path(pkg);
	LLVMValueRef types = lower_const_array(L.t_ptr, (LLVMValueRef *)L.typedesc_list.data, ntypes,
	                                       xsprintf("package:%s.types", path));
	struct { LLVMValueRef path, globals, nglobals, types, ntypes; } r = {
		lower_string_const(path, strlen(path)), globals, i64c(nglobals), types, i64c(ntypes),
	};
	LLVMValueRef v[8];
	int k = 0;
#define PKG_FIELD(vocab, name) v[k++] = r.name;
#include "runtime.def"
	LLVMTypeRef rt = lower_record_type(REC_PACKAGE);
	LLVMValueRef g = LLVMAddGlobal(L.mod, rt, xsprintf("package:%s", path));
	LLVMSetInitializer(g, LLVMConstNamedStruct(rt, v, (unsigned)k));
	LLVMSetGlobalConstant(g, true);
	LLVMSetLinkage(g, LLVMInternalLinkage);
	LLVMSetSection(g, "gocc_packages");
	LLVMSetAlignment(g, 8);
	keep_from_optimiser(g);
}
