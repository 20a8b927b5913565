/* The textbook client: it waits for the server's segment and message, then answers '*'. */
#include <stdio.h>
#include <sys/shm.h>
#include <unistd.h>

int main(void)
{
	int id;
	while ((id = shmget(5678, 27, 0666)) < 0)
		sleep(1);
	char *shm = shmat(id, NULL, 0);
	if (shm == (char *)-1) {
		perror("client");
		return 1;
	}
	while (*shm != 'm')
		sleep(1);
	printf("client: %s\n", shm);
	*shm = '*';
	shmdt(shm);
	return 0;
}
