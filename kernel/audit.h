/* The kernel checks its own books: every page of the pool is accounted for. */
#pragma once

#include <stdint.h>

/* Set by the image (scripts/gen-progs.sh): 1 in test and debug builds. */
extern const uint8_t kernel_audit;

/* Record the pages the kernel itself holds once boot is done (its page table). */
void audit_record_boot(void);

/* Check that free pages + pages of segments + pages of processes + the kernel's own pages
 * equal the pool; panic, showing each sum, if not. Caller holds task_lock and no other lock,
 * with every task stopped outside a system call (as after a task exits, on one hart; with
 * more harts, the others must be stopped first, since page tables change without it). */
void audit_pages(void);
