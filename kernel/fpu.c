/* Floating-point registers across context switches: the slow paths of the lazy scheme that
 * kernel/fpu.h describes. */
#include "fpu.h"

#include "cpu.h"
#include "riscv.h"

static void fs_set(uint64_t fs)
{
	csr_clear(sstatus, SSTATUS_FS);
	csr_set(sstatus, fs);
}

void fpu_save(struct fpu_s *f, int id)
{
	fpregs_save(&f->regs);
	f->saved = 1;
	fs_set(SSTATUS_FS_CLEAN);
	this_cpu()->fp_owner = id;
}

void fpu_load(struct fpu_s *f, int id)
{
	fs_set(SSTATUS_FS_DIRTY); /* FP on, so that the kernel's loads are allowed */
	if (f->saved)
		fpregs_load(&f->regs);
	else
		fpregs_zero();
	f->hart = (int)cpu_index();
	this_cpu()->fp_owner = f->saved ? id : FP_ZEROS;
	/* Clean or Initial: the next FP write marks it Dirty, and only then is it saved. */
	fs_set(f->saved ? SSTATUS_FS_CLEAN : SSTATUS_FS_INITIAL);
}

void fpu_init(void)
{
	this_cpu()->fp_owner = FP_UNKNOWN;
	fs_set(SSTATUS_FS_INITIAL);
}
