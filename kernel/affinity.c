/* Hart affinity: which harts a thread may run on (sched_setaffinity, sched_getaffinity), and
 * which it runs on now (getcpu). The scheduler runs a thread only on a hart in its set. */
#include "errno.h"
#include "kernel.h"
#include "mm/uaccess.h"
#include "sched.h"
#include "smp.h"
#include "syscall.h"
#include "task.h"

/* The thread pid names for the affinity calls: 0 is the caller, else a tid (a process's pid
 * is its main thread's tid). With set, the caller must be root or its user, as on Linux.
 * Returns it with *err 0; or NULL with *err 0 for init (pid 1, the kernel, which runs on every
 * hart); or NULL with *err set. Caller holds task_lock. */
static struct tcb_s *target(int pid, int set, int *err)
{
	const struct task_group_s *self = this_group();
	if (pid == INIT_PID) { /* the kernel, as init, is on every hart and cannot be moved */
		*err = set ? -EPERM : 0;
		return NULL;
	}
	struct tcb_s *t = pid == 0 ? this_thread() : thread_by_tid(pid);
	*err = -ESRCH;
	if (!t || t->state == THREAD_EMBRYO || t->state == THREAD_DEAD)
		return NULL;
	*err = -EPERM;
	if (set && self->cred.euid != 0 && self->cred.euid != t->group->cred.euid &&
	    self->cred.euid != t->group->cred.uid)
		return NULL;
	*err = 0;
	return t;
}

/* Linux asks for a mask of whole longs, at least as long as there are harts. */
static int mask_size_ok(size_t len)
{
	return len >= sizeof(unsigned long) && len % sizeof(unsigned long) == 0;
}

long sys_sched_setaffinity(int pid, size_t len, uintptr_t umask)
{
	unsigned long mask;
	if (!mask_size_ok(len))
		return -EINVAL;
	if (copyin(&mask, umask, sizeof(mask)) != 0)
		return -EFAULT;
	mask &= smp_online(); /* bits of harts that do not run are ignored, as on Linux */
	if (!mask)
		return -EINVAL;
	int err;
	spin_lock(&task_lock);
	struct tcb_s *t = target(pid, 1, &err);
	int here_no_more = t == this_thread() && !(mask & 1UL << cpu_index());
	if (t) {
		t->affinity = mask;
		/* Running on a hart it may no longer use: interrupt it there, so that it yields
		 * on its way back to user mode. */
		if (t->state == THREAD_RUNNING && t != this_thread() && !(mask & 1UL << t->hart))
			smp_ipi(t->hart, IPI_WAKE);
		/* Waiting in the run queue for a hart it may no longer use: wake one of its new
		 * set, which may be idle. */
		if (t->state == THREAD_RUNNABLE)
			wake_hart_for(t);
	}
	spin_unlock(&task_lock);
	if (here_no_more)
		yield(); /* the scheduler takes this thread on only on a hart of its new set */
	return t ? 0 : err;
}

long sys_sched_getaffinity(int pid, size_t len, uintptr_t umask)
{
	if (!mask_size_ok(len))
		return -EINVAL;
	int err;
	spin_lock(&task_lock);
	struct tcb_s *t = target(pid, 0, &err);
	unsigned long mask = t ? t->affinity & smp_online() : smp_online(); /* or init's */
	spin_unlock(&task_lock);
	if (err < 0)
		return err;
	/* Linux's system call returns the bytes it wrote; glibc's wrapper then returns 0. */
	long ret = copyout(umask, &mask, sizeof(mask));
	return ret ? ret : (long)sizeof(mask);
}

long sys_getcpu(uintptr_t ucpu, uintptr_t unode, uintptr_t unused)
{
	(void)unused; /* Linux's tcache argument, unused there too */
	unsigned cpu = (unsigned)cpu_index(), node = 0;
	if (ucpu && copyout(ucpu, &cpu, sizeof(cpu)) != 0)
		return -EFAULT;
	if (unode && copyout(unode, &node, sizeof(node)) != 0)
		return -EFAULT;
	return 0;
}
