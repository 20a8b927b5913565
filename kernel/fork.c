/* fork: a new process with a copy of the caller's private memory and its attachments, and one
 * thread: a copy of the caller. */
#include "errno.h"
#include "fpu.h"
#include "kernel.h"
#include "lib/string.h"
#include "memlayout.h"
#include "rlimit.h"
#include "syscall.h"
#include "task.h"

long sys_fork(void)
{
	struct tcb_s *self = this_thread();
	struct task_group_s *parent = self->group;
	int err;
	struct tcb_s *t = task_alloc(&err);
	if (!t)
		return err;
	struct task_group_s *child = t->group;
	/* Private memory is copied; the shared-memory window is not: its frames are shared. The
	 * parent's other threads may be changing it meanwhile, hence its vm_lock. */
	spin_lock(&parent->vm_lock);
	err = vm_copy(parent->addrenv.pagetable, &child->addrenv, CONFIG_ARCH_SHM_VBASE,
		      SHM_WINDOW_END);
	child->bss_start = parent->bss_start;
	child->image_end = parent->image_end;
	child->brk = parent->brk;
	child->stack_slots = parent->stack_slots; /* the other threads' stacks are copied too */
	spin_unlock(&parent->vm_lock);
	if (err == 0)
		err = shm_group_fork(parent, child);
	if (err != 0) {
		task_free(t); /* detaches through the one detach path, frees every page */
		return err;
	}
	memcpy(child->name, parent->name, sizeof(child->name));
	*t->tf = *self->tf;
	t->tf->a0 = 0;                    /* fork() returns 0 in the child */
	fpu_flush(&self->fpu, self->tid); /* the child gets the caller's FP registers too */
	t->fpu.regs = self->fpu.regs;
	t->fpu.saved = self->fpu.saved;
	t->affinity = self->affinity;
	spin_lock(&task_lock);
	/* Counted and claimed in one hold of the lock, so that two forks at once cannot both
	 * take the last process RLIMIT_NPROC allows. */
	if (!rlimit_nproc_allows(parent, child)) {
		spin_unlock(&task_lock);
		task_free(t);
		return -EAGAIN;
	}
	child->cred = parent->cred;
	memcpy(child->rlim, parent->rlim, sizeof(child->rlim));
	child->parent = parent;
	spin_unlock(&task_lock);
	narrate("fork: pid %d -> child pid %d\n", parent->pid, child->pid);
	int pid = child->pid;
	thread_start(t);
	return pid;
}
