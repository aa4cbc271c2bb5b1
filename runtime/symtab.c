/*
 * symtab.c: the table of compiled packages (Go's runtime/symtab.go keeps the moduledata list).
 *
 * Algorithm. The compiler emits one constant GoPackage record per package into the ELF section
 * `gocc_packages` (compiler/lower/lower_symtab.c). Because the section's name is a C identifier,
 * the linker concatenates the records of all objects into one array and defines
 * __start_gocc_packages and __stop_gocc_packages around it; walking the packages is walking that
 * array. Each record lists the package's globals (address + descriptor: the roots a collector
 * scans) and the type descriptors it emitted.
 *
 * Invariants. Records are 8-aligned and their size is a multiple of 8, so the concatenation has no
 * padding between records. The bounds are weak references: a program linked without any record
 * (a unit test, or records dropped by --gc-sections because nothing walks them) sees zero packages
 * instead of failing to link.
 *
 * Rejected alternatives. A registration call from each package's init (a constructor list) costs
 * start-up time and runs too late for a collector that must know its roots before any init code
 * allocates. One compiler-generated table for the whole program needs a link step that knows every
 * package; with sections, packages compiled separately still form one array.
 */
#include "symtab.h"

#include <string.h>

extern const GoPackage __start_gocc_packages[] __attribute__((weak, visibility("hidden")));
extern const GoPackage __stop_gocc_packages[] __attribute__((weak, visibility("hidden")));

const GoPackage *symtab_packages(size_t *n)
{
	if (!__start_gocc_packages || !__stop_gocc_packages) {
		*n = 0;
		return NULL;
	}
	*n = (size_t)(__stop_gocc_packages - __start_gocc_packages);
	return __start_gocc_packages;
}

const GoPackage *symtab_find_package(GoString path)
{
	size_t n;
	const GoPackage *p = symtab_packages(&n);
	for (size_t i = 0; i < n; i++)
		if (p[i].path.len == path.len && memcmp(p[i].path.str, path.str, (size_t)path.len) == 0)
			return &p[i];
	return NULL;
}

/* ---- the runtime package's stack-walking API (stdlib/runtime/symtab.go) ----
 *
 * runtime.Caller, Callers, FuncForPC and Frames need a table from program counters to functions,
 * files and lines (gc's pclntab), which the records above do not hold yet. Until they do, those
 * entry points throw `fatal error: runtime.Caller is not supported yet` instead of answering
 * ok=false or an empty name, which gc never does for a real frame. */
#include "panic.h"
#include "print.h"

GO_LINKNAME(symtab_notSupported, "runtime.notSupported");
RUNTIME_API RUNTIME_NORET void symtab_notSupported(void *ctx, const uint8_t *p, int64_t len)
{
	(void)ctx;
	runtime_printlock();
	print_cstr("fatal error: ");
	runtime_printstring((GoString){p, len});
	print_cstr(" is not supported yet\n");
	runtime_printunlock();
	panic_start_dying();
	panic_finish(NULL, true);
}
