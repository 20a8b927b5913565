/* wait4: collect an exited child's status; the child's slot is free afterwards. */
#include "errno.h"
#include "kernel.h"
#include "mm/pgalloc.h"
#include "mm/uaccess.h"
#include "syscall.h"
#include "task.h"

#define WNOHANG 1

/* Does child t match waitpid's pid argument: a pid, -1 for any child, or 0 for any in the
 * caller's process group? rvshm has one process group, so 0 is any child too, and a group
 * -pid (pid < -1) has no children of ours in it. */
static int matches(const struct task_group_s *t, const struct task_group_s *parent, int pid)
{
	return t->parent == parent && t->state != TASK_UNUSED &&
	       (pid == -1 || pid == 0 || t->pid == pid);
}

long sys_wait4(int pid, uintptr_t ustatus, int options, uintptr_t rusage)
{
	struct task_group_s *self = this_task();
	if ((options & ~WNOHANG) != 0 || rusage != 0)
		return -EINVAL;
	if (pid == INT32_MIN) /* as on Linux: no group has that id */
		return -ESRCH;
	spin_lock(&task_lock);
	for (;;) {
		int have_children = 0;
		for (int i = 0; i < CONFIG_NPROC; i++) {
			struct task_group_s *t = &tasks[i];
			if (!matches(t, self, pid))
				continue;
			have_children = 1;
			if (t->state != TASK_ZOMBIE)
				continue;
			int status = t->wait_status, child = t->pid;
			/* Leave the zombie for another try if the status can't be stored. */
			if (ustatus && copyout(ustatus, &status, sizeof(status)) != 0) {
				spin_unlock(&task_lock);
				return -EFAULT;
			}
			mm_pgfree(t->kstack, KSTACK_PAGES);
			t->kstack = 0;
			t->state = TASK_UNUSED;
			spin_unlock(&task_lock);
			return child;
		}
		if (!have_children || self->killed || (options & WNOHANG)) {
			spin_unlock(&task_lock);
			return !have_children ? -ECHILD : self->killed ? -EINTR : 0;
		}
		sleep_on(self); /* task_exit wakes the parent */
	}
}
