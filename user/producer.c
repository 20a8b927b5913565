/* The demo's producer: creates a segment, writes a request into it, and waits for the reply
 * that the consumer writes into the same physical frames from its own address. */
#define _GNU_SOURCE /* sched_setaffinity */
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/shm.h>
#include <unistd.h>

#include "demo.h"

int main(void)
{
	demo_pin("producer", PRODUCER_HART);
	int id = shmget(DEMO_KEY, 2 * 4096, IPC_CREAT | 0600);
	if (id < 0) {
		perror("producer: shmget");
		return 1;
	}
	struct demo_page *page = shmat(id, NULL, 0);
	if (page == (void *)-1) {
		perror("producer: shmat");
		return 1;
	}
	printf("producer: pid %d attached shmid %d at %p\n", getpid(), id, (void *)page);

	snprintf(page->request, sizeof(page->request), "hello from pid %d", getpid());
	/* Release: the request's bytes become visible before the stage that announces them. */
	atomic_store_explicit(&page->stage, REQUEST_WRITTEN, memory_order_release);
	printf("producer: wrote \"%s\"\n", page->request);

	/* Acquire: the reply is read only after the stage that announced it. */
	while (atomic_load_explicit(&page->stage, memory_order_acquire) != REPLY_WRITTEN)
		sched_yield();
	printf("producer: read  \"%s\"\n", page->reply);
	int ok = strncmp(page->reply, "thanks, ", 8) == 0;

	/* Remove the segment while both are still attached: its key goes now, its frames only at
	 * the last shmdt. Then let the consumer detach first, so that ours is the last. */
	if (shmctl(id, IPC_RMID, NULL) != 0) {
		perror("producer: shmctl IPC_RMID");
		return 1;
	}
	atomic_store_explicit(&page->stage, REMOVED, memory_order_release);
	struct shmid_ds ds;
	do {
		if (shmctl(id, IPC_STAT, &ds) != 0) {
			perror("producer: shmctl IPC_STAT");
			return 1;
		}
		sched_yield();
	} while (ds.shm_nattch > 1);
	printf("producer: pid %d detaches last\n", getpid());
	shmdt(page);
	printf("producer: %s\n", ok ? "exchange verified" : "WRONG REPLY");
	return ok ? 0 : 1;
}
