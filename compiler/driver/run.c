/*
 * run.c: `gocc run` runs the program it just built, as go run does.
 *
 * In: the executable in the work directory and the program's arguments. Out: gocc's exit status,
 * by go1.19's rules (measured): 0 if the program exited 0; otherwise go run prints the program's
 * os.ProcessState (`exit status 3`, `signal: killed`, `signal: segmentation fault (core dumped)`) on
 * stderr and exits 1.
 *
 * The one idea: while the program runs, gocc is only its shadow. SIGINT, SIGTERM, SIGHUP and
 * SIGQUIT sent to gocc by another process (kill, a supervisor) are passed on to the program, and
 * gocc waits for it to end; the caller then removes the work directory, so nothing stays behind in
 * $TMPDIR and no program is left running. A signal that came from the terminal (si_code SI_KERNEL)
 * has already reached the program, which shares gocc's process group, and is not sent twice.
 */
#include "driver.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static const int forwarded_signals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};

/* The running program; 0 when there is none. Read by the signal handler. */
static volatile pid_t child;

static void forward(int sig, siginfo_t *info, void *ctx)
{
	if (child > 0 && info->si_code != SI_KERNEL)
		kill(child, sig);
}

/* Blocks or unblocks the forwarded signals, so that none arrives between fork and `child = pid`. */
static void hold_signals(int how)
{
	sigset_t set;
	sigemptyset(&set);
	for (size_t i = 0; i < sizeof forwarded_signals / sizeof forwarded_signals[0]; i++)
		sigaddset(&set, forwarded_signals[i]);
	sigprocmask(how, &set, NULL);
}

static void set_forwarding(bool on, struct sigaction *saved)
{
	struct sigaction sa = {.sa_sigaction = forward, .sa_flags = SA_SIGINFO | SA_RESTART};
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof forwarded_signals / sizeof forwarded_signals[0]; i++) {
		if (on)
			sigaction(forwarded_signals[i], &sa, &saved[i]);
		else
			sigaction(forwarded_signals[i], &saved[i], NULL);
	}
}

/* Go's syscall.Signal.String on linux/amd64. */
static const char *signal_string(int sig)
{
	static const char *const names[] = {
		[1] = "hangup", [2] = "interrupt", [3] = "quit", [4] = "illegal instruction",
		[5] = "trace/breakpoint trap", [6] = "aborted", [7] = "bus error",
		[8] = "floating point exception", [9] = "killed", [10] = "user defined signal 1",
		[11] = "segmentation fault", [12] = "user defined signal 2", [13] = "broken pipe",
		[14] = "alarm clock", [15] = "terminated", [16] = "stack fault", [17] = "child exited",
		[18] = "continued", [19] = "stopped (signal)", [20] = "stopped", [21] = "stopped (tty input)",
		[22] = "stopped (tty output)", [23] = "urgent I/O condition", [24] = "CPU time limit exceeded",
		[25] = "file size limit exceeded", [26] = "virtual timer expired",
		[27] = "profiling timer expired", [28] = "window changed", [29] = "I/O possible",
		[30] = "power failure", [31] = "bad system call",
	};
	if (sig > 0 && sig < (int)(sizeof names / sizeof names[0]))
		return names[sig];
	return xsprintf("signal %d", sig);
}

/* go run's verdict on the ended program (os.ProcessState.String), 0 or 1. */
static int report_status(int ws)
{
	if (WIFEXITED(ws) && WEXITSTATUS(ws) == 0)
		return 0;
	if (WIFEXITED(ws))
		fprintf(stderr, "exit status %d\n", WEXITSTATUS(ws));
	else
		fprintf(stderr, "signal: %s%s\n", signal_string(WTERMSIG(ws)), WCOREDUMP(ws) ? " (core dumped)" : "");
	return 1;
}

static noreturn void exec_program(const char *exe, Vec *args)
{
	char **argv = xalloc(sizeof(char *) * (size_t)(args->len + 2));
	argv[0] = (char *)exe;
	for (int i = 0; i < args->len; i++)
		argv[i + 1] = args->data[i];
	execv(exe, argv);
	fprintf(stderr, "gocc: exec %s: %s\n", exe, strerror(errno));
	_exit(127);
}

int run_program(const char *exe, Vec *args)
{
	struct sigaction saved[sizeof forwarded_signals / sizeof forwarded_signals[0]];
	fflush(stdout);
	fflush(stderr);
	set_forwarding(true, saved);
	hold_signals(SIG_BLOCK);
	pid_t pid = fork();
	if (pid == 0) {
		set_forwarding(false, saved);
		hold_signals(SIG_UNBLOCK);
		exec_program(exe, args);
	}
	child = pid;
	hold_signals(SIG_UNBLOCK);
	if (pid < 0) {
		set_forwarding(false, saved);
		perror("gocc: fork");
		return 1;
	}
	int ws = 0;
	while (waitpid(pid, &ws, 0) < 0 && errno == EINTR)
		;
	child = 0;
	set_forwarding(false, saved);
	return report_status(ws);
}
