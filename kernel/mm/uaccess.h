/*
 * The kernel's only way to touch user memory. Each user page is checked in the process's own
 * page table (present, PTE_U, writable for a copy-out) and then reached through the kernel's
 * VA == PA map of RAM, so the kernel never dereferences a user pointer and never needs SUM.
 */
#pragma once

#include <stddef.h>
#include <stdint.h>

/* Copy n bytes from user address usrc to dst. Returns 0, or -EFAULT with nothing copied if
 * any byte is not readable user memory (NULL, unmapped, kernel, wrapping ranges). */
int copyin(void *dst, uintptr_t usrc, size_t n);

/* Copy n bytes from src to user address udst. Returns 0, or -EFAULT with nothing written if
 * any byte is not writable user memory. */
int copyout(uintptr_t udst, const void *src, size_t n);
