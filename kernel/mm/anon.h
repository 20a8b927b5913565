/*
 * Anonymous memory: pages no file or segment backs, which start as zeros. rvshm backs two such
 * ranges at first touch, as Linux does: the stacks below their first pages (mm/ustack.h),
 * and a program's .bss beyond the last page that holds file data (kernel/elf.c). A large
 * untouched .bss, or a stack that never grows, costs no frame.
 */
#pragma once

#include <stdint.h>

struct task_group_s;

/* A first touch of va, an access of kind access (PTE_R, PTE_W or PTE_X), in one of g's
 * stacks or its .bss: map a fresh zeroed frame there. Returns 0; -EFAULT if va lies in none
 * (or access is PTE_X); -EEXIST if the page is mapped already; -ENOMEM if no page is free. */
int anon_fault(struct task_group_s *g, uintptr_t va, uint64_t access);
