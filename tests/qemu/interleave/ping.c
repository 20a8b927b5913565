/* Two processes take turns through sched_yield, and the timer preempts a spinning one. */
#include <sched.h>
#include <stdio.h>

int main(void)
{
	for (int i = 0; i < 3; i++) {
		printf("ping %d\n", i);
		sched_yield();
	}
	/* Spin well past a time slice without yielding: only the timer can let pong run. */
	unsigned long start, now;
	__asm__ volatile("rdtime %0" : "=r"(start));
	printf("ping spins\n");
	do
		__asm__ volatile("rdtime %0" : "=r"(now));
	while (now - start < 2000000); /* 0.2 s of the 10 MHz time base */
	printf("ping done\n");
	return 0;
}
