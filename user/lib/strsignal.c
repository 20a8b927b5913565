/* strsignal: a description of each signal, in glibc's words. */
#include <signal.h>
#include <stdio.h>
#include <string.h>

static const char *const descriptions[] = {
	[SIGHUP] = "Hangup",
	[SIGINT] = "Interrupt",
	[SIGQUIT] = "Quit",
	[SIGILL] = "Illegal instruction",
	[SIGTRAP] = "Trace/breakpoint trap",
	[SIGABRT] = "Aborted",
	[SIGBUS] = "Bus error",
	[SIGFPE] = "Floating point exception",
	[SIGKILL] = "Killed",
	[SIGUSR1] = "User defined signal 1",
	[SIGSEGV] = "Segmentation fault",
	[SIGUSR2] = "User defined signal 2",
	[SIGPIPE] = "Broken pipe",
	[SIGALRM] = "Alarm clock",
	[SIGTERM] = "Terminated",
	[SIGCHLD] = "Child exited",
};

/* For a signal with no description, "Unknown signal N", in a buffer the next call reuses. */
char *strsignal(int sig)
{
	static char unknown[32];
	if (sig > 0 && sig < (int)(sizeof(descriptions) / sizeof(descriptions[0])) &&
	    descriptions[sig])
		return (char *)descriptions[sig];
	snprintf(unknown, sizeof(unknown), "Unknown signal %d", sig);
	return unknown;
}
