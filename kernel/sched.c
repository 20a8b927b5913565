/*
 * Round-robin scheduling. Each hart runs scheduler() on its boot stack; a task gives the hart
 * back through sched(), and the scheduler runs the task at the head of the run queue, a FIFO
 * of runnable tasks, so picking costs the same however many slots the task table has.
 * task_lock guards the queue and is held across every swtch(), so no other hart can see a
 * task half switched.
 */
#include "sched.h"

#include "audit.h"
#include "cpu.h"
#include "fpu.h"
#include "kernel.h"
#include "riscv.h"
#include "shutdown.h"
#include "task.h"
#include "timer.h"

struct cpu cpus[NCPU];
static struct task_group_s *runq_head, *runq_tail;

void task_make_runnable(struct task_group_s *t)
{
	KASSERT(spin_holding(&task_lock));
	t->state = TASK_RUNNABLE;
	t->run_next = NULL;
	if (runq_tail)
		runq_tail->run_next = t;
	else
		runq_head = t;
	runq_tail = t;
}

/* Wake the tasks whose timed sleep is over, and have the timer fire when the next one's
 * is. Caller holds task_lock. */
static void wake_sleepers(void)
{
	if (timed_sleepers == 0)
		return; /* the common case, and the scheduler runs at every switch */
	uint64_t now = timer_now(), next = UINT64_MAX;
	for (int i = 0; i < CONFIG_NPROC; i++) {
		struct task_group_s *t = &tasks[i];
		if (t->state != TASK_SLEEPING || !t->wake_time)
			continue;
		if (now >= t->wake_time) {
			t->wake_time = 0;
			task_make_runnable(t);
		} else if (t->wake_time < next) {
			next = t->wake_time;
		}
	}
	timer_wake_by(next);
}

/* Take the task at the head of the run queue, or NULL. Caller holds task_lock. */
static struct task_group_s *pick_next(void)
{
	wake_sleepers();
	struct task_group_s *t = runq_head;
	if (t) {
		runq_head = t->run_next;
		if (!runq_head)
			runq_tail = NULL;
	}
	return t;
}

void scheduler(void)
{
	struct cpu *c = this_cpu();
	for (;;) {
		spin_lock(&task_lock);
		struct task_group_s *t = pick_next();
		if (t) {
			t->state = TASK_RUNNING;
			c->task = t;
			vm_switch(t->pagetable);
			fpu_switch_in(c, &t->fpu, t->pid);
			c->ran_since = timer_now();
			swtch(&c->scheduler, &t->context);
			t->cpu_ticks +=
			    timer_now() - c->ran_since; /* what getrusage and clock() see */
			/* FS is still t's: nothing since has used FP. */
			fpu_switch_out(c, &t->fpu, t->pid);
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
	struct task_group_s *t = this_task();
	spin_lock(&task_lock);
	t->nivcsw++; /* preempted, or yielded: an involuntary switch, as Linux counts it */
	task_make_runnable(t);
	sched();
	spin_unlock(&task_lock);
}

long sys_sched_yield(void)
{
	yield();
	return 0;
}
