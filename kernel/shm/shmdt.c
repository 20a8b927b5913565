/* shmdt, and shm_detach: the one path by which an attachment ends. */
#include "errno.h"
#include "kernel.h"
#include "rtc.h"
#include "shm.h"
#include "syscall.h"
#include "task.h"

/* Tell what detaching a is about to do: unmap the pages it has mapped (with lazy backing, only
 * those touched), and keep the frames, unless it is the last attachment of a removed
 * segment. The unmapping's own lines follow. */
static void narrate_detach(const struct task_group_s *t, const struct shm_attach_s *a,
			   const struct shm_region_s *r)
{
	size_t mapped = 0;
	for (size_t i = 0; i < shm_nslots(r); i++)
		mapped +=
		    (vm_lookup(t->addrenv.pagetable, a->va + i * shm_frame_size(r)) & PTE_V) != 0;
	unsigned long left = r->ds.shm_nattch - 1;
	char what[64];
	if (left == 0 && (r->flags & SRFLAG_UNLINKED))
		kformat(what, sizeof(what), "; the last attachment of a removed segment");
	else
		kformat(what, sizeof(what), ", frames kept (%lu attachment%s left)", left,
			plural(left));
	kprintf("shmdt: pid %d shmid %d va 0x%lx: %zu %spage%s unmapped%s\n", t->pid, a->shmid,
		a->va, mapped, r->level == HUGE_LEVEL ? "huge " : "", plural(mapped), what);
}

void shm_detach_locked(struct task_group_s *t, struct shm_attach_s *a)
{
	KASSERT(spin_holding(&g_shminfo.lock));
	struct shm_region_s *r = a->region; /* alive: our attachment counts in its nattch */
	if (kernel_verbose)
		narrate_detach(t, a, r);
	vm_unmap(&t->addrenv, a->va, a->npages, 0); /* fences every hart; frames stay */
	if (gran_free(&t->shm.va, a->va, a->npages * PGSIZE) != 0)
		panic("shm_detach: window range 0x%lx not allocated", a->va);
	narrate_pause();
	r->ds.shm_dtime = (time_t)rtc_seconds();
	r->ds.shm_lpid = t->pid;
	*a = (struct shm_attach_s){ 0 }; /* under the lock: shm_picture reads attachments */
	shm_release(r);
}

void shm_detach(struct task_group_s *t, struct shm_attach_s *a)
{
	spin_lock(&g_shminfo.lock);
	shm_detach_locked(t, a);
	spin_unlock(&g_shminfo.lock);
}

long sys_shmdt(uintptr_t addr)
{
	struct task_group_s *t = this_group();
	long err = -EINVAL;
	/* Under the lock, so that two threads detaching one attachment detach it once. Only the
	 * exact start of an attachment names it (of a huge one too, as on Linux). */
	spin_lock(&g_shminfo.lock);
	for (int i = 0; i < SHM_MAX_ATTACH && err; i++) {
		struct shm_attach_s *a = &t->shm.attach[i];
		if (a->va != 0 && a->va == addr) {
			shm_detach_locked(t, a);
			err = 0;
		}
	}
	spin_unlock(&g_shminfo.lock);
	return err;
}
