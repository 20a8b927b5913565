/* Host stand-in for kernel/kernel.h: panic() jumps back into the test that expects it. */
#pragma once

#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>

#include "lib/plural.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

extern jmp_buf *unit_panic_target; /* set by EXPECT_PANIC; NULL means a panic is a bug */
extern char unit_panic_msg[256];

#define panic(...)                                                                                 \
	do {                                                                                       \
		snprintf(unit_panic_msg, sizeof(unit_panic_msg), __VA_ARGS__);                     \
		if (!unit_panic_target) {                                                          \
			fprintf(stderr, "unexpected panic: %s\n", unit_panic_msg);                 \
			abort();                                                                   \
		}                                                                                  \
		longjmp(*unit_panic_target, 1);                                                    \
	} while (0)

/* Quiet on the host, but the arguments still count as used. */
#define narrate(...) ((void)sizeof(printf(__VA_ARGS__)))

#define KASSERT(cond)                                                                              \
	do {                                                                                       \
		if (!(cond))                                                                       \
			panic("assertion '%s' failed", #cond);                                     \
	} while (0)

extern const unsigned char kernel_verbose;

#define narrate_pause() ((void)0)
