/* Pictures of page tables, for the narration and for vmprint(). */
#pragma once

#include <stdint.h>

#include "vm.h"

/* Room for pte_bits' text: eight letters, seven spaces and the NUL. */
#define PTE_BITS_LEN 16

/* Write pte's flag bits as "V R W X U G A D", with '-' for each bit clear, into buf. */
void pte_bits(pte_t pte, char buf[PTE_BITS_LEN]);

/* Print, once, what the letters of pte_bits mean and which the kernel sets itself. */
void pte_legend(void);

/* Print the Sv39 walk for va in pt: each level's table, index and entry, down to the frame.
 * who names the process in the heading. */
void vm_print_walk(pagetable_t pt, uintptr_t va, int pid, const char *who);

struct task_group_s;

/* Print the user half of t's page table as runs of pages with the same permissions, named
 * after the part of the memory map each lies in (text, heap, stack, shared memory, ...), and
 * the ranges backed at first touch. */
void vm_print_map(const struct task_group_s *t);
