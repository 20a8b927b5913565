/* shmdt, and shm_detach: the one path by which an attachment ends. */
#include "errno.h"
#include "kernel.h"
#include "rtc.h"
#include "shm.h"
#include "syscall.h"
#include "task.h"

void shm_detach_locked(struct task_group_s *t, struct shm_attach_s *a)
{
	KASSERT(spin_holding(&g_shminfo.lock));
	struct shm_region_s *r = a->region;         /* alive: our attachment counts in its nattch */
	vm_unmap(&t->addrenv, a->va, a->npages, 0); /* fences every hart; frames stay */
	if (gran_free(&t->shm.va, a->va, a->npages * PGSIZE) != 0)
		panic("shm_detach: window range 0x%lx not allocated", a->va);
	narrate("shmdt: pid %d shmid %d va 0x%lx: %zu %spage(s) unmapped, frames kept (%lu "
		"attachment(s) left)\n",
		t->pid, a->shmid, a->va, shm_nslots(r), r->level == HUGE_LEVEL ? "huge " : "",
		r->ds.shm_nattch - 1);
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
