/* Exits 3 after a line of output: make run must mirror the line and fail. */
#include <stdio.h>

int main(void)
{
	printf("about to fail\n");
	return 3;
}
