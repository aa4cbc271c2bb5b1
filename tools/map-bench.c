/*
 * map-bench.c: the driver of tools/map-bench. It performs the work of one testdata/bench/map_*.go
 * program by calling the runtime's map entry points exactly as compiled code will (runtime.def's map
 * contract: makemap_small for make(map[K]V), the _fast64/_faststr variants for int and string keys,
 * the header word for len, mapiterinit/mapiternext for range), and prints the program's checksum
 * line the way println does, so tools/map-bench can check it against the go1.19 golden before
 * timing it. Until the compiler lowers maps, this is how the runtime's map is measured against
 * go1.19's on the same operations.
 *
 * usage: map-bench-driver map_int|map_string|map_iter
 * Linked against build/tests/libgocc_rt_test.a (the runtime without its C main).
 */
#include <stdio.h>
#include <string.h>

#include "alg.h"
#include "map.h"

#define ALG(eq, h) .equal = (void *)runtime_##eq, .hashfn = (void *)runtime_##h
static const uint8_t ptr_word0[] = {1};
static const GoType t_int = {.size = 8, .align = 8, .kind = KIND_INT, ALG(memequal_t, memhash_t)};
static const GoType t_string = {.size = 16, .align = 8, .kind = KIND_STRING, .ptrdata = 8,
				.gcdata = (void *)ptr_word0, ALG(strequal, strhash)};
static const GoType map_int_int = {.size = 8, .kind = KIND_MAP, .key = &t_int, .elem = &t_int};
static const GoType map_string_int = {.size = 8, .kind = KIND_MAP, .key = &t_string, .elem = &t_int};

static inline uint64_t next(uint64_t x)
{
	return x * 6364136223846793005ull + 1442695040888963407ull;
}

static inline intgo len(void *m)
{
	return *(intgo *)((char *)m + MAP_COUNT_OFFSET);
}

/* The programs' key(prefix, v): prefix then at least 5 hex digits of v, via slicebytetostring. */
static GoString key(uint8_t prefix, uint64_t v)
{
	uint8_t b[11];
	int i = sizeof b;
	for (int j = 0; j < 5 || v != 0; j++) {
		b[--i] = "0123456789abcdef"[v & 15];
		v >>= 4;
	}
	b[--i] = prefix;
	return runtime_slicebytetostring(b + i, (intgo)sizeof b - i);
}

static void map_int(void)
{
	enum { N = 1 << 20 };
	intgo sum = 0;
	for (int round = 0; round < 2; round++) {
		void *m = runtime_makemap_small(&map_int_int);
		uint64_t seed = (uint64_t)round + 1, x = seed;
		for (intgo i = 0; i < N; i++) {
			x = next(x);
			*(intgo *)runtime_mapassign_fast64(&map_int_int, m, x >> 24) = i;
		}
		x = seed;
		for (intgo i = 0; i < N; i++) {
			x = next(x);
			sum += *(intgo *)runtime_mapaccess1_fast64(&map_int_int, m, x >> 24);
			sum += *(intgo *)runtime_mapaccess1_fast64(&map_int_int, m, (x >> 24) + 1);
		}
		x = seed;
		for (intgo i = 0; i < N; i++) {
			x = next(x);
			if ((i & 1) == 0)
				runtime_mapdelete_fast64(&map_int_int, m, x >> 24);
		}
		sum += len(m);
	}
	fprintf(stderr, "map_int checksum %ld\n", (long)sum);
}

static void map_string(void)
{
	enum { N = 1 << 18 };
	GoString *hits = runtime_makeslice(&t_string, N, N), *misses = runtime_makeslice(&t_string, N, N);
	uint64_t x = 1;
	for (intgo i = 0; i < N; i++) {
		x = next(x);
		uint64_t v = x >> (24 + x % 20);
		hits[i] = key('k', v);
		misses[i] = key('m', v);
	}
	intgo sum = 0;
	for (int round = 0; round < 6; round++) {
		void *m = runtime_makemap_small(&map_string_int);
		for (intgo i = 0; i < N; i++)
			*(intgo *)runtime_mapassign_faststr(&map_string_int, m, hits[i]) = i + round;
		for (intgo i = 0; i < N; i++) {
			sum += *(intgo *)runtime_mapaccess1_faststr(&map_string_int, m, hits[i]);
			sum += *(intgo *)runtime_mapaccess1_faststr(&map_string_int, m, misses[i]);
		}
		for (intgo i = 0; i < N; i += 2)
			runtime_mapdelete_faststr(&map_string_int, m, hits[i]);
		sum += len(m);
	}
	fprintf(stderr, "map_string checksum %ld\n", (long)sum);
}

/* map_iter's name(v): "k" then the decimal digits of v. */
static GoString name(uint64_t v)
{
	uint8_t b[21];
	int i = sizeof b;
	do {
		b[--i] = (uint8_t)('0' + v % 10);
		v /= 10;
	} while (v != 0);
	b[--i] = 'k';
	return runtime_slicebytetostring(b + i, (intgo)sizeof b - i);
}

static void map_iter(void)
{
	void *mi = runtime_makemap_small(&map_int_int), *ms = runtime_makemap_small(&map_string_int);
	uint64_t x = 7;
	for (intgo i = 0; i < 1 << 16; i++) {
		x = next(x);
		*(intgo *)runtime_mapassign_fast64(&map_int_int, mi, x >> 20) = i;
	}
	for (intgo i = 0; i < 1 << 14; i++) {
		x = next(x);
		*(intgo *)runtime_mapassign_faststr(&map_string_int, ms, name(x >> 44)) = i;
	}
	uint64_t sum = 0; /* Go's int arithmetic wraps */
	void *it[MAP_ITER_WORDS];
	for (int r = 0; r < 1000; r++) {
		for (runtime_mapiterinit(&map_int_int, mi, it); it[0]; runtime_mapiternext(it))
			sum += (uint64_t)(*(intgo *)it[0] ^ *(intgo *)it[1]);
		for (runtime_mapiterinit(&map_string_int, ms, it); it[0]; runtime_mapiternext(it))
			sum += (uint64_t)(((GoString *)it[0])->len + *(intgo *)it[1]);
	}
	fprintf(stderr, "map_iter checksum %ld %ld %ld\n", (long)sum, (long)len(mi), (long)len(ms));
}

int main(int argc, char **argv)
{
	static const struct {
		const char *name;
		void (*run)(void);
	} programs[] = {{"map_int", map_int}, {"map_string", map_string}, {"map_iter", map_iter}};
	alg_init();
	for (size_t i = 0; argc == 2 && i < sizeof programs / sizeof programs[0]; i++) {
		if (strcmp(argv[1], programs[i].name) == 0) {
			programs[i].run();
			return 0;
		}
	}
	fprintf(stderr, "usage: map-bench-driver map_int|map_string|map_iter\n");
	return 2;
}
