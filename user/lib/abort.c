/* Abnormal termination: abort, raise, and the failure path of assert. */
#define _GNU_SOURCE /* for program_invocation_short_name */
#include <assert.h>
#include <errno.h>
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

/* The message glibc prints, which begins with the program's short name (and no ": " when
 * that is empty). */
void __assert_fail(const char *expr, const char *file, unsigned line, const char *func)
{
	const char *prog = program_invocation_short_name;
	fprintf(stderr, "%s%s%s:%u: %s%sAssertion `%s' failed.\n", prog, *prog ? ": " : "", file,
		line, func ? func : "", func ? ": " : "", expr);
	abort();
}
