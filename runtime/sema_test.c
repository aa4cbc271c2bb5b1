/*
 * sema_test.c: sema.c's semaphores and notify lists as sync uses them, over the one-goroutine
 * stand-in scheduler (rt_sched_fake.h): what succeeds at once; a blocking acquire or Cond.Wait parks
 * with gc's wait reason (`semacquire`, `sync.Cond.Wait`: what go1.19's deadlock report names, the
 * report itself being the scheduler's); and, white-box (sema.c is compiled into this test, so its
 * static treap functions are reachable), the semaRoot treap under random queueing and dequeueing,
 * FIFO and lifo order per address, handoff, and which waiter a notification readies. Other waiting
 * goroutines are played by Sudogs of made-up Gs queued by hand, as a parked partner would have.
 */
#include "rt_sched_fake.h"
#include "rt_test.h"

#include "sema.c"

/* ---- the fast paths and parking ---- */

Test(sema, acquire_takes_a_positive_count)
{
	uint32_t s = 0;
	sync_runtime_Semrelease(NULL, &s, 0, 0);
	sync_runtime_Semrelease(NULL, &s, 1, 0);
	cr_assert_eq(s, 2);
	sync_runtime_Semacquire(NULL, &s);
	sync_runtime_SemacquireMutex(NULL, &s, 1, 0);
	cr_assert_eq(s, 0);
	cr_assert_eq(fake_nreadied, 0);
}

static void acquire_zero(void *arg)
{
	(void)arg;
	static uint32_t s = 0;
	sync_runtime_Semacquire(NULL, &s);
}

Test(sema, acquire_of_zero_parks_as_semacquire)
{
	static Captured c;
	rt_capture(acquire_zero, NULL, &c);
	rt_assert_output(&c, FAKE_PARK_EXIT, "fake scheduler: park [semacquire]\n");
}

static void wait_unnotified(void *arg)
{
	(void)arg;
	static NotifyList l;
	sync_runtime_notifyListWait(NULL, &l, sync_runtime_notifyListAdd(NULL, &l));
}

Test(sema, wait_without_notification_parks_as_cond_wait)
{
	static Captured c;
	rt_capture(wait_unnotified, NULL, &c);
	rt_assert_output(&c, FAKE_PARK_EXIT, "fake scheduler: park [sync.Cond.Wait]\n");
}

Test(sema, notify_list_tickets)
{
	NotifyList l = {0};
	sync_runtime_notifyListCheck(NULL, sizeof l);
	uint32_t t0 = sync_runtime_notifyListAdd(NULL, &l);
	uint32_t t1 = sync_runtime_notifyListAdd(NULL, &l);
	cr_assert_eq(t0, 0);
	cr_assert_eq(t1, 1);
	sync_runtime_notifyListNotifyOne(NULL, &l); /* ticket 0, not queued yet */
	sync_runtime_notifyListWait(NULL, &l, t0);  /* returns: already notified */
	cr_assert_eq(l.notify, 1);
	sync_runtime_notifyListNotifyAll(NULL, &l); /* ticket 1 */
	sync_runtime_notifyListWait(NULL, &l, t1);
	sync_runtime_notifyListNotifyOne(NULL, &l); /* nobody waits: no change */
	cr_assert_eq(l.notify, 2);
	cr_assert_eq(fake_nreadied, 0);
	cr_assert_not(sync_runtime_canSpin(NULL, 0));
}

/* ---- waiters played by hand ---- */

enum { NG = 200 };
static G gs[NG];
static Sudog sgs[NG];

/* Queues sgs[i] for gs[i] on addr, as semacquire does under the root lock. */
static void queue_waiter(int i, uint32_t *addr, bool lifo)
{
	SemaRoot *root = semroot(addr);
	sgs[i] = (Sudog){0};
	lock_acquire(&root->lock);
	__atomic_fetch_add(&root->nwait, 1, __ATOMIC_SEQ_CST);
	sema_queue(root, addr, &sgs[i], lifo);
	sgs[i].g = &gs[i]; /* sema_queue took the running G; the waiter is gs[i] */
	lock_release(&root->lock);
}

/* Checks the treap below s: addresses in search-tree order, tickets in heap order, parent links. */
static int check_treap(Sudog *s, Sudog *parent, uintptr_t lo, uintptr_t hi)
{
	if (s == NULL)
		return 0;
	cr_assert_eq(s->parent, parent);
	cr_assert((uintptr_t)s->elem >= lo && (uintptr_t)s->elem < hi, "search order");
	if (parent)
		cr_assert_geq(s->ticket, parent->ticket, "heap order");
	return 1 + check_treap(s->prev, s, lo, (uintptr_t)s->elem) +
	       check_treap(s->next, s, (uintptr_t)s->elem + 1, hi);
}


Test(sema, treap_keeps_its_order_under_random_queueing_and_release)
{
	/* addresses 251 words of 8 bytes apart: they all hash to one root */
	static uint64_t words[64 * 251];
	uint32_t *addr[64];
	for (int a = 0; a < 64; a++)
		addr[a] = (uint32_t *)&words[a * 251];
	SemaRoot *root = semroot(addr[0]);
	for (int a = 1; a < 64; a++)
		cr_assert_eq(semroot(addr[a]), root);

	static int order[64][NG]; /* per address, the waiters in queueing order */
	int nwaiting[64] = {0};
	for (int i = 0; i < NG; i++) {
		int a = (int)(alg_rand() % 64);
		queue_waiter(i, addr[a], false);
		order[a][nwaiting[a]++] = i;
	}
	int distinct = 0;
	for (int a = 0; a < 64; a++)
		distinct += nwaiting[a] > 0;
	cr_assert_eq(check_treap(root->treap, NULL, 0, UINTPTR_MAX), distinct);
	cr_assert_eq(root->nwait, NG);

	/* release the addresses in random order, once per waiter: each release readies the longest
	 * waiting goroutine on its address, and the treap stays well-formed */
	int released[64] = {0};
	for (int k = 0; k < NG; k++) {
		int a;
		do
			a = (int)(alg_rand() % 64);
		while (released[a] == nwaiting[a]);
		fake_nreadied = 0;
		sync_runtime_Semrelease(NULL, addr[a], 0, 0);
		cr_assert_eq(fake_nreadied, 1);
		int i = order[a][released[a]++];
		cr_assert_eq(fake_readied[0], &gs[i], "address %d: waiter %d first", a, i);
		cr_assert(sgs[i].elem == NULL && sgs[i].ticket == 0 && sgs[i].waitlink == NULL);
		cr_assert_eq(*addr[a], 1, "no handoff: the count stays for the woken waiter to take");
		*addr[a] = 0; /* which it does */
		check_treap(root->treap, NULL, 0, UINTPTR_MAX);
	}
	cr_assert_null(root->treap);
	cr_assert_eq(root->nwait, 0);
	fake_nreadied = 0;
}

Test(sema, lifo_waiters_go_first_and_handoff_gives_the_count_away)
{
	static uint32_t sem;
	queue_waiter(0, &sem, false);
	queue_waiter(1, &sem, false);
	queue_waiter(2, &sem, true); /* a starving Mutex waiter re-queues at the front */
	fake_nreadied = 0;
	sync_runtime_Semrelease(NULL, &sem, 1, 0); /* handoff */
	cr_assert_eq(fake_readied[0], &gs[2]);
	cr_assert_eq(sgs[2].ticket, 1, "the waiter was handed the count");
	cr_assert_eq(sem, 0, "so nobody else can take it");
	sync_runtime_Semrelease(NULL, &sem, 0, 0);
	sync_runtime_Semrelease(NULL, &sem, 0, 0);
	cr_assert_eq(fake_nreadied, 3);
	cr_assert_eq(fake_readied[1], &gs[0]);
	cr_assert_eq(fake_readied[2], &gs[1]);
	cr_assert_eq(sgs[0].ticket, 0);
	cr_assert_eq(sem, 2);
	sync_runtime_Semrelease(NULL, &sem, 0, 0); /* nobody waits: only the count */
	cr_assert_eq(fake_nreadied, 3);
	cr_assert_eq(sem, 3);
	fake_nreadied = 0;
}

/* Queues sgs[i] for gs[i] with ticket t on l, as notifyListWait does before parking. */
static void notify_waiter(NotifyList *l, int i, uint32_t t)
{
	sgs[i] = (Sudog){.g = &gs[i], .ticket = t};
	if (l->tail == NULL)
		l->head = &sgs[i];
	else
		l->tail->next = &sgs[i];
	l->tail = &sgs[i];
}

Test(sema, notify_one_readies_the_next_ticket_and_notify_all_the_rest)
{
	NotifyList l = {0};
	uint32_t t[4];
	for (int i = 0; i < 4; i++)
		t[i] = sync_runtime_notifyListAdd(NULL, &l);
	/* tickets 1, 0 and 3 have queued (out of ticket order), 2 has not yet */
	notify_waiter(&l, 1, t[1]);
	notify_waiter(&l, 0, t[0]);
	notify_waiter(&l, 3, t[3]);
	fake_nreadied = 0;
	sync_runtime_notifyListNotifyOne(NULL, &l);
	cr_assert_eq(fake_nreadied, 1);
	cr_assert_eq(fake_readied[0], &gs[0], "ticket 0 first, wherever it is in the queue");
	sync_runtime_notifyListNotifyOne(NULL, &l);
	cr_assert_eq(fake_readied[1], &gs[1]);
	sync_runtime_notifyListNotifyOne(NULL, &l); /* ticket 2 has not queued: nobody to ready */
	cr_assert_eq(fake_nreadied, 2);
	sync_runtime_notifyListWait(NULL, &l, t[2]); /* and when it comes, it does not park */
	sync_runtime_notifyListNotifyAll(NULL, &l);
	cr_assert_eq(fake_nreadied, 3);
	cr_assert_eq(fake_readied[2], &gs[3]);
	cr_assert_null(l.head);
	cr_assert_null(l.tail);
	cr_assert_eq(l.notify, 4);
	fake_nreadied = 0;
}
