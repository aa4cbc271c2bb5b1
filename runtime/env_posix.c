/*
 * env_posix.c: the runtime package's view of the environment (Go's env_posix.go gogetenv).
 *
 * In: a variable's name as a Go string. Out: its value as a Go string pointing into the process's
 * initial environment block, "" when unset. Go strings are immutable and the C environment strings
 * are never written (os.Setenv, when it exists, keeps its own copies, as gc's syscall package does),
 * so the value needs no copy. Returned as GoString by value: two words, RAX:RDX, which is how LLVM
 * returns gocc's {ptr, i64} string (docs/architecture.md, "Body-less functions").
 *
 * Rejected: getenv(3), which needs a NUL-terminated name, so a copy of the Go string first.
 */
#include "runtime.h"

#include <string.h>

extern char **environ;

GO_LINKNAME(env_gogetenv, "runtime.gogetenv");
RUNTIME_API GoString env_gogetenv(void *ctx, const uint8_t *key, int64_t len)
{
	(void)ctx;
	for (char **e = environ; e && *e; e++)
		if (strncmp(*e, (const char *)key, (size_t)len) == 0 && (*e)[len] == '=') {
			const char *v = *e + len + 1;
			return (GoString){(const uint8_t *)v, (intgo)strlen(v)};
		}
	return (GoString){NULL, 0};
}
