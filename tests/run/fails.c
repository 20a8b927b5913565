/* Exits 3 after a line of output: make run must mirror the line and exit 3. */
#include <stdio.h>

int main(void)
{
	printf("about to fail\n");
	return 3;
}
