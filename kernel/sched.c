/*
 * Round-robin scheduling. Each hart runs scheduler() on its boot stack; a task gives the hart
 * back through sched(), and the scheduler picks the next runnable task after it. task_lock
 * is held across every swtch(), so no other hart can see a task half switched.
 */
#include "sched.h"

#include "audit.h"
#include "cpu.h"
#include "kernel.h"
#include "riscv.h"
#include "shutdown.h"
#include "task.h"
#include "timer.h"

struct cpu cpus[NCPU];

/* Wake the tasks whose timed sleep is over. Caller holds task_lock. */
static void wake_sleepers(void)
{
	if (timed_sleepers == 0)
		return; /* the common case, and the scheduler runs at every switch */
	uint64_t now = timer_now();
	for (int i = 0; i < CONFIG_NPROC; i++) {
		struct task_group_s *t = &tasks[i];
		if (t->state == TASK_SLEEPING && t->wake_time && now >= t->wake_time) {
			t->wake_time = 0;
			t->state = TASK_RUNNABLE;
		}
	}
}

/* The next runnable task after index *last, round robin. Caller holds task_lock. */
static struct task_group_s *pick_next(int *last)
{
	wake_sleepers();
	for (int k = 1; k <= CONFIG_NPROC; k++) {
		int i = (*last + k) % CONFIG_NPROC;
		if (tasks[i].state == TASK_RUNNABLE) {
			*last = i;
			return &tasks[i];
		}
	}
	return NULL;
}

void scheduler(void)
{
	struct cpu *c = this_cpu();
	int last = CONFIG_NPROC - 1;
	for (;;) {
		spin_lock(&task_lock);
		struct task_group_s *t = pick_next(&last);
		if (t) {
			t->state = TASK_RUNNING;
			c->task = t;
			vm_switch(t->pagetable);
			swtch(&c->scheduler, &t->context);
			c->task = NULL;
			if (t->state == TASK_ZOMBIE) {
				task_reap_orphan(t);
				audit_pages(); /* it has just exited: are the books still right? */
			}
			spin_unlock(&task_lock);
			continue;
		}
		int live = task_count_live();
		spin_unlock(&task_lock);
		if (!live)
			shutdown();
		/* Nothing to run: sleep until an interrupt, with interrupts on just for that. */
		csr_set(sstatus, SSTATUS_SIE);
		wfi();
		csr_clear(sstatus, SSTATUS_SIE);
	}
}

void sched(void)
{
	struct cpu *c = this_cpu();
	KASSERT(spin_holding(&task_lock));
	KASSERT(c->intr_depth == 1);
	KASSERT(c->task->state != TASK_RUNNING);
	/* The interrupt state belongs to this task's kernel thread, not to the hart. */
	int was_on = c->intr_was_on;
	swtch(&c->task->context, &c->scheduler);
	this_cpu()->intr_was_on = was_on;
}

void yield(void)
{
	spin_lock(&task_lock);
	this_task()->state = TASK_RUNNABLE;
	sched();
	spin_unlock(&task_lock);
}

long sys_sched_yield(void)
{
	yield();
	return 0;
}
