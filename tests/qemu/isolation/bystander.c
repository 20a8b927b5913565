/* Runs beside isolation.c's victims and must finish untouched. */
#include <stdio.h>
#include <unistd.h>

int main(void)
{
	volatile unsigned long sum = 0;
	for (int round = 0; round < 20; round++) {
		for (unsigned long i = 0; i < 20000; i++)
			sum += i;
		usleep(2000);
	}
	printf("bystander: done, sum %lu\n", sum);
	return sum == 20 * (19999UL * 20000 / 2) ? 0 : 1;
}
