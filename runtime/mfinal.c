/*
 * mfinal.c: finalizers (Go's mfinal.go: SetFinalizer, the finalizer queue and its goroutine).
 *
 * In: runtime.SetFinalizer(obj, fn) (stdlib/runtime/mfinal.go) and, from the collector with the
 * world stopped, fin_gc_roots. Out: go1.19's fatal errors for calls it would reject; otherwise fn(obj)
 * runs once, on the finalizer goroutine, after a cycle finds obj unreachable.
 *
 * The one idea is Go's (specials): a finalizer is a record beside the heap (obj, fn, the parameter
 * type, obj's type) in a table keyed by the object's address. In a cycle, after the roots are
 * marked, the collector asks fin_gc_roots to mark every record's fn and everything every finalized
 * object reaches (not the object itself: so in a chain of finalized objects only the first is
 * queued, the others are reachable from it), then every record whose object is still unmarked moves
 * to the queue, and only then are the queued objects marked (kept one more cycle: the finalizer
 * needs it; the finalized sub-objects of one tiny block, one object to the collector, are so queued
 * together, as go1.19's sweep queues every finalizer of an unmarked object). The queue is
 * a root until the finalizer goroutine ran the call. Once the record is gone, the next cycle that
 * finds the object unreachable frees it. The finalizer goroutine (go1.19's fing) is made by the
 * first SetFinalizer, parks in "finalizer wait" (a system goroutine then: not in NumGoroutine nor in
 * a deadlock report) and is readied after a cycle that queued something.
 *
 * Calls follow gocc's calling convention: fn(closure, obj) for a pointer parameter, fn(closure,
 * type or itab, obj) for an interface. Struct and array results get out pointers to scratch memory
 * before the parameter; all results are ignored. Finalizers with more than four words of register
 * results (LLVM returns those through a hidden pointer) are refused with a fatal error
 * (docs/status.md).
 * The checks are gc's, with its messages (`fatal error: runtime.SetFinalizer: first argument is int,
 * not pointer`). A pointer to a package variable is accepted and ignored, as gc's; any other pointer
 * outside an allocated heap object (nil included) is gc's "pointer not in allocated block", and
 * one inside an object but not at its start "pointer not at beginning of allocated block" (tiny
 * pointer-free objects excepted, as gc's).
 *
 * Invariants: the table is open addressing (obj 0 empty, 1 deleted), at most half full, in libc
 * memory (the collector reads it with the world stopped, and must not see it as a heap object that
 * keeps the objects alive); fin_lock (an RtLock) guards table and queue; nothing allocates from the
 * Go heap while it is held.
 * Rejected: a per-span list of specials as in Go (the table is simpler; finalizers are rare);
 * running finalizers on the collecting goroutine (they may block, and go1.19 runs them on fing).
 */
#include "iface.h"
#include "malloc.h"
#include "panic.h"
#include "print.h"
#include "scheduler.h"

#include <stdlib.h>
#include <string.h>

#define FIN_EMPTY 0
#define FIN_DELETED 1

typedef struct Fin {
	uintptr_t obj;
	void *fn;                  /* the func closure */
	const GoType *ftyp;        /* its type */
	const GoType *fint;        /* its parameter's type */
	const GoType *ot;          /* obj's type (a pointer type) */
} Fin;

/* Guarded by fin_lock (gc's finlock). */
static struct {
	Fin *slot;
	uintptr_t cap, used; /* used counts live and deleted slots */
} fins;
static struct {
	Fin *q;
	uintptr_t n, cap;
} finq;
static RtLock fin_lock;
static G *fing;
static bool fing_parked;

static Fin *fin_find(uintptr_t p)
{
	if (fins.cap == 0)
		return NULL;
	uintptr_t i = (p >> 3) * 0x9E3779B97F4A7C15u & (fins.cap - 1);
	for (; fins.slot[i].obj != FIN_EMPTY; i = (i + 1) & (fins.cap - 1))
		if (fins.slot[i].obj == p)
			return &fins.slot[i];
	return NULL;
}

/* Adds f, which must fit (the table stays at most half full). */
static void fin_put(Fin f)
{
	uintptr_t i = (f.obj >> 3) * 0x9E3779B97F4A7C15u & (fins.cap - 1);
	while (fins.slot[i].obj > FIN_DELETED)
		i = (i + 1) & (fins.cap - 1);
	if (fins.slot[i].obj == FIN_EMPTY)
		fins.used++;
	fins.slot[i] = f;
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

/* Records f, or throws if its object has one already. */
static void fin_insert(Fin f)
{
	lock_acquire(&fin_lock);
	if (fin_find(f.obj)) {
		lock_release(&fin_lock);
		finalizer_throw("finalizer already set", NULL, "", NULL, "");
	}
	if (2 * (fins.used + 1) > fins.cap) {
		Fin *old = fins.slot;
		uintptr_t n = fins.cap;
		fins.cap = n ? 2 * n : 64;
		fins.slot = calloc(fins.cap, sizeof(Fin));
		if (!fins.slot)
			panic_throw("runtime: out of memory (finalizers)");
		fins.used = 0;
		for (uintptr_t i = 0; i < n; i++)
			if (old[i].obj > FIN_DELETED)
				fin_put(old[i]);
		free(old);
	}
	fin_put(f);
	lock_release(&fin_lock);
}

/* gocc's calling convention for the finalizer's results: struct and array results go through out
 * pointers passed after the closure (*nout of them, *outbytes in all), the others come back in
 * registers and are ignored. False when the registers would not do (more than four words: LLVM's
 * x86-64 return registers are rax, rdx, rcx, r8, and beyond them it returns through a hidden pointer) or when there are more out pointers than run_finalizer
 * passes. */
static bool results_shape(const GoType *ftyp, int *nout, uintptr_t *outbytes)
{
	const GoType *const *t = ftyp->extra;
	uintptr_t words = 0;
	*nout = 0;
	*outbytes = 0;
	for (uintptr_t i = ftyp->len; i < ftyp->nextra; i++) {
		uint8_t k = type_kind(t[i]);
		if (k == KIND_STRUCT || k == KIND_ARRAY) {
			++*nout;
			*outbytes += (t[i]->size + 7) & ~(uintptr_t)7;
		} else {
			words += (t[i]->size + 7) / 8;
		}
	}
	return words <= 4 && *nout <= 3;
}

/* The collector, world stopped, roots marked (see the essay). */
void fin_gc_roots(void)
{
	lock_acquire(&fin_lock);
	for (uintptr_t i = 0; i < finq.n; i++) {
		gc_mark_root((uintptr_t)finq.q[i].fn);
		gc_mark_root(finq.q[i].obj);
	}
	for (uintptr_t i = 0; i < fins.cap; i++)
		if (fins.slot[i].obj > FIN_DELETED) {
			gc_mark_root((uintptr_t)fins.slot[i].fn);
			gc_mark_referents(fins.slot[i].obj);
		}
	/* every record of an unreachable object is queued before any such object is marked: the
	 * sub-objects of one tiny block (each with its own finalizer) are one object to the collector,
	 * so marking the first would hide the others (go1.19's sweep queues them together) */
	uintptr_t first = finq.n;
	for (uintptr_t i = 0; i < fins.cap; i++) {
		Fin *f = &fins.slot[i];
		if (f->obj <= FIN_DELETED || gc_marked(f->obj))
			continue;
		if (finq.n == finq.cap) {
			uintptr_t cap = finq.cap ? 2 * finq.cap : 16;
			Fin *q = realloc(finq.q, cap * sizeof(Fin));
			if (!q)
				panic_throw("runtime: out of memory (finalizer queue)");
			finq.q = q;
			finq.cap = cap;
		}
		finq.q[finq.n++] = *f;
		f->obj = FIN_DELETED;
	}
	for (uintptr_t i = first; i < finq.n; i++)
		gc_mark_root(finq.q[i].obj);
	lock_release(&fin_lock);
}

void fin_wake(void)
{
	lock_acquire(&fin_lock);
	G *gp = finq.n > 0 && fing_parked ? fing : NULL;
	if (gp)
		fing_parked = false;
	lock_release(&fin_lock);
	if (gp)
		sched_ready(gp);
}

static void run_finalizer(Fin f)
{
	void *code = *(void **)f.fn;
	void *arg[6];
	int n = 0, nout;
	uintptr_t outbytes;
	results_shape(f.ftyp, &nout, &outbytes);
	arg[n++] = f.fn;
	if (nout) { /* room for the ignored results, as the caller of a Go function provides */
		const GoType *const *t = f.ftyp->extra;
		uint8_t *out = runtime_mallocgc(outbytes, NULL, true);
		for (uintptr_t i = f.ftyp->len; i < f.ftyp->nextra; i++)
			if (type_kind(t[i]) == KIND_STRUCT || type_kind(t[i]) == KIND_ARRAY) {
				arg[n++] = out;
				out += (t[i]->size + 7) & ~(uintptr_t)7;
			}
	}
	if (type_kind(f.fint) == KIND_POINTER) {
		arg[n++] = (void *)f.obj;
	} else { /* an interface: its type (empty) or itab word, then the data word */
		arg[n++] = f.fint->nextra == 0 ? (void *)f.ot : (void *)iface_getitab(f.fint, f.ot, false);
		arg[n++] = (void *)f.obj;
	}
	typedef void *P;
	switch (n) {
	case 2: ((void (*)(P, P))code)(arg[0], arg[1]); break;
	case 3: ((void (*)(P, P, P))code)(arg[0], arg[1], arg[2]); break;
	case 4: ((void (*)(P, P, P, P))code)(arg[0], arg[1], arg[2], arg[3]); break;
	case 5: ((void (*)(P, P, P, P, P))code)(arg[0], arg[1], arg[2], arg[3], arg[4]); break;
	default: ((void (*)(P, P, P, P, P, P))code)(arg[0], arg[1], arg[2], arg[3], arg[4], arg[5]); break;
	}
}

/* The finalizer goroutine (go1.19's runfinq). The record just run is cleared, and so is the stack
 * below, before the next wait: the object must be collectable once its finalizer returned. */
static void fing_loop(void *arg)
{
	(void)arg;
	lock_acquire(&fin_lock);
	fing = sched_getg();
	lock_release(&fin_lock);
	for (;;) {
		lock_acquire(&fin_lock);
		if (finq.n == 0) {
			gc_clear_stack(); /* the finalizer's frames below still hold its object */
			fing_parked = true;
			sched_parkunlock(&fin_lock, WAIT_FINALIZER_WAIT);
			continue;
		}
		Fin f = finq.q[0];
		memmove(finq.q, finq.q + 1, (finq.n - 1) * sizeof(Fin));
		finq.n--;
		lock_release(&fin_lock);
		run_finalizer(f);
		memset(&f, 0, sizeof f);
		__asm__ volatile("" ::"r"(&f) : "memory");
	}
}

/* gc_clear_stack needs a full segment's headroom, not a small first segment's (stack.c). */
static void fing_main(void *ctx)
{
	(void)ctx;
	stack_call_deep(fing_loop, NULL);
}

static void *const fing_closure[1] = {(void *)fing_main};
void sched_newproc_system(void *fn);

static void createfing(void)
{
	lock_acquire(&fin_lock);
	bool create = fing == NULL;
	if (create)
		fing = (G *)1; /* being made */
	lock_release(&fin_lock);
	if (create)
		sched_newproc_system((void *)fing_closure);
}

GO_LINKNAME(mfinal_setFinalizer, "runtime.setFinalizer");
RUNTIME_API void mfinal_setFinalizer(void *ctx, const GoType *etyp, void *data, const GoType *ftyp, void *fdata)
{
	(void)ctx, (void)data, (void)fdata;
	if (!etyp)
		finalizer_throw("first argument is nil", NULL, "", NULL, "");
	if (type_kind(etyp) != KIND_POINTER)
		finalizer_throw("first argument is ", etyp, ", not pointer", NULL, "");
	createfing();
	if (data == &malloc_zerobase)
		return; /* zero-sized objects: gc accepts and ignores them */
	Span *s = span_of((uintptr_t)data);
	uintptr_t idx = s && s->state == SPAN_INUSE ? ((uintptr_t)data - s->base) / s->elemsize : 0;
	if (s == NULL || s->state != SPAN_INUSE || idx >= s->nelems || !span_bit(s->allocbits, idx)) {
		extern char __data_start[], _end[];
		if ((uintptr_t)data >= (uintptr_t)__data_start && (uintptr_t)data < (uintptr_t)_end)
			return; /* a package variable: gc ignores it */
		panic_throw("runtime.SetFinalizer: pointer not in allocated block");
	}
	uintptr_t off = ((uintptr_t)data - s->base) % s->elemsize;
	if (off != 0 && !(s->noscan && etyp->elem->size < MALLOC_TINY_SIZE))
		panic_throw("runtime.SetFinalizer: pointer not at beginning of allocated block");
	if (!ftyp) {
		lock_acquire(&fin_lock);
		Fin *slot = fin_find((uintptr_t)data);
		if (slot)
			slot->obj = FIN_DELETED;
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
	int nout;
	uintptr_t outbytes;
	if (!results_shape(ftyp, &nout, &outbytes))
		panic_throw("gocc: a finalizer with more than four words of register results or three struct results is not supported yet");
	fin_insert((Fin){(uintptr_t)data, fdata, ftyp, fint, etyp});
}
