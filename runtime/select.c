/*
 * select.c: the select statement (Go's runtime/select.go, go1.19), the runtime.def section
 * "select", and the entry points reflect.Select needs (reflect.c).
 *
 * In: an array of Scase {channel, element address} in the caller's frame, the send cases first and
 * then the receive cases (each group in source order), 2*n uint16 of scratch for the two orders,
 * and whether the select may block (false: it has a default). Out: the index of the case that
 * completed (-1: the default), and for a receive whether a value arrived (false: channel closed,
 * element zeroed). A nil channel's case never completes; `select {}` parks for good (block).
 *
 * The one idea (Go's selectgo): lock every channel involved, in one global order, and then act as
 * if all the cases were one operation.
 *   pass 0: a random permutation of the cases with a non-nil channel (pollorder, fastrandn as
 *           Go's insertion shuffle) and the same cases sorted by channel address (lockorder, a heap
 *           sort: n log n, constant stack); lock them all in lockorder (sellock).
 *   pass 1: in pollorder, take the first case that can proceed now: a parked partner (direct
 *           copy), buffer room or data, or a closed channel. Random order is what makes the choice
 *           among ready cases uniform; the address order is what makes two selects over the same
 *           channels unable to deadlock each other.
 *   pass 2: nothing ready and block: queue one Sudog per case (is_select, on the send or receive
 *           queue), chained on g->waiting in lockorder, and park; selparkcommit releases the locks
 *           once the goroutine is parked, so no waker can miss it.
 *   pass 3: woken by the one partner that won select_done's CAS (chan.c dequeue) and set g->param
 *           to the winning Sudog: relock everything, take the other Sudogs off their queues, and
 *           report the winner. A send case woken with success == false means the channel was
 *           closed: panic `send on closed channel`, as Go does.
 *
 * Invariants: a channel appearing in several cases is locked once (sellock/selunlock skip equal
 * neighbours in lockorder); no lock is held across the park except through selparkcommit; a Scase
 * with a nil channel has its elem cleared and takes no part in pollorder or lockorder; g->waiting
 * lists the Sudogs in lockorder, which selparkcommit and pass 3 both rely on.
 *
 * Rejected alternatives. Locking in pollorder (deadlock between two selects over the same two
 * channels in opposite orders). A global select lock (serialises every channel of the program).
 * Polling the cases without locking them all (a case could become ready between the poll and the
 * park and the wake-up would be lost). qsort for the lock order (recursion and a comparator call per
 * step for what is, in practice, two to four cases; the heap sort is Go's).
 */
#include "chan.h"

#include <string.h>

_Static_assert(sizeof(Scase) == RT_SCASE_SIZE, "runtime.def SCASE_SIZE");

typedef struct SelLocks {
	Scase *scases;
	uint16_t *lockorder;
	int n;
} SelLocks;

static void sellock(Scase *scases, uint16_t *lockorder, int n)
{
	Hchan *c = NULL;
	for (int i = 0; i < n; i++) {
		Hchan *c0 = scases[lockorder[i]].c;
		if (c0 != c) {
			c = c0;
			lock_acquire(&c->lock);
		}
	}
}

/* Unlocks in reverse; a channel repeated in lockorder is unlocked once (at its first position).
 * Once the last lock is released the select may be woken and its frame reused, so nothing of
 * scases is read after it. */
static void selunlock(Scase *scases, uint16_t *lockorder, int n)
{
	for (int i = n - 1; i >= 0; i--) {
		Hchan *c = scases[lockorder[i]].c;
		if (i > 0 && c == scases[lockorder[i - 1]].c)
			continue;
		lock_release(&c->lock);
	}
}

static void selunlock_fn(void *arg)
{
	SelLocks *l = arg;
	selunlock(l->scases, l->lockorder, l->n);
}

/* The unlock function of the park (Go's selparkcommit): runs once the goroutine is parked.
 * gp->waiting holds the Sudogs in lockorder, so equal channels are adjacent. It must not touch
 * the select's frame: after the first unlock a partner may already be waking gp. */
static bool selparkcommit(G *gp, void *arg)
{
	(void)arg;
	Hchan *lastc = NULL;
	for (Sudog *sg = gp->waiting; sg != NULL; sg = sg->waitlink) {
		if (sg->c != lastc && lastc != NULL) {
			/* Unlock the previous lock; the last one is released after the loop so that
			 * pass 3 (which needs every lock) cannot free the Sudogs we are walking. */
			lock_release(&lastc->lock);
		}
		lastc = sg->c;
	}
	if (lastc != NULL)
		lock_release(&lastc->lock);
	return true;
}

void runtime_block(void)
{
	chan_block_forever(WAIT_SELECT_NO_CASES);
}

/* Go's sortkey: channels are ordered by address. */
static uintptr_t sortkey(const Hchan *c)
{
	return (uintptr_t)c;
}

/* Go's selectgo. Returns the chosen case (-1: none, only when !block) and sets *recv_ok. */
intgo select_go(Scase *scases, uint16_t *order, int nsends, int nrecvs, bool block, bool *recv_ok)
{
	int ncases = nsends + nrecvs;
	uint16_t *pollorder = order;
	uint16_t *lockorder = order + ncases;

	/* Pass 0: the random poll order (an inside-out Fisher-Yates shuffle), leaving out nil
	 * channels. */
	int norder = 0;
	for (int i = 0; i < ncases; i++) {
		Scase *cas = &scases[i];
		if (cas->c == NULL) {
			cas->elem = NULL;  /* allow the frame's value to be dropped */
			continue;
		}
		uint32_t j = sched_fastrandn((uint32_t)norder + 1);
		pollorder[norder] = pollorder[j];
		pollorder[j] = (uint16_t)i;
		norder++;
	}

	/* The lock order: heap sort of pollorder by channel address. First build a max-heap... */
	for (int i = 0; i < norder; i++) {
		int j = i;
		Hchan *c = scases[pollorder[i]].c;
		while (j > 0 && sortkey(scases[lockorder[(j - 1) / 2]].c) < sortkey(c)) {
			int k = (j - 1) / 2;
			lockorder[j] = lockorder[k];
			j = k;
		}
		lockorder[j] = pollorder[i];
	}
	/* ...then repeatedly move its top to the end. */
	for (int i = norder - 1; i >= 0; i--) {
		uint16_t o = lockorder[i];
		Hchan *c = scases[o].c;
		lockorder[i] = lockorder[0];
		int j = 0;
		for (;;) {
			int k = j * 2 + 1;
			if (k >= i)
				break;
			if (k + 1 < i && sortkey(scases[lockorder[k]].c) < sortkey(scases[lockorder[k + 1]].c))
				k++;
			if (sortkey(c) < sortkey(scases[lockorder[k]].c)) {
				lockorder[j] = lockorder[k];
				j = k;
				continue;
			}
			break;
		}
		lockorder[j] = o;
	}

	sellock(scases, lockorder, norder);
	SelLocks locks = {scases, lockorder, norder};

	/* Pass 1: the first case, in poll order, that can proceed now. */
	int casi = -1;
	Scase *cas = NULL;
	Hchan *c = NULL;
	Sudog *sg = NULL;
	*recv_ok = false;
	for (int i = 0; i < norder; i++) {
		casi = pollorder[i];
		cas = &scases[casi];
		c = cas->c;
		if (casi >= nsends) {
			sg = chan_dequeue(&c->sendq);
			if (sg != NULL) {  /* a parked sender */
				chan_recv_from(c, sg, cas->elem, selunlock_fn, &locks);
				*recv_ok = true;
				return casi;
			}
			if (c->qcount > 0) {  /* buffered data */
				void *qp = chan_buf(c, c->recvx);
				if (cas->elem != NULL)
					memmove(cas->elem, qp, c->elemsize);
				memset(qp, 0, c->elemsize);
				if (++c->recvx == c->dataqsiz)
					c->recvx = 0;
				__atomic_store_n(&c->qcount, c->qcount - 1, __ATOMIC_RELAXED);
				selunlock(scases, lockorder, norder);
				*recv_ok = true;
				return casi;
			}
			if (c->closed != 0) {  /* closed and drained: the zero value */
				selunlock(scases, lockorder, norder);
				if (cas->elem != NULL)
					memset(cas->elem, 0, c->elemsize);
				return casi;
			}
		} else {
			if (c->closed != 0) {
				selunlock(scases, lockorder, norder);
				chan_panic_send_closed();
			}
			sg = chan_dequeue(&c->recvq);
			if (sg != NULL) {  /* a parked receiver */
				chan_send_to(c, sg, cas->elem, selunlock_fn, &locks);
				return casi;
			}
			if (c->qcount < c->dataqsiz) {  /* buffer room */
				memmove(chan_buf(c, c->sendx), cas->elem, c->elemsize);
				if (++c->sendx == c->dataqsiz)
					c->sendx = 0;
				__atomic_store_n(&c->qcount, c->qcount + 1, __ATOMIC_RELAXED);
				selunlock(scases, lockorder, norder);
				return casi;
			}
		}
	}

	if (!block) {
		selunlock(scases, lockorder, norder);
		return -1;
	}
	if (norder == 0)  /* only nil channels: Go parks with the locks (none) held */
		chan_block_forever(WAIT_SELECT);

	/* Pass 2: queue on every channel, in lock order. */
	G *gp = sched_getg();
	if (gp->waiting != NULL)
		panic_throw("gp.waiting != nil");
	Sudog **nextp = &gp->waiting;
	for (int i = 0; i < norder; i++) {
		casi = lockorder[i];
		cas = &scases[casi];
		c = cas->c;
		Sudog *s = sched_acquire_sudog();
		s->g = gp;
		s->is_select = true;
		s->elem = cas->elem;
		s->releasetime = 0;
		s->c = c;
		*nextp = s;
		nextp = &s->waitlink;
		if (casi < nsends)
			chan_enqueue(&c->sendq, s);
		else
			chan_enqueue(&c->recvq, s);
	}
	*nextp = NULL;
	gp->param = NULL;
	sched_park(selparkcommit, NULL, WAIT_SELECT);

	sellock(scases, lockorder, norder);
	__atomic_store_n(&gp->select_done, 0, __ATOMIC_SEQ_CST);
	sg = gp->param;
	gp->param = NULL;

	/* Pass 3: the winner is the Sudog in g->param; dequeue the others. g->waiting is in lock
	 * order, so walking lockorder alongside it pairs each Sudog with its case. */
	casi = -1;
	cas = NULL;
	bool case_success = false;
	Sudog *sglist = gp->waiting;
	for (Sudog *s = gp->waiting; s != NULL; s = s->waitlink) {
		s->is_select = false;
		s->elem = NULL;
		s->c = NULL;
	}
	gp->waiting = NULL;
	for (int i = 0; i < norder; i++) {
		Scase *k = &scases[lockorder[i]];
		if (sg == sglist) {
			casi = lockorder[i];
			cas = k;
			case_success = sglist->success;
		} else if (lockorder[i] < nsends) {
			chan_dequeue_sudog(&k->c->sendq, sglist);
		} else {
			chan_dequeue_sudog(&k->c->recvq, sglist);
		}
		Sudog *next = sglist->waitlink;
		sglist->waitlink = NULL;
		sched_release_sudog(sglist);
		sglist = next;
	}
	if (cas == NULL)
		panic_throw("selectgo: bad wakeup");

	if (casi < nsends) {
		if (!case_success) {  /* woken by close */
			selunlock(scases, lockorder, norder);
			chan_panic_send_closed();
		}
	} else {
		*recv_ok = case_success;
	}
	selunlock(scases, lockorder, norder);
	return casi;
}

intgo runtime_selectgo(void *scases, void *order, intgo nsends, intgo nrecvs, bool block, void *recv_ok)
{
	bool ok;
	intgo casi = select_go(scases, order, (int)nsends, (int)nrecvs, block, &ok);
	if (recv_ok != NULL)
		*(bool *)recv_ok = ok;
	return casi;
}
