/* The C library's two uses of the futex system call: wait while a word holds a value, and
 * wake those waiting on it. Never "private": the kernel names a futex by its physical address,
 * so a mutex in shared memory works between processes. */
#include <errno.h>

#include "thread.h"

#define FUTEX_WAIT 0
#define FUTEX_WAKE 1

long __futex(int *word, int op, int val, const void *timeout);

int __futex_wait(int *word, int val)
{
	int saved = errno; /* the caller's errno is the program's, not ours to change */
	int err = __futex(word, FUTEX_WAIT, val, 0) == 0 ? 0 : errno;
	errno = saved;
	return err;
}

void __futex_wake(int *word, int n)
{
	int saved = errno;
	__futex(word, FUTEX_WAKE, n, 0);
	errno = saved;
}
