/* A .bss past the heap limit cannot be loaded: the kernel reports it and carries on. */
#include <stdio.h>

static volatile char huge[1UL << 30]; /* 1 GiB: the heap ends below 512 MiB */

int main(void)
{
	printf("huge_bss ran, with %d at the start of its .bss\n", huge[0]);
	return 0;
}
