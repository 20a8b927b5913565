/* Round-robin scheduling: a run queue of runnable threads, one scheduler loop per hart. */
#pragma once

/* The per-hart scheduler loop: run each runnable thread in turn; idle with wfi. Never returns. */
__attribute__((noreturn)) void scheduler(void);

/* Give up the hart to the next runnable thread. */
void yield(void);

/* Switch from the current thread to the scheduler. Caller holds task_lock only and has
 * already changed the thread's state. */
void sched(void);
