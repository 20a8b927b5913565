/*
 * The shared-memory page fault: demand paging for shared frames. With lazy backing a segment
 * starts with no frames and shmat maps nothing; the first load or store to a page faults
 * here. The first process to touch a page allocates its frame, zeroed, into the segment's
 * page list; every later attacher faults onto that same frame. A huge segment's first touch
 * takes a whole huge page: 2 MiB of frames in a row, zeroed, mapped by one leaf.
 */
#include "errno.h"
#include "kernel.h"
#include "mm/pgalloc.h"
#include "riscv.h"
#include "shm.h"
#include "task.h"

struct shm_attach_s *shm_find_attachment(struct task_group_s *t, uintptr_t va)
{
	for (int i = 0; i < SHM_MAX_ATTACH; i++) {
		struct shm_attach_s *a = &t->shm.attach[i];
		if (a->va != 0 && va >= a->va && va - a->va < a->npages * PGSIZE)
			return a;
	}
	return NULL;
}

/* Tell of one fault mended. Out of line, to keep the quiet fault path short. */
__attribute__((noinline)) static void narrate_fault(const struct task_group_s *t, uintptr_t va,
						    uintptr_t pa, const char *how, int level)
{
	kprintf("shmfault: pid %d va 0x%lx -> pa 0x%lx (%s)%s\n", t->pid, va, pa, how,
		level == HUGE_LEVEL ? " 2 MiB leaf" : "");
	narrate_pause();
}

/* shm_back_page, inlined into the fault path, which is short on purpose
 * (docs/performance.md). The leaf's start (va's page, or its huge page) goes to *leaf. */
__attribute__((always_inline)) static inline int back_page(struct task_group_s *t,
							   const struct shm_attach_s *a,
							   uintptr_t va, uintptr_t *leaf,
							   const char **how)
{
	struct shm_region_s *r = a->region;
	unsigned shift = VPN_SHIFT(r->level);
	uintptr_t page = *leaf = va >> shift << shift;
	size_t i = (page - a->va) >> shift;
	*how = "existing";
	if (!r->frames[i]) {
		/* zeroed before anyone sees it; a huge page on a 2 MiB boundary */
		uintptr_t frame = mm_pgalloc_aligned(1U << (shift - PGSHIFT), 1UL << shift);
		if (!frame)
			return -ENOMEM;
		r->frames[i] = frame;
		r->nframes++;
		*how = "new";
	}
	return vm_map_missing(&t->addrenv, page, r->frames[i], r->level, shm_attach_perm(a));
}

int shm_back_page(struct task_group_s *t, const struct shm_attach_s *a, uintptr_t page,
		  const char **how)
{
	uintptr_t leaf;
	return back_page(t, a, page, &leaf, how);
}

int shm_fault(struct task_group_s *t, uintptr_t va, uint64_t access)
{
	/* Under the lock: another thread of the process may be detaching this very attachment. */
	spin_lock(&g_shminfo.lock);
	struct shm_attach_s *a = shm_find_attachment(t, va);
	/* Shared memory is never executable, and SHM_RDONLY means read only. */
	if (!a || access == PTE_X || (access == PTE_W && a->rdonly)) {
		spin_unlock(&g_shminfo.lock);
		return -EFAULT;
	}
	uintptr_t leaf;
	const char *how;
	int err = back_page(t, a, va, &leaf, &how);
	if (err == 0 && kernel_verbose)
		narrate_fault(t, leaf, PTE_TO_PA(vm_lookup(t->addrenv.pagetable, leaf)), how,
			      a->region->level);
	spin_unlock(&g_shminfo.lock);
	/* The hart may have cached the old invalid leaf entry: fence this one address. */
	sfence_vma_page(leaf);
	return err; /* -EEXIST: mapped already, so not a missing page; the caller decides */
}
