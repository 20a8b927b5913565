/*
 * Anonymous memory: pages no file or segment backs, which start as zeros. rvshm backs two such
 * ranges at first touch, as Linux does: the stack below its first pages (down to USTACK_LIMIT),
 * and a program's .bss beyond the last page that holds file data (kernel/elf.c). A large
 * untouched .bss, or a stack that never grows, costs no frame.
 */
#pragma once

#include <stdint.h>

struct task_group_s;

/* A first touch of va, an access of kind access (PTE_R, PTE_W or PTE_X), in t's stack or
 * .bss: map a fresh zeroed frame there. Returns 0; -EFAULT if va lies in neither (or access
 * is PTE_X); -EEXIST if the page is mapped already; -ENOMEM if no page is free. */
int anon_fault(struct task_group_s *t, uintptr_t va, uint64_t access);
