/*
 * chan_test.c: channels (chan.c) and select (select.c) through their runtime.def entry points, as
 * compiled code calls them, with one goroutine (rt_sched_fake.h: a park ends the child process with
 * `fake scheduler: park [reason]`, and readied goroutines are recorded).
 *
 * What one goroutine can observe: buffered FIFO order across the ring's wrap-around, len and cap,
 * close (buffered values first, then zero values and ok == false), every element size (zero, 8,
 * 2048 bytes, pointer-carrying strings), the non-blocking forms, select with and without default
 * (uniform choice among ready cases, nil cases never chosen, a channel in two cases), blocking
 * operations parking with go1.19's wait reasons, and the panics with go1.19's texts (observed:
 * `close(c); c <- 1` prints `panic: send on closed channel`, exit status 2). The partner of a
 * hand-off is played by a Sudog queued by hand for a second G, as a parked goroutine leaves it:
 * direct copies in both directions, the buffered rotation, close waking everyone, and a select
 * Sudog that already lost its select_done race being skipped.
 */
#include "chan.h"
#include "rt_sched_fake.h"
#include "rt_test.h"

#define TAIL "\ngoroutine 1 [running]:\n"

/* ---- descriptors, as the compiler emits them ---- */

static const uint8_t ptr_word0[] = {1};
static const GoType t_int64 = {.size = 8, .align = 8, .kind = KIND_INT64};
static const GoType t_empty = {.size = 0, .align = 1, .kind = KIND_STRUCT};
static const GoType t_string = {.size = 16, .align = 8, .kind = KIND_STRING, .ptrdata = 8,
				.gcdata = (void *)ptr_word0};
static const GoType t_big = {.size = 2048, .align = 8, .kind = KIND_ARRAY, .elem = &t_int64, .len = 256};

#define CHANTYPE(e) {.size = 8, .align = 8, .kind = KIND_CHAN, .elem = &(e), .len = 3}
static const GoType c_int64 = CHANTYPE(t_int64), c_empty = CHANTYPE(t_empty), c_string = CHANTYPE(t_string),
		    c_big = CHANTYPE(t_big);

static int64_t recv_int(void *c, bool *ok)
{
	int64_t v = -1;
	*ok = runtime_chanrecv2(c, &v);
	return v;
}

static void send_int(void *c, int64_t v)
{
	runtime_chansend1(c, &v);
}

/* ---- buffered channels ---- */

Test(chan, buffered_fifo_across_wraparound)
{
	void *c = runtime_makechan(&c_int64, 3);
	cr_assert_eq(runtime_chancap(c), 3);
	int64_t next_send = 0, next_recv = 0;
	for (int round = 0; round < 10; round++) {
		int n = 1 + round % 3;
		for (int i = 0; i < n; i++)
			send_int(c, next_send++);
		cr_assert_eq(runtime_chanlen(c), n);
		for (int i = 0; i < n; i++) {
			bool ok;
			cr_assert_eq(recv_int(c, &ok), next_recv++);
			cr_assert(ok);
		}
		cr_assert_eq(runtime_chanlen(c), 0);
	}
}

Test(chan, nil_channel_len_and_cap_are_zero)
{
	cr_assert_eq(runtime_chanlen(NULL), 0);
	cr_assert_eq(runtime_chancap(NULL), 0);
	void *u = runtime_makechan(&c_int64, 0);
	cr_assert_eq(runtime_chancap(u), 0);
	cr_assert_eq(runtime_chanlen(u), 0);
}

Test(chan, close_drains_buffer_then_zero_values)
{
	void *c = runtime_makechan(&c_int64, 4);
	send_int(c, 7);
	send_int(c, 8);
	runtime_closechan(c);
	cr_assert_eq(runtime_chanlen(c), 2);
	bool ok;
	cr_assert_eq(recv_int(c, &ok), 7);
	cr_assert(ok);
	cr_assert_eq(recv_int(c, &ok), 8);
	cr_assert(ok);
	for (int i = 0; i < 3; i++) {
		cr_assert_eq(recv_int(c, &ok), 0); /* zeroed, not left at -1 */
		cr_assert_not(ok);
	}
	int64_t v = 5;
	runtime_chanrecv1(c, &v);
	cr_assert_eq(v, 0);
	runtime_chanrecv1(c, NULL); /* discarded receive of a closed channel returns */
}

Test(chan, element_sizes)
{
	/* zero size: only the count moves */
	void *e = runtime_makechan(&c_empty, 2);
	char nothing[1];
	runtime_chansend1(e, nothing);
	runtime_chansend1(e, nothing);
	cr_assert_not(runtime_selectnbsend(e, nothing));
	cr_assert_eq(runtime_chanlen(e), 2);
	cr_assert(runtime_chanrecv2(e, nothing));
	cr_assert_eq(runtime_chanlen(e), 1);

	/* 2048-byte arrays */
	void *b = runtime_makechan(&c_big, 2);
	static int64_t big[256], got[256];
	for (int k = 0; k < 3; k++) {
		for (int i = 0; i < 256; i++)
			big[i] = k * 1000 + i;
		runtime_chansend1(b, big);
		cr_assert(runtime_chanrecv2(b, got));
		cr_assert_eq(memcmp(big, got, sizeof big), 0);
	}
	runtime_closechan(b);
	cr_assert_not(runtime_chanrecv2(b, got));
	for (int i = 0; i < 256; i++)
		cr_assert_eq(got[i], 0);

	/* strings (pointer-carrying elements: the buffer is a typed allocation of its own) */
	void *s = runtime_makechan(&c_string, 1);
	GoString in = GOSTR("hello"), out = {0};
	runtime_chansend1(s, &in);
	cr_assert(runtime_chanrecv2(s, &out));
	cr_assert_eq(out.len, 5);
	cr_assert_eq(memcmp(out.str, "hello", 5), 0);
}

/* ---- non-blocking operations (select with one case and a default) ---- */

Test(chan, nonblocking_send_and_receive)
{
	void *c = runtime_makechan(&c_int64, 1);
	int64_t v = 3, w = 0;
	bool received = true;
	cr_assert_not(runtime_selectnbrecv(c, &w, &received)); /* empty */
	cr_assert(runtime_selectnbsend(c, &v));
	cr_assert_not(runtime_selectnbsend(c, &v)); /* full */
	cr_assert(runtime_selectnbrecv(c, &w, &received));
	cr_assert(received);
	cr_assert_eq(w, 3);

	void *u = runtime_makechan(&c_int64, 0);
	cr_assert_not(runtime_selectnbsend(u, &v)); /* no receiver waiting */
	cr_assert_not(runtime_selectnbrecv(u, &w, NULL));

	cr_assert_not(runtime_selectnbsend(NULL, &v)); /* nil channel: never ready */
	cr_assert_not(runtime_selectnbrecv(NULL, &w, NULL));

	runtime_closechan(u);
	w = 9;
	cr_assert(runtime_selectnbrecv(u, &w, &received)); /* closed: ready, zero value */
	cr_assert_not(received);
	cr_assert_eq(w, 0);
}

/* ---- hand-offs with a parked partner ---- */

static G other_g = {.goid = 2};

static Sudog *park_partner(WaitQ *q, void *elem, bool is_select)
{
	Sudog *sg = calloc(1, sizeof(Sudog));
	sg->g = &other_g;
	sg->elem = elem;
	sg->is_select = is_select;
	chan_enqueue(q, sg);
	return sg;
}

Test(chan, send_copies_directly_into_a_parked_receiver)
{
	Hchan *c = runtime_makechan(&c_int64, 0);
	int64_t slot = -1;
	Sudog *sg = park_partner(&c->recvq, &slot, false);
	fake_nreadied = 0;
	cr_assert(runtime_selectnbsend(c, &(int64_t){42})); /* ready now: a receiver is parked */
	cr_assert_eq(slot, 42);
	cr_assert_eq(fake_nreadied, 1);
	cr_assert_eq(fake_readied[0], &other_g);
	cr_assert_eq(other_g.param, sg);
	cr_assert(sg->success);
	cr_assert_null(c->recvq.first);
}

Test(chan, receive_from_a_parked_sender_of_a_full_buffer_keeps_fifo)
{
	Hchan *c = runtime_makechan(&c_int64, 2);
	send_int(c, 1);
	send_int(c, 2);
	int64_t pending = 3;
	Sudog *sg = park_partner(&c->sendq, &pending, false);
	fake_nreadied = 0;
	bool ok;
	cr_assert_eq(recv_int(c, &ok), 1); /* the head of the buffer, not the parked sender's value */
	cr_assert_eq(fake_nreadied, 1);
	cr_assert(sg->success);
	cr_assert_eq(runtime_chanlen(c), 2);
	cr_assert_eq(recv_int(c, &ok), 2);
	cr_assert_eq(recv_int(c, &ok), 3);
	cr_assert_eq(runtime_chanlen(c), 0);
}

Test(chan, close_wakes_every_waiter)
{
	Hchan *r = runtime_makechan(&c_int64, 0);
	int64_t slot1 = 5, slot2 = 6;
	Sudog *a = park_partner(&r->recvq, &slot1, false), *b = park_partner(&r->recvq, &slot2, false);
	fake_nreadied = 0;
	runtime_closechan(r);
	cr_assert_eq(fake_nreadied, 2);
	cr_assert_eq(slot1, 0);
	cr_assert_eq(slot2, 0);
	cr_assert_not(a->success);
	cr_assert_not(b->success);

	Hchan *s = runtime_makechan(&c_int64, 0);
	int64_t v = 1;
	Sudog *w = park_partner(&s->sendq, &v, false);
	fake_nreadied = 0;
	runtime_closechan(s);
	cr_assert_eq(fake_nreadied, 1);
	cr_assert_not(w->success); /* the sender wakes to panic */
	cr_assert_null(s->sendq.first);
}

Test(chan, a_select_waiter_that_lost_its_race_is_skipped)
{
	Hchan *c = runtime_makechan(&c_int64, 0);
	int64_t slot1 = -1, slot2 = -1;
	other_g.select_done = 1; /* some other case of its select already won */
	park_partner(&c->recvq, &slot1, true);
	static G third_g = {.goid = 3};
	Sudog *sg2 = park_partner(&c->recvq, &slot2, false);
	sg2->g = &third_g;
	fake_nreadied = 0;
	send_int(c, 11);
	cr_assert_eq(slot1, -1);
	cr_assert_eq(slot2, 11);
	cr_assert_eq(fake_readied[0], &third_g);
	cr_assert_null(c->recvq.first);

	other_g.select_done = 0; /* a live select waiter wins the CAS and is taken */
	park_partner(&c->recvq, &slot1, true);
	send_int(c, 12);
	cr_assert_eq(slot1, 12);
	cr_assert_eq(other_g.select_done, 1);
}

/* ---- select ---- */

Test(chan, select_default_when_nothing_is_ready)
{
	void *a = runtime_makechan(&c_int64, 0), *b = runtime_makechan(&c_int64, 1);
	int64_t v = 1, w = 0;
	send_int(b, 9); /* b is full: its send case is not ready */
	Scase cases[3] = {{b, &v}, {a, &w}, {NULL, &w}};
	uint16_t order[6];
	bool ok = true;
	cr_assert_eq(runtime_selectgo(cases, order, 1, 2, false, &ok), -1);
	cr_assert_null(cases[2].elem); /* nil case dropped */
}

Test(chan, select_chooses_uniformly_among_ready_cases)
{
	void *a = runtime_makechan(&c_int64, 1), *b = runtime_makechan(&c_int64, 1),
	     *s = runtime_makechan(&c_int64, 1);
	int counts[3] = {0};
	for (int i = 0; i < 3000; i++) {
		send_int(a, 1);
		send_int(b, 2);
		int64_t v = 3, w = 0;
		Scase cases[4] = {{s, &v}, {a, &w}, {b, &w}, {NULL, &w}};
		uint16_t order[8];
		bool ok = false;
		intgo k = runtime_selectgo(cases, order, 1, 3, true, &ok);
		cr_assert(k >= 0 && k <= 2, "case %ld", (long)k);
		counts[k]++;
		if (k == 0) {
			cr_assert_eq(recv_int(s, &ok), 3);
		} else {
			cr_assert(ok);
			cr_assert_eq(w, k);
		}
		runtime_selectnbrecv(a, NULL, NULL);
		runtime_selectnbrecv(b, NULL, NULL);
	}
	for (int k = 0; k < 3; k++)
		cr_assert(counts[k] > 850 && counts[k] < 1150, "case %d chosen %d times of 3000", k, counts[k]);
}

Test(chan, select_on_one_channel_twice_locks_it_once)
{
	void *c = runtime_makechan(&c_int64, 2);
	send_int(c, 4);
	int64_t w1 = 0, w2 = 0, v = 5;
	Scase cases[3] = {{c, &v}, {c, &w1}, {c, &w2}};
	uint16_t order[6];
	bool ok;
	intgo k = runtime_selectgo(cases, order, 1, 2, true, &ok);
	cr_assert(k >= 0 && k <= 2);
	cr_assert_eq(fake_locks_held, 0);
}

Test(chan, select_receive_from_closed_channel)
{
	void *c = runtime_makechan(&c_int64, 0), *never = runtime_makechan(&c_int64, 0);
	runtime_closechan(c);
	int64_t w = 7, x = 7;
	Scase cases[2] = {{never, &x}, {c, &w}};
	uint16_t order[4];
	bool ok = true;
	cr_assert_eq(runtime_selectgo(cases, order, 0, 2, true, &ok), 1);
	cr_assert_not(ok);
	cr_assert_eq(w, 0);
	cr_assert_eq(x, 7);
}

/* ---- blocking: the only goroutine parks, with go1.19's wait reasons ----
 * chan.o's calls of sched_park / sched_parkunlock bind to the fake's definitions, which the link
 * puts ahead of proc.c's (--allow-multiple-definition); the same operations run on the real
 * scheduler in the Go programs whose lone goroutine deadlocks (testdata/select_nil_deadlock.go). */

static void send_nil(void *arg)
{
	(void)arg;
	send_int(NULL, 1);
}

static void recv_nil(void *arg)
{
	(void)arg;
	runtime_chanrecv1(NULL, NULL);
}

static void send_unbuffered(void *arg)
{
	(void)arg;
	send_int(runtime_makechan(&c_int64, 0), 1);
}

static void recv_empty(void *arg)
{
	(void)arg;
	bool ok;
	recv_int(runtime_makechan(&c_int64, 3), &ok);
}

static void select_nil_cases(void *arg)
{
	(void)arg;
	int64_t v = 0;
	Scase cases[2] = {{NULL, &v}, {NULL, &v}};
	uint16_t order[4];
	bool ok;
	runtime_selectgo(cases, order, 1, 1, true, &ok);
}

static void select_not_ready(void *arg)
{
	(void)arg;
	int64_t v = 0;
	Scase cases[2] = {{runtime_makechan(&c_int64, 0), &v}, {runtime_makechan(&c_int64, 0), &v}};
	uint16_t order[4];
	bool ok;
	runtime_selectgo(cases, order, 1, 1, true, &ok);
}

static void select_no_cases(void *arg)
{
	(void)arg;
	runtime_block();
}

Test(chan, blocking_operations_park)
{
	static const struct {
		void (*fn)(void *);
		const char *want;
	} cases[] = {
		{send_nil, "fake scheduler: park [chan send (nil chan)]\n"},
		{recv_nil, "fake scheduler: park [chan receive (nil chan)]\n"},
		{send_unbuffered, "fake scheduler: park [chan send]\n"},
		{recv_empty, "fake scheduler: park [chan receive]\n"},
		{select_nil_cases, "fake scheduler: park [select]\n"},
		{select_not_ready, "fake scheduler: park [select]\n"},
		{select_no_cases, "fake scheduler: park [select (no cases)]\n"},
	};
	static Captured c;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		rt_capture(cases[i].fn, NULL, &c);
		rt_assert_output(&c, FAKE_PARK_EXIT, cases[i].want);
	}
}

/* ---- panics ---- */

static void send_closed(void *arg)
{
	(void)arg;
	void *c = runtime_makechan(&c_int64, 1);
	runtime_closechan(c);
	send_int(c, 1);
}

static void close_closed(void *arg)
{
	(void)arg;
	void *c = runtime_makechan(&c_int64, 1);
	runtime_closechan(c);
	runtime_closechan(c);
}

static void close_nil(void *arg)
{
	(void)arg;
	runtime_closechan(NULL);
}

static void make_negative(void *arg)
{
	(void)arg;
	runtime_makechan(&c_int64, -1);
}

static void make_huge(void *arg)
{
	(void)arg;
	runtime_makechan(&c_big, (intgo)1 << 40);
}

static void select_send_closed(void *arg)
{
	(void)arg;
	void *c = runtime_makechan(&c_int64, 1);
	runtime_closechan(c);
	int64_t v = 1;
	Scase cases[2] = {{c, &v}, {NULL, &v}};
	uint16_t order[4];
	bool ok;
	runtime_selectgo(cases, order, 1, 1, false, &ok);
}

static void nbsend_closed(void *arg)
{
	(void)arg;
	void *c = runtime_makechan(&c_int64, 0);
	runtime_closechan(c);
	runtime_selectnbsend(c, &(int64_t){1});
}

Test(chan, panics)
{
	static const struct {
		void (*fn)(void *);
		const char *want;
	} cases[] = {
		{send_closed, "panic: send on closed channel\n" TAIL},
		{close_closed, "panic: close of closed channel\n" TAIL},
		{close_nil, "panic: close of nil channel\n" TAIL},
		{make_negative, "panic: makechan: size out of range\n" TAIL},
		{make_huge, "panic: makechan: size out of range\n" TAIL},
		{select_send_closed, "panic: send on closed channel\n" TAIL},
		{nbsend_closed, "panic: send on closed channel\n" TAIL},
	};
	static Captured c;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		rt_capture(cases[i].fn, NULL, &c);
		rt_assert_output(&c, 2, cases[i].want);
	}
}
