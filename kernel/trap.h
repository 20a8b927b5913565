/* Trap set-up. */
#pragma once

#include "cpu.h"
#include "riscv.h"
#include "trapframe.h"

/* Point stvec at trap_vector and let U-mode read the cycle, time and instret counters. */
void trap_init(void);

/* Leave the kernel for the current process's user mode, with its registers from tf. */
__attribute__((noreturn)) void trap_return(struct trapframe *tf);

/* trap_return's body, inlined into the system-call path where every instruction counts. */
__attribute__((noreturn, always_inline)) static inline void trap_return_inline(struct trapframe *tf)
{
	/* sret to U-mode (SPP = 0) with interrupts on there (SPIE = 1). */
	csr_clear(sstatus, SSTATUS_SPP);
	csr_set(sstatus, SSTATUS_SPIE);
	tf->kernel_tp = cpu_index(); /* the next trap may come on this hart */
	user_return(tf);
}
