/*
 * alg.h: equality and hashing of Go values (alg.c; Go's runtime/alg.go), the process's hash seed and
 * its cheap random numbers.
 *
 * The TYPE_ALG functions of runtime.def (runtime_memequal_t, runtime_strhash, ...) are what type
 * descriptors point to in GoType.equal / GoType.hashfn; everything that compares or hashes a value
 * of a type known only at run time (map keys, interface ==, struct and array fields) calls through
 * those two slots. This header adds the internal helpers the map and the interface code share.
 *
 * Invariants.
 *  - alg_init runs once, before any Go code (proc.c's main); until then (unit tests that do not call
 *    it) the seed is zero and hashing still works, just predictably.
 *  - Equal values hash alike under one seed: +0 and -0 hash alike; a NaN hashes to a fresh random
 *    value each time (it equals nothing, itself included); an interface hashes by its dynamic type's
 *    hashfn over the value, so `interface{}(1)` and `1` stored as a key behave alike.
 *  - Hashing or comparing an interface whose dynamic type has no equal/hashfn raises the Go panics
 *    `runtime error: hash of unhashable type T` / `comparing uncomparable type T` (errorString).
 *  - The random source is per thread (each M its own state, as Go's m.fastrand): alg_rand may be
 *    called on any thread, with no lock.
 */
#ifndef GOCC_RUNTIME_ALG_H
#define GOCC_RUNTIME_ALG_H

#include "runtime.h"

/* The TYPE_ALG functions (runtime.def): GoEqualFn / GoHashFn signatures, addresses stored by the
 * compiler in type descriptors. */
#define ALG_PAIR(eq, hash)                                                                        \
	RUNTIME_API _Bool runtime_##eq(const void *p, const void *q, const GoType *t);             \
	RUNTIME_API uintptr_t runtime_##hash(const void *p, uintptr_t seed, const GoType *t);
ALG_PAIR(memequal_t, memhash_t)
ALG_PAIR(strequal, strhash)
ALG_PAIR(f32equal, f32hash)
ALG_PAIR(f64equal, f64hash)
ALG_PAIR(c64equal, c64hash)
ALG_PAIR(c128equal, c128hash)
ALG_PAIR(interequal, interhash)
ALG_PAIR(nilinterequal, nilinterhash)
ALG_PAIR(structequal, structhash)
ALG_PAIR(arrayequal, arrayhash)
#undef ALG_PAIR

/* Every name of runtime.def's TYPE_ALG list must be declared above: this fails to compile if the
 * contract gains a function alg.c does not provide. */
#define TYPE_ALG(name) static inline void *alg_contract_##name(void) { return (void *)runtime_##name; }
#include "runtime.def"

/* Seeds the hash function and the random source from getrandom(2) (auxv AT_RANDOM as a fallback).
 * Idempotent; called from proc.c's main before main.init. */
void alg_init(void);

/* A random 64-bit value (Go's fastrand64): wyrand over the calling thread's state (any thread). */
uint64_t alg_rand(void);

/* The hash of n bytes at p under seed (Go's memhash): wyhash's structure with our per-process keys. */
uintptr_t alg_memhash(const void *p, uintptr_t n, uintptr_t seed);

/* Fixed-width forms (Go's memhash32 / memhash64), used by the map's fast paths. */
uintptr_t alg_memhash32(const void *p, uintptr_t seed);
uintptr_t alg_memhash64(const void *p, uintptr_t seed);

/* Whether a value of type t is stored directly in an interface's data word (the KIND_DIRECT_IFACE
 * flag the compiler sets on pointer-shaped types: pointers, unsafe.Pointer, maps, chans, funcs, and
 * one-field structs / one-element arrays of those); otherwise the data word points to the value. */
bool alg_isdirectiface(const GoType *t);

/* Go's efaceeq / ifaceeq after the type words matched: whether the data words x and y of two
 * interfaces whose dynamic type is t (NULL: both nil) hold equal values. Panics `comparing
 * uncomparable type T` if t has no equal function. For the interface comparisons of iface.c. */
bool alg_efaceeq(const GoType *t, void *x, void *y);

/* Whether x == x for every value of t (no floats or interfaces inside): Go's reflexivekey. */
bool alg_reflexive(const GoType *t);

/* Whether hashing a value of t may panic (an interface inside): Go's hashMightPanic. */
bool alg_hashmightpanic(const GoType *t);

/* Whether assigning to an existing key must overwrite the stored key too, because equal keys can
 * differ in their bytes (+0/-0, strings sharing no storage, interfaces): Go's needkeyupdate. */
bool alg_needkeyupdate(const GoType *t);

#endif
