/* System V shared memory (Linux values). */
#pragma once

#include <sys/ipc.h>
#include <sys/types.h>

#define SHM_R 0400 /* the owner's read and write permission bits, by their old names */
#define SHM_W 0200

#define SHM_RDONLY 010000 /* attach read-only */
#define SHM_RND 020000    /* round shmaddr down to SHMLBA */
#define SHMLBA 4096       /* attach addresses are multiples of this: the page size */

/* In shm_perm.mode after IPC_RMID while still attached: destroyed at the last detach. */
#define SHM_DEST 01000

typedef unsigned long shmatt_t;

struct shmid_ds {
	struct ipc_perm shm_perm;
	size_t shm_segsz;    /* size asked for at creation, in bytes */
	time_t shm_atime;    /* last shmat, Unix seconds */
	time_t shm_dtime;    /* last shmdt */
	time_t shm_ctime;    /* creation or last IPC_SET */
	pid_t shm_cpid;      /* creator */
	pid_t shm_lpid;      /* last shmat or shmdt */
	shmatt_t shm_nattch; /* attachments (not processes) */
};

#ifndef __KERNEL__
int shmget(key_t key, size_t size, int shmflg);
void *shmat(int shmid, const void *shmaddr, int shmflg);
int shmdt(const void *shmaddr);
int shmctl(int shmid, int cmd, struct shmid_ds *buf);
#endif
