/* shmctl: IPC_STAT, IPC_SET and IPC_RMID; and Linux's IPC_INFO, SHM_INFO, SHM_STAT,
 * SHM_STAT_ANY, SHM_LOCK and SHM_UNLOCK, which tools like ipcs use to list every segment. */
#include "errno.h"
#include "kernel.h"
#include "lib/string.h"
#include "mm/pgalloc.h"
#include "mm/uaccess.h"
#include "rtc.h"
#include "shm.h"
#include "syscall.h"
#include "task.h"

/* Copy r's shmid_ds to *ds, checking first, if check_perm, that t may read it. Returns 0,
 * -EINVAL when r holds no segment, or -EACCES. Caller holds the lock. */
static long snapshot(struct task_group_s *t, const struct shm_region_s *r, int check_perm,
		     struct shmid_ds *ds)
{
	if (!r || !(r->flags & SRFLAG_INUSE))
		return -EINVAL;
	if (check_perm && !shm_permitted(&r->ds.shm_perm, &t->cred, 0444))
		return -EACCES;
	*ds = r->ds;
	return 0;
}

/* IPC_STAT: a snapshot of the segment's shmid_ds, copied out after the lock is dropped. */
static long shm_stat(struct task_group_s *t, int shmid, uintptr_t ubuf)
{
	struct shmid_ds ds;
	spin_lock(&g_shminfo.lock);
	long err = snapshot(t, shm_lookup(shmid), 1, &ds);
	spin_unlock(&g_shminfo.lock);
	return err ? err : copyout(ubuf, &ds, sizeof(ds));
}

/* IPC_SET: the owner, creator or root may change uid, gid and the low 9 mode bits. (uid_t)-1
 * names no user, so it is EINVAL as an owner, as on Linux. */
static long shm_set(struct task_group_s *t, int shmid, uintptr_t ubuf)
{
	struct shmid_ds in;
	if (copyin(&in, ubuf, sizeof(in)) != 0)
		return -EFAULT;
	spin_lock(&g_shminfo.lock);
	struct shm_region_s *r = shm_lookup(shmid);
	long err = !r ? -EINVAL : !shm_is_owner(&r->ds.shm_perm, t->cred.euid) ? -EPERM : 0;
	if (!err && (in.shm_perm.uid == (uid_t)-1 || in.shm_perm.gid == (gid_t)-1))
		err = -EINVAL;
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

/* Tell what IPC_RMID does to r, in the order it happens: the key goes at once, the segment
 * when its last attachment does. */
static void narrate_remove(const struct task_group_s *t, const struct shm_region_s *r)
{
	if (!kernel_verbose)
		return;
	unsigned long n = r->ds.shm_nattch;
	char key[48] = "";
	if (r->ds.shm_perm.__key != IPC_PRIVATE)
		kformat(key, sizeof(key), "; key 0x%x is free for a new segment now",
			(unsigned)r->ds.shm_perm.__key);
	char left[80] = "";
	if (n)
		kformat(left, sizeof(left),
			"\n  %lu attachment%s remain%s: the frames stay until "
			"the last shmdt",
			n, plural(n), verb_s(n));
	kprintf("shmctl: pid %d IPC_RMID shmid %d: removed%s%s\n", t->pid, r->id, key, left);
}

/* IPC_RMID: destroy now if nobody is attached, else at the last detach. Either way the
 * key is free for a new segment at once. */
static long shm_remove(struct task_group_s *t, int shmid)
{
	spin_lock(&g_shminfo.lock);
	struct shm_region_s *r = shm_lookup(shmid);
	long err = !r ? -EINVAL : !shm_is_owner(&r->ds.shm_perm, t->cred.euid) ? -EPERM : 0;
	if (!err) {
		narrate_remove(t, r);
		r->ds.shm_perm.__key = IPC_PRIVATE;
		if (r->ds.shm_nattch == 0) {
			shm_destroy(r);
		} else {
			r->flags |= SRFLAG_UNLINKED;
			r->ds.shm_perm.mode |= SHM_DEST;
		}
	}
	spin_unlock(&g_shminfo.lock);
	return err;
}

/* Count what the segments use into *si. Returns the highest slot of the region table in use,
 * or 0: what IPC_INFO and SHM_INFO return, so that a program knows how far to go with
 * SHM_STAT. Takes the lock. */
static int survey(struct shm_info *si)
{
	int top = 0;
	memset(si, 0, sizeof(*si));
	spin_lock(&g_shminfo.lock);
	for (int i = 0; i < CONFIG_ARCH_SHM_MAXREGIONS; i++) {
		const struct shm_region_s *r = &g_shminfo.region[i];
		if (r->flags & SRFLAG_INUSE) {
			top = i;
			si->used_ids++;
			/* Linux counts the size asked for, in pages, even of a huge segment. */
			si->shm_tot += PGROUNDUP(r->ds.shm_segsz) / PGSIZE;
			/* with lazy backing, only the pages touched */
			si->shm_rss += r->nframes * (shm_frame_size(r) / PGSIZE);
		}
	}
	spin_unlock(&g_shminfo.lock);
	return top;
}

/* IPC_INFO: the system's limits, as struct shminfo. Returns survey()'s slot. */
static long shm_limits(uintptr_t ubuf)
{
	struct pginfo_s pool;
	mm_pginfo(&pool);
	struct shminfo si = {
		.shmmax = (unsigned long)CONFIG_ARCH_SHM_NPAGES * PGSIZE,
		.shmmin = 1,
		.shmmni = CONFIG_ARCH_SHM_MAXREGIONS,
		.shmseg = SHM_MAX_ATTACH,
		.shmall = pool.ntotal, /* no limit of its own: the page pool is the limit */
	};
	struct shm_info usage;
	int top = survey(&usage);
	long err = copyout(ubuf, &si, sizeof(si));
	return err ? err : top;
}

/* SHM_INFO: what the segments use now, as struct shm_info. Returns survey()'s slot. */
static long shm_usage(uintptr_t ubuf)
{
	struct shm_info si;
	int top = survey(&si);
	long err = copyout(ubuf, &si, sizeof(si));
	return err ? err : top;
}

/* SHM_STAT and SHM_STAT_ANY: IPC_STAT of the segment in slot index of the region table, with
 * (check_perm) or without the read-permission check. Returns the segment's id. */
static long shm_stat_slot(struct task_group_s *t, int index, uintptr_t ubuf, int check_perm)
{
	if (index >= CONFIG_ARCH_SHM_MAXREGIONS) /* a negative one is refused before */
		return -EINVAL;
	struct shmid_ds ds;
	spin_lock(&g_shminfo.lock);
	const struct shm_region_s *r = &g_shminfo.region[index];
	long err = snapshot(t, r, check_perm, &ds);
	int id = r->id;
	spin_unlock(&g_shminfo.lock);
	if (!err)
		err = copyout(ubuf, &ds, sizeof(ds));
	return err ? err : id;
}

/* SHM_LOCK and SHM_UNLOCK: the owner, creator or root sets or clears SHM_LOCKED. Every page
 * stays in memory anyway, for rvshm never swaps; the flag is kept for IPC_STAT to show. */
static long shm_lock(struct task_group_s *t, int shmid, int lock)
{
	spin_lock(&g_shminfo.lock);
	struct shm_region_s *r = shm_lookup(shmid);
	long err = !r ? -EINVAL : !shm_is_owner(&r->ds.shm_perm, t->cred.euid) ? -EPERM : 0;
	if (!err && lock)
		r->ds.shm_perm.mode |= SHM_LOCKED;
	else if (!err)
		r->ds.shm_perm.mode &= ~(mode_t)SHM_LOCKED;
	spin_unlock(&g_shminfo.lock);
	return err;
}

long sys_shmctl(int shmid, int cmd, uintptr_t ubuf)
{
	struct task_group_s *t = this_group();
	if (cmd < 0 || shmid < 0) /* Linux's first check, before any command's own */
		return -EINVAL;
	switch (cmd) {
	case IPC_STAT:
		return shm_stat(t, shmid, ubuf);
	case IPC_INFO:
		return shm_limits(ubuf);
	case SHM_INFO:
		return shm_usage(ubuf);
	case SHM_STAT:
	case SHM_STAT_ANY:
		return shm_stat_slot(t, shmid, ubuf, cmd == SHM_STAT);
	case SHM_LOCK:
	case SHM_UNLOCK:
		return shm_lock(t, shmid, cmd == SHM_LOCK);
	case IPC_SET:
		return shm_set(t, shmid, ubuf);
	case IPC_RMID:
		return shm_remove(t, shmid);
	default:
		return -EINVAL;
	}
}
