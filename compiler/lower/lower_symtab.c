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
 * kept from the optimiser and retained by the linker (llvm.used, SHF_GNU_RETAIN): the link uses
 * -z start-stop-gc, so that __start_/__stop_ references alone keep no section (driver/link.c).
 */
#include "lower.h"

#include <string.h>

static const char *package_path(Package *pkg)
{
	return pkg->path ? pkg->path : "main";
}

/* The globals list's entry for variable g: the weak slot "go.globallink|NAME", which the link
 * defines as g only when something else keeps g (driver/deadmethod.c), as the types list's
 * entries are, so that the record, which the link must retain, does not retain every variable and
 * what its initial value points to; a variable the link dropped is listed at address 0, which
 * the collector passes over (runtime/mgc.c find_globals). A local symbol (the command's
 * variables) keeps the plain reference. */
static LLVMValueRef global_slot(LLVMValueRef g)
{
	size_t n;
	const char *name = LLVMGetValueName2(g, &n);
	LLVMLinkage linkage = LLVMGetLinkage(g);
	if (L.opts->emit_asm || L.opts->emit_llvm || linkage == LLVMInternalLinkage || linkage == LLVMPrivateLinkage ||
	    linkage == LLVMCommonLinkage || memchr(name, '"', n) || memchr(name, '\n', n))
		return g;
	return lower_link_slot(L.mod, xsprintf("go.globallink|%.*s", (int)n, name));
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
		struct { LLVMValueRef addr, type; } r = {global_slot(addr), lower_typedesc(g->type)};
		LLVMValueRef v[4];
		int k = 0;
#define GLOBAL_FIELD(vocab, name) v[k++] = r.name;
#include "runtime.def"
		recs[(*n)++] = LLVMConstNamedStruct(lower_record_type(REC_GLOBAL), v, (unsigned)k);
	}
	const char *name = xsprintf("package:%s.globals", package_path(pkg));
	return lower_const_array(lower_record_type(REC_GLOBAL), recs, *n, name);
}

static void used_array(const char *name, Vec *values)
{
	LLVMValueRef init = LLVMConstArray2(L.t_ptr, (LLVMValueRef *)values->data, (uint64_t)values->len);
	LLVMValueRef used = LLVMAddGlobal(L.mod, LLVMTypeOf(init), name);
	LLVMSetLinkage(used, LLVMAppendingLinkage);
	LLVMSetSection(used, "llvm.metadata");
	LLVMSetInitializer(used, init);
}

/* Keeps the record g in the link (llvm.used: its section gets SHF_GNU_RETAIN, as the link uses
 * -z start-stop-gc, driver/link.c), and keeps in the object file, for the link to drop or keep,
 * the go.iname markers that only inline assembly refers to (lower_mark_icall) and the linkonce
 * methods and signature descriptors that only a method slot names (lower_methods.c). */
static void keep(LLVMValueRef g)
{
	Vec used = {0}, compiler_used = {0};
	vec_push(&used, g);
	for (LLVMValueRef v = LLVMGetFirstGlobal(L.mod); v; v = LLVMGetNextGlobal(v)) {
		size_t n;
		const char *name = LLVMGetValueName2(v, &n);
		if (n > 9 && strncmp(name, "go.iname.", 9) == 0)
			vec_push(&compiler_used, v);
		if (n > 10 && strncmp(name, "go.method|", 10) == 0) {
			LLVMValueRef fn = LLVMGetNamedFunction(L.mod, strrchr(name, '|') + 1);
			if (fn && !LLVMIsDeclaration(fn))
				vec_push(&compiler_used, fn);
		}
		if (n > 8 && strncmp(name, "go.mtyp|", 8) == 0) {
			LLVMValueRef d = LLVMGetNamedGlobal(L.mod, strrchr(name, '|') + 1);
			if (d && !LLVMIsDeclaration(d))
				vec_push(&compiler_used, d);
		}
	}
	used_array("llvm.used", &used);
	if (compiler_used.len)
		used_array("llvm.compiler.used", &compiler_used);
}

/* The types list's entry for descriptor d ("type:LINK"): the weak slot "go.typelink|LINK", which
 * the link defines as d only when something else keeps d (driver/deadmethod.c), so that the
 * record, which the link must retain, does not retain every type the package mentions. */
static LLVMValueRef typelink_slot(LLVMValueRef d)
{
	size_t n;
	const char *name = LLVMGetValueName2(d, &n);
	if (L.opts->emit_asm || L.opts->emit_llvm || n < 5 || strncmp(name, "type:", 5) != 0 || memchr(name, '"', n) || memchr(name, '\n', n))
		return d;
	return lower_link_slot(L.mod, xsprintf("go.typelink|%.*s", (int)n - 5, name + 5));
}

void lower_package_record(Package *pkg)
{
	int nglobals;
	LLVMValueRef globals = globals_array(pkg, &nglobals);
	int ntypes = L.typedesc_list.len;
	const char *path = package_path(pkg);
	LLVMValueRef *slots = lower_value_array(ntypes);
	for (int i = 0; i < ntypes; i++)
		slots[i] = typelink_slot(L.typedesc_list.data[i]);
	LLVMValueRef types = lower_const_array(L.t_ptr, slots, ntypes,
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
	keep(g);
}
