/*
 * debuginfo.c: DWARF for the generated code, through LLVM's DIBuilder (llvm-c/DebugInfo.h).
 *
 * In: the package's source files and, while lowering, the position of the construct being built.
 * Out: a DICompileUnit (language DW_LANG_Go), one DIFile per source file (absolute path) and per
 * file a line directive names (positions go through pos_rel, so DWARF and the pc table built from
 * it report what gc reports: code after a directive sits in a DILexicalBlockFile of its file), one
 * DISubprogram per function named by its Go link name, and a DILocation on every instruction, so
 * gdb can `break main.main`, step by line and show Go file:line in backtraces. The same line table
 * is what a later symbol-table pass reads back to build Go's pclntab.
 *
 * Variables get DILocalVariables (parameters numbered) with DWARF types built from Go types: basic
 * types by encoding, strings/slices/interfaces as the structs they are in memory, named types by
 * their Go names, so `info locals` and `print s` work in gdb.
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

/* The DIFile of a name a line directive gave, as written: an absolute name by its directory, any
 * other name (relative, "c:/x.go", "??") under the directory "." that driver/pctab.c leaves out. */
static LLVMMetadataRef di_file_named(const char *name)
{
	for (int i = 0; i < L.di_named.len; i += 2)
		if (strcmp(L.di_named.data[i], name) == 0)
			return L.di_named.data[i + 1];
	const char *slash = name[0] == '/' ? strrchr(name, '/') : NULL;
	const char *dir = slash ? (slash == name ? "/" : xstrndup(name, (size_t)(slash - name))) : ".";
	const char *base = slash ? slash + 1 : name;
	LLVMMetadataRef f = LLVMDIBuilderCreateFile(L.dib, base, strlen(base), dir, strlen(dir));
	vec_push(&L.di_named, (void *)name);
	vec_push(&L.di_named, f);
	return f;
}

/* Where pos is reported (its line directives applied): *r, and the DIFile of r->file. */
static LLVMMetadataRef di_pos(Pos pos, RelPos *r)
{
	*r = pos_rel(pos);
	return r->directive ? di_file_named(r->file) : di_file(pos.file);
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
	L.di_named = (Vec){0};
	L.di_files = xalloc(sizeof(LLVMMetadataRef) * (size_t)nfiles);
	Node *first = pkg->files.len ? pkg->files.data[0] : NULL;
	int first_index = first && first->file.source ? first->file.source->index : 0;
	const char *producer = "gocc 0.1.0 (go1.19 semantics)";
	L.di_cu = LLVMDIBuilderCreateCompileUnit(L.dib, LLVMDWARFSourceLanguageGo, di_file(first_index),
		producer, strlen(producer), L.opts->opt_level > 0, "", 0, 0, "", 0, LLVMDWARFEmissionFull,
		0, false, false, "", 0, "", 0);
	L.di_subroutine_type = LLVMDIBuilderCreateSubroutineType(L.dib, di_file(first_index), NULL, 0,
		LLVMDIFlagZero);
	/* DWARF 4: gdb reads it without complaint next to the runtime's gcc-built objects. (Assembly from
	 * -S uses `.file N "dir" "name"`, which GNU as accepts with --gdwarf-5; clang -c takes it as is.) */
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
	RelPos r = {.line = 1};
	LLVMMetadataRef file = pos_valid(pos) ? di_pos(pos, &r) : di_file(0);
	int line = r.line;
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
	RelPos r;
	LLVMMetadataRef file = di_pos(pos, &r);
	LLVMMetadataRef scope = L.fn->di_scope;
	if (file != LLVMDIScopeGetFile(scope)) /* a line directive named another file */
		scope = LLVMDIBuilderCreateLexicalBlockFile(L.dib, scope, file, 0);
	LLVMMetadataRef loc = LLVMDIBuilderCreateDebugLocation(L.ctx, (unsigned)r.line, (unsigned)r.col,
		scope, NULL);
	LLVMSetCurrentDebugLocation2(L.b, loc);
}

/* Line 0 ("no source line") for the code that binds parameters, results and captured variables
 * on entry, as clang does for parameter spills: LLVM then marks prologue_end on the first
 * instruction of the body, so `break main.f` in gdb stops where the parameters are already
 * stored and shows their values. */
void di_set_prologue(void)
{
	if (!L.fn || !L.fn->di_scope)
		return;
	LLVMMetadataRef loc = LLVMDIBuilderCreateDebugLocation(L.ctx, 0, 0, L.fn->di_scope, NULL);
	LLVMSetCurrentDebugLocation2(L.b, loc);
}

void di_clear(void)
{
	LLVMSetCurrentDebugLocation2(L.b, NULL);
}

/* ---- types ----------------------------------------------------------------------------------- */

enum { DW_ATE_boolean = 2, DW_ATE_complex_float = 3, DW_ATE_float = 4, DW_ATE_signed = 5, DW_ATE_unsigned = 8 };
enum { DW_TAG_structure_type = 0x13 };

static LLVMMetadataRef cache_get(Type *t)
{
	return hashmap_get(&L.di_types, t);
}

static void cache_put(Type *t, LLVMMetadataRef m)
{
	hashmap_put(&L.di_types, t, m);
}

static LLVMMetadataRef di_basic(const char *name, int64_t size, unsigned enc)
{
	return LLVMDIBuilderCreateBasicType(L.dib, name, strlen(name), (uint64_t)size * 8, enc, LLVMDIFlagZero);
}

static LLVMMetadataRef di_pointer(LLVMMetadataRef elem, const char *name)
{
	return LLVMDIBuilderCreatePointerType(L.dib, elem, 64, 64, 0, name, strlen(name));
}

/* A struct of (name, type, offset) members. */
static LLVMMetadataRef di_struct(const char *name, int64_t size, int64_t align, int n, const char **names,
                                 LLVMMetadataRef *types, int64_t *sizes, int64_t *offsets)
{
	LLVMMetadataRef file = di_file(0);
	LLVMMetadataRef *members = xalloc(sizeof(LLVMMetadataRef) * (size_t)(n + 1));
	for (int i = 0; i < n; i++)
		members[i] = LLVMDIBuilderCreateMemberType(L.dib, L.di_cu, names[i], strlen(names[i]), file, 0,
			(uint64_t)sizes[i] * 8, 0, (uint64_t)offsets[i] * 8, LLVMDIFlagZero, types[i]);
	return LLVMDIBuilderCreateStructType(L.dib, L.di_cu, name, strlen(name), file, 0, (uint64_t)size * 8,
		(uint32_t)align * 8, LLVMDIFlagZero, NULL, members, (unsigned)n, 0, NULL, "", 0);
}

static LLVMMetadataRef di_type(Type *t);

static LLVMMetadataRef di_words(const char *name, int n, const char **names, LLVMMetadataRef *types)
{
	int64_t sizes[3] = {8, 8, 8}, offs[3] = {0, 8, 16};
	return di_struct(name, 8 * n, 8, n, names, types, sizes, offs);
}

static LLVMMetadataRef di_composite(Type *t, const char *name)
{
	Type *u = type_underlying(t);
	if (u->kind == TY_ARRAY) {
		LLVMMetadataRef sub = LLVMDIBuilderGetOrCreateSubrange(L.dib, 0, u->array.len);
		return LLVMDIBuilderCreateArrayType(L.dib, (uint64_t)type_size(t) * 8, (uint32_t)type_align(t) * 8,
			di_type(u->array.elem), &sub, 1);
	}
	int n = u->strct.nfields;
	const char **names = xalloc(sizeof(char *) * (size_t)(n + 1));
	LLVMMetadataRef *types = xalloc(sizeof(LLVMMetadataRef) * (size_t)(n + 1));
	int64_t *sizes = xalloc(sizeof(int64_t) * (size_t)(n + 1)), *offs = xalloc(sizeof(int64_t) * (size_t)(n + 1));
	for (int i = 0; i < n; i++) {
		names[i] = u->strct.fields[i]->name;
		types[i] = di_type(u->strct.fields[i]->type);
		sizes[i] = type_size(u->strct.fields[i]->type);
		offs[i] = type_field_offset(u, i);
	}
	return di_struct(name, type_size(t), type_align(t), n, names, types, sizes, offs);
}

static LLVMMetadataRef di_unnamed(Type *t)
{
	Type *u = type_underlying(t);
	const char *name = type_string(t);
	switch (u->kind) {
	case TY_BOOL: return di_basic(name, 1, DW_ATE_boolean);
	case TY_INT: case TY_INT8: case TY_INT16: case TY_INT32: case TY_INT64:
		return di_basic(name, type_size(t), DW_ATE_signed);
	case TY_UINT: case TY_UINT8: case TY_UINT16: case TY_UINT32: case TY_UINT64: case TY_UINTPTR:
		return di_basic(name, type_size(t), DW_ATE_unsigned);
	case TY_FLOAT32: case TY_FLOAT64: return di_basic(name, type_size(t), DW_ATE_float);
	case TY_COMPLEX64: case TY_COMPLEX128: return di_basic(name, type_size(t), DW_ATE_complex_float);
	case TY_STRING: {
		const char *names[2] = {"str", "len"};
		LLVMMetadataRef types[2] = {di_pointer(di_basic("uint8", 1, DW_ATE_unsigned), "*uint8"),
		                            di_basic("int", 8, DW_ATE_signed)};
		return di_words(name, 2, names, types);
	}
	case TY_SLICE: {
		const char *names[3] = {"array", "len", "cap"};
		LLVMMetadataRef types[3] = {di_pointer(di_type(u->array.elem), ""), di_basic("int", 8, DW_ATE_signed),
		                            di_basic("int", 8, DW_ATE_signed)};
		return di_words(name, 3, names, types);
	}
	case TY_INTERFACE: {
		const char *names[2] = {"tab", "data"};
		LLVMMetadataRef types[2] = {di_pointer(NULL, "uintptr"), di_pointer(NULL, "unsafe.Pointer")};
		return di_words(name, 2, names, types);
	}
	case TY_POINTER:
		return di_pointer(di_type(u->pointer.elem), name);
	case TY_STRUCT: case TY_ARRAY:
		return di_composite(t, name);
	default: /* funcs, maps, chans, unsafe.Pointer: a pointer */
		return di_pointer(NULL, name);
	}
}

/* Named types may be recursive (type T struct { next *T }): a placeholder stands in while the
 * definition is built, then is replaced by it. */
static LLVMMetadataRef di_type(Type *t)
{
	if (type_is_untyped(t))
		t = type_default(t);
	LLVMMetadataRef m = cache_get(t);
	if (m)
		return m;
	if (t->kind != TY_NAMED) {
		m = di_unnamed(t);
		cache_put(t, m);
		return m;
	}
	const char *name = type_string(t);
	LLVMMetadataRef tmp = LLVMDIBuilderCreateReplaceableCompositeType(L.dib, DW_TAG_structure_type, name,
		strlen(name), L.di_cu, di_file(0), 0, 0, (uint64_t)type_size(t) * 8, 0, LLVMDIFlagFwdDecl, "", 0);
	cache_put(t, tmp);
	Type *u = type_underlying(t);
	if (u->kind == TY_STRUCT)
		m = di_composite(t, name);
	else
		m = LLVMDIBuilderCreateTypedef(L.dib, di_unnamed(u), name, strlen(name), di_file(0), 0, L.di_cu, 0);
	LLVMMetadataReplaceAllUsesWith(tmp, m);
	cache_put(t, m);
	return m;
}

/* ---- variables ------------------------------------------------------------------------------- */

/* Describes variable obj living at `storage` (an alloca, an argument, or a heap cell); argno > 0
 * for parameters. The declaration goes at the current insertion point. */
void di_declare(Object *obj, LLVMValueRef storage, int argno)
{
	if (!L.fn || !L.fn->di_scope || !obj || !obj->name || obj->name[0] == '~' || obj->name == intern("_", 1))
		return;
	RelPos r = {0};
	LLVMMetadataRef file = pos_valid(obj->pos) ? di_pos(obj->pos, &r) : di_file(0);
	int line = r.line;
	LLVMMetadataRef ty = di_type(lower_obj_type(obj));
	LLVMMetadataRef var = argno > 0
		? LLVMDIBuilderCreateParameterVariable(L.dib, L.fn->di_scope, obj->name, strlen(obj->name),
			(unsigned)argno, file, (unsigned)line, ty, true, LLVMDIFlagZero)
		: LLVMDIBuilderCreateAutoVariable(L.dib, L.fn->di_scope, obj->name, strlen(obj->name), file,
			(unsigned)line, ty, true, LLVMDIFlagZero, 0);
	LLVMMetadataRef expr = LLVMDIBuilderCreateExpression(L.dib, NULL, 0);
	LLVMMetadataRef loc = LLVMDIBuilderCreateDebugLocation(L.ctx, (unsigned)(line ? line : 1),
		(unsigned)r.col, L.fn->di_scope, NULL);
	LLVMDIBuilderInsertDeclareRecordAtEnd(L.dib, storage, var, expr, loc, LLVMGetInsertBlock(L.b));
}
