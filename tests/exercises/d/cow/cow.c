/* Exercise (d), copy-on-write fork: the tests docs/exercises.md asks a solution to pass. */
#include <signal.h>
#include <stdint.h>
#include <sys/shm.h>
#include <time.h>
#include <unistd.h>

#include "shmtest.h"
#include "utest.h"

#define HEAP_PAGES 200

static volatile int *flag; /* in a shared page: how far the other process has got */
static volatile long *heap;
static struct timespec stamp = { 1, 1 };

/* A shared page for flag, touched, so that no test needs a page for it after a fork; and
 * HEAP_PAGES pages of heap, each written. Returns the segment's id. */
static int setup(void)
{
	int id = EXPECT_OK(shmget(IPC_PRIVATE, PG, 0600));
	flag = shmat(id, NULL, 0);
	EXPECT(flag != FAILED);
	*flag = 0;
	heap = sbrk(HEAP_PAGES * PG);
	EXPECT(heap != FAILED);
	for (int i = 0; heap != FAILED && i < HEAP_PAGES; i++)
		heap[i * PG / sizeof(long)] = i;
	return id;
}

static void teardown(int id)
{
	if (heap != FAILED)
		EXPECT(sbrk(-HEAP_PAGES * (long)PG) != FAILED);
	dt((const void *)flag);
	rm(id);
}

TEST(fork_takes_fewer_pages_than_the_parents_private_memory)
{
	int id = setup();
	unsigned long before = free_pages();
	pid_t pid = fork();
	if (pid == 0)
		_exit(!wait_for(flag, 1)); /* until the parent has counted */
	unsigned long during = free_pages();
	*flag = 1;
	EXPECT(exited_with(reap(pid), 0));
	EXPECT(before - during < HEAP_PAGES / 4);
	teardown(id);
}

TEST(a_write_after_fork_gives_the_writer_its_own_copy)
{
	int id = setup();
	pid_t pid = fork();
	if (pid == 0) { /* the child writes; then it reads what it wrote, not the parent's */
		heap[0] = -1;
		*flag = 1;
		_exit(!wait_for(flag, 2) || heap[0] != -1 || heap[PG / sizeof(long)] != 1);
	}
	EXPECT(wait_for(flag, 1));
	EXPECT_EQ(heap[0], 0);
	heap[PG / sizeof(long)] = -2; /* the parent writes; the child must not see it */
	*flag = 2;
	EXPECT(exited_with(reap(pid), 0));
	EXPECT_EQ(heap[PG / sizeof(long)], -2);
	teardown(id);
}

TEST(a_write_to_a_page_no_longer_shared_copies_nothing)
{
	int id = setup();
	pid_t pid = fork();
	if (pid == 0)
		_exit(0);
	EXPECT(exited_with(reap(pid), 0));
	unsigned long before = free_pages();
	for (int i = 0; heap != FAILED && i < HEAP_PAGES; i++)
		heap[i * PG / sizeof(long)] = -i;
	EXPECT_EQ(free_pages(), before);
	teardown(id);
}

/* In a child: clock_gettime into stamp, which the parent shares; exit 0 if it was written. */
static void stamp_now(void)
{
	EXPECT_OK(clock_gettime(CLOCK_MONOTONIC, &stamp));
	_exit(stamp.tv_sec == 1 && stamp.tv_nsec == 1);
}

TEST(copyout_into_a_page_shared_after_fork_copies_it_first)
{
	stamp.tv_sec = 1; /* the page is the parent's, written, before the fork */
	EXPECT(exited_with(in_child(stamp_now), 0));
	EXPECT_EQ(stamp.tv_sec, 1);
	EXPECT_EQ(stamp.tv_nsec, 1);
}

TEST(shared_memory_stays_shared_after_a_copy_on_write_fork)
{
	int id = setup();
	pid_t pid = fork();
	if (pid == 0) { /* a write through the inherited attachment shows in the parent */
		*flag = 1;
		_exit(!wait_for(flag, 2));
	}
	EXPECT(wait_for(flag, 1));
	*flag = 2; /* and one by the parent shows in the child */
	EXPECT(exited_with(reap(pid), 0));
	teardown(id);
}
