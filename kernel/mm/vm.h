/*
 * Sv39 page tables. A virtual address splits into three 9-bit indices and a 12-bit offset:
 *
 *   38        30 29        21 20        12 11           0
 *   | VPN[2]    | VPN[1]     | VPN[0]     | page offset  |
 *
 * VPN[2] picks a PTE in the root table, which points to a second table; VPN[1] picks a PTE
 * there, pointing to a third; VPN[0] picks the leaf PTE, which holds the frame's number.
 * Every edit of a page table in rvshm goes through vm_walk(). Tables live in RAM, which the
 * kernel maps at VA == PA, so a table's physical address is also its kernel address.
 *
 * A walk may end early. A valid PTE with R, W or X set is a leaf wherever it sits: at level 1
 * it maps a whole 2 MiB (a huge page, 512 frames in a row, starting on a 2 MiB boundary), and
 * VPN[0] becomes part of the offset into it:
 *
 *   38        30 29        21 20                          0
 *   | VPN[2]    | VPN[1]     | offset into the 2 MiB page |
 *
 * rvshm puts such leaves only in the shared-memory window, for SHM_HUGETLB segments.
 */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "riscv.h"

typedef uint64_t pte_t;
typedef pte_t *pagetable_t;

#define PTE_V (1UL << 0)
#define PTE_R (1UL << 1)
#define PTE_W (1UL << 2)
#define PTE_X (1UL << 3)
#define PTE_U (1UL << 4)
#define PTE_G (1UL << 5)
#define PTE_A (1UL << 6)
#define PTE_D (1UL << 7)
#define PTE_FLAGS 0xffUL /* the eight bits above, V to D */

#define PTE_TO_PA(pte) (((pte) >> 10) << 12)
#define PA_TO_PTE(pa) (((uintptr_t)(pa) >> 12) << 10)
#define VPN_SHIFT(level) (12 + 9 * (level))
#define VPN(va, level) (((uintptr_t)(va) >> VPN_SHIFT(level)) & 0x1ff)
#define PTES_PER_TABLE 512
#define PTE_LEAF (PTE_R | PTE_W | PTE_X) /* a valid PTE with none of these points to a table */

/* Leaf old with its permissions (of PTE_R, PTE_W, PTE_X and PTE_U) made perm. D goes with W,
 * pre-set as a new leaf's is. */
static inline pte_t pte_with_perm(pte_t old, uint64_t perm)
{
	const pte_t bits = PTE_R | PTE_W | PTE_X | PTE_U | PTE_D;
	return (old & ~bits) | perm | (perm & PTE_W ? PTE_D : 0);
}

/* The levels where rvshm's leaves sit, and what one leaf maps: 4 KiB, 2 MiB (1 GiB at 2). */
#define PAGE_LEVEL 0
#define HUGE_LEVEL 1
#define LEVEL_SIZE(level) (1UL << VPN_SHIFT(level))

/*
 * An address environment (NuttX's name): a process's page table, and the harts that have it
 * in satp now. A hart that has it loaded may hold its translations in its TLB, so whoever
 * takes a mapping away (unmaps, or makes it less permissive) must fence those harts too
 * before the page goes to anyone else: a TLB shootdown (kernel/mm/tlb.c). A hart leaves the
 * set only after a full flush, when it loads another page table.
 *
 * The rule of this API: what only reads a page table takes the pagetable_t; what changes one
 * takes the address environment, since it may have to fence other harts.
 */
struct addrenv_s {
	pagetable_t pagetable;
	unsigned long harts; /* cpu indexes (bit i: cpus[i]) with this table in satp; atomic */
	int pid;             /* whose it is, for the narration; 0 for the kernel's */
	int satp_shown;      /* the narration has shown its satp value; atomic */
};

/* The one page-table walk: the PTE slot for va at level *level (2 = root, 0 = where 4 KiB
 * leaves sit). A leaf above *level maps va already: the walk ends there, and *level says
 * where. With alloc, missing tables are allocated (zeroed). Returns NULL if a table could not
 * be allocated, or is missing: then *level is the level of the empty entry, so that nothing
 * is mapped in the LEVEL_SIZE(*level) around va. va must be canonical: the walk reads only its
 * bits 38..12, so a user address is checked against USER_TOP before it comes here. */
pte_t *vm_walk(pagetable_t pt, uintptr_t va, int *level, int alloc);

/* Map [va, va + size) to [pa, pa + size) in 4 KiB pages with PTE flags perm. Returns 0, or
 * -ENOMEM with nothing mapped if a page-table page can't be had. */
int vm_map_range(struct addrenv_s *env, uintptr_t va, uintptr_t pa, size_t size, uint64_t perm);

/* Map n leaves at level (PAGE_LEVEL or HUGE_LEVEL) from va in env, the i-th to the frames at
 * pages[i], with PTE flags perm; va and each frame are aligned to LEVEL_SIZE(level).
 * Returns 0, or -ENOMEM with nothing mapped if a page-table page can't be had. */
int vm_map_pages(struct addrenv_s *env, uintptr_t va, const uintptr_t *pages, size_t n, int level,
		 uint64_t perm);

/* Map the frames at pa with one leaf at level over va's LEVEL_SIZE(level), with PTE flags perm,
 * unless va is mapped already. Returns 0, -EEXIST (nothing changes), or -ENOMEM. The page
 * fault's one-walk way to map. */
int vm_map_missing(struct addrenv_s *env, uintptr_t va, uintptr_t pa, int level, uint64_t perm);

/* Unmap npages user pages from va (unmapped ones are skipped; a 2 MiB leaf goes whole, and
 * the range must hold all of it), and free the page-table pages left empty. With free_frames,
 * the frames go back to the page pool too (4 KiB leaves only: a 2 MiB leaf's frames are a
 * segment's). Every hart that may hold one of the translations is fenced (this one, and by
 * shootdown the others) before any page is freed. */
void vm_unmap(struct addrenv_s *env, uintptr_t va, size_t npages, int free_frames);

/* Give every mapped page of the npages from va in env the permissions perm (of PTE_R, PTE_W,
 * PTE_X and PTE_U), keeping its frame; unmapped pages are skipped. A page that loses one is
 * fenced on every hart that may hold it (this one, and by shootdown the others) before this
 * returns; one that gains only may fault once more on another hart, which then finds the new
 * PTE and fences itself (a spurious fault, kernel/trap.c). */
void vm_protect(struct addrenv_s *env, uintptr_t va, size_t npages, uint64_t perm);

/* The PTE that maps va's 4 KiB page, or 0 if none. Under a 2 MiB leaf, that is the leaf
 * with its frame number moved on to va's page: the PTE a 4 KiB leaf there would hold. */
pte_t vm_lookup(pagetable_t pt, uintptr_t va);

/* Give env a new page table: the kernel's mappings and nothing of the user half. Returns 0,
 * or -ENOMEM if no page is free. */
int vm_create(struct addrenv_s *env, int pid);

/* Free every user page, every user page-table page, and the root. Shared-memory mappings
 * must be detached first (their frames are not the process's to free), and no hart may have
 * the table loaded. */
void vm_destroy(struct addrenv_s *env);

/* Copy every user page mapped in from into fresh frames mapped at the same addresses with
 * the same permissions in to, except pages in [skip_start, skip_end). Returns 0, or -ENOMEM
 * (what was copied stays mapped in to, for the caller's vm_destroy). */
int vm_copy(pagetable_t from, struct addrenv_s *to, uintptr_t skip_start, uintptr_t skip_end);

/* Build the kernel page table and turn paging on. ram_end is where RAM stops. */
void kvm_init(uintptr_t ram_end);

/* The kernel's address environment: its page table is the kernel half of every other. */
extern struct addrenv_s kernel_addrenv;
