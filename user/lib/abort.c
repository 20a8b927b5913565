/* Abnormal termination: abort, raise, and the failure path of assert. */
#include <assert.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* abort() ends the program by SIGABRT, as a parent's waitpid() will see. */
void abort(void)
{
	raise(SIGABRT);
	_exit(128 + SIGABRT); /* not reached: the kernel ends us on the way out of raise */
}

int raise(int sig)
{
	return kill(getpid(), sig);
}

void __assert_fail(const char *expr, const char *file, int line, const char *func)
{
	fprintf(stderr, "%s:%d: %s: assertion '%s' failed\n", file, line, func, expr);
	abort();
}
