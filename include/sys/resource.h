/* Resource limits (getrlimit, setrlimit, prlimit), and resource usage: getrusage, and what
 * wait4 reports of a child. Linux's values and layouts. */
#pragma once

#include <sys/time.h>
#include <sys/types.h>

/* The resources, with Linux's numbers. rvshm has a limit for four of them, which getrlimit
 * reports as they are and setrlimit may lower: RLIMIT_STACK (the main stack's growth, 1 MiB),
 * RLIMIT_NPROC (a user's processes, the process slots), RLIMIT_NOFILE (the descriptors 0, 1
 * and 2) and RLIMIT_AS (the address space, the user half). The others are EINVAL. */
#define RLIMIT_CPU 0
#define RLIMIT_FSIZE 1
#define RLIMIT_DATA 2
#define RLIMIT_STACK 3
#define RLIMIT_CORE 4
#define RLIMIT_RSS 5
#define RLIMIT_NPROC 6
#define RLIMIT_NOFILE 7
#define RLIMIT_MEMLOCK 8
#define RLIMIT_AS 9
#define RLIMIT_LOCKS 10
#define RLIMIT_SIGPENDING 11
#define RLIMIT_MSGQUEUE 12
#define RLIMIT_NICE 13
#define RLIMIT_RTPRIO 14
#define RLIMIT_RTTIME 15
#define RLIMIT_NLIMITS 16
#define RLIM_NLIMITS RLIMIT_NLIMITS

typedef unsigned long rlim_t;
#define RLIM_INFINITY (~0UL)
#define RLIM_SAVED_CUR RLIM_INFINITY
#define RLIM_SAVED_MAX RLIM_INFINITY

/* A limit: the soft one, which the kernel enforces, and the hard one, its ceiling. Anyone may
 * lower either or raise the soft one to the hard one; only root may raise the hard one, and no
 * one above what rvshm has (EPERM, as Linux answers for RLIMIT_NOFILE above its nr_open). */
struct rlimit {
	rlim_t rlim_cur;
	rlim_t rlim_max;
};

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
int getrlimit(int resource, struct rlimit *rlim);
int setrlimit(int resource, const struct rlimit *rlim);
#ifdef _GNU_SOURCE
/* Get (into old, unless NULL) and set (from new, unless NULL) a limit of process pid (0: the
 * caller). Another process's needs root, or all its user and group ids to be the caller's
 * real ones. */
int prlimit(pid_t pid, int resource, const struct rlimit *new_limit, struct rlimit *old_limit);
#endif
#endif
