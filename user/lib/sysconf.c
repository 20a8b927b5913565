/* sysconf and getpagesize: the system's fixed parameters. */
#include <errno.h>
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
	default:
		errno = EINVAL;
		return -1;
	}
}
