/* getrusage, and the usage wait4 reports of a child: CPU time and context switches. */
#include <sys/resource.h>

#include "errno.h"
#include "lib/string.h"
#include "mm/uaccess.h"
#include "rusage.h"
#include "syscall.h"
#include "task.h"
#include "timer.h"

uint64_t rusage_thread_ticks(const struct tcb_s *t)
{
	KASSERT(spin_holding(&task_lock));
	if (t->state != THREAD_RUNNING) /* off every hart: its count is whole */
		return t->cpu_ticks;
	return t->cpu_ticks + (timer_now() - cpus[t->hart].ran_since);
}

/* Add thread t's usage to *ticks and *ru. Caller holds task_lock. */
static void add_thread(const struct tcb_s *t, uint64_t *ticks, struct rusage *ru)
{
	*ticks += rusage_thread_ticks(t);
	ru->ru_nvcsw += t->nvcsw;
	ru->ru_nivcsw += t->nivcsw;
}

/* Fill *ru's switch counts for who (as rusage_of), and return its CPU time in ticks. */
static uint64_t usage(const struct task_group_s *g, const struct tcb_s *self, int who,
		      struct rusage *ru)
{
	KASSERT(spin_holding(&task_lock));
	memset(ru, 0, sizeof(*ru));
	uint64_t ticks = 0;
	if (who == RUSAGE_THREAD) {
		add_thread(self, &ticks, ru);
	} else if (who != RUSAGE_CHILDREN) { /* the process: its threads, live and dead */
		for (int i = 0; i < CONFIG_NTHREADS; i++)
			if (threads[i].state != THREAD_UNUSED && threads[i].group == g)
				add_thread(&threads[i], &ticks, ru);
		ticks += g->dead_cpu_ticks;
		ru->ru_nvcsw += g->dead_nvcsw;
		ru->ru_nivcsw += g->dead_nivcsw;
	}
	if (who == RUSAGE_CHILDREN || who == RUSAGE_BOTH) {
		ticks += g->child_cpu_ticks;
		ru->ru_nvcsw += g->child_nvcsw;
		ru->ru_nivcsw += g->child_nivcsw;
	}
	return ticks;
}

uint64_t rusage_group_ticks(const struct task_group_s *g)
{
	struct rusage ru;
	return usage(g, NULL, RUSAGE_SELF, &ru);
}

void rusage_of(const struct task_group_s *g, const struct tcb_s *self, int who, struct rusage *ru)
{
	uint64_t ticks = usage(g, self, who, ru), hz = timer_hz();
	ru->ru_utime =
	    (struct timeval){ (time_t)(ticks / hz), (suseconds_t)(ticks % hz * 1000000 / hz) };
}

long sys_getrusage(int who, uintptr_t uusage)
{
	struct rusage ru;
	if (who != RUSAGE_SELF && who != RUSAGE_CHILDREN && who != RUSAGE_THREAD)
		return -EINVAL;
	spin_lock(&task_lock);
	rusage_of(this_group(), this_thread(), who, &ru);
	spin_unlock(&task_lock);
	return copyout(uusage, &ru, sizeof(ru));
}
