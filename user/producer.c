#include <stdio.h>
#include <unistd.h>
int main(void)
{
	printf("producer: pid %d\n", getpid());
	return 0;
}
