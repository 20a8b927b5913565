/* One of two programs with the same file name: make run must build the one it is given. */
#include <stdio.h>

int main(void)
{
	puts("I am b");
	return 0;
}
