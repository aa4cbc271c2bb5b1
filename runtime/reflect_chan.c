/*
 * reflect_chan.c: the channel half of package reflect's runtime (go1.19's chan.go reflect_chansend,
 * reflect_chanrecv, reflect_chanlen, reflect_chancap, reflect_chanclose, reflect_makechan and
 * select.go's reflect_rselect), defined in C under the link names of stdlib/reflect/chan.go's
 * body-less declarations (runtime.h GO_LINKNAME; docs/architecture.md "Body-less functions").
 *
 * In: channels and element addresses as reflect.Value holds them (a pointer-shaped element in the
 * Value's own word, any other in an object of its own), and reflect.Select's []runtimeSelect.
 * Out: chan.c's and select.c's answers; blocking, panics and wake-ups are theirs.
 *
 * The one idea: no channel logic here. Each function is one call of the operation the compiled
 * statement would make, with reflect's `nb` (non-blocking) flag turned into chan.c's `block`.
 * rselect is Go's reflect_rselect: it drops the default case, packs the sends at the front and the
 * receives at the back of an Scase array (the layout selectgo wants), remembers each case's
 * original index, and translates the chosen case back.
 *
 * Invariants: every function takes gocc's closure context first and ignores it; a bool parameter
 * is tested with & 1 (gocc passes an i1 without zeroext); two results come back in two registers.
 * rselect's scratch arrays are allocated as pointer-free memory (no collector yet); the Scase array
 * holds channel and element pointers, so the collector's issue must give it a type.
 * Kept apart from reflect.c so that a test linking reflect's call trampoline does not pull in the
 * channels and through them the scheduler. Rejected: reflect.Select lowered to a Go loop of TrySend /
 * TryRecv calls (polling: it could not block, and the choice would not be uniform).
 */
#include "chan.h"
#include "malloc.h"

#include <string.h>

/* Two results (selected, received) or (chosen, recvOK): one register each. */
typedef struct TwoWords {
	uint64_t a, b;
} TwoWords;

/* reflect.SelectDir */
enum { SELECT_SEND = 1, SELECT_RECV = 2, SELECT_DEFAULT = 3 };

/* reflect's runtimeSelect. */
typedef struct RuntimeSelect {
	intgo dir;
	const GoType *typ;
	Hchan *ch;
	void *val;
} RuntimeSelect;

/* func chansend(ch unsafe.Pointer, val unsafe.Pointer, nb bool) bool */
GO_LINKNAME(reflect_chansend, "reflect.chansend");
RUNTIME_API bool reflect_chansend(void *ctx, void *ch, void *val, uint8_t nb)
{
	(void)ctx;
	return chan_send(ch, val, !(nb & 1));
}

/* func chanrecv(ch unsafe.Pointer, nb bool, val unsafe.Pointer) (selected, received bool) */
GO_LINKNAME(reflect_chanrecv, "reflect.chanrecv");
RUNTIME_API TwoWords reflect_chanrecv(void *ctx, void *ch, uint8_t nb, void *val)
{
	(void)ctx;
	bool received;
	bool selected = chan_recv(ch, val, !(nb & 1), &received);
	return (TwoWords){selected, received};
}

/* func chanlen(ch unsafe.Pointer) int */
GO_LINKNAME(reflect_chanlen, "reflect.chanlen");
GO_LINKNAME(reflect_chanlen, "internal/reflectlite.chanlen");
RUNTIME_API intgo reflect_chanlen(void *ctx, void *ch)
{
	(void)ctx;
	return runtime_chanlen(ch);
}

/* func chancap(ch unsafe.Pointer) int */
GO_LINKNAME(reflect_chancap, "reflect.chancap");
RUNTIME_API intgo reflect_chancap(void *ctx, void *ch)
{
	(void)ctx;
	return runtime_chancap(ch);
}

/* func chanclose(ch unsafe.Pointer) */
GO_LINKNAME(reflect_chanclose, "reflect.chanclose");
RUNTIME_API void reflect_chanclose(void *ctx, void *ch)
{
	(void)ctx;
	runtime_closechan(ch);
}

/* func makechan(typ *rtype, size int) (ch unsafe.Pointer) */
GO_LINKNAME(reflect_makechan, "reflect.makechan");
RUNTIME_API void *reflect_makechan(void *ctx, const GoType *t, intgo size)
{
	(void)ctx;
	return runtime_makechan(t, size);
}

/* func rselect([]runtimeSelect) (chosen int, recvOK bool): the slice arrives as three words. */
GO_LINKNAME(reflect_rselect, "reflect.rselect");
RUNTIME_API TwoWords reflect_rselect(void *ctx, RuntimeSelect *cases, intgo n, intgo cap)
{
	(void)ctx;
	(void)cap;
	if (n == 0)
		runtime_block();

	Scase *sel = runtime_mallocgc((uintptr_t)n * sizeof(Scase), NULL, true);
	intgo *orig = runtime_mallocgc((uintptr_t)n * sizeof(intgo), NULL, true);
	int nsends = 0, nrecvs = 0;
	intgo dflt = -1;
	for (intgo i = 0; i < n; i++) {
		RuntimeSelect *rc = &cases[i];
		intgo j;
		switch (rc->dir) {
		case SELECT_DEFAULT:
			dflt = i;
			continue;
		case SELECT_SEND:
			j = nsends++;
			break;
		default: /* SELECT_RECV; reflect.Select checked the direction */
			nrecvs++;
			j = n - nrecvs;
			break;
		}
		sel[j] = (Scase){rc->ch, rc->val};
		orig[j] = i;
	}

	/* Only a default case. */
	if (nsends + nrecvs == 0)
		return (TwoWords){(uint64_t)dflt, false};

	/* Compact: the receives were filled in from the back. */
	if (nsends + nrecvs < n) {
		memmove(&sel[nsends], &sel[n - nrecvs], (size_t)nrecvs * sizeof(Scase));
		memmove(&orig[nsends], &orig[n - nrecvs], (size_t)nrecvs * sizeof(intgo));
	}

	uint16_t *order = runtime_mallocgc(2 * (uintptr_t)(nsends + nrecvs) * sizeof(uint16_t), NULL, true);
	bool recv_ok;
	intgo chosen = select_go(sel, order, nsends, nrecvs, dflt == -1, &recv_ok);
	chosen = chosen < 0 ? dflt : orig[chosen];
	return (TwoWords){(uint64_t)chosen, recv_ok};
}
