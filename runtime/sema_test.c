/*
 * sema_test.c: sema.c's semaphores and notify lists as sync uses them, with one goroutine: what
 * succeeds at once, and go1.19's deadlock report (printed by go1.19 for WaitGroup.Wait with a count
 * of 1 and for Cond.Wait without a prior notification) for what would block.
 */
#include "rt_test.h"

#include <stdbool.h>

void sync_runtime_Semacquire(void *ctx, uint32_t *addr);
void sync_runtime_SemacquireMutex(void *ctx, uint32_t *addr, uint8_t lifo, int64_t skipframes);
void sync_runtime_Semrelease(void *ctx, uint32_t *addr, uint8_t handoff, int64_t skipframes);

typedef struct NotifyList {
	uint32_t wait, notify;
	uintptr_t lock;
	void *head, *tail;
} NotifyList;

uint32_t sync_runtime_notifyListAdd(void *ctx, NotifyList *l);
void sync_runtime_notifyListWait(void *ctx, NotifyList *l, uint32_t t);
void sync_runtime_notifyListNotifyAll(void *ctx, NotifyList *l);
void sync_runtime_notifyListNotifyOne(void *ctx, NotifyList *l);
void sync_runtime_notifyListCheck(void *ctx, uintptr_t size);
bool sync_runtime_canSpin(void *ctx, int64_t i);

Test(sema, acquire_takes_a_positive_count)
{
	uint32_t s = 0;
	sync_runtime_Semrelease(NULL, &s, 0, 0);
	sync_runtime_Semrelease(NULL, &s, 1, 0);
	cr_assert_eq(s, 2);
	sync_runtime_Semacquire(NULL, &s);
	sync_runtime_SemacquireMutex(NULL, &s, 1, 0);
	cr_assert_eq(s, 0);
}

static void acquire_zero(void *arg)
{
	(void)arg;
	uint32_t s = 0;
	sync_runtime_Semacquire(NULL, &s);
}

Test(sema, acquire_of_zero_is_the_deadlock)
{
	Captured c;
	rt_capture(acquire_zero, NULL, &c);
	rt_assert_output(&c, 2, "fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [semacquire]:\n");
}

Test(sema, notify_list_tickets)
{
	NotifyList l = {0};
	sync_runtime_notifyListCheck(NULL, sizeof l);
	uint32_t t0 = sync_runtime_notifyListAdd(NULL, &l);
	uint32_t t1 = sync_runtime_notifyListAdd(NULL, &l);
	cr_assert_eq(t0, 0);
	cr_assert_eq(t1, 1);
	sync_runtime_notifyListNotifyOne(NULL, &l); /* wakes ticket 0 */
	sync_runtime_notifyListWait(NULL, &l, t0);  /* returns: already notified */
	cr_assert_eq(l.notify, 1);
	sync_runtime_notifyListNotifyAll(NULL, &l); /* wakes ticket 1 */
	sync_runtime_notifyListWait(NULL, &l, t1);
	sync_runtime_notifyListNotifyOne(NULL, &l); /* nobody waits: no change */
	cr_assert_eq(l.notify, 2);
	cr_assert_not(sync_runtime_canSpin(NULL, 0));
}

static void wait_unnotified(void *arg)
{
	(void)arg;
	NotifyList l = {0};
	sync_runtime_notifyListWait(NULL, &l, sync_runtime_notifyListAdd(NULL, &l));
}

Test(sema, wait_without_notification_is_the_deadlock)
{
	Captured c;
	rt_capture(wait_unnotified, NULL, &c);
	rt_assert_output(&c, 2, "fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [sync.Cond.Wait]:\n");
}
