/* isatty: the console is the only terminal, and descriptors 0 to 2 are the only ones, all on it. */
#include <errno.h>
#include <unistd.h>

int isatty(int fd)
{
	if (fd >= STDIN_FILENO && fd <= STDERR_FILENO)
		return 1;
	errno = EBADF;
	return 0;
}
