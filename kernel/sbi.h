/* Calls into the SBI firmware (OpenSBI) below us: the timer, harts, IPIs and remote fences. */
#pragma once

#include <stdint.h>

/* Ask for a supervisor timer interrupt when the time CSR reaches stime (SBI TIME extension). */
void sbi_set_timer(uint64_t stime);

/* Start hart hartid at physical address start in S-mode, with a0 = hartid and a1 = opaque
 * (SBI HSM extension). Returns 0 or the SBI error (negative). */
long sbi_hart_start(unsigned long hartid, uintptr_t start, unsigned long opaque);

/* Raise a supervisor software interrupt on each hart in hart_mask (bit i: hart base + i)
 * (SBI IPI extension). */
void sbi_send_ipi(unsigned long hart_mask, unsigned long hart_mask_base);

/* Make each hart in hart_mask execute sfence.vma for [start, start + size), or for every
 * address when size is -1; returns once they all have (SBI RFENCE extension). */
void sbi_remote_sfence_vma(unsigned long hart_mask, unsigned long hart_mask_base, uintptr_t start,
			   uintptr_t size);
