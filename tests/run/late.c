/* Exits 7, but only after fails.c has exited 3: the run's status is the first failure, 3. */
#include <unistd.h>

int main(void)
{
	usleep(200000);
	return 7;
}
