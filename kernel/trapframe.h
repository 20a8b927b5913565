/*
 * A process's user registers, saved on trap entry at the top of its kernel stack.
 * Slot N holds register xN; slot 0 (x0 is always zero) holds sepc instead.
 * kernel/trapvec.S depends on this layout.
 */
#pragma once

#include <stdint.h>

struct trapframe {
	uint64_t sepc;                   /* 0: where the user was */
	uint64_t ra, sp, gp, tp;         /* x1..x4 */
	uint64_t t0, t1, t2;             /* x5..x7 */
	uint64_t s0, s1;                 /* x8, x9 */
	uint64_t a0, a1, a2, a3, a4, a5; /* x10..x15 */
	uint64_t a6, a7;                 /* x16, x17 */
	uint64_t s2, s3, s4, s5, s6, s7; /* x18..x23 */
	uint64_t s8, s9, s10, s11;       /* x24..x27 */
	uint64_t t3, t4, t5, t6;         /* x28..x31 */
	uint64_t kernel_tp;              /* 256: the hart's cpu index, restored into tp */
};

_Static_assert(sizeof(struct trapframe) == 264, "kernel/trapvec.S assumes this layout");

/* Resume user mode with the registers in tf (kernel/trapvec.S). */
__attribute__((noreturn)) void user_return(struct trapframe *tf);
