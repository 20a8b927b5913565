/* Memory protection: mprotect and its PROT_ flags, with Linux's values. rvshm has no mmap:
 * memory comes from the program's image, brk and shmat, and mprotect changes any of it a page
 * at a time (kernel/mm/mprotect.c). */
#pragma once

#include <stddef.h>

#define PROT_NONE 0x0
#define PROT_READ 0x1
#define PROT_WRITE 0x2
#define PROT_EXEC 0x4
#define PROT_SEM 0x8 /* atomic operations may be used: they always may here, so it is ignored */
#define PROT_GROWSDOWN 0x01000000 /* no mapping grows in rvshm: EINVAL */
#define PROT_GROWSUP 0x02000000

#ifndef __KERNEL__
/* Give the pages of [addr, addr + len) the protection prot. addr must be page-aligned; len is
 * rounded up to pages. A page may never be writable and executable at once, nor become
 * executable (EACCES), as on Linux under PR_SET_MDWE_REFUSE_EXEC_GAIN. */
int mprotect(void *addr, size_t len, int prot);
#endif
