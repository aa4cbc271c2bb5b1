/*
 * alg.c: equality and hash functions of Go values (Go's runtime/alg.go and hash64.go), the
 * per-process hash seed and the runtime's cheap random numbers.
 *
 * What comes in: a pointer to a value (two for equality), a seed, and the value's type descriptor.
 * What goes out: whether the values are equal as Go's == says, or a uintptr hash. Type descriptors
 * point to these functions (GoType.equal / GoType.hashfn, runtime.def's TYPE_ALG list); the compiler
 * picks one per type: memequal_t/memhash_t for regular memory (ints, pointers, structs of those),
 * the float/complex/string/interface functions for their kinds, structequal/arrayequal for composite
 * types that are not regular memory. Composite functions recurse through the field or element
 * descriptors, so a struct holding a float, a string and an interface gets each part's semantics.
 *
 * The one idea, from Go: equality and hashing are two faces of one relation. Whatever compares
 * equal must hash alike under the same seed, so every function below that bends plain memory
 * comparison bends the hash the same way: floats map +0 and -0 to one hash and give every NaN a
 * fresh random hash (NaN != NaN, so a NaN key is never found again and must not pile up in one
 * probe sequence); strings hash their bytes, not their header; interfaces hash the dynamic type's
 * hash of the value (Go does not mix the type in either: `interface{}(int8(1))` and
 * `interface{}(int64(1))` may collide, and equality sorts them out).
 *
 * The hash: wyhash's construction (Wang Yi, public domain; Go's own fallback memhash has the same
 * shape): 64x64->128-bit multiplies folded by xor, reading the input in 8-byte words with
 * overlapping reads for the tail, so there is no byte loop and no branch per byte. Keys come from
 * getrandom(2) once per process (alg_init), so hash flooding needs the attacker to guess 256 random
 * bits, and iteration order differs between runs as in Go. Rejected for now: AES-NI hashing (what
 * gc uses on amd64): it is faster for long keys on machines that have it, but needs a CPU check, a
 * fallback of equal quality anyway, and map keys are mostly 8-byte ints and short strings, where a
 * single multiply-fold is already as fast (tools/map-bench measures the map as a whole).
 *
 * Random numbers (alg_rand): wyrand, a 64-bit state per thread (gc's m.fastrand), so no two threads
 * share a cache line or a sequence; a thread's state is seeded at its first call from the process's
 * seed and the thread's number (a counter), as gc's mcommoninit hashes m.id with fastrandseed. It
 * serves NaN hashes, per-map seeds, the random start of map iteration and sync.fastrandn.
 *
 * Invariants: equal(a, b) implies hash(a, seed) == hash(b, seed) for every seed; a type has a hash
 * function iff it has an equality function (both NULL for uncomparable types); neither allocates
 * except to panic.
 *
 * Panics: comparing or hashing an interface whose dynamic type is not comparable raises Go's
 * errorString panics `comparing uncomparable type T` / `hash of unhashable type T`. Their text holds
 * the type's string, so it is built in a heap buffer (as Go's string concatenation does); this is a
 * recoverable panic, not a fatal path, so allocating is allowed here.
 */
#include "alg.h"

#include <atomic_ops.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include "panic.h"

/* Go's c0/c1 for 64-bit words (alg.go): mixing constants for the special float and interface cases. */
#define C0 ((uintptr_t)33054211828000289ull)
#define C1 ((uintptr_t)23344194077549503ull)

/* wyhash's default secret: odd 64-bit constants with 32 set bits each. */
#define WY0 0xa0761d6478bd642full
#define WY1 0xe7037ed1a0b428dbull
#define WY2 0x8ebc6af09c88c6e3ull
#define WY3 0x589965cc75374cc3ull
#define WY4 0x1d8e4e27c47d124full

/* The process's hash state: four random keys (odd, so no multiply can collapse to zero) and the
 * random seed. Guarded by: written once by alg_init before Go code runs (before any other thread
 * exists), then read-only. */
static struct {
	uint64_t key[4];
	uint64_t rand_seed;
	bool ready;
} alg;

/* Guarded by: being thread-local. rand_state is the thread's wyrand state, valid once rand_seeded. */
static _Thread_local uint64_t rand_state;
static _Thread_local bool rand_seeded;
static AO_t rand_threads; /* threads seeded so far (atomic): each thread's seed differs */

/* ---- the hash function ---- */

static inline uint64_t mix(uint64_t a, uint64_t b)
{
	__uint128_t r = (__uint128_t)a * b;
	return (uint64_t)r ^ (uint64_t)(r >> 64);
}

static inline uint64_t read8(const uint8_t *p)
{
	uint64_t v;
	memcpy(&v, p, 8);
	return v;
}

static inline uint64_t read4(const uint8_t *p)
{
	uint32_t v;
	memcpy(&v, p, 4);
	return v;
}

/* Inputs of more than 16 bytes: 48-byte strides over three independent lanes, then 16-byte steps,
 * ending with the last 16 bytes (which may overlap what was already read) in *a and *b. */
static uint64_t hash_long(const uint8_t *p, uintptr_t n, uint64_t seed, uint64_t *a, uint64_t *b)
{
	if (n > 48) {
		uint64_t s1 = seed, s2 = seed;
		do {
			seed = mix(read8(p) ^ alg.key[1] ^ WY1, read8(p + 8) ^ seed);
			s1 = mix(read8(p + 16) ^ alg.key[2] ^ WY2, read8(p + 24) ^ s1);
			s2 = mix(read8(p + 32) ^ alg.key[3] ^ WY3, read8(p + 40) ^ s2);
			p += 48;
			n -= 48;
		} while (n > 48);
		seed ^= s1 ^ s2;
	}
	for (; n > 16; n -= 16, p += 16)
		seed = mix(read8(p) ^ alg.key[1] ^ WY1, read8(p + 8) ^ seed);
	*a = read8(p + n - 16);
	*b = read8(p + n - 8);
	return seed;
}

uintptr_t alg_memhash(const void *v, uintptr_t n, uintptr_t seed)
{
	const uint8_t *p = v;
	uint64_t a, b, s = seed ^ alg.key[0] ^ WY0;
	if (n == 0)
		return s;
	if (n < 4) {
		a = (uint64_t)p[0] | (uint64_t)p[n >> 1] << 8 | (uint64_t)p[n - 1] << 16;
		b = 0;
	} else if (n <= 8) {
		a = read4(p);
		b = read4(p + n - 4);
	} else if (n <= 16) {
		a = read8(p);
		b = read8(p + n - 8);
	} else {
		s = hash_long(p, n, s, &a, &b);
	}
	return mix(WY4 ^ n, mix(a ^ alg.key[1] ^ WY1, b ^ s));
}

uintptr_t alg_memhash32(const void *p, uintptr_t seed)
{
	uint64_t a = read4(p);
	return mix(WY4 ^ 4, mix(a ^ alg.key[1] ^ WY1, a ^ seed ^ alg.key[0] ^ WY0));
}

uintptr_t alg_memhash64(const void *p, uintptr_t seed)
{
	uint64_t a = read8(p);
	return mix(WY4 ^ 8, mix(a ^ alg.key[1] ^ WY1, a ^ seed ^ alg.key[0] ^ WY0));
}

/* ---- seed and random numbers ---- */

/* Fills buf with random bytes: getrandom(2), else the 16 bytes the kernel put in the auxiliary
 * vector (AT_RANDOM) stirred with the time and pid, so two processes never share a seed. */
static void random_bytes(void *buf, size_t n)
{
	if (getrandom(buf, n, GRND_NONBLOCK) == (ssize_t)n)
		return;
	const uint8_t *at = (const uint8_t *)getauxval(AT_RANDOM);
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	uint64_t s = (uint64_t)ts.tv_nsec ^ (uint64_t)ts.tv_sec << 32 ^ (uint64_t)getpid();
	if (at)
		s ^= read8(at) ^ mix(read8(at + 8), WY2);
	for (size_t i = 0; i < n; i++) {
		s += WY0;
		((uint8_t *)buf)[i] = (uint8_t)mix(s, s ^ WY1);
	}
}

void alg_init(void)
{
	if (alg.ready)
		return;
	uint64_t r[5];
	random_bytes(r, sizeof r);
	for (int i = 0; i < 4; i++)
		alg.key[i] = r[i] | 1;
	alg.rand_seed = r[4];
	alg.ready = true;
}

uint64_t alg_rand(void)
{
	if (!rand_seeded) {
		uint64_t n = AO_fetch_and_add1(&rand_threads);
		rand_state = mix(alg.rand_seed ^ WY2, n ^ WY3);
		rand_seeded = true;
	}
	rand_state += WY0;
	return mix(rand_state, rand_state ^ WY1);
}

/* ---- type properties ---- */

bool alg_isdirectiface(const GoType *t)
{
	return (t->kind & KIND_DIRECT_IFACE) != 0;
}

/* Which kinds of parts has_part looks for. */
enum { PART_FLOAT = 1, PART_INTERFACE = 2, PART_STRING = 4 };

/* Whether some part of a t (t itself, a field, an element) is of one of the PART_* kinds. */
static bool has_part(const GoType *t, int parts)
{
	switch (type_kind(t)) {
	case KIND_FLOAT32: case KIND_FLOAT64: case KIND_COMPLEX64: case KIND_COMPLEX128:
		return parts & PART_FLOAT;
	case KIND_INTERFACE:
		return parts & PART_INTERFACE;
	case KIND_STRING:
		return parts & PART_STRING;
	case KIND_ARRAY:
		return t->len > 0 && has_part(t->elem, parts);
	case KIND_STRUCT:
		for (uintptr_t i = 0; i < t->nextra; i++)
			if (has_part(((const GoField *)t->extra)[i].typ, parts))
				return true;
		return false;
	default:
		return false;
	}
}

bool alg_reflexive(const GoType *t)
{
	return !has_part(t, PART_FLOAT | PART_INTERFACE);
}

bool alg_needkeyupdate(const GoType *t)
{
	return has_part(t, PART_FLOAT | PART_INTERFACE | PART_STRING);
}

bool alg_hashmightpanic(const GoType *t)
{
	return has_part(t, PART_INTERFACE);
}

/* ---- panics ---- */

/* Raises errorString(prefix + t's string): `runtime error: hash of unhashable type []int`. */
static RUNTIME_NORET void panic_with_type(const char *prefix, const GoType *t)
{
	size_t plen = strlen(prefix), tlen = (size_t)t->string.len;
	char *msg = runtime_mallocgc(plen + tlen + 1, NULL, true);
	memcpy(msg, prefix, plen);
	memcpy(msg + plen, t->string.str, tlen);
	msg[plen + tlen] = '\0';
	RuntimeError e = {.kind = ERR_STRING, .msg = msg};
	panic_rterror(&e, NULL);
}

/* ---- the TYPE_ALG functions: regular memory, strings ---- */

_Bool runtime_memequal_t(const void *p, const void *q, const GoType *t)
{
	return t->size == 0 || memcmp(p, q, t->size) == 0;
}

uintptr_t runtime_memhash_t(const void *p, uintptr_t seed, const GoType *t)
{
	return alg_memhash(p, t->size, seed);
}

_Bool runtime_strequal(const void *p, const void *q, const GoType *t)
{
	(void)t;
	const GoString *a = p, *b = q;
	return a->len == b->len && (a->str == b->str || memcmp(a->str, b->str, (size_t)a->len) == 0);
}

uintptr_t runtime_strhash(const void *p, uintptr_t seed, const GoType *t)
{
	(void)t;
	const GoString *s = p;
	return alg_memhash(s->str, (uintptr_t)s->len, seed);
}

/* ---- floats and complexes: +0 == -0, NaN != NaN ---- */

_Bool runtime_f32equal(const void *p, const void *q, const GoType *t)
{
	(void)t;
	return *(const float *)p == *(const float *)q;
}

_Bool runtime_f64equal(const void *p, const void *q, const GoType *t)
{
	(void)t;
	return *(const double *)p == *(const double *)q;
}

_Bool runtime_c64equal(const void *p, const void *q, const GoType *t)
{
	const float *a = p, *b = q;
	(void)t;
	return a[0] == b[0] && a[1] == b[1];
}

_Bool runtime_c128equal(const void *p, const void *q, const GoType *t)
{
	const double *a = p, *b = q;
	(void)t;
	return a[0] == b[0] && a[1] == b[1];
}

static uintptr_t f32hash(float f, uintptr_t seed)
{
	if (f == 0)
		return C1 * (C0 ^ seed); /* +0 and -0 */
	if (f != f)
		return C1 * (C0 ^ seed ^ (uintptr_t)alg_rand()); /* every NaN differs */
	return alg_memhash32(&f, seed);
}

static uintptr_t f64hash(double f, uintptr_t seed)
{
	if (f == 0)
		return C1 * (C0 ^ seed);
	if (f != f)
		return C1 * (C0 ^ seed ^ (uintptr_t)alg_rand());
	return alg_memhash64(&f, seed);
}

uintptr_t runtime_f32hash(const void *p, uintptr_t seed, const GoType *t)
{
	(void)t;
	return f32hash(*(const float *)p, seed);
}

uintptr_t runtime_f64hash(const void *p, uintptr_t seed, const GoType *t)
{
	(void)t;
	return f64hash(*(const double *)p, seed);
}

uintptr_t runtime_c64hash(const void *p, uintptr_t seed, const GoType *t)
{
	const float *c = p;
	(void)t;
	return f32hash(c[1], f32hash(c[0], seed));
}

uintptr_t runtime_c128hash(const void *p, uintptr_t seed, const GoType *t)
{
	const double *c = p;
	(void)t;
	return f64hash(c[1], f64hash(c[0], seed));
}

/* ---- interfaces: by the dynamic type ---- */

bool alg_efaceeq(const GoType *t, void *x, void *y)
{
	if (t == NULL)
		return true;
	if (t->equal == NULL)
		panic_with_type("comparing uncomparable type ", t);
	if (alg_isdirectiface(t))
		return x == y;
	return ((GoEqualFn)t->equal)(x, y, t);
}

/* Go's typehash of the value behind a data word of dynamic type t (NULL: nil interface). */
static uintptr_t data_hash(const GoType *t, void *const *data, uintptr_t seed)
{
	if (t == NULL)
		return seed;
	if (t->hashfn == NULL)
		panic_with_type("hash of unhashable type ", t);
	const void *value = alg_isdirectiface(t) ? (const void *)data : *data;
	return C1 * ((GoHashFn)t->hashfn)(value, seed ^ C0, t);
}

_Bool runtime_nilinterequal(const void *p, const void *q, const GoType *t)
{
	const GoEface *a = p, *b = q;
	(void)t;
	return a->type == b->type && alg_efaceeq(a->type, a->data, b->data);
}

uintptr_t runtime_nilinterhash(const void *p, uintptr_t seed, const GoType *t)
{
	const GoEface *e = p;
	(void)t;
	return data_hash(e->type, &e->data, seed);
}

static const GoType *itab_type(const GoItab *tab)
{
	return tab ? tab->type : NULL;
}

/* Two values of one non-empty interface type. Their dynamic types are compared through the itabs'
 * type fields rather than the itab pointers: an itab made at run time and one emitted by the
 * compiler for the same pair may be distinct objects. */
_Bool runtime_interequal(const void *p, const void *q, const GoType *t)
{
	const GoIface *a = p, *b = q;
	(void)t;
	const GoType *ta = itab_type(a->itab);
	return ta == itab_type(b->itab) && alg_efaceeq(ta, a->data, b->data);
}

uintptr_t runtime_interhash(const void *p, uintptr_t seed, const GoType *t)
{
	const GoIface *e = p;
	(void)t;
	return data_hash(itab_type(e->itab), &e->data, seed);
}

/* ---- structs and arrays: field by field, element by element ---- */

static bool is_blank(const GoField *f)
{
	return f->name.len == 1 && f->name.str[0] == '_';
}

_Bool runtime_structequal(const void *p, const void *q, const GoType *t)
{
	const GoField *fields = t->extra;
	for (uintptr_t i = 0; i < t->nextra; i++) {
		const GoField *f = &fields[i];
		if (is_blank(f))
			continue;
		const char *a = (const char *)p + f->offset, *b = (const char *)q + f->offset;
		if (!((GoEqualFn)f->typ->equal)(a, b, f->typ))
			return false;
	}
	return true;
}

uintptr_t runtime_structhash(const void *p, uintptr_t seed, const GoType *t)
{
	const GoField *fields = t->extra;
	for (uintptr_t i = 0; i < t->nextra; i++) {
		const GoField *f = &fields[i];
		if (!is_blank(f))
			seed = ((GoHashFn)f->typ->hashfn)((const char *)p + f->offset, seed, f->typ);
	}
	return seed;
}

_Bool runtime_arrayequal(const void *p, const void *q, const GoType *t)
{
	const GoType *e = t->elem;
	GoEqualFn eq = (GoEqualFn)e->equal;
	for (uintptr_t i = 0; i < t->len; i++)
		if (!eq((const char *)p + i * e->size, (const char *)q + i * e->size, e))
			return false;
	return true;
}

uintptr_t runtime_arrayhash(const void *p, uintptr_t seed, const GoType *t)
{
	const GoType *e = t->elem;
	GoHashFn h = (GoHashFn)e->hashfn;
	for (uintptr_t i = 0; i < t->len; i++)
		seed = h((const char *)p + i * e->size, seed, e);
	return seed;
}
