/* Waiting for children, and reading the status they leave (Linux's encoding: the low 7 bits
 * are the signal that ended the child, 0 for an exit, 0x7f for a stop; above them, the exit
 * status or the stop signal). The kernel reports exits and deaths by signal; the stop and
 * continue macros are here for programs written for Linux. */
#pragma once

#include <sys/types.h>

#define WNOHANG 1
#define WUNTRACED 2
#define WCONTINUED 8

#define WIFEXITED(s) (((s)&0x7f) == 0)
#define WEXITSTATUS(s) (((s) >> 8) & 0xff)
#define WIFSIGNALED(s) ((unsigned)(((s)&0x7f) - 1) < 0x7e) /* 1..0x7e, s read once */
#define WTERMSIG(s) ((s)&0x7f)
#define WCOREDUMP(s) ((s)&0x80)
#define WIFSTOPPED(s) (((s)&0xff) == 0x7f)
#define WSTOPSIG(s) WEXITSTATUS(s)
#define WIFCONTINUED(s) ((s) == 0xffff)

pid_t wait(int *status);
pid_t waitpid(pid_t pid, int *status, int options);
struct rusage; /* in <sys/resource.h> */
/* waitpid, also filling *rusage (unless NULL) with the child's usage and its children's. */
pid_t wait4(pid_t pid, int *status, int options, struct rusage *rusage);
/* wait4(-1, status, options, rusage). */
pid_t wait3(int *status, int options, struct rusage *rusage);
