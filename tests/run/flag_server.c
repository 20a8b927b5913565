/* The textbook server: it spins on a byte of shared memory that is not volatile until the
 * client writes '*' there. make run builds programs unoptimised, as cc does, so this ends. */
#include <stdio.h>
#include <string.h>
#include <sys/shm.h>

int main(void)
{
	int id = shmget(5678, 27, IPC_CREAT | 0666);
	char *shm = shmat(id, NULL, 0);
	if (id < 0 || shm == (char *)-1) {
		perror("server");
		return 1;
	}
	strcpy(shm, "msg");
	while (*shm != '*')
		;
	puts("server: the client answered");
	shmdt(shm);
	shmctl(id, IPC_RMID, NULL);
	return 0;
}
