/*
 * Internal shared-memory definitions (NuttX's mm/shm/shm.h).
 *
 * The region table is a static array of CONFIG_ARCH_SHM_MAXREGIONS regions. A shmid names
 * a slot and the slot's reuse count together, as Linux ipc ids do:
 *
 *     shmid = seq * CONFIG_ARCH_SHM_MAXREGIONS + slot
 *
 * so an id kept after its segment is destroyed never reaches a newer segment in that slot.
 *
 * Each process (task group) has its own shared-memory window, [CONFIG_ARCH_SHM_VBASE,
 * SHM_WINDOW_END), with a granule allocator over it that hands out page-aligned ranges,
 * and a list of what it has attached.
 */
#pragma once

#include <stddef.h>
#include <stdint.h>
#include <sys/shm.h>

#include "memlayout.h"
#include "mm/gran.h"
#include "mm/vm.h"
#include "spinlock.h"

/* Region flags: a bit mask (NuttX keeps them in a bool and so loses UNLINKED). */
#define SRFLAG_INUSE (1U << 0)    /* the slot holds a segment */
#define SRFLAG_UNLINKED (1U << 1) /* IPC_RMID was done: destroy at the last detach */

struct shm_region_s {
	unsigned flags;     /* SRFLAG_* */
	unsigned seq;       /* how often the slot has been used: part of the shmid */
	int id;             /* the shmid: seq * CONFIG_ARCH_SHM_MAXREGIONS + slot */
	size_t npages;      /* the size rounded up to pages: to huge pages for SHM_HUGETLB */
	int level;          /* the Sv39 level of its leaves: PAGE_LEVEL, or HUGE_LEVEL when it
			     * is made of huge pages; each frame is then 2 MiB (shm_frame_size) */
	uintptr_t *frames;  /* its frames, in order (shm_nslots of them); they need not be
			     * contiguous. 0 = not backed yet (lazy backing fills them in on
			     * first touch) */
	size_t nframes;     /* how many of frames[] hold one */
	size_t list_pages;  /* pages holding the pages[] list itself */
	struct shmid_ds ds; /* what IPC_STAT reports; ds.shm_perm.__key is the key, which
			     * becomes IPC_PRIVATE at IPC_RMID so the key can be used again */
};

struct shm_info_s {
	struct spinlock lock; /* guards every region */
	struct shm_region_s region[CONFIG_ARCH_SHM_MAXREGIONS];
};

extern struct shm_info_s g_shminfo;

/* The bytes each of r's frames holds: a 4 KiB page, or a 2 MiB huge page. */
static inline size_t shm_frame_size(const struct shm_region_s *r)
{
	return LEVEL_SIZE(r->level);
}

/* How many frames r has room for: the length of r->frames[]. */
static inline size_t shm_nslots(const struct shm_region_s *r)
{
	return r->npages * PGSIZE / shm_frame_size(r);
}

/* One attachment of a segment in a process. */
struct shm_attach_s {
	uintptr_t va;  /* where it starts; 0 = this slot is unused */
	size_t npages; /* its length as attached */
	int shmid;     /* the segment's id at attach time */
	int rdonly;
	int protected; /* mprotect changed some of its pages: fork copies each PTE's */
	struct shm_region_s *region; /* the segment: alive as long as this attachment is */
};

/* The PTE permissions an attachment's pages start with: never executable. */
static inline uint64_t shm_attach_perm(const struct shm_attach_s *a)
{
	return PTE_R | PTE_U | (a->rdonly ? 0 : PTE_W);
}

/* A process may hold this many attachments at once (more gives EMFILE). */
#define SHM_MAX_ATTACH CONFIG_ARCH_SHM_MAXREGIONS

/* The shared-memory part of a task group. */
struct shm_group_s {
	struct gran_s va;    /* the window's virtual page allocator */
	uint64_t *va_bitmap; /* its bitmap, in a page of its own; NULL until the first shmat */
	size_t bitmap_pages;
	struct shm_attach_s attach[SHM_MAX_ATTACH];
};

/* The region shmid names, or NULL if no live segment has that id. Caller holds the lock. */
struct shm_region_s *shm_lookup(int shmid);

/* The shmid a new segment in region r's slot gets, from the slot and its reuse count. */
int shm_make_id(const struct shm_region_s *r);

struct cred_s;

/* May a process with credentials c do what mode asks (bits of 0444 read, 0222 write) to a
 * segment with permissions perm? Linux's ipcperms: by the effective user, then the effective
 * and supplementary groups; effective uid 0 may do anything. */
int shm_permitted(const struct ipc_perm *perm, const struct cred_s *c, mode_t mode);

/* Is uid the segment's owner or creator, or root? (IPC_SET, IPC_RMID and SHM_LOCK need that.) */
int shm_is_owner(const struct ipc_perm *perm, uid_t uid);

/* Free a segment's frames and page list, and empty its slot. Caller holds the lock. */
void shm_destroy(struct shm_region_s *r);

/* An attachment of r has ended, or one about to begin did not: drop it from shm_nattch, and
 * destroy r if IPC_RMID was done and no attachment is left. Caller holds the lock. */
void shm_release(struct shm_region_s *r);

/* How many pages the live segments hold (frames and page lists); their count goes to *nsegs
 * unless nsegs is NULL. Takes the region lock. */
size_t shm_held_pages(int *nsegs);

struct task_group_s;

/* Detach attachment a of task t: unmap, free its window range, drop nattch,
 * and destroy the segment if it was removed and this was its last attachment. This is the
 * one detach path: shmdt, process exit, fork's rollback and shmat's SHM_REMAP all use it.
 * Caller holds the lock. */
void shm_detach_locked(struct task_group_s *t, struct shm_attach_s *a);

/* shm_detach_locked, taking the lock. */
void shm_detach(struct task_group_s *t, struct shm_attach_s *a);

/* Detach everything task t has attached and free its window allocator. */
void shm_group_release(struct task_group_s *t);

/* Make sure g's window allocator exists. Returns 0 or -ENOMEM. */
int shm_group_init(struct shm_group_s *g);

/* Map every frame segment r already has into env for attachment a. Returns 0 or -ENOMEM,
 * with nothing of a mapped. Caller holds the lock. */
int shm_map_frames(struct addrenv_s *env, const struct shm_attach_s *a,
		   const struct shm_region_s *r);

/* The attachment of t that contains va, or NULL. */
struct shm_attach_s *shm_find_attachment(struct task_group_s *t, uintptr_t va);

/* Make sure the segment of t's attachment a has a frame for page (allocating a zeroed one if
 * it has none yet: a whole huge page for a huge segment) and map it there, with the
 * attachment's permissions. Returns 0, -EEXIST if
 * page is mapped already, or -ENOMEM; *how says whether the frame was "new" or "existing".
 * Caller holds the lock, and fences the page on this hart. */
int shm_back_page(struct task_group_s *t, const struct shm_attach_s *a, uintptr_t page,
		  const char **how);

/* A user page fault at va, of kind access (PTE_R, PTE_W or PTE_X). If va lies in one of t's
 * attachments and access is allowed there, make sure the segment has a frame for that page
 * (allocating a zeroed one on first touch: a whole huge page, for a huge segment) and map it.
 * Returns 0 when the process may go on,
 * -EFAULT for a fault that is not shared memory's to mend, -EEXIST if the page is mapped
 * already (a spurious fault, or one about permissions), or -ENOMEM if no frame is free. */
int shm_fault(struct task_group_s *t, uintptr_t va, uint64_t access);

/* Give child the same attachments as parent: the same frames at the same addresses, each
 * raising nattch. Returns 0, or -ENOMEM; the caller then releases child's group. */
int shm_group_fork(struct task_group_s *parent, struct task_group_s *child);
