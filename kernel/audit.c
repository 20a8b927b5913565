/*
 * Page accounting. Each page of the pool is in exactly one of these places:
 *   free                    in the allocator's bitmap
 *   the kernel's own        its page table, made at boot
 *   a segment's             frames and the page list of every live segment
 *   a process's             page-table pages, private frames, window bitmap
 *   a thread's              kernel stack
 * audit_pages() adds them up after every thread exit in test and debug builds. A page
 * counted nowhere is a leak; a page counted twice is a double owner. Either is a bug.
 *
 * With several harts, a page may be in flight on another hart, allocated but not yet in
 * the page table it is for. So the audit first stops every other hart at a safe point: a hart
 * takes the stop IPI only with interrupts on, in user mode or idle, and so never in the middle
 * of kernel work. This is the world stopping for a moment, as Linux's stop_machine does it.
 */
#include "audit.h"

#include "kernel.h"
#include "mm/pgalloc.h"
#include "shm/shm.h"
#include "smp.h"
#include "task.h"

static size_t kernel_pages;
static struct spinlock audit_lock = SPINLOCK_INIT("audit");
static int stopped;  /* harts waiting in audit_stop_here; atomic */
static int released; /* the audit is done: stopped harts go on; atomic */

void audit_record_boot(void)
{
	struct pginfo_s info;
	mm_pginfo(&info);
	kernel_pages = info.ntotal - info.nfree;
}

void audit_stop_here(void)
{
	__atomic_fetch_add(&stopped, 1, __ATOMIC_ACQ_REL);
	while (!__atomic_load_n(&released, __ATOMIC_ACQUIRE))
		; /* a few hundred microseconds: the audit reads the tables */
	__atomic_fetch_sub(&stopped, 1, __ATOMIC_ACQ_REL);
}

/* Page-table pages and private frames under a user table at level covering base. Frames
 * in the shared-memory window belong to segments and are not counted here; a leaf above level
 * 0 (a huge page, only ever in the window) is no table to count either. */
static size_t table_pages(const pte_t *table, int level, uintptr_t base)
{
	size_t n = 1;
	for (int i = 0; i < PTES_PER_TABLE; i++) {
		uintptr_t va = base + ((uintptr_t)i << VPN_SHIFT(level));
		if (!(table[i] & PTE_V))
			continue;
		if (!(table[i] & PTE_LEAF))
			n += table_pages((const pte_t *)PTE_TO_PA(table[i]), level - 1, va);
		else if (va < CONFIG_ARCH_SHM_VBASE || va >= SHM_WINDOW_END)
			n += LEVEL_SIZE(level) / PGSIZE;
	}
	return n;
}

/* Every page group g holds. */
static size_t group_pages(const struct task_group_s *g)
{
	size_t n = 0;
	pagetable_t pt = g->addrenv.pagetable;
	if (pt) {
		n++; /* the root; its kernel half points at the kernel's tables */
		for (uintptr_t i = 0; i < VPN(USER_TOP - 1, 2) + 1; i++)
			if (pt[i] & PTE_V)
				n += table_pages((const pte_t *)PTE_TO_PA(pt[i]), 1,
						 i << VPN_SHIFT(2));
	}
	return n + (g->shm.va_bitmap ? g->shm.bitmap_pages : 0);
}

/* Stop every other hart at a safe point. Called holding audit_lock only. */
static void stop_others(void)
{
	int others = 0;
	__atomic_store_n(&released, 0, __ATOMIC_RELEASE);
	for (int i = 0; i < NCPU; i++) {
		if (cpus[i].started && i != (int)cpu_index()) {
			smp_ipi(i, IPI_STOP);
			others++;
		}
	}
	while (__atomic_load_n(&stopped, __ATOMIC_ACQUIRE) < others)
		;
}

/* Let the stopped harts go on, and wait until they have left audit_stop_here, so that the
 * next audit's count starts from none. */
static void release_others(void)
{
	__atomic_store_n(&released, 1, __ATOMIC_RELEASE);
	while (__atomic_load_n(&stopped, __ATOMIC_ACQUIRE) > 0)
		;
}

/* Take audit_lock. Another hart may be auditing and want this one stopped: then stop here,
 * since no lock is held, until it is done. */
static void audit_lock_take(void)
{
	while (!spin_trylock(&audit_lock))
		if (smp_stop_pending())
			audit_stop_here();
}

/* Add up the pages; the world is stopped. */
static void check(void)
{
	size_t in_tasks = 0, in_segments = shm_held_pages(NULL);
	for (int i = 0; i < CONFIG_NPROC; i++)
		if (groups[i].state != GROUP_UNUSED)
			in_tasks += group_pages(&groups[i]);
	for (int i = 0; i < CONFIG_NTHREADS; i++)
		if (threads[i].state != THREAD_UNUSED && threads[i].kstack)
			in_tasks += KSTACK_PAGES;
	struct pginfo_s info;
	mm_pginfo(&info);
	size_t sum = info.nfree + kernel_pages + in_segments + in_tasks;
	if (sum != info.ntotal)
		panic("audit: free %zu + kernel %zu + segments %zu + processes and threads %zu = "
		      "%zu, but the pool has %zu pages",
		      info.nfree, kernel_pages, in_segments, in_tasks, sum, info.ntotal);
}

void audit_pages(void)
{
	if (!kernel_audit)
		return;
	audit_lock_take();
	stop_others();
	check();
	release_others();
	spin_unlock(&audit_lock);
}
