/* 8 MiB of initialised data: more than this suite's 16 MiB of RAM leaves free once the kernel
 * image, which holds this very program, is loaded. It cannot be loaded: the kernel reports it
 * and carries on. */
#include <stdio.h>

static volatile char data[8UL << 20] = { 1 };

int main(void)
{
	printf("big_data ran, with %d in its data\n", data[0]);
	return 0;
}
