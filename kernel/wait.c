/* wait4: collect an exited child's status; the child's slot is free afterwards. */
#include "errno.h"
#include "kernel.h"
#include "mm/uaccess.h"
#include "rusage.h"
#include "syscall.h"
#include "task.h"

#define WNOHANG 1
#define WUNTRACED 2  /* report stopped children: rvshm never stops one */
#define WCONTINUED 8 /* report continued children: likewise */
/* Linux's flags about threads and clone children, which wait4 accepts too. */
#define WAIT_THREAD_FLAGS (0x20000000U | 0x40000000U | 0x80000000U)

/* Does child t match waitpid's pid argument: a pid, -1 for any child, or 0 for any in the
 * caller's process group? rvshm has one process group, so 0 is any child too, and a group
 * -pid (pid < -1) has no children of ours in it. */
static int matches(const struct task_group_s *g, const struct task_group_s *parent, int pid)
{
	return g->parent == parent && g->state != GROUP_UNUSED &&
	       (pid == -1 || pid == 0 || g->pid == pid);
}

/* Hand zombie g's status and usage to the caller, then free its slot. Returns its pid, or
 * -EFAULT with the zombie left for another try if either cannot be stored. Caller holds
 * task_lock. */
static long reap(struct task_group_s *self, struct task_group_s *g, uintptr_t ustatus,
		 uintptr_t urusage)
{
	struct rusage ru;
	rusage_of(g, NULL, RUSAGE_BOTH, &ru);
	if ((ustatus && copyout(ustatus, &g->wait_status, sizeof(g->wait_status)) != 0) ||
	    (urusage && copyout(urusage, &ru, sizeof(ru)) != 0))
		return -EFAULT;
	self->child_cpu_ticks += g->dead_cpu_ticks + g->child_cpu_ticks;
	self->child_nvcsw += ru.ru_nvcsw;
	self->child_nivcsw += ru.ru_nivcsw;
	g->state = GROUP_UNUSED;
	return g->pid;
}

long sys_wait4(int pid, uintptr_t ustatus, int options, uintptr_t urusage)
{
	struct task_group_s *self = this_group();
	if ((unsigned)options & ~(WNOHANG | WUNTRACED | WCONTINUED | WAIT_THREAD_FLAGS))
		return -EINVAL;
	if (pid == INT32_MIN) /* as on Linux: no group has that id */
		return -ESRCH;
	spin_lock(&task_lock);
	for (;;) {
		int have_children = 0;
		for (int i = 0; i < CONFIG_NPROC; i++) {
			struct task_group_s *g = &groups[i];
			if (!matches(g, self, pid))
				continue;
			have_children = 1;
			if (!group_reapable(g))
				continue;
			long ret = reap(self, g, ustatus, urusage);
			spin_unlock(&task_lock);
			return ret;
		}
		if (!have_children || self->dying || (options & WNOHANG)) {
			spin_unlock(&task_lock);
			return !have_children ? -ECHILD : self->dying ? -EINTR : 0;
		}
		sleep_on(self); /* the exit of a child's last thread wakes its parent */
	}
}
