/*
 * sha256.h: SHA-256 (FIPS 180-4), the one cryptographic hash of the compiler.
 *
 * In: bytes, fed in any number of pieces. Out: the 32-byte digest, or its 64 lowercase hex digits.
 * The driver's cache of compiled packages (compiler/driver/cache.c) names every entry by the
 * SHA-256 of everything that determines it and checks each entry's contents against a recorded
 * digest, as the go command's build cache does (cmd/go/internal/cache uses crypto/sha256).
 *
 * The one idea: a context buffers at most one 64-byte block; sha256_write fills the buffer, runs
 * the compression function on every full block, and sha256_sum pads (0x80, zeros, the bit length
 * big-endian) and compresses the last one or two blocks.
 */
#ifndef GOCC_SHA256_H
#define GOCC_SHA256_H

#include <stddef.h>
#include <stdint.h>

enum { SHA256_SIZE = 32, SHA256_BLOCK = 64 };

typedef struct Sha256 {
	uint32_t h[8];
	uint8_t buf[SHA256_BLOCK];
	size_t nbuf;   /* bytes in buf, always < SHA256_BLOCK between calls */
	uint64_t len;  /* bytes written so far */
} Sha256;

void sha256_init(Sha256 *s);
void sha256_write(Sha256 *s, const void *data, size_t n);
/* Writes a string with its length first, so consecutive fields cannot run into each other
 * ("ab"+"c" and "a"+"bc" hash differently). */
void sha256_write_field(Sha256 *s, const char *str);
/* The digest of everything written; s is finished (init it again to reuse it). */
void sha256_sum(Sha256 *s, uint8_t out[SHA256_SIZE]);
/* The digest as 64 lowercase hex digits and a NUL. */
void sha256_hex(Sha256 *s, char out[2 * SHA256_SIZE + 1]);

#endif
