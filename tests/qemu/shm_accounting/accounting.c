/* Physical pages: a segment holds its pages and gives every one back when destroyed. */
#include <sys/shm.h>
#include <sys/sysinfo.h>
#include <sys/wait.h>
#include <unistd.h>

#include "shmtest.h"
#include "utest.h"

#define K(n) ((key_t)(0x8000 + (n)))
#ifndef RVSHM_LAZY
#define RVSHM_LAZY 0
#endif

static struct sysinfo info(void)
{
	struct sysinfo si = { 0 };
	EXPECT_OK(sysinfo(&si));
	return si;
}

/* Page tables for the window may stay once made: make them before measuring. */
static void warm_up(void)
{
	int id = shmget(IPC_PRIVATE, 256 * PG, 0600);
	volatile char *p = shmat(id, NULL, 0);
	if (p != FAILED) {
		p[0] = 1;
		shmdt((void *)p);
	}
	shmctl(id, IPC_RMID, NULL);
}

TEST(sysinfo_reports_pages_in_page_units)
{
	struct sysinfo si = info();
	EXPECT_EQ(si.mem_unit, PG);
	EXPECT(si.totalram > si.freeram && si.freeram > 0);
	EXPECT(si.sharedram < 64); /* no segment exists yet */
}

TEST(a_segment_holds_its_pages_and_removal_gives_every_one_back)
{
	warm_up();
	struct sysinfo before = info();
	int id = EXPECT_OK(shmget(K(1), 5000, IPC_CREAT | 0600)); /* two pages */
	unsigned long made = info().sharedram - before.sharedram;
	EXPECT(RVSHM_LAZY ? made < 2 : made >= 2); /* eager: both pages now; lazy: none yet */
	volatile char *p = shmat(id, NULL, 0);
	if (p != FAILED) {
		p[0] = 1; /* lazy: the first touch of a page takes exactly that page */
		EXPECT_EQ(info().sharedram - before.sharedram, made + (RVSHM_LAZY ? 1 : 0));
		p[1] = 1;
		EXPECT_EQ(info().sharedram - before.sharedram, made + (RVSHM_LAZY ? 1 : 0));
		p[PG] = 1;
		EXPECT_EQ(info().sharedram - before.sharedram, made + (RVSHM_LAZY ? 2 : 0));
		EXPECT(info().freeram <= before.freeram - 2);
		EXPECT_OK(shmdt((void *)p));
	}
	/* Detached, not removed: the pages are kept. */
	EXPECT_EQ(info().sharedram - before.sharedram, made + (RVSHM_LAZY ? 2 : 0));
	EXPECT_OK(shmctl(id, IPC_RMID, NULL));
	struct sysinfo after = info();
	EXPECT_EQ(after.sharedram, before.sharedram);
	EXPECT_EQ(after.freeram, before.freeram);
}

TEST(a_removed_segment_gives_its_pages_back_at_the_last_detach)
{
	warm_up();
	struct sysinfo before = info();
	int id = EXPECT_OK(shmget(IPC_PRIVATE, 16 * PG, 0600));
	char *p = shmat(id, NULL, 0);
	if (p != FAILED)
		for (unsigned i = 0; i < 16; i++)
			p[i * PG] = 1;
	unsigned long held = info().sharedram - before.sharedram;
	EXPECT(held >= 16);
	EXPECT_OK(shmctl(id, IPC_RMID, NULL));
	EXPECT_EQ(info().sharedram - before.sharedram, held); /* still attached */
	if (p != FAILED)
		EXPECT_OK(shmdt(p));
	EXPECT_EQ(info().sharedram, before.sharedram);
	EXPECT_EQ(info().freeram, before.freeram);
}

TEST(reading_a_segment_through_a_read_only_attachment_gives_back_every_page)
{
	warm_up();
	struct sysinfo before = info();
	int id = EXPECT_OK(shmget(IPC_PRIVATE, 8 * PG, 0600));
	const volatile char *p = shmat(id, NULL, SHM_RDONLY);
	unsigned nonzero = 0;
	if (p != FAILED) {
		for (unsigned i = 0; i < 8; i++)
			nonzero += p[i * PG] != 0;
		EXPECT_OK(shmdt((const void *)p));
	}
	EXPECT_EQ(nonzero, 0);
	EXPECT_OK(shmctl(id, IPC_RMID, NULL));
	EXPECT_EQ(info().sharedram, before.sharedram);
	EXPECT_EQ(info().freeram, before.freeram);
}

TEST(a_child_that_dies_attached_gives_back_its_pages_with_the_segment)
{
	warm_up();
	struct sysinfo before = info();
	int id = EXPECT_OK(shmget(IPC_PRIVATE, 32 * PG, 0600));
	pid_t pid = fork();
	if (pid == 0) {
		char *p = shmat(id, NULL, 0);
		if (p == FAILED)
			_exit(1);
		for (unsigned i = 0; i < 32; i++)
			p[i * PG] = 1;
		shmctl(id, IPC_RMID, NULL);
		*(volatile int *)0 = 0; /* dies attached */
		_exit(2);
	}
	EXPECT(WIFSIGNALED(reap(pid)));
	struct sysinfo after = info();
	EXPECT_EQ(after.sharedram, before.sharedram);
	EXPECT_EQ(after.freeram, before.freeram);
}

TEST(creating_and_removing_untouched_segments_gives_back_every_page)
{
	warm_up();
	struct sysinfo before = info();
	int ids[8];
	for (int i = 0; i < 8; i++)
		ids[i] = EXPECT_OK(shmget(IPC_PRIVATE, 256 * PG, 0600));
	unsigned long held = info().sharedram - before.sharedram;
	EXPECT(RVSHM_LAZY ? held < 8 * 256 : held >= 8 * 256);
	for (int i = 0; i < 8; i++)
		if (ids[i] >= 0)
			EXPECT_OK(shmctl(ids[i], IPC_RMID, NULL));
	EXPECT_EQ(info().sharedram, before.sharedram);
	EXPECT_EQ(info().freeram, before.freeram);
}
