/* shmat: attach a segment in the caller's shared-memory window. */
#include "errno.h"
#include "kernel.h"
#include "riscv.h"
#include "rlimit.h"
#include "rtc.h"
#include "shm.h"
#include "shm_picture.h"
#include "syscall.h"
#include "task.h"

/* A free attachment slot of g, or NULL. */
static struct shm_attach_s *free_attach_slot(struct shm_group_s *g)
{
	for (int i = 0; i < SHM_MAX_ATTACH; i++)
		if (g->attach[i].va == 0)
			return &g->attach[i];
	return NULL;
}

/* Choose where npages go: anywhere free, or, if fixed, exactly at addr. Reserves the range in
 * the window allocator. Returns the address, or 0 with *err set: -ENOMEM when the window has
 * no hole that large, -EINVAL for a fixed range outside the window or over an attachment. */
static uintptr_t place(struct shm_group_s *g, int fixed, uintptr_t addr, size_t npages, int *err)
{
	size_t len = npages * PGSIZE;
	if (!fixed) {
		uintptr_t va = gran_alloc(&g->va, len);
		*err = va ? 0 : -ENOMEM;
		return va;
	}
	*err = -EINVAL;
	if (addr < CONFIG_ARCH_SHM_VBASE || addr >= SHM_WINDOW_END || len > SHM_WINDOW_END - addr)
		return 0;
	if (gran_reserve(&g->va, addr, len) != 0)
		return 0;
	*err = 0;
	return addr;
}

int shm_map_frames(struct addrenv_s *env, const struct shm_attach_s *a,
		   const struct shm_region_s *r)
{
	if (r->nframes == r->npages) /* fully backed, as eager segments always are */
		return vm_map_pages(env, a->va, r->pages, a->npages, shm_attach_perm(a));
	/* Map each run of backed pages with one call. */
	for (size_t i = 0; i < a->npages;) {
		size_t run = 0;
		while (i + run < a->npages && r->pages[i + run])
			run++;
		if (run && vm_map_pages(env, a->va + i * PGSIZE, &r->pages[i], run,
					shm_attach_perm(a)) != 0) {
			vm_unmap(env, a->va, i, 0);
			return -ENOMEM;
		}
		i += run ? run : 1;
	}
	return 0;
}

/* Print one record per mapped page; tools read these lines. */
static void narrate_attach(const struct task_group_s *t, const struct shm_attach_s *a,
			   const struct shm_region_s *r)
{
	if (!kernel_verbose)
		return;
	for (size_t i = 0; i < a->npages; i++)
		if (r->pages[i] && !CONFIG_MM_SHM_LAZY)
			narrate("shmat: pid %d shmid %d va 0x%lx -> pa 0x%lx (%s) hart %lu\n",
				t->pid, a->shmid, a->va + i * PGSIZE, r->pages[i],
				a->rdonly ? "R--U" : "RW-U", cpu_index());
	if (CONFIG_MM_SHM_LAZY)
		narrate("shmat: pid %d shmid %d va 0x%lx: %zu page(s) reserved, none mapped "
			"until touched, hart %lu\n",
			t->pid, a->shmid, a->va, a->npages, cpu_index());
}

/* May t's address space grow by more bytes within its lowered RLIMIT_AS? Its heap and stacks
 * count too, which change under its vm_lock. Caller holds the shm lock. */
static int as_allows(struct task_group_s *t, size_t more)
{
	spin_lock(&t->vm_lock);
	int ok = rlimit_as_allows(t, more);
	spin_unlock(&t->vm_lock);
	return ok;
}

/* Check shmat's arguments, in Linux's order (docs/shmat-path.md): first what needs no
 * segment, then the segment and the caller's right to it, then room for it. Returns the
 * address chosen, with the segment's region in *rp and a free attachment slot in *ap, or 0 with
 * *err set. Caller holds the lock. */
static uintptr_t check_and_place(struct task_group_s *t, int shmid, uintptr_t addr, int shmflg,
				 struct shm_region_s **rp, struct shm_attach_s **ap, int *err)
{
	struct shm_group_s *g = &t->shm;
	int fixed = addr != 0;
	if (fixed && (shmflg & SHM_RND))
		addr &= ~(uintptr_t)(SHMLBA - 1);
	*err = -EINVAL;
	if (shmid < 0 || (!fixed && (shmflg & SHM_REMAP)) || addr % SHMLBA != 0)
		return 0;
	struct shm_region_s *r = *rp = shm_lookup(shmid);
	int rdonly = (shmflg & SHM_RDONLY) != 0;
	if (!r)
		return 0;
	*err = -EACCES;
	if (!shm_permitted(&r->ds.shm_perm, &t->cred, rdonly ? 0444 : 0666))
		return 0;
	*err = -EMFILE;
	if (!(*ap = free_attach_slot(g)))
		return 0;
	*err = -ENOMEM;
	if (rlimit_as_lowered(t) && !as_allows(t, r->npages * PGSIZE))
		return 0;
	if ((*err = shm_group_init(g)) != 0)
		return 0;
	return place(g, fixed, addr, r->npages, err);
}

long sys_shmat(int shmid, uintptr_t addr, int shmflg)
{
	struct task_group_s *t = this_group();
	struct shm_group_s *g = &t->shm;
	int rdonly = (shmflg & SHM_RDONLY) != 0;
	struct shm_region_s *r;
	struct shm_attach_s *a;
	int err;
	spin_lock(&g_shminfo.lock);
	uintptr_t va = check_and_place(t, shmid, addr, shmflg, &r, &a, &err);
	if (!va) {
		spin_unlock(&g_shminfo.lock);
		return err;
	}
	*a = (struct shm_attach_s){ va, r->npages, shmid, rdonly, 0, r };
	/* Eager backing maps every frame now; lazy backing maps each at its first touch. */
	if (!CONFIG_MM_SHM_LAZY && shm_map_frames(&t->addrenv, a, r) != 0) {
		gran_free(&g->va, va, r->npages * PGSIZE);
		*a = (struct shm_attach_s){ 0 };
		spin_unlock(&g_shminfo.lock);
		return -ENOMEM;
	}
	if (!CONFIG_MM_SHM_LAZY)
		sfence_vma_all(); /* one fence for the whole batch, not one per page */
	r->ds.shm_nattch++;
	r->ds.shm_atime = (time_t)rtc_seconds();
	r->ds.shm_lpid = t->pid;
	narrate_attach(t, a, r);
	if (kernel_verbose)
		shm_picture(r);
	spin_unlock(&g_shminfo.lock);
	return (long)va;
}
