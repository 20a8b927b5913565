/* shmget: find the segment for a key, or create one and back it with zeroed frames (huge pages
 * of 2 MiB for SHM_HUGETLB). */
#include "errno.h"
#include "kernel.h"
#include "lib/string.h"
#include "mm/pgalloc.h"
#include "rtc.h"
#include "shm.h"
#include "syscall.h"
#include "task.h"

#define SHM_MAX_BYTES ((size_t)CONFIG_ARCH_SHM_NPAGES * PGSIZE)

/* The live segment with key, or NULL. Removed segments have lost their key. */
static struct shm_region_s *find_key(key_t key)
{
	for (int i = 0; i < CONFIG_ARCH_SHM_MAXREGIONS; i++) {
		struct shm_region_s *r = &g_shminfo.region[i];
		if ((r->flags & SRFLAG_INUSE) && r->ds.shm_perm.__key == key)
			return r;
	}
	return NULL;
}

static struct shm_region_s *find_free_slot(void)
{
	for (int i = 0; i < CONFIG_ARCH_SHM_MAXREGIONS; i++)
		if (!(g_shminfo.region[i].flags & SRFLAG_INUSE))
			return &g_shminfo.region[i];
	return NULL;
}

/* The Sv39 level of the leaves a new segment gets from shmflg: HUGE_LEVEL for SHM_HUGETLB, if
 * its size bits ask for 2 MiB pages (SHM_HUGE_2MB, or none: the default size), else
 * PAGE_LEVEL. Returns -EINVAL for another huge page size, which rvshm does not have. */
static int leaf_level(int shmflg)
{
	if (!(shmflg & SHM_HUGETLB))
		return PAGE_LEVEL;
	unsigned log2 = ((unsigned)shmflg >> SHM_HUGE_SHIFT) & SHM_HUGE_MASK;
	return log2 == 0 || log2 == VPN_SHIFT(HUGE_LEVEL) ? HUGE_LEVEL : -EINVAL;
}

/* Give r a page list for size bytes in frames of LEVEL_SIZE(level) and, unless backing is
 * lazy, the frames, taken one at a time: they need not be contiguous with each other, but a
 * huge page is 512 pages in a row on a 2 MiB boundary. Returns 0, or -ENOMEM with every page
 * given back. */
static int take_frames(struct shm_region_s *r, size_t size, int level)
{
	size_t frame = LEVEL_SIZE(level), nslots = (size + frame - 1) / frame;
	r->list_pages = PGROUNDUP(nslots * sizeof(uintptr_t)) / PGSIZE;
	r->frames = (uintptr_t *)mm_pgalloc((unsigned)r->list_pages); /* zeroed: no frames yet */
	if (!r->frames)
		return -ENOMEM;
	r->npages = nslots * (frame / PGSIZE);
	r->level = level;
	if (CONFIG_MM_SHM_LAZY)
		return 0; /* frames come one by one, at the first touch of each page */
	for (size_t i = 0; i < nslots; i++) {
		/* zeroed: no process sees old data */
		uintptr_t pa = mm_pgalloc_aligned((unsigned)(frame / PGSIZE), frame);
		if (!pa) {
			shm_destroy(r); /* frees the frames so far and the list */
			return -ENOMEM;
		}
		r->frames[i] = pa;
		r->nframes++;
	}
	return 0;
}

/* Tell the story of a new segment: which frames it took from the pool. */
static void narrate_create(const struct shm_region_s *r, const struct task_group_s *t)
{
	struct pginfo_s info;
	if (!kernel_verbose)
		return;
	mm_pginfo(&info);
	int huge = r->level == HUGE_LEVEL;
	kprintf("shmget: pid %d key 0x%x size %zu%s -> shmid %d, %zu %s%s from the pool (%zu "
		"left)\n",
		t->pid, (unsigned)r->ds.shm_perm.__key, r->ds.shm_segsz, huge ? " huge" : "", r->id,
		r->nframes, huge ? "huge page" : "frame", plural(r->nframes), info.nfree);
	if (!r->nframes) {
		kprintf("  lazy backing: each %s is taken at the first touch of its %spage\n",
			huge ? "2 MiB run of frames" : "frame", huge ? "huge " : "");
	} else {
		char line[100];
		int n = kformat(line, sizeof(line), huge ? "  2 MiB runs:" : "  frames:");
		for (size_t i = 0; i < r->nframes && i < 6; i++)
			n += kformat(line + n, sizeof(line) - n, " 0x%lx", r->frames[i]);
		kprintf("%s%s\n", line, r->nframes > 6 ? " ..." : "");
	}
	narrate_pause();
}

/* Make a new segment for key. Caller holds the lock. Returns its id or a negative errno. */
static int create(key_t key, size_t size, int shmflg)
{
	struct task_group_s *t = this_group();
	int level = leaf_level(shmflg);
	if (size == 0 || size > SHM_MAX_BYTES || level < 0)
		return -EINVAL;
	struct shm_region_s *r = find_free_slot();
	if (!r)
		return -ENOSPC;
	int err = take_frames(r, size, level);
	if (err)
		return err;
	r->flags = SRFLAG_INUSE;
	r->id = shm_make_id(r);
	r->ds = (struct shmid_ds){
		.shm_perm = { .__key = key,
			      .uid = t->cred.euid,
			      .gid = t->cred.egid,
			      .cuid = t->cred.euid,
			      .cgid = t->cred.egid,
			      .mode = (mode_t)shmflg & 0777,
			      .__seq = (unsigned short)r->seq },
		.shm_segsz = size,
		.shm_ctime = (time_t)rtc_seconds(),
		.shm_cpid = t->pid,
	};
	narrate_create(r, t);
	return r->id;
}

long sys_shmget(key_t key, size_t size, int shmflg)
{
	struct task_group_s *t = this_group();
	int ret;
	spin_lock(&g_shminfo.lock);
	struct shm_region_s *r = key == IPC_PRIVATE ? NULL : find_key(key);
	if (!r)
		ret = key == IPC_PRIVATE || (shmflg & IPC_CREAT) ? create(key, size, shmflg)
								 : -ENOENT;
	else if ((shmflg & IPC_CREAT) && (shmflg & IPC_EXCL))
		ret = -EEXIST;
	else if (size > r->ds.shm_segsz)
		ret = -EINVAL;
	else if (!shm_permitted(&r->ds.shm_perm, &t->cred, (mode_t)shmflg & 0777))
		ret = -EACCES;
	else
		ret = r->id;
	spin_unlock(&g_shminfo.lock);
	return ret;
}
