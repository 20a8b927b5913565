/* getrlimit, setrlimit and prlimit, on Linux's prlimit64 system call as glibc builds them:
 * riscv64 Linux has no getrlimit or setrlimit system call of its own. */
#define _GNU_SOURCE
#include <sys/resource.h>

long prlimit64(pid_t pid, int resource, const struct rlimit *new_limit, struct rlimit *old_limit);

int getrlimit(int resource, struct rlimit *rlim)
{
	return (int)prlimit64(0, resource, NULL, rlim);
}

int setrlimit(int resource, const struct rlimit *rlim)
{
	return (int)prlimit64(0, resource, rlim, NULL);
}

int prlimit(pid_t pid, int resource, const struct rlimit *new_limit, struct rlimit *old_limit)
{
	return (int)prlimit64(pid, resource, new_limit, old_limit);
}
