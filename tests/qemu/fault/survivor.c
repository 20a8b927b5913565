/* Keeps running while its neighbour is killed: it waits until faulter.c's process is gone
 * (killed, and reaped by init), removes its segment, and says it is done. */
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <sys/shm.h>

#include "fault.h"
#include "shmtest.h"

int main(void)
{
	unsigned long start = now();
	int id;
	while ((id = shmget(FAULTER_KEY, 0, 0)) < 0 && now() - start < DEADLINE)
		sched_yield(); /* the faulter has not made it yet */
	struct shmid_ds ds;
	if (id < 0 || shmctl(id, IPC_STAT, &ds) < 0) {
		perror("survivor: the faulter's segment");
		return 1;
	}
	while (kill(ds.shm_cpid, 0) == 0 && now() - start < DEADLINE)
		sched_yield();
	int gone = kill(ds.shm_cpid, 0) != 0;
	shmctl(id, IPC_RMID, NULL);
	printf(gone ? "survivor done\n" : "survivor: the faulter is still there\n");
	return gone ? 0 : 1;
}
