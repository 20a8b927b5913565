/* errno, and the tail every syscall stub jumps to. */
#include <errno.h>

int errno;

/* A syscall returned -errno (from -4095 to -1): POSIX wants errno set and -1 returned. */
long __syscall_error(long ret)
{
	errno = (int)-ret;
	return -1;
}
