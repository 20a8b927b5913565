/* What every benchmark program shares: exact instruction counts, and one way to report. */
#pragma once

#include <stdint.h>
#include <stdio.h>

/* Instructions retired so far on this hart: exact under QEMU's -icount shift=0. */
static inline uint64_t instret(void)
{
	uint64_t v;
	__asm__ volatile("rdinstret %0" : "=r"(v));
	return v;
}

/* The time CSR: 10 MHz on QEMU virt. */
static inline uint64_t rdtime(void)
{
	uint64_t v;
	__asm__ volatile("rdtime %0" : "=r"(v));
	return v;
}

/* Mark this point for scripts/hart_insns.c, a QEMU plugin that counts each hart's instructions:
 * `slti zero, zero, n` is a no-op that the RISC-V spec leaves for custom use as a hint. */
#define mark(n) __asm__ volatile("slti zero, zero, %0" ::"i"(n))

/* Print one figure in the form tools read: "bench: NAME VALUE UNIT". */
#define report(name, value, unit) printf("bench: %s %lu %s\n", name, (unsigned long)(value), unit)
