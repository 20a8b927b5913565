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

/* May a segment go at [addr, addr + len), a fixed range? It must lie in the window and start on
 * a boundary of the segment's frames (2 MiB for huge pages: the leaf maps a 2 MiB-aligned
 * range to 2 MiB-aligned frames). An attachment there is in the way; with remap, only one
 * that lies partly outside the range is. Returns 0 or -EINVAL. */
static int fixed_range_ok(const struct shm_group_s *g, uintptr_t addr, size_t len, size_t align,
			  int remap)
{
	if (addr < CONFIG_ARCH_SHM_VBASE || addr >= SHM_WINDOW_END || len > SHM_WINDOW_END - addr ||
	    addr % align != 0)
		return -EINVAL;
	for (int i = 0; i < SHM_MAX_ATTACH; i++) {
		const struct shm_attach_s *a = &g->attach[i];
		uintptr_t end = a->va + a->npages * PGSIZE;
		if (a->va == 0 || end <= addr || a->va >= addr + len)
			continue; /* no overlap */
		if (!remap || a->va < addr || end > addr + len)
			return -EINVAL;
	}
	return 0;
}

/* Choose where segment r goes: anywhere free (the lowest hole that starts on a boundary of its
 * frames), or, if fixed, exactly at addr; with SHM_REMAP in shmflg, the attachments wholly
 * inside that range are detached first, by the one detach path. Reserves the range in the
 * window allocator. Returns the address, or 0 with *err set, and then nothing has changed:
 * -ENOMEM when the window has no such hole, -EINVAL for a fixed range that can't be had.
 * Caller holds the lock and counts the attachment in r's nattch already, so that replacing
 * one of r's own attachments cannot destroy r. */
static uintptr_t place(struct task_group_s *t, const struct shm_region_s *r, int fixed,
		       uintptr_t addr, int shmflg, int *err)
{
	struct shm_group_s *g = &t->shm;
	size_t len = r->npages * PGSIZE;
	if (!fixed) {
		uintptr_t va = gran_alloc_aligned(&g->va, len, shm_frame_size(r));
		*err = va ? 0 : -ENOMEM;
		return va;
	}
	int remap = (shmflg & SHM_REMAP) != 0;
	if ((*err = fixed_range_ok(g, addr, len, shm_frame_size(r), remap)) != 0)
		return 0;
	for (int i = 0; remap && i < SHM_MAX_ATTACH; i++) {
		struct shm_attach_s *a = &g->attach[i];
		if (a->va >= addr && a->va < addr + len)
			shm_detach_locked(t, a);
	}
	if (gran_reserve(&g->va, addr, len) != 0)
		panic("shmat: window range 0x%lx is taken, but no attachment holds it", addr);
	return addr;
}

int shm_map_frames(struct addrenv_s *env, const struct shm_attach_s *a,
		   const struct shm_region_s *r)
{
	size_t nslots = shm_nslots(r), frame = shm_frame_size(r);
	if (r->nframes == nslots) /* fully backed, as eager segments always are */
		return vm_map_pages(env, a->va, r->frames, nslots, r->level, shm_attach_perm(a));
	/* Map each run of backed frames with one call. */
	for (size_t i = 0; i < nslots;) {
		size_t run = 0;
		while (i + run < nslots && r->frames[i + run])
			run++;
		if (run && vm_map_pages(env, a->va + i * frame, &r->frames[i], run, r->level,
					shm_attach_perm(a)) != 0) {
			vm_unmap(env, a->va, i * frame / PGSIZE, 0);
			return -ENOMEM;
		}
		i += run ? run : 1;
	}
	return 0;
}

/* Print one record per leaf mapped, a page or a huge page (tools read these lines), and where
 * the address came from: the caller, or the window's allocator. */
static void narrate_attach(const struct task_group_s *t, const struct shm_attach_s *a,
			   const struct shm_region_s *r, int fixed)
{
	if (!kernel_verbose)
		return;
	const char *huge = r->level == HUGE_LEVEL ? "huge " : "";
	for (size_t i = 0; i < shm_nslots(r); i++)
		if (r->frames[i] && !CONFIG_MM_SHM_LAZY)
			narrate("shmat: pid %d shmid %d va 0x%lx -> pa 0x%lx (%s)%s hart %lu\n",
				t->pid, a->shmid, a->va + i * shm_frame_size(r), r->frames[i],
				a->rdonly ? "R--U" : "RW-U", *huge ? " 2 MiB leaf" : "",
				cpu_index());
	if (CONFIG_MM_SHM_LAZY)
		narrate("shmat: pid %d shmid %d va 0x%lx: %zu %spage%s reserved, none mapped "
			"until touched, hart %lu\n",
			t->pid, a->shmid, a->va, shm_nslots(r), huge, plural(shm_nslots(r)),
			cpu_index());
	if (fixed)
		narrate("  va 0x%lx: the address pid %d asked for\n", a->va, t->pid);
	else
		narrate(
		    "  va 0x%lx: pid %d passed NULL, so shmat took the lowest free range of its "
		    "window\n",
		    a->va, t->pid);
}

/* Check what shmat's arguments alone can tell, then the segment, the caller's right to it and
 * room to record it, in Linux's order (docs/shmat-path.md). Returns 0, with the segment's region
 * in *rp and a free attachment slot in *ap, or a negative errno; nothing has changed either
 * way but the window's allocator, which exists from now on. Caller holds the lock. */
/* May t's address space grow by more bytes within its lowered RLIMIT_AS? Its heap and stacks
 * count too, which change under its vm_lock. Caller holds the shm lock. */
static int as_allows(struct task_group_s *t, size_t more)
{
	spin_lock(&t->vm_lock);
	int ok = rlimit_as_allows(t, more);
	spin_unlock(&t->vm_lock);
	return ok;
}

static int check(struct task_group_s *t, int shmid, int fixed, uintptr_t addr, int shmflg,
		 struct shm_region_s **rp, struct shm_attach_s **ap)
{
	struct shm_group_s *g = &t->shm;
	if (shmid < 0 || (!fixed && (shmflg & SHM_REMAP)) || addr % SHMLBA != 0)
		return -EINVAL;
	struct shm_region_s *r = *rp = shm_lookup(shmid);
	int rdonly = (shmflg & SHM_RDONLY) != 0;
	if (!r)
		return -EINVAL;
	if (!shm_permitted(&r->ds.shm_perm, &t->cred, rdonly ? 0444 : 0666))
		return -EACCES;
	if (!(*ap = free_attach_slot(g)))
		return -EMFILE;
	if (rlimit_as_lowered(t) && !as_allows(t, r->npages * PGSIZE))
		return -ENOMEM;
	return shm_group_init(g);
}

long sys_shmat(int shmid, uintptr_t addr, int shmflg)
{
	struct task_group_s *t = this_group();
	struct shm_group_s *g = &t->shm;
	int rdonly = (shmflg & SHM_RDONLY) != 0;
	struct shm_region_s *r;
	struct shm_attach_s *a;
	int fixed = addr != 0; /* and stays so if SHM_RND rounds it down to 0 */
	if (fixed && (shmflg & SHM_RND))
		addr &= ~(uintptr_t)(SHMLBA - 1);
	spin_lock(&g_shminfo.lock);
	int err = check(t, shmid, fixed, addr, shmflg, &r, &a);
	if (err) {
		spin_unlock(&g_shminfo.lock);
		return err;
	}
	/* The attachment counts from here, as on Linux: should SHM_REMAP replace the segment's
	 * last other attachment, the segment stays. */
	r->ds.shm_nattch++;
	uintptr_t va = place(t, r, fixed, addr, shmflg, &err);
	if (va) {
		*a = (struct shm_attach_s){ va, r->npages, shmid, rdonly, 0, r };
		/* Eager backing maps every frame now; lazy backing maps each at its first touch. */
		if (!CONFIG_MM_SHM_LAZY && shm_map_frames(&t->addrenv, a, r) != 0) {
			gran_free(&g->va, va, r->npages * PGSIZE);
			*a = (struct shm_attach_s){ 0 };
			va = 0, err = -ENOMEM;
		}
	}
	if (!va) {
		shm_release(r); /* destroys r if IPC_RMID was done and SHM_REMAP took its last */
		spin_unlock(&g_shminfo.lock);
		return err;
	}
	if (!CONFIG_MM_SHM_LAZY)
		sfence_vma_all(); /* one fence for the whole batch, not one per page */
	r->ds.shm_atime = (time_t)rtc_seconds();
	r->ds.shm_lpid = t->pid;
	narrate_attach(t, a, r, fixed);
	if (kernel_verbose)
		shm_picture(r);
	spin_unlock(&g_shminfo.lock);
	return (long)va;
}
