/* Killed before it ever runs (see killer.c): this must never print. */
#include <stdio.h>

int main(void)
{
	printf("victim ran\n");
	return 0;
}
