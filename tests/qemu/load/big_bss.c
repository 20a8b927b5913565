/* A program with 200 MiB of .bss runs, in 16 MiB of RAM: .bss is backed a page at a time, at
 * first touch, as Linux backs it. */
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "shmtest.h"
#include "utest.h"

#define BIG (200UL << 20)

static char big[BIG];

TEST(a_200_mib_bss_costs_no_frame_until_touched)
{
	unsigned long before = free_pages();
	EXPECT_EQ(big[0], 0);
	EXPECT_EQ(big[BIG / 2], 0);
	EXPECT_EQ(big[BIG - 1], 0);
	EXPECT(before - free_pages() <= 3 + 2); /* three pages, and at most two page tables */
}

TEST(bss_pages_hold_what_is_written_to_them)
{
	memset(big + 100 * PG, 'x', 2 * PG);
	EXPECT_EQ(big[100 * PG], 'x');
	EXPECT_EQ(big[102 * PG - 1], 'x');
	EXPECT_EQ(big[102 * PG], 0);
}

static void touch_in_child(void)
{
	if (big[100 * PG] != 'x' || big[BIG - 2 * PG] != 0) /* copied, and still lazy */
		_exit(1);
	big[BIG - 2 * PG] = 'c';
}

TEST(a_child_gets_the_touched_bss_pages_and_its_own_lazy_rest)
{
	memset(big + 100 * PG, 'x', PG);
	EXPECT(exited_with(in_child(touch_in_child), 0));
	EXPECT_EQ(big[BIG - 2 * PG], 0); /* the child's page was its own */
}

TEST(a_system_call_may_write_into_untouched_bss)
{
	static char buf[8 * PG];
	int id = EXPECT_OK(shmget(IPC_PRIVATE, PG, 0600));
	struct shmid_ds *ds = (struct shmid_ds *)(big + BIG - PG); /* never touched yet */
	EXPECT_OK(shmctl(id, IPC_STAT, ds));
	EXPECT_EQ(ds->shm_segsz, PG);
	EXPECT_OK(write(1, buf + 4 * PG, 0));
	rm(id);
}
