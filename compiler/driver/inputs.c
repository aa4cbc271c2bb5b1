/*
 * inputs.c: the input names go accepts.
 *
 * In: the package's .go files, and the directory when one was named. Out: yes, or go's message.
 *
 * The one idea, go's (cmd/go/internal/load: SafeArg and its use in the package loader): a file name
 * whose first byte is ASCII must begin with a letter, a digit, '.', '_' or '/', so that no input can
 * become an option of a tool it is handed to; `_cgo_` names are cgo's own. gocc also passes every
 * path to cc as absolute or ./NAME (link.c); this check keeps its messages and exit status those of
 * go1.19: `package command-line-arguments: invalid input file name "-specs=build.go"`, exit 1.
 */
#include "driver.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

static bool safe_arg(const char *name)
{
	unsigned char c = (unsigned char)name[0];
	return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '.' ||
	       c == '_' || c == '/' || c >= 0x80;
}

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

/* Go's %q for the ASCII part of a name (strconv.Quote); other bytes pass through. */
static char *quote(const char *s)
{
	static const char controls[] = "\a\b\f\n\r\t\v", letters[] = "abfnrtv";
	StrBuf b = {0};
	sb_putc(&b, '"');
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		const char *esc = strchr(controls, *p);
		if (*p == '"' || *p == '\\')
			sb_printf(&b, "\\%c", *p);
		else if (esc)
			sb_printf(&b, "\\%c", letters[esc - controls]);
		else if (*p < 0x20 || *p == 0x7f)
			sb_printf(&b, "\\x%02x", *p);
		else
			sb_putc(&b, (char)*p);
	}
	sb_putc(&b, '"');
	return sb_cstr(&b);
}

bool inputs_check_names(const char *label, Vec *files)
{
	for (int i = 0; i < files->len; i++) {
		const char *name = base_name(files->data[i]);
		if (!safe_arg(name) || strncmp(name, "_cgo_", 5) == 0) {
			fprintf(stderr, "package %s: invalid input file name %s\n", label, quote(name));
			return false;
		}
	}
	return true;
}

bool inputs_check_dir(const char *label, const char *dir)
{
	char abs[PATH_MAX];
	const char *name = base_name(realpath(dir, abs) ? abs : dir);
	if (*name && !safe_arg(name)) {
		fprintf(stderr, "package %s: invalid input directory name %s\n", label, quote(name));
		return false;
	}
	return true;
}
