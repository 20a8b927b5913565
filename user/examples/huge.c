/* Huge pages: a 4 MiB segment made with SHM_HUGETLB is two 2 MiB pages, each 512 frames in a
 * row on a 2 MiB boundary and each mapped by one page-table entry at level 1, where a 4 KiB
 * page needs 512 entries at level 0. Run it with the kernel's narration to see the leaves:
 *
 *   make run PROG=user/examples/huge.c V=1
 */
#include <rvshm.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <unistd.h>

#define HUGE_PAGE (2UL << 20)

int main(void)
{
	int shmid = shmget(IPC_PRIVATE, 2 * HUGE_PAGE, IPC_CREAT | SHM_HUGETLB | 0600);
	if (shmid == -1) {
		perror("shmget"); /* ENOMEM: no two free 2 MiB runs of frames */
		exit(1);
	}
	unsigned long *mem = shmat(shmid, NULL, 0);
	if (mem == (unsigned long *)-1) {
		perror("shmat");
		exit(1);
	}
	printf("attached at %p, a multiple of 2 MiB: %s\n", (void *)mem,
	       (uintptr_t)mem % HUGE_PAGE == 0 ? "yes" : "no");
	pid_t pid = fork();
	if (pid == -1) {
		perror("fork");
		exit(1);
	}
	size_t words = 2 * HUGE_PAGE / sizeof(*mem);
	if (pid == 0) { /* the child inherits the attachment: the same two leaves */
		for (size_t i = 0; i < words; i += 512)
			mem[i] = i;
		exit(0);
	}
	int status;
	waitpid(pid, &status, 0);
	size_t wrong = 0;
	for (size_t i = 0; i < words; i += 512)
		wrong += mem[i] != i;
	printf("parent read what the child wrote in all 1024 pages: %s\n", wrong ? "no" : "yes");
	vmprint(); /* the window holds 2 huge pages */
	shmdt(mem);
	shmctl(shmid, IPC_RMID, NULL);
	return wrong == 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : 1;
}
