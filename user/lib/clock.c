/* clock: the processor time a program has used. The kernel keeps no processor time per process
 * (clock_gettime knows CLOCK_REALTIME and CLOCK_MONOTONIC only), so this counts the monotonic
 * time since the program started instead: time spent asleep or waiting counts too, and a
 * child of fork goes on counting from its parent's start. */
#include <time.h>

static struct timespec start;

/* Note the program's start, from which clock counts (called before main, by start.c). */
void __clock_start(void)
{
	clock_gettime(CLOCK_MONOTONIC, &start);
}

/* In CLOCKS_PER_SEC units: microseconds, as on Linux. */
clock_t clock(void)
{
	struct timespec now;
	if (clock_gettime(CLOCK_MONOTONIC, &now) != 0)
		return (clock_t)-1;
	return (now.tv_sec - start.tv_sec) * CLOCKS_PER_SEC + (now.tv_nsec - start.tv_nsec) / 1000;
}
