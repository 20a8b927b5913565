/* Huge pages when memory runs short (MEM=16M): a huge page needs 512 free pages in a row on a
 * 2 MiB boundary, and many free pages may hold no such run. Eager shmget then fails with
 * ENOMEM, taking nothing; with lazy backing, the process whose touch needs the huge page gets
 * SIGBUS. Either way every page comes back. */
#include <signal.h>
#include <sys/shm.h>
#include <unistd.h>

#include "shmtest.h"
#include "utest.h"

#ifndef RVSHM_LAZY
#define RVSHM_LAZY 0
#endif

#define HPG (2UL << 20)
#define HPAGES (HPG / PG)
#define HUGE (IPC_CREAT | SHM_HUGETLB | 0600)
#define CHUNK 256 /* pages of each segment that fragments memory */
#define SPARE 150 /* pages left free for the stack, page tables and a child */
#define MAXSEGS 60

static int touch_id; /* the segment the child below touches */

/* Attach touch_id and store to each of its huge pages; the child exits 0 if it could. */
static void touch_every_huge_page(void)
{
	volatile char *p = shmat(touch_id, NULL, 0);
	if (p == FAILED)
		_exit(1);
	for (size_t off = 0; off < stat_of(touch_id).shm_segsz; off += HPG)
		p[off] = 1;
}

/* Back every page of segment id (4 KiB pages: with lazy backing, by touching them here). */
static void back(int id, size_t pages)
{
	volatile char *p = shmat(id, NULL, 0);
	if (p == FAILED)
		return EXPECT(0);
	for (size_t i = 0; i < pages; i++)
		p[i * PG] = 1;
	dt((void *)p);
}

/* Make the window's allocator and level-1 table, which outlive every detach. */
static void warm_up(void)
{
	int id = seg(IPC_PRIVATE, PG);
	back(id, 1);
	rm(id);
}

TEST(free_pages_in_short_runs_give_no_huge_page)
{
	warm_up();
	unsigned long start = free_pages();
	int ids[MAXSEGS], n = 0;
	/* Fill memory with segments in a row, each a list page and CHUNK frames... */
	while (n < MAXSEGS && free_pages() > CHUNK + 1 + SPARE) {
		ids[n] = seg(IPC_PRIVATE, CHUNK * PG);
		back(ids[n++], CHUNK);
	}
	/* ...and remove every other one but the last (after which memory is free): half the
	 * memory is free, in holes of about 1 MiB. */
	for (int i = 1; i < n - 1; i += 2)
		rm(ids[i]);
	unsigned long before = free_pages();
	EXPECT(before > 2 * HPAGES);
	if (!RVSHM_LAZY) {
		EXPECT_ERRNO(shmget(0x4e01, HPG, HUGE), ENOMEM);
		EXPECT_ERRNO(shmget(0x4e01, 0, 0600), ENOENT); /* nothing was kept */
	} else {
		touch_id = (int)EXPECT_OK(shmget(IPC_PRIVATE, HPG, HUGE));
		EXPECT(killed_by(in_child(touch_every_huge_page), SIGBUS));
		EXPECT_EQ(stat_of(touch_id).shm_nattch, 0);
		rm(touch_id);
	}
	EXPECT_EQ(free_pages(), before);
	for (int i = 0; i < n; i++)
		if (i % 2 == 0 || i == n - 1)
			rm(ids[i]);
	EXPECT_EQ(free_pages(), start);
}

/* Make huge segments of one huge page until no 2 MiB run is left; their ids go to ids. */
static int take_every_huge_page(int *ids)
{
	int n = 0;
	while (n < MAXSEGS) {
		int id = shmget(IPC_PRIVATE, HPG, HUGE);
		if (id < 0) { /* eager: no run for it */
			EXPECT_EQ(errno, ENOMEM);
			break;
		}
		touch_id = id;
		if (RVSHM_LAZY && !exited_with(in_child(touch_every_huge_page), 0)) {
			rm(id); /* lazy: no run for the touch */
			break;
		}
		ids[n++] = id;
	}
	return n;
}

TEST(a_segment_that_gets_only_some_of_its_huge_pages_gives_them_back)
{
	warm_up();
	unsigned long start = free_pages();
	int ids[MAXSEGS], n = take_every_huge_page(ids);
	EXPECT(n >= 2);
	EXPECT_EQ(start - free_pages(), n * (HPAGES + 1));
	rm(ids[--n]); /* one 2 MiB run is free again */
	unsigned long before = free_pages();
	if (!RVSHM_LAZY) {
		EXPECT_ERRNO(shmget(IPC_PRIVATE, 2 * HPG, HUGE), ENOMEM);
		EXPECT_EQ(free_pages(), before); /* the run it got went back */
	} else {
		touch_id = (int)EXPECT_OK(shmget(IPC_PRIVATE, 2 * HPG, HUGE));
		EXPECT(killed_by(in_child(touch_every_huge_page), SIGBUS));
		EXPECT_EQ(before - free_pages(), 1 + HPAGES); /* the first touch got the run */
		rm(touch_id);
	}
	EXPECT_EQ(free_pages(), before);
	ids[n] = (int)EXPECT_OK(shmget(IPC_PRIVATE, HPG, HUGE)); /* and it is free */
	touch_id = ids[n];
	EXPECT(exited_with(in_child(touch_every_huge_page), 0));
	for (int i = 0; i <= n; i++)
		rm(ids[i]);
	EXPECT_EQ(free_pages(), start);
}
