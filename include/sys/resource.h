/* Resource usage: getrusage, and what wait4 reports of a child (Linux's layout). */
#pragma once

#include <sys/time.h>

#define RUSAGE_SELF 0
#define RUSAGE_CHILDREN (-1) /* the children that have ended and been waited for */
#if defined(_GNU_SOURCE) || defined(__KERNEL__)
#define RUSAGE_THREAD 1 /* the calling thread alone */
#endif

/* rvshm counts CPU time and context switches; it keeps no resident size or fault counts, so
 * the other fields are 0. The CPU time is charged at each switch, kernel time with user time:
 * it is all in ru_utime. */
struct rusage {
	struct timeval ru_utime; /* CPU time, user and system together */
	struct timeval ru_stime; /* 0: counted in ru_utime */
	long ru_maxrss, ru_ixrss, ru_idrss, ru_isrss, ru_minflt, ru_majflt, ru_nswap, ru_inblock,
	    ru_oublock, ru_msgsnd, ru_msgrcv, ru_nsignals; /* all 0 */
	long ru_nvcsw;  /* voluntary switches: the process gave up the hart to wait (sleep, wait) */
	long ru_nivcsw; /* involuntary: the timer took the hart away, or sched_yield gave it up */
};

#ifndef __KERNEL__
int getrusage(int who, struct rusage *usage);
#endif
