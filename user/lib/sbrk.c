/* sbrk on top of Linux's brk syscall, which answers with the break it ends up at. */
#include <errno.h>
#include <unistd.h>

long brk(void *addr);

void *sbrk(long increment)
{
	char *old = (char *)brk(0);
	if (increment == 0)
		return old;
	char *want = old + increment;
	if ((char *)brk(want) != want) {
		errno = ENOMEM;
		return (void *)-1;
	}
	return old;
}
