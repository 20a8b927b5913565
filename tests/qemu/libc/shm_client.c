/* The classic shm_client of the textbooks: it reads the alphabet shm_server.c left at key 5678
 * and puts a '*' at the start of the segment to say so. One change: both programs start at
 * boot here, so the client waits for the segment and the alphabet instead of failing at once. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <sys/types.h>
#include <unistd.h>

#define SHMSZ 27

int main(void)
{
	int shmid;
	key_t key;
	char *shm, *s;

	key = 5678;
	while ((shmid = shmget(key, SHMSZ, 0666)) < 0) {
		if (errno != ENOENT) {
			perror("shmget");
			exit(1);
		}
		usleep(10000);
	}
	if ((shm = shmat(shmid, NULL, 0)) == (char *)-1) {
		perror("shmat");
		exit(1);
	}
	while (shm[SHMSZ - 2] != 'z')
		usleep(10000);

	printf("client: ");
	for (s = shm; *s != '\0'; s++)
		putchar(*s);
	putchar('\n');
	*shm = '*';
	exit(0);
}
