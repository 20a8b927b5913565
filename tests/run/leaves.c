/* Exits leaving a keyed segment that no one removed: it lives on, holding its pages, and the
 * kernel must account for them at power-off. */
#include <stdio.h>
#include <string.h>
#include <sys/shm.h>

int main(void)
{
	int id = shmget(0x1eaf, 3 * 4096, IPC_CREAT | 0600);
	char *p = shmat(id, NULL, 0);
	if (id < 0 || p == (char *)-1) {
		perror("shm");
		return 1;
	}
	memset(p, 'x', 3 * 4096); /* back every page, lazy or eager */
	return 0;
}
