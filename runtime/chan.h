/*
 * chan.h: the channel (chan.c) as select.c and reflect.c see it: Go's hchan and waitq, and the
 * internal send/receive operations the runtime.def entry points are built from. chan.c's essay has
 * the design; the fields keep chan.go's names and order.
 */
#ifndef GOCC_RUNTIME_CHAN_H
#define GOCC_RUNTIME_CHAN_H

#include "scheduler.h"

/* A queue of parked goroutines (Go's waitq): doubly linked through Sudog.next/prev. */
typedef struct WaitQ {
	Sudog *first, *last;
} WaitQ;

/* Go's hchan. Guarded by lock: everything but dataqsiz, elemsize, elemtype and buf (set once by
 * makechan). qcount and closed are also read without the lock by the non-blocking fast paths. */
struct Hchan {
	uintptr_t qcount;         /* elements in the buffer (len) */
	uintptr_t dataqsiz;       /* size of the ring buffer (cap) */
	void *buf;                /* dataqsiz elements */
	uintptr_t elemsize;
	uint32_t closed;
	const GoType *elemtype;
	uintptr_t sendx;          /* next slot to send into */
	uintptr_t recvx;          /* next slot to receive from */
	WaitQ recvq;              /* parked receivers */
	WaitQ sendq;              /* parked senders */
	RtLock lock;
};

/* The address of slot i of c's ring buffer (Go's chanbuf). */
static inline void *chan_buf(Hchan *c, uintptr_t i)
{
	return (char *)c->buf + i * c->elemsize;
}

/* Go's chansend: false when block is false and the send would block. Panics on a closed channel. */
bool chan_send(Hchan *c, const void *ep, bool block);

/* Go's chanrecv: returns selected (false: block is false and the receive would block) and sets
 * *received (false: closed and drained, *ep zeroed). ep NULL discards the value. */
bool chan_recv(Hchan *c, void *ep, bool block, bool *received);

/* The pieces selectgo shares (all with c->lock held). */
void chan_enqueue(WaitQ *q, Sudog *sg);
Sudog *chan_dequeue(WaitQ *q);
void chan_dequeue_sudog(WaitQ *q, Sudog *sg);
void chan_send_to(Hchan *c, Sudog *sg, const void *ep, void (*unlockf)(void *), void *arg);
void chan_recv_from(Hchan *c, Sudog *sg, void *ep, void (*unlockf)(void *), void *arg);

/* One case of a select as the compiler lays it out (RT_SCASE_SIZE bytes, Go's scase). */
typedef struct Scase {
	Hchan *c;
	void *elem;  /* send: the value; receive: where to put it, or NULL */
} Scase;

/* Go's selectgo (select.c): scases[0:nsends] are sends, the rest receives; order is 2*n uint16 of
 * scratch. Returns the chosen case, or -1 (only when !block), and sets *recv_ok. */
intgo select_go(Scase *scases, uint16_t *order, int nsends, int nrecvs, bool block, bool *recv_ok);

/* Parks the running goroutine for good (nil channel operations, select {}). */
RUNTIME_NORET void chan_block_forever(WaitReason reason);

/* Raises `send on closed channel`. */
RUNTIME_NORET void chan_panic_send_closed(void);

#endif
