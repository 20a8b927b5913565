/*
 * Floating-point state, one per process: f0..f31 and fcsr, as the RISC-V psABI (lp64d) gives
 * every program. The kernel itself never uses the FP registers (it is built for rv64imac,
 * which has none), so they hold the user's values for the whole time a process is on a hart.
 *
 * The saving is lazy, by sstatus.FS, which the hart sets to Dirty when any FP register or
 * fcsr is written:
 *   - leaving the hart, a process's registers are saved only if FS says Dirty;
 *   - coming onto a hart, they are loaded only if that hart's registers hold something else.
 * So processes that never touch FP cost two CSR reads a switch, and a process that has the
 * hart to itself pays nothing at all.
 */
#pragma once

#include <stdint.h>

#include "cpu.h"
#include "riscv.h"

struct fpstate {
	uint64_t f[32];
	uint64_t fcsr;
};

/* Who owns a hart's FP registers (struct cpu's fp_owner): a pid, or one of these. */
#define FP_ZEROS 0    /* all zero, fcsr too: the Initial state of every process */
#define FP_UNKNOWN -1 /* whatever the firmware left */

/* The FP part of a process. */
struct fpu_s {
	struct fpstate regs; /* valid when saved */
	int saved;           /* regs hold its state; 0 means it is still Initial (all zero) */
	int hart;            /* the hart whose registers last held its state */
};

/* The rare paths, out of line: save a process's Dirty registers (owner id), marking them
 * Clean; and load its registers (or zeros, if it has never saved any) onto this hart. */
void fpu_save(struct fpu_s *f, int id);
void fpu_load(struct fpu_s *f, int id);

/* Make f's saved state current, saving the live registers if they are Dirty, so that it can be
 * copied: fork gives the child the parent's FP registers. f's process (id) runs on this hart. */
static inline void fpu_flush(struct fpu_s *f, int id)
{
	if ((csr_read(sstatus) & SSTATUS_FS) == SSTATUS_FS_DIRTY)
		fpu_save(f, id);
}

/* f's process (id) leaves this hart, c: save its registers if it wrote them since they were
 * loaded. They stay in the hart, so that if it comes back next nothing need be loaded. */
static inline void fpu_switch_out(struct cpu *c, struct fpu_s *f, int id)
{
	fpu_flush(f, id);
	c->fp_owner = f->saved ? id : FP_ZEROS;
}

/* f's process (id) comes onto this hart, c: load its registers unless the hart holds them
 * already. A saved state left on this hart is stale if the process ran elsewhere since. FS is
 * never Dirty here (every switch-out cleans it), so the next FP write is seen. */
static inline void fpu_switch_in(struct cpu *c, struct fpu_s *f, int id)
{
	int want = f->saved ? id : FP_ZEROS;
	if (c->fp_owner != want || (f->saved && f->hart != (int)cpu_index()))
		fpu_load(f, id);
}

/* The hart's registers hold nothing known, and FS is on: the first switch-in loads them.
 * Called at boot on each hart. */
void fpu_init(void);

/* kernel/fpregs.S: the only code in the kernel with FP instructions. */
void fpregs_save(struct fpstate *s);
void fpregs_load(const struct fpstate *s);
void fpregs_zero(void);
