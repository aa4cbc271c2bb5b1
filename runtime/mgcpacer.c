/*
 * mgcpacer.c: the collector's pacer and the knobs that package runtime/debug sets and reads (Go's
 * mgcpacer.go setGCPercent/setMemoryLimit, readGOGC/readGOMEMLIMIT, mstats.go readGCStats, mheap.go
 * freeOSMemory).
 *
 * The pacer (gcpacer_goal): after a cycle that found `live` bytes reachable, the next cycle starts
 * when the heap reaches live x (1 + GOGC/100), and never below gc's minimum, 4 MiB x GOGC/100, nor
 * below live + 512 KiB (MIN_RUNWAY: gocc's, for a stop-the-world collector); a
 * memory limit (GOMEMLIMIT) lowers the goal to the limit, but not below live + 1/16 (gc bounds the
 * collector's CPU share instead; the floor keeps a heap that outgrew its limit from collecting on
 * every allocation). GOGC=off: no goal (only the memory limit, runtime.GC and FreeOSMemory collect).
 *
 * In: runtime/debug's calls (SetGCPercent, SetMemoryLimit, ReadGCStats, FreeOSMemory) and the
 * GOGC and GOMEMLIMIT environment variables. Out: go1.19's answers. The settings are kept exactly as
 * gc keeps them (each Set returns the previous value; a negative GOGC percent is -1, "off"; a
 * negative memory limit only reads it; GOGC and GOMEMLIMIT are read once at start-up with gc's
 * parsing, and a malformed GOMEMLIMIT is gc's fatal error). What they would steer, the
 * collector's pacing, is gcpacer_goal, applied at once (gc_retarget: NextGC follows each Set, as
 * gc's commit recomputes its goal); ReadGCStats reads the collector's statistics (mgc.c), and
 * FreeOSMemory collects and gives every free page back to the OS.
 *
 * Invariants: both settings are read and written atomically (any goroutine may call Set*); they are
 * initialised by a constructor, before any Go code runs. The file is linked only into programs that
 * use runtime/debug, so only those check GOMEMLIMIT (gc's every program does: a malformed value kills
 * even a program that never reads it).
 * Rejected: refusing the calls until the collector exists (a link error for every program that
 * imports runtime/debug to tune it, when the calls' observable results can already be gc's).
 */
#include "malloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "panic.h"
#include "print.h"

static int32_t gc_percent = 100;        /* atomic; -1: collection off */
static int64_t memory_limit = INT64_MAX; /* atomic */

/* gc's atoi64 of a whole string: optional '-', decimal digits, no overflow. */
static bool atoi64(const char *s, size_t n, int64_t *out)
{
	bool neg = n > 0 && s[0] == '-';
	size_t i = neg;
	if (i == n)
		return false;
	uint64_t v = 0;
	for (; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		if (v > (UINT64_MAX - 9) / 10)
			return false;
		v = v * 10 + (uint64_t)(s[i] - '0');
		if (v > (uint64_t)INT64_MAX + neg)
			return false;
	}
	*out = neg ? (int64_t)(0 - v) : (int64_t)v;
	return true;
}

/* gc's parseByteCount: a non-negative count of bytes, optionally followed by B, KiB, MiB, GiB or
 * TiB. */
static bool parse_byte_count(const char *s, int64_t *out)
{
	size_t n = strlen(s);
	if (n == 0)
		return false;
	char last = s[n - 1];
	if (last >= '0' && last <= '9')
		return atoi64(s, n, out) && *out >= 0;
	if (last != 'B' || n < 2)
		return false;
	char c = s[n - 2];
	if (c >= '0' && c <= '9')
		return atoi64(s, n - 1, out) && *out >= 0;
	if (c != 'i' || n < 4)
		return false;
	const char *units = "KMGT";
	const char *u = strchr(units, s[n - 3]);
	if (u == NULL)
		return false;
	uint64_t m = (uint64_t)1 << (10 * (u - units + 1));
	int64_t v;
	if (!atoi64(s, n - 3, &v) || v < 0 || (uint64_t)v > UINT64_MAX / m || (uint64_t)v * m > INT64_MAX)
		return false;
	*out = (int64_t)((uint64_t)v * m);
	return true;
}

/* gc's gcinit: readGOGC and readGOMEMLIMIT. */
__attribute__((constructor)) static void mgcpacer_init(void)
{
	const char *p = getenv("GOGC");
	int64_t n;
	if (p && strcmp(p, "off") == 0)
		gc_percent = -1;
	else if (p && atoi64(p, strlen(p), &n) && n == (int32_t)n)
		gc_percent = (int32_t)n;

	p = getenv("GOMEMLIMIT");
	if (p && *p && strcmp(p, "off") != 0) {
		if (!parse_byte_count(p, &memory_limit)) {
			print_cstr("GOMEMLIMIT=");
			print_cstr(p);
			print_cstr("\n");
			panic_throw("malformed GOMEMLIMIT; see `go doc runtime/debug.SetMemoryLimit`");
		}
	}
}

GO_LINKNAME(mgcpacer_setGCPercent, "runtime/debug.setGCPercent");
RUNTIME_API int32_t mgcpacer_setGCPercent(void *ctx, int32_t in)
{
	(void)ctx;
	if (in < 0)
		in = -1;
	int32_t old = __atomic_exchange_n(&gc_percent, in, __ATOMIC_SEQ_CST);
	gc_retarget(); /* NextGC follows at once, as gc's */
	return old;
}

GO_LINKNAME(mgcpacer_setMemoryLimit, "runtime/debug.setMemoryLimit");
RUNTIME_API int64_t mgcpacer_setMemoryLimit(void *ctx, int64_t in)
{
	(void)ctx;
	if (in < 0)
		return __atomic_load_n(&memory_limit, __ATOMIC_SEQ_CST);
	int64_t old = __atomic_exchange_n(&memory_limit, in, __ATOMIC_SEQ_CST);
	gc_retarget();
	return old;
}

int32_t gcpacer_percent(void)
{
	return __atomic_load_n(&gc_percent, __ATOMIC_RELAXED);
}

int64_t gcpacer_memory_limit(void)
{
	return __atomic_load_n(&memory_limit, __ATOMIC_RELAXED);
}

/* The least growth allowed between cycles. gc's concurrent cycles let the program allocate while
 * they mark, so a tiny GOGC (test/fixedbugs/issue22781.go: SetGCPercent(1)) still gives it room;
 * a stop-the-world collector with a goal 1% above the live heap would collect on every span a cache
 * takes. */
#define MIN_RUNWAY ((uint64_t)512 << 10)

uint64_t gcpacer_goal(uint64_t live)
{
	int32_t pct = gcpacer_percent();
	uint64_t goal = UINT64_MAX;
	if (pct >= 0) {
		uint64_t min = ((uint64_t)4 << 20) * (uint64_t)pct / 100;
		goal = live + live * (uint64_t)pct / 100;
		if (goal < min)
			goal = min;
		if (goal < live + MIN_RUNWAY)
			goal = live + MIN_RUNWAY;
	}
	uint64_t limit = (uint64_t)gcpacer_memory_limit();
	if (limit != INT64_MAX && limit < goal) { /* INT64_MAX: no limit (gc's default) */
		uint64_t floor = live + live / 16 + ((uint64_t)1 << 20);
		goal = limit > floor ? limit : floor;
	}
	return goal;
}

GO_LINKNAME(mgcpacer_freeOSMemory, "runtime/debug.freeOSMemory");
RUNTIME_API void mgcpacer_freeOSMemory(void *ctx)
{
	(void)ctx;
	gc_full();
	heap_lock();
	heap_scavenge(true);
	heap_unlock();
}

/* gc's readGCStats_m: the pause durations, their end times, then the last GC's time, the number of
 * GCs and the total pause, into *pauses, which runtime/debug makes large enough (gc checks). */
GO_LINKNAME(mgcpacer_readGCStats, "runtime/debug.readGCStats");
RUNTIME_API void mgcpacer_readGCStats(void *ctx, GoSlice *pauses)
{
	(void)ctx;
	if (pauses->cap < 256 + 3)
		panic_throw("short slice passed to readGCStats");
	uint64_t *p = pauses->array;
	heap_lock();
	uint32_t n = gc_stats.numgc < 256 ? gc_stats.numgc : 256;
	for (uint32_t i = 0; i < n; i++) { /* newest first */
		uint32_t j = (gc_stats.numgc - 1 - i) % 256;
		p[i] = gc_stats.pause_ns[j];
		p[n + i] = gc_stats.pause_end[j];
	}
	p[n + n] = gc_stats.last_gc;
	p[n + n + 1] = gc_stats.numgc;
	p[n + n + 2] = gc_stats.pause_total;
	heap_unlock();
	pauses->len = n + n + 3;
}
