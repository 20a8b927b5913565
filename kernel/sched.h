/* Round-robin scheduling: a run queue of runnable tasks, one scheduler loop per hart. */
#pragma once

/* The per-hart scheduler loop: run each runnable task in turn; idle with wfi. Never returns. */
__attribute__((noreturn)) void scheduler(void);

/* Give up the hart to the next runnable task. */
void yield(void);

/* Switch from the current task to the scheduler. Caller holds task_lock only and has
 * already changed the task's state. */
void sched(void);
