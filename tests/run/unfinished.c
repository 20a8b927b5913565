/* Ends without a newline: its last line must still stand apart from the kernel's next one. */
#include <stdio.h>

int main(void)
{
	printf("no newline here");
	return 0;
}
