/*
 * reflect.c: the runtime half of package reflect (stdlib/reflect): the functions gc's runtime
 * gives reflect through //go:linkname (map.go's reflect_mapaccess, reflect_mapiterinit, ...), here
 * defined in C under the link names of reflect's body-less declarations (runtime.h GO_LINKNAME,
 * docs/architecture.md "Body-less functions").
 *
 * In: map descriptors and map headers, keys and elems by address, as reflect.Value holds them.
 * Out: the map runtime's answers (map.c), in the shapes reflect wants: an elem address or NULL
 * (mapaccess), an iterator advanced in place (mapiterinit / mapiternext over the same
 * MAP_ITER_WORDS words the compiler's range loops use), a fresh map (makemap), typed allocation
 * (unsafe_New, unsafe_NewArray through mallocgc with the descriptor).
 *
 * The one idea: no new map logic. Each function is one call into map.c or malloc.c's runtime.def
 * entry points plus the copy reflect would otherwise do in Go; the map's rules (random iteration
 * order, NaN keys, growth during iteration, `assignment to entry in nil map`) stay map.c's.
 *
 * Invariants: every function takes gocc's closure context first and ignores it (the calling
 * convention of Go functions); a key or elem pointer is valid for t->key / t->elem; returned elem
 * addresses point into the table and are copied by the caller before any other map operation.
 * Rejected: reading the map's table from Go through unsafe (two copies of the probing logic that
 * would drift apart).
 */
#include "map.h"
#include "iface.h"
#include "malloc.h"
#include "panic.h"
#include "symtab.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* func mapaccess(t *rtype, m unsafe.Pointer, key unsafe.Pointer) (val unsafe.Pointer):
 * the elem's address, or nil when key is absent (m nil included). */
GO_LINKNAME(reflect_mapaccess, "reflect.mapaccess");
RUNTIME_API void *reflect_mapaccess(void *ctx, const GoType *t, void *m, void *key)
{
	(void)ctx;
	GoPtrBool r = runtime_mapaccess2(t, m, key);
	return r.ok ? r.p : NULL;
}

/* func mapassign(t *rtype, m unsafe.Pointer, key, val unsafe.Pointer): m[*key] = *val. */
GO_LINKNAME(reflect_mapassign, "reflect.mapassign");
RUNTIME_API void reflect_mapassign(void *ctx, const GoType *t, void *m, void *key, void *val)
{
	(void)ctx;
	void *p = runtime_mapassign(t, m, key);
	memmove(p, val, t->elem->size);
}

/* func mapdelete(t *rtype, m unsafe.Pointer, key unsafe.Pointer) */
GO_LINKNAME(reflect_mapdelete, "reflect.mapdelete");
RUNTIME_API void reflect_mapdelete(void *ctx, const GoType *t, void *m, void *key)
{
	(void)ctx;
	runtime_mapdelete(t, m, key);
}

/* func mapiterinit(t *rtype, m unsafe.Pointer, it *hiter): it is MAP_ITER_WORDS words; word
 * MAP_ITER_KEY_WORD holds the current key's address (NULL at the end), MAP_ITER_ELEM_WORD the
 * elem's. */
GO_LINKNAME(reflect_mapiterinit, "reflect.mapiterinit");
RUNTIME_API void reflect_mapiterinit(void *ctx, const GoType *t, void *m, void *it)
{
	(void)ctx;
	runtime_mapiterinit(t, m, it);
}

/* func mapiternext(it *hiter) */
GO_LINKNAME(reflect_mapiternext, "reflect.mapiternext");
RUNTIME_API void reflect_mapiternext(void *ctx, void *it)
{
	(void)ctx;
	runtime_mapiternext(it);
}

/* func makemap(t *rtype, cap int) (m unsafe.Pointer) */
GO_LINKNAME(reflect_makemap, "reflect.makemap");
RUNTIME_API void *reflect_makemap(void *ctx, const GoType *t, intgo cap)
{
	(void)ctx;
	return runtime_makemap(t, cap, NULL);
}

/* func unsafe_New(t *rtype) unsafe.Pointer: zeroed memory for one t, typed for the collector. */
GO_LINKNAME(reflect_unsafe_New, "reflect.unsafe_New");
GO_LINKNAME(reflect_unsafe_New, "internal/reflectlite.unsafe_New");
RUNTIME_API void *reflect_unsafe_New(void *ctx, const GoType *t)
{
	(void)ctx;
	return runtime_newobject(t);
}

/* func unsafe_NewArray(t *rtype, n int) unsafe.Pointer: zeroed memory for n t's. */
GO_LINKNAME(reflect_unsafe_NewArray, "reflect.unsafe_NewArray");
RUNTIME_API void *reflect_unsafe_NewArray(void *ctx, const GoType *t, intgo n)
{
	(void)ctx;
	return runtime_makeslice(t, n, n);
}

/* func ifaceE2I(t *rtype, src any, dst unsafe.Pointer): store src, whose dynamic type implements
 * the non-empty interface type t, at dst as a t (the runtime's cached itab, iface.c). */
GO_LINKNAME(reflect_ifaceE2I, "reflect.ifaceE2I");
GO_LINKNAME(reflect_ifaceE2I, "internal/reflectlite.ifaceE2I");
RUNTIME_API void reflect_ifaceE2I(void *ctx, const GoType *t, const GoType *srctype, void *srcdata,
				  void *dst)
{
	(void)ctx;
	GoIface *d = dst;
	d->itab = iface_getitab(t, srctype, false);
	d->data = srcdata;
}

/* func typedmemmove(t *rtype, dst, src unsafe.Pointer): *dst = *src for a value of type t (the
 * place for the collector's write barrier when it comes). */
GO_LINKNAME(reflect_typedmemmove, "reflect.typedmemmove");
GO_LINKNAME(reflect_typedmemmove, "internal/reflectlite.typedmemmove");
RUNTIME_API void reflect_typedmemmove(void *ctx, const GoType *t, void *dst, void *src)
{
	(void)ctx;
	if (dst != src && t->size != 0)
		memmove(dst, src, t->size);
}

/* func memmove(dst, src unsafe.Pointer, n uintptr): n bytes, the ranges may overlap (Copy). */
GO_LINKNAME(reflect_memmove, "reflect.memmove");
RUNTIME_API void reflect_memmove(void *ctx, void *dst, void *src, uintptr_t n)
{
	(void)ctx;
	memmove(dst, src, n);
}

/* ---- Value.Call ----
 * func callframe(f *callFrame): call f.fn with the registers and stack words reflect's call.go
 * computed from the callee's signature (gocc's calling convention under the x86-64 System V rules
 * LLVM applies: every parameter word in the next free integer or SSE register, the rest on the
 * stack in order), then store what comes back in RAX, RDX, RCX, XMM0 and XMM1, and pop the nx87
 * values LLVM returns on the x87 stack (a third and fourth float word: ST0 then ST1) as float64s.
 * Layout of callFrame (call.go): fn 0, ints[6] 8, floats[8] 56, stack 120, nstack 128, ret[3] 136,
 * fret[2] 160, nx87 176, x87[2] 184. Which words mean what is call.go's business; this only moves them. */
__asm__(".text\n"
	".p2align 4\n"
	".type reflect_callframe, @function\n"
	"reflect_callframe:\n"
	"	pushq %rbp\n"
	"	movq %rsp, %rbp\n"
	"	pushq %rbx\n"
	"	pushq %r12\n"
	"	movq %rsi, %rbx\n"
	"	movq 128(%rbx), %rcx\n"
	"	movq %rcx, %rax\n"
	"	shlq $3, %rax\n"
	"	subq %rax, %rsp\n"
	"	andq $-16, %rsp\n"
	"	movq 120(%rbx), %rsi\n"
	"	xorl %eax, %eax\n"
	"1:	cmpq %rcx, %rax\n"
	"	jge 2f\n"
	"	movq (%rsi,%rax,8), %rdx\n"
	"	movq %rdx, (%rsp,%rax,8)\n"
	"	incq %rax\n"
	"	jmp 1b\n"
	"2:	movsd 56(%rbx), %xmm0\n"
	"	movsd 64(%rbx), %xmm1\n"
	"	movsd 72(%rbx), %xmm2\n"
	"	movsd 80(%rbx), %xmm3\n"
	"	movsd 88(%rbx), %xmm4\n"
	"	movsd 96(%rbx), %xmm5\n"
	"	movsd 104(%rbx), %xmm6\n"
	"	movsd 112(%rbx), %xmm7\n"
	"	movq 8(%rbx), %rdi\n"
	"	movq 16(%rbx), %rsi\n"
	"	movq 24(%rbx), %rdx\n"
	"	movq 32(%rbx), %rcx\n"
	"	movq 40(%rbx), %r8\n"
	"	movq 48(%rbx), %r9\n"
	"	callq *(%rbx)\n"
	"	movq %rax, 136(%rbx)\n"
	"	movq %rdx, 144(%rbx)\n"
	"	movq %rcx, 152(%rbx)\n"
	"	movsd %xmm0, 160(%rbx)\n"
	"	movsd %xmm1, 168(%rbx)\n"
	"	movq 176(%rbx), %rax\n"
	"	cmpq $1, %rax\n"
	"	jl 3f\n"
	"	fstpl 184(%rbx)\n"
	"	cmpq $2, %rax\n"
	"	jl 3f\n"
	"	fstpl 192(%rbx)\n"
	"3:	leaq -16(%rbp), %rsp\n"
	"	popq %r12\n"
	"	popq %rbx\n"
	"	popq %rbp\n"
	"	ret\n"
	".size reflect_callframe, .-reflect_callframe\n");
GO_LINKNAME(reflect_callframe, "reflect.callframe");

/* func typelink(i int) *rtype: the i'th descriptor of the program's package records (packages in
 * section order, each package's types in order), nil past the last: reflect searches them for a
 * *T, []T, map or func type before making one (gocc's typelinks). A record's entry is 0 when the
 * link dropped that descriptor (nothing else in the program used it: driver/deadmethod.c, gc's
 * typelinks list only reachable types too); the first call gathers the others once. */
static const GoType **typelinks;
static size_t ntypelinks;
static pthread_once_t typelinks_once = PTHREAD_ONCE_INIT;

static void typelinks_init(void)
{
	size_t n, total = 0;
	const GoPackage *pkgs = symtab_packages(&n);
	for (size_t k = 0; k < n; k++)
		total += pkgs[k].ntypes;
	typelinks = calloc(total ? total : 1, sizeof *typelinks);
	if (typelinks == NULL)
		panic_throw("out of memory");
	for (size_t k = 0; k < n; k++)
		for (size_t j = 0; j < pkgs[k].ntypes; j++)
			if (((const GoType *const *)pkgs[k].types)[j])
				typelinks[ntypelinks++] = ((const GoType *const *)pkgs[k].types)[j];
}

GO_LINKNAME(reflect_typelink, "reflect.typelink");
RUNTIME_API const GoType *reflect_typelink(void *ctx, intgo i)
{
	(void)ctx;
	pthread_once(&typelinks_once, typelinks_init);
	return (uintptr_t)i < ntypelinks ? typelinks[i] : NULL;
}
