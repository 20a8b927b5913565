/* shmdt, and shm_detach: the one path by which an attachment ends. */
#include "errno.h"
#include "kernel.h"
#include "rtc.h"
#include "shm.h"
#include "syscall.h"
#include "task.h"

void shm_detach(struct task_group_s *t, struct shm_attach_s *a)
{
	spin_lock(&g_shminfo.lock);
	struct shm_region_s *r = a->region;         /* alive: our attachment counts in its nattch */
	vm_unmap(&t->addrenv, a->va, a->npages, 0); /* fences every hart; frames stay */
	if (gran_free(&t->shm.va, a->va, a->npages * PGSIZE) != 0)
		panic("shm_detach: window range 0x%lx not allocated", a->va);
	r->ds.shm_nattch--;
	narrate("shmdt: pid %d shmid %d va 0x%lx: %zu page(s) unmapped, frames kept (%lu "
		"attachment(s) left)\n",
		t->pid, a->shmid, a->va, a->npages, r->ds.shm_nattch);
	narrate_pause();
	r->ds.shm_dtime = (time_t)rtc_seconds();
	r->ds.shm_lpid = t->pid;
	if (r->ds.shm_nattch == 0 && (r->flags & SRFLAG_UNLINKED))
		shm_destroy(r);
	*a = (struct shm_attach_s){ 0 }; /* under the lock: shm_picture reads attachments */
	spin_unlock(&g_shminfo.lock);
}

long sys_shmdt(uintptr_t addr)
{
	struct task_group_s *t = this_group();
	/* Only the exact start of an attachment names it. */
	for (int i = 0; i < SHM_MAX_ATTACH; i++) {
		struct shm_attach_s *a = &t->shm.attach[i];
		if (a->va != 0 && a->va == addr) {
			shm_detach(t, a);
			return 0;
		}
	}
	return -EINVAL;
}
