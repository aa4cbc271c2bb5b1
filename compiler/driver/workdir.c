/*
 * workdir.c: where gocc keeps its intermediate files, and how the one file the user asked for gets
 * into place.
 *
 * In: names of intermediate files (the object, the linked program, the linker's messages) and, at the
 * end, the finished product and the path the user named. Out: paths inside a private directory
 * (mkdtemp under $TMPDIR, default /tmp, as go's $WORK), and the product renamed into place.
 *
 * The one idea: gocc writes nothing beside the user's files except the output, and that only by a
 * rename, so a user's own `main.o` is never touched, a symlink named like the output is replaced
 * rather than written through, and eight parallel builds of one `-o out` each see either the old or
 * a complete new `out`. Every path handed out is recorded in a small registry so the directory can
 * be removed from a signal handler, where only unlink and rmdir are safe to call: on exit(), on
 * SIGINT/SIGTERM/SIGHUP/SIGQUIT, and on the SIGABRT of an internal error or a crash.
 */
#include "driver.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* gocc's own limit: the driver names a handful of files per run (the program, link log, the
 * temporary beside the output) and one object per package of the program: a program using the
 * standard library has dozens (fmt's graph alone has about 40). */
#define WORKDIR_MAX_FILES 1024

/* The process's one work directory. The registry is append-only: a slot is filled before `nfiles`
 * counts it, so the signal handler never sees a half-written path. */
static struct {
	char *dir;                              /* NULL until first use, and again once removed */
	char *files[WORKDIR_MAX_FILES];
	volatile sig_atomic_t nfiles;
} work;

static const int cleanup_signals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGABRT, SIGSEGV, SIGBUS, SIGFPE};

static void remove_registered(void)
{
	for (int i = work.nfiles - 1; i >= 0; i--)
		unlink(work.files[i]);
	if (work.dir)
		rmdir(work.dir);
}

/* Removes the directory, then dies of the same signal with its default action. */
static void cleanup_and_reraise(int sig)
{
	remove_registered();
	signal(sig, SIG_DFL);
	raise(sig);
}

static void install_cleanup(void)
{
	atexit(workdir_remove);
	struct sigaction sa = {.sa_handler = cleanup_and_reraise, .sa_flags = SA_RESETHAND};
	sigfillset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof cleanup_signals / sizeof cleanup_signals[0]; i++)
		sigaction(cleanup_signals[i], &sa, NULL);
}

static void register_file(char *path)
{
	if (work.nfiles == WORKDIR_MAX_FILES)
		internal_error("workdir: more than %d intermediate files", WORKDIR_MAX_FILES);
	work.files[work.nfiles] = path;
	work.nfiles = work.nfiles + 1;
}

static void workdir_create(void)
{
	const char *tmp = getenv("TMPDIR");
	if (!tmp || !*tmp)
		tmp = "/tmp";
	char *dir = xsprintf("%s/gocc-XXXXXX", tmp);
	if (!mkdtemp(dir)) {
		fprintf(stderr, "gocc: creating work directory in %s: %s\n", tmp, strerror(errno));
		exit(1);
	}
	work.dir = dir;
	install_cleanup();
}

const char *workdir_path(const char *name)
{
	if (!work.dir)
		workdir_create();
	char *path = xsprintf("%s/%s", work.dir, name);
	register_file(path);
	return path;
}

void workdir_remove(void)
{
	remove_registered();
	work.nfiles = 0;
	work.dir = NULL;
}

/* ---- install --------------------------------------------------------------------------------- */

bool fd_write_all(int fd, const void *data, size_t n)
{
	for (size_t done = 0; done < n;) {
		ssize_t w = write(fd, (const char *)data + done, n - done);
		if (w < 0 && errno != EINTR)
			return false;
		done += w > 0 ? (size_t)w : 0;
	}
	return true;
}

bool fd_copy(int from, int to, Sha256 *hash, size_t *size)
{
	char buf[65536];
	if (size)
		*size = 0;
	for (;;) {
		ssize_t n = read(from, buf, sizeof buf);
		if (n == 0)
			return true;
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 || (to >= 0 && !fd_write_all(to, buf, (size_t)n)))
			return false;
		if (hash)
			sha256_write(hash, buf, (size_t)n);
		if (size)
			*size += (size_t)n;
	}
}

/* A temporary file in dst's directory, so the final rename stays within one file system. */
static char *temp_beside(const char *dst, int *fd)
{
	const char *slash = strrchr(dst, '/');
	char *tmp = slash ? xsprintf("%.*s/.gocc-XXXXXX", (int)(slash - dst), dst) : xstrdup(".gocc-XXXXXX");
	*fd = mkstemp(tmp);
	if (*fd >= 0)
		register_file(tmp);
	return tmp;
}

/* src and dst are on different file systems: copy src beside dst with src's mode, then rename. */
static bool copy_and_rename(const char *src, const char *dst)
{
	struct stat st;
	int in = open(src, O_RDONLY | O_CLOEXEC);
	if (in < 0 || fstat(in, &st) != 0)
		return false;
	int out;
	char *tmp = temp_beside(dst, &out);
	bool ok = out >= 0 && fd_copy(in, out, NULL, NULL) && fchmod(out, st.st_mode & 07777) == 0;
	ok = (out < 0 || close(out) == 0) && ok;
	close(in);
	ok = ok && rename(tmp, dst) == 0;
	int saved = errno;
	if (!ok && out >= 0)
		unlink(tmp);
	errno = saved;
	return ok;
}

bool workdir_install(const char *src, const char *dst)
{
	if (rename(src, dst) == 0)
		return true;
	if (errno == EXDEV && copy_and_rename(src, dst))
		return true;
	fprintf(stderr, "gocc: writing %s: %s\n", dst, strerror(errno));
	return false;
}
