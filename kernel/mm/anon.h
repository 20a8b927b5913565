/*
 * Anonymous memory: pages no file or segment backs, which start as zeros. rvshm backs two such
 * ranges at first touch, as Linux does: the stacks below their first pages (mm/ustack.h),
 * and a program's .bss beyond the last page that holds file data (kernel/elf.c). A large
 * untouched .bss, or a stack that never grows, costs no frame.
 */
#pragma once

#include <stdint.h>

struct task_group_s;

/* The anonymous range va lies in, by the name the narration gives it ("stack", "bss"), or
 * NULL. Caller holds g's vm_lock (the stack slots change under it). */
const char *anon_area(const struct task_group_s *g, uintptr_t va);

/* Map a fresh zeroed frame, read and write, at page in g: what a first touch does. Returns
 * 0, -EEXIST if something is mapped there already, or -ENOMEM. Caller holds g's vm_lock. */
int anon_back_page(struct task_group_s *g, uintptr_t page);

/* A first touch of va, an access of kind access (PTE_R, PTE_W or PTE_X), in one of g's
 * stacks or its .bss: map a fresh zeroed frame there. Returns 0; -EFAULT if va lies in none
 * (or access is PTE_X); -EEXIST if the page is mapped already; -ENOMEM if no page is free. */
int anon_fault(struct task_group_s *g, uintptr_t va, uint64_t access);
