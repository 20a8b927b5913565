/* Exercise (b), transparent huge pages: the tests docs/exercises.md asks a solution to pass. */
#include "../thp.h"

TEST(a_4mib_segment_attached_on_a_boundary_takes_no_leaf_table_page)
{
	int wid, id = seg(IPC_PRIVATE, 2 * HPG);
	volatile char *w = warm(&wid);
	volatile long *p;
	EXPECT_EQ(leaf_tables_to_attach(id, BOUNDARY, 2 * HPAGES, &p), 0);
	EXPECT(holds_indices(p, 2 * HPAGES, 0));
	dt((const void *)p);
	rm(id);
	unwarm(w, wid);
}

TEST(a_4mib_segment_at_a_fixed_address_off_a_boundary_uses_4kib_pages_and_works)
{
	int wid, id = seg(IPC_PRIVATE, 2 * HPG);
	volatile char *w = warm(&wid);
	volatile long *p;
	void *off = (char *)BOUNDARY + PG;
	/* 4 MiB from 4 KiB past a boundary reach into three 2 MiB parts: three leaf tables. */
	EXPECT_EQ(leaf_tables_to_attach(id, off, 2 * HPAGES, &p), 3);
	EXPECT(holds_indices(p, 2 * HPAGES, 0));
	dt((const void *)p);
	rm(id);
	unwarm(w, wid);
}

TEST(writes_through_huge_leaves_show_through_a_4kib_attachment_of_the_same_segment)
{
	int wid, id = seg(IPC_PRIVATE, 2 * HPG);
	volatile char *w = warm(&wid);
	volatile long *huge, *small;
	EXPECT_EQ(leaf_tables_to_attach(id, BOUNDARY, 2 * HPAGES, &huge), 0);
	small = shmat(id, (char *)BOUNDARY + 2 * HPG + PG, 0);
	EXPECT(small != FAILED);
	if (huge != FAILED && small != FAILED) {
		EXPECT(holds_indices(small, 2 * HPAGES, 0));
		for (size_t i = 0; i < 2 * HPAGES; i++)
			small[i * PG / sizeof(long)] = (long)i + 7;
		EXPECT(holds_indices(huge, 2 * HPAGES, 7));
	}
	dt((const void *)small);
	dt((const void *)huge);
	rm(id);
	unwarm(w, wid);
}

TEST(a_3mib_segment_has_one_huge_part_and_256_pages)
{
	int wid, id = seg(IPC_PRIVATE, HPG + HPG / 2);
	volatile char *w = warm(&wid);
	volatile long *p;
	/* The first 2 MiB is one leaf; the last 256 pages need one leaf table. */
	EXPECT_EQ(leaf_tables_to_attach(id, BOUNDARY, HPAGES + HPAGES / 2, &p), 1);
	EXPECT(holds_indices(p, HPAGES + HPAGES / 2, 0));
	EXPECT_EQ(stat_of(id).shm_segsz, HPG + HPG / 2);
	dt((const void *)p);
	rm(id);
	unwarm(w, wid);
}
