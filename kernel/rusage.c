/* getrusage, and the usage wait4 reports of a child: CPU time and context switches. */
#include <sys/resource.h>

#include "errno.h"
#include "lib/string.h"
#include "mm/uaccess.h"
#include "rusage.h"
#include "syscall.h"
#include "task.h"
#include "timer.h"

uint64_t rusage_cpu_ticks(const struct task_group_s *t)
{
	if (t != this_task()) /* not running: its count is whole */
		return t->cpu_ticks;
	return t->cpu_ticks + (timer_now() - this_cpu()->ran_since);
}

/* ticks of the time CSR as a struct timeval. */
static struct timeval timeval_of(uint64_t ticks)
{
	uint64_t hz = timer_hz();
	return (struct timeval){ (time_t)(ticks / hz), (suseconds_t)(ticks % hz * 1000000 / hz) };
}

void rusage_of(const struct task_group_s *t, int who, struct rusage *ru)
{
	KASSERT(spin_holding(&task_lock));
	memset(ru, 0, sizeof(*ru));
	uint64_t ticks = 0;
	if (who != RUSAGE_CHILDREN) {
		ticks = rusage_cpu_ticks(t);
		ru->ru_nvcsw = t->nvcsw;
		ru->ru_nivcsw = t->nivcsw;
	}
	if (who != RUSAGE_SELF) {
		ticks += t->child_cpu_ticks;
		ru->ru_nvcsw += t->child_nvcsw;
		ru->ru_nivcsw += t->child_nivcsw;
	}
	ru->ru_utime = timeval_of(ticks);
}

long sys_getrusage(int who, uintptr_t uusage)
{
	struct rusage ru;
	if (who == RUSAGE_THREAD) /* a process has one thread, so its usage is the thread's */
		who = RUSAGE_SELF;
	if (who != RUSAGE_SELF && who != RUSAGE_CHILDREN)
		return -EINVAL;
	spin_lock(&task_lock);
	rusage_of(this_task(), who, &ru);
	spin_unlock(&task_lock);
	return copyout(uusage, &ru, sizeof(ru));
}
