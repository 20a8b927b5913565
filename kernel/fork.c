/* fork: a new process with a copy of the caller's private memory and its attachments. */
#include "errno.h"
#include "fpu.h"
#include "kernel.h"
#include "lib/string.h"
#include "memlayout.h"
#include "syscall.h"
#include "task.h"

long sys_fork(void)
{
	struct task_group_s *parent = this_task();
	int err;
	struct task_group_s *child = task_alloc(&err);
	if (!child)
		return err;
	/* Private memory is copied; the shared-memory window is not: its frames are shared. */
	err = vm_copy(parent->pagetable, child->pagetable, CONFIG_ARCH_SHM_VBASE, SHM_WINDOW_END);
	if (err == 0)
		err = shm_group_fork(parent, child);
	if (err != 0) {
		task_free(child); /* detaches through the one detach path, frees every page */
		return err;
	}
	memcpy(child->name, parent->name, sizeof(child->name));
	*child->tf = *parent->tf;
	fpu_flush(&parent->fpu, parent->pid); /* the child gets the parent's FP registers too */
	child->fpu.regs = parent->fpu.regs;
	child->fpu.saved = parent->fpu.saved;
	child->tf->a0 = 0; /* fork() returns 0 in the child */
	child->bss_start = parent->bss_start;
	child->image_end = parent->image_end;
	child->brk = parent->brk;
	child->uid = parent->uid, child->euid = parent->euid;
	child->gid = parent->gid, child->egid = parent->egid;
	spin_lock(&task_lock);
	child->parent = parent;
	spin_unlock(&task_lock);
	narrate("fork: pid %d -> child pid %d\n", parent->pid, child->pid);
	int pid = child->pid;
	task_start(child);
	return pid;
}
