/* The textbook pattern: a parent creates an IPC_PRIVATE segment, forks, and the child fills
 * it in. The attachment is inherited, so parent and child see the same physical frames. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
	int shmid = shmget(IPC_PRIVATE, 4096, IPC_CREAT | 0600);
	if (shmid == -1) {
		perror("shmget");
		exit(1);
	}
	char *mem = shmat(shmid, NULL, 0);
	if (mem == (char *)-1) {
		perror("shmat");
		exit(1);
	}
	pid_t pid = fork();
	if (pid == -1) {
		perror("fork");
		exit(1);
	}
	if (pid == 0) {
		snprintf(mem, 4096, "squares:");
		for (int i = 1; i <= 5; i++)
			snprintf(mem + strlen(mem), 4096 - strlen(mem), " %d", i * i);
		shmdt(mem);
		exit(0);
	}
	int status;
	waitpid(pid, &status, 0);
	printf("parent read from the child: %s\n", mem);
	int ok = strcmp(mem, "squares: 1 4 9 16 25") == 0;
	shmdt(mem);
	shmctl(shmid, IPC_RMID, NULL);
	return ok && WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : 1;
}
