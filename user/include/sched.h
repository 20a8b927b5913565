/* Scheduling: yielding the hart, and which harts a thread may run on (glibc's cpu_set_t). */
#pragma once

#include <sys/types.h>

int sched_yield(void);

#ifdef _GNU_SOURCE /* as with glibc, the affinity calls are GNU extensions */
#define CPU_SETSIZE 1024

/* A set of harts (CPUs), one bit each, as glibc lays it out: 128 bytes. */
typedef struct {
	unsigned long __bits[CPU_SETSIZE / (8 * sizeof(unsigned long))];
} cpu_set_t;

#define __CPU_WORD(cpu) ((cpu) / (8 * sizeof(unsigned long)))
#define __CPU_BIT(cpu) (1UL << ((cpu) % (8 * sizeof(unsigned long))))
#define CPU_ZERO(set) __builtin_memset((set), 0, sizeof(cpu_set_t))
#define CPU_SET(cpu, set) ((set)->__bits[__CPU_WORD(cpu)] |= __CPU_BIT(cpu))
#define CPU_CLR(cpu, set) ((set)->__bits[__CPU_WORD(cpu)] &= ~__CPU_BIT(cpu))
#define CPU_ISSET(cpu, set) (((set)->__bits[__CPU_WORD(cpu)] & __CPU_BIT(cpu)) != 0)
#define CPU_COUNT(set) __sched_cpucount(sizeof(cpu_set_t), (set))
#define CPU_EQUAL(a, b) (__builtin_memcmp((a), (b), sizeof(cpu_set_t)) == 0)
int __sched_cpucount(size_t size, const cpu_set_t *set);

/* Let thread pid (0: the caller; a process's pid names its first thread) run only on the
 * harts in set. Returns 0, or -1 with errno: EINVAL (no hart of set runs, or size too
 * small), ESRCH, EPERM, EFAULT. */
int sched_setaffinity(pid_t pid, size_t size, const cpu_set_t *set);

/* Store the harts thread pid may run on in *set. Returns 0 or -1 with errno. Pid 1, init
 * (the kernel), may run on every hart there is. */
int sched_getaffinity(pid_t pid, size_t size, cpu_set_t *set);

/* The hart the calling thread runs on now. */
int sched_getcpu(void);

/* Linux's getcpu: the hart in *cpu and the memory node (0) in *node, either may be NULL. */
int getcpu(unsigned *cpu, unsigned *node);
#endif
