/* POSIX calls that are thin wrappers over a system call of another shape: waiting, sleeping,
 * and the time of day. */
#include <stddef.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

long wait4(pid_t pid, int *status, int options, void *rusage);

pid_t waitpid(pid_t pid, int *status, int options)
{
	return (pid_t)wait4(pid, status, options, NULL);
}

pid_t wait(int *status)
{
	return waitpid(-1, status, 0);
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
