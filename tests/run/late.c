/* Exits 7, but only after fails.c has exited 3: the run's status is the first failure, 3. */
#include <sched.h>
#include <sys/sysinfo.h>

int main(void)
{
	struct sysinfo si;
	while (sysinfo(&si) == 0 && si.procs > 1) /* until fails.c has gone */
		sched_yield();
	return 7;
}
