/*
 * gosched.h: what the goroutine twins here share: `go f(x)` as runtime_newproc of a func() closure,
 * and a minimal unbuffered channel of ints built only from scheduler.h (RtLock, Sudogs,
 * sched_parkunlock, sched_ready), standing in for chan.c so that the scheduler is tested on its own.
 * Its behaviour is an unbuffered Go channel's (a send waits for a receiver and the reverse; waiters
 * are served in FIFO order), with go1.19's wait reasons, so the twins' output is the Go programs'.
 */
#ifndef GOCC_RUNTIME_TESTDATA_GOSCHED_H
#define GOCC_RUNTIME_TESTDATA_GOSCHED_H

#include <stdlib.h>

#include "gotest.h"
#include "scheduler.h"

/* go code(ctx) with captured words */
static inline void go(void (*code)(void *), void *a, void *b)
{
	Closure *c = malloc(sizeof(Closure));
	*c = (Closure){code, {a, b, NULL}};
	runtime_newproc(c);
}

typedef struct WaitQ {
	Sudog *first, *last; /* FIFO, linked by next */
} WaitQ;

typedef struct IntChan {
	RtLock lock;
	WaitQ sendq, recvq;
} IntChan;

static inline void q_push(WaitQ *q, Sudog *s)
{
	if (q->last)
		q->last->next = s;
	else
		q->first = s;
	q->last = s;
}

static inline Sudog *q_pop(WaitQ *q)
{
	Sudog *s = q->first;
	if (s) {
		q->first = s->next;
		if (q->first == NULL)
			q->last = NULL;
		s->next = NULL;
	}
	return s;
}

static inline void chan_send(IntChan *c, intgo v)
{
	lock_acquire(&c->lock);
	Sudog *r = q_pop(&c->recvq);
	if (r) {
		*(intgo *)r->elem = v;
		lock_release(&c->lock);
		sched_ready(r->g);
		return;
	}
	Sudog *s = sched_acquire_sudog();
	s->g = sched_getg();
	s->elem = &v;
	q_push(&c->sendq, s);
	sched_parkunlock(&c->lock, WAIT_CHAN_SEND);
	s->elem = NULL;
	sched_release_sudog(s);
}

static inline intgo chan_recv(IntChan *c)
{
	lock_acquire(&c->lock);
	Sudog *s = q_pop(&c->sendq);
	if (s) {
		intgo v = *(intgo *)s->elem;
		lock_release(&c->lock);
		sched_ready(s->g);
		return v;
	}
	intgo v;
	Sudog *r = sched_acquire_sudog();
	r->g = sched_getg();
	r->elem = &v;
	q_push(&c->recvq, r);
	sched_parkunlock(&c->lock, WAIT_CHAN_RECEIVE);
	r->elem = NULL;
	sched_release_sudog(r);
	return v;
}

/* println(label, n) */
static inline void say_int(const char *label, intgo n)
{
	runtime_printlock();
	print_cstr(label);
	runtime_printsp();
	runtime_printint(n);
	runtime_printnl();
	runtime_printunlock();
}

#endif
