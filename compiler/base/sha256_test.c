/*
 * sha256_test.c: unit tests for sha256.c.
 *
 * The digests are FIPS 180-4's examples ("abc", the 448-bit message, a million 'a's) and those
 * of sha256sum for the lengths where padding changes shape (55 bytes fit one block, 56 need two,
 * 64 is exactly one). Every input is also fed in pieces of every size from 1 to 130 bytes, which
 * must not change the digest.
 */
#include "sha256.h"

#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

static char *repeat(char c, size_t n)
{
	char *s = malloc(n + 1);
	memset(s, c, n);
	s[n] = 0;
	return s;
}

static void expect_digest(const char *data, size_t n, const char *want)
{
	for (size_t piece = 1; piece <= 130; piece++) {
		Sha256 s;
		sha256_init(&s);
		for (size_t i = 0; i < n; i += piece)
			sha256_write(&s, data + i, n - i < piece ? n - i : piece);
		char hex[2 * SHA256_SIZE + 1];
		sha256_hex(&s, hex);
		cr_assert_str_eq(hex, want, "length %zu in pieces of %zu", n, piece);
		if (n > 4096)
			break; /* the million 'a's: one piece size is enough */
	}
}

Test(sha256, fips_examples)
{
	expect_digest("", 0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	expect_digest("abc", 3, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	const char *m = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
	expect_digest(m, strlen(m), "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	char *million = repeat('a', 1000000);
	Sha256 s;
	sha256_init(&s);
	for (int i = 0; i < 1000; i++)
		sha256_write(&s, million + 1000 * i, 1000);
	char hex[2 * SHA256_SIZE + 1];
	sha256_hex(&s, hex);
	cr_assert_str_eq(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
	free(million);
}

Test(sha256, padding_boundaries)
{
	expect_digest(repeat('x', 55), 55, "d5e285683cd4efc02d021a5c62014694958901005d6f71e89e0989fac77e4072");
	expect_digest(repeat('x', 56), 56, "04c26261370ee7541549d16dee320c723e3fd14671e66a099afe0a377c16888e");
	expect_digest(repeat('x', 64), 64, "7ce100971f64e7001e8fe5a51973ecdfe1ced42befe7ee8d5fd6219506b5393c");
}

Test(sha256, fields_do_not_run_together)
{
	char a[2 * SHA256_SIZE + 1], b[2 * SHA256_SIZE + 1];
	Sha256 s;
	sha256_init(&s);
	sha256_write_field(&s, "ab");
	sha256_write_field(&s, "c");
	sha256_hex(&s, a);
	sha256_init(&s);
	sha256_write_field(&s, "a");
	sha256_write_field(&s, "bc");
	sha256_hex(&s, b);
	cr_assert_str_neq(a, b);
}
