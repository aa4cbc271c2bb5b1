/*
 * link.c: from the program's object file to an executable.
 *
 * In: the object emitted by lower/emit.c and the runtime archive libgocc_rt.a. Out: an executable,
 * linked by the system C compiler driver (`cc`, or $GOCC_CC), which knows where crt1.o and libc
 * live. --gc-sections drops unused runtime code so hello world stays small; -z start-stop-gc keeps
 * __start_gocc_wrappers (runtime/defer.c) from retaining every wrapper: sections the runtime must
 * walk whole carry SHF_GNU_RETAIN (package records, the pc table).
 *
 * The one idea: the runtime archive must be the one this compiler was built for. runtime.def names
 * the ABI stamp, a symbol (gocc_runtime_abi_N) that runtime/version.c defines; the link requires it
 * (--require-defined), so an archive of another ABI version cannot link silently. The linker's
 * messages go to a log in the work directory, and a missing stamp becomes one line naming the ABI
 * gocc expects instead of a page of undefined symbols; any other undefined symbol (a standard
 * package's body-less function nothing defines yet) becomes one "not supported yet" line.
 *
 * Method tables refer to their code through weak symbols that a linker script defines for the
 * methods the program can call (deadmethod.c), found by linking until that set stops growing.
 *
 * The program's pc table (pctab.c) is built from the first link's DWARF and added by a second link
 * of the same objects plus the table's object; only read-only data is added after .text, so the
 * code stays where the table says it is (checked).
 *
 * Every path reaches cc as an absolute path or as ./NAME, so no name can be taken for an option.
 */
#include "driver.h"

#include "runtime.def"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* A path cc cannot mistake for an option. */
static char *link_operand(const char *path)
{
	return path[0] == '/' ? xstrdup(path) : xsprintf("./%s", path);
}

/* Runs argv (NULL-terminated) with stderr and stdout sent to `log`; true if it exited with 0. */
static bool run_logged(char **argv, const char *log)
{
	pid_t pid = fork();
	if (pid < 0) {
		perror("gocc: fork");
		return false;
	}
	if (pid == 0) {
		int fd = open(log, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
		if (fd >= 0) {
			dup2(fd, 1);
			dup2(fd, 2);
		}
		execvp(argv[0], argv);
		fprintf(stderr, "gocc: exec %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	int status = 0;
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return false;
	return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

/* The linker's messages, as a string (empty if there were none). */
static char *read_log(const char *log)
{
	FILE *fp = fopen(log, "rb");
	if (!fp)
		return "";
	StrBuf b = {0};
	char buf[4096];
	for (size_t n; (n = fread(buf, 1, sizeof buf, fp)) > 0;)
		sb_put(&b, buf, n);
	fclose(fp);
	return b.data ? sb_cstr(&b) : "";
}

/* A symbol nothing defines is, as a rule, a standard package's function declared without a body
 * (assembly in gc) or a //go:linkname reference that gocc's runtime does not define yet: one line
 * per symbol, in the order the linker first names them, instead of the linker's page. False if
 * the link failed otherwise. */
static bool report_undefined(const char *messages)
{
	static const char marker[] = "undefined reference to `";
	HashMap seen = {0};
	int n = 0;
	for (const char *p = messages; (p = strstr(p, marker));) {
		p += sizeof marker - 1;
		const char *end = strchr(p, '\'');
		if (!end)
			break;
		const char *sym = intern(p, (size_t)(end - p));
		p = end;
		if (hashmap_get(&seen, sym))
			continue;
		hashmap_put(&seen, sym, (void *)sym);
		fprintf(stderr, "gocc: %s is not supported yet (declared without a body or by //go:linkname, "
		                "defined nowhere)\n", sym);
		n++;
	}
	return n > 0;
}

static bool link_once(Vec *objects, const char *output, const Options *opts);

bool link_executable(Vec *objects, const char *output, const Options *opts)
{
	Vec linked = {0};
	for (int i = 0; i < objects->len; i++)
		vec_push(&linked, objects->data[i]);
	if (!link_once(&linked, output, opts))
		return false;
	/* Methods: link again with the method-table symbols the program needs until the set stops
	 * growing (deadmethod.c). */
	const char *script = workdir_path("_gocc_methods.ld");
	for (int kept = 0, links = 1;; links++) {
		int n = deadmethod_script(objects, output, script);
		if (n < 0)
			return false;
		if (n == kept) {
			trace("# methods: %d kept after %d links", n, links);
			break;
		}
		if (kept == 0)
			vec_push(&linked, (void *)script);
		kept = n;
		if (!link_once(&linked, output, opts))
			return false;
	}
	objects = &linked;
	const char *table = workdir_path("_gocc_pctab.o");
	uint64_t layout[3];
	size_t size;
	if (!pctab_object(output, table, layout, &size))
		return false;
	trace("# pc table: %zu bytes", size);
	Vec with_table = {0};
	for (int i = 0; i < objects->len; i++)
		vec_push(&with_table, objects->data[i]);
	vec_push(&with_table, (void *)table);
	return link_once(&with_table, output, opts) && pctab_check_layout(output, layout);
}

static bool link_once(Vec *objects, const char *output, const Options *opts)
{
	const char *cc = getenv("GOCC_CC");
	if (!cc || !*cc)
		cc = "cc";
	Vec argv = {0};
	vec_push(&argv, (char *)cc);
	vec_push(&argv, "-o");
	vec_push(&argv, link_operand(output));
	for (int i = 0; i < objects->len; i++)
		vec_push(&argv, link_operand(objects->data[i]));
	static const char *const tail[] = {
		"-no-pie", "-Wl,--require-defined=" GOCC_RUNTIME_ABI_SYMBOL, "-Wl,--gc-sections", "-Wl,-z,start-stop-gc", "-Wl,--build-id=none",
		"-Wl,-z,now", /* no lazy binding: its resolver saves the vector state (~1 KiB) on a small goroutine stack (stack.c) */
		"-lm", "-lpthread",
	};
	vec_push(&argv, link_operand(opts->runtime_lib));
	/* A ThreadSanitizer build of the runtime (GOCC_RUNTIME=.../libgocc_rt_tsan.a) needs TSan's
	 * own runtime library: the C compiler adds it. */
	size_t n = strlen(opts->runtime_lib);
	if (n >= 7 && strcmp(opts->runtime_lib + n - 7, "_tsan.a") == 0)
		vec_push(&argv, "-fsanitize=thread");
	for (size_t i = 0; i < sizeof tail / sizeof tail[0]; i++)
		vec_push(&argv, (char *)tail[i]);
	vec_push(&argv, NULL);
	trace_argv((char **)argv.data);
	const char *log = workdir_path("link.log");
	bool ok = run_logged((char **)argv.data, log);
	char *messages = read_log(log);
	if (!ok && strstr(messages, GOCC_RUNTIME_ABI_SYMBOL)) {
		fprintf(stderr, "gocc: runtime library %s does not match this gocc (runtime ABI %d, symbol %s); "
		                "rebuild it with gocc\n", opts->runtime_lib, GOCC_RUNTIME_ABI, GOCC_RUNTIME_ABI_SYMBOL);
		return false;
	}
	if (!ok && report_undefined(messages))
		return false;
	fputs(messages, stderr);
	if (!ok)
		fprintf(stderr, "gocc: linking failed\n");
	return ok;
}
