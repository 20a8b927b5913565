/* System V IPC: keys, permissions and the control commands shared by shm (Linux values). */
#pragma once

#include <sys/types.h>

#define IPC_PRIVATE ((key_t)0)

/* shmget flags, above the nine permission bits */
#define IPC_CREAT 01000
#define IPC_EXCL 02000
#define IPC_NOWAIT 04000 /* for the message and semaphore calls; shm has no use for it */

/* shmctl commands */
#define IPC_RMID 0
#define IPC_SET 1
#define IPC_STAT 2
#if defined(_GNU_SOURCE) || defined(__KERNEL__) /* Linux's own, so glibc's needs _GNU_SOURCE */
#define IPC_INFO 3 /* the system's limits: shmctl fills a struct shminfo (sys/shm.h) */
#endif

/* Laid out as glibc's for riscv64 (the generic layout, 48 bytes), so that a program built
 * against glibc's headers reads the same fields at the same offsets. */
struct ipc_perm {
	key_t __key; /* the key the segment was made with */
	uid_t uid;   /* owner */
	gid_t gid;
	uid_t cuid; /* creator */
	gid_t cgid;
	mode_t mode;          /* low 9 bits: rwx for owner, group, other */
	unsigned short __seq; /* slot reuse count, part of the id */
	unsigned short __pad2;
	unsigned long __glibc_reserved1, __glibc_reserved2;
};

#ifndef __KERNEL__
/* A key from a path and a project id. rvshm has no files, so the path is hashed. */
key_t ftok(const char *path, int id);
#endif
