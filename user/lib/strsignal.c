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
	[SIGSTKFLT] = "Stack fault",
	[SIGCHLD] = "Child exited",
	[SIGCONT] = "Continued",
	[SIGSTOP] = "Stopped (signal)",
	[SIGTSTP] = "Stopped",
	[SIGTTIN] = "Stopped (tty input)",
	[SIGTTOU] = "Stopped (tty output)",
	[SIGURG] = "Urgent I/O condition",
	[SIGXCPU] = "CPU time limit exceeded",
	[SIGXFSZ] = "File size limit exceeded",
	[SIGVTALRM] = "Virtual timer expired",
	[SIGPROF] = "Profiling timer expired",
	[SIGWINCH] = "Window changed",
	[SIGIO] = "I/O possible",
	[SIGPWR] = "Power failure",
	[SIGSYS] = "Bad system call",
};

/* For a real-time signal "Real-time signal N", N counted from SIGRTMIN as glibc counts; for
 * any other with no description "Unknown signal N". In a buffer the next call reuses. */
char *strsignal(int sig)
{
	static char made[32];
	if (sig > 0 && sig < (int)(sizeof(descriptions) / sizeof(descriptions[0])) &&
	    descriptions[sig])
		return (char *)descriptions[sig];
	if (sig >= SIGRTMIN && sig <= SIGRTMAX)
		snprintf(made, sizeof(made), "Real-time signal %d", sig - SIGRTMIN);
	else
		snprintf(made, sizeof(made), "Unknown signal %d", sig);
	return made;
}
