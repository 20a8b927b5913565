/* The demo's consumer: finds the producer's segment by its key, attaches it at an address
 * of its own choosing, answers the request, and leaves. */
#define _GNU_SOURCE /* sched_setaffinity */
#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/shm.h>
#include <unistd.h>

#include "demo.h"

#define CONSUMER_ADDR ((void *)0x40100000) /* deliberately not where the producer has it */

/* Wait until some page of shared memory has a frame. With lazy backing (make qemu LAZY=1) a
 * page gets its frame at its first touch: waiting for the producer's makes our own first touch
 * find that frame, and the kernel shows one frame behind two addresses. (Eager backing gives
 * every page its frame at shmget, so there is nothing to wait for.) */
static void wait_for_a_frame(void)
{
	struct shm_info usage;
	while (shmctl(0, SHM_INFO, (struct shmid_ds *)&usage) >= 0 && usage.shm_rss == 0)
		sched_yield();
}

int main(void)
{
	demo_pin("consumer", CONSUMER_HART);
	int id;
	while ((id = shmget(DEMO_KEY, 0, 0600)) < 0 && errno == ENOENT)
		sched_yield(); /* the producer has not made it yet */
	if (id < 0) {
		perror("consumer: shmget");
		return 1;
	}
	wait_for_a_frame();
	struct demo_page *page = shmat(id, CONSUMER_ADDR, 0);
	if (page == (void *)-1) {
		perror("consumer: shmat");
		return 1;
	}
	printf("consumer: pid %d attached shmid %d at %p\n", getpid(), id, (void *)page);

	/* Acquire: the request is read only after the stage that announced it. */
	while (atomic_load_explicit(&page->stage, memory_order_acquire) != REQUEST_WRITTEN)
		sched_yield();
	printf("consumer: read  \"%s\"\n", page->request);
	int ok = strncmp(page->request, "hello from pid ", 15) == 0;

	snprintf(page->reply, sizeof(page->reply), "thanks, pid %d got it", getpid());
	atomic_store_explicit(&page->stage, REPLY_WRITTEN, memory_order_release);
	printf("consumer: wrote \"%s\"\n", page->reply);

	/* After IPC_RMID the key finds nothing, though the segment is still attached here. */
	while (atomic_load_explicit(&page->stage, memory_order_acquire) != REMOVED)
		sched_yield();
	int gone = shmget(DEMO_KEY, 0, 0600) < 0 && errno == ENOENT;
	printf("consumer: after IPC_RMID, shmget of key 0x%x: %s; still attached at %p\n", DEMO_KEY,
	       gone ? "ENOENT" : "STILL FOUND", (void *)page);
	shmdt(page);
	return ok && gone ? 0 : 1;
}
