/*
 * Resource limits (getrlimit, setrlimit, prlimit). rvshm has a limit for four resources, and a
 * process starts with each at what the kernel has, as its soft and hard limit:
 *
 *   RLIMIT_STACK   1 MiB       how far the main stack may grow (mm/ustack.c)
 *   RLIMIT_NPROC   CONFIG_NPROC processes of one real user; root is not held to it (fork)
 *   RLIMIT_NOFILE  3           descriptors 0, 1 and 2, all there are
 *   RLIMIT_AS      USER_TOP    the user half; a lowered limit refuses brk and shmat
 *
 * A process may lower its limits; the kernel then holds it to them. A process's limits change
 * under task_lock (prlimit may change another's); it reads its own without the lock, as one
 * word each.
 */
#pragma once

#include <stddef.h>

struct task_group_s;

/* Give a new process the kernel's limits, soft and hard. */
void rlimit_init(struct task_group_s *g);

/* How far g's main stack may grow: its RLIMIT_STACK, in whole pages, at most 1 MiB. */
size_t rlimit_stack(const struct task_group_s *g);

/* Has g lowered RLIMIT_AS? Only then can the address space meet it: the regions rvshm lays
 * out all fit in the user half. */
int rlimit_as_lowered(const struct task_group_s *g);

/* May g's address space grow by more bytes within its RLIMIT_AS? Caller holds the shm lock and
 * g's vm_lock, under which the regions counted change. */
int rlimit_as_allows(const struct task_group_s *g, size_t more);

/* May parent fork a child of its real user, by RLIMIT_NPROC? Linux's rule: the user's
 * processes (zombies too) must be fewer than the soft limit, unless the parent is root (real
 * or effective uid 0). child, an embryo, is not counted. Caller holds task_lock. */
int rlimit_nproc_allows(const struct task_group_s *parent, const struct task_group_s *child);
