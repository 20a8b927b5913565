#include <stdio.h>
#include <unistd.h>
int main(void)
{
	printf("consumer: pid %d\n", getpid());
	return 0;
}
