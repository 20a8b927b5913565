/* The other half of ping.c. */
#include <sched.h>
#include <stdio.h>

int main(void)
{
	for (int i = 0; i < 3; i++) {
		printf("pong %d\n", i);
		sched_yield();
	}
	printf("pong done\n");
	return 0;
}
