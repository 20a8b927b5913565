/* errno, and the tail every syscall stub jumps to. */
#include <errno.h>

int errno;

/* The kernel returns -errno for failures; POSIX wants errno set and -1 returned. */
long __syscall_return(long ret)
{
	if (ret < 0 && ret >= -4095) {
		errno = (int)-ret;
		return -1;
	}
	return ret;
}
