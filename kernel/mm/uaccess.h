/*
 * The kernel's only way to touch user memory. Each user page is checked in the process's own
 * page table (present, PTE_U, writable for a copy-out) and then reached through the kernel's
 * VA == PA map of RAM, so the kernel never dereferences a user pointer and never needs SUM.
 */
#pragma once

#include <stddef.h>
#include <stdint.h>

/* Does [uva, uva + n) lie in the user half (below USER_TOP), as Linux's access_ok asks? An
 * empty range needs only its start there: write(fd, (void *)-4096, 0) is EFAULT, as on Linux. */
int access_ok(uintptr_t uva, size_t n);

/* Copy n bytes from user address usrc to dst. Returns 0, or -EFAULT with nothing copied if
 * any byte is not readable user memory (NULL, unmapped, kernel, wrapping ranges). */
int copyin(void *dst, uintptr_t usrc, size_t n);

/* Copy n bytes from src to user address udst. Returns 0, or -EFAULT with nothing written if
 * any byte is not writable user memory. */
int copyout(uintptr_t udst, const void *src, size_t n);
