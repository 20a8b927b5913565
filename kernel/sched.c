/*
 * Round-robin scheduling on every hart. Each hart runs scheduler() on its boot stack; a thread
 * gives its hart back through sched(), and the scheduler runs the first thread in the run
 * queue that may run on this hart (its affinity), a FIFO of runnable threads shared by all
 * harts. task_lock guards the queue and is held across every swtch(), so no other hart can see
 * a thread half switched. A hart with nothing to run sleeps in wfi; a thread that becomes
 * runnable, or is queued again when it gives up its hart, wakes an idle hart it may run on
 * with an IPI, so it never waits for a tick.
 */
#include "sched.h"

#include "audit.h"
#include "cpu.h"
#include "fpu.h"
#include "kernel.h"
#include "mm/tlb.h"
#include "riscv.h"
#include "shutdown.h"
#include "smp.h"
#include "task.h"
#include "timer.h"

struct cpu cpus[NCPU];
static struct tcb_s *runq_head, *runq_tail;

/* The harts asleep in the scheduler's wfi that no one has woken yet, and those woken that
 * have not yet looked at the run queue. Guarded by task_lock: whoever makes a thread runnable
 * sees a hart that is about to sleep. */
static unsigned long idle_harts, woken_harts;

/* The first idle hart that t may run on, or -1. Caller holds task_lock. */
static int idle_hart_for(const struct tcb_s *t)
{
	unsigned long harts = idle_harts & t->affinity;
	for (int i = 0; harts; i++, harts >>= 1)
		if (harts & 1)
			return i;
	return -1;
}

/* Put t at the tail of the run queue. Caller holds task_lock. */
static void enqueue(struct tcb_s *t)
{
	KASSERT(spin_holding(&task_lock));
	t->state = THREAD_RUNNABLE;
	t->run_next = NULL;
	if (runq_tail)
		runq_tail->run_next = t;
	else
		runq_head = t;
	runq_tail = t;
}

void wake_hart_for(const struct tcb_s *t)
{
	int i = idle_hart_for(t);
	if (i >= 0) {
		idle_harts &= ~(1UL << i); /* one wakeup per hart: the next thread wakes another */
		woken_harts |= 1UL << i;
		smp_ipi(i, IPI_WAKE);
	}
}

void thread_make_runnable(struct tcb_s *t)
{
	enqueue(t);
	wake_hart_for(t);
}

/* Wake the threads whose timed sleep is over, and have the timer fire when the next one's
 * is. Caller holds task_lock. */
static void wake_sleepers(void)
{
	if (timed_sleepers == 0)
		return; /* the common case, and the scheduler runs at every switch */
	uint64_t now = timer_now(), next = UINT64_MAX;
	for (int i = 0; i < CONFIG_NTHREADS; i++) {
		struct tcb_s *t = &threads[i];
		if (t->state != THREAD_SLEEPING || !t->wake_time)
			continue;
		if (now >= t->wake_time) {
			t->wake_time = 0;
			thread_make_runnable(t);
		} else if (t->wake_time < next) {
			next = t->wake_time;
		}
	}
	timer_wake_by(next);
}

/* In test and debug builds, panic if a queued thread waits for a tick: it may run on a hart
 * that sleeps, and no hart it may run on has been woken since. Caller holds task_lock. */
static void check_none_waits_for_a_tick(void)
{
	if (!kernel_audit)
		return;
	for (const struct tcb_s *t = runq_head; t; t = t->run_next)
		if (idle_hart_for(t) >= 0 && !(woken_harts & t->affinity))
			panic("sched: tid %d waits while hart %d, which may run it, sleeps", t->tid,
			      idle_hart_for(t));
}

/* Take the first thread in the run queue that may run on this hart, or NULL. Caller holds
 * task_lock. Inline in both callers: it is on the switch path (make bench's ctx_switch). */
static inline __attribute__((always_inline)) struct tcb_s *pick_next(void)
{
	wake_sleepers();
	unsigned long me = 1UL << cpu_index();
	struct tcb_s *prev = NULL, *t = runq_head;
	while (t && !(t->affinity & me))
		prev = t, t = t->run_next;
	if (!t)
		return NULL;
	if (prev)
		prev->run_next = t->run_next;
	else
		runq_head = t->run_next;
	if (runq_tail == t)
		runq_tail = prev;
	return t;
}

/* Run t on this hart until it gives the hart back. Caller holds task_lock, and holds it again
 * when this returns. */
static void run(struct cpu *c, struct tcb_s *t)
{
	t->state = THREAD_RUNNING;
	t->hart = (int)cpu_index();
	c->thread = t;
	vm_switch(&t->group->addrenv);
	fpu_switch_in(c, &t->fpu, t->tid);
	c->ran_since = timer_now();
	swtch(&c->scheduler, &t->context);
	t->cpu_ticks += timer_now() - c->ran_since; /* what getrusage and clock() see */
	fpu_switch_out(c, &t->fpu, t->tid);         /* FS is still t's: nothing since used FP */
	c->thread = NULL;
}

/* Nothing to run: sleep until an interrupt. The hart leaves any process's page table first,
 * so that no process waits on an idle hart to be torn down (tlb_wait_unloaded). wfi runs with
 * interrupts off, so an IPI sent between the unlock and the wfi is not lost: it stays pending,
 * and a pending interrupt ends wfi at once. Then interrupts are let in, to be handled. */
static void idle(void)
{
	vm_switch(&kernel_addrenv);
	wfi();
	csr_set(sstatus, SSTATUS_SIE);
	csr_clear(sstatus, SSTATUS_SIE);
}

/* Sleep in wfi until there is a thread for this hart, and take it; returns with task_lock held
 * again, or powers off when no process is left. Caller holds task_lock. Out of line, so that
 * the switch path, which never sleeps, saves no registers for it. */
__attribute__((noinline)) static struct tcb_s *sleep_until_picked(void)
{
	unsigned long me = 1UL << cpu_index();
	for (;;) {
		int live = task_count_live();
		idle_harts |= me;
		spin_unlock(&task_lock);
		if (!live)
			shutdown();
		idle();
		spin_lock(&task_lock);
		idle_harts &= ~me;
		woken_harts &= ~me;
		struct tcb_s *next = pick_next();
		/* Woken for one thread, this hart may have taken another, ahead in the queue: wake
		 * a hart for each queued thread that no woken hart remains to run. */
		for (const struct tcb_s *t = runq_head; t; t = t->run_next)
			if (!(woken_harts & t->affinity))
				wake_hart_for(t);
		check_none_waits_for_a_tick();
		if (next)
			return next;
	}
}

void scheduler(void)
{
	struct cpu *c = this_cpu();
	for (;;) {
		spin_lock(&task_lock);
		struct tcb_s *t = pick_next();
		check_none_waits_for_a_tick();
		if (!t)
			t = sleep_until_picked();
		run(c, t);
		int dead = t->state == THREAD_DEAD;
		if (dead)
			thread_reap(t);
		spin_unlock(&task_lock);
		if (dead) {
			/* Off the process's page table first: a hart tearing it down waits for every
			 * hart to leave it, and so cannot stop for the audit. */
			vm_switch(&kernel_addrenv);
			audit_pages(); /* a thread has just exited: are the books still right? */
		}
	}
}

void sched(void)
{
	struct cpu *c = this_cpu();
	KASSERT(spin_holding(&task_lock));
	KASSERT(c->intr_depth == 1);
	KASSERT(c->thread->state != THREAD_RUNNING);
	/* The interrupt state belongs to this thread's kernel side, not to the hart. */
	int was_on = c->intr_was_on;
	swtch(&c->thread->context, &c->scheduler);
	this_cpu()->intr_was_on = was_on;
}

void yield(void)
{
	struct tcb_s *t = this_thread();
	spin_lock(&task_lock);
	t->nivcsw++; /* preempted or yielded: involuntary, even if t goes on at once */
	if (!runq_head && t->affinity & 1UL << cpu_index()) {
		wake_sleepers(); /* as the scheduler would: one whose sleep is over runs next */
		if (!runq_head) {
			spin_unlock(&task_lock); /* nothing else to run here: t goes on */
			return;
		}
	}
	enqueue(t);
	/* t need not wait for this hart while one that may run it sleeps. wake_hart_for checks
	 * too; checking here spares the call when no hart sleeps (10 instructions a switch). */
	if (idle_harts & t->affinity)
		wake_hart_for(t);
	sched();
	spin_unlock(&task_lock);
}

long sys_sched_yield(void)
{
	yield();
	return 0;
}
