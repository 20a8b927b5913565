/* Resource usage: getrusage, and what wait4 reports of a child (Linux's layout). */
#pragma once

#include <sys/time.h>

#define RUSAGE_SELF 0
#define RUSAGE_CHILDREN (-1) /* the children that have ended and been waited for */

/* rvshm counts context switches only; it keeps no CPU time, resident size or fault counts,
 * so the other fields are 0. */
struct rusage {
	struct timeval ru_utime; /* user CPU time: 0 */
	struct timeval ru_stime; /* system CPU time: 0 */
	long ru_maxrss, ru_ixrss, ru_idrss, ru_isrss, ru_minflt, ru_majflt, ru_nswap, ru_inblock,
	    ru_oublock, ru_msgsnd, ru_msgrcv, ru_nsignals; /* all 0 */
	long ru_nvcsw;  /* voluntary switches: the process gave up the hart to wait (sleep, wait) */
	long ru_nivcsw; /* involuntary: the timer took the hart away, or sched_yield gave it up */
};

#ifndef __KERNEL__
int getrusage(int who, struct rusage *usage);
#endif
