/*
 * rt_test.h: helpers shared by the runtime's Criterion tests (the runtime/..._test.c files), not
 * part of the runtime library.
 *
 * rt_capture runs a function in a forked child whose fd 2 is a pipe, and collects everything the
 * child writes there together with how it ended. That is how the tests check the runtime's output
 * byte for byte and the exit status of the fatal paths (which call _exit and so cannot be observed
 * from inside the test process).
 *
 * Expected strings in the tests come from go1.19 (programs run with /usr/lib/go-1.19/bin/go), never
 * from gocc's own output.
 */
#ifndef GOCC_RT_TEST_H
#define GOCC_RT_TEST_H

#include <criterion/criterion.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "runtime.h"

typedef struct Captured {
	int exit_code;   /* the child's exit status, or -1 if a signal killed it */
	int signal;      /* the signal that killed it, or 0 */
	size_t len;
	char out[1 << 16];
} Captured;

/* Runs fn(arg) in a child with stderr captured; the child exits 0 if fn returns. */
static inline void rt_capture(void (*fn)(void *), void *arg, Captured *c)
{
	int fds[2];
	cr_assert_eq(pipe(fds), 0);
	pid_t pid = fork();
	cr_assert_neq(pid, -1);
	if (pid == 0) {
		close(fds[0]);
		dup2(fds[1], 2);
		close(fds[1]);
		fn(arg);
		_exit(0);
	}
	close(fds[1]);
	c->len = 0;
	for (;;) {
		ssize_t n = read(fds[0], c->out + c->len, sizeof c->out - 1 - c->len);
		if (n <= 0)
			break;
		c->len += (size_t)n;
	}
	c->out[c->len] = '\0';
	close(fds[0]);
	int status;
	waitpid(pid, &status, 0);
	c->exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
	c->signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
}

/* Asserts that the child exited with `code` and wrote exactly `expect`. */
#define rt_assert_output(c, code, expect)                                                         \
	do {                                                                                      \
		cr_assert_eq((c)->exit_code, (code), "exit code %d (signal %d), output:\n%s",     \
			     (c)->exit_code, (c)->signal, (c)->out);                              \
		cr_assert_str_eq((c)->out, (expect));                                             \
	} while (0)

#endif
