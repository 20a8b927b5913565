/* Which harts a thread may run on, and which it runs on, with glibc's interfaces. */
#define _GNU_SOURCE /* cpu_set_t and the affinity calls */
#include <errno.h>
#include <sched.h>
#include <string.h>

long __sched_getaffinity(pid_t pid, size_t size, cpu_set_t *set);

/* The system call writes the bytes of the kernel's mask and returns how many; glibc's wrapper
 * clears the rest of the set and returns 0. */
int sched_getaffinity(pid_t pid, size_t size, cpu_set_t *set)
{
	long n = __sched_getaffinity(pid, size, set);
	if (n < 0)
		return -1;
	memset((char *)set + n, 0, size - (size_t)n);
	return 0;
}

int __sched_cpucount(size_t size, const cpu_set_t *set)
{
	int n = 0;
	for (size_t i = 0; i < size / sizeof(set->__bits[0]); i++)
		n += __builtin_popcountl(set->__bits[i]);
	return n;
}

int sched_getcpu(void)
{
	unsigned cpu;
	return getcpu(&cpu, NULL) == 0 ? (int)cpu : -1;
}
