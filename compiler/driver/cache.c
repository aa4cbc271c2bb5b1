/*
 * cache.c: the cache of compiled packages, shaped like the go command's build cache.
 *
 * In: a package about to be lowered, as what determines its object: gocc's own identity, the
 * flags that change code generation, its import path, the names and bytes of the files it was
 * parsed from, and its dependencies' keys. Out: the SHA-256 of all that (the key) and, when an
 * entry exists, the path of the object file compiled for it earlier, which the link takes as it
 * is. A package whose key hits skips lowering, optimisation and code generation.
 *
 * The one idea: an entry is content-addressed and written once, by rename. DIR/xx/KEY-o is the
 * object, DIR/xx/KEY-a the action record "gocc-cache-1 SIZE SHA256" naming the object's size and
 * digest (xx: the key's first two hex digits). Both are written to a temporary name in the same
 * directory and renamed into place, object first, so a reader (any number of parallel gocc
 * processes) sees either no entry or complete files, and a record whose object does not have the
 * recorded size and digest (truncated, corrupted, or replaced by another writer's build of the same
 * key) is a miss that is compiled again and rewritten. The cache never changes what a build does,
 * only how fast it is: every failure to read or write it is a miss, traced under -x.
 *
 * Where: $GOCCCACHE if set (an absolute path; "off" disables caching), else $XDG_CACHE_HOME/gocc,
 * else $HOME/.cache/gocc, as go's os.UserCacheDir. When none is usable, or the directory cannot be
 * made, gocc builds without the cache (go refuses to build; gocc's cache is an optimisation only).
 *
 * gocc's identity is the SHA-256 of its own executable, which holds the whole compiler and
 * runtime.def. Hashing 2 MB on every build costs ~10 ms, so the digest is remembered in
 * DIR/fileid-H, H a hash of the executable's path, device, inode, size and modification time:
 * rebuilding or replacing gocc changes those and the file is hashed again.
 *
 * The linked program is cached the same way, keyed by its objects' keys, the runtime archive's
 * digest and the C compiler that links ($GOCC_CC): a build whose program is cached copies it
 * and neither looks up its objects nor runs the linker. The system's C library and start files
 * are not part of that key (go's cache does not track them either): after upgrading them, run
 * `gocc clean -cache`.
 *
 * The cache trims itself as go's does: a hit refreshes its entry's mtime (at most once an hour),
 * and at most once a day (DIR/trim.txt) a build removes the entries unused for 5 days, and the
 * fileid memos likewise (a hit on a memo refreshes it too).
 */
#include "driver.h"
#include "sha256.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#ifndef GOCC_VERSION
#define GOCC_VERSION "dev"
#endif

#define CACHE_FORMAT "gocc-cache-1"
#define HEX_LEN (2 * SHA256_SIZE)

bool driver_trace;

void trace(const char *fmt, ...)
{
	if (!driver_trace)
		return;
	va_list ap;
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void trace_argv(char **argv)
{
	if (!driver_trace)
		return;
	for (int i = 0; argv[i]; i++)
		fprintf(stderr, "%s%s", i ? " " : "", argv[i]);
	fputc('\n', stderr);
}

/* ---- where ----------------------------------------------------------------------------------- */

static struct {
	bool resolved;
	const char *dir;  /* NULL: caching is off */
	const char *why;  /* why it is off */
	const char *self; /* gocc's identity (hex), once computed */
} cache;

/* go's os.UserCacheDir rules, with GOCCCACHE first; NULL and *why when there is no location. */
static const char *cache_location(const char **why)
{
	const char *env = getenv("GOCCCACHE");
	if (env && *env) {
		if (strcmp(env, "off") == 0)
			return *why = "GOCCCACHE=off", NULL;
		if (env[0] != '/')
			return *why = "GOCCCACHE is not an absolute path", NULL;
		return env;
	}
	const char *xdg = getenv("XDG_CACHE_HOME");
	if (xdg && *xdg) {
		if (xdg[0] != '/')
			return *why = "path in $XDG_CACHE_HOME is relative", NULL;
		return xsprintf("%s/gocc", xdg);
	}
	const char *home = getenv("HOME");
	if (home && *home)
		return xsprintf("%s/.cache/gocc", home);
	return *why = "neither $XDG_CACHE_HOME nor $HOME are defined", NULL;
}

/* mkdir -p */
static bool make_dirs(const char *path)
{
	char *p = xstrdup(path);
	for (char *s = strchr(p + 1, '/');; s = strchr(s + 1, '/')) {
		if (s)
			*s = 0;
		if (mkdir(p, 0777) != 0 && errno != EEXIST)
			return false;
		if (!s)
			break;
		*s = '/';
	}
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Writes `n` bytes as the file `path`, atomically: a temporary file in the same directory, renamed. */
static bool write_atomic(const char *path, const void *data, size_t n)
{
	char *tmp = xsprintf("%s.tmp-XXXXXX", path);
	int fd = mkstemp(tmp);
	if (fd < 0)
		return false;
	bool ok = fchmod(fd, 0644) == 0 && fd_write_all(fd, data, n);
	ok = close(fd) == 0 && ok;
	ok = ok && rename(tmp, path) == 0;
	if (!ok)
		unlink(tmp);
	return ok;
}

static const char readme[] =
	"This directory holds cached build artifacts from gocc (compiled packages).\n"
	"`gocc clean -cache` removes them; GOCCCACHE names another directory, GOCCCACHE=off disables it.\n";

const char *cache_dir(const char **why)
{
	if (!cache.resolved) {
		cache.resolved = true;
		const char *dir = cache_location(&cache.why);
		if (dir && !make_dirs(dir)) {
			cache.why = xsprintf("mkdir %s: %s", dir, strerror(errno));
			dir = NULL;
		}
		cache.dir = dir;
		if (dir) {
			const char *r = xsprintf("%s/README", dir);
			if (access(r, F_OK) != 0)
				write_atomic(r, readme, sizeof readme - 1);
		}
	}
	if (why)
		*why = cache.why;
	return cache.dir;
}

/* ---- gocc's identity --------------------------------------------------------------------------- */

/* Feeds the file's bytes to s; false if it cannot be read. *size gets its length. */
static bool hash_file(Sha256 *s, const char *path, size_t *size)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return false;
	bool ok = fd_copy(fd, -1, s, size);
	close(fd);
	return ok;
}

/* Reads a small file whole (at most cap-1 bytes) into buf, NUL-terminated; its length or -1. */
static ssize_t read_small(const char *path, char *buf, size_t cap)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	ssize_t n = read(fd, buf, cap - 1);
	close(fd);
	if (n >= 0)
		buf[n] = 0;
	return n;
}

static bool is_hex(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!strchr("0123456789abcdef", s[i]) || !s[i])
			return false;
	return true;
}

#define USED_INTERVAL (60 * 60)          /* an entry's mtime is refreshed at most once an hour */
#define TRIM_INTERVAL (24 * 60 * 60)     /* DIR/trim.txt: when the last trim ran */
#define TRIM_LIMIT (5 * 24 * 60 * 60)    /* entries unused this long are removed */

/* Sets path's mtime to now when it is older than USED_INTERVAL (fewer writes than every use). */
static void touch_if_old(const char *path, time_t now)
{
	struct stat st;
	if (stat(path, &st) == 0 && now - st.st_mtime > USED_INTERVAL)
		utimensat(AT_FDCWD, path, NULL, 0);
}

/* The SHA-256 of a file (the gocc executable, the runtime archive), remembered in DIR/fileid-H
 * per (path, device, inode, size, modification time). NULL if it cannot be read. */
static const char *file_digest(const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0)
		return NULL;
	Sha256 s;
	sha256_init(&s);
	sha256_write_field(&s, path);
	long long stamp[] = {(long long)st.st_dev, (long long)st.st_ino, (long long)st.st_size,
	                     (long long)st.st_mtim.tv_sec, (long long)st.st_mtim.tv_nsec};
	sha256_write(&s, stamp, sizeof stamp);
	char memo_key[HEX_LEN + 1];
	sha256_hex(&s, memo_key);
	const char *memo = xsprintf("%s/fileid-%.32s", cache.dir, memo_key);
	char buf[HEX_LEN + 2];
	if (read_small(memo, buf, sizeof buf) == HEX_LEN + 1 && buf[HEX_LEN] == '\n' && is_hex(buf, HEX_LEN)) {
		buf[HEX_LEN] = 0;
		touch_if_old(memo, time(NULL));
		return xstrdup(buf);
	}
	sha256_init(&s);
	if (!hash_file(&s, path, NULL))
		return NULL;
	char id[HEX_LEN + 2];
	sha256_hex(&s, id);
	id[HEX_LEN] = '\n';
	write_atomic(memo, id, HEX_LEN + 1);
	id[HEX_LEN] = 0;
	return xstrdup(id);
}

/* gocc's identity: the digest of its own executable. */
static const char *self_id(void)
{
	if (!cache.self) {
		char exe[PATH_MAX];
		ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
		if (n < 0)
			return NULL;
		exe[n] = 0;
		cache.self = file_digest(exe);
	}
	return cache.self;
}

/* ---- keys and entries ------------------------------------------------------------------------ */

char *cache_package_key(const char *path, const Options *opts, Vec *sources, Vec *dep_keys)
{
	if (!cache_dir(NULL))
		return NULL;
	const char *self = self_id();
	if (!self) {
		trace("# cache off: cannot read the gocc executable");
		return NULL;
	}
	Sha256 s;
	sha256_init(&s);
	sha256_write_field(&s, CACHE_FORMAT);
	sha256_write_field(&s, GOCC_VERSION);
	sha256_write_field(&s, self);
	sha256_write_field(&s, path);
	sha256_write_field(&s, xsprintf("-O%d", opts->opt_level));
	for (int i = 0; i < sources->len; i++) {
		SourceFile *f = sources->data[i];
		char real[PATH_MAX];
		sha256_write_field(&s, f->name); /* as given, as messages name it */
		/* as the debug information and tracebacks name it (lower/debuginfo.c) */
		sha256_write_field(&s, realpath(f->name, real) ? real : f->name);
		uint64_t len = f->len;
		sha256_write(&s, &len, sizeof len);
		sha256_write(&s, f->text, f->len);
	}
	for (int i = 0; i < dep_keys->len; i++)
		sha256_write_field(&s, dep_keys->data[i]);
	char *key = xsprintf("%*s", HEX_LEN, "");
	sha256_hex(&s, key);
	return key;
}

static const char *entry_path(const char *key, const char *suffix)
{
	return xsprintf("%s/%.2s/%s-%s", cache.dir, key, key, suffix);
}

/* Is name one of the cache's own: a two-hex-digit directory (is_entry_dir) holding KEY-o and KEY-a
 * files and their temporaries (is_entry_file), fileid-HEX or trim.txt (is_own_file)? Nothing else
 * is touched, so a GOCCCACHE pointing at the wrong place loses nothing but gocc's files. */
static bool is_entry_dir(const char *name)
{
	return strlen(name) == 2 && is_hex(name, 2);
}

static bool is_entry_file(const char *name)
{
	size_t n = strlen(name);
	return n >= HEX_LEN + 2 && is_hex(name, HEX_LEN) && name[HEX_LEN] == '-' &&
	       (name[HEX_LEN + 1] == 'o' || name[HEX_LEN + 1] == 'a') &&
	       (name[HEX_LEN + 2] == 0 || strncmp(name + HEX_LEN + 2, ".tmp-", 5) == 0);
}

static bool is_fileid(const char *name)
{
	return strncmp(name, "fileid-", 7) == 0;
}

static bool is_own_file(const char *name)
{
	return is_fileid(name) || strcmp(name, "trim.txt") == 0;
}

/* ---- trimming, as go's cache: entries unused for 5 days go, checked at most once a day ------ */

void cache_mark_used(const char *key)
{
	if (!key || !cache.dir)
		return;
	time_t now = time(NULL);
	touch_if_old(entry_path(key, "a"), now);
	touch_if_old(entry_path(key, "o"), now);
}

/* Removes the files of dir that `match` selects and that were not used since `cutoff`; how many
 * it removed. */
static int trim_dir(const char *dir, bool (*match)(const char *), time_t cutoff)
{
	DIR *d = opendir(dir);
	if (!d)
		return 0;
	int removed = 0;
	for (struct dirent *e; (e = readdir(d));) {
		const char *p = xsprintf("%s/%s", dir, e->d_name);
		struct stat st;
		if (match(e->d_name) && stat(p, &st) == 0 && st.st_mtime < cutoff && unlink(p) == 0)
			removed++;
	}
	closedir(d);
	return removed;
}

void cache_trim(void)
{
	if (!cache.dir)
		return;
	time_t now = time(NULL);
	const char *stamp = xsprintf("%s/trim.txt", cache.dir);
	char buf[32];
	if (read_small(stamp, buf, sizeof buf) > 0 && now - strtoll(buf, NULL, 10) < TRIM_INTERVAL)
		return;
	char *text = xsprintf("%lld\n", (long long)now);
	write_atomic(stamp, text, strlen(text)); /* first, so parallel builds do not all trim */
	int removed = 0;
	for (int i = 0; i < 256; i++)
		removed += trim_dir(xsprintf("%s/%02x", cache.dir, i), is_entry_file, now - TRIM_LIMIT);
	removed += trim_dir(cache.dir, is_fileid, now - TRIM_LIMIT);
	if (removed)
		trace("# cache trimmed: %d files unused for 5 days removed", removed);
}

const char *cache_get(const char *key)
{
	if (!key)
		return NULL;
	char rec[128];
	const char *object = entry_path(key, "o");
	if (read_small(entry_path(key, "a"), rec, sizeof rec) < 0)
		return NULL;
	unsigned long long want_size;
	char want[HEX_LEN + 1];
	if (sscanf(rec, CACHE_FORMAT " %llu %64s", &want_size, want) != 2) {
		trace("# cache entry %s: bad record, rebuilding", key);
		return NULL;
	}
	Sha256 s;
	sha256_init(&s);
	size_t size;
	if (!hash_file(&s, object, &size))
		return NULL;
	char got[HEX_LEN + 1];
	sha256_hex(&s, got);
	if (size != want_size || strcmp(got, want) != 0) {
		trace("# cache entry %s: object does not match its record, rebuilding", key);
		return NULL;
	}
	cache_mark_used(key);
	return object;
}

/* Copies `object` into the cache as key's -o file, hashing what it copies. */
static bool put_object(const char *object, const char *dst, char hex[HEX_LEN + 1], size_t *size)
{
	int in = open(object, O_RDONLY | O_CLOEXEC);
	if (in < 0)
		return false;
	char *tmp = xsprintf("%s.tmp-XXXXXX", dst);
	int out = mkstemp(tmp);
	bool ok = out >= 0 && fchmod(out, 0644) == 0;
	Sha256 s;
	sha256_init(&s);
	ok = ok && fd_copy(in, out, &s, size);
	close(in);
	ok = out >= 0 && close(out) == 0 && ok;
	ok = ok && rename(tmp, dst) == 0;
	if (!ok && out >= 0)
		unlink(tmp);
	sha256_hex(&s, hex);
	return ok;
}

void cache_put(const char *key, const char *object)
{
	if (!key)
		return;
	const char *sub = xsprintf("%s/%.2s", cache.dir, key);
	const char *dst = entry_path(key, "o");
	char hex[HEX_LEN + 1];
	size_t size;
	if ((mkdir(sub, 0777) != 0 && errno != EEXIST) || !put_object(object, dst, hex, &size)) {
		trace("# cache: cannot write %s: %s", dst, strerror(errno));
		return;
	}
	char *rec = xsprintf(CACHE_FORMAT " %zu %s\n", size, hex);
	if (!write_atomic(entry_path(key, "a"), rec, strlen(rec)))
		trace("# cache: cannot write %s: %s", entry_path(key, "a"), strerror(errno));
}

char *cache_link_key(Vec *keys, const Options *opts)
{
	for (int i = 0; i < keys->len; i++)
		if (!keys->data[i])
			return NULL; /* the cache is off, or this build does not use it (-S, -emit-llvm) */
	if (!cache_dir(NULL) || !self_id())
		return NULL;
	const char *runtime = file_digest(opts->runtime_lib);
	if (!runtime)
		return NULL;
	const char *cc = getenv("GOCC_CC");
	Sha256 s;
	sha256_init(&s);
	sha256_write_field(&s, CACHE_FORMAT " link");
	sha256_write_field(&s, self_id());
	sha256_write_field(&s, runtime);
	sha256_write_field(&s, cc && *cc ? cc : "cc");
	for (int i = 0; i < keys->len; i++)
		sha256_write_field(&s, keys->data[i]);
	char *key = xsprintf("%*s", HEX_LEN, "");
	sha256_hex(&s, key);
	return key;
}

bool cache_copy_out(const char *cached, const char *dst)
{
	int in = open(cached, O_RDONLY | O_CLOEXEC);
	int out = open(dst, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0777);
	bool ok = in >= 0 && out >= 0 && fd_copy(in, out, NULL, NULL);
	if (in >= 0)
		close(in);
	return (out < 0 || close(out) == 0) && ok;
}

/* ---- gocc clean -cache, gocc env ----------------------------------------------------------- */


/* Removes the entries of dir that `match` selects (an entry directory with its entry files);
 * false after printing an error. */
static bool remove_matching(const char *dir, bool (*match)(const char *))
{
	DIR *d = opendir(dir);
	if (!d)
		return errno == ENOENT;
	bool ok = true;
	for (struct dirent *e; (e = readdir(d));) {
		if (!match(e->d_name))
			continue;
		const char *p = xsprintf("%s/%s", dir, e->d_name);
		if (match == is_entry_dir) {
			ok = remove_matching(p, is_entry_file) && ok;
			if (rmdir(p) != 0 && errno != ENOENT) {
				fprintf(stderr, "gocc: clean -cache: rmdir %s: %s\n", p, strerror(errno));
				ok = false;
			}
		} else if (unlink(p) != 0 && errno != ENOENT) {
			fprintf(stderr, "gocc: clean -cache: remove %s: %s\n", p, strerror(errno));
			ok = false;
		}
	}
	closedir(d);
	return ok;
}


int cmd_clean(int argc, char **argv)
{
	if (argc != 1 || strcmp(argv[0], "-cache") != 0) {
		fprintf(stderr, "usage: gocc clean -cache\n(gocc keeps no other build products to clean)\n");
		return 2;
	}
	const char *dir = cache_location(&cache.why);
	if (!dir)
		return 0; /* no cache, nothing to remove */
	bool ok = remove_matching(dir, is_entry_dir);
	ok = remove_matching(dir, is_own_file) && ok;
	return ok ? 0 : 1;
}

int cmd_env(int argc, char **argv)
{
	for (int i = 0; i < argc; i++) {
		const char *why;
		if (strcmp(argv[i], "GOCCCACHE") == 0) {
			const char *dir = cache_location(&why);
			puts(dir ? dir : "off");
		} else {
			puts(""); /* as go env: an unknown variable prints an empty line */
		}
	}
	if (argc == 0) {
		const char *why, *dir = cache_location(&why);
		printf("GOCCCACHE=\"%s\"\n", dir ? dir : "off");
	}
	return 0;
}
