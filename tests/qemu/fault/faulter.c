/* Stores through a NULL pointer: the kernel must kill this process alone. */
#include <stdio.h>

int main(void)
{
	printf("faulter: about to store to NULL\n");
	*(volatile int *)0 = 42;
	printf("faulter: still alive\n");
	return 0;
}
