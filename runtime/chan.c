/*
 * chan.c: channels (Go's runtime/chan.go, go1.19), the runtime.def section "Channels".
 *
 * In: a channel type's descriptor and a capacity (makechan); a channel (Hchan *, NULL = the nil
 * channel) and the address of an element in the caller's memory (send: read from it; receive:
 * written, or NULL to discard). Out: the element copied across, or the goroutine parked until a
 * partner arrives; go1.19's panics (`send on closed channel`, `close of closed channel`, `close of
 * nil channel`, `makechan: size out of range`, all runtime.plainError values).
 *
 * The one idea (Go's): a channel is a ring buffer of dataqsiz elements plus two queues of parked
 * goroutines, recvq and sendq, all under one lock. An operation that finds a partner already parked
 * on the opposite queue completes with it directly: the element is copied straight from the sender's
 * memory into the receiver's (send/recv below: the Sudog's elem points into the parked goroutine's
 * frame), the partner's Sudog is marked `success` and the partner is made runnable. Otherwise the
 * buffer is used if it has room (send) or data (receive); otherwise the goroutine queues a Sudog on
 * its own side and parks, and whoever completes it later does the copy on its behalf. close wakes
 * every parked goroutine with success = false: receivers get a zeroed element, senders panic.
 *
 * Invariants (chan.go's, kept):
 *  - at most one of recvq and sendq is non-empty; a queued receiver implies an empty buffer, a queued
 *    sender a full one (for unbuffered channels: no buffer at all);
 *  - qcount, sendx, recvx, the queues, closed and every Sudog queued here change only under c->lock;
 *    the lock-free fast paths of non-blocking operations (full/empty below) read single words whose
 *    order chan.go argues for, and only to fail early;
 *  - a Sudog of a goroutine in a select (is_select) may sit on many queues; dequeue takes it only if
 *    it wins the goroutine's select_done compare-and-swap, so exactly one case completes;
 *  - the element of a received-from buffer slot is cleared, so the buffer keeps nothing alive that
 *    the program dropped (for the collector to come);
 *  - element copies are memmove of elemtype->size bytes: any size, zero included (a zero-size
 *    channel's buffer is the Hchan itself, never read), pointers or not. Go's typedmemmove adds
 *    write barriers; gocc has no collector yet, and this is the one place to add them.
 *  - the channel lock is a leaf (scheduler.h): nothing here allocates, prints or parks with it held,
 *    except the park that releases it (sched_parkunlock), and a panic releases it first.
 *
 * Layout: Hchan keeps chan.go's field order, so qcount (len) is the first word and dataqsiz (cap) the
 * second, as gc's inlined len(c)/cap(c) read them; gocc's lowering calls chanlen/chancap instead,
 * which keeps the layout private to this file and select.c.
 *
 * Rejected alternatives. A condition variable per channel (mutex + futex wait, no Sudog hand-off):
 * it cannot express select, where one goroutine waits on many channels and exactly one may win, and
 * it loses the direct copy that makes an unbuffered hand-off one memmove. A lock-free ring buffer: Go
 * itself rejected it (the lock is uncontended in the common case, and close/select need the queues
 * consistent with the buffer anyway). Copying elements through a per-channel staging buffer instead
 * of into the parked goroutine's frame: an extra copy on every hand-off, and gocc's stacks never move,
 * so the pointer into the frame stays valid for as long as the goroutine is parked.
 */
#include <string.h>

#include "chan.h"
#include "malloc.h"

/* Go's maxAlign rounds hchanSize so that the buffer that follows the Hchan is aligned. */
#define HCHAN_SIZE ((sizeof(Hchan) + 7) & ~(uintptr_t)7)

static const RuntimeError err_send_closed = {.kind = ERR_PLAIN, .msg = "send on closed channel"};
static const RuntimeError err_close_closed = {.kind = ERR_PLAIN, .msg = "close of closed channel"};
static const RuntimeError err_close_nil = {.kind = ERR_PLAIN, .msg = "close of nil channel"};
static const RuntimeError err_size = {.kind = ERR_PLAIN, .msg = "makechan: size out of range"};

/* ---- the wait queues (Go's waitq) ---- */

/* q->first is also read without the lock (chan_full, chan_empty), so it is written atomically:
 * the unlocked read may be stale, but it is never a torn or racy one (ThreadSanitizer agrees). */
static void set_first(WaitQ *q, Sudog *sg)
{
	__atomic_store_n(&q->first, sg, __ATOMIC_RELAXED);
}

void chan_enqueue(WaitQ *q, Sudog *sg)
{
	sg->next = NULL;
	Sudog *x = q->last;
	if (x == NULL) {
		sg->prev = NULL;
		set_first(q, sg);
		q->last = sg;
		return;
	}
	sg->prev = x;
	x->next = sg;
	q->last = sg;
}

/* The first waiter that can still be completed: a select's Sudog whose goroutine already chose
 * another case (lost the select_done CAS) is dropped from the queue and skipped. */
Sudog *chan_dequeue(WaitQ *q)
{
	for (;;) {
		Sudog *sg = q->first;
		if (sg == NULL)
			return NULL;
		Sudog *y = sg->next;
		if (y == NULL) {
			set_first(q, NULL);
			q->last = NULL;
		} else {
			y->prev = NULL;
			set_first(q, y);
			sg->next = NULL;
		}
		/* A select goroutine is woken once: the CAS decides which of its cases that is. It may
		 * already be on its way back (pass 3 of selectgo) taking itself off the other queues,
		 * which it does under this same lock, so losing here just means "not this one". */
		if (sg->is_select) {
			uint32_t zero = 0;
			if (!__atomic_compare_exchange_n(&sg->g->select_done, &zero, 1, false, __ATOMIC_SEQ_CST,
							 __ATOMIC_SEQ_CST))
				continue;
		}
		return sg;
	}
}

/* Unlinks sg from q if it is there (Go's dequeueSudoG: selectgo's pass 3). */
void chan_dequeue_sudog(WaitQ *q, Sudog *sg)
{
	Sudog *x = sg->prev, *y = sg->next;
	if (x != NULL) {
		if (y != NULL) {  /* middle of the queue */
			x->next = y;
			y->prev = x;
			sg->next = sg->prev = NULL;
			return;
		}
		x->next = NULL;  /* end of the queue */
		q->last = x;
		sg->prev = NULL;
		return;
	}
	if (y != NULL) {  /* start of the queue */
		y->prev = NULL;
		set_first(q, y);
		sg->next = NULL;
		return;
	}
	/* x == y == NULL: sg is the only element, or it was already removed (a dequeue took it). */
	if (q->first == sg) {
		set_first(q, NULL);
		q->last = NULL;
	}
}

/* ---- helpers shared with select.c ---- */

static void typedmemclr(const GoType *t, void *p)
{
	memset(p, 0, t->size);
}

/* Never-failing unlock function for parks that nobody ends (nil channels, select {}). */
static bool park_forever(G *gp, void *arg)
{
	(void)gp;
	(void)arg;
	return true;
}

RUNTIME_NORET void chan_block_forever(WaitReason reason)
{
	sched_park(park_forever, NULL, reason);
	panic_throw("unreachable");
}

RUNTIME_NORET void chan_panic_send_closed(void)
{
	panic_rterror(&err_send_closed, NULL);
}

/* The end of a hand-off: release the lock(s), then tell the partner which of its Sudogs completed
 * (its select, if any, learns the case from g->param) and make it runnable. */
static void complete(Sudog *sg, void (*unlockf)(void *), void *arg)
{
	sg->elem = NULL;
	G *gp = sg->g;
	unlockf(arg);
	gp->param = sg;
	sg->success = true;
	sched_ready(gp);
}

/* Completes a send to the parked receiver sg (Go's send): c is locked by the caller, unlockf(arg)
 * releases it (one lock for chansend, all of a select's for selectgo). Unbuffered, or buffered but
 * empty: either way the receiver takes ep's value directly. */
void chan_send_to(Hchan *c, Sudog *sg, const void *ep, void (*unlockf)(void *), void *arg)
{
	if (sg->elem != NULL)
		memmove(sg->elem, ep, c->elemsize);  /* Go's sendDirect: into the receiver's frame */
	complete(sg, unlockf, arg);
}

/* Completes a receive from the parked sender sg (Go's recv). Unbuffered: copy from the sender
 * directly. Buffered (and therefore full, since a sender is waiting): take the head of the queue
 * and put the sender's value in the slot it freed, at the tail, so FIFO order holds. */
void chan_recv_from(Hchan *c, Sudog *sg, void *ep, void (*unlockf)(void *), void *arg)
{
	if (c->dataqsiz == 0) {
		if (ep != NULL)
			memmove(ep, sg->elem, c->elemsize);  /* Go's recvDirect */
	} else {
		void *qp = chan_buf(c, c->recvx);
		if (ep != NULL)
			memmove(ep, qp, c->elemsize);
		memmove(qp, sg->elem, c->elemsize);
		if (++c->recvx == c->dataqsiz)
			c->recvx = 0;
		c->sendx = c->recvx;  /* the buffer is full: c->sendx == c->recvx */
	}
	complete(sg, unlockf, arg);
}

static void unlock_chan(void *c)
{
	lock_release(&((Hchan *)c)->lock);
}

/* ---- makechan ---- */

void *runtime_makechan(const GoType *t, intgo size)
{
	const GoType *elem = t->elem;
	/* The compiler refuses larger element types (gc: "channel element type too large (>64kB)"). */
	if (elem->size >= (1 << 16))
		panic_throw("makechan: invalid channel element type");
	uintptr_t mem;
	bool overflow = __builtin_mul_overflow(elem->size, (uintptr_t)size, &mem);
	if (size < 0 || overflow || mem > MALLOC_MAX_ALLOC - HCHAN_SIZE)
		panic_rterror(&err_size, NULL);

	Hchan *c;
	if (mem == 0) {
		/* Zero-size elements or no buffer: only the Hchan. buf points at the Hchan itself
		 * (Go's raceaddr), a valid address that is never read. */
		c = runtime_mallocgc(HCHAN_SIZE, NULL, true);
		c->buf = c;
	} else if (elem->ptrdata == 0) {
		/* No pointers in the elements: Hchan and buffer in one allocation. */
		c = runtime_mallocgc(HCHAN_SIZE + mem, NULL, true);
		c->buf = (char *)c + HCHAN_SIZE;
	} else {
		/* Pointers: the buffer is its own typed allocation, for the collector to scan. */
		c = runtime_mallocgc(HCHAN_SIZE, NULL, true);
		c->buf = runtime_mallocgc(mem, elem, true);
	}
	c->elemsize = elem->size;
	c->elemtype = elem;
	c->dataqsiz = (uintptr_t)size;
	return c;
}

/* ---- send ---- */

/* Whether a send would block (Go's full). Read without the lock by the non-blocking fast path:
 * dataqsiz never changes, and each other read is one word, possibly stale, which only makes the
 * fast path give up on a channel that was about to become ready, as a racing select may anyway. */
static bool chan_full(Hchan *c)
{
	if (c->dataqsiz == 0)
		return __atomic_load_n(&c->recvq.first, __ATOMIC_RELAXED) == NULL;
	return __atomic_load_n(&c->qcount, __ATOMIC_RELAXED) == c->dataqsiz;
}

/* Whether a receive would block (Go's empty). */
static bool chan_empty(Hchan *c)
{
	if (c->dataqsiz == 0)
		return __atomic_load_n(&c->sendq.first, __ATOMIC_RELAXED) == NULL;
	return __atomic_load_n(&c->qcount, __ATOMIC_RELAXED) == 0;
}

/* The blocking half of chansend and chanrecv: queue a Sudog for the running goroutine on q (c is
 * locked), park releasing the lock, and after the wake-up return the Sudog's success (false: woken
 * by close). Whoever dequeues the Sudog does the copy through elem and sets g->param. */
static bool chan_park(Hchan *c, WaitQ *q, void *ep, WaitReason reason)
{
	G *gp = sched_getg();
	Sudog *mysg = sched_acquire_sudog();
	mysg->releasetime = 0;
	mysg->elem = ep;
	mysg->waitlink = NULL;
	mysg->g = gp;
	mysg->is_select = false;
	mysg->c = c;
	gp->waiting = mysg;
	gp->param = NULL;
	chan_enqueue(q, mysg);
	sched_parkunlock(&c->lock, reason);

	if (mysg != gp->waiting)
		panic_throw("G waiting list is corrupted");
	gp->waiting = NULL;
	bool success = mysg->success;
	gp->param = NULL;
	mysg->c = NULL;
	sched_release_sudog(mysg);
	return success;
}

/* Go's chansend: sends *ep on c. With block false it returns false instead of parking. */
bool chan_send(Hchan *c, const void *ep, bool block)
{
	if (c == NULL) {
		if (!block)
			return false;
		chan_block_forever(WAIT_CHAN_SEND_NIL_CHAN);
	}

	/* Fast path for a failed non-blocking send, without the lock (chan.go explains the order:
	 * closed is read after full, and a channel that is not closed and full at that point was
	 * not ready at some moment during the call). */
	if (!block && __atomic_load_n(&c->closed, __ATOMIC_RELAXED) == 0 && chan_full(c))
		return false;

	lock_acquire(&c->lock);
	if (c->closed != 0) {
		lock_release(&c->lock);
		chan_panic_send_closed();
	}

	Sudog *sg = chan_dequeue(&c->recvq);
	if (sg != NULL) {
		chan_send_to(c, sg, ep, unlock_chan, c);
		return true;
	}

	if (c->qcount < c->dataqsiz) {
		memmove(chan_buf(c, c->sendx), ep, c->elemsize);
		if (++c->sendx == c->dataqsiz)
			c->sendx = 0;
		__atomic_store_n(&c->qcount, c->qcount + 1, __ATOMIC_RELAXED);
		lock_release(&c->lock);
		return true;
	}

	if (!block) {
		lock_release(&c->lock);
		return false;
	}

	/* Park on sendq; the receiver that takes us copies from ep (in our frame) and readies us. */
	bool closed = !chan_park(c, &c->sendq, (void *)ep, WAIT_CHAN_SEND);
	if (closed) {
		if (__atomic_load_n(&c->closed, __ATOMIC_RELAXED) == 0)
			panic_throw("chansend: spurious wakeup");
		chan_panic_send_closed();
	}
	return true;
}

/* ---- receive ---- */

/* Go's chanrecv: receives into ep (NULL: discard). *received reports whether a value was
 * received (false: the channel is closed and drained, *ep zeroed). With block false it returns
 * false (not selected) instead of parking. */
bool chan_recv(Hchan *c, void *ep, bool block, bool *received)
{
	*received = false;
	if (c == NULL) {
		if (!block)
			return false;
		chan_block_forever(WAIT_CHAN_RECEIVE_NIL_CHAN);
	}

	/* Fast path for a non-blocking receive that cannot succeed. Emptiness is read before
	 * closed; if the channel was empty and then found closed, recheck emptiness: a send may have
	 * slipped in between, and it must be received rather than reported as closed. */
	if (!block && chan_empty(c)) {
		if (__atomic_load_n(&c->closed, __ATOMIC_SEQ_CST) == 0)
			return false;
		if (chan_empty(c)) {
			if (ep != NULL)
				typedmemclr(c->elemtype, ep);
			return true;
		}
	}

	lock_acquire(&c->lock);
	if (c->closed != 0) {
		if (c->qcount == 0) {
			lock_release(&c->lock);
			if (ep != NULL)
				typedmemclr(c->elemtype, ep);
			return true;
		}
		/* Closed but with buffered data: receive it below. */
	} else {
		Sudog *sg = chan_dequeue(&c->sendq);
		if (sg != NULL) {
			chan_recv_from(c, sg, ep, unlock_chan, c);
			*received = true;
			return true;
		}
	}

	if (c->qcount > 0) {
		void *qp = chan_buf(c, c->recvx);
		if (ep != NULL)
			memmove(ep, qp, c->elemsize);
		typedmemclr(c->elemtype, qp);
		if (++c->recvx == c->dataqsiz)
			c->recvx = 0;
		__atomic_store_n(&c->qcount, c->qcount - 1, __ATOMIC_RELAXED);
		lock_release(&c->lock);
		*received = true;
		return true;
	}

	if (!block) {
		lock_release(&c->lock);
		return false;
	}

	/* Park on recvq; the sender (or close) fills ep and readies us. */
	*received = chan_park(c, &c->recvq, ep, WAIT_CHAN_RECEIVE);
	return true;
}

/* ---- close ---- */

void runtime_closechan(void *p)
{
	Hchan *c = p;
	if (c == NULL)
		panic_rterror(&err_close_nil, NULL);

	lock_acquire(&c->lock);
	if (c->closed != 0) {
		lock_release(&c->lock);
		panic_rterror(&err_close_closed, NULL);
	}
	__atomic_store_n(&c->closed, 1, __ATOMIC_SEQ_CST);

	/* Take every waiter off the queues under the lock, chained through their (now free) next
	 * links; ready them after unlocking (Go's glist), so the lock is not held across the
	 * scheduler's work. Each goroutine stays parked, and its Sudog valid, until it is readied. */
	Sudog *list = NULL, **tail = &list;
	Sudog *sg;
	while ((sg = chan_dequeue(&c->recvq)) != NULL) {  /* receivers get the zero value */
		if (sg->elem != NULL) {
			typedmemclr(c->elemtype, sg->elem);
			sg->elem = NULL;
		}
		sg->g->param = sg;
		sg->success = false;
		*tail = sg;
		tail = &sg->next;
	}
	while ((sg = chan_dequeue(&c->sendq)) != NULL) {  /* senders will panic */
		sg->elem = NULL;
		sg->g->param = sg;
		sg->success = false;
		*tail = sg;
		tail = &sg->next;
	}
	*tail = NULL;
	lock_release(&c->lock);

	while (list != NULL) {
		sg = list;
		list = sg->next;  /* read before the goroutine can run and release sg */
		sg->next = NULL;
		sched_ready(sg->g);
	}
}

/* ---- the runtime.def entry points ---- */

void runtime_chansend1(void *c, void *elem)
{
	chan_send(c, elem, true);
}

void runtime_chanrecv1(void *c, void *elem)
{
	bool received;
	chan_recv(c, elem, true, &received);
}

bool runtime_chanrecv2(void *c, void *elem)
{
	bool received;
	chan_recv(c, elem, true, &received);
	return received;
}

intgo runtime_chanlen(void *p)
{
	Hchan *c = p;
	return c == NULL ? 0 : (intgo)__atomic_load_n(&c->qcount, __ATOMIC_RELAXED);
}

intgo runtime_chancap(void *p)
{
	Hchan *c = p;
	return c == NULL ? 0 : (intgo)c->dataqsiz;
}

/* Go's selectnbsend: `select { case c <- v: ... default: ... }`. */
bool runtime_selectnbsend(void *c, void *elem)
{
	return chan_send(c, elem, false);
}

/* Go's selectnbrecv: `select { case v, ok = <-c: ... default: ... }`. */
bool runtime_selectnbrecv(void *c, void *elem, void *received)
{
	bool ok;
	bool selected = chan_recv(c, elem, false, &ok);
	if (received != NULL)
		*(bool *)received = ok;
	return selected;
}
