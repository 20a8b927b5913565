/* Trap set-up. */
#pragma once

#include "trapframe.h"

/* Point stvec at trap_vector and let U-mode read the cycle, time and instret counters. */
void trap_init(void);

/* Leave the kernel for the current process's user mode, with its registers from tf; or, if a
 * fatal signal is pending (kill), end the process instead: it runs no more user code. */
__attribute__((noreturn)) void trap_return(struct trapframe *tf);
