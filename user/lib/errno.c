/* errno, one for each thread, and the tail every syscall stub jumps to. */
#include <errno.h>

#include "thread.h"

int *__errno_location(void)
{
	return &__pthread_self()->err;
}

/* A syscall returned -errno (from -4095 to -1): POSIX wants errno set and -1 returned. */
long __syscall_error(long ret)
{
	errno = (int)-ret;
	return -1;
}
