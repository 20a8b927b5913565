/* Exercise (e), ASIDs: two processes take turns on one hart with sched_yield, and a switch
 * between them flushes nothing. The fences are counted as exercise (c) counts them. */
#include <rvshm.h>
#include <sched.h>
#include <sys/shm.h>
#include <unistd.h>

#include "shmtest.h"
#include "utest.h"

#include "tlb_fences.h"

#define TURNS 50

/* Yield TURNS times, in turn with another process that does the same; the full fences
 * charged to this process meanwhile. */
static unsigned long full_fences_over_turns(void)
{
	struct tlb_fences a = { 0 }, b = { 0 };
	EXPECT_OK(tlb_fences(&a));
	for (int i = 0; i < TURNS; i++)
		sched_yield();
	EXPECT_OK(tlb_fences(&b));
	return b.full - a.full;
}

TEST(switches_between_processes_on_one_hart_issue_no_full_fence)
{
	if (!HAS_TLB_FENCES())
		return;
	pid_t pid = fork();
	if (pid == 0)
		_exit(full_fences_over_turns() != 0);
	EXPECT_EQ(full_fences_over_turns(), 0);
	EXPECT(exited_with(reap(pid), 0));
}
