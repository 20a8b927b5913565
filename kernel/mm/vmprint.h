/* Pictures of page tables, for the narration and for vmprint(). */
#pragma once

#include <stdint.h>

#include "vm.h"

/* Write pte's permission bits as "V R W X U" with '-' for each bit clear, into buf[10]. */
void pte_bits(pte_t pte, char buf[10]);

/* Print the Sv39 walk for va in pt: each level's table, index and entry, down to the frame.
 * who names the process in the heading. */
void vm_print_walk(pagetable_t pt, uintptr_t va, int pid, const char *who);

struct task_group_s;

/* Print the user half of t's page table as runs of pages with the same permissions, named
 * after the part of the memory map each lies in (text, heap, stack, shared memory, ...), and
 * the ranges backed at first touch. */
void vm_print_map(const struct task_group_s *t);
