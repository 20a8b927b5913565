/* Signal numbers, with Linux's values: how a process killed by a fault is reported. */
#pragma once

#define SIGHUP 1
#define SIGINT 2
#define SIGQUIT 3
#define SIGILL 4
#define SIGTRAP 5
#define SIGABRT 6
#define SIGBUS 7
#define SIGFPE 8
#define SIGKILL 9
#define SIGUSR1 10
#define SIGSEGV 11
#define SIGUSR2 12
#define SIGPIPE 13
#define SIGALRM 14
#define SIGTERM 15
#define SIGSTKFLT 16
#define SIGCHLD 17
#define SIGCONT 18
#define SIGSTOP 19
#define SIGTSTP 20
#define SIGTTIN 21
#define SIGTTOU 22
#define SIGURG 23
#define SIGXCPU 24
#define SIGXFSZ 25
#define SIGVTALRM 26
#define SIGPROF 27
#define SIGWINCH 28
#define SIGIO 29
#define SIGPWR 30
#define SIGSYS 31

/* The real-time signals: the kernel takes 32 to 64, and each ends a process by default. As
 * with glibc, programs are given 34 up, for glibc keeps 32 and 33 for its threads. */
#define SIGRTMIN 34
#define SIGRTMAX 64

#ifndef __KERNEL__
#include <sys/types.h>
int kill(pid_t pid, int sig);
int raise(int sig);
#endif
