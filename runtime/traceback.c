/*
 * traceback.c: the frames of a panic or fatal error's traceback (Go's runtime/traceback.go), printed
 * after the `goroutine 1 [running]:` line.
 *
 * In: the panicking goroutine's frame-pointer chain at the moment of printing, the pc table
 * (symtab.c) and the GOTRACEBACK level. Out: go1.19's frame lines, innermost first:
 *
 *     main.f(...)
 *     	/abs/path/main.go:12 +0x1d
 *
 * The one idea: a traceback is runtime.Callers printed. The frames are the logical ones
 * symtab_logical_callers lists (inlined calls expanded, wrappers dropped, initialisation as
 * runtime.doInit), filtered as gc's showframe does at levels single/all: a frame is shown if its name
 * has a '.' and is not the runtime's, except the runtime's exported functions and runtime.gopanic
 * (printed `panic`) when it is not the innermost frame; level system (2) and above shows every frame.
 * A physical frame ends with ` +0x<return address - entry>`; an inlined call's has no offset, as in
 * gc. At most 100 frames are printed, then `...additional frames elided...`.
 *
 * Invariants. Runs inside the fatal path with the print lock held: no allocation (the frame buffer
 * is static, and the fatal path runs once), nothing that can panic.
 *
 * Not as gc (docs/status.md): arguments are printed as `(...)` for every frame (gc prints the
 * argument words of physical frames, `main.f(0x1, {0x4b1f20, 0x3})`, from its argument metadata,
 * which gocc does not emit); runtime frames have gocc's offsets; levels system/crash print no
 * `fp= sp= pc=` suffix. The tests' stderr rule (docs/testing.md) stops at the goroutine line, so
 * none of this is compared with go1.19 yet.
 */
#include "traceback.h"

#include <string.h>

#include "print.h"
#include "symtab.h"

enum { MAX_FRAMES = 100 };

static bool has_prefix(GoString s, const char *p)
{
	size_t n = strlen(p);
	return (size_t)s.len >= n && memcmp(s.str, p, n) == 0;
}

/* gc's showfuncinfo at levels below 2 (the elide-wrapper part is done by the frame list). */
static bool show_frame(GoString name, bool innermost, int level)
{
	if (level >= 2)
		return true;
	if (has_prefix(name, "runtime.gopanic"))
		return !innermost;
	if (!memchr(name.str, '.', (size_t)name.len))
		return false;
	if (!has_prefix(name, "runtime."))
		return true;
	uint8_t c = name.len > 8 ? name.str[8] : 0;
	return c >= 'A' && c <= 'Z';
}

static void print_dec(int64_t v)
{
	char buf[24];
	int i = sizeof buf;
	bool neg = v < 0;
	uint64_t u = neg ? (uint64_t)-v : (uint64_t)v;
	do
		buf[--i] = (char)('0' + u % 10);
	while (u /= 10);
	if (neg)
		buf[--i] = '-';
	print_bytes(buf + i, sizeof buf - (size_t)i);
}

__attribute__((noinline)) void traceback_print(int level)
{
	static uintptr_t pcs[MAX_FRAMES + 64];
	int n = symtab_logical_callers(__builtin_frame_address(0), 0, pcs, MAX_FRAMES + 64);
	int shown = 0;
	for (int i = 0; i < n; i++) {
		SymFrame fr;
		uintptr_t look;
		if (!symtab_frame(pcs[i], false, &fr, &look) || !show_frame(fr.name, i == 0, level))
			continue;
		if (shown++ == MAX_FRAMES) {
			print_cstr("...additional frames elided...\n");
			break;
		}
		if (has_prefix(fr.name, "runtime.gopanic"))
			print_cstr("panic");
		else
			runtime_printstring(fr.name);
		print_cstr("(...)\n\t");
		runtime_printstring(fr.file);
		print_cstr(":");
		print_dec(fr.line);
		uintptr_t pc = pcs[i] & (((uintptr_t)1 << 56) - 1);
		if (!fr.inlined && pc > fr.entry) {
			print_cstr(" +");
			print_hex(pc - fr.entry);
		}
		print_cstr("\n");
	}
	__asm__ volatile("" ::: "memory"); /* no tail call: this frame is the walk's start */
}
