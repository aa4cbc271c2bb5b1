/* Twin of goroutines.go: ten goroutines send on an unbuffered channel, main sums; then a goroutine
 * blocks sending, another panics while main sits in select {}: the panic report names goroutine 16. */
#include "gosched.h"

static IntChan done;

static void sender(void *ctx)
{
	Closure *c = ctx;
	chan_send(&done, (intgo)c->cap[0]);
}

static void boom(void *ctx)
{
	(void)ctx;
	static const GoString s = {(const uint8_t *)"boom", 4};
	runtime_gopanic((GoEface){&iface_type_string, (void *)&s});
}

void go_main(void)
{
	for (intgo i = 0; i < 10; i++)
		go(sender, (void *)i, NULL);
	intgo sum = 0;
	for (int i = 0; i < 10; i++)
		sum += chan_recv(&done);
	say_int("sum", sum);
	go(sender, (void *)1, NULL);
	go(boom, NULL, NULL);
	runtime_block();
}
