/*
 * Page accounting. Each page of the pool is in exactly one of these places:
 *   free                    in the allocator's bitmap
 *   the kernel's own        its page table, made at boot
 *   a segment's             frames and the page list of every live segment
 *   a process's             kernel stack, page-table pages, private frames, window bitmap
 * audit_pages() adds them up after every process exit in test and debug builds. A page
 * counted nowhere is a leak; a page counted twice is a double owner. Either is a bug.
 */
#include "audit.h"

#include "kernel.h"
#include "mm/pgalloc.h"
#include "shm/shm.h"
#include "task.h"

static size_t kernel_pages;

void audit_record_boot(void)
{
	struct pginfo_s info;
	mm_pginfo(&info);
	kernel_pages = info.ntotal - info.nfree;
}

/* Page-table pages and private frames under a user table at level covering base. Frames
 * in the shared-memory window belong to segments and are not counted here. */
static size_t table_pages(const pte_t *table, int level, uintptr_t base)
{
	size_t n = 1;
	for (int i = 0; i < PTES_PER_TABLE; i++) {
		uintptr_t va = base + ((uintptr_t)i << VPN_SHIFT(level));
		if (!(table[i] & PTE_V))
			continue;
		if (level > 0)
			n += table_pages((const pte_t *)PTE_TO_PA(table[i]), level - 1, va);
		else if (va < CONFIG_ARCH_SHM_VBASE || va >= SHM_WINDOW_END)
			n++;
	}
	return n;
}

/* Every page task t holds. */
static size_t task_pages(const struct task_group_s *t)
{
	size_t n = t->kstack ? KSTACK_PAGES : 0;
	if (t->pagetable) {
		n++; /* the root; its kernel half points at the kernel's tables */
		for (uintptr_t i = 0; i < VPN(USER_TOP - 1, 2) + 1; i++)
			if (t->pagetable[i] & PTE_V)
				n += table_pages((const pte_t *)PTE_TO_PA(t->pagetable[i]), 1,
						 i << VPN_SHIFT(2));
	}
	return n + (t->shm.va_bitmap ? t->shm.bitmap_pages : 0);
}

void audit_pages(void)
{
	if (!kernel_audit)
		return;
	KASSERT(spin_holding(&task_lock));
	size_t in_tasks = 0, in_segments = shm_held_pages(NULL);
	for (int i = 0; i < CONFIG_NPROC; i++)
		if (tasks[i].state != TASK_UNUSED)
			in_tasks += task_pages(&tasks[i]);
	struct pginfo_s info;
	mm_pginfo(&info);
	size_t sum = info.nfree + kernel_pages + in_segments + in_tasks;
	if (sum != info.ntotal)
		panic("audit: free %zu + kernel %zu + segments %zu + processes %zu = %zu, "
		      "but the pool has %zu pages",
		      info.nfree, kernel_pages, in_segments, in_tasks, sum, info.ntotal);
}
