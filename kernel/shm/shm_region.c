/* The region table: ids, lookup, permissions, and destroying a segment. */
#include "shm.h"

#include "cred.h"
#include "kernel.h"
#include "lib/string.h"
#include "mm/pgalloc.h"

int shm_make_id(const struct shm_region_s *r)
{
	int slot = (int)(r - g_shminfo.region);
	return (int)(r->seq % (INT32_MAX / CONFIG_ARCH_SHM_MAXREGIONS)) *
		   CONFIG_ARCH_SHM_MAXREGIONS +
	       slot;
}

struct shm_region_s *shm_lookup(int shmid)
{
	if (shmid < 0)
		return NULL;
	struct shm_region_s *r = &g_shminfo.region[shmid % CONFIG_ARCH_SHM_MAXREGIONS];
	if (!(r->flags & SRFLAG_INUSE) || r->id != shmid)
		return NULL;
	return r;
}

int shm_permitted(const struct ipc_perm *perm, const struct cred_s *c, mode_t mode)
{
	if (c->euid == 0)
		return 1;
	mode_t granted = perm->mode;
	if (c->euid == perm->uid || c->euid == perm->cuid)
		granted >>= 6;
	else if (cred_in_group(c, perm->gid) || cred_in_group(c, perm->cgid))
		granted >>= 3;
	/* Fold the asked-for bits of every class into one rwx triple, as Linux's ipcperms does. */
	mode_t wanted = (mode >> 6 | mode >> 3 | mode) & 07;
	return (wanted & ~granted & 07) == 0;
}

int shm_is_owner(const struct ipc_perm *perm, uid_t uid)
{
	return uid == 0 || uid == perm->uid || uid == perm->cuid;
}

size_t shm_held_pages(int *nsegs)
{
	size_t pages = 0;
	int n = 0;
	spin_lock(&g_shminfo.lock);
	for (int i = 0; i < CONFIG_ARCH_SHM_MAXREGIONS; i++) {
		const struct shm_region_s *r = &g_shminfo.region[i];
		if (r->flags & SRFLAG_INUSE) {
			n++;
			pages += r->nframes * (shm_frame_size(r) / PGSIZE) + r->list_pages;
		}
	}
	spin_unlock(&g_shminfo.lock);
	if (nsegs)
		*nsegs = n;
	return pages;
}

void shm_destroy(struct shm_region_s *r)
{
	KASSERT(spin_holding(&g_shminfo.lock));
	KASSERT(r->ds.shm_nattch == 0);
	int id = r->id;
	size_t frame_pages = shm_frame_size(r) / PGSIZE;
	size_t freed = 0; /* with lazy backing, only the frames that were ever touched */
	for (size_t i = 0; r->frames && i < shm_nslots(r); i++)
		if (r->frames[i]) {
			mm_pgfree(r->frames[i], (unsigned)frame_pages);
			freed += frame_pages;
		}
	if (r->frames)
		mm_pgfree((uintptr_t)r->frames, (unsigned)r->list_pages);
	struct pginfo_s info;
	mm_pginfo(&info);
	if (r->flags & SRFLAG_INUSE) { /* not when shmget is rolling back a half-made segment */
		narrate("shm: shmid %d destroyed: %zu frame%s and %zu list page%s back to the pool "
			"(%zu free)\n",
			id, freed, plural(freed), r->list_pages, plural(r->list_pages), info.nfree);
		narrate_pause();
	}
	unsigned seq = r->seq;
	memset(r, 0, sizeof(*r));
	r->seq = seq + 1; /* the next segment in this slot gets a new id */
}

void shm_release(struct shm_region_s *r)
{
	KASSERT(spin_holding(&g_shminfo.lock));
	r->ds.shm_nattch--;
	if (r->ds.shm_nattch == 0 && (r->flags & SRFLAG_UNLINKED))
		shm_destroy(r);
}
