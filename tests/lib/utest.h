/*
 * A small test framework, the same on the host (unit tests) and in QEMU (user programs).
 *
 *   TEST(shmget_absent_key_without_creat_is_enoent) {
 *           EXPECT_ERRNO(shmget(KEY_ABSENT, 4096, 0600), ENOENT);
 *   }
 *
 * Each test prints one line, "PASS name" or "FAIL name: where: what"; scripts/run-tests.sh
 * counts them. The program's exit status is the number of failed tests (at most 255).
 */
#pragma once

#include <errno.h>
#include <stdio.h>

struct utest {
	const char *name;
	void (*fn)(void);
};

/* Define a test. Tests must not depend on one another: the linker orders them. */
#define TEST(name)                                                                                 \
	static void name(void);                                                                    \
	static const struct utest utest_##name                                                     \
	    __attribute__((section("utest"), used, aligned(16))) = { #name, name };                \
	static void name(void)

/* Record a failure of the running test unless cond holds. */
#define EXPECT(cond) utest_check((cond) != 0, #cond, __FILE__, __LINE__)

/* Expect a == b, printing both values when they differ. */
#define EXPECT_EQ(a, b) utest_check_eq((long)(a), (long)(b), #a " == " #b, __FILE__, __LINE__)

/* Expect call to fail with -1 (or (void *)-1) and errno err. */
#define EXPECT_ERRNO(call, err)                                                                    \
	do {                                                                                       \
		errno = 0;                                                                         \
		long r_ = (long)(call);                                                            \
		utest_check_errno(r_, errno, (err), #call, __FILE__, __LINE__);                    \
	} while (0)

/* Expect call to succeed (not -1), and return its value. */
#define EXPECT_OK(call) utest_check_ok((long)(call), errno, #call, __FILE__, __LINE__)

void utest_check(int ok, const char *what, const char *file, int line);
void utest_check_eq(long a, long b, const char *what, const char *file, int line);
void utest_check_errno(long ret, int got, int want, const char *what, const char *file, int line);
long utest_check_ok(long ret, int err, const char *what, const char *file, int line);

/* Has the running test failed so far? */
int utest_failed(void);
