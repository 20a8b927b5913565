/* shmctl: IPC_STAT, IPC_SET and IPC_RMID. */
#include "errno.h"
#include "kernel.h"
#include "mm/uaccess.h"
#include "rtc.h"
#include "shm.h"
#include "syscall.h"
#include "task.h"

/* IPC_STAT: a snapshot of the segment's shmid_ds, copied out after the lock is dropped. */
static long shm_stat(struct task_group_s *t, int shmid, uintptr_t ubuf)
{
	struct shmid_ds ds;
	spin_lock(&g_shminfo.lock);
	struct shm_region_s *r = shm_lookup(shmid);
	long err = !r                                                        ? -EINVAL
		   : !shm_permitted(&r->ds.shm_perm, t->euid, t->egid, 0444) ? -EACCES
									     : 0;
	if (r)
		ds = r->ds;
	spin_unlock(&g_shminfo.lock);
	return err ? err : copyout(ubuf, &ds, sizeof(ds));
}

/* IPC_SET: the owner, creator or root may change uid, gid and the low 9 mode bits. */
static long shm_set(struct task_group_s *t, int shmid, uintptr_t ubuf)
{
	struct shmid_ds in;
	if (copyin(&in, ubuf, sizeof(in)) != 0)
		return -EFAULT;
	spin_lock(&g_shminfo.lock);
	struct shm_region_s *r = shm_lookup(shmid);
	long err = !r ? -EINVAL : !shm_is_owner(&r->ds.shm_perm, t->euid) ? -EPERM : 0;
	if (!err) {
		struct ipc_perm *p = &r->ds.shm_perm;
		p->uid = in.shm_perm.uid;
		p->gid = in.shm_perm.gid;
		p->mode = (p->mode & ~0777U) | (in.shm_perm.mode & 0777);
		r->ds.shm_ctime = (time_t)rtc_seconds();
	}
	spin_unlock(&g_shminfo.lock);
	return err;
}

/* IPC_RMID: destroy now if nobody is attached, else at the last detach. Either way the
 * key is free for a new segment at once. */
static long shm_remove(struct task_group_s *t, int shmid)
{
	spin_lock(&g_shminfo.lock);
	struct shm_region_s *r = shm_lookup(shmid);
	long err = !r ? -EINVAL : !shm_is_owner(&r->ds.shm_perm, t->euid) ? -EPERM : 0;
	if (!err) {
		r->ds.shm_perm.__key = IPC_PRIVATE;
		if (r->ds.shm_nattch == 0) {
			shm_destroy(r);
		} else {
			r->flags |= SRFLAG_UNLINKED;
			r->ds.shm_perm.mode |= SHM_DEST;
			narrate("shmctl: pid %d IPC_RMID shmid %d: %lu attachment(s) remain, "
				"destroyed at the last detach\n",
				t->pid, shmid, r->ds.shm_nattch);
		}
	}
	spin_unlock(&g_shminfo.lock);
	return err;
}

long sys_shmctl(int shmid, int cmd, uintptr_t ubuf)
{
	struct task_group_s *t = this_task();
	switch (cmd) {
	case IPC_STAT:
		return shm_stat(t, shmid, ubuf);
	case IPC_SET:
		return shm_set(t, shmid, ubuf);
	case IPC_RMID:
		return shm_remove(t, shmid);
	default:
		return -EINVAL;
	}
}
