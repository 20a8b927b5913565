/* The kernel checks its own books: every page of the pool is accounted for. */
#pragma once

#include <stdint.h>

/* Set by the image (scripts/gen-progs.sh): 1 in test and debug builds. */
extern const uint8_t kernel_audit;

/* Record the pages the kernel itself holds once boot is done (its page table). */
void audit_record_boot(void);

/* Check that free pages + pages of segments + pages of processes and threads + the kernel's
 * own pages equal the pool; panic, showing each sum, if not. Every other hart is stopped
 * first, at a point where it holds no lock and is in the middle of nothing (in user mode, or
 * idle), so that no page is in flight between allocator and owner. Caller holds no lock. */
void audit_pages(void);

/* An IPI_STOP came: wait here, at a safe point, until the audit is done. */
void audit_stop_here(void);
