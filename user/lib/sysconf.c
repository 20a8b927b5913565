/* sysconf and getpagesize: the system's fixed parameters. */
#define _GNU_SOURCE /* cpu_set_t, for the number of harts */
#include <errno.h>
#include <limits.h>
#include <sched.h>
#include <sys/resource.h>
#include <sys/shm.h>
#include <unistd.h>

/* The page size: SHMLBA, the granule of shmat addresses, is one page here (see sys/shm.h). */
int getpagesize(void)
{
	return SHMLBA;
}

/* The value of the parameter name, or -1 with errno EINVAL for a name this system doesn't know. */
long sysconf(int name)
{
	switch (name) {
	case _SC_PAGESIZE:
		return getpagesize();
	case _SC_CLK_TCK: /* the unit of times() on Linux, whatever the kernel's tick */
		return 100;
	case _SC_NGROUPS_MAX: /* supplementary groups, which rvshm keeps fewer of than Linux */
		return NGROUPS_MAX;
	case _SC_OPEN_MAX: { /* as glibc: RLIMIT_NOFILE, 3 (descriptors 0, 1, 2) unless lowered */
		struct rlimit rl;
		return getrlimit(RLIMIT_NOFILE, &rl) == 0 ? (long)rl.rlim_cur : -1;
	}
	case _SC_NPROCESSORS_CONF: /* the harts the kernel runs on: init's, which may use all */
	case _SC_NPROCESSORS_ONLN: {
		cpu_set_t all;
		return sched_getaffinity(1, sizeof(all), &all) == 0 ? CPU_COUNT(&all) : 1;
	}
	default:
		errno = EINVAL;
		return -1;
	}
}
