/* Resource usage: what getrusage and wait4 report. */
#pragma once

#include <stdint.h>
#include <sys/resource.h>

#include "kernel.h"

struct task_group_s;

/* Linux's name for a process's own usage together with its waited-for children's. */
#define RUSAGE_BOTH (-2)

/* The time t has run on a hart, in time CSR ticks, user and kernel time together: what it
 * had when it last left a hart, and if it runs now (it is this hart's task), this slice too. */
uint64_t rusage_cpu_ticks(const struct task_group_s *t);

/* Fill *ru with t's usage: RUSAGE_SELF, RUSAGE_CHILDREN or RUSAGE_BOTH. Caller holds
 * task_lock, under which the counts change. */
void rusage_of(const struct task_group_s *t, int who, struct rusage *ru);
