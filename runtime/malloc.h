/*
 * malloc.h: the heap's internal interface (malloc.c).
 *
 * Invariants.
 *  - runtime_mallocgc is the only way Go-visible memory is obtained; everything that allocates
 *    (newobject, makeslice, growslice, strings) goes through it, so the accounting in mheap_ is
 *    complete and a future GC-stress mode has one place to hook.
 *  - Memory handed out is zeroed: v0 never reuses memory, and fresh anonymous mappings are zero.
 *  - Zero-sized allocations all return &malloc_zerobase (Go's zerobase); nothing is ever stored there.
 *  - Addresses are 8-byte aligned, 16-byte aligned for objects of 16 bytes or more.
 */
#ifndef GOCC_RUNTIME_MALLOC_H
#define GOCC_RUNTIME_MALLOC_H

#include "runtime.h"

#include <atomic_ops.h>

/* linux/amd64: 48-bit heap addresses, as Go's maxAlloc. Larger requests are "out of range". */
#define MALLOC_MAX_ALLOC ((uintptr_t)1 << 48)

/* Go's _MaxSmallSize and _PageSize: roundupsize uses the size classes below the first and whole
 * 8 KiB pages above it. */
#define MALLOC_MAX_SMALL_SIZE 32768
#define MALLOC_PAGE_SIZE 8192

/* The heap's shared part; each thread bumps through a chunk of its own (malloc.c's MCache). Every
 * field is read and written with atomics only (libatomic_ops), from any thread. */
typedef struct MHeap {
	AO_t caches;           /* (MCache *) every thread's cache, a list only ever pushed onto */
	AO_t sys;              /* MemStats.HeapSys: bytes mapped from the OS for the heap */
	AO_t large;            /* objects that got a mapping of their own */
} MHeap;

extern MHeap mheap_;
extern uintptr_t malloc_zerobase;

/* Go's roundupsize: the size of the size class that a request of `size` bytes gets (go1.19 tables).
 * growslice uses it so cap() after append matches gc exactly. */
uintptr_t malloc_roundupsize(uintptr_t size);

/* MemStats.Mallocs and TotalAlloc: objects and bytes handed out so far, summed over every thread's
 * cache (each counter read atomically; a thread allocating meanwhile may be counted a little late). */
void malloc_counts(uint64_t *mallocs, uint64_t *total_alloc);

#endif
