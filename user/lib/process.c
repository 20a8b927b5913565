/* POSIX calls that are thin wrappers over a system call of another shape: creating and
 * waiting for processes, sleeping, and the time of day. */
#include <stddef.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "thread.h"

pid_t waitpid(pid_t pid, int *status, int options)
{
	return wait4(pid, status, options, NULL);
}

pid_t wait(int *status)
{
	return waitpid(-1, status, 0);
}

/* wait4 for any child. */
pid_t wait3(int *status, int options, struct rusage *rusage)
{
	return wait4(-1, status, options, rusage);
}

pid_t __fork(void);

/* fork, holding the C library's locks: the child has the calling thread only, and a lock held
 * by another thread at that moment would stay held in the child for ever. */
pid_t fork(void)
{
	__malloc_lock();
	__stdio_lock_all();
	pid_t pid = __fork();
	if (pid == 0)
		__pthread_forked();
	__stdio_unlock_all();
	__malloc_unlock();
	return pid;
}

/* fork: the child has its own copy of memory, which a program written for vfork's sharing
 * cannot tell apart, as long as it only calls _exit or exec in the child, as it must. */
pid_t vfork(void)
{
	return fork();
}

/* The process group of the caller: all processes are in init's, whose id is 1. */
pid_t getpgrp(void)
{
	return 1;
}

unsigned sleep(unsigned seconds)
{
	struct timespec ts = { (time_t)seconds, 0 };
	return nanosleep(&ts, NULL) == 0 ? 0 : seconds;
}

int usleep(useconds_t usec)
{
	struct timespec ts = { (time_t)(usec / 1000000), (long)(usec % 1000000) * 1000 };
	return nanosleep(&ts, NULL);
}

/* The time from CLOCK_REALTIME. A time zone, if asked for, is UTC's. */
int gettimeofday(struct timeval *tv, void *tz)
{
	struct timespec ts;
	if (clock_gettime(CLOCK_REALTIME, &ts) != 0)
		return -1;
	if (tv)
		*tv = (struct timeval){ ts.tv_sec, ts.tv_nsec / 1000 };
	if (tz)
		*(struct timezone *)tz = (struct timezone){ 0, 0 };
	return 0;
}

time_t time(time_t *t)
{
	struct timespec ts;
	if (clock_gettime(CLOCK_REALTIME, &ts) != 0)
		return (time_t)-1;
	if (t)
		*t = ts.tv_sec;
	return ts.tv_sec;
}
