/* Reading and writing every FP register and fcsr from C, for the FP tests. */
#pragma once

#include <stdint.h>

/* All 32 FP registers, then fcsr. */
struct fpregs {
	uint64_t f[32];
	uint64_t fcsr;
};

/* Set f0..f31 to seed, seed + 1, ..., and fcsr to fcsr. */
void fp_fill(uint64_t seed, uint64_t fcsr);

/* Read f0..f31 and fcsr into *out. */
void fp_dump(struct fpregs *out);

/* frm, fcsr's rounding-mode field, is fcsr bits 7..5: RTZ (1) there is 0x20. */
#define FCSR_RTZ (1 << 5)
#define FCSR_RUP (3 << 5)

/* Written in assembly so that no compiled code stands between the program and its
 * registers. */
__asm__(".text\n"
	".globl fp_fill\n"
	"fp_fill:\n"
	".irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,"
	"30,31\n"
	"	fmv.d.x f\\n, a0\n"
	"	addi a0, a0, 1\n"
	".endr\n"
	"	fscsr a1\n"
	"	ret\n"
	".globl fp_dump\n"
	"fp_dump:\n"
	".irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,"
	"30,31\n"
	"	fsd f\\n, (8 * \\n)(a0)\n"
	".endr\n"
	"	frcsr t0\n"
	"	sd t0, 256(a0)\n"
	"	ret\n");

/* Do the registers hold what fp_fill(seed, fcsr) left? */
static inline int fp_holds(uint64_t seed, uint64_t fcsr)
{
	struct fpregs r;
	fp_dump(&r);
	for (int i = 0; i < 32; i++)
		if (r.f[i] != seed + (uint64_t)i)
			return 0;
	return r.fcsr == fcsr;
}
