/* make run V=1 of a program that makes a shared page read-only: the narration shows the PTE
 * lose its W bit. */
#include <stdio.h>
#include <sys/mman.h>
#include <sys/shm.h>

int main(void)
{
	int id = shmget(IPC_PRIVATE, 8192, IPC_CREAT | 0600);
	char *p = shmat(id, NULL, 0);
	p[0] = 'x';
	if (id < 0 || p == (void *)-1 || mprotect(p, 4096, PROT_READ) != 0)
		return 1;
	printf("read-only: %c\n", p[0]);
	shmdt(p);
	shmctl(id, IPC_RMID, NULL);
	return 0;
}
