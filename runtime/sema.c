/*
 * sema.c: the semaphores and notify lists under package sync (Go's runtime/sema.go), and the other
 * hooks sync declares without bodies (sync_throw, procPin, canSpin, ... from Go's panic.go and
 * proc.go), defined for sync's body-less declarations by GO_LINKNAME under gc's link names
 * (`sync.runtime_Semacquire`; docs/runtime.md, "Hooks of standard packages", lists them all).
 *
 * In: the addresses of sync's semaphore words and notifyList structs. Out: go1.19's behaviour for a
 * program with one goroutine, which is every gocc program until the scheduler exists.
 *
 * The one idea: with one goroutine, a semaphore operation either succeeds at once or can never
 * succeed. semacquire takes the count when it is positive (gc's cansemacquire fast path, the same
 * compare-and-swap) and otherwise would park the only goroutine: gc's checkdead then finds no
 * goroutine that could run and dies with `fatal error: all goroutines are asleep - deadlock!`,
 * naming the goroutine's wait reason (`goroutine 1 [semacquire]:`, `[sync.Cond.Wait]`). semrelease
 * adds to the count; nobody can be waiting. A notifyList is gc's ticket scheme: Wait returns at once
 * when its ticket was already notified, otherwise it is the same deadlock.
 *
 * Invariants. The counters are updated with atomics, as gc's: the scheduler will add waiters, and the
 * words are shared with Go code that reads them atomically (sync/atomic). Nothing here allocates.
 *
 * Rejected alternatives. A futex wait on the semaphore word: with one thread it would hang the
 * process instead of reporting the deadlock gc reports. A panic instead of the fatal error: gc's
 * deadlock cannot be recovered, and a recover() would change what programs print.
 */
#include "alg.h"
#include "panic.h"
#include "print.h"

#include <unistd.h>

/* gc's checkdead: the only goroutine is blocked, for `reason`. Like every throw, no recovery. */
static RUNTIME_NORET void sema_deadlock(const char *reason)
{
	runtime_printlock();
	print_cstr("fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [");
	print_cstr(reason);
	print_cstr("]:\n");
	runtime_printunlock();
	print_flush();
	_exit(2);
}

/* gc's cansemacquire: take one from *addr if it is positive. */
static bool cansemacquire(uint32_t *addr)
{
	uint32_t v = __atomic_load_n(addr, __ATOMIC_SEQ_CST);
	while (v != 0)
		if (__atomic_compare_exchange_n(addr, &v, v - 1, false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST))
			return true;
	return false;
}

static void semacquire(uint32_t *addr)
{
	if (!cansemacquire(addr))
		sema_deadlock("semacquire");
}

GO_LINKNAME(sync_runtime_Semacquire, "sync.runtime_Semacquire");
GO_LINKNAME(sync_runtime_Semacquire, "internal/poll.runtime_Semacquire");
RUNTIME_API void sync_runtime_Semacquire(void *ctx, uint32_t *addr)
{
	(void)ctx;
	semacquire(addr);
}

/* internal/poll's fdMutex: a plain release (gc's poll_runtime_Semrelease). */
GO_LINKNAME(poll_runtime_Semrelease, "internal/poll.runtime_Semrelease");
RUNTIME_API void poll_runtime_Semrelease(void *ctx, uint32_t *addr)
{
	(void)ctx;
	__atomic_fetch_add(addr, 1, __ATOMIC_SEQ_CST);
}

/* sync.Mutex's slow path; lifo and skipframes matter only with waiters and profiling. go1.19 parks
 * with the same wait reason as Semacquire. */
GO_LINKNAME(sync_runtime_SemacquireMutex, "sync.runtime_SemacquireMutex");
RUNTIME_API void sync_runtime_SemacquireMutex(void *ctx, uint32_t *addr, uint8_t lifo, int64_t skipframes)
{
	(void)ctx, (void)lifo, (void)skipframes;
	semacquire(addr);
}

GO_LINKNAME(sync_runtime_Semrelease, "sync.runtime_Semrelease");
RUNTIME_API void sync_runtime_Semrelease(void *ctx, uint32_t *addr, uint8_t handoff, int64_t skipframes)
{
	(void)ctx, (void)handoff, (void)skipframes;
	__atomic_fetch_add(addr, 1, __ATOMIC_SEQ_CST);
}

/* sync.notifyList, field for field (sync/runtime2.go); notifyListCheck compares the sizes. */
typedef struct NotifyList {
	uint32_t wait;   /* ticket of the next waiter */
	uint32_t notify; /* ticket of the next waiter to be notified */
	uintptr_t lock;
	void *head, *tail;
} NotifyList;

GO_LINKNAME(sync_runtime_notifyListAdd, "sync.runtime_notifyListAdd");
RUNTIME_API uint32_t sync_runtime_notifyListAdd(void *ctx, NotifyList *l)
{
	(void)ctx;
	return __atomic_fetch_add(&l->wait, 1, __ATOMIC_SEQ_CST);
}

/* gc's less(a, b): ticket order with wraparound. */
static bool ticket_less(uint32_t a, uint32_t b)
{
	return (int32_t)(a - b) < 0;
}

GO_LINKNAME(sync_runtime_notifyListWait, "sync.runtime_notifyListWait");
RUNTIME_API void sync_runtime_notifyListWait(void *ctx, NotifyList *l, uint32_t t)
{
	(void)ctx;
	if (ticket_less(t, __atomic_load_n(&l->notify, __ATOMIC_SEQ_CST)))
		return;
	sema_deadlock("sync.Cond.Wait");
}

GO_LINKNAME(sync_runtime_notifyListNotifyAll, "sync.runtime_notifyListNotifyAll");
RUNTIME_API void sync_runtime_notifyListNotifyAll(void *ctx, NotifyList *l)
{
	(void)ctx;
	__atomic_store_n(&l->notify, __atomic_load_n(&l->wait, __ATOMIC_SEQ_CST), __ATOMIC_SEQ_CST);
}

GO_LINKNAME(sync_runtime_notifyListNotifyOne, "sync.runtime_notifyListNotifyOne");
RUNTIME_API void sync_runtime_notifyListNotifyOne(void *ctx, NotifyList *l)
{
	(void)ctx;
	uint32_t n = __atomic_load_n(&l->notify, __ATOMIC_SEQ_CST);
	if (n != __atomic_load_n(&l->wait, __ATOMIC_SEQ_CST))
		__atomic_store_n(&l->notify, n + 1, __ATOMIC_SEQ_CST);
}

GO_LINKNAME(sync_runtime_notifyListCheck, "sync.runtime_notifyListCheck");
RUNTIME_API void sync_runtime_notifyListCheck(void *ctx, uintptr_t size)
{
	(void)ctx;
	if (size != sizeof(NotifyList)) {
		runtime_printlock();
		print_cstr("runtime: bad notifyList size - sync=");
		runtime_printuint(size);
		print_cstr(" runtime=");
		runtime_printuint(sizeof(NotifyList));
		print_cstr("\n");
		runtime_printunlock();
		panic_throw("bad notifyList size");
	}
}

/* Spinning helps only when another goroutine runs on another P and may unlock meanwhile; with one
 * goroutine gc's canSpin condition (gomaxprocs <= npidle+nmspinning+1) is always true: never spin. */
GO_LINKNAME(sync_runtime_canSpin, "sync.runtime_canSpin");
RUNTIME_API bool sync_runtime_canSpin(void *ctx, int64_t i)
{
	(void)ctx, (void)i;
	return false;
}

/* gc's procyield(active_spin_cnt): 30 PAUSE instructions. */
GO_LINKNAME(sync_runtime_doSpin, "sync.runtime_doSpin");
RUNTIME_API void sync_runtime_doSpin(void *ctx)
{
	(void)ctx;
	for (int i = 0; i < 30; i++)
		__builtin_ia32_pause();
}

/* procPin disables preemption and returns the P's id: one P, id 0, and nothing preempts. */
GO_LINKNAME(sync_runtime_procPin, "sync.runtime_procPin");
GO_LINKNAME(sync_runtime_procPin, "sync/atomic.runtime_procPin");
RUNTIME_API int64_t sync_runtime_procPin(void *ctx)
{
	(void)ctx;
	return 0;
}

GO_LINKNAME(sync_runtime_procUnpin, "sync.runtime_procUnpin");
GO_LINKNAME(sync_runtime_procUnpin, "sync/atomic.runtime_procUnpin");
RUNTIME_API void sync_runtime_procUnpin(void *ctx)
{
	(void)ctx;
}

/* sync.Pool's cleanup, which gc runs at the start of every collection. gocc has no collector yet,
 * so it is kept and never run: pools keep their objects, which Pool's contract allows. */
static void *pool_cleanup; /* guarded by: written once, by sync's init, before it starts goroutines */

GO_LINKNAME(sync_runtime_registerPoolCleanup, "sync.runtime_registerPoolCleanup");
RUNTIME_API void sync_runtime_registerPoolCleanup(void *ctx, void *cleanup)
{
	(void)ctx;
	pool_cleanup = cleanup;
}

/* gc's fastrandn: a random number in [0, n) by multiply-shift of a 32-bit fastrand. */
GO_LINKNAME(sync_fastrandn, "sync.fastrandn");
RUNTIME_API uint32_t sync_fastrandn(void *ctx, uint32_t n)
{
	(void)ctx;
	return (uint32_t)(((uint64_t)(uint32_t)alg_rand() * n) >> 32);
}

/* sync.throw: a runtime-bug-style throw (`fatal error: sync: unlock of unlocked mutex`); sync.fatal:
 * the same for errors of the program (gc's throwTypeUser: `fatal error: sync: Unlock of unlocked
 * RWMutex`). Both unrecoverable, exit status 2. The traceback level differs in gc only in which
 * frames it prints, and gocc prints no frames yet. */
GO_LINKNAME(sync_throw, "sync.throw");
RUNTIME_API RUNTIME_NORET void sync_throw(void *ctx, const uint8_t *p, int64_t len)
{
	(void)ctx;
	panic_throw_str("", (GoString){p, len});
}

GO_LINKNAME(sync_fatal, "sync.fatal");
RUNTIME_API RUNTIME_NORET void sync_fatal(void *ctx, const uint8_t *p, int64_t len)
{
	(void)ctx;
	panic_throw_str("", (GoString){p, len});
}
