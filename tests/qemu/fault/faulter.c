/* Stores through a NULL pointer: the kernel must kill this process alone. First it makes a
 * segment, whose creator pid tells survivor.c which process to watch. */
#include <stdio.h>
#include <sys/shm.h>

#include "fault.h"

int main(void)
{
	if (shmget(FAULTER_KEY, 4096, IPC_CREAT | 0600) < 0) {
		perror("faulter: shmget");
		return 1;
	}
	printf("faulter: about to store to NULL\n");
	*(volatile int *)0 = 42;
	printf("faulter: still alive\n");
	return 0;
}
