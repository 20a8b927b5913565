/* Resource usage: what getrusage, wait4 and the CPU-time clocks report. */
#pragma once

#include <stdint.h>
#include <sys/resource.h>

#include "kernel.h"

struct task_group_s;
struct tcb_s;

/* Linux's name for a process's own usage together with its waited-for children's. */
#define RUSAGE_BOTH (-2)

/* The time thread t has run on a hart, in time CSR ticks, user and kernel time together:
 * what it had when it last left a hart, and if it runs now, this slice so far. Caller holds
 * task_lock. */
uint64_t rusage_thread_ticks(const struct tcb_s *t);

/* The same for all of g's threads, those that have exited too. Caller holds task_lock. */
uint64_t rusage_group_ticks(const struct task_group_s *g);

/* Fill *ru with g's usage: RUSAGE_SELF, RUSAGE_CHILDREN or RUSAGE_BOTH, or with RUSAGE_THREAD
 * thread self's. Caller holds task_lock, under which the counts change. */
void rusage_of(const struct task_group_s *g, const struct tcb_s *self, int who, struct rusage *ru);
