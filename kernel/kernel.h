/* What nearly every kernel file needs: printing, narration, panic and power-off. */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "lib/plural.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* Print to the console. Each call's output stays together, even with several harts. */
void kprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Format into buf[size] like snprintf, but return the characters actually written (at most
 * size - 1), so that calls can append: n += kformat(buf + n, sizeof(buf) - n, ...). */
int kformat(char *buf, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Set by the image (scripts/gen-progs.sh): 1 = tell the story of each step, 0 = quiet. */
extern const uint8_t kernel_verbose;

/* Set by the image: 1 = pause after each narrated step (PACE=1), for a live classroom. */
extern const uint8_t kernel_pace;

/* End of a narrated step: with PACE=1, stop the machine a moment so people can read it. */
void narrate_pause(void);

/* kprintf only when the kernel narrates (V=1). */
#define narrate(...)                                                                               \
	do {                                                                                       \
		if (kernel_verbose)                                                                \
			kprintf(__VA_ARGS__);                                                      \
	} while (0)

/* A kernel invariant broke: print why, where, and a backtrace, then power off with failure. */
__attribute__((noreturn, format(printf, 1, 2))) void panic(const char *fmt, ...);

/* panic() with the message naming the failed condition, file and line. */
#define KASSERT(cond)                                                                              \
	do {                                                                                       \
		if (!(cond))                                                                       \
			panic("assertion '%s' failed at %s:%d", #cond, __FILE__, __LINE__);        \
	} while (0)

/* Stop the machine. status 0 tells QEMU to exit 0; anything else exits with that status. */
__attribute__((noreturn)) void poweroff(int status);
