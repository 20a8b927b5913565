/* exit: run the atexit handlers, newest first, write out the output stdio holds, then end the
 * process through _exit, the exit system call's stub (syscall/usys.S), which ends it at once. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#define ATEXIT_MAX 32 /* the least C and POSIX allow */

static void (*handlers[ATEXIT_MAX])(void);
static int nhandlers;

/* Returns 0, or -1 when ATEXIT_MAX handlers are already registered. */
int atexit(void (*fn)(void))
{
	if (nhandlers == ATEXIT_MAX)
		return -1;
	handlers[nhandlers++] = fn;
	return 0;
}

void exit(int status)
{
	/* Each handler is taken off before it runs, so one that calls exit doesn't run again. */
	while (nhandlers > 0)
		handlers[--nhandlers]();
	fflush(NULL);
	_exit(status);
}

/* C's name for _exit: no handlers run, and held output is lost. */
void _Exit(int status)
{
	_exit(status);
}
