/* Keeps running while its neighbour is killed. */
#include <sched.h>
#include <stdio.h>

int main(void)
{
	for (int i = 0; i < 5; i++)
		sched_yield();
	printf("survivor done\n");
	return 0;
}
