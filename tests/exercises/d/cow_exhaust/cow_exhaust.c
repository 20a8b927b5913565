/* Exercise (d), copy-on-write fork, with little RAM: a copy that cannot be had. */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <sys/shm.h>
#include <unistd.h>

#include "shmtest.h"
#include "utest.h"

#define HEAP_PAGES 50

TEST(a_first_write_with_no_free_page_kills_only_the_writer_and_loses_no_page)
{
	int id = EXPECT_OK(shmget(IPC_PRIVATE, PG, 0600));
	volatile int *flag = shmat(id, NULL, 0);
	EXPECT(flag != FAILED);
	if (flag == FAILED)
		return rm(id);
	*flag = 0; /* touched now: no page is needed for it later */
	unsigned long before = free_pages();
	volatile long *heap = sbrk(HEAP_PAGES * PG);
	EXPECT(heap != FAILED);
	for (int i = 0; heap != FAILED && i < HEAP_PAGES; i++)
		heap[i * PG / sizeof(long)] = i;
	pid_t pid = fork();
	if (pid == 0) { /* once no page is left, write to a page the parent shares */
		if (wait_for(flag, 1))
			heap[0] = -1;
		_exit(0);
	}
	long eaten = 0;
	while (pid > 0 && sbrk(PG) != FAILED)
		eaten++;
	*flag = 1;
	int status = pid > 0 ? reap(pid) : -1;
	EXPECT(signal_of(status) == SIGSEGV || signal_of(status) == SIGBUS);
	EXPECT_EQ(heap[0], 0);
	EXPECT(sbrk(-(eaten + HEAP_PAGES) * (long)PG) != FAILED);
	EXPECT_EQ(free_pages(), before);
	dt((const void *)flag);
	rm(id);
}
