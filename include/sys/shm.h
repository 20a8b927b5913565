/* System V shared memory (Linux values). */
#pragma once

#include <sys/ipc.h>
#include <sys/types.h>

#define SHM_R 0400 /* the owner's read and write permission bits, by their old names */
#define SHM_W 0200

#define SHM_RDONLY 010000 /* attach read-only */
#define SHM_RND 020000    /* round shmaddr down to SHMLBA */
#define SHM_REMAP 040000  /* with an address: replace what is attached wholly inside the range */
#define SHMLBA 4096       /* attach addresses are multiples of this: the page size */

/* shmget: back the segment with huge pages (2 MiB, each mapped by one page-table entry). */
#define SHM_HUGETLB 04000
/* With SHM_HUGETLB, bits 26..31 may give log2 of the huge page size (Linux's <linux/shm.h>):
 * 0 means the default, 2 MiB. rvshm has no other size, so SHM_HUGE_1GB is EINVAL. */
#define SHM_HUGE_SHIFT 26
#define SHM_HUGE_MASK 0x3f
#define SHM_HUGE_2MB (21 << SHM_HUGE_SHIFT)
#define SHM_HUGE_1GB (30 << SHM_HUGE_SHIFT)

/* In shm_perm.mode after IPC_RMID while still attached: destroyed at the last detach. */
#define SHM_DEST 01000

/* Linux's other shmctl commands. */
#define SHM_LOCK 11     /* keep the segment's pages in memory */
#define SHM_UNLOCK 12   /* let them be swapped again */
#define SHM_STAT 13     /* IPC_STAT by index into the kernel's table, not by id */
#define SHM_INFO 14     /* what all segments use: shmctl fills a struct shm_info */
#define SHM_STAT_ANY 15 /* SHM_STAT without the read-permission check */

/* In shm_perm.mode after SHM_LOCK. */
#define SHM_LOCKED 02000

typedef unsigned long shmatt_t;

/* glibc's generic layout (riscv64's), 112 bytes. */
struct shmid_ds {
	struct ipc_perm shm_perm;
	size_t shm_segsz;    /* size asked for at creation, in bytes */
	time_t shm_atime;    /* last shmat, Unix seconds */
	time_t shm_dtime;    /* last shmdt */
	time_t shm_ctime;    /* creation or last IPC_SET */
	pid_t shm_cpid;      /* creator */
	pid_t shm_lpid;      /* last shmat or shmdt */
	shmatt_t shm_nattch; /* attachments (not processes) */
	unsigned long __glibc_reserved5, __glibc_reserved6;
};

/* IPC_INFO's answer: the limits, laid out as Linux's struct shminfo64 (what riscv64 Linux
 * copies out), with glibc's names. */
struct shminfo {
	unsigned long shmmax; /* the largest segment, in bytes */
	unsigned long shmmin; /* the smallest, in bytes */
	unsigned long shmmni; /* the most segments the system holds */
	unsigned long shmseg; /* the most one process may attach */
	unsigned long shmall; /* the most pages all segments together may hold */
	unsigned long __glibc_reserved1, __glibc_reserved2, __glibc_reserved3, __glibc_reserved4;
};

/* SHM_INFO's answer: what the segments use now (Linux's struct shm_info). */
struct shm_info {
	int used_ids;                 /* segments that exist */
	unsigned long shm_tot;        /* pages all segments have */
	unsigned long shm_rss;        /* of which in memory */
	unsigned long shm_swp;        /* of which swapped out */
	unsigned long swap_attempts;  /* unused, 0 */
	unsigned long swap_successes; /* unused, 0 */
};

#ifndef __KERNEL__
int shmget(key_t key, size_t size, int shmflg);
void *shmat(int shmid, const void *shmaddr, int shmflg);
int shmdt(const void *shmaddr);
int shmctl(int shmid, int cmd, struct shmid_ds *buf);
#endif
