/* Exercise (e), batched shootdowns: one remote fence for each operation that takes mappings
 * away, however many attachments and page-table pages it takes. The fences are counted as
 * exercise (c) counts them, in remote: a thread of this process spins on hart 1, so that hart
 * has the page table loaded throughout, and each shootdown must fence it. The main thread
 * works on hart 0.
 *
 * What the kernel does without batching: vm_unmap sends a remote fence each time it frees
 * page-table pages (when a leaf table, 2 MiB of the window, maps nothing any more), and one
 * at its end for the leaves cleared since; and each attachment is unmapped by its own
 * vm_unmap. So a shmdt of a 4 MiB attachment that starts on a 2 MiB boundary sends two, and
 * an shmat with SHM_REMAP that replaces two attachments sends at least two. With batching,
 * each sends one. A try can be disturbed: a hart that has just run a thread of this process
 * may still have its table loaded, and a count of one for each hart fenced then counts two.
 * So each count is taken a few times, and the test needs one try that counts exactly one. */
#define _GNU_SOURCE /* sched_setaffinity, sched_getcpu */
#include <pthread.h>
#include <rvshm.h>
#include <sched.h>
#include <stdatomic.h>
#include <sys/shm.h>
#include <unistd.h>

#include "shmtest.h"
#include "utest.h"

#include "tlb_fences.h"

#define TRIES 5
#define BIG_PAGES 1024 /* 4 MiB, the largest segment: two leaf tables' worth */

/* The remote fences charged to this process so far. */
static unsigned long remote_fences(void)
{
	struct tlb_fences c = { 0 };
	EXPECT_OK(tlb_fences(&c));
	return c.remote;
}

/* Pin the calling thread to hart h; whether it runs there now. */
static int pin(int h)
{
	cpu_set_t set;
	CPU_ZERO(&set);
	CPU_SET(h, &set);
	return sched_setaffinity(0, sizeof(set), &set) == 0 && sched_getcpu() == h;
}

static _Atomic int spinning, stop;

/* On hart 1, until told to stop: this process's page table stays loaded there. */
static void *spinner(void *unused)
{
	(void)unused;
	if (!pin(1))
		return NULL;
	while (!atomic_load(&stop))
		atomic_store(&spinning, 1);
	return NULL;
}

static pthread_t spinner_thread;

/* Pin this thread to hart 0, and start the spinner on hart 1; whether both are in place. */
static int start_spinner(void)
{
	atomic_store(&spinning, 0);
	atomic_store(&stop, 0);
	EXPECT(pin(0));
	EXPECT_EQ(pthread_create(&spinner_thread, NULL, spinner, NULL), 0);
	unsigned long t = now();
	while (!atomic_load(&spinning) && now() - t < DEADLINE)
		;
	EXPECT(atomic_load(&spinning)); /* else it could not pin itself to hart 1 */
	return !utest_failed();
}

static void stop_spinner(void)
{
	atomic_store(&stop, 1);
	EXPECT_EQ(pthread_join(spinner_thread, NULL), 0);
}

/* Attach segment id with shmflg at addr (NULL: anywhere), and touch each of its npages, so
 * that with lazy backing too every page is mapped. */
static volatile char *attach_all(int id, const void *addr, int shmflg, int npages)
{
	volatile char *p = shmat(id, addr, shmflg);
	EXPECT(p != FAILED);
	for (int i = 0; p != FAILED && i < npages; i++)
		p[i * PG] = 1;
	return p;
}

/* The remote fences a shmdt of p sends. */
static unsigned long shmdt_remote_fences(volatile char *p)
{
	unsigned long before = remote_fences();
	dt((const void *)p);
	return remote_fences() - before;
}

/* One try: a 4 MiB segment attached twice, each attachment on a 2 MiB boundary (shmat(NULL)
 * takes the lowest hole, and the window starts on one), so each spans two leaf tables, and
 * each shmdt empties both. The first leaves the level-1 table, which still maps the second;
 * the second takes it too. Whether each shmdt sent one remote fence. */
static int detach_twice_sends_one_each(int try)
{
	int id = seg(IPC_PRIVATE, BIG_PAGES * PG);
	volatile char *first = attach_all(id, NULL, 0, BIG_PAGES);
	volatile char *second = attach_all(id, NULL, 0, BIG_PAGES);
	unsigned long a = shmdt_remote_fences(first);
	unsigned long b = shmdt_remote_fences(second);
	rm(id);
	if (a != 1 || b != 1)
		printf("  try %d: the two shmdts sent %lu and %lu remote fences; expected 1 "
		       "each\n",
		       try, a, b);
	return a == 1 && b == 1;
}

TEST(each_shmdt_of_a_segment_attached_twice_sends_one_remote_fence)
{
	if (!HAS_TLB_FENCES() || !start_spinner())
		return;
	int one_remote_fence_each = 0;
	for (int i = 0; i < TRIES && !one_remote_fence_each; i++)
		one_remote_fence_each = detach_twice_sends_one_each(i);
	EXPECT(one_remote_fence_each);
	stop_spinner();
}

/* One try: a two-page segment attached twice, side by side, every page touched; then a
 * four-page segment attached over both with SHM_REMAP, which detaches them both first, by
 * the path exit takes too. Whether that shmat sent one remote fence. */
static int remap_over_two_sends_one(int try)
{
	int small = seg(IPC_PRIVATE, 2 * PG), big = seg(IPC_PRIVATE, 4 * PG);
	volatile char *first = attach_all(small, NULL, 0, 2);
	volatile char *second = attach_all(small, NULL, 0, 2);
	EXPECT(second == first + 2 * PG); /* the lowest hole: just above the first */
	unsigned long before = remote_fences();
	volatile char *p = shmat(big, (const void *)first, SHM_REMAP);
	unsigned long sent = remote_fences() - before;
	EXPECT(p == first);
	/* Replaced: no attachment starts there any more. */
	EXPECT_ERRNO(shmdt((const void *)second), EINVAL);
	dt((const void *)p);
	rm(small);
	rm(big);
	if (sent != 1)
		printf("  try %d: the shmat sent %lu remote fences; expected 1\n", try, sent);
	return sent == 1;
}

TEST(an_shmat_with_shm_remap_replacing_two_attachments_sends_one_remote_fence)
{
	if (!HAS_TLB_FENCES() || !start_spinner())
		return;
	int one_remote_fence = 0;
	for (int i = 0; i < TRIES && !one_remote_fence; i++)
		one_remote_fence = remap_over_two_sends_one(i);
	EXPECT(one_remote_fence);
	stop_spinner();
}
