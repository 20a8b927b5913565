/* Resource limits (kernel/rlimit.h): what a process starts with, prlimit64, and the counts
 * fork, brk and shmat hold a process to. */
#include "rlimit.h"

#include <sys/resource.h>

#include "errno.h"
#include "kernel.h"
#include "memlayout.h"
#include "mm/uaccess.h"
#include "syscall.h"
#include "task.h"

/* The resources rvshm has a limit for, and that limit: every process's hard limit at most. */
static rlim_t kernel_limit(unsigned resource)
{
	switch (resource) {
	case RLIMIT_STACK:
		return USTACK_MAX_PAGES * PGSIZE;
	case RLIMIT_NPROC:
		return CONFIG_NPROC;
	case RLIMIT_NOFILE:
		return 3;
	case RLIMIT_AS:
		return USER_TOP;
	default:
		return 0; /* none: EINVAL */
	}
}

void rlimit_init(struct task_group_s *g)
{
	for (unsigned r = 0; r < RLIM_NLIMITS; r++)
		g->rlim[r] = (struct rlimit){ kernel_limit(r), kernel_limit(r) };
}

size_t rlimit_stack(const struct task_group_s *g)
{
	rlim_t cur = g->rlim[RLIMIT_STACK].rlim_cur;
	return PGROUNDDOWN(cur < kernel_limit(RLIMIT_STACK) ? cur : kernel_limit(RLIMIT_STACK));
}

int rlimit_as_lowered(const struct task_group_s *g)
{
	return g->rlim[RLIMIT_AS].rlim_cur < kernel_limit(RLIMIT_AS);
}

/* The bytes of g's address space, as RLIMIT_AS counts them: as Linux counts a mapping by its
 * size, whether frames back it yet or not. The program and its heap up to the break, each
 * stack at the size it may grow to (rvshm keeps that room for it from the start), and every
 * attachment. Caller holds the shm lock and g's vm_lock. */
static size_t address_space(const struct task_group_s *g)
{
	size_t bytes = PGROUNDUP(g->brk) - USER_BASE + rlimit_stack(g);
	for (uint64_t slots = g->stack_slots; slots; slots &= slots - 1) /* a slot a bit */
		bytes += THREAD_STACK_SIZE;
	for (int i = 0; i < SHM_MAX_ATTACH; i++)
		bytes += g->shm.attach[i].npages * PGSIZE; /* 0 for a free slot */
	return bytes;
}

int rlimit_as_allows(const struct task_group_s *g, size_t more)
{
	KASSERT(spin_holding(&g_shminfo.lock) && spin_holding(&g->vm_lock));
	return address_space(g) + more <= g->rlim[RLIMIT_AS].rlim_cur;
}

int rlimit_nproc_allows(const struct task_group_s *parent, const struct task_group_s *child)
{
	KASSERT(spin_holding(&task_lock));
	if (parent->cred.uid == 0 || parent->cred.euid == 0)
		return 1;
	rlim_t n = 0;
	for (int i = 0; i < CONFIG_NPROC; i++) {
		const struct task_group_s *g = &groups[i];
		if (g != child && g->state != GROUP_UNUSED && g->cred.uid == parent->cred.uid)
			n++;
	}
	return n < parent->rlim[RLIMIT_NPROC].rlim_cur;
}

/* May the caller, with credentials c, read and set the limits of a process with t's? Linux's
 * rule: root, or a caller whose real ids are every one of the target's user and group ids. */
static int may_prlimit(const struct cred_s *c, const struct cred_s *t)
{
	return c->euid == 0 || (c->uid == t->uid && c->uid == t->euid && c->uid == t->suid &&
				c->gid == t->gid && c->gid == t->egid && c->gid == t->sgid);
}

/* May the caller self change resource's limit of g to *new (NULL: only read it)? Linux's
 * checks, in its order. Returns 0, -EPERM or -EINVAL. Caller holds task_lock. */
static long prlimit_check(const struct task_group_s *self, const struct task_group_s *g,
			  unsigned resource, const struct rlimit *new)
{
	if (!may_prlimit(&self->cred, &g->cred))
		return -EPERM;
	if (resource >= RLIM_NLIMITS || !kernel_limit(resource))
		return -EINVAL;
	if (!new)
		return 0;
	if (new->rlim_cur > new->rlim_max)
		return -EINVAL;
	if (new->rlim_max > kernel_limit(resource))
		return -EPERM; /* more than rvshm has, even for root */
	if (new->rlim_max > g->rlim[resource].rlim_max && self->cred.euid != 0)
		return -EPERM; /* raising a hard limit takes root */
	return 0;
}

/* Linux's prlimit64: into *uold (unless 0) the limit resource of process pid (0: the caller)
 * had, and from *unew (unless 0) its new one. As on Linux, the new limit stays set even if the
 * old one cannot be written out (EFAULT). */
long sys_prlimit64(int pid, unsigned resource, uintptr_t unew, uintptr_t uold)
{
	struct task_group_s *self = this_group();
	struct rlimit new, old;
	if (unew && copyin(&new, unew, sizeof(new)) != 0)
		return -EFAULT;
	spin_lock(&task_lock);
	struct task_group_s *g = pid == 0 ? self : group_by_pid(pid);
	long err = g ? prlimit_check(self, g, resource, unew ? &new : NULL) : -ESRCH;
	if (err == 0) {
		old = g->rlim[resource];
		if (unew)
			g->rlim[resource] = new;
	}
	spin_unlock(&task_lock);
	if (err == 0 && uold && copyout(uold, &old, sizeof(old)) != 0)
		err = -EFAULT;
	return err;
}
