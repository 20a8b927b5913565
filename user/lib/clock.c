/* clock: the processor time a program has used, as CLOCK_PROCESS_CPUTIME_ID counts it (time
 * on a hart, the kernel's time for it included), as glibc's clock() does. */
#include <time.h>

/* In CLOCKS_PER_SEC units: microseconds, as on Linux. */
clock_t clock(void)
{
	struct timespec now;
	if (clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now) != 0)
		return (clock_t)-1;
	return now.tv_sec * CLOCKS_PER_SEC + now.tv_nsec / 1000;
}
