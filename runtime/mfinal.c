/*
 * mfinal.c: runtime.SetFinalizer (Go's mfinal.go) for a runtime without a collector.
 *
 * In: the object and the finalizer as two interface values (stdlib/runtime/mfinal.go). Out: either
 * go1.19's fatal error for a call it would reject, or nothing. A finalizer runs when the collector
 * finds its object unreachable; gocc has no collector yet (malloc.c never frees), so no object is
 * ever found unreachable and no finalizer ever runs — as in gc when no collection happens before the
 * program exits, which the API explicitly allows. What is recorded is which objects have a finalizer
 * (a set of addresses), because gc refuses a second one: `fatal error: runtime.SetFinalizer:
 * finalizer already set`; a nil finalizer removes the address. The checks are gc's, with its messages (`fatal error:
 * runtime.SetFinalizer: first argument is int, not pointer`): the object must be a pointer, the
 * finalizer a func of one parameter to which the object is assignable (the same type, a pointer type
 * with the same element where one of the two is unnamed, or an interface it implements), not
 * variadic. Not checked: that the pointer is the start of a heap object (gc's findObject): the bump
 * allocator keeps no object boundaries; so a global gets its finalizer recorded where gc ignores it.
 *
 * Invariants: the set is open addressing over object addresses (0 empty, 1 deleted), at most half
 * full, grown by doubling with mallocgc (pointer-free memory: the set must not keep objects alive
 * for the collector to come); fin_lock (an RtLock) guards it, taken only around the set's own
 * operations: the checks, the throws and the allocation of a bigger set run outside it. The
 * throws allocate nothing; their messages are printed piece by piece.
 * Rejected: storing the finalizer functions for the collector to come: they would be written and never
 * read until then, and the collector's design decides their shape.
 */
#include "iface.h"
#include "malloc.h"
#include "panic.h"
#include "print.h"
#include "scheduler.h"

#define FIN_EMPTY 0
#define FIN_DELETED 1

/* Guarded by fin_lock (gc's finlock). */
static struct {
	uintptr_t *slot;
	uintptr_t cap, used; /* used counts live and deleted slots */
} fins;
static RtLock fin_lock;

static uintptr_t *fin_find(uintptr_t p)
{
	if (fins.cap == 0)
		return NULL;
	uintptr_t i = (p >> 3) * 0x9E3779B97F4A7C15u & (fins.cap - 1);
	for (; fins.slot[i] != FIN_EMPTY; i = (i + 1) & (fins.cap - 1))
		if (fins.slot[i] == p)
			return &fins.slot[i];
	return NULL;
}

/* Adds p, which must fit (the set stays at most half full). */
static void fin_put(uintptr_t p)
{
	uintptr_t i = (p >> 3) * 0x9E3779B97F4A7C15u & (fins.cap - 1);
	while (fins.slot[i] > FIN_DELETED)
		i = (i + 1) & (fins.cap - 1);
	if (fins.slot[i] == FIN_EMPTY)
		fins.used++;
	fins.slot[i] = p;
}

/* throw(a + s + b + t + c), gc's string concatenation in its SetFinalizer throws. */
static RUNTIME_NORET void finalizer_throw(const char *a, const GoType *s, const char *b, const GoType *t,
                                           const char *c)
{
	runtime_printlock();
	print_cstr("fatal error: runtime.SetFinalizer: ");
	print_cstr(a);
	if (s)
		runtime_printstring(s->string);
	print_cstr(b);
	if (t)
		runtime_printstring(t->string);
	print_cstr(c);
	print_cstr("\n");
	runtime_printunlock();
	panic_start_dying();
	panic_finish(NULL, true);
}

/* Records p, or throws if it is there already. Takes fin_lock; a bigger set is allocated with the
 * lock released (RtLocks are held without allocating), and the check is redone once it is taken
 * again. */
static void fin_insert(uintptr_t p)
{
	uintptr_t *spare = NULL, spare_cap = 0;
	for (;;) {
		lock_acquire(&fin_lock);
		if (fin_find(p)) {
			lock_release(&fin_lock);
			finalizer_throw("finalizer already set", NULL, "", NULL, "");
		}
		uintptr_t want = fins.cap ? 2 * fins.cap : 64;
		if (2 * (fins.used + 1) > fins.cap && spare_cap == want) {
			uintptr_t *old = fins.slot, n = fins.cap;
			fins.slot = spare;
			fins.cap = spare_cap;
			fins.used = 0;
			for (uintptr_t i = 0; i < n; i++)
				if (old[i] > FIN_DELETED)
					fin_put(old[i]);
		}
		if (2 * (fins.used + 1) <= fins.cap) {
			fin_put(p);
			lock_release(&fin_lock);
			return;
		}
		lock_release(&fin_lock);
		spare = runtime_mallocgc(want * sizeof(uintptr_t), NULL, true);
		spare_cap = want;
	}
}

GO_LINKNAME(mfinal_setFinalizer, "runtime.setFinalizer");
RUNTIME_API void mfinal_setFinalizer(void *ctx, const GoType *etyp, void *data, const GoType *ftyp, void *fdata)
{
	(void)ctx, (void)data, (void)fdata;
	if (!etyp)
		finalizer_throw("first argument is nil", NULL, "", NULL, "");
	if (type_kind(etyp) != KIND_POINTER)
		finalizer_throw("first argument is ", etyp, ", not pointer", NULL, "");
	if (data == &malloc_zerobase)
		return; /* zero-sized objects: gc accepts and ignores them */
	if (!ftyp) {
		lock_acquire(&fin_lock);
		uintptr_t *slot = fin_find((uintptr_t)data);
		if (slot)
			*slot = FIN_DELETED;
		lock_release(&fin_lock);
		return;
	}
	if (type_kind(ftyp) != KIND_FUNC)
		finalizer_throw("second argument is ", ftyp, ", not a function", NULL, "");
	if (ftyp->tflag & TFLAG_VARIADIC)
		finalizer_throw("cannot pass ", etyp, " to finalizer ", ftyp, " because dotdotdot");
	if (ftyp->len != 1)
		finalizer_throw("cannot pass ", etyp, " to finalizer ", ftyp, "");
	const GoType *fint = ((const GoType *const *)ftyp->extra)[0];
	bool ok = fint == etyp ||
	          (type_kind(fint) == KIND_POINTER &&
	           (!(fint->tflag & TFLAG_UNCOMMON) || !(etyp->tflag & TFLAG_UNCOMMON)) && fint->elem == etyp->elem) ||
	          (type_kind(fint) == KIND_INTERFACE && (fint->nextra == 0 || iface_getitab(fint, etyp, true)));
	if (!ok)
		finalizer_throw("cannot pass ", etyp, " to finalizer ", ftyp, "");
	fin_insert((uintptr_t)data);
}
