/* The per-process side of shared memory: the window's VA allocator and its attachments. */
#include "errno.h"
#include "kernel.h"
#include "lib/string.h"
#include "mm/pgalloc.h"
#include "riscv.h"
#include "rtc.h"
#include "shm.h"
#include "task.h"

int shm_group_init(struct shm_group_s *g)
{
	if (g->va_bitmap)
		return 0;
	size_t bytes = gran_bitmap_words(SHM_WINDOW_PAGES) * sizeof(uint64_t);
	size_t pages = PGROUNDUP(bytes) / PGSIZE;
	uint64_t *bitmap = (uint64_t *)mm_pgalloc((unsigned)pages);
	if (!bitmap)
		return -ENOMEM;
	gran_initialize(&g->va, CONFIG_ARCH_SHM_VBASE, SHM_WINDOW_PAGES, PGSHIFT, bitmap);
	g->va_bitmap = bitmap;
	g->bitmap_pages = pages;
	return 0;
}

void shm_group_release(struct task_group_s *t)
{
	struct shm_group_s *g = &t->shm;
	for (int i = 0; i < SHM_MAX_ATTACH; i++)
		if (g->attach[i].va != 0)
			shm_detach(t, &g->attach[i]);
	if (g->va_bitmap)
		mm_pgfree((uintptr_t)g->va_bitmap, (unsigned)g->bitmap_pages);
	g->va_bitmap = NULL;
}

/* Give child's pages of attachment a the permissions mprotect gave the parent's, a run of
 * pages with the same ones at a time. Caller holds the lock. */
static void copy_protections(const struct task_group_s *parent, struct task_group_s *child,
			     const struct shm_attach_s *a)
{
	const uint64_t bits = PTE_R | PTE_W | PTE_X | PTE_U;
	uintptr_t end = a->va + a->npages * PGSIZE;
	for (uintptr_t va = a->va; va < end;) {
		pte_t perm = vm_lookup(parent->addrenv.pagetable, va) & bits;
		uintptr_t run = va + PGSIZE;
		while (run < end && (vm_lookup(parent->addrenv.pagetable, run) & bits) == perm)
			run += PGSIZE;
		if (perm) /* not mapped in the parent (lazy): the child maps it at a touch, too */
			vm_protect(&child->addrenv, va, (run - va) / PGSIZE, perm);
		va = run;
	}
}

int shm_group_fork(struct task_group_s *parent, struct task_group_s *child)
{
	struct shm_group_s *pg = &parent->shm, *cg = &child->shm;
	if (!pg->va_bitmap)
		return 0; /* the parent never attached anything */
	if (shm_group_init(cg) != 0)
		return -ENOMEM;
	memcpy(cg->va_bitmap, pg->va_bitmap, pg->bitmap_pages * PGSIZE);
	cg->va.nfree = pg->va.nfree;
	cg->va.top = pg->va.top;
	spin_lock(&g_shminfo.lock);
	for (int i = 0; i < SHM_MAX_ATTACH; i++) {
		const struct shm_attach_s *a = &pg->attach[i];
		if (a->va == 0)
			continue;
		struct shm_region_s *r = a->region;
		if (shm_map_frames(&child->addrenv, a, r) != 0) {
			spin_unlock(&g_shminfo.lock);
			return -ENOMEM; /* shm_group_release detaches what was copied so far */
		}
		if (a->protected)
			copy_protections(parent, child, a);
		cg->attach[i] = *a;
		r->ds.shm_nattch++;
		r->ds.shm_atime = (time_t)rtc_seconds();
		r->ds.shm_lpid = parent->pid; /* as on Linux: the parent's fork made the attach */
		narrate("fork: pid %d inherits shmid %d at 0x%lx from pid %d\n", child->pid,
			a->shmid, a->va, parent->pid);
	}
	spin_unlock(&g_shminfo.lock);
	return 0;
}
